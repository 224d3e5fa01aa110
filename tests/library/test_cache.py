"""The analysis cache: hits, misses, engine versions, changed files, corpus results."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.core.analysis import analyse_article
from reader.core.models import AnalysedArticle, Article
from reader.core.pipeline import analyse_corpus, story_corpus
from reader.library import AnalysisCache, Library
from reader.library.corpora import load_corpus
from reader.sources.files import load_documents

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"


class CountingAnalysis:
    """analyse_all that records which articles it was asked to analyse."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, articles: Sequence[Article]) -> Iterable[AnalysedArticle]:
        self.seen += [article.id for article in articles]
        return [analyse_article(article) for article in articles]


def test_miss_then_hit_gives_the_same_analysis(tmp_path: Path,
                                               seed_articles: dict[str, Article]) -> None:
    articles = list(seed_articles.values())
    cache = AnalysisCache(Library.open(tmp_path))
    assert cache.lookup(articles) == [None] * len(articles)
    analysis = CountingAnalysis()
    first = list(cache.analyse_all(analysis)(articles))
    second = list(cache.analyse_all(analysis)(articles))
    assert analysis.seen == [a.id for a in articles]  # the second run analysed nothing
    assert second == first == [analyse_article(a) for a in articles]


def test_moved_article_still_hits(tmp_path: Path, seed_articles: dict[str, Article]) -> None:
    article = seed_articles["001"]
    cache = AnalysisCache(Library.open(tmp_path))
    cache.store([analyse_article(article)])
    from dataclasses import replace

    moved = replace(article, id="elsewhere/001", path="/elsewhere/001.txt")
    [hit] = cache.lookup([moved])
    assert hit is not None and hit.article is moved


def test_engine_version_bump_invalidates(tmp_path: Path,
                                         seed_articles: dict[str, Article]) -> None:
    articles = list(seed_articles.values())
    library = Library.open(tmp_path)
    AnalysisCache(library, engine=1).store([analyse_article(a) for a in articles])
    assert None not in AnalysisCache(library, engine=1).lookup(articles)
    assert AnalysisCache(library, engine=2).lookup(articles) == [None] * len(articles)


def test_changed_file_is_analysed_alone(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    shutil.copytree(SEEDS, folder)
    cache = AnalysisCache(Library.open(tmp_path / "home"))
    analysis = CountingAnalysis()
    first = load_corpus([folder], 20_000_000, cache, analysis, story_corpus)
    assert len(analysis.seen) == len(first.articles) == 5
    analysis.seen.clear()
    again = load_corpus([folder], 20_000_000, cache, analysis, story_corpus)
    assert analysis.seen == [] and again == first
    changed = sorted(folder.glob("*.txt"))[2]
    text = changed.read_text()
    assert " Putin " in text
    changed.write_text(text.replace(" Putin ", " President Putin ", 1))
    after = load_corpus([folder], 20_000_000, cache, analysis, story_corpus)
    assert analysis.seen == [changed.stem]
    # Exactly what an uncached run of the changed folder gives.
    result = load_documents([folder])
    assert after == analyse_corpus(result.documents, result.errors)


def test_cleared_cache_analyses_again(tmp_path: Path) -> None:
    cache = AnalysisCache(Library.open(tmp_path / "home"))
    analysis = CountingAnalysis()
    load_corpus([SEEDS], 20_000_000, cache, analysis, story_corpus)
    assert cache.info().entries == 5
    assert cache.clear() == 5
    analysis.seen.clear()
    load_corpus([SEEDS], 20_000_000, cache, analysis, story_corpus)
    assert len(analysis.seen) == 5
