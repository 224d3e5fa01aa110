"""Feeds followed and the articles fetched from them, kept in the library (UI-free).

A fetched article is de-duplicated by its feed's guid, then by its URL, then by the hash
of its text, so updating twice, a feed listing an item twice, or two feeds carrying one
article never store it twice. An article kept with only the feed's summary (its page
failed or gave less) is marked summary-only; a later fetch with the full text replaces
it in place. Every change is one short transaction.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from reader.core.models import RawDocument
from reader.library.state import content_hash
from reader.library.store import Library
from reader.sources.web.articles import FetchedArticle


@dataclass(frozen=True)
class Feed:
    """A feed followed: its URL, title, and what its server said on the last fetch."""

    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    updated_at: float | None = None


class FeedStore:
    """The feeds and fetched articles of one library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def add(self, url: str, title: str | None = None) -> bool:
        """Follow a feed; False when it was followed already (its title is then kept)."""
        with self.library.write() as db:
            cursor = db.execute("INSERT OR IGNORE INTO feeds (url, title) VALUES (?, ?)",
                                (url, title))
            return cursor.rowcount > 0

    def remove(self, url: str) -> bool:
        """Stop following a feed (its articles stay); False when it was not followed."""
        with self.library.write() as db:
            return db.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount > 0

    def feeds(self) -> list[Feed]:
        """Every feed followed, in the order they were added."""
        with self.library.read() as db:
            rows = db.execute("SELECT url, title, etag, last_modified, updated_at FROM feeds "
                              "ORDER BY rowid").fetchall()
        return [Feed(*row) for row in rows]

    def mark_fetched(self, feed: Feed, *, title: str | None, etag: str | None,
                     last_modified: str | None) -> None:
        """Record a feed's title and validators after a fetch (200 or 304)."""
        with self.library.write() as db:
            db.execute("UPDATE feeds SET title = coalesce(?, title), etag = ?, "
                       "last_modified = ?, updated_at = ? WHERE url = ?",
                       (title, etag, last_modified, time.time(), feed.url))

    def needs_page(self, feed_url: str | None, guid: str | None, url: str) -> bool:
        """True unless an article with this guid in this feed (or else this URL) is stored
        with its full text.

        An item already stored summary-only is fetched again: its page may work now.
        """
        with self.library.read() as db:
            row = _find(db, feed_url, guid, url, None)
            if row is None:
                return True
            return bool(db.execute("SELECT summary_only FROM fetched WHERE id = ?",
                                   (row,)).fetchone()[0])

    def save(self, article: FetchedArticle) -> bool:
        """Store an article unless it is stored already; True when something was written.

        A stored summary-only article gets the full text when this one has it.
        """
        digest = content_hash(article.text)
        with self.library.write() as db:
            found = _find(db, article.feed_url, article.guid, article.url, digest)
            if found is not None:
                summary_only = bool(db.execute("SELECT summary_only FROM fetched WHERE id = ?",
                                               (found,)).fetchone()[0])
                if not summary_only or article.summary_only:
                    return False
                db.execute("UPDATE fetched SET text = ?, content_hash = ?, summary_only = 0, "
                           "extracted = ?, title = coalesce(?, title), "
                           "byline = coalesce(?, byline), date = coalesce(?, date) "
                           "WHERE id = ?",
                           (article.text, digest, int(article.extracted), article.title,
                            article.byline, article.date, found))
                return True
            db.execute(
                "INSERT INTO fetched (feed_url, guid, url, outlet, title, date, byline, text, "
                "content_hash, summary_only, extracted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.feed_url, article.guid, article.url, article.outlet, article.title,
                 article.date, article.byline, article.text, digest,
                 int(article.summary_only), int(article.extracted)))
            return True

    def summary_only(self, feed_url: str) -> list[FetchedArticle]:
        """A feed's articles kept with the feed's summary only, to try their pages again."""
        with self.library.read() as db:
            rows = db.execute("SELECT url, text, guid, outlet, title, date, byline FROM fetched "
                              "WHERE feed_url = ? AND summary_only = 1 ORDER BY id",
                              (feed_url,)).fetchall()
        return [FetchedArticle(url=url, text=text, feed_url=feed_url, guid=guid, outlet=outlet,
                               title=title, date=date, byline=byline, summary_only=True)
                for url, text, guid, outlet, title, date, byline in rows]

    def count(self) -> int:
        """How many articles the library holds from the web."""
        with self.library.read() as db:
            return int(db.execute("SELECT count(*) FROM fetched").fetchone()[0])

    def documents(self) -> list[RawDocument]:
        """Every fetched article as a raw document, oldest first.

        Its id is the site and the row number (``example.com/12``), stable across runs;
        its path is its URL, which is what the reader shows where a file's path would be.
        """
        with self.library.read() as db:
            rows = db.execute("SELECT id, url, outlet, title, date, byline, text, extracted "
                              "FROM fetched ORDER BY id").fetchall()
        return [
            RawDocument(id=f"{urlsplit(url).hostname or 'web'}/{row_id}", path=url, text=text,
                        title=title, source=outlet, byline=byline, date=date, url=url,
                        extracted=bool(extracted))
            for row_id, url, outlet, title, date, byline, text, extracted in rows
        ]


def _find(db: sqlite3.Connection, feed_url: str | None, guid: str | None, url: str,
          digest: bytes | None) -> int | None:
    """The row of a stored article with this guid (a guid is only unique within its
    feed), else this URL, else this content hash."""
    lookups: list[tuple[str, tuple[object, ...]]] = [("url = ?", (url,))]
    if guid is not None:
        lookups.insert(0, ("guid = ? AND feed_url IS ?", (guid, feed_url)))
    if digest is not None:
        lookups.append(("content_hash = ?", (digest,)))
    for condition, values in lookups:
        row = db.execute(f"SELECT id FROM fetched WHERE {condition} ORDER BY id LIMIT 1",
                         values).fetchone()
        if row is not None:
            return int(row[0])
    return None
