"""Average-linkage clustering of article vectors over a sparse similarity graph.

All-pairs similarity of 10,000 articles is 50 million dot products and a dense matrix
no reader can hold; but two articles about one event share uncommon words, so the
similarities come from an inverted index, and only pairs that share a term are ever
touched. Clusters then merge best-first while their average pairwise similarity stays
above the threshold; a pair that shares nothing counts as 0, as it would in the matrix.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence

from reader.core.stories.vectors import Vector

# Below this, a pair's similarity is not kept at all (it cannot lift an average much).
MIN_PAIR_SIMILARITY = 0.05
# From this similarity on, an article is a near-copy of an earlier one (a repost, the
# same wire story with another headline or a paragraph cut): far above any story
# threshold, so folding it changes which story nothing joins.
NEAR_DUPLICATE = 0.8


def similar_pairs(
    vectors: Sequence[Vector], fold_at: float = NEAR_DUPLICATE
) -> tuple[dict[tuple[int, int], float], list[int]]:
    """Cosine similarity of every pair of articles that shares a term, near-copies folded.

    Dot products are accumulated term by term over an inverted index built as the
    articles are taken in order, so each pair is met once; the work is the sum of each
    term's squared document frequency: callers keep that small by leaving out the terms
    most articles have (see ``vectors.frequent_terms``). An article at least ``fold_at``
    similar to an earlier one is that one's near-copy: it is not indexed, so forty
    outlets running one wire story cost one article, not forty squared.

    Args:
        vectors: Unit-length sparse vectors.
        fold_at: Similarity from which an article is folded into an earlier one.

    Returns:
        ``(i, j) -> similarity`` for ``i < j`` among the articles that were not folded,
        and for each article the index it was folded into (itself when not folded).
    """
    # Each term's posting: the articles holding it and their weights, as two lists.
    holders: dict[str, list[int]] = {}
    weights: dict[str, list[float]] = {}
    pairs: dict[tuple[int, int], float] = {}
    folded_into = list(range(len(vectors)))
    for j, vector in enumerate(vectors):
        totals: dict[int, float] = defaultdict(float)
        for key, weight in vector.items():
            posting = holders.get(key)
            if posting is not None:
                for i, other in zip(posting, weights[key], strict=True):
                    totals[i] += weight * other
        best = max(totals.values(), default=0.0)
        if best >= fold_at:
            folded_into[j] = min(i for i, similarity in totals.items() if similarity == best)
            continue
        for key, weight in vector.items():
            posting = holders.get(key)
            if posting is None:
                holders[key] = [j]
                weights[key] = [weight]
            else:
                posting.append(j)
                weights[key].append(weight)
        for i, similarity in totals.items():
            if similarity >= MIN_PAIR_SIMILARITY:
                pairs[i, j] = similarity
    return pairs, folded_into


def average_linkage(n: int, pairs: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """Cluster labels by average linkage, merging while the average similarity >= threshold.

    Ties break on the lower cluster numbers, so the result depends only on the order of
    the items (callers sort them by a stable key first).

    Args:
        n: Number of items.
        pairs: Similarities of item pairs ``(i, j)``, ``i < j``; absent pairs count as 0.
        threshold: The least average similarity at which two clusters merge.

    Returns:
        For each item, the smallest item index of its cluster.
    """
    members = [[i] for i in range(n)]
    size = [1] * n
    # links[a][b]: sum of the similarities between the members of clusters a and b.
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for (i, j), similarity in pairs.items():
        links[i][j] = similarity
        links[j][i] = similarity
    heap = [(-s, i, j) for (i, j), s in pairs.items() if s >= threshold]
    heapq.heapify(heap)
    alive = [True] * n
    while heap:
        negative, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue
        current = links[a].get(b, 0.0) / (size[a] * size[b])
        if abs(current + negative) > 1e-12:
            continue  # a stale entry: the pair was pushed again with its new average
        # Merge b into a (a < b), so a cluster is named by its lowest member.
        alive[b] = False
        del links[a][b]
        del links[b][a]
        for c, total in links[b].items():
            del links[c][b]
            merged = links[a].get(c, 0.0) + total
            links[a][c] = merged
            links[c][a] = merged
        links[b] = {}
        size[a] += size[b]
        members[a].extend(members[b])
        members[b] = []
        for c, total in links[a].items():
            average = total / (size[a] * size[c])
            if average >= threshold:
                heapq.heappush(heap, (-average, min(a, c), max(a, c)))
    labels = [0] * n
    for cluster, items in enumerate(members):
        for item in items:
            labels[item] = cluster
    return labels
