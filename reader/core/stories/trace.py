"""What a story's articles share: provenance of each sentence, copy pairs, quotes across sources.

One pass per story: every article is prepared once for the aligner; copies of one text
are matched sentence by sentence with their group's representative (``folding``); the
shingle index picks the pairs of the other articles worth aligning (``candidates``); and
each alignment or match feeds both sides' sentence provenance and the pair's copy record.
Sentences no passage covers get one more look for the same fact told in other words
(``facts``). Quotes are grouped from the analysed quotes alone (``quote_groups``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reader.core.align import Lexicon, align_prepared, prepare, shingles
from reader.core.models import (
    Alignment,
    AnalysedArticle,
    CopyPair,
    PairKind,
    SentenceProvenance,
    Story,
    StoryTrace,
)
from reader.core.stories.candidates import candidate_pairs
from reader.core.stories.copying import copy_pair
from reader.core.stories.facts import same_facts
from reader.core.stories.folding import copy_groups, match_copies, sentence_keys, sentence_links
from reader.core.stories.provenance import (
    Passage,
    Shared,
    provenance_records,
    shared_sentences,
)
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
    """Trace every story of a corpus.

    Args:
        stories: The stories (``cluster_stories``).
        items: The analysed articles of the corpus.
        aliases: As for ``trace_story``.

    Returns:
        One trace per story, in ``stories`` order.
    """
    lexicon = Lexicon(aliases)
    by_id = {item.article.id: item for item in items}
    traces = []
    for story in stories:
        traces.append(_trace([by_id[i] for i in story.articles if i in by_id], story.id, lexicon))
        # Copies of one text are always in one story: the sentences memoised for this one
        # would only hold the corpus's text until the end (100 MB for 10,000 articles).
        lexicon.forget_sentences()
    return traces


def _trace(members: list[AnalysedArticle], story_id: str, lexicon: Lexicon) -> StoryTrace:
    if len(members) < 2:
        return StoryTrace(story_id, {item.article.id: () for item in members})
    articles = [item.article for item in members]
    prepared = [prepare(article, lexicon) for article in articles]
    keys = [sentence_keys(p) for p in prepared]
    groups = copy_groups(keys)
    rep_of = list(range(len(articles)))
    for group in groups:
        for member in group[1:]:
            rep_of[member] = group[0]
    passages: list[list[Passage]] = [[] for _ in members]
    pairs: list[CopyPair] = []

    def record(x: int, y: int, alignment: Alignment) -> None:
        a, b = articles[x], articles[y]
        for pair in alignment.pairs:
            passages[x].append(Passage(pair.a, pair.kind, b.id))
            passages[y].append(Passage(pair.b, pair.kind, a.id))
        found = copy_pair(alignment, a, b)
        if found is not None:
            pairs.append(found)

    # A copy is matched with its representative only, and inherits the rest below.
    links: dict[int, list[tuple[int, int, PairKind]]] = {}
    for group in groups:
        rep = group[0]
        for member in group[1:]:
            matched = match_copies(prepared[rep], keys[rep], prepared[member], keys[member])
            record(rep, member, matched)
            links[member] = sentence_links(
                matched, articles[rep].sentences, articles[member].sentences
            )
    heads = [n for n in range(len(articles)) if rep_of[n] == n]
    for x, y in candidate_pairs([shingles(prepared[n]) for n in heads]):
        x, y = heads[x], heads[y]
        record(x, y, align_prepared(prepared[x], prepared[y], lexicon))
    shared = [shared_sentences(a, p) for a, p in zip(articles, passages, strict=True)]
    _inherit(shared, [a.id for a in articles], rep_of, links)
    open_sentences = [
        set(range(len(article.sentences))) - found.keys()
        for article, found in zip(articles, shared, strict=True)
    ]
    facts = same_facts(prepared, open_sentences, heads)
    provenance = {
        article.id: provenance_records(found, fact)
        for article, found, fact in zip(articles, shared, facts, strict=True)
    }
    pairs.sort(key=lambda p: (-max(p.coverage_a, p.coverage_b), -min(p.coverage_a, p.coverage_b),
                              p.a, p.b))
    return StoryTrace(story_id, provenance, tuple(pairs), group_quotes(members))


def _inherit(
    shared: list[Shared],
    ids: list[str],
    rep_of: list[int],
    links: dict[int, list[tuple[int, int, PairKind]]],
) -> None:
    """Spread what representatives share to their copies (in place).

    A sentence a head (a representative, or an article without copies) shares with a
    representative is shared with that representative's copies too; and a copy's
    sentence shares everything its matched sentence of the representative shares. A
    relation is reuse only when both steps are.
    """
    index = {article_id: n for n, article_id in enumerate(ids)}
    copies: dict[int, list[str]] = {}
    for member, rep in enumerate(rep_of):
        if member != rep:
            copies.setdefault(rep, []).append(ids[member])
    for head, rep in enumerate(rep_of):
        if head != rep:
            continue
        for kinds in shared[head].values():
            for partner, kind in list(kinds.items()):
                p = index[partner]
                if rep_of[p] == p and p != head:
                    for copy in copies.get(p, ()):
                        kinds.setdefault(copy, kind)
    for member, link in links.items():
        rep, own = rep_of[member], shared[member]
        for sentence, rep_sentence, kind in link:
            for partner, other in shared[rep].get(rep_sentence, {}).items():
                if partner == ids[member]:
                    continue
                joined: PairKind = "reuse" if kind == other == "reuse" else "paraphrase"
                kinds = own.setdefault(sentence, {})
                if kinds.get(partner) != "reuse":
                    kinds[partner] = joined


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
