"""Whole corpora through the library: unchanged folders unread, corpus results reused.

``load_corpus`` is ``analyse_corpus`` over a folder with every shortcut the library
allows, and the same output: a folder whose files are as its snapshot recorded is not
read again; articles whose cleaned text the cache holds are not analysed again; and
when the articles are exactly those of an earlier run, the corpus-wide results (actors,
stories) of that run are reused, since they are a pure function of those articles.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from reader.core.models import (
    AnalysedArticle,
    Article,
    Corpus,
    LoadError,
    RawDocument,
    StoryTrace,
)
from reader.library.cache import AnalyseAll, AnalysisCache, findings_from_data, input_key
from reader.library.codec import DecodeError, from_data, to_data, unpack
from reader.library.snapshots import Snapshot, Snapshots
from reader.library.state import content_hash
from reader.sources.discovery import ArticleFile

Finish = Callable[[Sequence[AnalysedArticle], Sequence[LoadError]], Corpus]


def load_corpus(paths: Sequence[Path], max_bytes: int, cache: AnalysisCache,
                analyse_all: AnalyseAll, finish: Finish,
                failed: Sequence[LoadError] = ()) -> Corpus:
    """Read, clean, analyse and finish the articles under ``paths``, as cheaply as may be.

    Args:
        paths: Files and folders.
        max_bytes: Size limit per file.
        cache: Where analyses, snapshots and corpus results are kept.
        analyse_all: Runs the engines over articles the cache does not hold.
        finish: Makes the corpus-wide results (``reader.core.pipeline.story_corpus``).
        failed: Filled by ``analyse_all`` with articles it could not analyse; a run with
            any stores neither a snapshot nor its corpus results, so the next one retries.
    """
    from reader.sources.discovery import discover

    files, errors = discover(paths)
    snapshots = Snapshots(cache)
    snapshot = snapshots.load(paths, files, max_bytes)
    analysed: Sequence[AnalysedArticle] | None = None
    if snapshot is None:
        snapshot = read_folder(files, max_bytes)
        analysed = tuple(cache.analyse_all(analyse_all, failed)(snapshot.articles))
        if failed:
            return finish(analysed, (*errors, *snapshot.errors, *failed))
        snapshots.save(paths, files, max_bytes, snapshot)
    articles = snapshot.articles

    def items() -> Sequence[AnalysedArticle]:
        return analysed or tuple(cache.analyse_all(analyse_all, failed)(articles))

    corpus = finish_cached(cache, snapshot, items, (*errors, *snapshot.errors), finish,
                           store=lambda: not failed)
    return replace(corpus, errors=(*corpus.errors, *failed)) if failed else corpus


def load_library_corpus(cache: AnalysisCache, analyse_all: AnalyseAll, finish: Finish,
                        failed: Sequence[LoadError] = ()) -> Corpus:
    """``load_corpus`` over the articles fetched into the library (feeds and pages).

    They are cleaned as one corpus, like a folder's files; their analyses and the
    corpus-wide results come from the cache when it holds them.
    """
    from reader.library.feeds import FeedStore

    snapshot = clean_documents(FeedStore(cache.library).documents(), ())

    def items() -> Sequence[AnalysedArticle]:
        return tuple(cache.analyse_all(analyse_all, failed)(snapshot.articles))

    corpus = finish_cached(cache, snapshot, items, snapshot.errors, finish,
                           store=lambda: not failed)
    return replace(corpus, errors=(*corpus.errors, *failed)) if failed else corpus


def read_folder(files: Sequence[ArticleFile], max_bytes: int) -> Snapshot:
    """Read and clean ``files`` (from ``discover``): what a snapshot records."""
    from reader.sources.files import read_files

    documents: list[RawDocument] = []
    errors: list[LoadError] = []
    for read, error in read_files(files, max_bytes):
        documents += read
        if error is not None:
            errors.append(error)
    return clean_documents(documents, errors)


def clean_documents(documents: Sequence[RawDocument], errors: Sequence[LoadError]) -> Snapshot:
    """Clean documents, keyed for the cache, with the errors of reading them."""
    from reader.core.text import clean_corpus, split_empty

    articles, empty = split_empty(clean_corpus(documents))
    return Snapshot(
        articles=tuple(articles),
        keys=tuple(input_key(article) for article in articles),
        errors=(*errors, *empty),
        content={doc.id: content_hash(doc.text) for doc in documents},
    )


def finish_cached(cache: AnalysisCache, snapshot: Snapshot,
                  analysed: Callable[[], Sequence[AnalysedArticle]],
                  errors: Sequence[LoadError], finish: Finish,
                  store: Callable[[], bool] = lambda: True) -> Corpus:
    """``finish(analysed(), errors)``, or its stored result for exactly these articles.

    Args:
        cache: Where corpus results are kept.
        snapshot: The articles and their cache keys.
        analysed: The articles' own analyses, asked for only when the result is not kept.
        errors: The run's load errors.
        finish: Makes the corpus-wide results.
        store: Asked after ``finish``: False keeps its result out of the library.
    """
    key = _corpus_key(snapshot, finish)
    with cache.library.read() as db:
        row = db.execute("SELECT result FROM corpora WHERE corpus_key = ? AND engine = ?",
                         (key, cache.engine)).fetchone()
    if row is not None:
        corpus = _decode_corpus(bytes(row[0]), snapshot.articles, errors)
        if corpus is not None:
            return corpus
    corpus = finish(analysed(), errors)
    if not store():
        return corpus
    with cache.library.write() as db:
        db.execute("INSERT OR REPLACE INTO corpora (corpus_key, engine, result) "
                   "VALUES (?, ?, ?)", (key, cache.engine, _encode_corpus(corpus)))
    return corpus


def _corpus_key(snapshot: Snapshot, finish: Finish) -> bytes:
    """A hash of the articles in order (ids, paths, contents) and of what finishes them."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{finish.__module__}.{finish.__qualname__}\n".encode())
    for article, key in zip(snapshot.articles, snapshot.keys, strict=True):
        digest.update(f"{article.id}\0{article.path}\0".encode("utf-8", "surrogatepass"))
        digest.update(key)
    return digest.digest()


def _encode_corpus(corpus: Corpus) -> bytes:
    """The corpus without its articles' text (the per-article entries hold that).

    Written piece by piece into the compressor, each story's trace and each article's
    findings made and let go one at a time: the corpus as one tree of dicts, then one
    JSON text, held about 500 MB for 10,000 articles. ``unpack`` reads it as one JSON.
    """
    shell = _compact(to_data(replace(corpus, articles=(), errors=(), traces=())))
    compressor = zlib.compressobj(6)
    parts: list[bytes] = []

    def write(text: str) -> None:
        parts.append(compressor.compress(text.encode("utf-8")))

    write(shell[:-1] + ("," if shell != "{}" else "") + '"traces":[')
    for n, trace in enumerate(corpus.traces):
        write(("," if n else "") + _compact(_compact(to_data(trace))))
    write('],"articles":[')
    for n, item in enumerate(corpus.articles):
        found = to_data(item)
        found.pop("article")
        # Each article's findings as a string of their own: identical ones (copies of
        # one text) are then recognised and decoded once.
        write(("," if n else "") + _compact(_compact(found)))
    write("]}")
    parts.append(compressor.flush())
    return b"".join(parts)


def _compact(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _decode_corpus(blob: bytes, articles: Sequence[Article],
                   errors: Sequence[LoadError]) -> Corpus | None:
    try:
        data = unpack(blob)
        findings = data.pop("articles")
        traces = tuple(from_data(StoryTrace, json.loads(t)) for t in data.pop("traces"))
        if len(findings) != len(articles):
            return None
        shell = replace(from_data(Corpus, data), traces=traces)
    except (DecodeError, KeyError, TypeError, AttributeError, json.JSONDecodeError):
        return None
    merged = []
    decoded: dict[str, AnalysedArticle | None] = {}
    for found, article in zip(findings, articles, strict=True):
        if not isinstance(found, str):
            return None
        if found not in decoded:
            try:
                decoded[found] = findings_from_data(json.loads(found), article)
            except (TypeError, json.JSONDecodeError):
                return None
        item = decoded[found]
        if item is None:
            return None
        merged.append(item if item.article is article else replace(item, article=article))
    return replace(shell, articles=tuple(merged), errors=tuple(errors))
