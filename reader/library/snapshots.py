"""Folder snapshots: what a folder held when it was last read, so an unchanged one is not.

Reading and cleaning 10,000 files takes seconds; their cached analyses load in a
fraction of that. A snapshot records each file's size and modification time (as make
and git do) and the cache keys of the articles read from it. When every file is as
recorded, the articles come from the cache without opening a file; when anything
differs, the folder is read again and only articles whose cleaned text changed miss
the cache. Cleaning depends on the whole folder (lines repeated across it are
template), which is why one changed file invalidates the folder's snapshot and not
just its own entry.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.models import Article, LoadError
from reader.core.sharing import ValueSharer
from reader.library.cache import AnalysisCache, decode_article
from reader.library.codec import DecodeError, pack, unpack
from reader.sources.discovery import ArticleFile


@dataclass(frozen=True)
class Snapshot:
    """A folder's cleaned articles with their cache keys, and its load errors."""

    articles: tuple[Article, ...]
    keys: tuple[bytes, ...]
    errors: tuple[LoadError, ...]
    # Each document's content hash (its decoded text), by id: the reading state's key.
    content: dict[str, bytes]


class Snapshots:
    """Snapshots of the folders read, stored beside the analyses they refer to."""

    def __init__(self, cache: AnalysisCache) -> None:
        self.cache = cache

    def load(self, paths: Sequence[Path], files: Sequence[ArticleFile],
             max_bytes: int) -> Snapshot | None:
        """The snapshot of ``paths`` if every one of ``files`` is as it was, else None."""
        key = _folder_key(paths, max_bytes)
        with self.cache.library.read() as db:
            row = db.execute("SELECT files_key, entries FROM snapshots WHERE folder_key = ? "
                             "AND engine = ?", (key, self.cache.engine)).fetchone()
        if row is None or bytes(row[0]) != _files_key(files):
            return None
        try:
            entries, errors, content = unpack(bytes(row[1]))
            keys = tuple(bytes.fromhex(entry[2]) for entry in entries)
        except (DecodeError, ValueError, TypeError):
            return None
        found = self.cache.fetch(keys, "article")
        articles = []
        # Copies of one text (a wire story reposted, a folder copied) are decoded once:
        # building the objects is most of the time, and they are immutable.
        decoded: dict[bytes, Article | None] = {}
        sharer = ValueSharer()
        for (article_id, path, _), cache_key in zip(entries, keys, strict=True):
            if cache_key not in decoded:
                blob = found.get(cache_key)
                article = None if blob is None else decode_article(blob, "", "")
                # Their offsets are fresh objects too: shared, the articles weigh less.
                decoded[cache_key] = None if article is None else sharer.article(article)
            article = decoded[cache_key]
            if article is None:
                return None  # cleared or unreadable: read the folder again
            articles.append(replace(article, id=article_id, path=path))
        return Snapshot(
            articles=tuple(articles),
            keys=keys,
            errors=tuple(LoadError(path, error) for path, error in errors),
            content={doc_id: bytes.fromhex(value) for doc_id, value in content},
        )

    def save(self, paths: Sequence[Path], files: Sequence[ArticleFile], max_bytes: int,
             snapshot: Snapshot) -> None:
        """Record what ``paths`` held (its articles' analyses must be in the cache)."""
        entries = [[article.id, article.path, key.hex()]
                   for article, key in zip(snapshot.articles, snapshot.keys, strict=True)]
        errors = [[error.path, error.error] for error in snapshot.errors]
        content = [[doc_id, value.hex()] for doc_id, value in snapshot.content.items()]
        with self.cache.library.write() as db:
            db.execute(
                "INSERT OR REPLACE INTO snapshots (folder_key, engine, files_key, entries) "
                "VALUES (?, ?, ?, ?)",
                (_folder_key(paths, max_bytes), self.cache.engine, _files_key(files),
                 pack([entries, errors, content])))


def _folder_key(paths: Sequence[Path], max_bytes: int) -> bytes:
    named = "\0".join(str(Path(path).resolve()) for path in paths)
    return hashlib.blake2b(f"{named}\0{max_bytes}".encode(), digest_size=16).digest()


def _files_key(files: Sequence[ArticleFile]) -> bytes:
    """A hash of every file's id, path, size and modification time (nanoseconds)."""
    digest = hashlib.blake2b(digest_size=16)
    for file in files:
        try:
            info = os.stat(file.path)
            stamp = f"{info.st_size}:{info.st_mtime_ns}:{info.st_ino}"
        except OSError as error:
            stamp = f"error:{error.errno}"
        digest.update(f"{file.id}\0{file.path}\0{stamp}\n".encode("utf-8", "surrogateescape"))
    return digest.digest()
