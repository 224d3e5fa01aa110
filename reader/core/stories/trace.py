"""What a story's articles share: provenance of each sentence, copy pairs, quotes across sources.

One pass per story: every article is prepared once for the aligner, the shingle index
picks the pairs worth aligning (``candidates``), and each alignment feeds both sides'
sentence provenance and the pair's copy record. Sentences no passage covers get one more
look for the same fact told in other words (``facts``). Quotes are grouped from the
analysed quotes alone (``quote_groups``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reader.core.align import Lexicon, align_prepared, prepare, shingles
from reader.core.models import AnalysedArticle, CopyPair, SentenceProvenance, Story, StoryTrace
from reader.core.stories.candidates import candidate_pairs
from reader.core.stories.copying import copy_pair
from reader.core.stories.facts import same_facts
from reader.core.stories.provenance import Passage, provenance_records, shared_sentences
from reader.core.stories.quote_groups import group_quotes


def trace_story(
    story: Story,
    items: Sequence[AnalysedArticle],
    aliases: Mapping[str, str] | None = None,
) -> StoryTrace:
    """Trace one story: sentence provenance, who copied whom, the same quotes across sources.

    Args:
        story: The story.
        items: Analysed articles including the story's (others are ignored).
        aliases: Lower-cased name variant -> canonical key, as for ``align_articles``
            (``pipeline.name_aliases``), so name variants compare equal.

    Returns:
        The story's trace.
    """
    return trace_stories([story], items, aliases)[0]


def trace_stories(
    stories: Sequence[Story],
    items: Sequence[AnalysedArticle],
    aliases: Mapping[str, str] | None = None,
) -> list[StoryTrace]:
    """Trace every story of a corpus (one lexicon for all, so copies are read once).

    Args:
        stories: The stories (``cluster_stories``).
        items: The analysed articles of the corpus.
        aliases: As for ``trace_story``.

    Returns:
        One trace per story, in ``stories`` order.
    """
    lexicon = Lexicon(aliases)
    by_id = {item.article.id: item for item in items}
    return [
        _trace([by_id[i] for i in story.articles if i in by_id], story.id, lexicon)
        for story in stories
    ]


def _trace(members: list[AnalysedArticle], story_id: str, lexicon: Lexicon) -> StoryTrace:
    if len(members) < 2:
        return StoryTrace(story_id, {item.article.id: () for item in members})
    articles = [item.article for item in members]
    prepared = [prepare(article, lexicon) for article in articles]
    passages: list[list[Passage]] = [[] for _ in members]
    pairs: list[CopyPair] = []
    for x, y in candidate_pairs([shingles(p) for p in prepared]):
        alignment = align_prepared(prepared[x], prepared[y], lexicon)
        a, b = articles[x], articles[y]
        for pair in alignment.pairs:
            passages[x].append(Passage(pair.a, pair.kind, b.id))
            passages[y].append(Passage(pair.b, pair.kind, a.id))
        found = copy_pair(alignment, a, b)
        if found is not None:
            pairs.append(found)
    shared = [shared_sentences(a, p) for a, p in zip(articles, passages, strict=True)]
    open_sentences = [
        set(range(len(article.sentences))) - found.keys()
        for article, found in zip(articles, shared, strict=True)
    ]
    facts = same_facts(prepared, open_sentences)
    provenance = {
        article.id: provenance_records(found, fact)
        for article, found, fact in zip(articles, shared, facts, strict=True)
    }
    pairs.sort(key=lambda p: (-max(p.coverage_a, p.coverage_b), -min(p.coverage_a, p.coverage_b),
                              p.a, p.b))
    return StoryTrace(story_id, provenance, tuple(pairs), group_quotes(members))


def trace_to_json(trace: StoryTrace) -> dict[str, Any]:
    """A story's additions to the JSON contract: its ``pairs`` and ``quotes``.

    Args:
        trace: The story's trace.

    Returns:
        ``{"pairs": [...], "quotes": [...]}``, to merge into the story's record.
    """
    return {
        "pairs": [
            {"a": p.a, "b": p.b, "coverage_a": p.coverage_a, "coverage_b": p.coverage_b,
             "direction": p.direction}
            for p in trace.pairs
        ],
        "quotes": [
            {
                "text": group.text,
                "occurrences": [
                    {"article": o.article, "quote": o.quote, "speaker": o.speaker,
                     "actor": o.actor, "differs": list(o.differs)}
                    for o in group.occurrences
                ],
            }
            for group in trace.quotes
        ],
    }


def provenance_to_json(records: Sequence[SentenceProvenance]) -> list[dict[str, Any]]:
    """An article's ``provenance`` in the JSON contract (sentences not listed are only here).

    Args:
        records: The article's records, ``trace.provenance[article_id]``.

    Returns:
        ``[{"sentence", "kind", "articles"}, ...]``.
    """
    return [
        {"sentence": r.sentence, "kind": r.kind, "articles": list(r.articles)} for r in records
    ]
