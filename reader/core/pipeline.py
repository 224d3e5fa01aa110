"""The analysis pipeline: documents to analysed articles, actors merged across the corpus."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from reader.core.actors import ActorIndex, merge_actors
from reader.core.align import Lexicon, align_articles, prepare, shingles
from reader.core.analysis import analyse_article
from reader.core.models import (
    Actor,
    Alignment,
    AnalysedArticle,
    Article,
    Corpus,
    LoadError,
    RawDocument,
    Story,
)
from reader.core.stories import cluster_stories, trace_stories
from reader.core.text import clean_corpus, split_empty

_PARTNER_CANDIDATES = 5


def merge_corpus(
    items: Sequence[AnalysedArticle],
    stories: Mapping[str, str] | None = None,
) -> tuple[tuple[Actor, ...], tuple[AnalysedArticle, ...]]:
    """Merge mentions into corpus-wide actors and link quote speakers to them.

    Args:
        items: Analysed articles, in corpus order.
        stories: Article id -> story id for every article (``{a: s.id for s in
            cluster_stories(articles) for a in s.articles}``): people are then linked
            inside their story and across stories only on strong evidence. None: the
            corpus is one story.

    Returns:
        The actors, and the articles with ``actor`` set on mentions and quotes.
    """
    documents = [(item.article.id, item.mentions) for item in items]
    actors, linked = merge_actors(documents, stories)
    index = ActorIndex(actors, [(doc_id, ms) for (doc_id, _), ms in zip(documents, linked,
                                                                         strict=True)])
    merged = []
    for item, mentions in zip(items, linked, strict=True):
        quotes = tuple(
            replace(q, actor=index.actor_for(item.article.id, q.speaker_span, q.speaker))
            if q.speaker else q
            for q in item.quotes
        )
        merged.append(replace(item, quotes=quotes, mentions=tuple(mentions)))
    return tuple(actors), tuple(merged)


def analyse_corpus(
    documents: Sequence[RawDocument],
    errors: Sequence[LoadError] = (),
    analyse_all: Callable[[Sequence[Article]], Iterable[AnalysedArticle]] | None = None,
) -> Corpus:
    """Clean and analyse every document, group the articles into stories and trace them.

    Args:
        documents: Decoded documents.
        errors: Load errors to carry along into the result.
        analyse_all: Runs ``analyse_article`` over the cleaned articles, in order (the
            CLI passes one that uses worker processes); by default, a plain loop here.

    Returns:
        The analysed corpus; documents with no article text become errors.
    """
    articles, empty = split_empty(clean_corpus(documents))
    if analyse_all is None:
        analysed = [analyse_article(article) for article in articles]
    else:
        analysed = list(analyse_all(articles))
    return story_corpus(analysed, (*errors, *empty))


def story_corpus(analysed: Sequence[AnalysedArticle], errors: Sequence[LoadError] = ()) -> Corpus:
    """The corpus of analysed articles: grouped into stories, actors merged, stories traced.

    Args:
        analysed: Every analysed article, in corpus order.
        errors: Load errors to carry along.

    Returns:
        The corpus with its stories, actors (linked inside each story) and traces.
    """
    corpus = grouped_corpus(analysed, errors)
    traces = trace_stories(corpus.stories, corpus.articles, name_aliases(corpus.actors))
    return replace(corpus, traces=tuple(traces))


def grouped_corpus(analysed: Sequence[AnalysedArticle], errors: Sequence[LoadError] = (),
                   stories: Sequence[Story] | None = None) -> Corpus:
    """``story_corpus`` without the traces, which a reader makes per story when it is opened.

    Tracing every story costs seconds and tens of megabytes on a large folder, and a
    reader opens a few of them.

    Args:
        analysed: Every analysed article, in corpus order.
        errors: Load errors to carry along.
        stories: ``cluster_stories`` of exactly these articles when it was called
            already (it needs only their text, so a reader groups them before the
            analysis ends); None groups them here.
    """
    if stories is None:
        stories = cluster_stories([item.article for item in analysed])
    story_of = {article: story.id for story in stories for article in story.articles}
    actors, merged = merge_corpus(analysed, story_of)
    return Corpus(articles=merged, actors=actors, errors=tuple(errors), stories=tuple(stories))


def name_aliases(actors: Sequence[Actor]) -> dict[str, str]:
    """Word-level aliases for alignment: each person's surname variants to one key.

    "Zelensky" and "Zelenskiy" both map to "zelenskyy" when the actors engine merged
    them, so the aligner compares the names as equal.
    """
    aliases: dict[str, str] = {}
    for actor in actors:
        if actor.kind != "person":
            continue
        canonical = actor.name.split()[-1].lower()
        for alias in actor.aliases:
            last = alias.split()[-1].lower().removesuffix("’s").removesuffix("'s")
            if last != canonical:
                aliases[last] = canonical
    return aliases


def compare_articles(a: Article, b: Article, actors: Sequence[Actor] = ()) -> Alignment:
    """Align two articles, comparing actor name variants as equal."""
    return align_articles(a, b, name_aliases(actors))


def best_partner(article: Article, others: Sequence[Article],
                 actors: Sequence[Actor] = ()) -> Article:
    """The other article that shares most of ``article``'s text.

    Shingle overlap picks a few candidates cheaply; exact alignment decides among them.

    Args:
        article: The article to pair.
        others: Candidates (non-empty).
        actors: Corpus actors, for name aliases.

    Returns:
        The candidate covering the largest share of ``article``.
    """
    aliases = name_aliases(actors)
    lexicon = Lexicon(aliases)
    mine = shingles(prepare(article, lexicon))
    ranked = sorted(others, key=lambda other: -len(mine & shingles(prepare(other, lexicon))))
    candidates = ranked[:_PARTNER_CANDIDATES]
    return max(candidates, key=lambda other: align_articles(article, other, aliases).coverage_a)
