"""Feeds and pages into the library: update every feed, fetch pages, add (discovering) feeds.

Each runs one event loop with one bounded ``Fetcher``: every feed is fetched at once
(within the client's connection limits), so a stalled feed costs its own timeout and
delays no other. A feed is asked "changed since?" with the validators of its last
fetch; a 304 stores nothing. For a new item the page is fetched and its main text
extracted; when that fails or finds less than the feed's summary, the summary is kept,
marked summary-only, and the page is tried again on the next update. A feed's
validators are stored only after its articles, so an interrupted update repeats
rather than skips.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader.sources.decoding import DecodeError
from reader.sources.formats import FormatError
from reader.sources.web.articles import FetchedArticle
from reader.sources.web.feeds import FeedError, feed_links, looks_like_html, parse_feed
from reader.sources.web.fetch import Fetched, Fetcher, FetchError, FetchLimits, check_url
from reader.sources.web.pages import decode_page, read_page

if TYPE_CHECKING:
    from reader.core.models import RawDocument
    from reader.library.feeds import Feed, FeedStore

# Called as progress(feed_url, done, total) as a feed's requests finish.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class FeedReport:
    """What an update did with one feed: ``new``, ``unchanged`` or ``error`` (why)."""

    url: str
    title: str | None
    status: str
    new: int = 0
    error: str | None = None


@dataclass(frozen=True)
class PageReport:
    """What fetching one page did: ``new``, ``known`` (stored already) or ``error``."""

    url: str
    status: str
    title: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class AddReport:
    """What adding a URL did: the feed followed (maybe found on the page), or why not."""

    url: str
    feed_url: str | None = None
    title: str | None = None
    added: bool = False
    error: str | None = None


def update_feeds(store: FeedStore, limits: FetchLimits | None = None,
                 progress: Progress | None = None,
                 stop: Callable[[], bool] | None = None) -> list[FeedReport]:
    """Fetch every feed followed and store its new articles; one report a feed.

    Args:
        store: The library's feeds and fetched articles.
        limits: Timeouts, size cap and connection limits.
        progress: Told of each feed's requests as they finish.
        stop: Asked before each page: True fetches no more (the reader is closing).
    """
    feeds = store.feeds()

    async def run() -> list[FeedReport]:
        async with Fetcher(limits) as fetcher:
            jobs = (_update_feed(fetcher, store, feed, progress or _quiet, stop or _never)
                    for feed in feeds)
            return list(await asyncio.gather(*jobs))

    return asyncio.run(run()) if feeds else []


async def _update_feed(fetcher: Fetcher, store: FeedStore, feed: Feed, progress: Progress,
                       stop: Callable[[], bool]) -> FeedReport:
    progress(feed.url, 0, 1)
    try:
        fetched = await fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        parsed = None if fetched.not_modified else await asyncio.to_thread(
            parse_feed, fetched.body, fetched.url, fetched.content_type)
    except (FetchError, FeedError) as error:
        progress(feed.url, 1, 1)
        return FeedReport(feed.url, feed.title, "error", error=str(error))
    title = (parsed.title if parsed else None) or feed.title
    outlet = title or urlsplit(feed.url).hostname
    pending = [] if parsed is None else [
        FetchedArticle(url=item.url, text=item.summary, feed_url=feed.url, guid=item.guid,
                       outlet=outlet, title=item.title, date=item.date, byline=item.byline,
                       summary_only=True)
        for item in parsed.items if store.needs_page(feed.url, item.guid, item.url)
    ]
    # Kept with their summary last time, and not in the feed now (or it did not change).
    listed = {article.url for article in pending}
    pending += [a for a in store.summary_only(feed.url) if a.url not in listed]
    done = 1
    progress(feed.url, done, 1 + len(pending))

    async def complete(article: FetchedArticle) -> FetchedArticle:
        nonlocal done
        full = article if stop() else await fetch_article(fetcher, article)
        done += 1
        progress(feed.url, done, 1 + len(pending))
        return full

    articles = await asyncio.gather(*(complete(article) for article in pending))
    new = sum(store.save(article) for article in _unique(articles) if article.text)
    if fetched.not_modified:
        store.mark_fetched(feed, title=None, etag=fetched.etag or feed.etag,
                           last_modified=fetched.last_modified or feed.last_modified)
    else:
        store.mark_fetched(feed, title=title, etag=fetched.etag,
                           last_modified=fetched.last_modified)
    return FeedReport(feed.url, title, "new" if new else "unchanged", new=new)


def _unique(articles: Sequence[FetchedArticle]) -> list[FetchedArticle]:
    """One article per URL: a feed that lists an item twice stores it once."""
    seen: set[str] = set()
    kept = []
    for article in articles:
        if article.url not in seen:
            seen.add(article.url)
            kept.append(article)
    return kept


async def fetch_article(fetcher: Fetcher, article: FetchedArticle) -> FetchedArticle:
    """The article with its page's full text, or as it was (summary-only) when the page
    fails or gives less text than the summary."""
    try:
        document = await _extract(await fetcher.get(article.url))
    except (FetchError, DecodeError, FormatError):
        return article
    except Exception:  # an extractor bug on one page must not lose the feed
        return article
    if len(document.text) <= len(article.text):
        return article
    return replace(article, text=document.text, summary_only=False,
                   extracted=document.extracted, title=article.title or document.title,
                   byline=article.byline or document.byline,
                   date=article.date or document.date,
                   outlet=article.outlet or document.source)


async def _extract(fetched: Fetched) -> RawDocument:
    """``read_page`` in a thread: extraction takes milliseconds of CPU a page, and the
    event loop meanwhile goes on reading the other responses (and timing them)."""
    return await asyncio.to_thread(read_page, fetched)


def fetch_pages(store: FeedStore, urls: Sequence[str],
                limits: FetchLimits | None = None) -> list[PageReport]:
    """Fetch article pages (``newsroom url``) into the library; one report a URL."""

    async def run() -> list[PageReport]:
        async with Fetcher(limits) as fetcher:
            return list(await asyncio.gather(*(_fetch_page(fetcher, store, url)
                                               for url in urls)))

    return asyncio.run(run())


async def _fetch_page(fetcher: Fetcher, store: FeedStore, url: str) -> PageReport:
    try:
        document = await _extract(await fetcher.get(url))
    except (FetchError, DecodeError, FormatError) as error:
        return PageReport(url, "error", error=str(error))
    stored = store.save(FetchedArticle(
        url=url, text=document.text, outlet=document.source or urlsplit(url).hostname,
        title=document.title, date=document.date, byline=document.byline,
        extracted=document.extracted))
    return PageReport(url, "new" if stored else "known", title=document.title)


def add_feeds(store: FeedStore, urls: Sequence[str],
              limits: FetchLimits | None = None) -> list[AddReport]:
    """Follow each URL's feed: the URL itself, or the first feed its page links to."""

    async def run() -> list[AddReport]:
        async with Fetcher(limits) as fetcher:
            return list(await asyncio.gather(*(_add_feed(fetcher, store, url)
                                               for url in urls)))

    return asyncio.run(run())


async def _add_feed(fetcher: Fetcher, store: FeedStore, url: str) -> AddReport:
    try:
        fetched = await fetcher.get(url)
        try:
            title = parse_feed(fetched.body, fetched.url, fetched.content_type).title
            return AddReport(url, url, title, added=store.add(url, title))
        except FeedError:
            if not looks_like_html(fetched.body, fetched.content_type):
                raise
        feed_url, title = await _discover(fetcher, fetched)
    except (FetchError, FeedError, DecodeError) as error:
        return AddReport(url, error=str(error))
    return AddReport(url, feed_url, title, added=store.add(feed_url, title))


async def _discover(fetcher: Fetcher, page: Fetched) -> tuple[str, str | None]:
    """The first feed a page's ``<link rel="alternate">`` names that parses as one."""
    links = [link for link in feed_links(decode_page(page), page.url)
             if urlsplit(link).scheme in ("http", "https")]
    if not links:
        raise FeedError('not a feed, and the page names none (no <link rel="alternate">)')
    problem = ""
    for link in links:
        try:
            check_url(link)
            found = await fetcher.get(link)
            return link, parse_feed(found.body, found.url, found.content_type).title
        except (FetchError, FeedError) as error:
            problem = f"the page's feed {link[:80]}: {error}"
    raise FeedError(problem)


def _quiet(url: str, done: int, total: int) -> None:
    """Progress nobody watches."""


def _never() -> bool:
    return False
