"""Rows of the side-by-side view: aligned pairs and unique passages in reading order."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.models import AlignedPair, Alignment, EditOp, OpKind, Span

# Seen from B, what A deleted B inserted.
_FLIPPED: dict[OpKind, OpKind] = {
    "insert": "delete", "delete": "insert", "equal": "equal", "replace": "replace",
}


@dataclass(frozen=True)
class CompareRow:
    """One row: a pair (both sides), or a passage only one side has (the other is None)."""

    a: Span | None
    b: Span | None
    pair: AlignedPair | None = None


def layout_rows(alignment: Alignment) -> list[CompareRow]:
    """Interleave pairs and unique passages so both columns read top to bottom.

    Pairs are placed in A's order. A passage unique to A goes before the first pair
    that follows it in A; one unique to B goes before the first in-order (not moved)
    pair that follows it in B, so B reads in its own order except for moved pairs,
    which are shown next to their A side.

    Args:
        alignment: The alignment of two articles.

    Returns:
        The rows, top to bottom.
    """
    rows: list[CompareRow] = []
    unique_a = list(alignment.unique_a)
    unique_b = list(alignment.unique_b)
    for pair in sorted(alignment.pairs, key=lambda p: (p.a.start, p.b.start)):
        while unique_a and unique_a[0].start < pair.a.start:
            rows.append(CompareRow(unique_a.pop(0), None))
        while not pair.moved and unique_b and unique_b[0].start < pair.b.start:
            rows.append(CompareRow(None, unique_b.pop(0)))
        rows.append(CompareRow(pair.a, pair.b, pair))
    rows.extend(CompareRow(span, None) for span in unique_a)
    rows.extend(CompareRow(None, span) for span in unique_b)
    return rows


def swap(alignment: Alignment) -> Alignment:
    """The same alignment seen from the other side (B on the left)."""
    pairs = tuple(
        AlignedPair(
            a=pair.b, b=pair.a, score=pair.score, kind=pair.kind, moved=pair.moved,
            ops=tuple(EditOp(_FLIPPED[op.op], op.b, op.a) for op in pair.ops),
        )
        for pair in sorted(alignment.pairs, key=lambda p: p.b.start)
    )
    return Alignment(
        a_id=alignment.b_id, b_id=alignment.a_id, pairs=pairs,
        unique_a=alignment.unique_b, unique_b=alignment.unique_a,
        coverage_a=alignment.coverage_b, coverage_b=alignment.coverage_a,
    )
