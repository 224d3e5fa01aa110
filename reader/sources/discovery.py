"""Finding the article files under the paths a user gives, and saying what was passed over.

Folders are walked recursively in sorted order. Nothing is dropped silently: a file whose
format no reader handles is reported (one line for the file, or one for the folder when
several share a suffix), except files that are plainly not articles (images, media,
fonts, archives, scripts and styles saved beside a web page) and a dataset's own notes
(README, LICENSE, CHANGELOG...), which a walk passes over by design. Hidden files are
skipped too. A file named directly is always read.

Each file gets an id that stays the same whatever else is in the run: its path under the
folder it was found in, without the suffix (``politics/012``), or its name without the
suffix when it was named directly. Only when two files of one run would share an id
(``story.txt`` beside ``story.md``, or the same name under two folders given) do those
files fall back to a longer form: with the suffix, then the whole path as given.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core.models import LoadError
from reader.sources.formats import SUPPORTED_SUFFIXES

# Suffixes of files that are never article text: passed over without a report.
NOT_ARTICLE_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .webp .svg .ico .bmp .tif .tiff .avif .heic "
    ".mp3 .mp4 .m4a .wav .ogg .oga .webm .mov .avi .mkv .flac "
    ".woff .woff2 .ttf .otf .eot .css .js .mjs .map "
    ".zip .gz .tgz .bz2 .xz .7z .tar .rar .pyc .so .o .dll .exe".split()
)
# A dataset's notes about itself, not one of its articles.
_PROJECT_NOTES = re.compile(r"(?:^|[^a-z])(readme|licen[cs]e|changelog|changes|copying)", re.I)


@dataclass(frozen=True)
class ArticleFile:
    """A file to read and the id its articles are known by."""

    path: Path
    id: str

    @property
    def name(self) -> str:
        """The file's name."""
        return self.path.name


def discover(paths: Iterable[str | Path]) -> tuple[list[ArticleFile], list[LoadError]]:
    """Expand files and folders into the article files to read, each with its id.

    Folder symlinks are followed once each, so a loop ends instead of recursing forever.
    A file named directly is read whatever its suffix or name; a file reached twice (named
    and inside a folder given) is read once.

    Args:
        paths: Files and folders, as given on the command line.

    Returns:
        ``(files, errors)``: files in a stable order, and the paths that could not be
        used or hold no format we read.
    """
    found: list[tuple[Path, Path | None]] = []  # (file, the folder it was found in)
    errors: list[LoadError] = []
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                walked: list[Path] = []
                _walk(path, walked, errors, seen_dirs)
                found += [(file, path) for file in walked]
            elif path.exists():
                found.append((path, None))
            elif path.is_symlink():
                errors.append(LoadError(str(path), "broken or looping symbolic link"))
            else:
                errors.append(LoadError(str(path), "no such file or folder"))
        except OSError as error:
            errors.append(LoadError(str(path), os_reason(error)))
    return _with_ids(_once_each(found)), errors


def _once_each(found: list[tuple[Path, Path | None]]) -> list[tuple[Path, Path | None]]:
    """Drop a file reached a second time (by another argument or another spelling)."""
    kept: list[tuple[Path, Path | None]] = []
    seen: set[object] = set()
    for path, root in found:
        # The file's identity, one stat (resolve() costs a stat per path component).
        key: object
        try:
            info = path.stat()
            key = (info.st_dev, info.st_ino)
        except OSError:  # a loop or a vanished file: keep it, reading it reports why
            key = path.absolute()
        if key not in seen:
            seen.add(key)
            kept.append((path, root))
    return kept


def _with_ids(found: list[tuple[Path, Path | None]]) -> list[ArticleFile]:
    """Each file's id: short where that is unique in the run, longer where it is not."""
    forms: list[list[str]] = []
    for path, root in found:
        relative = path.relative_to(root) if root is not None else Path(path.name)
        forms.append([relative.with_suffix("").as_posix(), relative.as_posix(),
                      path.as_posix()])
    ids = [form[0] for form in forms]
    for level in (1, 2):
        counts = Counter(ids)
        ids = [form[level] if counts[id_] > 1 else id_
               for id_, form in zip(ids, forms, strict=True)]
    return [ArticleFile(path, id_) for (path, _), id_ in zip(found, ids, strict=True)]


def is_project_note(path: Path) -> bool:
    """True for README, LICENSE, CHANGELOG and the like (``UPSTREAM_README.TXT`` too)."""
    return _PROJECT_NOTES.search(path.stem) is not None


def _walk(
    root: Path, files: list[Path], errors: list[LoadError], seen: set[tuple[int, int]]
) -> None:
    """Depth-first walk in sorted order that visits each real folder once."""
    try:
        info = root.stat()
    except OSError as error:
        errors.append(LoadError(str(root), os_reason(error)))
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as error:
        errors.append(LoadError(str(root), os_reason(error)))
        return
    unsupported: defaultdict[str, list[Path]] = defaultdict(list)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        suffix = path.suffix.lower()
        try:
            if entry.is_dir():
                _walk(path, files, errors, seen)
            elif suffix in NOT_ARTICLE_SUFFIXES or is_project_note(path):
                continue
            elif entry.is_file():
                if suffix in SUPPORTED_SUFFIXES:
                    files.append(path)
                else:
                    unsupported[suffix].append(path)
            elif entry.is_symlink() and suffix in SUPPORTED_SUFFIXES:
                # Raises the reason (a loop, a missing target), else the target is special.
                errors.append(LoadError(str(path), f"not a regular file "
                                        f"({special_kind(path.stat().st_mode)})"))
            elif not entry.is_symlink():
                mode = entry.stat(follow_symlinks=False).st_mode
                errors.append(LoadError(str(path), f"not a regular file ({special_kind(mode)})"))
        except OSError as error:
            errors.append(LoadError(str(path), os_reason(error)))
    errors += _unsupported_errors(root, unsupported)


def _unsupported_errors(root: Path, by_suffix: dict[str, list[Path]]) -> list[LoadError]:
    """One error a file of an unread format, or one for the folder when several share it."""
    errors: list[LoadError] = []
    for suffix, paths in sorted(by_suffix.items()):
        kind = f"{suffix} files" if suffix else "files without a suffix"
        if len(paths) == 1:
            errors.append(LoadError(str(paths[0]), f"not read: unsupported format ({kind})"))
        else:
            errors.append(LoadError(str(root), f"{len(paths)} {kind} not read: unsupported "
                                    "format"))
    return errors


def special_kind(mode: int) -> str:
    """What a file that is neither a folder nor a regular file is, from its ``st_mode``."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def os_reason(error: OSError) -> str:
    """A one-line reason for an OS error, without a traceback.

    Args:
        error: The error from the file system.

    Returns:
        A short reason ("permission denied", "symbolic link loop", ...).
    """
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
