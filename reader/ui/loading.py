"""Loading a corpus for the app in stages, so the list fills in while analysis runs.

Runs inside a thread worker. Files are read and cleaned a batch at a time, so the first
rows appear after the first batch rather than after the whole folder; lines repeated
across the corpus (site templates) are counted as files arrive, and the few articles
cleaned before a template was recognised are cleaned again at the end of reading. Then
the articles are grouped into stories (from their text alone, so the story list shows
them while the rest runs), quotes and actors are found a batch at a time (in worker
processes when asked for, which then do not hold the interpreter lock the UI draws
with), then actors are merged. Each stage posts messages; nothing here touches a widget.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import wraps
from itertools import islice
from typing import TYPE_CHECKING

from textual.message import Message

from reader.config import Config
from reader.core.models import AnalysedArticle, Article, Corpus, LoadError, RawDocument, Story
from reader.ui.messages import (
    AnalysisFailed,
    ArticlesAdded,
    ArticlesAnalysed,
    ArticlesRevised,
    CorpusLoaded,
    LoadProgress,
    StatesLoaded,
    StoriesFound,
)

if TYPE_CHECKING:
    from reader.library import AnalysisCache
    from reader.library.state import Known, ReadingState
    from reader.sources.discovery import ArticleFile

FIRST_BATCH = 50
READ_BATCH = 250
ANALYSE_BATCH = 50
# Cached analyses go to the list in larger batches: they cost the loader nothing to make.
CACHED_BATCH = 1000
# After each posted batch the worker sleeps this long so the UI thread gets the GIL to
# show the rows; 40 batches of 10,000 files cost 0.2 s in all.
YIELD_SECONDS = 0.005


def load_corpus(
    config: Config, post: Callable[[Message], object], cancelled: Callable[[], bool]
) -> None:
    """Read, clean, analyse and merge the configured paths, posting progress.

    With the library, a folder unchanged since it was last read comes whole from its
    snapshot, and only articles the cache does not hold are analysed.

    Args:
        config: Paths and limits.
        post: Posts a message to the app (thread-safe).
        cancelled: True once the worker was cancelled; loading then stops quietly.
    """
    from reader.sources.discovery import discover

    library = _open_library(config, post)
    # --no-cache leaves analyses alone, not the reading state.
    cache = library if config.use_cache else None
    files: Sequence[ArticleFile] = ()
    found_errors: Sequence[LoadError] = ()
    if config.library:
        documents = _fetched_documents(library)
        batches: Iterator[tuple[list[RawDocument], LoadError | None]] = (
            ([doc], None) for doc in documents)
        total = len(documents)
    else:
        from reader.sources.files import read_files

        files, found_errors = discover(config.paths)
        if cache is not None and _load_snapshot(cache, config, files, found_errors, post):
            return
        batches, total = read_files(files, config.max_bytes), len(files)
    read = _read_and_clean(batches, total, post, cancelled)
    if read is None or cancelled():
        return
    cleaned, errors, content = read
    grouping = _Grouping(cleaned, post)
    if library is not None:
        _post_states(library, config, cleaned, content, post)
    keys: list[bytes] = []
    if cache is not None:
        from reader.library import input_key

        keys = [input_key(article) for article in cleaned]
    failed: list[LoadError] = []  # articles whose analysis process died twice
    analysed = _analyse(config, cache, cleaned, keys, failed, post, cancelled)
    if analysed is None:
        return
    post(LoadProgress("Merging actors", len(analysed), len(cleaned)))
    all_errors = (*found_errors, *errors, *failed)
    if cache is None or failed:  # with failures, the next start tries them again
        corpus = grouping.finish(analysed, all_errors)
    else:
        from reader.library.corpora import finish_cached
        from reader.library.snapshots import Snapshot, Snapshots

        snapshot = Snapshot(tuple(cleaned), tuple(keys), tuple(errors), content)
        if not config.library:  # the library's articles are read from it each time
            Snapshots(cache).save(config.paths, files, config.max_bytes, snapshot)
        corpus = finish_cached(cache, snapshot, lambda: analysed, all_errors,
                               grouping.keyed())
    if not cancelled():
        post(CorpusLoaded(corpus))


def _fetched_documents(library: AnalysisCache | None) -> list[RawDocument]:
    """The articles fetched into the library (none when it cannot open)."""
    if library is None:
        return []
    from reader.library.feeds import FeedStore

    return FeedStore(library.library).documents()


def _open_library(config: Config, post: Callable[[Message], object]) -> AnalysisCache | None:
    """The library (through its cache), or None when it cannot open (then say why)."""
    from reader.library import AnalysisCache, Library, LibraryError, library_home

    try:
        return AnalysisCache(Library.open(library_home(config.home)))
    except LibraryError as error:
        post(AnalysisFailed("library", f"{error}; nothing is cached or remembered"))
        return None


def _load_snapshot(cache: AnalysisCache, config: Config, files: Sequence[ArticleFile],
                   found_errors: Sequence[LoadError],
                   post: Callable[[Message], object]) -> bool:
    """Post the whole corpus from the folder's snapshot; False when there is none."""
    from reader.core.pipeline import grouped_corpus
    from reader.library.corpora import finish_cached
    from reader.library.snapshots import Snapshots

    snapshot = Snapshots(cache).load(config.paths, files, config.max_bytes)
    if snapshot is None:
        return False
    post(LoadProgress("Reading the library", 0, len(snapshot.articles)))

    grouping: list[_Grouping] = []

    def analysed() -> Sequence[AnalysedArticle]:
        # Asked for only when the library holds no corpus result for these articles.
        grouping.append(_Grouping(snapshot.articles, post))
        return list(cache.analyse_all(_in_batches(config))(snapshot.articles))

    @wraps(grouped_corpus)  # the name the library keeps corpus results by
    def finish(items: Sequence[AnalysedArticle], errors: Sequence[LoadError]) -> Corpus:
        return grouping[0].finish(items, errors)  # called after analysed()

    corpus = finish_cached(cache, snapshot, analysed, (*found_errors, *snapshot.errors),
                           finish)
    _post_states(cache, config, snapshot.articles, snapshot.content, post)
    post(CorpusLoaded(corpus))
    return True


class _Grouping:
    """The articles grouped into stories in a thread of its own, posted when found.

    Grouping needs only the articles' text, so it runs while their quotes and actors
    are found (in the worker process) and the story list shows before the end.
    """

    def __init__(self, articles: Sequence[Article], post: Callable[[Message], object]) -> None:
        self._articles = articles
        self._post = post
        self._stories: Sequence[Story] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._group, name="stories", daemon=True)
        self._thread.start()

    def _group(self) -> None:
        from reader.core.stories import cluster_stories

        try:
            self._stories = cluster_stories(self._articles)
        except BaseException as error:  # raised again in finish, in the loader's thread
            self._error = error
            return
        self._post(StoriesFound(tuple(self._stories)))

    def finish(self, analysed: Sequence[AnalysedArticle], errors: Sequence[LoadError]) -> Corpus:
        """``grouped_corpus`` with the stories found here."""
        from reader.core.pipeline import grouped_corpus

        self._thread.join()
        if self._error is not None:
            raise self._error
        return grouped_corpus(analysed, errors, self._stories)

    def keyed(self) -> Callable[[Sequence[AnalysedArticle], Sequence[LoadError]], Corpus]:
        """``finish`` under ``grouped_corpus``'s name, for the library's corpus results."""
        from reader.core.pipeline import grouped_corpus

        @wraps(grouped_corpus)
        def finish(analysed: Sequence[AnalysedArticle], errors: Sequence[LoadError]) -> Corpus:
            return self.finish(analysed, errors)

        return finish


def _in_batches(config: Config) -> Callable[[Sequence[Article]], Iterator[AnalysedArticle]]:
    """Analysis as the reader runs it (at most one worker process by default)."""
    from reader.processes import analyse_batches

    def analyse_all(articles: Sequence[Article]) -> Iterator[AnalysedArticle]:
        for batch in analyse_batches(articles, batch=ANALYSE_BATCH, workers=config.workers,
                                     most=1):
            yield from batch

    return analyse_all


def _post_states(cache: AnalysisCache, config: Config, articles: Sequence[Article],
                 content: Mapping[str, bytes], post: Callable[[Message], object]) -> None:
    """The reading state of every article, for the list's marks and filters."""
    from reader.library.state import Known, ReadingState

    state = ReadingState(cache.library)
    known = {a.id: Known(content[a.id], a.url, a.path, a.title) for a in articles}
    states = state.states(list(known.values()))
    post(StatesLoaded(state, known, dict(zip(known, states, strict=True)),
                      cursor=_recall_cursor(state, config, known)))


def remember_cursor(state: ReadingState, config: Config, article: Known | None) -> None:
    """Keep the folders open and the article under the cursor, for the next start."""
    state.remember_session(config.paths, None if article is None else article.content)


def _recall_cursor(state: ReadingState, config: Config,
                   known: Mapping[str, Known]) -> str | None:
    """The article the cursor was on when these same folders were last closed.

    Found by its content hash, like its reading state: a renamed file is still found.
    """
    last = state.last_session()
    if last is None or last[0] != tuple(path.resolve() for path in config.paths):
        return None
    return next((i for i, k in known.items() if k.content == last[1]), None)


def _analyse(config: Config, cache: AnalysisCache | None, cleaned: list[Article],
             keys: list[bytes], failed: list[LoadError], post: Callable[[Message], object],
             cancelled: Callable[[], bool]) -> list[AnalysedArticle] | None:
    """Every article's analysis, cached ones first, posted a batch at a time.

    An article lost with its worker process (twice) is posted with no findings, so its
    row shows 0 rather than waiting for ever, and gets an error in ``failed``.
    """
    from reader.processes import analyse_batches

    found: list[AnalysedArticle | None] = [None] * len(cleaned)
    if cache is not None:
        found = cache.lookup(cleaned, keys)
        hits = [item for item in found if item is not None]
        for start in range(0, len(hits), CACHED_BATCH):
            post(ArticlesAnalysed(tuple(hits[start : start + CACHED_BATCH])))
    missing = [i for i, item in enumerate(found) if item is None]
    done = len(cleaned) - len(missing)
    # By default a large folder gets one worker process: the keys no longer wait for the
    # analysis and the reader and its worker stay within 300 MB for 10,000 articles.
    # One per core (``--workers 2``) is faster still but holds about 335 MB in all
    # (benchmarks/bench_tui.py).
    batches = analyse_batches([cleaned[i] for i in missing], batch=ANALYSE_BATCH,
                              workers=config.workers, most=1, stop=cancelled, failed=failed)
    at = 0
    for batch in batches:
        places = missing[at : at + len(batch)]
        at += len(batch)
        for place, item in zip(places, batch, strict=True):
            found[place] = item
        if cache is not None:  # without one (--no-cache) there are no keys either
            lost = {error.path for error in failed}
            kept = [(keys[i], item) for i, item in zip(places, batch, strict=True)
                    if item.article.path not in lost]
            if kept:
                cache.store([item for _, item in kept], [key for key, _ in kept])
        done += len(batch)
        post(ArticlesAnalysed(tuple(batch)))
        post(LoadProgress("Finding quotes and actors", done, len(cleaned)))
        time.sleep(YIELD_SECONDS)
    if cancelled():
        return None
    return [item for item in found if item is not None]


def _read_and_clean(
    reader: Iterator[tuple[list[RawDocument], LoadError | None]], total: int,
    post: Callable[[Message], object], cancelled: Callable[[], bool],
) -> tuple[list[Article], list[LoadError], dict[str, bytes]] | None:
    """Clean what ``reader`` reads (each file's documents) a batch at a time.

    Args:
        reader: Each file's documents and error (``read_files``), or the library's.
        total: How many ``reader`` yields, for the progress.
        post: Posts a message to the app.
        cancelled: True once the worker was cancelled.

    Returns:
        The articles, the files' errors and each document's content hash (the key of
        its reading state), by id; None when cancelled.
    """
    from reader.core.sharing import ValueSharer
    from reader.core.text import (
        RepeatCounter,
        clean_document,
        short_line_keys,
        split_empty,
    )
    from reader.library.state import content_hash

    errors: list[LoadError] = []
    content: dict[str, bytes] = {}
    counter = RepeatCounter()
    sharer = ValueSharer()  # offsets repeat across articles: one object per value
    cleaned: dict[str, Article] = {}
    cleaned_with: list[tuple[RawDocument, frozenset[str]]] = []
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
            content[doc.id] = content_hash(doc.text)
        repeats = counter.repeats()
        articles = [sharer.article(clean_document(doc, repeats)) for doc in documents]
        cleaned.update((a.id, a) for a in articles)
        cleaned_with += [(doc, repeats) for doc in documents]
        post(ArticlesAdded(tuple(AnalysedArticle(article=a) for a in articles if a.text)))
        post(LoadProgress("Reading", done, total))
        time.sleep(YIELD_SECONDS)
        size = READ_BATCH
    final = counter.repeats()
    revised = [
        sharer.article(clean_document(doc, final))
        for doc, used in cleaned_with
        if used is not final and (final - used) & short_line_keys(doc.text)
    ]
    del cleaned_with  # the raw texts are not needed any more
    changed = [a for a in revised if a != cleaned[a.id]]
    if changed:
        cleaned.update((a.id, a) for a in changed)
        post(ArticlesRevised(tuple(AnalysedArticle(article=a) for a in changed)))
    kept, empty = split_empty(cleaned.values())
    return kept, errors + empty, content
