"""The JSON contract of ``newsroom analyze --json``: plain dicts from core results."""

from __future__ import annotations

from typing import Any

from reader.core.models import (
    SPEECH_KINDS,
    Actor,
    AnalysedArticle,
    Corpus,
    Mention,
    Quote,
    Story,
    StoryTrace,
)
from reader.core.stories import provenance_to_json, trace_to_json


def corpus_to_json(corpus: Corpus) -> dict[str, Any]:
    """The whole analysis as JSON-ready data (offsets index each article's ``text``)."""
    story_of = {article: story.id for story in corpus.stories for article in story.articles}
    provenance = {
        article: records for trace in corpus.traces for article, records in trace.provenance.items()
    }
    articles = []
    for item in corpus.articles:
        data = article_to_json(item)
        data["story"] = story_of.get(item.article.id)
        data["provenance"] = provenance_to_json(provenance.get(item.article.id, ()))
        articles.append(data)
    return {
        "articles": articles,
        "actors": [actor_to_json(actor) for actor in corpus.actors],
        "errors": [{"path": error.path, "error": error.error} for error in corpus.errors],
        "stories": stories_to_json(corpus),
    }


def stories_to_json(corpus: Corpus) -> list[dict[str, Any]]:
    """The contract's ``stories`` list: each story with its trace's pairs and quotes."""
    traces = {trace.story: trace for trace in corpus.traces}
    return [story_to_json(story, traces.get(story.id)) for story in corpus.stories]


def story_to_json(story: Story, trace: StoryTrace | None) -> dict[str, Any]:
    """One story: its articles (ids), outlets, dates, copy pairs and shared quotes."""
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "outlets": list(story.outlets),
        "first_date": story.first_date,
        "last_date": story.last_date,
        **(trace_to_json(trace) if trace else {"pairs": [], "quotes": []}),
    }


def article_to_json(item: AnalysedArticle) -> dict[str, Any]:
    """One analysed article in the contract's shape."""
    article = item.article
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "byline": article.byline,
        "date": article.date,
        "origin": article.origin,
        "url": article.url,
        "text": article.text,
        "paragraphs": [span.as_list() for span in article.paragraphs],
        "headings": [span.as_list() for span in article.headings],
        "list_items": [span.as_list() for span in article.list_items],
        "sentences": [span.as_list() for span in article.sentences],
        "quotes": [quote_to_json(quote, article.text) for quote in item.quotes],
        "quote_counts": quote_counts(item),
        "mentions": [mention_to_json(mention) for mention in item.mentions],
    }


def quote_counts(item: AnalysedArticle) -> dict[str, int]:
    """Quotes by kind, and ``speech``: the speech kinds together, as the reader counts."""
    counts = dict.fromkeys(("statement", "fragment", "term", "indirect"), 0)
    for quote in item.quotes:
        counts[quote.kind] += 1
    counts["speech"] = sum(counts[kind] for kind in sorted(SPEECH_KINDS))
    return counts


def quote_to_json(quote: Quote, text: str) -> dict[str, Any]:
    """One quote: the words inside the marks, who said them, and how it was cued."""
    return {
        "start": quote.span.start,
        "end": quote.span.end,
        "text": text[quote.span.start : quote.span.end],
        "speaker": quote.speaker,
        "actor": quote.actor,
        "kind": quote.kind,
        "cue": quote.cue,
    }


def mention_to_json(mention: Mention) -> dict[str, Any]:
    """One actor mention."""
    return {
        "start": mention.span.start,
        "end": mention.span.end,
        "text": mention.text,
        "actor": mention.actor,
        "kind": mention.kind,
    }


def actor_to_json(actor: Actor) -> dict[str, Any]:
    """One corpus actor."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "role": actor.role,
        "aliases": list(actor.aliases),
        "articles": list(actor.articles),
        "mentions": actor.mentions,
        "stories": list(actor.stories),
        "suggestions": list(actor.suggestions),
    }
