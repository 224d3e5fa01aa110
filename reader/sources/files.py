"""Finding article files under paths and reading each into raw documents, safely.

Every failure becomes a one-line ``LoadError`` and the rest of the files still load:
missing, unreadable, empty, binary, oversized, mis-encoded files and symlink loops.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.config import DEFAULT_MAX_BYTES
from reader.core.models import LoadError, RawDocument
from reader.sources.decoding import DecodeError, decode_bytes
from reader.sources.formats import (
    HTML_SUFFIXES,
    JSON_LINES_SUFFIXES,
    JSON_SUFFIXES,
    MARKDOWN_SUFFIXES,
    SUPPORTED_SUFFIXES,
    FormatError,
    Parsed,
    read_text,
)
from reader.sources.html import read_html
from reader.sources.markdown import read_markdown
from reader.sources.records import read_json, read_json_lines


@dataclass(frozen=True)
class LoadResult:
    """Documents that loaded and the files that did not, with reasons."""

    documents: tuple[RawDocument, ...]
    errors: tuple[LoadError, ...]


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[LoadError]]:
    """Expand files and folders into the article files to read.

    Folders are walked recursively in sorted order; hidden files and folders are
    skipped, as are files whose suffix no reader handles. Folder symlinks are followed
    once each, so a loop ends instead of recursing forever. A file named directly is
    read whatever its suffix (as text).

    Args:
        paths: Files and folders, as given on the command line.

    Returns:
        ``(files, errors)``: files in a stable order and paths that could not be used.
    """
    files: list[Path] = []
    errors: list[LoadError] = []
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                _walk(path, files, errors, seen_dirs)
            elif path.exists():
                files.append(path)
            elif path.is_symlink():
                errors.append(LoadError(str(path), "broken or looping symbolic link"))
            else:
                errors.append(LoadError(str(path), "no such file or folder"))
        except OSError as error:
            errors.append(LoadError(str(path), _os_reason(error)))
    return files, errors


def _walk(
    root: Path, files: list[Path], errors: list[LoadError], seen: set[tuple[int, int]]
) -> None:
    """Depth-first walk in sorted order that visits each real folder once."""
    try:
        info = root.stat()
    except OSError as error:
        errors.append(LoadError(str(root), _os_reason(error)))
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as error:
        errors.append(LoadError(str(root), _os_reason(error)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir():
                _walk(path, files, errors, seen)
            elif entry.is_file():
                if path.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(path)
            elif entry.is_symlink() and path.suffix.lower() in SUPPORTED_SUFFIXES:
                path.stat()  # raises the reason: a loop or a missing target
        except OSError as error:
            errors.append(LoadError(str(path), _os_reason(error)))


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Parsed:
    """Read one file into raw documents (several for a JSON list or JSON Lines).

    Args:
        path: The file.
        max_bytes: Larger files are refused rather than read.

    Returns:
        The documents in the file, and a one-line problem for each bad record.

    Raises:
        OSError: When the file cannot be read.
        DecodeError: When the file is not text.
        FormatError: When the file holds no article.
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise FormatError(
            f"too large: {size / 1_048_576:.1f} MB (limit {max_bytes / 1_048_576:.0f} MB,"
            " see --max-size)"
        )
    data = path.read_bytes()
    if not data.strip():
        raise FormatError("empty file")
    text, _encoding = decode_bytes(data)
    doc_id = path.stem
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        parsed = Parsed([read_html(doc_id, str(path), text)])
    elif suffix in JSON_SUFFIXES:
        parsed = read_json(doc_id, str(path), text)
    elif suffix in JSON_LINES_SUFFIXES:
        parsed = read_json_lines(doc_id, str(path), text)
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
    seen: dict[str, int] = {}
    for done, path in enumerate(files, start=1):
        read, failed = _read_one(path, max_bytes)
        documents += [_unique_id(doc, seen) for doc in read]
        errors += failed
        if progress is not None and not progress(done, len(files)):
            break
    return LoadResult(tuple(documents), tuple(errors))


def read_files(
    files: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[list[RawDocument], LoadError | None]]:
    """Read files one at a time, for callers that show results as they arrive.

    Args:
        files: Files from ``discover``.
        max_bytes: Size limit per file.

    Yields:
        For each file, its documents (ids made unique across the run) and its first
        error or None; a file with several bad records yields one more ``([], error)``
        for each further one.
    """
    seen: dict[str, int] = {}
    for path in files:
        documents, errors = _read_one(path, max_bytes)
        yield [_unique_id(doc, seen) for doc in documents], errors[0] if errors else None
        for error in errors[1:]:
            yield [], error


def _read_one(path: Path, max_bytes: int) -> tuple[list[RawDocument], list[LoadError]]:
    """One file's documents and errors; never raises."""
    try:
        parsed = read_file(path, max_bytes)
    except (DecodeError, FormatError) as error:
        return [], [LoadError(str(path), str(error))]
    except OSError as error:
        return [], [LoadError(str(path), _os_reason(error))]
    except Exception as error:  # a parser bug on one file must not lose the rest
        return [], [LoadError(str(path), f"could not read: {type(error).__name__}")]
    return parsed.documents, [LoadError(str(path), problem) for problem in parsed.problems]


def _unique_id(doc: RawDocument, seen: dict[str, int]) -> RawDocument:
    """Give a document whose id clashes (same stem in two folders) a ``~n`` suffix."""
    count = seen.get(doc.id, 0)
    seen[doc.id] = count + 1
    return doc if count == 0 else replace(doc, id=f"{doc.id}~{count + 1}")


def _os_reason(error: OSError) -> str:
    """A one-line reason for an OS error, without a traceback."""

    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT and error.filename and Path(error.filename).is_symlink():
        return "broken symbolic link"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.ENOENT:
        return "no such file or folder"
    if error.errno == errno.EISDIR:
        return "is a folder"
    return error.strerror or type(error).__name__
