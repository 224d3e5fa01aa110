"""The analysis cache: one article's quotes and mentions, keyed by what the engines read.

The key is a hash of the cleaned article (text, structure and metadata, without its id
or path, so a moved file still hits) with the engines' version beside it. The value is
the article itself and its findings, stored apart so a folder snapshot can rebuild the
articles without decoding findings it will not need. Actors and stories are corpus-wide
and not kept here (see ``corpora``), which keeps the output byte-identical with and
without the cache.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from reader.core.analysis import ENGINE_VERSION
from reader.core.models import AnalysedArticle, Article, LoadError
from reader.core.sharing import ValueSharer
from reader.library.codec import CODEC_VERSION, DecodeError, from_data, pack, to_data, unpack
from reader.library.store import Library

# Cache entries are read and written this many at a time (SQLite's variable limit).
_CHUNK = 500
# What a cache entry holds besides the article: every field an analysis adds.
FINDINGS = frozenset(f.name for f in fields(AnalysedArticle) if f.name != "article")

AnalyseAll = Callable[[Sequence[Article]], Iterable[AnalysedArticle]]


def input_key(article: Article) -> bytes:
    """The hash of everything the engines may read of an article (not its id or path)."""
    data = to_data(replace(article, id="", path=""))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


@dataclass(frozen=True)
class CacheInfo:
    """What ``newsroom cache info`` prints."""

    path: str
    bytes: int
    entries: int
    current: int


class AnalysisCache:
    """Per-article analyses in a library, for one engine version."""

    def __init__(self, library: Library, engine: int = ENGINE_VERSION) -> None:
        self.library = library
        # The codec's version is part of the key too: a new layout is a new entry.
        self.engine = engine * 1000 + CODEC_VERSION

    def lookup(self, articles: Sequence[Article],
               keys: Sequence[bytes] | None = None) -> list[AnalysedArticle | None]:
        """Each article's cached analysis, or None where there is none (or it is unreadable).

        Args:
            articles: Cleaned articles.
            keys: Their ``input_key``s, when the caller has them already.
        """
        keys = [input_key(article) for article in articles] if keys is None else keys
        found = self.fetch(keys, "findings")
        # Decoded strings and offsets are fresh objects: shared, they weigh half as much.
        sharer = ValueSharer()
        decoded = (None if key not in found else decode_findings(found[key], article)
                   for article, key in zip(articles, keys, strict=True))
        return [None if item is None else sharer.findings(item) for item in decoded]

    def fetch(self, keys: Sequence[bytes], column: str) -> dict[bytes, bytes]:
        """One column (``article`` or ``findings``) of these keys' entries, where stored."""
        if column not in ("article", "findings"):
            raise ValueError(f"no column {column}")
        found: dict[bytes, bytes] = {}
        unique = list(dict.fromkeys(keys))
        with self.library.read() as db:
            for start in range(0, len(unique), _CHUNK):
                chunk = unique[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT input_hash, {column} FROM analyses WHERE engine = ? "
                    f"AND input_hash IN ({marks})", (self.engine, *chunk))
                found.update((bytes(key), bytes(blob)) for key, blob in rows)
        return found

    def store(self, items: Sequence[AnalysedArticle],
              keys: Sequence[bytes] | None = None) -> None:
        """Keep these analyses (one short transaction)."""
        if keys is None:
            keys = [input_key(item.article) for item in items]
        rows = [(key, self.engine, *encode_analysis(item))
                for key, item in zip(keys, items, strict=True)]
        with self.library.write() as db:
            db.executemany("INSERT OR REPLACE INTO analyses (input_hash, engine, article, "
                           "findings) VALUES (?, ?, ?, ?)", rows)

    def analyse_all(self, analyse: AnalyseAll, failed: Sequence[LoadError] = ()) -> AnalyseAll:
        """``analyse`` run only over the articles the cache does not hold, results in order.

        Args:
            analyse: Runs the engines over articles, in order (as ``analyse_corpus``'s
                ``analyse_all``); what it returns is stored a chunk at a time.
            failed: Filled by ``analyse`` with the articles it could not analyse (their
                empty results are not stored, so the next run tries them again).
        """

        def analyse_all(articles: Sequence[Article]) -> Iterator[AnalysedArticle]:
            keys = [input_key(article) for article in articles]
            cached = self.lookup(articles, keys)
            missing = [i for i, hit in enumerate(cached) if hit is None]
            # All at once: analyse_corpus needs every result before it goes on anyway.
            fresh = list(analyse([articles[i] for i in missing]))
            lost = {error.path for error in failed}
            kept = [(keys[i], item) for i, item in zip(missing, fresh, strict=True)
                    if item.article.path not in lost]
            for start in range(0, len(kept), _CHUNK):
                chunk = kept[start : start + _CHUNK]
                self.store([item for _, item in chunk], [key for key, _ in chunk])
            results = iter(fresh)
            for hit in cached:
                yield hit if hit is not None else next(results)

        return analyse_all

    def info(self) -> CacheInfo:
        """Size on disk and how many analyses are kept (and how many for this version)."""
        with self.library.read() as db:
            entries = db.execute("SELECT count(*) FROM analyses").fetchone()[0]
            current = db.execute("SELECT count(*) FROM analyses WHERE engine = ?",
                                 (self.engine,)).fetchone()[0]
        return CacheInfo(str(self.library.path), self.library.size(), entries, current)

    def clear(self) -> int:
        """Forget every cached analysis, corpus and folder snapshot; returns how many analyses.

        Reading state is kept: it is the user's, not a cache.
        """
        with self.library.write() as db:
            removed = int(db.execute("DELETE FROM analyses").rowcount)
            db.execute("DELETE FROM corpora")
            db.execute("DELETE FROM snapshots")
        self.library.vacuum()
        return removed


def encode_analysis(item: AnalysedArticle) -> tuple[bytes, bytes]:
    """An analysis as stored: the article (without id and path), then its findings."""
    findings = to_data(item)
    findings.pop("article")
    return pack(to_data(replace(item.article, id="", path=""))), pack(findings)


def decode_article(blob: bytes, article_id: str, path: str) -> Article | None:
    """A stored article, as ``article_id`` at ``path``; None if it cannot be read."""
    try:
        article = from_data(Article, unpack(blob))
    except DecodeError:
        return None
    return replace(article, id=article_id, path=path)


def decode_findings(blob: bytes, article: Article) -> AnalysedArticle | None:
    """Stored findings around the caller's own article (its text is not held twice)."""
    try:
        data = unpack(blob)
    except DecodeError:
        return None
    return findings_from_data(data, article)


def findings_from_data(data: Any, article: Article) -> AnalysedArticle | None:
    """Findings as ``to_data`` wrote them (without the article), around ``article``."""
    if not isinstance(data, dict) or not set(data) <= FINDINGS:
        return None  # a field this version does not know: analyse again
    try:
        # A blank article stands in while the findings are decoded, replaced straight after.
        blank = {"id": "", "path": "", "text": ""}
        shell = from_data(AnalysedArticle, {**data, "article": blank})
    except DecodeError:
        return None
    return replace(shell, article=article)
