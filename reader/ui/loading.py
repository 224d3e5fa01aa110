"""Loading a corpus for the app in stages, so the list fills in while analysis runs.

Runs inside a thread worker: reading and cleaning come first (cheap, so rows appear
within a second even for 10,000 files), then quotes and actors article by article, then
the corpus-wide actor merge. Each stage posts messages; nothing here touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from textual.message import Message

from reader.config import Config
from reader.core.models import AnalysedArticle, Corpus, LoadError
from reader.ui.messages import ArticlesAdded, ArticlesAnalysed, CorpusLoaded, LoadProgress

CLEAN_BATCH = 200
ANALYSE_BATCH = 50
T = TypeVar("T")


def _batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def load_corpus(
    config: Config, post: Callable[[Message], object], cancelled: Callable[[], bool]
) -> None:
    """Read, clean, analyse and merge the configured paths, posting progress.

    Args:
        config: Paths and limits.
        post: Posts a message to the app (thread-safe).
        cancelled: True once the worker was cancelled; loading then stops quietly.
    """
    from reader.core.cleaning import clean_document, corpus_repeats
    from reader.core.pipeline import analyse_article, merge_corpus
    from reader.sources.files import load_documents

    def reading(done: int, total: int) -> bool:
        if done % 250 == 0 or done == total:
            post(LoadProgress("Reading", done, total))
        return not cancelled()

    result = load_documents(config.paths, config.max_bytes, progress=reading)
    repeats = corpus_repeats([doc.text for doc in result.documents])
    errors: list[LoadError] = list(result.errors)
    cleaned: list[AnalysedArticle] = []
    for documents in _batches(result.documents, CLEAN_BATCH):
        if cancelled():
            return
        articles = [clean_document(doc, repeats) for doc in documents]
        errors += [LoadError(a.path, "no article text found") for a in articles if not a.text]
        items = tuple(AnalysedArticle(article=a) for a in articles if a.text)
        cleaned.extend(items)
        post(ArticlesAdded(items))
    analysed: list[AnalysedArticle] = []
    for listed in _batches(cleaned, ANALYSE_BATCH):
        if cancelled():
            return
        items = tuple(analyse_article(item.article) for item in listed)
        analysed.extend(items)
        post(ArticlesAnalysed(items))
        post(LoadProgress("Finding quotes and actors", len(analysed), len(cleaned)))
    post(LoadProgress("Merging actors", len(analysed), len(cleaned)))
    actors, merged = merge_corpus(analysed)
    if not cancelled():
        post(CorpusLoaded(Corpus(merged, actors, tuple(errors))))
