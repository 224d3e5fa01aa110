"""Near-duplicates folded: copies of one text are matched sentence by sentence, not aligned.

A folder of reposts holds the same article many times, lightly edited. Aligning every pair
of copies with the full aligner is most of the cost of a big story and tells nothing a
cheaper match cannot: copies share their sentences word for word, in order. So articles
whose sentences are mostly the same words on both sides (compared by the aligner's
surface keys: case, marks and number formatting folded) form a group. Each copy is
matched here with the group's representative (its first article in story order),
sentence for sentence, the edited sentences paired in the gaps between verbatim ones;
only the representative is aligned with the rest of the story, and the copies inherit
what it shares through their sentence match (``trace``). So a copy's copy pair is the
one with its representative: it stands for the group in pairs with other articles.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

from rapidfuzz.distance import Indel

from reader.core.align import PreparedArticle
from reader.core.models import AlignedPair, Alignment, PairKind, Span

# Two articles are copies when this share of each one's text is in sentences the other
# has word for word: a repost that edits a sentence in ten stays a copy, while the seed
# rewrite 000 of 003 (reworded throughout, 3% verbatim) is aligned in full.
COPY_SHARE = 0.8
# An edited sentence of a copy, paired in a gap between verbatim ones: reuse from this
# similarity of content keys (one word changed in a sentence of ten is about 0.9),
# paraphrase from the lower bound, else unmatched.
REUSE_SIMILARITY = 0.7
PARAPHRASE_SIMILARITY = 0.5


@dataclass(frozen=True, slots=True)
class SentenceKeys:
    """An article's sentences as the aligner reads them.

    Attributes:
        surface: Per sentence, its units' surface keys joined (empty when unread).
        content: Per sentence, its units' content keys joined.
        solid: Per sentence, its characters that are not whitespace.
    """

    surface: tuple[str, ...]
    content: tuple[str, ...]
    solid: tuple[int, ...]


def sentence_keys(prepared: PreparedArticle) -> SentenceKeys:
    """Read a prepared article's sentences (units of a long sentence joined).

    Args:
        prepared: An article prepared for alignment.

    Returns:
        Its sentence keys.
    """
    article = prepared.article
    starts = [s.start for s in article.sentences]
    surface = [""] * len(starts)
    content = [""] * len(starts)
    for unit in prepared.units:
        if unit is None:
            continue
        k = bisect.bisect_right(starts, unit.start) - 1
        if k >= 0 and article.sentences[k].end > unit.start:
            surface[k] += unit.surface
            content[k] += unit.content
    solid = tuple(sum(map(len, article.slice(s).split())) for s in article.sentences)
    return SentenceKeys(tuple(surface), tuple(content), solid)


def copy_groups(keys: Sequence[SentenceKeys]) -> list[list[int]]:
    """Groups of a story's articles that are copies of one another.

    Args:
        keys: Sentence keys of the story's articles, in story order.

    Returns:
        Every group of two or more, each in story order (its first is the representative).
    """
    # Solid characters per distinct sentence wording; pairs compared by dict-key
    # intersection, as candidate pairs are (a story's pairs, but set operations in C).
    wordings: list[dict[str, int]] = []
    for article in keys:
        solid: dict[str, int] = {}
        for surface, size in zip(article.surface, article.solid, strict=True):
            if surface:
                solid[surface] = solid.get(surface, 0) + size
        wordings.append(solid)
    totals = [sum(article.solid) for article in keys]
    parent = list(range(len(keys)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for x, y in combinations(range(len(keys)), 2):
        common = wordings[x].keys() & wordings[y].keys()
        if not common:
            continue
        in_x = sum(wordings[x][w] for w in common)
        in_y = sum(wordings[y][w] for w in common)
        if in_x >= COPY_SHARE * totals[x] and in_y >= COPY_SHARE * totals[y]:
            rx, ry = root(x), root(y)
            parent[max(rx, ry)] = min(rx, ry)
    groups: dict[int, list[int]] = {}
    for n in range(len(keys)):
        groups.setdefault(root(n), []).append(n)
    return [members for members in groups.values() if len(members) > 1]


def match_copies(
    a: PreparedArticle, keys_a: SentenceKeys, b: PreparedArticle, keys_b: SentenceKeys
) -> Alignment:
    """Match two copies sentence by sentence, as an alignment of whole sentences.

    Verbatim sentences pair in order (each with the next unused one of the same words);
    between two verbatim pairs, the remaining sentences pair in order when similar.

    Args:
        a: Article A, prepared.
        keys_a: Its sentence keys.
        b: Article B, prepared.
        keys_b: Its sentence keys.

    Returns:
        An alignment whose pairs are sentence spans (score 1.0 for verbatim ones), with
        the unmatched sentences as each side's unique text and coverage by characters.
    """
    free: dict[str, list[int]] = {}
    for j in range(len(keys_b.surface) - 1, -1, -1):
        if keys_b.surface[j]:
            free.setdefault(keys_b.surface[j], []).append(j)
    matched: list[tuple[int, int, float]] = []
    last_j = -1
    for i, surface in enumerate(keys_a.surface):
        waiting = free.get(surface) if surface else None
        while waiting and waiting[-1] <= last_j:
            waiting.pop()
        if waiting:
            last_j = waiting.pop()
            matched.append((i, last_j, 1.0))
    matched.extend(_gaps(keys_a, keys_b, matched))
    matched.sort()
    sa, sb = a.article.sentences, b.article.sentences
    pairs = []
    for i, j, score in matched:
        kind: PairKind = "reuse" if score >= REUSE_SIMILARITY else "paraphrase"
        pairs.append(AlignedPair(sa[i], sb[j], round(score, 4), kind))
    in_a, in_b = {i for i, _, _ in matched}, {j for _, j, _ in matched}
    return Alignment(
        a_id=a.article.id,
        b_id=b.article.id,
        pairs=tuple(pairs),
        unique_a=tuple(s for i, s in enumerate(sa) if i not in in_a),
        unique_b=tuple(s for j, s in enumerate(sb) if j not in in_b),
        coverage_a=_share(keys_a, in_a),
        coverage_b=_share(keys_b, in_b),
    )


def _gaps(
    keys_a: SentenceKeys, keys_b: SentenceKeys, matched: list[tuple[int, int, float]]
) -> list[tuple[int, int, float]]:
    """Similar sentence pairs in order inside the gaps between verbatim pairs."""
    bounds = [(-1, -1), *[(i, j) for i, j, _ in matched],
              (len(keys_a.surface), len(keys_b.surface))]
    found = []
    for (i0, j0), (i1, j1) in pairwise(bounds):
        for i, j in zip(range(i0 + 1, i1), range(j0 + 1, j1), strict=False):
            if not keys_a.content[i] or not keys_b.content[j]:
                continue
            score = Indel.normalized_similarity(keys_a.content[i], keys_b.content[j])
            if score >= PARAPHRASE_SIMILARITY:
                found.append((i, j, score))
    return found


def _share(keys: SentenceKeys, matched: set[int]) -> float:
    total = sum(keys.solid)
    return sum(keys.solid[i] for i in matched) / total if total else 0.0



def sentence_links(
    alignment: Alignment, a_sentences: Sequence[Span], b_sentences: Sequence[Span]
) -> list[tuple[int, int, PairKind]]:
    """For a ``match_copies`` alignment, ``(A sentence, B sentence, kind)`` of each pair.

    Args:
        alignment: From ``match_copies``.
        a_sentences: Article A's sentences.
        b_sentences: Article B's sentences.

    Returns:
        The matched sentence indices, in A order.
    """
    index_a = {span: n for n, span in enumerate(a_sentences)}
    index_b = {span: n for n, span in enumerate(b_sentences)}
    return [(index_a[p.a], index_b[p.b], p.kind) for p in alignment.pairs]
