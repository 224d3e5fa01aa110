"""Word-level differences inside an aligned pair, as edit operations with absolute offsets.

Words are compared by their surface keys (case, quote marks, number formatting and name
aliases folded, no stemming), so "insists" against "insisted" is still shown as a change
while "Zelensky" against "Zelenskyy" is not. The diff keeps the longest common word
sequence equal (an edit distance with substitutions would pair unequal runs off word by
word and mark shared words as replaced); what lies between two equal runs is one replace,
insert or delete. The operations tile each pair span exactly:
every character between two words belongs to the operation of the word before it, the
first operation starts at the span start and the last ends at the span end.
"""

from __future__ import annotations

import bisect

from rapidfuzz.distance import Indel

from reader.core.align.tokens import TOKEN_RE, Lexicon
from reader.core.align.units import PreparedArticle
from reader.core.models import EditOp, OpKind, Span


class Words:
    """The words of one span: coded keys, and (read on demand) where each word starts.

    Attributes:
        span: The span.
        surface: Surface keys, one character per word.
        content: Content keys, one character per word.
        keys: Content keys of the span's non-function words.
    """

    __slots__ = ("_pieces", "_starts", "_text", "content", "keys", "span", "surface")

    def __init__(
        self,
        text: str,
        span: Span,
        pieces: list[tuple[int, int]],
        surface: str,
        content: str,
        keys: frozenset[str],
    ) -> None:
        """Hold a span's words; ``pieces`` are the text ranges its words were read from."""
        self._text = text
        self._pieces = pieces
        self._starts: list[int] | None = None
        self.span = span
        self.surface = surface
        self.content = content
        self.keys = keys

    def boundary(self, index: int) -> int:
        """Offset where word ``index`` begins its share of the span (``len`` = span end)."""
        if index <= 0:
            return self.span.start
        if index >= len(self.surface):
            return self.span.end
        if self._starts is None:
            # Offsets are only needed inside changed pairs, so identical pairs skip this.
            self._starts = [
                m.start() for lo, hi in self._pieces for m in TOKEN_RE.finditer(self._text, lo, hi)
            ]
        return self._starts[index]


def read_words(prepared: PreparedArticle, span: Span, lexicon: Lexicon) -> Words:
    """The coded words of a span, reusing the prepared units it covers whole.

    Args:
        prepared: The prepared article the span belongs to.
        span: The span to read.
        lexicon: The interning table shared by both sides.

    Returns:
        The span's words (words between units, outside any sentence, are skipped).
    """
    text = prepared.article.text
    pieces: list[tuple[int, int]] = []
    surface: list[str] = []
    content: list[str] = []
    keys: set[str] = set()
    first = max(0, bisect.bisect_right(prepared.spans, (span.start, span.start)) - 1)
    for k in range(first, len(prepared.spans)):
        start, end = prepared.spans[k]
        if start >= span.end:
            break
        lo, hi = max(start, span.start), min(end, span.end)
        if lo >= hi:
            continue
        pieces.append((lo, hi))
        unit = prepared.units[k]
        if unit is not None and (lo, hi) == (start, end):
            surface.append(unit.surface)
            content.append(unit.content)
            keys.update(unit.keys)
            continue
        words = lexicon.words(TOKEN_RE.findall(text, lo, hi))
        surface.append("".join([w.surface for w in words]))
        content.append("".join([w.content for w in words]))
        keys.update(w.content for w in words if not w.stop)
    return Words(text, span, pieces, "".join(surface), "".join(content), frozenset(keys))


def diff_words(a_text: str, a: Span, b_text: str, b: Span) -> tuple[EditOp, ...]:
    """Word operations between a span of one text and a span of another.

    For passages outside an alignment, such as one quote as two sources give it.

    Args:
        a_text: The A side's text.
        a: The span of it to compare.
        b_text: The B side's text.
        b: The span of it to compare.

    Returns:
        Operations in order (as ``word_ops``), offsets into each side's text.
    """
    lexicon = Lexicon()
    return word_ops(_span_words(a_text, a, lexicon), _span_words(b_text, b, lexicon))


def _span_words(text: str, span: Span, lexicon: Lexicon) -> Words:
    words = lexicon.words(TOKEN_RE.findall(text, span.start, span.end))
    return Words(text, span, [(span.start, span.end)], "".join([w.surface for w in words]),
                 "".join([w.content for w in words]),
                 frozenset(w.content for w in words if not w.stop))


def word_ops(a: Words, b: Words) -> tuple[EditOp, ...]:
    """Equal / insert / delete / replace operations between two spans' words.

    Args:
        a: Words of the A side.
        b: Words of the B side.

    Returns:
        Operations in order; their A spans tile ``a.span`` and their B spans ``b.span``.
    """
    if not a.surface and not b.surface:
        return (EditOp("equal" if a.span and b.span else "replace", a.span, b.span),)
    ops: list[EditOp] = []
    # Indel runs are equal, delete or insert; a delete next to an insert is a replace.
    a_at = b_at = 0
    for op in Indel.opcodes(a.surface, b.surface):
        if op.tag != "equal":
            continue
        if (a_at, b_at) != (op.src_start, op.dest_start):
            ops.append(_edit(a, b, a_at, op.src_start, b_at, op.dest_start))
        ops.append(_edit(a, b, op.src_start, op.src_end, op.dest_start, op.dest_end, "equal"))
        a_at, b_at = op.src_end, op.dest_end
    if (a_at, b_at) != (len(a.surface), len(b.surface)):
        ops.append(_edit(a, b, a_at, len(a.surface), b_at, len(b.surface)))
    return _close(ops, a.span, b.span)


def _edit(
    a: Words, b: Words, a_lo: int, a_hi: int, b_lo: int, b_hi: int, kind: OpKind | None = None
) -> EditOp:
    """The operation over words ``a_lo:a_hi`` and ``b_lo:b_hi`` (kind from the sides if None)."""
    if kind is None:
        kind = "replace" if a_lo < a_hi and b_lo < b_hi else "delete" if a_lo < a_hi else "insert"
    return EditOp(
        kind,
        Span(a.boundary(a_lo), a.boundary(a_hi)),
        Span(b.boundary(b_lo), b.boundary(b_hi)),
    )


def _close(ops: list[EditOp], a: Span, b: Span) -> tuple[EditOp, ...]:
    """Stretch the last operation to the span ends (text after the last word, if any)."""
    last = ops[-1]
    ops[-1] = EditOp(last.op, Span(last.a.start, a.end), Span(last.b.start, b.end))
    return tuple(ops)
