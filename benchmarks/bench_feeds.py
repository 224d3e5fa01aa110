"""Feed updates from loopback servers: 100 feeds of 20 items, then again (all 304).

Ten servers on 127.0.0.1 to 127.0.0.10 (ten hosts, since a host gets at most two
connections) serve ten RSS feeds each; every item links to a page built from a seed
article plus a line of its own, so no two pages de-duplicate. Prints the first update
(2,000 pages fetched and extracted, with 8 connections), the second (every feed
answers 304), and a third with one more feed, on an eleventh host, that stalls past
its 2 s timeout: the others must not finish later than the 304 run plus that timeout.

    .venv/bin/python benchmarks/bench_feeds.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.library import Library
from reader.library.feeds import FeedStore
from reader.sources.web.fetch import FetchLimits
from reader.sources.web.update import update_feeds
from tests.web.server import FeedServer, Seed, article_page, rss_feed, seeds

HOSTS = 10
FEEDS_PER_HOST = 10
ITEMS = 20
STALL_TIMEOUT = 2.0


def serve(server: FeedServer, host: int) -> list[str]:
    """Ten feeds of twenty items on one server; returns the feed URLs."""
    found = seeds()
    urls = []
    for feed in range(FEEDS_PER_HOST):
        items = []
        for item in range(ITEMS):
            seed = found[(feed + item) % len(found)]
            name = f"h{host}-f{feed}-i{item}"
            unique = Seed(name, f"{seed.title} ({name})",
                          (*seed.paragraphs, f"Item {item} of feed {feed} on host {host}."),
                          seed.date)
            server.add(f"/articles/{name}.html", article_page(unique))
            items.append(unique)
        urls.append(server.add(f"/feed{feed}.xml", rss_feed(server.base, items,
                                                            title=f"Host {host} feed {feed}"),
                               content_type="application/rss+xml", etag=f'"{host}-{feed}"'))
    return urls


def timed_update(store: FeedStore, limits: FetchLimits,
                 skip: str | None = None) -> tuple[float, float, list[str]]:
    """Seconds for the whole update, seconds until every feed but ``skip`` was done,
    and each feed's status."""
    finished: dict[str, float] = {}
    start = time.perf_counter()

    def progress(url: str, done: int, total: int) -> None:
        if done == total:
            finished[url] = time.perf_counter() - start

    reports = update_feeds(store, limits, progress=progress)
    total = time.perf_counter() - start
    others = max(t for url, t in finished.items() if url != skip)
    return total, others, [r.status for r in reports]


def main() -> None:
    limits = FetchLimits(connect_seconds=STALL_TIMEOUT, read_seconds=STALL_TIMEOUT)
    with ExitStack() as stack, tempfile.TemporaryDirectory() as home:
        library = Library.open(Path(home))
        store = FeedStore(library)
        for host in range(1, HOSTS + 1):
            server = stack.enter_context(FeedServer(f"127.0.0.{host}"))
            for url in serve(server, host):
                store.add(url)
        first, _, statuses = timed_update(store, limits)
        print(f"first update: {len(statuses)} feeds, {store.count():,} articles stored in "
              f"{first:.1f} s ({statuses.count('new')} new, {statuses.count('error')} errors)")
        second, _, statuses = timed_update(store, limits)
        print(f"second update (304): {second:.2f} s ({statuses.count('unchanged')} unchanged, "
              f"{store.count():,} articles)")
        stalled_server = stack.enter_context(FeedServer(f"127.0.0.{HOSTS + 1}"))
        stalled = stalled_server.add("/stalled.xml", stall=60.0)
        store.add(stalled)
        total, others, statuses = timed_update(store, limits, skip=stalled)
        print(f"with a feed stalled past its {STALL_TIMEOUT:g} s timeout: the other 100 done "
              f"in {others:.2f} s, the whole update {total:.2f} s "
              f"({statuses.count('error')} error); delay beyond the 304 run: "
              f"{max(0.0, others - second):.2f} s (must be under {STALL_TIMEOUT:g} s)")
        library.close()


if __name__ == "__main__":
    main()
