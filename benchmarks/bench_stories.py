"""The story stage's speed: clustering, then provenance, copy pairs and quote groups.

Usage: python benchmarks/bench_stories.py [DATA_DIR] [--cache FILE] [--runs N]

DATA_DIR defaults to ../shared/data; the BBC corpus (DATA_DIR/bbc-news-fulltext) is
analysed as ``newsroom analyze`` does it (``load_documents`` + ``analyse_corpus``);
``--cache`` keeps the analysed corpus in a pickle between runs, since only the story
stage is timed: ``cluster_stories``, then ``trace_stories`` over every
story (median of ``--runs``), on

1. BBC, 2,225 articles;
2. 10,000 articles: each BBC article and 3-4 copies of it, copy k with one word of its
   k-th sentence spelled backwards (a small edit the aligner sees, offsets unchanged), so
   stories are 4-5 times as big and full of near-copies, the hard case for alignment.
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
from typing import TypeVar

from _data import data_dir

from reader.core.models import AnalysedArticle, Corpus, Story, StoryTrace
from reader.core.pipeline import analyse_corpus, name_aliases
from reader.core.stories import cluster_stories, trace_stories
from reader.sources.files import load_documents

ROOT = Path(__file__).resolve().parent.parent
_LONG_WORD = re.compile(r"[A-Za-z]{5,}")
TARGET = 10_000
T = TypeVar("T")


def load(root: Path, cache: Path | None) -> Corpus:
    """The analysed BBC corpus (from ``--cache`` when it is there)."""
    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            found: Corpus = pickle.load(handle)
            return found
    bbc = data_dir([sys.argv[0], str(root)], "bbc-news-fulltext")
    result = load_documents([bbc])
    corpus = analyse_corpus(result.documents, result.errors)
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump(corpus, handle)
    return corpus


def timed(run: Callable[[], T], runs: int) -> tuple[float, float, T]:
    """Median wall and CPU seconds of ``runs`` calls, and the last result.

    CPU time is what to compare on a shared machine: other processes stretch the wall
    clock, not the work done.
    """
    walls, cpus = [], []
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


def ten_thousand(items: Sequence[AnalysedArticle]) -> list[AnalysedArticle]:
    """About ``TARGET`` articles: the originals and edited copies of them."""
    grown = list(items)
    copy = 1
    while len(grown) < TARGET:
        grown.extend(edited_copy(item, copy) for item in items[: TARGET - len(grown)])
        copy += 1
    return grown


def stage(name: str, items: list[AnalysedArticle], aliases: dict[str, str], runs: int) -> None:
    """Time clustering, then tracing of its stories, and print both and their sum."""
    articles = [item.article for item in items]
    cluster_wall, cluster_cpu, stories = timed(lambda: cluster_stories(articles), runs)
    trace_wall, trace_cpu, traces = timed(lambda: trace_stories(stories, items, aliases), runs)
    print(f"{name}, {len(items):,} articles: {summary(stories, traces)}")
    print(f"  clustering {cluster_wall:.2f} s wall ({cluster_cpu:.2f} s CPU), tracing"
          f" {trace_wall:.2f} s wall ({trace_cpu:.2f} s CPU): stage"
          f" {cluster_wall + trace_wall:.2f} s wall, {cluster_cpu + trace_cpu:.2f} s CPU"
          f" (median of {runs})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    corpus = load(Path(options.data), options.cache)
    aliases = name_aliases(corpus.actors)
    items = list(corpus.articles)
    stage("BBC (goal: stage <= 3 s)", items, aliases, options.runs)
    stage("BBC and edited copies (goal: stage <= 15 s)", ten_thousand(items), aliases,
          max(1, options.runs // 2))


if __name__ == "__main__":
    main()
