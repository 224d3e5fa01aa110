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
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as ResultNotReady
from concurrent.futures.process import BrokenProcessPool
from contextlib import redirect_stderr
from multiprocessing import get_context
from multiprocessing.queues import SimpleQueue
from typing import TypeVar

from reader.core.models import AnalysedArticle, Article, LoadError, Mention, Quote
from reader.core.sharing import ValueSharer

# Below this many articles, analysing in place beats starting worker processes.
PROCESS_MIN_ARTICLES = 200
# How long a caller waiting for a batch goes without checking whether to stop.
_POLL_SECONDS = 0.1
# Why an article has no analysis when its worker died on it twice.
LOST_REASON = "not analysed: its analysis process died twice (killed, or out of memory)"
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
    lost: Callable[[T], R] | None = None,
) -> Iterator[list[R]]:
    """``func`` over ``items`` a batch at a time, in order, in ``workers`` processes.

    A worker process that dies (killed, out of memory) breaks the pool: the batches it
    was running are tried once more in a new pool with the others still to do, and a
    batch whose worker dies a second time is given up.

    Args:
        func: A module-level function (it is pickled by name).
        items: Picklable inputs.
        batch: Items per batch; each batch comes back as one list.
        workers: Processes to start; 0 runs ``func`` here instead.
        stop: Checked while waiting; once True, the workers are ended and nothing more
            is yielded (so a cancelled caller never waits for the rest).
        lost: The result for each item of a batch given up; None raises ``WorkerDied``.

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
    deaths = [0] * len(batches)
    done: dict[int, list[R]] = {}
    position = 0
    while position < len(batches):
        # A batch whose worker died runs again alone (one process, up to the last such
        # batch), so a second death is its own and not a neighbour's.
        suspects = [i for i in range(position, len(batches)) if deaths[i] and i not in done]
        end = suspects[-1] + 1 if suspects else len(batches)
        with _Pool(1 if suspects else workers) as pool:
            futures = {i: pool.submit(func, i, batches[i])
                       for i in range(position, end) if i not in done}
            broken = False
            while position < end and not broken:
                if position not in done:
                    result = _wait(futures[position], stop)
                    if result is None:
                        return
                    if isinstance(result, BrokenProcessPool):
                        broken = True
                        continue
                    done[position] = result
                yield done.pop(position)
                position += 1
            if not broken:
                continue
            # The pool broke: keep what finished, blame the batches that had started.
            for i, future in futures.items():
                if future.done() and future.exception() is None:
                    done[i] = future.result()
            for i in pool.started() - set(done):
                deaths[i] += 1
                if deaths[i] >= 2:
                    if lost is None:
                        raise WorkerDied(f"a worker process died twice on batch {i + 1}")
                    done[i] = [lost(item) for item in batches[i]]


class WorkerDied(RuntimeError):
    """A worker process died (killed, out of memory) twice on the same batch."""


def _wait(future: Future[list[R]], stop: Callable[[], bool]
          ) -> list[R] | BrokenProcessPool | None:
    """A batch's results, the pool's breaking, or None once ``stop`` says so."""
    while True:
        if stop():
            return None
        try:
            return future.result(timeout=_POLL_SECONDS)
        except ResultNotReady:
            continue
        except BrokenProcessPool as broken:
            return broken


class _Pool:
    """Worker processes that say which batch each one starts, so a death can be blamed.

    ``concurrent.futures`` notices a worker that died (``multiprocessing.Pool`` would
    wait for its batch forever), but not which batch it was running: each worker puts
    a batch's number on a queue as it starts it.
    """

    def __init__(self, workers: int) -> None:
        context = get_context(start_method())
        self._started: SimpleQueue[int] = context.SimpleQueue()
        self._executor = ProcessPoolExecutor(workers, mp_context=context,
                                             initializer=_start_worker,
                                             initargs=(self._started,))

    def submit(self, func: Callable[[T], R], index: int,
               chunk: Sequence[T]) -> Future[list[R]]:
        return self._executor.submit(_apply, func, index, chunk)

    def started(self) -> set[int]:
        """The batches any worker has started so far."""
        found = set()
        while not self._started.empty():
            found.add(self._started.get())
        return found

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        # The executor has no terminate(): end the workers themselves, so a stopped
        # caller never waits for batches nobody wants any more.
        for process in list(self._executor._processes.values()):
            process.kill()
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._started.close()


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
    failed: list[LoadError] | None = None,
) -> Iterator[list[AnalysedArticle]]:
    """Quotes and mentions of every article, a batch at a time, in order.

    Args:
        articles: Cleaned articles.
        batch: Articles per batch.
        workers: As ``requested`` for ``worker_count``.
        most: As for ``worker_count``.
        stop: As for ``map_batches``.
        failed: Gets an error for each article whose worker process died twice; such
            an article comes back with no quotes or mentions. None: raise ``WorkerDied``.
    """
    count = worker_count(workers, len(articles), most=most)
    done = 0
    sharer = ValueSharer()

    def lost(article: Article) -> tuple[tuple[Quote, ...], tuple[Mention, ...]]:
        assert failed is not None
        failed.append(LoadError(article.path, LOST_REASON))
        return (), ()

    for found in map_batches(_findings, articles, batch=batch, workers=count, stop=stop,
                             lost=None if failed is None else lost):
        listed = articles[done : done + len(found)]
        done += len(found)
        # The results hold the caller's own Article objects: a copy of every text coming
        # back from the workers would double the corpus in memory. Their own strings and
        # offsets are fresh objects from unpickling: shared, they weigh half as much.
        yield [
            sharer.findings(AnalysedArticle(article=article, quotes=quotes, mentions=mentions))
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


# The queue a worker reports the batches it starts on (set by _start_worker).
_started_queue: SimpleQueue[int] | None = None


def _apply(func: Callable[[T], R], index: int, chunk: Sequence[T]) -> list[R]:
    if _started_queue is not None:
        _started_queue.put(index)
    return [func(item) for item in chunk]


def _start_worker(started: SimpleQueue[int]) -> None:
    """Worker start: below the reader in priority, and silent.

    At a lower priority the workers take only the time the reader's own process leaves,
    so keys are answered at once while every core analyses. Nothing a worker prints may
    scribble over the reader's screen; an exception in ``func`` still reaches the caller
    with its batch.
    """
    global _started_queue
    _started_queue = started
    os.nice(_WORKER_NICENESS)
    devnull = open(os.devnull, "w")  # noqa: SIM115 - kept open for the worker's lifetime
    sys.stdout = sys.stderr = devnull
