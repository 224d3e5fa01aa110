"""Feed documents to items: feedparser for every dialect, and feed links on HTML pages.

feedparser reads RSS 0.9x/1.0/2.0 and Atom and copes with wrong or missing charsets;
it also reads almost anything leniently, so what it only half understood is refused
here: a page of HTML served where a feed was expected, and XML that is not well formed,
each become a ``FeedError`` with one line saying which, instead of a list of junk items.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from reader.sources.decoding import normalise_text
from reader.sources.html import flat_text

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/feed+xml", "application/xml", "text/xml"})


class FeedError(ValueError):
    """The document is not a feed we can read; the message says why in one line."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, its fields as the feed gave them (text, not HTML)."""

    url: str
    guid: str | None = None
    title: str | None = None
    summary: str = ""
    date: str | None = None
    byline: str | None = None


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title and entries."""

    title: str | None
    items: tuple[FeedItem, ...]


def parse_feed(body: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Parse a feed document.

    Args:
        body: The bytes as served.
        url: Where they came from (relative links resolve against it).
        content_type: The response's media type ("" when unknown).

    Raises:
        FeedError: For an HTML page, XML that is not well formed, or no feed at all.
    """
    import feedparser  # lazy: a second of imports the reader does not need at start

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed: Any = feedparser.parse(body, response_headers=headers, sanitize_html=False,
                                   resolve_relative_uris=False)
    if not parsed.version:
        if looks_like_html(body, content_type):
            raise FeedError("not a feed: the server sent an HTML page")
        problem = parsed.get("bozo_exception")
        raise FeedError("not a feed" + (f": {_reason(problem)}" if problem else ""))
    problem = parsed.get("bozo_exception")
    if problem is not None and _is_xml_error(problem):
        raise FeedError(f"malformed XML: {_reason(problem)}")
    title = _text(parsed.feed.get("title"))
    items = tuple(item for entry in parsed.entries
                  if (item := _item(entry, url)) is not None)
    return ParsedFeed(title, items)


def looks_like_html(body: bytes, content_type: str = "") -> bool:
    """True for an HTML page (by its media type, else by its first tags)."""
    if content_type in ("text/html", "application/xhtml+xml"):
        return True
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]


def feed_links(html: str, base_url: str) -> list[str]:
    """The feeds a page names in ``<link rel="alternate" type="...rss+xml">``, in order."""
    finder = _FeedLinks()
    finder.feed(html)
    finder.close()
    links: list[str] = []
    for href in finder.hrefs:
        absolute = urljoin(base_url, href.strip())
        if absolute not in links:
            links.append(absolute)
    return links


class _FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        named = {key: (value or "") for key, value in attrs}
        rel = named.get("rel", "").lower().split()
        kind = named.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES and named.get("href"):
            self.hrefs.append(named["href"])


def _item(entry: Any, feed_url: str) -> FeedItem | None:
    """An entry as an item, or None when it names no page at all."""
    link = entry.get("link") or ""
    guid = entry.get("id") or None
    if not link and guid and guid.startswith(("http://", "https://")):
        link = guid  # RSS guid isPermaLink: the guid is the page
    if not link:
        return None
    content = entry.get("content") or []
    summary_html = max((part.get("value", "") for part in content), key=len, default="")
    summary_html = summary_html or entry.get("summary", "")
    summary = normalise_text(flat_text(summary_html)).strip() if summary_html else ""
    return FeedItem(
        url=urljoin(feed_url, link.strip()),
        guid=guid,
        title=_text(entry.get("title")),
        summary=summary,
        date=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        byline=_text(entry.get("author")),
    )


def _text(value: object) -> str | None:
    if not value:
        return None
    return " ".join(normalise_text(flat_text(str(value))).split()) or None


def _date(value: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", value) if value else None


def _is_xml_error(problem: Exception) -> bool:
    from xml.sax import SAXException

    return isinstance(problem, SAXException)


def _reason(problem: Exception) -> str:
    return " ".join(str(problem).split())[:160] or type(problem).__name__
