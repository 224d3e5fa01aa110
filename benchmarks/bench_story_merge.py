"""Actor merging at 10,000 articles: time and traced peak, without and with stories.

Usage::

    .venv/bin/python benchmarks/bench_story_merge.py [DATA_DIR]

The BBC corpus (2,225 articles, cleaned and detected as the app does) is repeated to
10,000 documents, as ``bench_tui.py`` copies it into its 10,000-article folder. Stories
come from ``cluster_stories`` on the 2,225 originals (cached by
``benchmarks._stories``) and are given to the copies two ways: a copy in its
original's story (what clustering the copies does: identical texts are one story), and
each copy in a story of its own (the worst case for linking across stories: every name
in five stories). Each merge runs once for time and once under ``tracemalloc`` for the
merge's own peak.
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._data import data_dir  # noqa: E402
from benchmarks._stories import bbc_articles, story_map  # noqa: E402
from reader.core.actors import detect_mentions, merge_actors  # noqa: E402
from reader.core.models import Mention  # noqa: E402

COUNT = 10_000


def measure(name: str, docs: list[tuple[str, list[Mention]]],
            stories: Mapping[str, str] | None) -> None:
    """Print one merge's time, actor count and traced peak."""
    gc.collect()
    started = time.perf_counter()
    actors, _ = merge_actors(docs, stories)
    seconds = time.perf_counter() - started
    count = len(actors)
    del actors, _
    gc.collect()
    tracemalloc.start()
    merge_actors(docs, stories)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"{name:<34} {seconds:6.2f} s  {count:6d} actors  peak {peak:4.0f} MB")


def main() -> None:
    """Build the 10,000 documents and measure the three settings."""
    articles = bbc_articles(data_dir(sys.argv, "bbc-news-fulltext"))
    stories = story_map(articles)
    detected = [(a.id, detect_mentions(a.text, a.sentences)) for a in articles]
    docs: list[tuple[str, list[Mention]]] = []
    shared: dict[str, str] = {}
    apart: dict[str, str] = {}
    while len(docs) < COUNT:
        copy = len(docs) // len(detected)
        for doc_id, mentions in detected[: COUNT - len(docs)]:
            docs.append((f"{copy}/{doc_id}", mentions))
            shared[f"{copy}/{doc_id}"] = stories[doc_id]
            apart[f"{copy}/{doc_id}"] = f"{copy}/{stories[doc_id]}"
    print(f"{len(docs)} documents, {sum(len(ms) for _, ms in docs)} mentions")
    measure("one story (stories=None)", docs, None)
    measure("per story, copies share a story", docs, shared)
    measure("per story, every copy apart", docs, apart)


if __name__ == "__main__":
    main()
