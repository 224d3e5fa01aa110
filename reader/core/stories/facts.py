"""The same fact in other words: sentences of a story that share its rare names and numbers.

The aligner's paraphrase test is strict on purpose (a side-by-side row must read as the
same passage): it wants the same names and numbers plus a shared predicate word. Across a
story, rewrites also retell a fact with new verbs and another sentence frame ("Russian
claims of capturing Pokrovsk and the border town of Vovchansk" against "claims over key
territories like Pokrovsk and Vovchansk"). What ties such sentences is the rare names and
numbers they share: names that occur in few sentences of the story pin down one fact,
while the story's common names (its protagonists) pin down nothing.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Collection, Sequence

from reader.core.align import PreparedArticle

# A name is rare in a story when it occurs in at most this many of its sentences, or this
# share of them in a big story; in the seed story "Pokrovsk" is in 4 of 145 sentences,
# "Putin" in 21.
RARE_MIN = 4
RARE_SHARE = 0.03
# Two rare names shared, or one with this many shared content words (names included):
# one rare name alone is a place or a person, not a fact, but with two more words it is
# who did what ("Pokrovsk", "Putin", "claim": 001's video of Putin at a command post
# claiming progress and 002's Putin in fatigues amid claims over Pokrovsk).
FACT_NAMES = 2
FACT_KEYS = 3


def _sentence_of_units(prepared: PreparedArticle) -> list[int]:
    """For each alignment unit, the index of the sentence it lies in (-1 if none)."""
    sentences = prepared.article.sentences
    starts = [s.start for s in sentences]
    found = []
    for start, _ in prepared.spans:
        k = bisect.bisect_right(starts, start) - 1
        found.append(k if k >= 0 and sentences[k].end > start else -1)
    return found


def same_facts(
    prepared: Sequence[PreparedArticle],
    open_sentences: Sequence[Collection[int]],
    counted: Collection[int],
) -> list[dict[int, frozenset[str]]]:
    """Which other articles of a story tell each still unshared sentence's fact.

    Args:
        prepared: The story's articles, prepared with one lexicon.
        open_sentences: Per article, the sentence indices to look up (those no aligned
            passage covers).
        counted: The articles whose sentences count towards a name's rarity: one per
            group of copies, or a folder of reposts would make every name common.

    Returns:
        Per article, sentence index -> ids of other articles with a sentence sharing its
        rare names (sentences with no such partner are absent).
    """
    units = [
        [(sentence, unit) for sentence, unit in zip(_sentence_of_units(p), p.units, strict=True)
         if unit is not None and sentence >= 0]
        for p in prepared
    ]
    df: Counter[str] = Counter()
    for doc in counted:
        for _, unit in units[doc]:
            df.update(unit.names)
    limit = max(RARE_MIN, int(RARE_SHARE * sum(len(units[doc]) for doc in counted)))
    rare = {key for key, count in df.items() if count <= limit}
    # (article, rare names, content keys) of every unit holding a rare name.
    marked = [
        [(sentence, unit.names & rare, unit.keys) for sentence, unit in article_units]
        for article_units in units
    ]
    postings: dict[str, list[tuple[int, frozenset[str], frozenset[str]]]] = {}
    for doc, article_units in enumerate(marked):
        for _, names, keys in article_units:
            for key in names:
                postings.setdefault(key, []).append((doc, names, keys))
    results: list[dict[int, frozenset[str]]] = []
    for doc, article_units in enumerate(marked):
        wanted = open_sentences[doc]
        found: dict[int, set[int]] = {}
        for sentence, names, keys in article_units:
            if not names or sentence not in wanted:
                continue
            telling = found.setdefault(sentence, set())
            for key in names:
                for other, other_names, other_keys in postings[key]:
                    if other != doc and other not in telling and _same_fact(
                        names, keys, other_names, other_keys
                    ):
                        telling.add(other)
        results.append(
            {
                sentence: frozenset(prepared[other].article.id for other in others)
                for sentence, others in found.items()
                if others
            }
        )
    return results


def _same_fact(
    names: frozenset[str], keys: frozenset[str], other_names: frozenset[str],
    other_keys: frozenset[str],
) -> bool:
    shared_names = len(names & other_names)
    return shared_names >= FACT_NAMES or (shared_names >= 1 and len(keys & other_keys) >= FACT_KEYS)

