"""The same quote across a story's sources, and how each occurrence differs.

Outlets quote one sentence of a speaker in many ways: curly or straight marks, a final
comma where the attribution follows ("...make a deal,' Trump said"), a cut after the
first clause, one quote split in two around the attribution, a word changed. Quotes are
compared as lower-cased words with every mark folded, so marks and punctuation never
count as a difference; a word index keeps the comparison to quotes sharing three words
in a row. Two wordings of one article can join a group (through a third quote that
contains both, like the two halves of a split quote), but a group needs two articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from reader.core.models import (
    SPEECH_KINDS,
    AnalysedArticle,
    QuoteDifference,
    QuoteGroup,
    QuoteOccurrence,
)

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A part of a quote counts as the quote truncated only from this many words: a two-word
# fragment ("very productive") is common phrasing, not a citation.
MIN_PART_WORDS = 3
# Small edits: character similarity of the word strings (a changed word in ten is 0.9).
SAME_WORDING = 0.85
# A truncated quote with small edits: its best-matching stretch of the fuller one.
PART_WORDING = 90.0
_GRAM = 3


def _words(text: str) -> str:
    """Lower-cased words, apostrophes straightened, everything else dropped."""
    return " ".join(_WORD_RE.findall(text.casefold().replace("’", "'")))


def _relation(short: str, full: str) -> tuple[QuoteDifference, ...] | None:
    """How ``short`` differs from ``full`` (no longer than it), None when not the same quote."""
    if short == full:
        return ()
    truncated = len(short) < len(full)
    if truncated and short.count(" ") + 1 >= MIN_PART_WORDS and f" {short} " in f" {full} ":
        return ("truncated",)
    if Indel.normalized_similarity(short, full) >= SAME_WORDING:
        return ("wording",)
    part = truncated and short.count(" ") + 1 >= MIN_PART_WORDS
    if part and fuzz.partial_ratio(short, full) >= PART_WORDING:
        return ("wording", "truncated")
    return None


def _grams(words: str) -> set[str]:
    parts = words.split(" ")
    if len(parts) < _GRAM:
        return {words}
    return {" ".join(parts[k : k + _GRAM]) for k in range(len(parts) - _GRAM + 1)}


def group_quotes(items: Sequence[AnalysedArticle]) -> tuple[QuoteGroup, ...]:
    """Group the speech quotes of a story's articles that are the same words.

    Args:
        items: The story's analysed articles, in story order.

    Returns:
        Groups spanning at least two articles, ordered by their first occurrence;
        occurrences in story order. Each occurrence's ``differs`` is relative to the
        group's fullest occurrence (most words, then first in story order).
    """
    found: list[tuple[int, int, str]] = []
    for doc, item in enumerate(items):
        text = item.article.text
        for index, quote in enumerate(item.quotes):
            if quote.kind in SPEECH_KINDS:
                words = _words(text[quote.span.start : quote.span.end])
                if words:
                    found.append((doc, index, words))
    # Copies quote in the same words: compare each distinct wording once.
    wordings = sorted({words for _, _, words in found})
    postings: dict[str, list[int]] = {}
    for n, words in enumerate(wordings):
        for gram in _grams(words):
            postings.setdefault(gram, []).append(n)
    parent = list(range(len(wordings)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    differ: set[tuple[int, int]] = set()
    for members in postings.values():
        for x, y in combinations(members, 2):
            if (x, y) in differ or root(x) == root(y):
                continue
            differ.add((x, y))
            short, full = sorted((wordings[x], wordings[y]), key=len)
            if _relation(short, full) is not None:
                parent[root(x)] = root(y)
    cluster_of = {words: root(n) for n, words in enumerate(wordings)}
    clusters: dict[int, list[int]] = {}
    for n, (_, _, words) in enumerate(found):
        clusters.setdefault(cluster_of[words], []).append(n)
    groups = [
        _group(items, [found[n] for n in members])
        for members in clusters.values()
        if len({found[n][0] for n in members}) >= 2
    ]
    groups.sort(key=lambda pair: pair[0])
    return tuple(group for _, group in groups)


def _group(
    items: Sequence[AnalysedArticle], members: list[tuple[int, int, str]]
) -> tuple[tuple[int, int], QuoteGroup]:
    """A group's record, keyed by its first occurrence for ordering."""
    members.sort()
    fullest = max(members, key=lambda m: (m[2].count(" "), len(m[2]), -m[0], -m[1]))
    full_item = items[fullest[0]]
    full_quote = full_item.quotes[fullest[1]]
    named = [items[d].quotes[q] for d, q, _ in members if items[d].quotes[q].speaker]
    reference = full_quote if full_quote.speaker else (named[0] if named else None)
    occurrences = []
    for doc, index, words in members:
        item = items[doc]
        quote = item.quotes[index]
        differs: list[QuoteDifference] = []
        if (doc, index) != fullest[:2]:
            shorter = len(words) < len(fullest[2])
            relation = _relation(words, fullest[2]) if len(words) <= len(fullest[2]) else None
            # Grouped only through a third quote, or as long with other words: the same
            # citation reworded (and cut, when shorter).
            fallback: tuple[QuoteDifference, ...] = (
                ("wording", "truncated") if shorter else ("wording",)
            )
            differs.extend(fallback if relation is None else relation)
        if quote.speaker is None:
            if reference is not None:
                differs.append("no_speaker")
        elif reference is not None and not _same_speaker(
            quote.speaker, quote.actor, reference.speaker, reference.actor
        ):
            differs.append("speaker")
        order = ("wording", "truncated", "speaker", "no_speaker")
        occurrences.append(
            QuoteOccurrence(
                article=item.article.id,
                quote=index,
                speaker=quote.speaker,
                actor=quote.actor,
                differs=tuple(sorted(set(differs), key=order.index)),
            )
        )
    text = full_item.article.slice(full_quote.span)
    return (members[0][0], members[0][1]), QuoteGroup(text, tuple(occurrences))


def _same_speaker(
    speaker: str, actor: str | None, other: str | None, other_actor: str | None
) -> bool:
    """One person, as far as can be told: the same merged actor, or the same surname.

    When only one side resolved to an actor, the other is a description the merging did
    not link ("the prime minister" beside "Blair"): no evidence of another speaker.
    """
    if actor is not None and other_actor is not None:
        return actor == other_actor
    if other is None or (actor is None) != (other_actor is None):
        return True
    return speaker.split()[-1].casefold() == other.split()[-1].casefold()
