"""Which article pairs of a story are worth an exact alignment.

A story of n articles has n(n-1)/2 pairs, and most articles of one event share no wording
at all: they are separate reports. The aligner's shingles (runs of three content words)
show which pairs share runs; each article keeps only the partners sharing most, so a big
story of near-copies costs a bounded number of alignments per article.

Counting shared shingles by intersecting the sets of each pair is quadratic in set
operations, not in alignments: a story of 200 articles is 20,000 intersections of a few
hundred keys, milliseconds, and cheaper than an inverted index whose postings for a
story's stock phrases hold most of its articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

# Fewer shared shingles than this is stock phrasing, not a shared passage. On the BBC
# stories, pairs sharing 3 or 4 shingles (439 of the 1,410 sharing 3 or more) gave any
# aligned passage in 45% of cases and a copy pair in 6%; from 5 up, 86% and 59%. The
# 3-4 pairs cost a third of the alignment time for a twentieth of the passages.
MIN_SHARED_SHINGLES = 5
# Partners aligned per article. In the BBC stories one article (of 886 with a partner)
# shares 5+ shingles with more than a dozen others, so the cap costs nothing there; it
# keeps a story of 100 articles sharing stock passages from costing 5,000 alignments.
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
    ranked: list[list[tuple[int, int]]] = [[] for _ in sets]
    for x, y in combinations(range(len(sets)), 2):
        count = len(sets[x] & sets[y])
        if count >= MIN_SHARED_SHINGLES:
            ranked[x].append((-count, y))
            ranked[y].append((-count, x))
    chosen: set[tuple[int, int]] = set()
    for x, partners in enumerate(ranked):
        partners.sort()
        chosen.update((min(x, y), max(x, y)) for _, y in partners[:cap])
    return sorted(chosen)
