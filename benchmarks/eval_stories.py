"""Story clustering (``reader.core.stories.cluster_stories``) on ECB+ odd topics, one corpus.

Usage::

    .venv/bin/python benchmarks/eval_stories.py [DATA_DIR]

Then the seeds among the 2,225 BBC articles (``../shared/data/bbc-news-fulltext``): they
must form one story of exactly five; it prints how many stories BBC splits into, the
largest, and the time the clustering takes.

Every ECB+ document (``ecbplus/ECB+/<topic>/*.xml``, its tokens joined, one sentence a
line, the ecbplus files' URL line dropped) is cleaned as a plain-text article, and all
topics go into ONE corpus. Gold: the events (a topic's ecb documents are one event, its
ecbplus documents another, similar one) and, looser, the topics. Scores are B-cubed
precision, recall and F1 over documents.

Baseline in the same run: TF-IDF word vectors (sublinear tf, smoothed idf), cosine over
all pairs, average-linkage agglomerative clustering, its threshold tuned on this data
(the best of a sweep, so the baseline is flattered). Ours is scored at its shipped
threshold, and over the same sweep to show how flat it is.
"""

from __future__ import annotations

import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._data import data_dir  # noqa: E402
from reader.core.models import Article, RawDocument  # noqa: E402
from reader.core.stories import STORY_THRESHOLD, cluster_stories  # noqa: E402
from reader.core.stories.clustering import average_linkage  # noqa: E402
from reader.core.stories.vectors import article_terms, channel_vectors  # noqa: E402
from reader.core.text import clean_corpus, clean_document  # noqa: E402
from reader.sources.files import load_documents  # noqa: E402

SWEEP = [round(0.08 + 0.02 * step, 2) for step in range(12)]


def read_corpus(folder: Path) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """The cleaned articles, and each one's gold event and topic."""
    articles: list[Article] = []
    events: dict[str, str] = {}
    topics: dict[str, str] = {}
    for topic in sorted(folder.iterdir(), key=lambda path: int(path.name)):
        for path in sorted(topic.glob("*.xml")):
            sentences: dict[int, list[str]] = defaultdict(list)
            for token in ET.parse(path).getroot().iter("token"):
                sentences[int(token.get("sentence", "0"))].append(token.text or "")
            plus = path.name.endswith("ecbplus.xml")
            keys = sorted(sentences)[1:] if plus else sorted(sentences)
            text = "\n\n".join(" ".join(sentences[key]) for key in keys)
            doc = RawDocument(id=path.stem, path=str(path), text=text)
            articles.append(clean_document(doc))
            events[path.stem] = topic.name + ("+" if plus else "")
            topics[path.stem] = topic.name
    return articles, events, topics


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold classes."""
    by_cluster: dict[str, set[str]] = defaultdict(set)
    by_class: dict[str, set[str]] = defaultdict(set)
    for item, cluster in predicted.items():
        by_cluster[cluster].add(item)
        by_class[gold[item]].add(item)
    precision = recall = 0.0
    for item in predicted:
        cluster, cls = by_cluster[predicted[item]], by_class[gold[item]]
        shared = len(cluster & cls)
        precision += shared / len(cluster)
        recall += shared / len(cls)
    precision /= len(predicted)
    recall /= len(predicted)
    return precision, recall, 2 * precision * recall / (precision + recall)


def baseline_pairs(articles: Sequence[Article]) -> dict[tuple[int, int], float]:
    """TF-IDF word vectors' cosine over all pairs, articles in id order."""
    ordered = sorted(articles, key=lambda article: article.id)
    vectors = channel_vectors([article_terms(a.title, a.text)[0] for a in ordered], 1.0)
    pairs: dict[tuple[int, int], float] = {}
    for i, u in enumerate(vectors):
        for j in range(i + 1, len(vectors)):
            v = vectors[j]
            similarity = sum(w * v.get(k, 0.0) for k, w in u.items())
            if similarity > 0:
                pairs[i, j] = similarity
    return pairs


def baseline(
    articles: Sequence[Article], pairs: dict[tuple[int, int], float], threshold: float
) -> dict[str, str]:
    """Average linkage over the baseline's all-pairs similarities."""
    ordered = sorted(articles, key=lambda article: article.id)
    labels = average_linkage(len(ordered), pairs, threshold)
    return {article.id: str(label) for article, label in zip(ordered, labels, strict=True)}


def ours(articles: Sequence[Article], threshold: float) -> dict[str, str]:
    """Our story clustering."""
    return {a: story.id for story in cluster_stories(articles, threshold) for a in story.articles}


def line(
    name: str, predicted: dict[str, str], events: dict[str, str], topics: dict[str, str]
) -> str:
    p, r, f = bcubed(predicted, events)
    topic_f = bcubed(predicted, topics)[2]
    stories = len(set(predicted.values()))
    return f"{name:<34} {p:6.3f} {r:6.3f} {f:6.3f} {topic_f:8.3f} {stories:8d}"


def main() -> None:
    """Score the baseline sweep and ours, and print a table."""
    folder = data_dir(sys.argv, "ecbplus") / "ECB+"
    articles, events, topics = read_corpus(folder)
    print(
        f"ECB+ odd topics: {len(articles)} documents, {len(set(events.values()))} events, "
        f"{len(set(topics.values()))} topics, one corpus"
    )
    print(f"{'method':<34} {'P':>6} {'R':>6} {'F1':>6} {'topic F1':>8} {'stories':>8}")
    pairs = baseline_pairs(articles)
    best = max(SWEEP, key=lambda t: bcubed(baseline(articles, pairs, t), events)[2])
    tuned = baseline(articles, pairs, best)
    print(line(f"baseline TF-IDF avg-link (t={best})", tuned, events, topics))
    start = time.perf_counter()
    shipped = ours(articles, STORY_THRESHOLD)
    seconds = time.perf_counter() - start
    print(
        line(f"ours (shipped t={STORY_THRESHOLD})", shipped, events, topics) + f"  {seconds:.2f} s"
    )
    print(
        "ours over the sweep:",
        ", ".join(f"{t}: {bcubed(ours(articles, t), events)[2]:.3f}" for t in SWEEP),
    )


def seeds_among_bbc() -> None:
    """The seeds inside the 2,225 BBC articles: one story of exactly five, and BBC's split."""
    bbc = data_dir(sys.argv, "bbc-news-fulltext")
    result = load_documents([bbc, ROOT / "seeds"])
    articles = [article for article in clean_corpus(result.documents) if article.text]
    start = time.perf_counter()
    stories = cluster_stories(articles)
    seconds = time.perf_counter() - start
    seeds = {path.stem for path in (ROOT / "seeds").glob("*.txt")}
    holding = [story for story in stories if seeds & set(story.articles)]
    sizes = sorted((len(story.articles) for story in stories), reverse=True)
    print(f"\nBBC + seeds: {len(articles)} articles -> {len(stories)} stories in {seconds:.2f} s "
          f"(largest {sizes[0]}, then {sizes[1:5]}; singletons {sizes.count(1)})")
    print(f"  seeds in {len(holding)} story(ies): sizes {[len(s.articles) for s in holding]}, "
          f"exactly the seeds: {[set(s.articles) == seeds for s in holding]}")
    print(f"  largest: {stories[0].title!r}")


if __name__ == "__main__":
    main()
    seeds_among_bbc()
