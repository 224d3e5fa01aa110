"""Reading the article files ``discover`` finds into raw documents, safely.

Every failure becomes a one-line ``LoadError`` and the rest of the files still load:
missing, unreadable, empty, binary, oversized, mis-encoded files and symlink loops.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.config import DEFAULT_MAX_BYTES
from reader.core.models import LoadError, RawDocument
from reader.sources.decoding import DecodeError, decode_bytes
from reader.sources.discovery import ArticleFile, discover, os_reason, special_kind
from reader.sources.formats import (
    CSV_SUFFIXES,
    HTML_SUFFIXES,
    JSON_LINES_SUFFIXES,
    JSON_SUFFIXES,
    MARKDOWN_SUFFIXES,
    FormatError,
    Parsed,
    read_text,
)
from reader.sources.html import read_html
from reader.sources.markdown import read_markdown
from reader.sources.records import read_csv, read_json, read_json_lines


@dataclass(frozen=True)
class LoadResult:
    """Documents that loaded and the files that did not, with reasons."""

    documents: tuple[RawDocument, ...]
    errors: tuple[LoadError, ...]


def read_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, doc_id: str | None = None
) -> Parsed:
    """Read one file into raw documents (several for a JSON list, JSON Lines or CSV).

    Args:
        path: The file.
        max_bytes: Larger files are refused rather than read.
        doc_id: The file's id (see ``discover``); its name without suffix by default.

    Returns:
        The documents in the file, and a one-line problem for each bad record.

    Raises:
        OSError: When the file cannot be read.
        DecodeError: When the file is not text.
        FormatError: When the file holds no article.
    """
    data = read_bounded(path, max_bytes)
    if not data.strip():
        raise FormatError("empty file")
    text, _encoding = decode_bytes(data)
    doc_id = path.stem if doc_id is None else doc_id
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        parsed = Parsed([read_html(doc_id, str(path), text)])
    elif suffix in JSON_SUFFIXES:
        parsed = read_json(doc_id, str(path), text)
    elif suffix in JSON_LINES_SUFFIXES:
        parsed = read_json_lines(doc_id, str(path), text)
    elif suffix in CSV_SUFFIXES:
        parsed = read_csv(doc_id, str(path), text)
    elif suffix in MARKDOWN_SUFFIXES:
        parsed = Parsed([read_markdown(doc_id, str(path), text)])
    else:
        parsed = Parsed([read_text(doc_id, str(path), text)])
    if not parsed.problems and not any(doc.text.strip() for doc in parsed.documents):
        raise FormatError("no text left after removing control characters")
    return parsed


def load_documents(
    paths: Sequence[str | Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], bool] | None = None,
) -> LoadResult:
    """Discover and read every article file under ``paths``.

    Args:
        paths: Files and folders.
        max_bytes: Size limit per file.
        progress: Called as ``progress(done, total)`` after each file; returning False
            stops loading (used to cancel a worker).

    Returns:
        The documents (ids made unique) and the per-file errors.
    """
    files, errors = discover(paths)
    documents: list[RawDocument] = []
    seen: set[str] = set()
    for done, file in enumerate(files, start=1):
        read, failed = _read_one(file, max_bytes)
        documents += [_unique_id(doc, file, seen) for doc in read]
        errors += failed
        if progress is not None and not progress(done, len(files)):
            break
    return LoadResult(tuple(documents), tuple(errors))


def read_files(
    files: Iterable[ArticleFile], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[list[RawDocument], LoadError | None]]:
    """Read files one at a time, for callers that show results as they arrive.

    Args:
        files: Files from ``discover``.
        max_bytes: Size limit per file.

    Yields:
        For each file, its documents (ids unique across the run) and its first
        error or None; a file with several bad records yields one more ``([], error)``
        for each further one.
    """
    seen: set[str] = set()
    for file in files:
        documents, errors = _read_one(file, max_bytes)
        yield [_unique_id(doc, file, seen) for doc in documents], errors[0] if errors else None
        for error in errors[1:]:
            yield [], error


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``.

    Opened without blocking and checked before reading, so a named pipe, a device such
    as /dev/zero or a socket is refused at once instead of hanging the reader; and read
    at most one byte past the limit, so a file that grows while it is read (or reports a
    wrong size) cannot run on for ever.

    Raises:
        OSError: When the file cannot be opened or read.
        FormatError: When it is not a regular file, or too large.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise FormatError(f"not a regular file ({special_kind(info.st_mode)})")
        # The stated size first (a read of the limit would allocate 20 MB for each file),
        # then on to the limit only if the file turns out longer than it said.
        data = handle.read(min(info.st_size, max_bytes) + 1)
        if len(data) > info.st_size:
            data += handle.read(max(0, max_bytes + 1 - len(data)))
    if len(data) > max_bytes:
        size = max(info.st_size, len(data))
        raise FormatError(
            f"too large: {size / 1_048_576:.1f} MB (limit {max_bytes / 1_048_576:.0f} MB,"
            " see --max-size)"
        )
    return data


def _read_one(file: ArticleFile, max_bytes: int) -> tuple[list[RawDocument], list[LoadError]]:
    """One file's documents and errors; never raises."""
    path = file.path
    try:
        parsed = read_file(path, max_bytes, file.id)
    except (DecodeError, FormatError) as error:
        return [], [LoadError(str(path), str(error))]
    except OSError as error:
        return [], [LoadError(str(path), os_reason(error))]
    except Exception as error:  # a parser bug on one file must not lose the rest
        return [], [LoadError(str(path), f"could not read: {type(error).__name__}")]
    return parsed.documents, [LoadError(str(path), problem) for problem in parsed.problems]


def _unique_id(doc: RawDocument, file: ArticleFile, seen: set[str]) -> RawDocument:
    """The document, its id made unique should a file's name look like a record's id.

    ``discover`` keeps file ids unique, but ``a#2.txt`` and record 2 of ``a.json`` both
    come out as ``a#2``; the later one then goes by its file's full path.
    """
    if doc.id in seen:
        doc = replace(doc, id=file.path.as_posix() + doc.id[len(file.id) :])
    seen.add(doc.id)
    return doc
