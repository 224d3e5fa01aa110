"""Reported speech without quote marks: “Zelensky stressed that Ukraine's sovereignty …”.

This module owns ``find_reported``: in every sentence that holds no quoted statement it
looks for a reporting cue with a speaker, in four shapes, and returns the reported
clause (without “that”) with the speaker resolved by the same ``Resolver`` as direct
quotes:

* X said (that) CONTENT / X told reporters (on Monday) that CONTENT / X expressed CONTENT
  / X called for CONTENT / …, saying CONTENT / X said A and warned B (two contents);
* CONTENT, X said / CONTENT, said X / CONTENT, X said, CONTENT (one span, the sentence);
* According to X, CONTENT / CONTENT, according to X.

Not speech: “said to be”, passives (“it is said”, “was told”), “said so”, a cue with
nothing after it or only an adverbial, and a content of fewer than three words. The
content stops where the writer's own clause begins (“, but …”, “, which …”, a colon).
An unnamed source (“officials say”) keeps the content with a None speaker, as the
resolver decides for any indefinite phrase.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from reader.core.models import Span
from reader.core.quotes.lexicon import PERSON_ROLES, PREPOSITIONS, PRONOUNS
from reader.core.quotes.marks import MarkedQuote
from reader.core.quotes.phrases import (
    cue_text,
    is_cap,
    is_cue,
    np_left,
    np_right,
    sentences_of,
    subject_of,
)
from reader.core.quotes.resolution import Resolver
from reader.core.quotes.tokens import END_PUNCT, QUOTE, Token, words_between
from reader.core.quotes.word_patterns import word_alternation

__all__ = ["Reported", "find_reported"]

# Cues that report what somebody said, holds or wants; their object is the content.
# Not “described” or “dubbed”, which name things more often than they report.
_REPORT_CUES = frozenset(
    """said says say told tells telling stressed stresses warned warns denied denies
    claimed claims argued argues added adds noted notes insisted insists explained
    explains announced announces acknowledged acknowledges suggested suggests
    confirmed confirms admitted admits asserted asserts maintained maintains
    reiterated reiterates predicted predicts promised promises vowed vows pledged
    pledges conceded concedes contended contends emphasized emphasised emphasizes
    complained complains replied responded wrote writes reported reports estimated
    estimates believes believe believed thinks think thought expressed expresses
    urged urges demanded demands alleged alleges accused accuses indicated indicates
    revealed reveals hinted hints cautioned shows showed show found finds wants want
    plans cited agreed saying adding arguing claiming noting warning insisting
    stressing called calls calling""".split()
)
# Cues that report only with their particle: “called for talks”, “called on Kyiv to …”
# (“called the plan ‘dead’” names rather than reports).
_PARTICLE_CUES = frozenset("called calls calling".split())
# The cues above that the direct-quote lexicon does not hold, so ``is_cue`` would turn
# them away; here the shapes of ``_Sentence`` (a subject before them, a content after)
# are what makes them verbs.
_EXTRA_VERBS = frozenset(
    """believes believe believed thinks think thought expressed expresses revealed reveals
    shows showed show found finds wants want plans called calls calling""".split()
)
# Cheap pre-filter: a paragraph with none of these words has no reported speech. Cues
# count only in lower case, so the pattern needs no IGNORECASE, and it is a prefix tree
# (``word_alternation``) behind a word start, which the engine finds quickly.
_CUE_WORDS = _REPORT_CUES | {"according", "According"}
_CUE_RE = re.compile(r"\b(?:" + word_alternation(_CUE_WORDS) + r")\b")
# Words that open a sentence's introductory phrase (“In the end, X agreed …”).
_OPENERS = PREPOSITIONS | frozenset("after before when while as if since later earlier".split())
_PASSIVE = frozenset("is was were are be been being".split())
_MIN_WORDS = 3
_LONGEST = 10_000  # characters: a paragraph longer than this is not running prose
_CLAUSE_END = frozenset(",;:—–")
# Words after a comma that open a clause of the writer's, not more of the content.
_NEW_CLAUSE = frozenset(
    "but although though while whereas which who adding saying noting citing".split()
)


class Reported(NamedTuple):
    """One reported-speech content and its attribution.

    Attributes:
        span: The reported clause (without “that” and the final full stop).
        speaker: The resolved speaker, or None for an unnamed or unresolved source.
        speaker_span: Offsets of that name.
        cue: The cue words (``said``, ``told reporters``, ``according to``).
        mention: The phrase next to the cue before resolution.
    """

    span: Span
    speaker: str | None
    speaker_span: Span | None
    cue: str
    mention: Span


def _paragraph_tokens(
    text: str, para: Span, quotes: Sequence[tuple[int, MarkedQuote]]
) -> tuple[list[Token], list[int]]:
    """All of a paragraph's tokens, each quote folded into one placeholder token."""
    tokens: list[Token] = []
    quote_at: list[int] = []
    pos = para.start
    for index, quote in quotes:
        tokens.extend(words_between(text, pos, quote.open_mark))
        quote_at.append(len(tokens))
        tokens.append((quote.open_mark, quote.outer_end, QUOTE + str(index)))
        pos = quote.outer_end
    tokens.extend(words_between(text, pos, para.end))
    return tokens, quote_at


class _Sentence:
    """The reporting rules over one sentence ``tokens[lo:hi]`` (final punctuation cut)."""

    def __init__(self, ctx: Resolver, tokens: list[Token], lo: int, hi: int) -> None:
        self.ctx = ctx
        self.t = tokens
        self.lo = lo
        self.hi = hi - 1 if hi - 1 > lo and tokens[hi - 1][2] in END_PUNCT else hi

    def _is_cue(self, c: int) -> bool:
        # Cues count in lower case only (but “According to”), so one set lookup of the
        # word as written turns away nearly every token.
        word = self.t[c][2]
        if word not in _CUE_WORDS:
            return False
        if word in ("according", "According"):
            return is_cue(self.t, c)
        return word in _EXTRA_VERBS or is_cue(self.t, c)

    def _content(self, a: int, b: int) -> Span | None:
        """The span of ``tokens[a:b]`` when it holds enough words, trimmed of marks."""
        t = self.t
        while a < b and not (t[a][2][0].isalnum() or t[a][2][0] == QUOTE):
            a += 1
        while b > a and not (t[b - 1][2][0].isalnum() or t[b - 1][2][0] == QUOTE):
            b -= 1
        words = sum(1 for x in range(a, b) if t[x][2][0].isalnum())
        return Span(t[a][0], t[b - 1][1]) if words >= _MIN_WORDS else None

    def _make(self, content: Span, np: tuple[int, int], cue: int) -> Reported:
        speaker, span = self.ctx.resolve(self.t, *np)
        mention = Span(self.t[np[0]][0], self.t[np[1] - 1][1])
        cue_words = cue_text(self.ctx.text, self.t, cue, self.hi)
        return Reported(content, speaker, span, cue_words, mention)

    def find(self, candidates: Sequence[int]) -> list[Reported]:
        """The reported contents of the sentence, by the shapes of the module doc.

        “Merrill says Machado promised to support Clinton”: one content each, disjoint,
        so a cue inside a content found already starts nothing new.

        Args:
            candidates: Indices of the sentence's tokens that are cue words as written.
        """
        t = self.t
        found: list[Reported] = []
        for c in candidates:
            if c >= self.hi or (found and t[c][0] < found[-1].span.end) or not self._is_cue(c):
                continue
            if t[c][2].lower() == "according":
                hit = self._according(c)
            else:
                before = found[-1] if found else None
                hit = self._after_subject(c, before) or self._before_cue(c)
            if hit is not None and (not found or hit.span.start >= found[-1].span.end):
                found.append(hit)
        return found

    def _according(self, c: int) -> Reported | None:
        """According to X, CONTENT / CONTENT, according to X."""
        t, lo, hi = self.t, self.lo, self.hi
        np = np_right(t, c + 2, hi)
        if np is None:
            return None
        if c == lo or (c > lo and t[c - 1][2] in _CLAUSE_END and c - 1 == lo):
            comma = next((x for x in range(np[1], hi) if t[x][2] == ","), None)
            if comma is None:
                return None
            content = self._content(comma + 1, hi)
        elif t[c - 1][2] == ",":
            content = self._content(lo, c - 1)
        else:
            return None
        return self._make(content, np, c) if content is not None else None

    def _after_subject(self, c: int, before: Reported | None) -> Reported | None:
        """X said (that) CONTENT: the subject before the cue, the content after it."""
        t, lo, hi = self.t, self.lo, self.hi
        if c + 1 < hi and t[c + 1][2] in ("to", "by", "of"):
            return None  # “said to be”, “told by”, “people accused of”
        coordinated = c > lo and t[c - 1][2] in ("and", "but")
        if coordinated:
            np = subject_of(t, lo, c)  # “X said A and warned B”: the subject says B too
        elif c > lo and t[c - 1][2] == ",":
            # “…, saying the talks failed” and “Kovalenko, head of the centre, said …”:
            # the sentence's subject says it; but in “…, said Anna Berg, the minister”
            # a name closes the sentence (``_before_cue``).
            if not t[c][2].endswith("ing") and self._inverted(c) is not None:
                return None
            np = subject_of(t, lo, c)
        elif t[c][2].endswith("ing"):
            np = None
        else:
            np = np_left(t, c - 1, lo)
        if np is None or (np[0] > lo and t[np[0] - 1][2].lower() in _PASSIVE):
            return None
        if not coordinated and any(t[x][2].lower() in _PASSIVE for x in range(np[1], c)):
            return None  # “it is said”, “he was told”
        if t[np[0]][2].lower() == "it" and np[1] - np[0] == 1:
            return None  # “it said” is an organisation only if the resolver finds one
        start = c + 1
        if t[c][2] in _PARTICLE_CUES:
            if start >= hi or t[start][2] not in ("for", "on"):
                return None
            start += 1
        that = next((x for x in range(start, min(hi, start + 10)) if t[x][2] == "that"), None)
        if that is not None and not any(
            t[x][2] in _CLAUSE_END or self._is_cue(x) for x in range(start, that)
        ):
            start = that + 1
        elif t[c][2].lower() in ("told", "tells", "telling"):
            return None  # “told reporters” and no clause: what was told is not given
        elif start < hi and (t[start][2] in (",", "so") or t[start][2] in PREPOSITIONS):
            # “…, he said, adding …” and “he said in a June report, and …”: the cue
            # closes or interrupts a clause of its own (the shapes of ``_before_cue``);
            # “said so” reports nothing.
            return None
        end = next((x for x in range(start, hi) if self._closes(x)), hi)
        content = self._content(start, end)
        if content is None:
            return None
        if coordinated and before is not None:
            # The first report's speaker, resolved from its full phrase (“EU foreign
            # policy chief Kaja Kallas said … but warned …”).
            cue_words = cue_text(self.ctx.text, t, c, hi)
            return Reported(content, before.speaker, before.speaker_span, cue_words,
                            before.mention)
        found = self._make(content, np, c)
        if t[c][2] in _PARTICLE_CUES:  # the cue is “called for”, not “called”
            found = found._replace(cue=self.ctx.text[t[c][0] : t[c + 1][1]])
        return found

    def _closes(self, x: int) -> bool:
        """Where the content ends: a semicolon or colon, or a comma before another clause.

        “…, he said”, “…, said X”, “…, but he refused”, “…, which makes him …”: what
        follows is the writer's, or another attribution.
        """
        t = self.t
        if t[x][2] in (";", ":"):
            return True
        if t[x][2] in ("and", "but", "—", "–"):
            # “said A and warned B”, “said A — and he noted B”: a second report begins.
            y = x + 1 + (x + 1 < self.hi and t[x + 1][2] == "and")
            y += y < self.hi and t[y][2].lower() in PRONOUNS
            return y < self.hi and self._is_cue(y)
        if t[x][2] != "," or x + 1 >= self.hi:
            return False
        nxt = t[x + 1][2].lower()
        return nxt in _NEW_CLAUSE or (
            x + 2 < self.hi
            and (self._is_cue(x + 1) or (nxt in PRONOUNS and self._is_cue(x + 2)))
        )

    def _inverted(self, c: int) -> tuple[int, int] | None:
        """The speaker after the cue in “…, said Anna Berg(, the minister)”, if any.

        “…, said Russia seeks …” gives None: that name opens a clause.
        """
        t, hi = self.t, self.hi
        np = np_right(t, c + 1, hi)
        if np is None or not (is_cap(t[np[0]][2]) or t[np[0]][2].lower() in ("the", "a")):
            return None
        if np[1] < hi and t[np[1]][2] != "," and t[np[1]][2] not in PREPOSITIONS:
            return None
        words = [t[x][2] for x in range(*np)]
        if not any(is_cap(w) for w in words) and not (
            len(words) <= 3 and words[-1].lower() in PERSON_ROLES
        ):
            return None  # “…, said the minister had resigned”: a clause, not a speaker
        return np

    def _before_cue(self, c: int) -> Reported | None:
        """CONTENT, X said / CONTENT, said X: the content runs from the sentence start."""
        t, lo, hi = self.t, self.lo, self.hi
        if t[c][2] in _PARTICLE_CUES:
            return None
        if t[c - 1][2] == "," and c - 1 > lo:  # CONTENT, said X
            np = self._inverted(c)
            if np is None:
                return None
            content = self._content(lo, c - 1)
            return self._make(content, np, c) if content is not None else None
        np = np_left(t, c - 1, lo)
        if np is None or np[0] <= lo + 1 or t[np[0] - 1][2] != ",":
            return None
        tail = range(c + 1, hi)
        if any(t[x][2][0].isalnum() and t[x][2].lower() == "that" for x in tail):
            return None
        comma = next((x for x in tail if t[x][2] == ","), None)
        if comma is not None and comma + 1 < hi and t[comma + 1][2].lower() not in _NEW_CLAUSE:
            # “The latest test, North Korea said, was its biggest yet”: the attribution
            # interrupts the content, which is then the whole sentence (one span).
            end = next((x for x in range(comma + 1, hi) if self._closes(x)), hi)
            content = self._content(lo, end)
        elif t[lo][2].lower() in _OPENERS and np[0] - 1 - lo <= 6:
            return None  # “In the end, Patriot agreed to …”: an opening phrase, not content
        else:
            content = self._content(lo, np[0] - 1)
        return self._make(content, np, c) if content is not None else None


def _sentences(text: str, tokens: list[Token], quote_at: list[int]) -> list[tuple[int, int]]:
    """``sentences_of``, except that a decimal point (“$214.9 billion”) ends nothing."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sentences_of(text, tokens, quote_at):
        if merged and hi > lo:
            end = tokens[lo - 1]
            if end[2] == "." and tokens[lo][0] == end[1] and tokens[lo][2][0].isdigit():
                merged[-1] = (merged[-1][0], hi)
                continue
        merged.append((lo, hi))
    return merged


def find_reported(
    ctx: Resolver, quotes: Sequence[MarkedQuote], statements: frozenset[int]
) -> list[Reported]:
    """Find the reported speech of a text, outside its quoted statements.

    Args:
        ctx: The resolver of the text's direct quotes (it holds the text, paragraphs
            and names).
        quotes: The text's marked quotes, in order.
        statements: Indices of the quotes that are statements: a sentence holding one
            is direct speech and is left alone.

    Returns:
        The reported contents, in text order; spans are disjoint and never overlap a
        statement (they may hold a fragment or a term).
    """
    text = ctx.text
    by_para: dict[int, list[tuple[int, MarkedQuote]]] = {}
    for index, quote in enumerate(quotes):
        by_para.setdefault(quote.paragraph, []).append((index, quote))
    found: list[Reported] = []
    for p, para in enumerate(ctx.paragraphs):
        if para.end - para.start > _LONGEST or _CUE_RE.search(text, para.start, para.end) is None:
            continue
        members = by_para.get(p, [])
        tokens, quote_at = _paragraph_tokens(text, para, members)
        # Most sentences hold no cue word: one pass over the tokens finds the few that
        # do, and only their sentences are read.
        cues = [i for i, token in enumerate(tokens) if token[2] in _CUE_WORDS]
        for lo, hi in _sentences(text, tokens, quote_at):
            here = cues[bisect_left(cues, lo) : bisect_left(cues, hi)]
            if not here or any(
                tokens[k][2][0] == QUOTE and int(tokens[k][2][1:]) in statements
                for k in quote_at
                if lo <= k < hi
            ):
                continue
            found.extend(_Sentence(ctx, tokens, lo, hi).find(here))
    return found
