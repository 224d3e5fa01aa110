"""Quote detection and speaker attribution: the quotes engine's public entry point.

This module owns ``detect_quotes``, which turns a text into ``Quote`` results: it finds
the quotes from their marks (``marks``), decides whether each is a statement, a fragment
or a term, attributes a speaker from the cues around it (``attribution``) and, when
asked, adds reported speech without marks (``reported``). The function is pure: no I/O
and no state kept between calls.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

from reader.core.models import Quote, QuoteKind, Span
from reader.core.quotes.attribution import Attribution, attribute
from reader.core.quotes.marks import MarkedQuote, find_marked_quotes, split_paragraphs
from reader.core.quotes.reported import find_reported
from reader.core.quotes.resolution import Resolver

__all__ = ["QuoteDetail", "analyse_quotes", "detect_quotes", "looks_like_term"]

_WORD_RE = re.compile(r"\w[\w’'-]*")
# Words that make a short quote sentence-like: pronoun subjects, auxiliaries, negation.
_CLAUSE_WORDS = frozenset(
    """i we you he she they it there this that is are was were be been being am will would
    can could should shall may might must have has had do does did not no yes let""".split()
)
_CONTRACTIONS = (
    "n’t",
    "n't",
    "’s",
    "'s",
    "’re",
    "'re",
    "’ll",
    "'ll",
    "’ve",
    "'ve",
    "’m",
    "'m",
    "’d",
    "'d",
)
_TERM_MAX_WORDS = 5
# Small words a title in title case keeps in lower case: “Failure to Adjust”.
_TITLE_SMALL = frozenset("a an the of to and or in on at for with by from".split())
# Words before a title-case phrase that make it a name somebody gave: “called her ‘Miss Piggy’”.
_NAMING = ("as", "called", "dubbed", "labeled", "labelled", "nicknamed", "branded", "her", "him")


def looks_like_term(words: str) -> bool:
    """Whether quoted words look like a term rather than a statement.

    A term is a scare quote or a reported word or short phrase: at most five words and
    nothing that makes a clause (no pronoun subject, auxiliary, negation or contraction,
    no question or exclamation mark, and not a capitalised sentence of three or more words
    ending in a full stop or comma).
    ``“serious”`` and ``‘Obama sycophant’`` are terms; ``‘should have happened a long
    time ago’`` and ``“We will.”`` are statements.

    Args:
        words: The quoted words.

    Returns:
        True for term-like words.
    """
    tokens = _WORD_RE.findall(words)
    if len(tokens) > _TERM_MAX_WORDS or words.rstrip("”’\"' ").endswith(("?", "!")):
        return False
    if len(tokens) >= 3 and words[:1].isupper() and words.rstrip("”’\"' ").endswith((".", ",")):
        return False  # a sentence of its own: “The first part goes on.”
    for token in tokens:
        low = token.lower()
        if low in _CLAUSE_WORDS or low.endswith(_CONTRACTIONS):
            return False
    return True


def _shared(words: str | None) -> str | None:
    """One string object for each cue or speaker name (“said”, “Trump”).

    A corpus holds tens of thousands of quotes whose cues and speakers repeat; a reader
    keeps all of them, so each repeat would otherwise cost a string of its own.
    """
    return sys.intern(words) if words is not None else None


def _is_headline(text: str, para: Span) -> bool:
    """A short paragraph in title case: a headline, whose quoted words are all capitalised."""
    if para.end - para.start > 200:
        return False
    words = _WORD_RE.findall(text[para.start : para.end])
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 4 and caps >= 0.7 * len(words)


def _kind(
    text: str, quote: MarkedQuote, is_term: bool, who: Attribution, headline: bool
) -> QuoteKind:
    """Statement, fragment (somebody's short phrase) or term (nobody is said to have said it).

    A short phrase is somebody's words when a speech cue or a speaker goes with it in its
    own sentence (“called the polls ‘phony polls’”, “described by X as ‘productive’”);
    “so-called” and a title in title case (“told ‘Meet the Press’”) stay terms whatever the
    sentence says, since nobody is quoted by them, except a nickname somebody gave
    (“called her ‘Miss Piggy’”) and any phrase of a headline, which is in title case.
    """
    if not is_term or who.introduced:
        return "statement"
    if who.cue is None and who.speaker is None:
        return "term"
    before = text[max(0, quote.open_mark - 12) : quote.open_mark].rstrip().lower()
    if before.endswith(("so-called", "so called", "titled", "entitled")):
        return "term"
    owner = who.mention is not None and text[who.mention.start : who.mention.end].endswith(
        ("’s", "'s")
    )
    if who.cue is None and owner:
        return "term"  # “DuVernay’s ‘13th’”: an owner, not a speaker
    words = _WORD_RE.findall(text[quote.inner.start : quote.inner.end])
    titled = len(words) > 1 and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words)
    if titled and not headline and not before.endswith(_NAMING):
        return "term"
    return "fragment"


class QuoteDetail:
    """A quote together with the evidence behind its attribution (for evaluation).

    Attributes:
        quote: The result as returned by ``detect_quotes``.
        mention: Offsets of the phrase next to the cue (``he``) before resolution.
        closed: Whether the quote had a closing mark in its paragraph.
    """

    __slots__ = ("closed", "mention", "quote")

    def __init__(self, quote: Quote, mention: Span | None, closed: bool) -> None:
        self.quote = quote
        self.mention = mention
        self.closed = closed


def analyse_quotes(
    text: str, paragraphs: Sequence[Span] | None = None, *, indirect: bool = False
) -> list[QuoteDetail]:
    """Like ``detect_quotes`` but also return the attribution evidence of every quote.

    Args:
        text: The text to analyse.
        paragraphs: Its paragraph spans; None splits the text at newlines.
        indirect: Also find reported speech without quote marks (kind ``indirect``).

    Returns:
        One ``QuoteDetail`` per quote, sorted by position.
    """
    paras = list(paragraphs) if paragraphs is not None else split_paragraphs(text)
    marked = find_marked_quotes(text, paras)
    term_like = [
        looks_like_term(text[q.inner.start : q.inner.end]) and not (q.continues or q.continued)
        for q in marked
    ]
    ctx = Resolver(text, paras, marked)
    found: list[Attribution] = attribute(ctx, term_like)
    details: list[QuoteDetail] = []
    headlines = [_is_headline(text, para) for para in paras]
    for quote, is_term, who in zip(marked, term_like, found, strict=True):
        kind = _kind(text, quote, is_term, who, headlines[quote.paragraph])
        details.append(
            QuoteDetail(
                Quote(quote.inner, kind, _shared(who.speaker), who.speaker_span, _shared(who.cue)),
                who.mention,
                quote.close_mark is not None,
            )
        )
    if not indirect:
        return details
    statements = frozenset(i for i, d in enumerate(details) if d.quote.kind == "statement")
    reported = [
        QuoteDetail(
            Quote(r.span, "indirect", _shared(r.speaker), r.speaker_span, _shared(r.cue)),
            r.mention,
            True,
        )
        for r in find_reported(ctx, marked, statements)
    ]
    if not reported:
        return details
    return sorted(details + reported, key=lambda d: d.quote.span.start)


def detect_quotes(
    text: str, paragraphs: Sequence[Span] | None = None, *, indirect: bool = False
) -> list[Quote]:
    """Find the direct quotes of a text (and, if asked, its reported speech) and who said them.

    Detection: quotes in “ ” " ‘ ’ ' « » ‹ › „ “ ‚ ‘ marks; apostrophes (Trump's, don’t,
    ’90s, rock ’n’ roll, the allies’ plan) are told apart from single quote marks by their
    neighbours and by pairing. Overlap policy: results are disjoint and sorted by
    ``span.start``; a quote nested inside another is part of the outer quote and is not
    returned on its own. A quote never crosses a paragraph: a multi-paragraph quote (its
    opening mark repeated at each paragraph start) comes back as one quote per paragraph,
    all with the same speaker. An unclosed double or guillemet quote ends at its paragraph
    end (or before a same-family quote opened inside it); an unclosed single quote is
    dropped. A quote split by its attribution (“We will,” he said, “win.”) is two quotes
    with the same speaker. ``span`` covers the words inside the marks, whitespace trimmed
    (punctuation inside the marks is kept).

    Kind: a short phrase (at most five words, no clause words) not introduced by a cue
    with a comma or colon is a ``fragment`` when a cue or speaker goes with it in its
    sentence, else a ``term`` (also after “so-called” or “titled”, and a title-case
    phrase outside headlines unless somebody “called” it so); otherwise ``statement``.

    Attribution: ``speaker`` is the surface name found from the cues around the quote (“…,”
    X said / said X / X told reporters / according to X, also later in the sentence / X:
    “…” / X remarked, “…” / stating, “…” -> the sentence subject / described by X as “…” /
    as X put it / a “– X” or “― X” signature after it or on the line under it), else from
    a cue in the previous or next sentence, the previous attributed quote of the paragraph,
    or the last one before a paragraph break; a quote inside a sentence without any cue
    goes to the sentence's subject when that is a name or he/she (``cue`` is then None).
    He/she and role descriptions (“the president”) resolve to the nearest compatible
    person named before them, skipping a sentence's objects and names after prepositions,
    and ``speaker_span`` then points at that name; a chain that ends at a bare description
    goes to the person the text names most. “It” goes to an organisation named in its
    sentence or the one before. A definite description that matches no named person (“the
    U.S. Secretary of State”) is returned as written; indefinite or plural sources (“a
    spokesman”, “officials”), I/we/they and undecidable cases give None. ``actor`` is
    always None.

    Reported speech (``indirect=True``): kind ``indirect``, its span the reported clause
    without “that”, found and attributed as ``reported`` describes; sorted in among the
    direct quotes by start. It never overlaps a statement, but may hold a fragment or a
    term (“he said the plan was ‘dead’”), so only the direct quotes are disjoint.

    Args:
        text: The text to analyse (cleaned or raw).
        paragraphs: Its paragraph spans, sorted and disjoint; None splits at newlines.
        indirect: Also find reported speech without quote marks.

    Returns:
        The quotes, sorted by position.
    """
    return [detail.quote for detail in analyse_quotes(text, paragraphs, indirect=indirect)]
