"""Cleaned corpora and their story map, cached in /tmp for the actor benchmarks.

``cluster_stories`` takes tens of seconds on the BBC corpus; the actor audits run many
times while tuning, so the article -> story map is computed once per corpus and kept in a
JSON file under the system temporary folder, keyed by the article ids it covers.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
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


def story_map(articles: Sequence[Article], name: str) -> dict[str, str]:
    """Article id -> story id from ``cluster_stories``, cached under the temp folder."""
    digest = hashlib.sha1("\n".join(sorted(a.id for a in articles)).encode()).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / f"newsroom-stories-{name}-{digest}.json"
    if cache.is_file():
        loaded: dict[str, str] = json.loads(cache.read_text(encoding="utf-8"))
        return loaded
    print(f"clustering {len(articles)} articles into stories (cached in {cache})",
          file=sys.stderr)
    mapping = {a: story.id for story in cluster_stories(articles) for a in story.articles}
    cache.write_text(json.dumps(mapping), encoding="utf-8")
    return mapping


if __name__ == "__main__":
    sys.exit("a helper module, not a benchmark")
