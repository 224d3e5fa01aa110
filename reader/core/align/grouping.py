"""From chosen sentence edges to pair spans: many-to-one groups and sub-sentence cuts.

Edges that share a sentence whose partners are neighbours (two sentences rewritten as one,
or one split in two) merge into one group spanning those sentences. A sentence used by
several groups whose partners are not neighbours is cut between them at a clause boundary
(comma, dash, conjunction) near the gap between their matched words; the outer part of a
sentence that a reused passage leaves unmatched is cut off the same way, and reported
unique by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from reader.core.align.pairing import Edge
from reader.core.align.tokens import TOKEN_RE
from reader.core.align.units import PreparedArticle
from reader.core.models import Span

# Cut a sentence's unmatched head or tail off only when it is at least this many words.
_TRIM_MIN = 3
_CLAUSE_MARKS = frozenset(",;:—–()")
# A full stop inside a unit (a window of an over-long text) ends a clause too; one inside a
# word ("U.S.") does not, hence the required space.
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s")
_CLAUSE_WORDS = frozenset(
    "and but while whereas though although who which after as including according "
    "saying because".split()
)


@dataclass(frozen=True)
class Group:
    """Edges merged into one pair: contiguous unit ranges on both sides.

    Attributes:
        a: Unit indices in A, ascending and contiguous.
        b: Unit indices in B, ascending and contiguous.
        edges: The member edges.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    edges: tuple[Edge, ...]

    @property
    def reuse(self) -> bool:
        """True when any member edge shares wording."""
        return any(e.reuse for e in self.edges)


def group_edges(edges: list[Edge]) -> list[Group]:
    """Merge edges that share a sentence and whose other sentences are neighbours.

    Args:
        edges: Chosen edges.

    Returns:
        Groups in order of their first A unit; a merge that would leave a hole in a range
        is undone (its edges stay separate groups).
    """
    parent = list(range(len(edges)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_a: dict[int, list[int]] = {}
    by_b: dict[int, list[int]] = {}
    for n, edge in enumerate(edges):
        by_a.setdefault(edge.i, []).append(n)
        by_b.setdefault(edge.j, []).append(n)
    for index, other in ((by_a, "j"), (by_b, "i")):
        for ids in index.values():
            for x in ids:
                for y in ids:
                    if x < y and abs(getattr(edges[x], other) - getattr(edges[y], other)) == 1:
                        parent[find(x)] = find(y)
    clusters: dict[int, list[Edge]] = {}
    for n, edge in enumerate(edges):
        clusters.setdefault(find(n), []).append(edge)
    groups: list[Group] = []
    for members in clusters.values():
        a = sorted({e.i for e in members})
        b = sorted({e.j for e in members})
        if a[-1] - a[0] + 1 == len(a) and b[-1] - b[0] + 1 == len(b):
            groups.append(Group(tuple(a), tuple(b), tuple(members)))
        else:
            groups.extend(Group((e.i,), (e.j,), (e,)) for e in members)
    groups.sort(key=lambda g: (g.a[0], g.b[0]))
    return groups


def place(
    groups: list[Group], a: PreparedArticle, b: PreparedArticle
) -> list[tuple[Group, Span, Span]]:
    """Give every group its span on each side, cutting shared sentences between groups.

    Args:
        groups: Groups from ``group_edges``.
        a: Prepared article A.
        b: Prepared article B.

    Returns:
        ``(group, span_a, span_b)`` in group order; spans of one side are disjoint, and a
        group squeezed to nothing on either side is dropped.
    """
    spans_a = _side_spans(groups, a, "a")
    spans_b = _side_spans(groups, b, "b")
    placed = []
    for n, group in enumerate(groups):
        span_a, span_b = spans_a.get(n), spans_b.get(n)
        if span_a is not None and span_b is not None:
            placed.append((group, span_a, span_b))
    return placed


def _side_spans(groups: list[Group], prepared: PreparedArticle, side: str) -> dict[int, Span]:
    """Spans of each group on one side (``side`` is "a" or "b")."""
    users: dict[int, list[tuple[int, int, bool]]] = {}
    for n, group in enumerate(groups):
        masks: dict[int, int] = {}
        for edge in group.edges:
            unit, mask = (edge.i, edge.mask_a) if side == "a" else (edge.j, edge.mask_b)
            masks[unit] = masks.get(unit, 0) | mask
        for unit, mask in masks.items():
            users.setdefault(unit, []).append((n, mask, group.reuse))
    portions: dict[tuple[int, int], tuple[int, int]] = {}
    for unit, members in users.items():
        for n, portion in _cut(prepared, unit, members):
            portions[(n, unit)] = portion
    text = prepared.article.text
    raw: list[tuple[int, int, int]] = []
    for n, group in enumerate(groups):
        units = group.a if side == "a" else group.b
        start = portions[(n, units[0])][0]
        end = portions[(n, units[-1])][1]
        raw.append((start, end, n))
    raw.sort()
    spans: dict[int, Span] = {}
    for k, (start, end, n) in enumerate(raw):
        # Clip overlaps (a group whose middle sentence another group also uses).
        if k + 1 < len(raw):
            end = min(end, raw[k + 1][0])
        if k > 0:
            start = max(start, raw[k - 1][1])
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and any(ch.isalnum() for ch in text[start:end]):
            spans[n] = Span(start, end)
    return spans


def _cut(
    prepared: PreparedArticle, unit: int, members: list[tuple[int, int, bool]]
) -> list[tuple[int, tuple[int, int]]]:
    """Split one unit between the groups using it, ordered by where their words sit."""
    start, end = prepared.spans[unit]
    featurised = prepared.units[unit]
    if len(members) == 1 and featurised is not None:
        # One user and nothing to trim: the whole unit, without re-reading its words.
        _, mask, reuse = members[0]
        size = len(featurised.surface)
        if not reuse or (_lowest(mask) < _TRIM_MIN and size - mask.bit_length() < _TRIM_MIN):
            return [(members[0][0], (start, end))]
    text = prepared.article.text
    matches = list(TOKEN_RE.finditer(text, start, end))
    starts = [m.start() for m in matches]
    ends = [m.end() for m in matches]
    count = len(matches)
    if count == 0:
        return [(n, (start, end)) for n, _, _ in members]
    ordered = sorted(members, key=lambda m: _centre(m[1]))
    cuts = [0]
    for (_, prev, _), (_, nxt, _) in pairwise(ordered):
        last, first = prev.bit_length() - 1, _lowest(nxt)
        low, high = last + 1, first
        if high < low:
            # Interleaved words: cut in the middle of the overlap.
            low = high = (last + first) // 2 + 1
        cuts.append(_clause_cut(text, starts, ends, max(1, low), min(count - 1, high), True))
    cuts.append(count)
    head_mask, head_reuse = ordered[0][1], ordered[0][2]
    if head_reuse and _lowest(head_mask) >= _TRIM_MIN:
        cut = _clause_cut(text, starts, ends, _TRIM_MIN, _lowest(head_mask), False)
        if _is_clause(text, starts, ends, cut):
            cuts[0] = cut
    tail_mask, tail_reuse = ordered[-1][1], ordered[-1][2]
    tail_last = tail_mask.bit_length() - 1
    if tail_reuse and count - 1 - tail_last >= _TRIM_MIN:
        cut = _clause_cut(text, starts, ends, tail_last + 1, count - _TRIM_MIN, True)
        if _is_clause(text, starts, ends, cut):
            cuts[-1] = cut
    for k in range(1, len(cuts)):
        cuts[k] = max(cuts[k], cuts[k - 1])

    def offset(cut: int) -> int:
        return start if cut <= 0 else end if cut >= count else starts[cut]

    return [(n, (offset(cuts[k]), offset(cuts[k + 1]))) for k, (n, _, _) in enumerate(ordered)]


def _centre(mask: int) -> float:
    bits = [p for p in range(mask.bit_length()) if (mask >> p) & 1]
    return sum(bits) / len(bits) if bits else 0.0


def _lowest(mask: int) -> int:
    return (mask & -mask).bit_length() - 1 if mask else 0


def _is_clause(text: str, starts: list[int], ends: list[int], t: int) -> bool:
    """Whether a clause may begin at word ``t`` (punctuation before it, or a conjunction)."""
    if t <= 0 or t >= len(starts):
        return False
    gap = text[ends[t - 1] : starts[t]]
    if any(ch in _CLAUSE_MARKS for ch in gap) or _SENTENCE_END.search(gap):
        return True
    return text[starts[t] : ends[t]].lower() in _CLAUSE_WORDS


def _clause_cut(
    text: str, starts: list[int], ends: list[int], low: int, high: int, early: bool
) -> int:
    """A word index in ``[low, high]`` where a clause begins; the middle when there is none.

    ``early`` prefers the first clause start in the range, otherwise the last one.
    """
    if high < low:
        return max(low, min(high, len(starts) - 1)) if high >= 1 else low
    order = range(low, high + 1) if early else range(high, low - 1, -1)
    for t in order:
        if _is_clause(text, starts, ends, t):
            return t
    return (low + high) // 2
