"""Corpus overlap ("who copied whom"): which article pairs share passages, and how much.

Aligning every pair of N articles is quadratic, so candidates come from an inverted index
of *shingles*: runs of three consecutive content words (function words dropped, words
stemmed and synonym-folded, so light rewording keeps many shingles). Only pairs sharing
enough shingles, relative to the smaller article, are aligned exactly with
``align_prepared``, and the exact alignment decides.

Why not MinHash + LSH: it estimates Jaccard similarity of whole shingle sets, but a copied
paragraph in a long article gives a small Jaccard even when it covers 10% of the shorter
text, so a 0.1 coverage threshold would need so many bands that LSH stops pruning. The
exact index costs one dictionary entry per shingle and finds every pair with shared runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations

from reader.core.align.alignment import align_prepared
from reader.core.align.tokens import Lexicon
from reader.core.align.units import PreparedArticle, prepare
from reader.core.models import Alignment, Article

SHINGLE_WORDS = 3
# Shingles in more articles than this are boilerplate or stock phrases, not evidence.
_COMMON_MIN = 20
_COMMON_SHARE = 0.01
# A candidate shares at least this many shingles, and this share of the smaller article's
# shingles per unit of the coverage threshold (0.1 -> 0.03).
_MIN_SHARED = 3
_SHARE_PER_THRESHOLD = 0.3


def shingles(prepared: PreparedArticle) -> frozenset[str]:
    """Runs of ``SHINGLE_WORDS`` consecutive content words of an article, as key strings.

    Args:
        prepared: A prepared article.

    Returns:
        Its shingles (each a string of coded content keys).
    """
    words: list[str] = []
    for unit in prepared.units:
        if unit is None:
            continue
        keys = unit.keys
        words.extend([key for key in unit.content if key in keys])
    n = SHINGLE_WORDS
    return frozenset("".join(words[k : k + n]) for k in range(len(words) - n + 1))


def candidate_pairs(sets: Sequence[frozenset[str]], threshold: float) -> list[tuple[int, int]]:
    """Article pairs sharing enough shingles to be worth an exact alignment.

    Args:
        sets: Shingle sets, one per article.
        threshold: The coverage threshold the caller will apply.

    Returns:
        ``(x, y)`` index pairs with ``x < y``, sorted.
    """
    postings: dict[str, list[int]] = {}
    for doc, keys in enumerate(sets):
        for key in keys:
            postings.setdefault(key, []).append(doc)
    cap = max(_COMMON_MIN, int(_COMMON_SHARE * len(sets)))
    shared: Counter[tuple[int, int]] = Counter()
    for docs in postings.values():
        if 1 < len(docs) <= cap:
            shared.update(combinations(docs, 2))
    share = _SHARE_PER_THRESHOLD * threshold
    return sorted(
        (x, y)
        for (x, y), count in shared.items()
        if count >= max(_MIN_SHARED, share * min(len(sets[x]), len(sets[y])))
    )


def find_overlaps(
    articles: Sequence[Article],
    threshold: float = 0.1,
    aliases: Mapping[str, str] | None = None,
) -> list[Alignment]:
    """Find article pairs that share passages, without aligning all pairs.

    Args:
        articles: The corpus.
        threshold: Keep pairs whose larger coverage (``max(coverage_a, coverage_b)``) is
            at least this.
        aliases: Lower-cased name variant -> canonical key, as for ``align_articles``.

    Returns:
        Alignments (A is the article earlier in ``articles``), by larger coverage
        descending, then by input order.
    """
    lexicon = Lexicon(aliases)
    prepared = [prepare(article, lexicon) for article in articles]
    sets = [shingles(p) for p in prepared]
    found: list[tuple[float, int, int, Alignment]] = []
    for x, y in candidate_pairs(sets, threshold):
        alignment = align_prepared(prepared[x], prepared[y], lexicon)
        top = max(alignment.coverage_a, alignment.coverage_b)
        if top >= threshold:
            found.append((-top, x, y, alignment))
    found.sort(key=lambda item: item[:3])
    return [alignment for *_, alignment in found]
