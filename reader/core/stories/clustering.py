"""Average-linkage clustering of article vectors over a sparse similarity graph.

All-pairs similarity of 10,000 articles is 50 million dot products and a dense matrix
no reader can hold; but two articles about one event share uncommon words, so the
similarities come from sparse matrix products, and only pairs that share a term are ever
touched. Clusters then merge best-first while their average pairwise similarity stays
above the threshold; a pair that shares nothing counts as 0, as it would in the matrix.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from itertools import count, groupby
from operator import itemgetter
from typing import Any

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

    The dot products are sparse matrix products (scipy), a block of rows at a time so
    that memory stays bounded whatever the corpus size: the work is the sum of each
    term's squared document frequency, which callers keep small by leaving out the
    terms most articles have (see ``vectors.frequent_terms``). An article at least
    ``fold_at`` similar to an earlier article that is not itself folded is that one's
    near-copy, and takes no part in any pair: forty outlets running one wire story are
    one article to the clustering.

    Args:
        vectors: Unit-length sparse vectors.
        fold_at: Similarity from which an article is folded into an earlier one.

    Returns:
        ``(i, j) -> similarity`` for ``i < j`` among the articles that were not folded,
        and for each article the index it was folded into (itself when not folded).
    """
    import numpy as np  # lazy: numpy and scipy cost start-up time

    matrix = _term_matrix(vectors)
    transposed = matrix.T.tocsr()
    n = len(vectors)
    folded_into = np.arange(n)
    keep_from = min(MIN_PAIR_SIMILARITY, fold_at)
    firsts: list[Any] = []
    seconds: list[Any] = []
    similarities: list[Any] = []
    step = max(1, _BLOCK_ENTRIES // max(n, 1))
    for start in range(0, n, step):
        product = (matrix[start : start + step] @ transposed).tocsr()
        rows = np.repeat(np.arange(start, start + product.shape[0]), np.diff(product.indptr))
        cols, values = product.indices, product.data
        earlier = (cols < rows) & (values >= keep_from)
        rows, cols, values = rows[earlier], cols[earlier], values[earlier]
        high = values >= fold_at
        _fold(rows[high].tolist(), cols[high].tolist(), values[high].tolist(), folded_into)
        alive = (
            (folded_into[rows] == rows)
            & (folded_into[cols] == cols)
            & (values >= MIN_PAIR_SIMILARITY)
        )
        firsts.append(cols[alive])
        seconds.append(rows[alive])
        similarities.append(values[alive])
    pairs: dict[tuple[int, int], float] = {}
    for first, second, similarity in zip(firsts, seconds, similarities, strict=True):
        keys = zip(first.tolist(), second.tolist(), strict=True)
        pairs.update(zip(keys, similarity.tolist(), strict=True))
    return pairs, folded_into.tolist()


# Product entries a row block may hold (at 12 bytes each): bounds the memory of
# ``similar_pairs`` at a few tens of MB for any corpus.
_BLOCK_ENTRIES = 2_000_000


def _term_matrix(vectors: Sequence[Vector]) -> Any:
    """The vectors as the rows of a sparse matrix (CSR), one column per term."""
    from scipy import sparse

    # A new term gets the next column number.
    columns: defaultdict[str, int] = defaultdict(count().__next__)
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for vector in vectors:
        indices.extend(map(columns.__getitem__, vector))
        data.extend(vector.values())
        indptr.append(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(vectors), len(columns)))


def _fold(rows: list[int], cols: list[int], values: list[float], folded_into: Any) -> None:
    """Fold each row into its most similar earlier article that is not itself folded.

    ``rows`` are in ascending order, so an earlier article's own fold is settled
    before any later one looks at it; the lowest index wins a tie.
    """
    for row, entries in groupby(zip(rows, cols, values, strict=True), key=itemgetter(0)):
        best, into = -1.0, row
        for _, col, value in entries:
            if folded_into[col] != col:
                continue
            if value > best or (value == best and col < into):
                best, into = value, col
        folded_into[row] = into


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
