"""Sentence boundaries in cleaned news text, as character spans.

A rule-based splitter rather than a library: news prose needs only a handful of rules
(abbreviations, initials, acronyms, closing quote marks after the full stop), and the
splitter must run over thousands of articles a second.
"""

from __future__ import annotations

import re

from reader.core.models import Span

# A candidate boundary: terminal punctuation, any closing quotes or brackets, then space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+)")
_NEXT_START = re.compile(r"\s+([\"'“‘«(\[]*)(\S)")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")

# Abbreviations that end in a full stop without ending the sentence. Lower-cased, no dot.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen sen rep gov lt col maj capt sgt cpl adm cmdr rev fr sr jr st
    mt ft pres supt insp det hon amb atty no nos vol vols pp fig figs approx dept est
    inc co corp ltd plc bros llc vs etc al cf eg ie viz jan feb mar apr jun jul aug sep
    sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ave blvd rd
    """.split()
)

# Words that start a sentence after an acronym such as "U.S." closes the one before.
_SENTENCE_STARTERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those but and
    or so yet however meanwhile still also in on at for after before when while if as
    there here what who why how many some most all both officials analysts
    """.split()
)


def split_sentences(text: str, span: Span | None = None) -> list[Span]:
    """Split the text inside ``span`` (default: all of it) into sentence spans.

    Leading and trailing whitespace is left out of every sentence; an all-blank range
    gives no sentences.

    Args:
        text: The cleaned article text.
        span: The block to split, typically one paragraph.

    Returns:
        Disjoint, sorted sentence spans inside ``span``.
    """
    start = 0 if span is None else span.start
    end = len(text) if span is None else span.end
    sentences: list[Span] = []
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        cut = match.end()
        if _is_boundary(text, match.start(), cut, end):
            append_trimmed(text, sentence_start, cut, sentences)
            sentence_start = cut
    append_trimmed(text, sentence_start, end, sentences)
    return sentences


def _is_boundary(text: str, mark: int, cut: int, end: int) -> bool:
    """Decide whether the punctuation at ``mark`` ending at ``cut`` ends a sentence."""
    following = _NEXT_START.match(text, cut, end)
    if following is None:
        return False
    first = following.group(2)
    if first.islower() or first in ",;:)]":
        return False
    if text[mark] != ".":
        return True
    word_match = _WORD_BEFORE.search(text, max(0, mark - 40), mark + 1)
    if word_match is None:
        return True
    word = word_match.group(1).strip("'’").rstrip(".")
    bare = word.lower()
    if bare in _ABBREVIATIONS and text[mark + 1 : cut].strip() == "":
        return False
    if len(word) == 1 and word.isupper():
        # A lone initial ("John F. Kennedy") rarely ends a sentence.
        return False
    if "." in word and all(len(part) <= 2 for part in word.split(".") if part):
        # An acronym such as "U.S." ends a sentence only before a typical opener.
        next_word = re.match(r"[\w’']+", text[following.start(2) : following.start(2) + 30])
        return next_word is not None and next_word.group(0).lower() in _SENTENCE_STARTERS
    return True


def append_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    """Append the span of ``text[start:end]`` without surrounding whitespace, if any is left.

    Args:
        text: The text the span indexes.
        start: Start of the range.
        end: End of the range.
        out: Where to append the trimmed span.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Span(start, end))
