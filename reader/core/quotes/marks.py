"""Quote-mark pairing: find the direct quotes of a text from its quotation marks alone.

This module owns the typographic half of quote detection: deciding for every mark
(“ ” „ " ‘ ’ ‚ ' « » ‹ ›) whether it opens a quote, closes one or is an apostrophe, pairing
the marks with a stack (so nesting works), bounding every quote by its paragraph and
linking the parts of multi-paragraph quotes. Who said the words is ``attribution``'s job.

Policies (the public docstring of ``reader.core.quotes.detect_quotes`` repeats them):

* Only top-level quotes are returned; a quote nested in another is part of the outer one.
* A quote never crosses a paragraph boundary. A multi-paragraph quote (opening mark
  repeated at each paragraph start, closed only at the end) is returned as one part per
  paragraph, linked with ``continues``/``continued``.
* An unclosed double or guillemet quote ends at the end of its paragraph (or just before
  a same-family quote opened inside it); an unclosed single quote is dropped, because a
  stray single mark is far more often an apostrophe than a quote.
* A quote whose words contain no letter or digit is dropped (text made only of marks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from reader.core.models import Span
from reader.core.text import append_trimmed

__all__ = ["MarkedQuote", "find_marked_quotes", "split_paragraphs"]

# Families pair only with themselves: "D" double, "S" single, "G" guillemet, "g" single
# guillemet.
_FAMILY = {
    "“": "D",
    "”": "D",
    "„": "D",
    '"': "D",
    "‘": "S",
    "’": "S",
    "‚": "S",
    "'": "S",
    "«": "G",
    "»": "G",
    "‹": "g",
    "›": "g",
}
# Two apostrophes ('') are one straight double mark, as in newswire and PTB-style text.
# A run of five or more marks is noise (a text made only of marks) and is skipped whole.
# The pattern opens with the mark class so the regex engine can skip to the next mark
# (an alternation at the front would be tried at every character: 3x slower). A single
# mark between two letters or digits is an apostrophe (don’t, Trump's) and is not
# matched at all: a third of all marks in news text.
_MARK_RE = re.compile(
    "[\"'“”„‘’‚«»‹›](?:(?<![^\\W_]['’‘])|(?![^\\W_]))(?:[\"'“”„‘’‚«»‹›]{4,}|(?<=')')?"
)
# Characters after which a mark is at the start of something (so it may open a quote).
_OPEN_CTX = frozenset("([{<—–-/“‘«‹„‚\"'")
# Characters before which a mark is at the end of something (so it may close a quote).
_CLOSE_CTX = frozenset(".,;:!?)]}>…—–-/”’»›\"'")
# Elisions written with a leading apostrophe: ’90s, 'em, rock 'n' roll, 'til, 'tis.
_ELISION_RE = re.compile(
    r"(?:\d\d(?:s\b|\b)|(?:em|n|til|cause|cos|tis|twas|bout|cept|round)\b)", re.IGNORECASE
)

_OPEN, _CLOSE, _EITHER, _SOFT, _NONE = range(5)
_MAX_DEPTH = 8


class MarkedQuote(NamedTuple):
    """One top-level quote found from its marks (a named tuple: cheap to build).

    Attributes:
        inner: The quoted words (inside the marks, whitespace trimmed).
        open_mark: Offset of the opening mark.
        close_mark: Offset of the closing mark, or None when the quote was never closed.
        paragraph: Index of the paragraph the quote lies in.
        continues: The quote goes on in the next paragraph (multi-paragraph quote).
        continued: The quote continues one from the previous paragraph.
        close_len: Length of the closing mark (2 for ``''``).
    """

    inner: Span
    open_mark: int
    close_mark: int | None
    paragraph: int
    continues: bool = False
    continued: bool = False
    close_len: int = 1

    @property
    def outer_end(self) -> int:
        """Where the quote ends, its closing mark included (its words' end when unclosed)."""
        return self.close_mark + self.close_len if self.close_mark is not None else self.inner.end

    @property
    def outer(self) -> Span:
        """The quote including its marks (to the paragraph end when unclosed)."""
        return Span(self.open_mark, self.outer_end)


def split_paragraphs(text: str) -> list[Span]:
    """Split a text into paragraph spans at newlines, skipping blank lines.

    Args:
        text: The text to split.

    Returns:
        One span per non-blank line, whitespace trimmed, in order.
    """
    spans: list[Span] = []
    for match in re.finditer(r"[^\n]+", text):
        append_trimmed(text, match.start(), match.end(), spans)
    return spans


def _is_open_ctx(ch: str) -> bool:
    return ch.isspace() or ch in _OPEN_CTX


def _is_close_ctx(ch: str) -> bool:
    return ch.isspace() or ch in _CLOSE_CTX


def _static_role(text: str, i: int, start: int, end: int, width: int = 1) -> int:
    """The role of the mark at ``i`` judged from its neighbours alone (no pairing state).

    The paragraph edges count as whitespace, so a mark there can open or close.
    """
    ch = text[i] if width == 1 else '"'
    left = text[i - 1] if i > start else " "
    right = text[i + width] if i + width < end else " "
    if ch in "«‹„":
        return _OPEN
    if ch in "»›":
        return _CLOSE
    if ch == "‚":
        return _OPEN if _is_open_ctx(left) else _NONE
    if ch in '“”"':
        before = text[i - 2] if i - 1 > start else " "
        if left.isspace() and right.isspace() and before not in _CLOSE_CTX:
            return _NONE  # a mark alone between spaces pairs with nothing (but: ,' ")
        if _is_open_ctx(left) and not right.isspace():
            return _OPEN if ch != "”" else _EITHER
        if not _is_open_ctx(left) and _is_close_ctx(right):
            return _CLOSE if ch != "“" else _EITHER
        return _EITHER
    # Single marks: letters on both sides make an apostrophe (don’t, Trump's, rock'n'roll).
    if left.isalnum() and right.isalnum():
        return _NONE
    if _is_open_ctx(left):
        # ’ never opens (’90s, ’em, ’n’); ' and ‘ open unless an elision follows.
        if ch == "’" or right.isspace() or _ELISION_RE.match(text, i + 1, end):
            return _NONE
        return _OPEN
    if left.isalnum() and right.isspace():
        # “the allies’ plan” or the close of ‘serious’ talks: decided by pairing.
        return _SOFT
    if _is_close_ctx(right):
        return _CLOSE
    return _NONE


@dataclass(slots=True)
class _Open:
    family: str
    mark: int
    low: bool  # opened with „ or ‚, which a “ or ‘ may close
    width: int = 1  # 2 for ''
    first_child: int | None = None  # first same-family quote opened inside


def _soft_closes(roles: list[tuple[int, int, str, int]]) -> set[int]:
    """Soft single marks that must close (no firm single close follows before a new open).

    Computed backwards in one pass so the whole scan stays linear.
    """
    result: set[int] = set()
    firm_close_ahead = False
    for i, role, ch, _ in reversed(roles):
        if _FAMILY[ch] != "S":
            continue
        if role == _CLOSE:
            firm_close_ahead = True
        elif role == _OPEN:
            firm_close_ahead = False
        elif role == _SOFT and not firm_close_ahead:
            result.add(i)
    return result


def _scan_paragraph(
    text: str, start: int, end: int
) -> tuple[list[tuple[int, int, int, int, int]], _Open | None]:
    """Pair the marks of one paragraph.

    Returns:
        Every closed quote as (open mark, words start, close mark, nesting depth, close
        mark length), and the top-level
        quote left open at the paragraph end, if any.
    """
    roles: list[tuple[int, int, str, int]] = []
    for m in _MARK_RE.finditer(text, start, end):
        i, width = m.start(), m.end() - m.start()
        if width > 2:
            continue
        ch = text[i] if width == 1 else '"'
        roles.append((i, _static_role(text, i, start, end, width), ch, width))
    if not roles:
        return [], None  # most paragraphs: no mark, or only apostrophes
    soft_close = _soft_closes(roles)
    stack: list[_Open] = []
    closed: list[tuple[int, int, int, int, int]] = []
    for i, role, ch, width in roles:
        family = _FAMILY[ch]
        if role == _NONE:
            continue
        depth = len(stack) - 1  # the innermost open quote of this family, or -1
        while depth >= 0 and stack[depth].family != family:
            depth -= 1
        if role == _SOFT:
            role = _CLOSE if depth >= 0 and i in soft_close else _NONE
        elif ch in "“‘" and depth >= 0 and stack[depth].low:
            role = _CLOSE  # German „…“ and ‚…‘
        elif role == _EITHER:
            role = _CLOSE if depth >= 0 else _OPEN
        if role == _OPEN:
            if len(stack) >= _MAX_DEPTH:
                continue  # deeper nesting is noise (text made of marks): stay linear
            if depth >= 0 and stack[depth].first_child is None:
                stack[depth].first_child = i
            stack.append(_Open(family, i, ch in "„‚", width))
        elif role == _CLOSE and depth >= 0:
            opened = stack[depth]
            del stack[depth:]  # inner quotes left open are abandoned
            closed.append((opened.mark, opened.mark + opened.width, i, depth, width))
    return closed, (stack[0] if stack else None)


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """The span with surrounding whitespace removed, or None if it holds no word."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or not any(c.isalpha() for c in text[start:end]):
        return None
    return Span(start, end)


def _starts_with_opener(text: str, para: Span, family: str) -> bool:
    i = para.start
    while i < para.end and text[i].isspace():
        i += 1
    if i >= para.end:
        return False
    width = 2 if text.startswith("''", i) else 1
    ch = '"' if width == 2 else text[i]
    return _FAMILY.get(ch) == family and _static_role(text, i, para.start, para.end, width) in (
        _OPEN,
        _EITHER,
    )


def find_marked_quotes(text: str, paragraphs: Sequence[Span]) -> list[MarkedQuote]:
    """Find the top-level quotes of a text from its quotation marks.

    Args:
        text: The text to scan.
        paragraphs: Its paragraph spans, sorted and disjoint; marks outside them are ignored.

    Returns:
        The top-level quotes, sorted by position, one per paragraph part.
    """
    result: list[MarkedQuote] = []
    carry = False  # the previous paragraph's quote continues into this one
    for index, para in enumerate(paragraphs):
        closed, left_open = _scan_paragraph(text, para.start, para.end)
        quotes: list[MarkedQuote] = []
        stop = para.end
        if left_open is not None and not (
            index + 1 < len(paragraphs)
            and _starts_with_opener(text, paragraphs[index + 1], left_open.family)
        ):
            # An unclosed quote stops before a same-family quote opened inside it, so a
            # stray mark cannot hide the real quotes after it.
            stop = left_open.first_child or para.end
        for open_mark, words_start, close_mark, depth, close_len in closed:
            # Depth-1 quotes inside a truncated unclosed quote are promoted to top level.
            if depth == 0 or (depth == 1 and left_open is not None and open_mark >= stop):
                inner = _trimmed(text, words_start, close_mark)
                if inner is not None:
                    quotes.append(
                        MarkedQuote(inner, open_mark, close_mark, index, close_len=close_len)
                    )
        next_carry = False
        if left_open is not None:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            continues = following is not None and _starts_with_opener(
                text, following, left_open.family
            )
            keep = continues or left_open.family != "S"
            inner = _trimmed(text, left_open.mark + left_open.width, stop) if keep else None
            if inner is not None:
                quotes.append(MarkedQuote(inner, left_open.mark, None, index, continues))
                next_carry = continues
        quotes.sort(key=lambda q: q.open_mark)
        if carry and quotes and quotes[0].open_mark - para.start < 4:
            first = quotes[0]
            quotes[0] = MarkedQuote(
                first.inner,
                first.open_mark,
                first.close_mark,
                index,
                first.continues,
                True,
                first.close_len,
            )
        result.extend(quotes)
        carry = next_carry
    return result
