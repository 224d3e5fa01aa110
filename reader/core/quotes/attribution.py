"""Speaker attribution: who said each quote, from the speech cues around it.

This module owns the rules that link a quote (found by ``marks``) to a speaker:
the cue next to the quote (“…,” he said / said Smith / according to X), the cue before it
in its sentence (X said: “…” / X remarked, “…” / stating, “…” -> the sentence subject /
described by X as “…”), a cue in the previous or next sentence, the speaker of the
previous quote of the paragraph, of a quote continued after a paragraph break, and a
signature (“– Bernie Sanders.”) after a quote or on the line under it.
Pronouns and role descriptions are resolved back to the nearest compatible person named
before them (``names``). When no rule applies the speaker stays None: no guessing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from reader.core.models import Span
from reader.core.quotes.lexicon import (
    CLAUSE_BREAKS,
    INVERTIBLE_CUES,
    LEADING_CAPS,
    PARTICIPLE_CUES,
    PRONOUNS,
)
from reader.core.quotes.marks import MarkedQuote
from reader.core.quotes.names import is_title
from reader.core.quotes.phrases import (
    appositive_name,
    cue_text,
    is_cap,
    is_cue,
    np_left,
    np_right,
    sentences_of,
    subject_of,
)
from reader.core.quotes.resolution import Resolver
from reader.core.quotes.tokens import END_PUNCT, QUOTE, Token, paragraph_tokens

__all__ = ["Attribution", "attribute"]

_LOOK = 60  # tokens a cue may be away from its quote
_DASHES = frozenset(",—–―-")
_UTTERANCE_END = frozenset(",.!?…—-")
_NP_STARTS = frozenset("the a an his her their its".split())
# Lower-case words that may open a speaker phrase: “former George W. Bush speechwriter …”.
_PRE_NAME = frozenset(
    "former top longtime senior veteran chief deputy acting then current retired "
    "campaign presidential democratic republican".split()
)


def _modifies(word: str) -> bool:
    """Whether a word can sit before the head of a speaker phrase."""
    low = word.lower()
    return is_cap(word) or low in _PRE_NAME or low in _NP_STARTS or low in ("of", "and")


class Attribution(NamedTuple):
    """The speaker found for one quote (a named tuple: cheaper to build than a dataclass).

    Attributes:
        speaker: Surface name of the speaker, or None when the rules cannot decide.
        speaker_span: Offsets of that name in the text.
        cue: The cue words (``said``, ``told reporters``, ``according to``, ``:``).
        mention: Offsets of the phrase next to the cue (``he``, ``the president``), before
            any resolution; useful for evaluation.
        introduced: The quote is introduced by a cue plus comma or colon (or followed
            by one), which makes it a statement rather than a term.
    """

    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    mention: Span | None = None
    introduced: bool = False


class _Finder:
    """Applies the attribution rules to the quotes of one paragraph."""

    def __init__(self, ctx: Resolver, tokens_and_quotes: tuple[list[Token], list[int]]) -> None:
        self.ctx = ctx
        self.tokens, self.quote_at = tokens_and_quotes
        self.sentences = sentences_of(ctx.text, self.tokens, self.quote_at)

    def _result(self, np: tuple[int, int] | None, cue: int, hi: int, intro: bool) -> Attribution:
        cue_words = cue_text(self.ctx.text, self.tokens, cue, hi) if cue >= 0 else ":"
        if np is None:
            return Attribution(cue=cue_words, introduced=intro)
        np = appositive_name(self.tokens, np, hi)
        speaker, span = self.ctx.resolve(self.tokens, *np)
        mention = Span(self.tokens[np[0]][0], self.tokens[np[1] - 1][1])
        return Attribution(speaker, span, cue_words, mention, intro)

    def after(self, k: int, hi: int) -> Attribution | None:
        """“…,” he said / “…,” said Smith / “…,” according to X / “…” in X, he said."""
        t = self.tokens
        i = k + 1
        while i < hi and t[i][2] in _DASHES and i - k <= 2:
            i += 1
        if i + 1 < hi and t[i][2] == "as":
            i += 1  # “…,” as Ms. Simonyan put it
        if i >= hi:
            return None
        inner = self.ctx.text[t[k][0] : t[k][1]].rstrip("”’\"'»› ")
        intro = inner[-1:] in _UTTERANCE_END or t[k + 1][2] == ","
        comma_end = inner.endswith(",")  # “…,” X riffed: the sentence goes on
        found = self._after_at(i, hi, intro, comma_end)
        if found is None and any(t[x][2] in _DASHES and t[x][2] != "," for x in range(k + 1, i)):
            found = self._dash_name(i, hi)
        if found is None and t[i][2][:1].islower():
            # “…” in the legislature, he said: skip a short phrase up to its comma.
            comma = next((x for x in range(i, min(hi, i + 10)) if t[x][2] == ","), None)
            if comma is not None and not any(is_cue(t, x) for x in range(i, comma)):
                later = self._after_at(comma + 1, hi, intro, comma_end)
                if later is not None and (intro or later.speaker is not None):
                    found = later
        return found

    def _dash_name(self, i: int, hi: int) -> Attribution | None:
        """“…” ― Steve Quinlan: a name alone after a dash signs the quote before it."""
        t = self.tokens
        j = i
        while j < hi and j - i < 6 and is_cap(t[j][2]):
            j += 1
        if j == i or (j < hi and t[j][2] not in END_PUNCT and t[j][2] != ","):
            return None
        found = self._result((i, j), -1, j, True)
        return Attribution(found.speaker, found.speaker_span, None, found.mention, True)

    def _after_at(self, i: int, hi: int, intro: bool, comma_end: bool) -> Attribution | None:
        t = self.tokens
        if i >= hi:
            return None
        low = t[i][2].lower()
        bare = i + 1 < hi and low.isalpha() and is_cue(t, i + 1)  # “…,” officials said
        # “…,” panel Chairman Rep. Jason Chaffetz said: a lower-case word before a title.
        role_led = low.isalpha() and i + 1 < hi and is_cap(t[i + 1][2]) and is_title(t[i + 1][2])
        starts = (
            is_cap(t[i][2])
            or low in PRONOUNS
            or low in _NP_STARTS
            or low in _PRE_NAME
            or role_led
        )
        if not (starts or is_cue(t, i) or bare):
            return None  # “‘serious’ talks”: the quote is inside its sentence
        if is_cue(t, i) and (low in INVERTIBLE_CUES or low == "according"):
            start = i + 2 if low == "according" else i + 1
            return self._result(np_right(t, start, hi), i, hi, intro or low != "according")
        for c in range(i + 1, min(hi, i + 25)):
            word = t[c][2]
            if word.startswith(QUOTE) or word in END_PUNCT:
                return None
            if c - i > 12 and not any(t[x][2] == "," for x in range(i, c)):
                return None  # only an appositive (“X, a long description, said”) may be long
            cue = is_cue(t, c) and word not in PARTICIPLE_CUES
            # After a quote that ends in a comma any past-tense verb is a cue: “riffed”.
            loose = comma_end and word.endswith("ed") and word.islower() and c + 1 < len(t)
            if cue or loose:
                comma = next((x for x in range(i, c) if t[x][2] == ","), None)
                np = (i, comma) if comma is not None else np_left(t, c - 1, i)
                if np is None:
                    return None
                if np[0] != i:
                    # “CBS This Morning co-Anchor DeMarco Morgan said”: one long phrase.
                    if not all(_modifies(t[x][2]) for x in range(i + role_led, np[0])):
                        return None
                    np = (i, np[1])
                return self._result(np, c, hi, intro)
        return None

    def before(self, lo: int, k: int, hi: int) -> Attribution | None:
        """X said: “…” / X remarked, “…” / …, stating, “…” / X: “…” / described by X as “…”."""
        t = self.tokens
        intro = k > lo and t[k - 1][2] in (",", ":")
        unnamed: Attribution | None = None
        for c in range(k - 1, max(lo, k - _LOOK) - 1, -1):
            if not is_cue(t, c):
                continue
            low = t[c][2].lower()
            as_at = None
            if low == "put":  # “As Steven Rosenthal, a lawyer, put it, ‘…’”
                as_at = next((x for x in range(c - 1, lo - 1, -1) if t[x][2].lower() == "as"), None)
            if low == "according" or (c + 1 < k and t[c + 1][2] == "by"):
                np = np_right(t, c + 2, k)
            elif as_at is not None:
                np = np_right(t, as_at + 1, c)
            elif low in PARTICIPLE_CUES or (c > lo and t[c - 1][2] == ","):
                np = subject_of(t, lo, c)
            elif (
                low in INVERTIBLE_CUES
                and c + 1 < k
                and is_cap(t[c + 1][2])
                and t[c + 1][2].lower() not in LEADING_CAPS  # “said Thursday on Twitter, ‘…’”
                and (t[k - 1][2] in (",", ":"))
            ):
                np = np_right(t, c + 1, k)  # “explained CBS moderator Nancy Cordes: ‘…’”
            else:
                np = np_left(t, c - 1, lo)
                if np is not None and np[0] > lo and t[np[0] - 1][2] == ",":
                    # “Clinton, the former secretary, said”: the subject comes first.
                    first = t[np[0]][2]
                    subject = subject_of(t, lo, c)
                    if (
                        first[:1].islower()
                        and first not in PRONOUNS
                        and subject is not None
                        and self.ctx.resolve(t, *subject)[0] is not None
                    ):
                        np = subject
                elif np is None:
                    np = subject_of(t, lo, c)
            if np is not None:
                found = self._result(np, c, hi, intro)
                if found.speaker is not None:
                    return found
                # “Ryan said the shootings and protests demands that …”: a cue whose
                # subject names nobody may sit inside the clause of an earlier cue.
                unnamed = unnamed or found
        if unnamed is not None:
            return unnamed
        if k - 1 > lo and t[k - 1][2] == ":" and k - 1 - lo <= 20:
            # “Rubio: ‘…’” or “McConnell delivered a blunt message to Trump: ‘…’”.
            np = np_left(t, k - 2, lo) if k - 1 - lo <= 4 else self._named_before_colon(lo, k)
            return self._result(np or subject_of(t, lo, k - 1), -1, hi, True)
        return None

    def _named_before_colon(self, lo: int, k: int) -> tuple[int, int] | None:
        """A name right before the colon, led by a role word: “pollster Daron Shaw: ‘…’”.

        A name after a preposition (“a message to Trump: ‘…’”) is the addressee, not
        the speaker, so it gives None and the sentence subject is used instead.
        """
        t = self.tokens
        r = k - 1
        while r > lo and is_cap(t[r - 1][2]):
            r -= 1
        if r == k - 1 or r == lo or not t[r - 1][2].isalpha() or not t[r - 1][2].islower():
            return None
        if t[r - 1][2] in CLAUSE_BREAKS or t[r - 1][2] in PRONOUNS:
            return None
        return (r, k - 1)

    def byline(self) -> Attribution | None:
        """A paragraph that is only a dash and a name credits the quote before it.

        “‘…’ / – Bernie Sanders.”: fact-check and list articles set the speaker on its
        own line under the quote.
        """
        t = self.tokens
        if not 3 <= len(t) <= 7 or t[0][2] not in _DASHES or t[0][2] == ",":
            return None
        end = len(t) - 1 if t[-1][2] == "." else len(t)
        if not all(is_cap(t[x][2]) for x in range(1, end)):
            return None
        return self._dash_name(1, end)

    def according_later(self, k: int, hi: int) -> Attribution | None:
        """“… paying ‘dozens’ of canvassers, according to campaign manager Jeff Weaver.”

        “According to” credits its whole sentence, so it also names the speaker of a
        quote that stands earlier in it.
        """
        t = self.tokens
        for c in range(k + 1, hi):
            if t[c][2] == "according" and is_cue(t, c):
                np = np_right(t, c + 2, hi)
                found = self._result(np, c, hi, False) if np is not None else None
                return found if found is not None and found.speaker is not None else None
        return None

    def subject_speaker(self, lo: int, k: int) -> Attribution | None:
        """A quote inside a sentence without a cue: its named subject spoke it.

        “Politifact rated both aspects of it ‘…’”, “Weaver dismissed that as ‘…’”. Only a
        name or he/she qualifies; a description subject (“the plan”) decides nothing.
        """
        np = subject_of(self.tokens, lo, k)
        if np is None:
            return None
        first = self.tokens[np[0]][2]
        if not (is_cap(first) or first.lower() in ("he", "she")):
            return None
        found = self._result(np, -1, k, False)
        if found.speaker is None:
            return None
        return Attribution(found.speaker, found.speaker_span, None, found.mention, False)

    def sentence_cue(self, lo: int, hi: int) -> Attribution | None:
        """A cue in a neighbouring sentence without quotes of its own: “Smith said so.”"""
        t = self.tokens
        hi = min(hi, lo + _LOOK)
        if any(t[x][2].startswith(QUOTE) for x in range(lo, hi)):
            return None
        for c in range(lo, hi):
            if is_cue(t, c) and t[c][2].lower() != "according":
                np = np_left(t, c - 1, lo)
                if np is not None and (np[0] == lo or t[np[0] - 1][2] == ","):
                    found = self._result(np, c, hi, False)
                    return found if found.speaker else None
        return None


def attribute(ctx: Resolver, term_like: Sequence[bool]) -> list[Attribution]:
    """Find the speaker of every quote.

    Args:
        ctx: The resolver over the text, its paragraphs and its quotes (from
            ``find_marked_quotes``, in order); shared with reported speech.
        term_like: Per quote, whether its words look like a term (short, no verb); those
            only take a speaker from a cue in their own sentence.

    Returns:
        One attribution per quote, in the same order.
    """
    text, paragraphs, quotes = ctx.text, ctx.paragraphs, ctx.quotes
    result = [Attribution()] * len(quotes)
    by_para: dict[int, list[tuple[int, MarkedQuote]]] = {}
    for index, quote in enumerate(quotes):
        by_para.setdefault(quote.paragraph, []).append((index, quote))
    last_speaker: tuple[int, Attribution] | None = None  # paragraph, attribution
    for para_index in sorted(by_para):
        members = by_para[para_index]
        finder = _Finder(ctx, paragraph_tokens(text, paragraphs[para_index], members))
        tokens = finder.tokens
        previous: Attribution | None = None
        s_index = 0
        for n, k in enumerate(finder.quote_at):
            while finder.sentences[s_index][1] <= k:
                s_index += 1
            lo, hi = finder.sentences[s_index]
            qi = int(tokens[k][2][1:])
            stop = min(finder.quote_at[n + 1], hi) if n + 1 < len(finder.quote_at) else hi
            found = finder.after(k, stop)
            if found is None or found.speaker is None:
                # A cue before the quote may name the speaker the cue after it did not.
                earlier = finder.before(lo, k, hi)
                if earlier is not None and (earlier.speaker or found is None):
                    found = earlier
            if found is None:
                found = finder.according_later(k, stop)
            if found is None and k > lo:
                found = finder.subject_speaker(lo, k)
            if (found is None or found.speaker is None) and not term_like[qi]:
                found = (
                    _fallback(finder, s_index, k, previous, last_speaker, para_index, quotes[qi])
                    or found
                )
            last = len(tokens) - (tokens[-1][2] in END_PUNCT)
            if (found is None or found.speaker is None) and k + 1 == last:
                found = _next_byline(ctx, para_index) or found
            result[qi] = found or Attribution()
            statement = not term_like[qi] or result[qi].introduced
            if result[qi].speaker is not None and statement:
                previous = result[qi]
                last_speaker = (para_index, result[qi])
    _share_along_chains(quotes, result)
    return result


def _fallback(
    finder: _Finder,
    s_index: int,
    k: int,
    previous: Attribution | None,
    last_speaker: tuple[int, Attribution] | None,
    para_index: int,
    quote: MarkedQuote,
) -> Attribution | None:
    """Rules for a quote without a cue in its own sentence."""
    sentences = finder.sentences
    lo = sentences[s_index][0]
    if s_index > 0:
        found = finder.sentence_cue(*sentences[s_index - 1])
        if found is not None:
            return found
    if previous is not None:
        return Attribution(previous.speaker, previous.speaker_span, previous.cue, previous.mention)
    if s_index + 1 < len(sentences) and k == lo:
        nxt = sentences[s_index + 1]
        if nxt[1] - nxt[0] <= 8:
            found = finder.sentence_cue(*nxt)
            if found is not None:
                return found
    if s_index != 0 or k != lo:
        return None
    # The quote opens its paragraph: look back across the paragraph break.
    if last_speaker is not None and (last_speaker[0] == para_index - 1 or quote.continued):
        prev = last_speaker[1]
        return Attribution(prev.speaker, prev.speaker_span, prev.cue, prev.mention)
    if para_index > 0:
        ctx = finder.ctx
        before = _Finder(ctx, paragraph_tokens(ctx.text, ctx.paragraphs[para_index - 1], []))
        if before.sentences:
            found = before.sentence_cue(*before.sentences[-1])
            if found is not None:
                return found
    if last_speaker is not None and last_speaker[0] == para_index - 2:
        prev = last_speaker[1]
        return Attribution(prev.speaker, prev.speaker_span, prev.cue, prev.mention)
    return None


def _next_byline(ctx: Resolver, para_index: int) -> Attribution | None:
    """The speaker credited by a dash line in the paragraph after ``para_index``."""
    if para_index + 1 >= len(ctx.paragraphs):
        return None
    para = ctx.paragraphs[para_index + 1]
    if para.end - para.start > 80:
        return None  # a byline is a short line; anything longer is running text
    return _Finder(ctx, paragraph_tokens(ctx.text, para, [])).byline()


def _share_along_chains(quotes: Sequence[MarkedQuote], result: list[Attribution]) -> None:
    """Give every part of a multi-paragraph quote the speaker found for any part."""
    i = 0
    while i < len(quotes):
        j = i
        while quotes[j].continues and j + 1 < len(quotes) and quotes[j + 1].continued:
            j += 1
        if j > i:
            named = next((result[x] for x in range(j, i - 1, -1) if result[x].speaker), None)
            if named is not None:
                for x in range(i, j + 1):
                    if result[x].speaker is None:
                        result[x] = Attribution(
                            named.speaker, named.speaker_span, named.cue, named.mention
                        )
        i = j + 1
