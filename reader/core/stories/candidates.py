"""Which article pairs of a story are worth an exact alignment.

A story of n articles has n(n-1)/2 pairs, and most articles of one event share no wording
at all: they are separate reports. The shingle index of the aligner (runs of three content
words) finds the pairs that share runs; each article keeps only the partners sharing most,
so a big story of near-copies costs a bounded number of alignments per article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations

# Fewer shared shingles than this is stock phrasing ("prime minister tony"), not a shared
# passage: the corpus overlap index uses the same floor.
MIN_SHARED_SHINGLES = 3
# Partners aligned per article. A dozen covers every copy of a wire story in the BBC
# corpus (its biggest stories have a few versions each) while keeping a story of 100
# near-copies from costing 5,000 alignments.
MAX_PARTNERS = 12


def candidate_pairs(
    sets: Sequence[frozenset[str]], cap: int = MAX_PARTNERS
) -> list[tuple[int, int]]:
    """Pairs of a story's articles to align, by shared shingles.

    Args:
        sets: Shingle sets of the story's articles (``reader.core.align.shingles``).
        cap: Partners kept per article: the ``cap`` sharing most shingles (then the
            earliest in ``sets``); a pair is aligned when either side keeps the other.

    Returns:
        ``(x, y)`` index pairs with ``x < y``, sorted.
    """
    postings: dict[str, list[int]] = {}
    for doc, keys in enumerate(sets):
        for key in keys:
            postings.setdefault(key, []).append(doc)
    shared: Counter[tuple[int, int]] = Counter()
    for docs in postings.values():
        if len(docs) > 1:
            shared.update(combinations(docs, 2))
    ranked: list[list[tuple[int, int]]] = [[] for _ in sets]
    for (x, y), count in shared.items():
        if count >= MIN_SHARED_SHINGLES:
            ranked[x].append((-count, y))
            ranked[y].append((-count, x))
    chosen: set[tuple[int, int]] = set()
    for x, partners in enumerate(ranked):
        partners.sort()
        chosen.update((min(x, y), max(x, y)) for _, y in partners[:cap])
    return sorted(chosen)
