"""Side-by-side alignment of two articles: matched passages, word edits, unique text.

Pipeline (each step in its own module):

1. ``units``: sentences become coded token strings over a shared ``tokens.Lexicon``.
2. ``pairing``: an inverted index proposes sentence pairs; each is scored with rapidfuzz
   and kept as *reuse* or *paraphrase*, then a greedy choice lets a sentence pair with
   several others only through different words (many-to-one, one-to-many).
3. ``grouping``: neighbouring edges merge into multi-sentence pairs; shared sentences are
   cut at clause boundaries (sub-sentence spans).
4. Here: word edits per pair (``word_diff``), a monotone *spine* of pairs, what is unique
   to each side, and coverage.

Row order: pairs come sorted by their A span. The spine is the heaviest chain of pairs that
is increasing in both A and B (a weighted longest increasing subsequence); spine pairs are
therefore in B order too. A pair off the spine is ``moved``: it keeps its place in A's
order, so a side-by-side view reads A top to bottom and shows the moved B passage beside
its A counterpart, flagged, rather than breaking B's order silently.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Any

from rapidfuzz.distance import Indel

from reader.core.align.grouping import Group, group_edges, place
from reader.core.align.pairing import candidates, choose, masses, score, verbatim, weights
from reader.core.align.tokens import Lexicon
from reader.core.align.units import PreparedArticle, focus_words, prepare
from reader.core.align.word_diff import read_words, word_ops
from reader.core.models import AlignedPair, Alignment, Article, PairKind, Span

# An article this much longer than the other (and at least this long) is only scanned for
# sentences sharing words with the short one, instead of being analysed in full.
_HUGE_RATIO = 4
_HUGE_CHARS = 200_000
_HUGE_UNITS_PER_UNIT = 20
_HUGE_UNITS_MIN = 500


def align_articles(a: Article, b: Article, aliases: Mapping[str, str] | None = None) -> Alignment:
    """Align two articles passage by passage.

    Args:
        a: The left article.
        b: The right article.
        aliases: Lower-cased name variant -> canonical key (``{"zelensky": "zelenskyy"}``),
            so variants of one name compare equal.

    Returns:
        Pairs sorted by A position (spine pairs also in B order, others ``moved``), the
        passages unique to each side, and each side's aligned share.
    """
    lexicon = Lexicon(aliases)
    if len(b.text) > max(_HUGE_CHARS, _HUGE_RATIO * len(a.text)):
        pa = prepare(a, lexicon)
        pb = prepare(b, lexicon, focus_words(pa), _huge_limit(pa))
    elif len(a.text) > max(_HUGE_CHARS, _HUGE_RATIO * len(b.text)):
        pb = prepare(b, lexicon)
        pa = prepare(a, lexicon, focus_words(pb), _huge_limit(pb))
    else:
        pa, pb = prepare(a, lexicon), prepare(b, lexicon)
    return align_prepared(pa, pb, lexicon)


def _huge_limit(small: PreparedArticle) -> int:
    return max(_HUGE_UNITS_MIN, _HUGE_UNITS_PER_UNIT * len(small.units))


def align_prepared(a: PreparedArticle, b: PreparedArticle, lexicon: Lexicon) -> Alignment:
    """Align two articles prepared with the same lexicon (see ``units.prepare``).

    Args:
        a: Prepared article A.
        b: Prepared article B.
        lexicon: The lexicon both were prepared with.

    Returns:
        The alignment, as ``align_articles`` describes it.
    """
    weight = weights(a, b)
    mass_a, mass_b = masses(a, weight), masses(b, weight)
    edges = verbatim(a, b, mass_a)
    skip = ({e.i for e in edges}, {e.j for e in edges})
    for i, j in candidates(a, b, weight, mass_a, mass_b, skip):
        ua, ub = a.units[i], b.units[j]
        if ua is None or ub is None:
            continue
        edge = score(ua, ub, i, j, weight, mass_a[i], mass_b[j])
        if edge is not None:
            edges.append(edge)
    placed = place(group_edges(choose(edges)), a, b)
    pairs = [_pair(group, sa, sb, a, b, lexicon, weight) for group, sa, sb in placed]
    pairs.sort(key=lambda p: (p.a.start, p.b.start))
    pairs = _mark_moved(pairs)
    text_a, text_b = a.article.text, b.article.text
    return Alignment(
        a_id=a.article.id,
        b_id=b.article.id,
        pairs=tuple(pairs),
        unique_a=tuple(_unique(text_a, a.spans, [p.a for p in pairs])),
        unique_b=tuple(_unique(text_b, b.spans, [p.b for p in pairs])),
        coverage_a=_coverage(text_a, a.spans, [p.a for p in pairs]),
        coverage_b=_coverage(text_b, b.spans, [p.b for p in pairs]),
    )


def _pair(
    group: Group,
    span_a: Span,
    span_b: Span,
    a: PreparedArticle,
    b: PreparedArticle,
    lexicon: Lexicon,
    weight: Mapping[str, float],
) -> AlignedPair:
    """Build the pair of a placed group: word edits, and a score over the final spans."""
    words_a = read_words(a, span_a, lexicon)
    words_b = read_words(b, span_b, lexicon)
    kind: PairKind = "reuse" if group.reuse else "paraphrase"
    if words_a.surface == words_b.surface:
        return AlignedPair(span_a, span_b, 1.0, kind, ops=word_ops(words_a, words_b))
    shared = words_a.keys & words_b.keys
    mass = sum(weight.get(k, 1.0) for k in words_a.keys) + sum(
        weight.get(k, 1.0) for k in words_b.keys
    )
    dice = 2 * sum(weight.get(k, 1.0) for k in shared) / mass if mass else 0.0
    ratio = Indel.normalized_similarity(words_a.content, words_b.content)
    return AlignedPair(
        a=span_a,
        b=span_b,
        score=round(max(dice, ratio), 4),
        kind=kind,
        ops=word_ops(words_a, words_b),
    )


def _mark_moved(pairs: list[AlignedPair]) -> list[AlignedPair]:
    """Flag pairs off the heaviest chain increasing in both A and B (pairs sorted by A)."""
    if len(pairs) < 2:
        return pairs
    ranks = {start: r for r, start in enumerate(sorted({p.b.start for p in pairs}), 1)}
    size = len(ranks)
    tree_best = [0] * (size + 1)
    tree_at = [-1] * (size + 1)
    best = [0] * len(pairs)
    back = [-1] * len(pairs)
    for n, pair in enumerate(pairs):
        rank = ranks[pair.b.start]
        # Best chain ending at a B rank below this one (Fenwick prefix maximum).
        k, top, at = rank - 1, 0, -1
        while k > 0:
            if tree_best[k] > top:
                top, at = tree_best[k], tree_at[k]
            k -= k & -k
        best[n] = top + len(pair.a) + len(pair.b)
        back[n] = at
        k = rank
        while k <= size:
            if best[n] > tree_best[k]:
                tree_best[k], tree_at[k] = best[n], n
            k += k & -k
    on_spine: set[int] = set()
    n = max(range(len(pairs)), key=lambda x: best[x])
    while n != -1:
        on_spine.add(n)
        n = back[n]
    return [
        p if n in on_spine else AlignedPair(p.a, p.b, p.score, p.kind, True, p.ops)
        for n, p in enumerate(pairs)
    ]


def _unique(text: str, units: tuple[tuple[int, int], ...], aligned: list[Span]) -> list[Span]:
    """Maximal runs of unit text that no pair covers (aligned spans sorted, disjoint)."""
    covered = sorted(aligned)
    starts = [s.start for s in covered]
    pieces: list[tuple[int, int]] = []
    for start, end in units:
        pos = start
        k = max(0, bisect.bisect_right(starts, start) - 1)
        while k < len(covered) and covered[k].start < end:
            span = covered[k]
            if span.end > pos:
                if span.start > pos:
                    pieces.append((pos, span.start))
                pos = max(pos, span.end)
            k += 1
        if pos < end:
            pieces.append((pos, end))
    merged: list[Span] = []
    for start, end in pieces:
        start, end = _tidy(text, start, end)
        if end <= start:
            continue
        if merged and not _covered_between(starts, merged[-1].end, start):
            merged[-1] = Span(merged[-1].start, end)
        else:
            merged.append(Span(start, end))
    return merged


def _tidy(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace and dangling clause punctuation; empty if no word is left."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return start, start
    return start, end


def _covered_between(starts: list[int], left: int, right: int) -> bool:
    """Whether an aligned span starts in ``[left, right)``."""
    k = bisect.bisect_left(starts, left)
    return k < len(starts) and starts[k] < right


def _solid(text: str, start: int, end: int) -> int:
    """Characters that are not whitespace in ``text[start:end]``."""
    return sum(map(len, text[start:end].split()))


def _coverage(text: str, units: tuple[tuple[int, int], ...], aligned: list[Span]) -> float:
    """Share of the units' non-whitespace characters inside aligned spans."""
    total = sum(_solid(text, s, e) for s, e in units)
    if total == 0:
        return 0.0
    unit_starts = [s for s, _ in units]
    inside = 0
    for span in aligned:
        k = max(0, bisect.bisect_right(unit_starts, span.start) - 1)
        while k < len(units) and units[k][0] < span.end:
            inside += _solid(text, max(span.start, units[k][0]), min(span.end, units[k][1]))
            k += 1
    return min(1.0, inside / total)


def alignment_to_json(alignment: Alignment, a: Article, b: Article) -> dict[str, Any]:
    """The alignment in the JSON contract's shape (texts included for each pair).

    Args:
        alignment: An alignment of ``a`` and ``b``.
        a: Article A (supplies ``a_text`` and the op offsets' meaning).
        b: Article B.

    Returns:
        A JSON-serialisable dict.
    """
    return {
        "a": alignment.a_id,
        "b": alignment.b_id,
        "coverage_a": round(alignment.coverage_a, 4),
        "coverage_b": round(alignment.coverage_b, 4),
        "pairs": [
            {
                "a": pair.a.as_list(),
                "b": pair.b.as_list(),
                "a_text": a.slice(pair.a),
                "b_text": b.slice(pair.b),
                "score": pair.score,
                "kind": pair.kind,
                "moved": pair.moved,
                "ops": [[op.op, op.a.start, op.a.end, op.b.start, op.b.end] for op in pair.ops],
            }
            for pair in alignment.pairs
        ],
        "unique_a": [span.as_list() for span in alignment.unique_a],
        "unique_b": [span.as_list() for span in alignment.unique_b],
    }
