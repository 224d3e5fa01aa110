"""Running the analysis core over many articles in worker processes. UI-free.

The analysis is pure Python. In a thread beside the reader it holds the interpreter
lock the UI needs to draw: while 10,000 articles were analysed, a keypress waited p50
26 ms and p95 220 ms for its frame. A worker process takes the analysis off the UI's
process, and more of them use more cores. Starting one costs up to a quarter of a
second, so small folders are analysed in place.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import redirect_stderr
from functools import partial
from multiprocessing import TimeoutError as ResultNotReady
from multiprocessing import get_context
from typing import TypeVar

from reader.core.models import AnalysedArticle, Article, Mention, Quote

# Below this many articles, analysing in place beats starting worker processes.
PROCESS_MIN_ARTICLES = 200
# How long a caller waiting for a batch goes without checking whether to stop.
_POLL_SECONDS = 0.1
# Added to the workers' niceness (lower priority): see _start_worker.
_WORKER_NICENESS = 10

T = TypeVar("T")
R = TypeVar("R")


def worker_count(requested: int | None, items: int, *, most: int | None = None) -> int:
    """How many worker processes to use; 0 means analyse in the calling process.

    Args:
        requested: The user's choice (``--workers``), 0 for none; None picks one per
            core, up to ``most``, for ``PROCESS_MIN_ARTICLES`` articles or more on a
            machine with two cores or more, else none.
        items: How many articles there are.
        most: The most an automatic choice may pick.
    """
    if requested is not None:
        return max(0, requested)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if items < PROCESS_MIN_ARTICLES or not cores or cores < 2:
        return 0
    return cores if most is None else min(cores, most)


def map_batches(
    func: Callable[[T], R],
    items: Sequence[T],
    *,
    batch: int,
    workers: int,
    stop: Callable[[], bool] = lambda: False,
) -> Iterator[list[R]]:
    """``func`` over ``items`` a batch at a time, in order, in ``workers`` processes.

    Args:
        func: A module-level function (it is pickled by name).
        items: Picklable inputs.
        batch: Items per batch; each batch comes back as one list.
        workers: Processes to start; 0 runs ``func`` here instead.
        stop: Checked while waiting; once True, the workers are ended and nothing more
            is yielded (so a cancelled caller never waits for the rest).

    Yields:
        The results of each batch, in the order of ``items``.
    """
    batches = [items[start : start + batch] for start in range(0, len(items), batch)]
    if workers == 0:
        for chunk in batches:
            if stop():
                return
            yield [func(item) for item in chunk]
        return
    _start_resource_tracker()
    pool = get_context(start_method()).Pool(workers, initializer=_start_worker)
    try:
        results = pool.imap(partial(_apply, func), batches)
        for _ in batches:
            while True:
                if stop():
                    return
                try:
                    yield results.next(timeout=_POLL_SECONDS)
                    break
                except ResultNotReady:
                    continue
    finally:
        pool.terminate()
        pool.join()


def start_method() -> str:
    """How worker processes start: "fork" where that is safe, else "spawn".

    A forked worker is running within milliseconds, with the caller's modules and word
    lists already loaded; a spawned one imports them again, about a quarter of a second.
    But a fork copies only the calling thread, so once other threads run (the reader's
    loader, Textual's driver) a lock one of them held stays held in the child forever;
    and macOS's system libraries are not safe to fork at all.
    """
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def analyse_batches(
    articles: Sequence[Article],
    *,
    batch: int,
    workers: int | None = None,
    most: int | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> Iterator[list[AnalysedArticle]]:
    """Quotes and mentions of every article, a batch at a time, in order.

    Args:
        articles: Cleaned articles.
        batch: Articles per batch.
        workers: As ``requested`` for ``worker_count``.
        most: As for ``worker_count``.
        stop: As for ``map_batches``.
    """
    count = worker_count(workers, len(articles), most=most)
    done = 0
    for found in map_batches(_findings, articles, batch=batch, workers=count, stop=stop):
        listed = articles[done : done + len(found)]
        done += len(found)
        # The results hold the caller's own Article objects: a copy of every text coming
        # back from the workers would double the corpus in memory.
        yield [
            AnalysedArticle(article=article, quotes=quotes, mentions=mentions)
            for article, (quotes, mentions) in zip(listed, found, strict=True)
        ]


def _findings(article: Article) -> tuple[tuple[Quote, ...], tuple[Mention, ...]]:
    """What analysing one article adds to it: its quotes and mentions."""
    # Imported here: the CLI loads this module for every subcommand, align included.
    from reader.core.analysis import analyse_article

    analysed = analyse_article(article)
    return analysed.quotes, analysed.mentions


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker, which needs a real stderr to start.

    The tracker hands its stderr's file descriptor to its own process. Inside the
    reader, ``sys.stderr`` is Textual's capture object, whose descriptor is -1, and
    starting a pool fails ("bad value(s) in fds_to_keep"). While the tracker starts,
    stderr is /dev/null instead: the tracker only prints about leaked semaphores.
    """
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        resource_tracker.ensure_running()
        return
    with open(os.devnull, "w") as devnull, redirect_stderr(devnull):
        resource_tracker.ensure_running()


def _apply(func: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [func(item) for item in chunk]


def _start_worker() -> None:
    """Worker start: below the reader in priority, and silent.

    At a lower priority the workers take only the time the reader's own process leaves,
    so keys are answered at once while every core analyses. Nothing a worker prints may
    scribble over the reader's screen; an exception in ``func`` still reaches the caller
    with its batch.
    """
    os.nice(_WORKER_NICENESS)
    devnull = open(os.devnull, "w")  # noqa: SIM115 - kept open for the worker's lifetime
    sys.stdout = sys.stderr = devnull
