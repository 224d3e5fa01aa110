"""Story tracing benchmark: provenance, copy pairs and quote groups for every story.

Usage: python benchmarks/bench_stories.py [DATA_DIR] [--cache FILE] [--runs N]

DATA_DIR defaults to ../shared/data; the BBC corpus (DATA_DIR/bbc-news-fulltext) is
analysed as ``newsroom analyze`` does it (``load_documents`` + ``analyse_corpus``) and
clustered with ``cluster_stories``; ``--cache`` keeps both in a pickle between runs, since
only the tracing is timed. Then:

1. BBC, 2,225 articles: ``trace_stories`` over every story (median of ``--runs``), with
   what the stories and traces hold, and clustering's time beside it for the stage total.
2. 10,000 articles: each BBC article and 3-4 copies of it, copy k with one word of its
   k-th sentence spelled backwards (a small edit the aligner sees, offsets unchanged); a
   copy joins its original's story, so stories are 4-5 times as big and full of
   near-copies, the hard case for alignment. Stories are built by that mapping, not
   clustered.
"""

from __future__ import annotations

import argparse
import pickle
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from _data import data_dir

from reader.core.models import AnalysedArticle, Corpus, Story, StoryTrace
from reader.core.pipeline import analyse_corpus, name_aliases
from reader.core.stories import cluster_stories, trace_stories
from reader.sources.files import load_documents

ROOT = Path(__file__).resolve().parent.parent
_LONG_WORD = re.compile(r"[A-Za-z]{5,}")
TARGET = 10_000


def load(root: Path, cache: Path | None) -> tuple[Corpus, list[Story], float]:
    """The analysed BBC corpus, its stories and the seconds clustering took."""
    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            found: tuple[Corpus, list[Story], float] = pickle.load(handle)
            return found
    bbc = data_dir([sys.argv[0], str(root)], "bbc-news-fulltext")
    result = load_documents([bbc])
    corpus = analyse_corpus(result.documents, result.errors)
    start = time.perf_counter()
    stories = cluster_stories([item.article for item in corpus.articles])
    clustering = time.perf_counter() - start
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump((corpus, stories, clustering), handle)
    return corpus, stories, clustering


def timed(
    run: Callable[[], list[StoryTrace]], runs: int
) -> tuple[float, float, list[StoryTrace]]:
    """Median wall and CPU seconds of ``runs`` calls, and the last result.

    CPU time is what to compare on a shared machine: other processes stretch the wall
    clock, not the work done.
    """
    walls, cpus, result = [], [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return statistics.median(walls), statistics.median(cpus), result


def summary(stories: Sequence[Story], traces: Sequence[StoryTrace]) -> str:
    multi = [s for s in stories if len(s.articles) > 1]
    directed = sum(p.direction is not None for t in traces for p in t.pairs)
    sentences = sum(len(records) for t in traces for records in t.provenance.values())
    return (
        f"{len(stories)} stories ({len(multi)} of 2+,"
        f" largest {max(len(s.articles) for s in stories)}),"
        f" {sum(len(t.pairs) for t in traces)} copy pairs ({directed} directed),"
        f" {sum(len(t.quotes) for t in traces)} quote groups, {sentences} shared sentences"
    )


def edited_copy(item: AnalysedArticle, copy: int) -> AnalysedArticle:
    """A copy of an article with a long word of one sentence reversed (same offsets)."""
    text = list(item.article.text)
    sentences = item.article.sentences
    sentence = sentences[copy % len(sentences)] if sentences else None
    words = list(_LONG_WORD.finditer(item.article.slice(sentence))) if sentence else []
    if sentence is not None and words:
        start, end = sentence.start + words[0].start(), sentence.start + words[0].end()
        text[start:end] = reversed(text[start:end])
    article = replace(item.article, id=f"{item.article.id}~{copy}", text="".join(text))
    return replace(item, article=article)


def ten_thousand(
    items: Sequence[AnalysedArticle], stories: Sequence[Story]
) -> tuple[list[AnalysedArticle], list[Story]]:
    """About ``TARGET`` articles: the originals and edited copies, in their originals' stories."""
    copies: dict[str, list[str]] = {item.article.id: [] for item in items}
    grown = list(items)
    copy = 1
    while len(grown) < TARGET:
        for item in items[: TARGET - len(grown)]:
            made = edited_copy(item, copy)
            grown.append(made)
            copies[item.article.id].append(made.article.id)
        copy += 1
    bigger = [
        replace(story, articles=(*story.articles, *(c for a in story.articles for c in copies[a])))
        for story in stories
    ]
    return grown, bigger


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    corpus, stories, clustering = load(Path(options.data), options.cache)
    aliases = name_aliases(corpus.actors)
    items = list(corpus.articles)

    def bbc() -> list[StoryTrace]:
        return trace_stories(stories, items, aliases)

    wall, cpu, traces = timed(bbc, options.runs)
    print(f"BBC, {len(items)} articles: {summary(stories, traces)}")
    print(f"  tracing {wall:.2f} s wall, {cpu:.2f} s CPU (median of {options.runs}; goal well"
          f" under 2 s); clustering {clustering:.2f} s, stage {clustering + wall:.2f} s"
          " (goal <= 3 s)")
    grown, bigger = ten_thousand(items, stories)

    def large() -> list[StoryTrace]:
        return trace_stories(bigger, grown, aliases)

    wall, cpu, traces = timed(large, max(1, options.runs // 2))
    print(f"{len(grown)} articles (BBC and edited copies): {summary(bigger, traces)}")
    print(f"  tracing {wall:.2f} s wall, {cpu:.2f} s CPU (goal <= 10 s)")


if __name__ == "__main__":
    main()
