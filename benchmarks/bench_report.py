"""Report speed and size: a 1,000-sentence pair, and a story of 50 articles.

Usage: python benchmarks/bench_report.py [DATA_DIR]

Inputs are built from the BBC corpus (DATA_DIR/bbc-news-fulltext, default
../shared/data): the pair is business articles joined until A has 1,000 sentences, and B
is A with every fifth paragraph left out and one word of every third spelled backwards;
the story is ten business articles and four edited copies of each. Analysis is not
timed (the reader has it already when w is pressed); the alignment, the story trace and
each format's rendering are, as the median of three runs.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from _data import data_dir, read_latin_fallback

from reader.core.models import AnalysedArticle, Corpus, RawDocument, Story
from reader.core.pipeline import analyse_corpus, compare_articles
from reader.core.report import PairReport, StoryReport, render_pair, render_story
from reader.core.stories import trace_story

_LONG_WORD = re.compile(r"[A-Za-z]{5,}")
T = TypeVar("T")


def timed(job: Callable[[], T], runs: int = 3) -> tuple[float, T]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def edited(text: str, drop_every: int, flip_every: int) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    kept = []
    for k, paragraph in enumerate(paragraphs):
        if drop_every and k % drop_every == drop_every - 1:
            continue
        if k % flip_every == 0:
            paragraph = _LONG_WORD.sub(lambda m: m.group(0)[::-1], paragraph, count=1)
        kept.append(paragraph)
    return "\n\n".join(kept)


def analysed(documents: list[RawDocument]) -> Corpus:
    return analyse_corpus(documents)


def main() -> int:
    bbc = data_dir(sys.argv, "bbc-news-fulltext")
    texts = [read_latin_fallback(p) for p in sorted((bbc / "business").glob("*.txt"))]
    # The pair: whole articles joined until A has 1,000 sentences.
    joined: list[str] = []
    for text in texts:
        joined.append(text.replace("\n", "\n\n"))
        probe = analysed([RawDocument("a", "a", "\n\n".join(joined))])
        if probe.articles and len(probe.articles[0].article.sentences) >= 1000:
            break
    a_text = "\n\n".join(joined)
    corpus = analysed([RawDocument("pair-a", "pair-a", a_text, title="A"),
                       RawDocument("pair-b", "pair-b", edited(a_text, 5, 3), title="B")])
    a, b = corpus.articles
    print(f"pair: A {len(a.article.sentences)} sentences, B {len(b.article.sentences)}")
    align_s, alignment = timed(lambda: compare_articles(a.article, b.article, corpus.actors))
    report = PairReport(alignment, a, b, "now")
    for kind in ("html", "md", "json"):
        render_s, document = timed(lambda kind=kind: render_pair(report, kind))
        size = len(document.encode("utf-8")) / 1_048_576
        print(f"  {kind:<4} align {align_s:.2f} s + render {render_s:.2f} s = "
              f"{align_s + render_s:.2f} s, {size:.2f} MB (goal 1 s, 3 MB)")
    # The story: ten articles and four edited copies of each.
    documents = []
    for k, text in enumerate(texts[:10]):
        text = text.replace("\n", "\n\n")
        for copy in range(5):
            body = text if copy == 0 else edited(text, 0, copy + 1)
            documents.append(RawDocument(f"s{k}-{copy}", f"s{k}-{copy}", body,
                                         title=f"Article {k} copy {copy}"))
    story_corpus = analysed(documents)
    items: tuple[AnalysedArticle, ...] = story_corpus.articles
    story = Story("story", "Fifty", tuple(item.article.id for item in items))
    trace_s, trace = timed(lambda: trace_story(story, items))
    print(f"story: {len(items)} articles, {len(trace.pairs)} copy pairs, "
          f"{len(trace.quotes)} quote groups; trace {trace_s:.2f} s")
    story_report = StoryReport(story, trace, items, story_corpus.actors, "now")
    for kind in ("html", "md", "json"):
        render_s, document = timed(lambda kind=kind: render_story(story_report, kind))
        size = len(document.encode("utf-8")) / 1_048_576
        print(f"  {kind:<4} render {render_s:.2f} s (trace + render {trace_s + render_s:.2f} s,"
              f" goal 3 s), {size:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
