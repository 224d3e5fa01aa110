"""Loading a corpus for the app in stages, so the list fills in while analysis runs.

Runs inside a thread worker. Files are read and cleaned a batch at a time, so the first
rows appear after the first batch rather than after the whole folder; lines repeated
across the corpus (site templates) are counted as files arrive, and the few articles
cleaned before a template was recognised are cleaned again at the end of reading. Then
quotes and actors are found a batch at a time (in worker processes when asked for,
which then do not hold the interpreter lock the UI draws with), then actors are
merged. Each stage posts messages; nothing here touches a widget.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from itertools import islice

from textual.message import Message

from reader.config import Config
from reader.core.models import AnalysedArticle, Article, LoadError, RawDocument
from reader.ui.messages import (
    ArticlesAdded,
    ArticlesAnalysed,
    ArticlesRevised,
    CorpusLoaded,
    LoadProgress,
)

FIRST_BATCH = 50
READ_BATCH = 250
ANALYSE_BATCH = 50
# After each posted batch the worker sleeps this long so the UI thread gets the GIL to
# show the rows; 40 batches of 10,000 files cost 0.2 s in all.
YIELD_SECONDS = 0.005


def load_corpus(
    config: Config, post: Callable[[Message], object], cancelled: Callable[[], bool]
) -> None:
    """Read, clean, analyse and merge the configured paths, posting progress.

    Args:
        config: Paths and limits.
        post: Posts a message to the app (thread-safe).
        cancelled: True once the worker was cancelled; loading then stops quietly.
    """
    read = _read_and_clean(config, post, cancelled)
    if read is None or cancelled():
        return
    # Imported only now (the NER model, rapidfuzz): a worker cannot be interrupted, so
    # quitting while the list is being read must not wait for these imports.
    from reader.core.pipeline import story_corpus
    from reader.processes import analyse_batches

    cleaned, errors = read
    analysed: list[AnalysedArticle] = []
    # By default a large folder gets one worker process: the keys no longer wait for the
    # analysis and the reader and its worker stay within 300 MB for 10,000 articles.
    # One per core (``--workers 2``) is faster still but holds about 335 MB in all
    # (benchmarks/bench_tui.py).
    batches = analyse_batches(cleaned, batch=ANALYSE_BATCH, workers=config.workers, most=1,
                              stop=cancelled)
    for batch in batches:
        items = tuple(batch)
        analysed.extend(items)
        post(ArticlesAnalysed(items))
        post(LoadProgress("Finding quotes and actors", len(analysed), len(cleaned)))
        time.sleep(YIELD_SECONDS)
    if cancelled():
        return
    post(LoadProgress("Grouping stories, merging actors", len(analysed), len(cleaned)))
    corpus = story_corpus(analysed, errors)
    if not cancelled():
        post(CorpusLoaded(corpus))


def _read_and_clean(
    config: Config, post: Callable[[Message], object], cancelled: Callable[[], bool]
) -> tuple[list[Article], list[LoadError]] | None:
    """Read and clean every file a batch at a time; None when cancelled."""
    from reader.core.text import (
        RepeatCounter,
        clean_document,
        short_line_keys,
        split_empty,
    )
    from reader.sources.files import discover, read_files

    files, errors = discover(config.paths)
    counter = RepeatCounter()
    cleaned: dict[str, Article] = {}
    cleaned_with: list[tuple[RawDocument, frozenset[str]]] = []
    reader = read_files(files, config.max_bytes)
    done = 0
    size = FIRST_BATCH
    while batch := list(islice(reader, size)):
        if cancelled():
            return None
        done += len(batch)
        documents = [doc for docs, _ in batch for doc in docs]
        errors += [error for _, error in batch if error is not None]
        for doc in documents:
            counter.add(doc.text)
        repeats = counter.repeats()
        articles = [clean_document(doc, repeats) for doc in documents]
        cleaned.update((a.id, a) for a in articles)
        cleaned_with += [(doc, repeats) for doc in documents]
        post(ArticlesAdded(tuple(AnalysedArticle(article=a) for a in articles if a.text)))
        post(LoadProgress("Reading", done, len(files)))
        time.sleep(YIELD_SECONDS)
        size = READ_BATCH
    final = counter.repeats()
    revised = [
        clean_document(doc, final)
        for doc, used in cleaned_with
        if used is not final and (final - used) & short_line_keys(doc.text)
    ]
    del cleaned_with  # the raw texts are not needed any more
    changed = [a for a in revised if a != cleaned[a.id]]
    if changed:
        cleaned.update((a.id, a) for a in changed)
        post(ArticlesRevised(tuple(AnalysedArticle(article=a) for a in changed)))
    kept, empty = split_empty(cleaned.values())
    return kept, errors + empty
