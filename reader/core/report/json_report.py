"""Reports as JSON: the ``align --json`` or story contract plus the articles' metadata."""

from __future__ import annotations

from typing import Any

from reader.core.align import alignment_to_json
from reader.core.export import actor_to_json, article_to_json, story_to_json
from reader.core.models import Article
from reader.core.report.inputs import PairReport, StoryReport
from reader.core.stories import provenance_to_json

SCHEMA = "newsroom-report/1"


def pair_json(report: PairReport) -> dict[str, Any]:
    """The pair report: both articles' metadata and the alignment."""
    a, b = report.a.article, report.b.article
    return {
        "schema": SCHEMA,
        "kind": "pair",
        "generated": report.generated,
        "articles": [_metadata(a), _metadata(b)],
        "alignment": alignment_to_json(report.alignment, a, b),
        "quotes": {item.article.id: article_to_json(item)["quotes"]
                   for item in (report.a, report.b)},
    }


def story_json(report: StoryReport) -> dict[str, Any]:
    """The story report: the story contract, its articles (analysed) and its actors."""
    provenance = report.trace.provenance if report.trace else {}
    articles = []
    for item in report.articles:
        data = article_to_json(item)
        data["provenance"] = provenance_to_json(provenance.get(item.article.id, ()))
        articles.append(data)
    named = {m.actor for item in report.articles for m in item.mentions if m.actor}
    return {
        "schema": SCHEMA,
        "kind": "story",
        "generated": report.generated,
        "story": story_to_json(report.story, report.trace),
        "articles": articles,
        "actors": [actor_to_json(actor) for actor in report.actors if actor.id in named],
    }


def _metadata(article: Article) -> dict[str, Any]:
    return {"id": article.id, "path": article.path, "title": article.title,
            "source": article.source, "byline": article.byline, "date": article.date,
            "url": article.url, "words": article.word_count}
