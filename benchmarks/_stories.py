"""Cleaned corpora and their story map, for the actor benchmarks."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks._data import read_latin_fallback
from reader.core.models import Article, RawDocument
from reader.core.stories import cluster_stories
from reader.core.text import clean_document


def bbc_articles(folder: Path) -> list[Article]:
    """The BBC corpus cleaned as the app cleans it, ids ``section/NNN``."""
    articles = []
    for path in sorted(folder.glob("*/*.txt")):
        doc = RawDocument(
            id=f"{path.parent.name}/{path.stem}", path=str(path), text=read_latin_fallback(path)
        )
        articles.append(clean_document(doc))
    return articles


def story_map(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> story id from ``cluster_stories`` (a few seconds on BBC).

    Not cached: a cache keyed by the articles would outlive a change to the clustering
    and score the actors against stale stories.
    """
    return {a: story.id for story in cluster_stories(articles) for a in story.articles}


if __name__ == "__main__":
    sys.exit("a helper module, not a benchmark")
