"""Side-by-side rows: pairs and unique passages interleave in reading order."""

from __future__ import annotations

from reader.core.align.side_by_side import layout_rows, swap
from reader.core.models import AlignedPair, Alignment, EditOp, Span


def pair(a: tuple[int, int], b: tuple[int, int], moved: bool = False) -> AlignedPair:
    ops = (EditOp("equal", Span(a[0], a[0] + 3), Span(b[0], b[0] + 3)),
           EditOp("delete", Span(a[0] + 3, a[1]), Span(b[0] + 3, b[0] + 3)))
    return AlignedPair(Span(*a), Span(*b), 0.9, "reuse", moved, ops)


ALIGNMENT = Alignment(
    a_id="A", b_id="B",
    pairs=(pair((10, 20), (0, 8)), pair((30, 40), (50, 60)), pair((50, 60), (20, 30), True)),
    unique_a=(Span(0, 9), Span(21, 29)),
    unique_b=(Span(9, 19), Span(31, 49), Span(61, 70)),
    coverage_a=0.5, coverage_b=0.4,
)


def test_rows_follow_a_and_place_b_uniques_before_their_next_pair() -> None:
    rows = [(r.a, r.b, r.pair is not None) for r in layout_rows(ALIGNMENT)]
    assert rows == [
        (Span(0, 9), None, False),
        (Span(10, 20), Span(0, 8), True),
        (Span(21, 29), None, False),
        (None, Span(9, 19), False),
        (None, Span(31, 49), False),
        (Span(30, 40), Span(50, 60), True),
        (Span(50, 60), Span(20, 30), True),  # moved: shown beside its A side
        (None, Span(61, 70), False),
    ]


def test_every_span_appears_exactly_once() -> None:
    rows = layout_rows(ALIGNMENT)
    a_spans = [r.a for r in rows if r.a]
    b_spans = [r.b for r in rows if r.b]
    assert sorted(a_spans) == sorted([*ALIGNMENT.unique_a, *(p.a for p in ALIGNMENT.pairs)])
    assert sorted(b_spans) == sorted([*ALIGNMENT.unique_b, *(p.b for p in ALIGNMENT.pairs)])


def test_swap_mirrors_sides_and_flips_inserts_and_deletes() -> None:
    swapped = swap(ALIGNMENT)
    assert (swapped.a_id, swapped.b_id) == ("B", "A")
    assert (swapped.coverage_a, swapped.coverage_b) == (0.4, 0.5)
    assert swapped.unique_a == ALIGNMENT.unique_b
    first = swapped.pairs[0]
    assert (first.a, first.b) == (Span(0, 8), Span(10, 20))
    assert [op.op for op in first.ops] == ["equal", "insert"]
    assert swap(swapped).pairs == tuple(sorted(ALIGNMENT.pairs, key=lambda p: p.a.start))


def test_empty_alignment_has_no_rows() -> None:
    empty = Alignment("A", "B", (), (), (), 0.0, 0.0)
    assert layout_rows(empty) == []
