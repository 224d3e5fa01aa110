"""Sentence-level matching: candidate unit pairs, their scores, and a consistent choice.

Candidates come from an inverted index of content keys, so only units sharing rare words are
ever scored (no N×M matrix). A candidate becomes an ``Edge`` when it is *reuse* (a run of
shared wording covering much of one side) or *paraphrase* (the same names and numbers plus a
shared predicate word). Edges are then chosen greedily, strongest first, each needing fresh
words on both sides: this lets one sentence pair with two halves of another (many-to-one)
while a repeated sentence cannot pair twice with the same words.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from reader.core.align.units import PreparedArticle, Unit

# Keys found in more than this share of B's units say little about which unit matches.
_COMMON_SHARE = 0.02
_COMMON_MIN = 12
# Candidates per unit kept for scoring, on each side.
_TOP_K = 4
# A candidate must share this share of the lighter side's content weight.
_MIN_CONTAINMENT = 0.3
# Reuse: a run of at least this many words, or of the whole shorter side.
_MIN_RUN = 3
_REUSE_COVER = 0.45
# Paraphrase thresholds: names, predicate words, overall content.
_NAME_COVER = 0.5
_PREDICATE_COVER = 0.25
_PARAPHRASE_COVER = 0.45
_PARAPHRASE_DICE = 0.3
_CONTAINED_COVER = 0.6
_CONTAINED_KEYS = 4
_NAMELESS_DICE = 0.5
_NAMELESS_KEYS = 3
# Weak edges only extend a chosen neighbour: a share of the lighter side and a few keys.
_WEAK_COVER = 0.3
_WEAK_KEYS = 3
# A sentence takes part in at most this many edges.
_MAX_EDGES_PER_UNIT = 3


@dataclass(frozen=True, slots=True)
class Edge:
    """A chosen (or candidate) match between unit ``i`` of A and unit ``j`` of B.

    Attributes:
        i: Unit index in A.
        j: Unit index in B.
        strength: Ranking key (shared content weight scaled by similarity).
        similarity: Similarity in [0, 1].
        reuse: True for shared wording, False for a paraphrase.
        mask_a: Bit ``p`` set when A's token ``p`` is a content word B's unit also has.
        mask_b: The same for B's tokens.
        weak: Neither reuse nor paraphrase alone; kept only next to a chosen edge.
    """

    i: int
    j: int
    strength: float
    similarity: float
    reuse: bool
    mask_a: int
    mask_b: int
    weak: bool = False


def weights(a: PreparedArticle, b: PreparedArticle) -> dict[str, float]:
    """Inverse document frequency of every content key, over the units of both articles."""
    total = sum(u is not None for u in a.units) + sum(u is not None for u in b.units)
    df = a.df + b.df
    return {key: math.log(1.0 + total / count) for key, count in df.items()}


def masses(prepared: PreparedArticle, weight: Mapping[str, float]) -> list[float]:
    """Total key weight of each unit (0 for units left out)."""
    return [0.0 if u is None else _mass(u.keys, weight) for u in prepared.units]


def _mass(keys: frozenset[str] | set[str], weight: Mapping[str, float]) -> float:
    return sum([weight[k] for k in keys])


def verbatim(a: PreparedArticle, b: PreparedArticle, mass_a: list[float]) -> list[Edge]:
    """Edges between sentences that occur word for word once in each article.

    Copies are the bulk of real reuse; pairing them up front keeps them out of the
    candidate index, and no other edge could claim their words anyway.

    Args:
        a: Prepared article A.
        b: Prepared article B.
        mass_a: Unit masses of A (``masses``).

    Returns:
        The edges, sorted by ``(i, j)``.
    """
    where_a = _by_surface(a)
    where_b = _by_surface(b)
    edges = []
    for surface, found_a in where_a.items():
        found_b = where_b.get(surface)
        if found_b is None or len(found_a) != 1 or len(found_b) != 1:
            continue
        i, j = found_a[0], found_b[0]
        unit = a.units[i]
        assert unit is not None
        mask = _mask(unit, unit.keys)
        edges.append(Edge(i, j, mass_a[i] * 1.5, 1.0, reuse=True, mask_a=mask, mask_b=mask))
    edges.sort(key=lambda e: (e.i, e.j))
    return edges


def _by_surface(prepared: PreparedArticle) -> dict[str, list[int]]:
    where: dict[str, list[int]] = {}
    for i, unit in enumerate(prepared.units):
        if unit is not None and unit.keys:
            where.setdefault(unit.surface, []).append(i)
    return where


def candidates(
    a: PreparedArticle,
    b: PreparedArticle,
    weight: Mapping[str, float],
    mass_a: list[float],
    mass_b: list[float],
    skip: tuple[set[int], set[int]] = (set(), set()),
) -> list[tuple[int, int]]:
    """Unit pairs worth scoring: those sharing enough not-too-common content keys.

    Args:
        a: Prepared article A.
        b: Prepared article B.
        weight: Key weights from ``weights``.
        mass_a: Unit masses of A (``masses``).
        mass_b: Unit masses of B.
        skip: Units of A and of B already paired (verbatim copies).

    Returns:
        ``(i, j)`` pairs, each among the best ``_TOP_K`` of its A unit or of its B unit.
    """
    skip_a, skip_b = skip
    postings: dict[str, list[int]] = {}
    count = 0
    for j, unit in enumerate(b.units):
        if unit is None or j in skip_b:
            continue
        count += 1
        for key in unit.keys:
            postings.setdefault(key, []).append(j)
    cap = max(_COMMON_MIN, int(_COMMON_SHARE * count))
    best_a: dict[int, list[tuple[float, int]]] = {}
    best_b: dict[int, list[tuple[float, int]]] = {}
    for i, unit in enumerate(a.units):
        if unit is None or i in skip_a:
            continue
        shared: dict[int, float] = {}
        for key in unit.keys:
            hits = postings.get(key)
            if hits is None or len(hits) > cap:
                continue
            w = weight[key]
            for j in hits:
                shared[j] = shared.get(j, 0.0) + w
        if not shared:
            continue
        mass_i = mass_a[i]
        scored = []
        for j, w in shared.items():
            mass_j = mass_b[j]
            lighter = mass_i if mass_i < mass_j else mass_j
            if w >= _MIN_CONTAINMENT * lighter:
                scored.append((w / lighter + 2 * w / (mass_i + mass_j), j))
        best_a[i] = heapq.nlargest(_TOP_K, scored)
        for rank, j in scored:
            best_b.setdefault(j, []).append((rank, i))
    pairs = {(i, j) for i, top in best_a.items() for _, j in top}
    pairs.update((i, j) for j, top in best_b.items() for _, i in heapq.nlargest(_TOP_K, top))
    return sorted(pairs)


def score(
    ua: Unit,
    ub: Unit,
    i: int,
    j: int,
    weight: Mapping[str, float],
    mass_a: float,
    mass_b: float,
) -> Edge | None:
    """Score a candidate pair; None when it is neither reuse nor paraphrase.

    Args:
        ua: Unit ``i`` of A.
        ub: Unit ``j`` of B.
        i: Its index in A.
        j: Its index in B.
        weight: Key weights from ``weights``.
        mass_a: Key weight of ``ua``.
        mass_b: Key weight of ``ub``.

    Returns:
        The edge, or None.
    """
    shared = ua.keys & ub.keys
    if not shared:
        return None
    if ua.surface == ub.surface:
        # Verbatim copies are the common case in reuse; skip the edit-distance work.
        mask = _mask(ua, shared)
        return Edge(i, j, mass_a * 1.5, 1.0, reuse=True, mask_a=mask, mask_b=mask)
    mass_shared = _mass(shared, weight)
    dice = 2 * mass_shared / (mass_a + mass_b)
    cover = mass_shared / min(mass_a, mass_b)
    ratio = Indel.normalized_similarity(ua.content, ub.content)
    run = _shared_run(ua, ub)
    shorter = min(len(ua.surface), len(ub.surface))
    reuse = run >= _MIN_RUN and (run / shorter >= _REUSE_COVER or ratio >= 0.5)
    weak = False
    if not reuse and not _paraphrase(ua, ub, shared, dice, cover, weight):
        # Too little on its own, but enough to extend a neighbouring match (see ``choose``).
        if cover < _WEAK_COVER or len(shared) < _WEAK_KEYS:
            return None
        weak = True
    similarity = max(dice, ratio)
    return Edge(
        i=i,
        j=j,
        strength=mass_shared * (0.5 + similarity),
        similarity=similarity,
        reuse=reuse,
        mask_a=_mask(ua, shared),
        mask_b=_mask(ub, shared),
        weak=weak,
    )


def _shared_run(ua: Unit, ub: Unit) -> int:
    """Words in runs of ``_MIN_RUN`` or more equal words (two of them content words).

    An equal block spanning a whole side counts whatever its length.
    """
    total = 0
    for op in Indel.opcodes(ua.surface, ub.surface):
        if op.tag != "equal":
            continue
        a1, a2 = op.src_start, op.src_end
        length = a2 - a1
        if length == len(ua.surface) or length == len(ub.surface):
            total += length
            continue
        if length < _MIN_RUN:
            continue
        keys = ua.keys
        if sum([key in keys for key in ua.content[a1:a2]]) >= 2:
            total += length
    return total


def _paraphrase(
    ua: Unit,
    ub: Unit,
    shared: frozenset[str],
    dice: float,
    cover: float,
    weight: Mapping[str, float],
) -> bool:
    """Same names and numbers, a shared predicate word, and enough shared content.

    Sentences without names ("Both sides said the talks were productive") qualify on
    content alone, with a stricter bar.
    """
    if cover < _PARAPHRASE_COVER:
        return False
    if dice < _PARAPHRASE_DICE and (cover < _CONTAINED_COVER or len(shared) < _CONTAINED_KEYS):
        # A short sentence inside a long one needs more evidence than two alike ones.
        return False
    fewest = min(len(ua.names), len(ub.names))
    if fewest == 0:
        return dice >= _NAMELESS_DICE and len(shared) >= _NAMELESS_KEYS
    names = ua.names & ub.names
    if not names or len(names) < _NAME_COVER * fewest:
        return False
    predicate = shared - names
    if not predicate:
        return False
    rest_a = _mass(ua.keys - ua.names, weight)
    rest_b = _mass(ub.keys - ub.names, weight)
    return _mass(predicate, weight) >= _PREDICATE_COVER * min(rest_a, rest_b)


def _mask(unit: Unit, shared: frozenset[str]) -> int:
    """Bit ``p`` set when token ``p`` is a shared content word (shared keys hold no stops)."""
    mask = 0
    for p, key in enumerate(unit.content):
        if key in shared:
            mask |= 1 << p
    return mask


def choose(edges: list[Edge]) -> list[Edge]:
    """Pick a consistent set of edges, strongest first, each bringing fresh words.

    An edge is kept when at least half of its matched words are still unclaimed on both
    sides, so two edges can share a sentence only by matching different parts of it. Weak
    edges come in a second pass and only beside a chosen edge (same sentence on one side,
    the neighbouring sentence on the other): the contiguity prior of sentence aligners.

    Args:
        edges: Scored candidate edges.

    Returns:
        The chosen edges, sorted by ``(i, j)``.
    """
    claimed_a: dict[int, int] = {}
    claimed_b: dict[int, int] = {}
    count_a: dict[int, int] = {}
    count_b: dict[int, int] = {}
    chosen: list[Edge] = []
    taken: set[tuple[int, int]] = set()
    ordered = sorted(edges, key=lambda e: (-e.strength, e.i, e.j))
    for weak_pass in (False, True):
        for edge in ordered:
            if edge.weak != weak_pass:
                continue
            if weak_pass and not (
                (edge.i, edge.j - 1) in taken
                or (edge.i, edge.j + 1) in taken
                or (edge.i - 1, edge.j) in taken
                or (edge.i + 1, edge.j) in taken
            ):
                continue
            if (
                count_a.get(edge.i, 0) >= _MAX_EDGES_PER_UNIT
                or count_b.get(edge.j, 0) >= _MAX_EDGES_PER_UNIT
            ):
                continue
            old_a = claimed_a.get(edge.i, 0)
            old_b = claimed_b.get(edge.j, 0)
            if not (_fresh(edge.mask_a, old_a) and _fresh(edge.mask_b, old_b)):
                continue
            claimed_a[edge.i] = old_a | edge.mask_a
            claimed_b[edge.j] = old_b | edge.mask_b
            count_a[edge.i] = count_a.get(edge.i, 0) + 1
            count_b[edge.j] = count_b.get(edge.j, 0) + 1
            taken.add((edge.i, edge.j))
            chosen.append(edge)
    chosen.sort(key=lambda e: (e.i, e.j))
    return chosen


def _fresh(mask: int, claimed: int) -> bool:
    """At least half the edge's words (and two, if it has claimed words) are new."""
    new = (mask & ~claimed).bit_count()
    total = mask.bit_count()
    if claimed == 0:
        return new > 0
    return new >= 2 and 2 * new >= total
