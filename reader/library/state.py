"""Reading state: read or unread, a flag and a note per article, kept across runs.

An article is known by the hash of its decoded text, so a moved or renamed file keeps
its state, and by its URL when it has one, so an article whose text was edited (or a
feed's copy of it) finds its state too. Every change is one short transaction.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.library.store import Library

_CHUNK = 500


def content_hash(text: str) -> bytes:
    """The key of an article's reading state: a hash of its decoded text."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


@dataclass(frozen=True)
class ArticleState:
    """What the user did with one article."""

    read: bool = False
    flagged: bool = False
    note: str = ""


@dataclass(frozen=True)
class StateRow:
    """One article's state with what the library knows of it, for ``state --list``."""

    path: str | None
    url: str | None
    title: str | None
    state: ArticleState


@dataclass(frozen=True)
class Known:
    """An article as the caller sees it now: its key, URL, path and title."""

    content: bytes
    url: str | None = None
    path: str | None = None
    title: str | None = None


class ReadingState:
    """The reading state stored in a library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def states(self, articles: Sequence[Known]) -> list[ArticleState]:
        """Each article's state (the default for one never seen), by hash, else by URL."""
        by_hash: dict[bytes, ArticleState] = {}
        by_url: dict[str, ArticleState] = {}
        hashes = [a.content for a in articles]
        urls = [a.url for a in articles if a.url]
        with self.library.read() as db:
            for start in range(0, len(hashes), _CHUNK):
                chunk = hashes[start : start + _CHUNK]
                rows = db.execute(
                    "SELECT content_hash, read, flagged, note FROM articles "
                    f"WHERE content_hash IN ({','.join('?' * len(chunk))})", chunk)
                by_hash.update((bytes(h), ArticleState(bool(r), bool(f), n))
                               for h, r, f, n in rows)
            for start in range(0, len(urls), _CHUNK):
                chunk_urls = urls[start : start + _CHUNK]
                rows = db.execute(
                    "SELECT url, read, flagged, note FROM articles "
                    f"WHERE url IN ({','.join('?' * len(chunk_urls))}) ORDER BY updated_at",
                    chunk_urls)
                by_url.update((u, ArticleState(bool(r), bool(f), n)) for u, r, f, n in rows)
        return [
            by_hash.get(a.content) or (by_url.get(a.url) if a.url else None) or ArticleState()
            for a in articles
        ]

    def set(self, articles: Iterable[Known], *, read: bool | None = None,
            flagged: bool | None = None, note: str | None = None) -> None:
        """Change some of the state of these articles (None leaves a part as it is)."""
        items = list(articles)
        current = self.states(items)
        now = time.time()
        rows = []
        for known, state in zip(items, current, strict=True):
            rows.append((
                known.content, known.url, known.path, known.title,
                int(state.read if read is None else read),
                int(state.flagged if flagged is None else flagged),
                state.note if note is None else note, now,
            ))
        with self.library.write() as db:
            db.executemany(
                "INSERT INTO articles (content_hash, url, path, title, read, flagged, note, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO "
                "UPDATE SET url = excluded.url, path = excluded.path, title = excluded.title, "
                "read = excluded.read, flagged = excluded.flagged, note = excluded.note, "
                "updated_at = excluded.updated_at", rows)

    def listed(self, *, unread: bool = False, flagged: bool = False) -> list[StateRow]:
        """Every article with a state, most recently changed first."""
        conditions = ["1"]
        if unread:
            conditions.append("read = 0")
        if flagged:
            conditions.append("flagged = 1")
        with self.library.read() as db:
            rows = db.execute(
                "SELECT path, url, title, read, flagged, note FROM articles "
                f"WHERE {' AND '.join(conditions)} ORDER BY updated_at DESC").fetchall()
        return [StateRow(p, u, t, ArticleState(bool(r), bool(f), n))
                for p, u, t, r, f, n in rows]

    def remember_session(self, paths: Sequence[Path], article: bytes | None) -> None:
        """Keep the folders the reader has open and the content hash under its cursor."""
        value = json.dumps({"paths": [str(Path(p).resolve()) for p in paths],
                            "content": None if article is None else article.hex()})
        with self.library.write() as db:
            db.execute("INSERT OR REPLACE INTO session (key, value) VALUES ('last', ?)",
                       (value,))

    def last_session(self) -> tuple[tuple[Path, ...], bytes | None] | None:
        """What ``remember_session`` kept last (paths resolved), or None."""
        with self.library.read() as db:
            row = db.execute("SELECT value FROM session WHERE key = 'last'").fetchone()
        try:
            value = json.loads(row[0]) if row else None
            paths = tuple(Path(p) for p in value["paths"]) if value else None
            content = bytes.fromhex(value["content"]) if value and value["content"] else None
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            return None
        return None if paths is None else (paths, content)
