"""The command line's library side: ``--home``/``--no-cache``, ``cache`` and ``state``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.config import Config
from reader.core.text import counted, printable

if TYPE_CHECKING:
    from reader.library import AnalysisCache, Library
    from reader.library.state import Known

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_NOTHING_LOADED = 2


def add_library_options(parser: argparse.ArgumentParser) -> None:
    """``--home`` and ``--no-cache``, for the reader and the commands that analyse."""
    add_home_option(parser)
    parser.add_argument("--no-cache", action="store_true",
                        help="analyse every article afresh (the cache is neither read "
                        "nor written)")


def add_home_option(parser: argparse.ArgumentParser) -> None:
    """``--home DIR``: the library's folder."""
    parser.add_argument("--home", type=Path, default=None, metavar="DIR",
                        help="the library's folder (default: $NEWSROOM_HOME, else the "
                        "user's data folder)")


def add_library_commands(commands: Any) -> None:
    """The ``cache`` and ``state`` subcommands."""
    cache = commands.add_parser("cache", help="the analysis cache: info, clear")
    cache.add_argument("action", choices=("info", "clear"),
                       help="info: size and entries; clear: forget every cached analysis")
    add_home_option(cache)
    state = commands.add_parser(
        "state", help="reading state: read, flagged, notes",
        description="Show or change the reading state of articles (files, or every "
        "article in a folder), or list every article with a state (--list).")
    state.add_argument("paths", nargs="*", metavar="ARTICLE_PATH", help="article files")
    change = state.add_mutually_exclusive_group()
    change.add_argument("--read", dest="read", action="store_const", const=True,
                        help="mark read")
    change.add_argument("--unread", dest="read", action="store_const", const=False,
                        help="mark unread (with --list: list only unread ones)")
    flag = state.add_mutually_exclusive_group()
    flag.add_argument("--flag", dest="flagged", action="store_const", const=True,
                      help="flag (star)")
    flag.add_argument("--unflag", dest="flagged", action="store_const", const=False,
                      help="remove the flag")
    state.add_argument("--note", default=None, metavar="TEXT",
                       help="set the note ('' removes it)")
    state.add_argument("--list", action="store_true", help="every article with a state")
    # With --list, --unread lists only unread articles.
    state.add_argument("--flagged", dest="only_flagged", action="store_true",
                       help="with --list: flagged ones only")
    state.add_argument("--json", action="store_true", help="print JSON")
    add_home_option(state)


def open_library(config: Config) -> Library:
    """The library of ``config.home`` (raises LibraryError with a one-line reason)."""
    from reader.library import Library, library_home

    return Library.open(library_home(config.home))


def open_cache(config: Config) -> AnalysisCache | None:
    """The analysis cache, or None with ``--no-cache`` or when the library cannot open.

    A library that cannot be used costs only speed: the analysis runs without it, after
    one line on stderr saying why.
    """
    if not config.use_cache:
        return None
    from reader.library import AnalysisCache, LibraryError

    try:
        return AnalysisCache(open_library(config))
    except LibraryError as error:
        print(f"newsroom: warning: {printable(str(error))}; analysing without the cache",
              file=sys.stderr)
        return None


def last_paths(config: Config) -> tuple[Path, ...] | None:
    """The folders the reader had open last, if they all still exist (else None)."""
    from reader.library import LibraryError
    from reader.library.state import ReadingState

    try:
        library = open_library(config)
    except LibraryError:
        return None  # the reader itself will say what is wrong with the library
    try:
        last = ReadingState(library).last_session()
    except LibraryError:
        return None
    finally:
        library.close()
    if last is None or not all(path.exists() for path in last[0]):
        return None
    return last[0]


def library_has_articles(config: Config) -> bool:
    """True when the library holds articles fetched from feeds or pages."""
    from reader.library import LibraryError
    from reader.library.feeds import FeedStore

    try:
        library = open_library(config)
    except LibraryError:
        return False  # the reader itself will say what is wrong with the library
    try:
        return FeedStore(library).count() > 0
    except LibraryError:
        return False
    finally:
        library.close()


def run_library_command(options: argparse.Namespace) -> int:
    """Run ``cache`` or ``state``; a library that cannot open is an error (status 1)."""
    from reader.library import LibraryError

    config = Config(home=options.home)
    try:
        library = open_library(config)
    except LibraryError as error:
        print(f"newsroom {options.command}: error: {printable(str(error))}", file=sys.stderr)
        return EXIT_FAILED
    try:
        if options.command == "cache":
            return _cache(library, options.action)
        return _state(library, options)
    except LibraryError as error:
        print(f"newsroom {options.command}: error: {printable(str(error))}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        library.close()


def _cache(library: Library, action: str) -> int:
    from reader.library import AnalysisCache

    cache = AnalysisCache(library)
    if action == "clear":
        removed = cache.clear()
        print(f"cleared {counted(removed, 'cached analysis', 'cached analyses')}")
        return EXIT_OK
    info = cache.info()
    print(f"library: {printable(info.path)}")
    print(f"size: {info.bytes / 1_048_576:.1f} MB")
    print(f"entries: {info.entries:,} ({info.current:,} for this engine version)")
    return EXIT_OK


def _state(library: Library, options: argparse.Namespace) -> int:
    from reader.library.state import ReadingState

    state = ReadingState(library)
    if options.list:
        rows = state.listed(unread=options.read is False,
                            flagged=options.only_flagged or options.flagged is True)
        listed = [{"path": row.path, "url": row.url, "title": row.title,
                   "read": row.state.read, "flagged": row.state.flagged,
                   "note": row.state.note} for row in rows]
        _print_states(listed, as_json=options.json)
        return EXIT_OK
    if not options.paths:
        print("newsroom state: error: give ARTICLE_PATH... or --list", file=sys.stderr)
        return EXIT_NOTHING_LOADED
    known, errors = _known_articles(options.paths)
    for path, error in errors:
        print(f"newsroom state: {printable(path)}: {printable(error)}", file=sys.stderr)
    if not known:
        return EXIT_NOTHING_LOADED
    if options.read is not None or options.flagged is not None or options.note is not None:
        state.set(known, read=options.read, flagged=options.flagged, note=options.note)
    current = state.states(known)
    _print_states([{"path": k.path, "url": k.url, "title": k.title, "read": s.read,
                    "flagged": s.flagged, "note": s.note}
                   for k, s in zip(known, current, strict=True)], as_json=options.json)
    return EXIT_OK


def _known_articles(paths: list[str]) -> tuple[list[Known], list[tuple[str, str]]]:
    """The articles under ``paths`` as the reading state knows them (title as cleaned)."""
    from reader.core.text import clean_corpus
    from reader.library.state import Known, content_hash
    from reader.sources.files import load_documents

    result = load_documents([Path(p) for p in paths])
    titles = {a.id: a.title for a in clean_corpus(result.documents)}
    known = [Known(content_hash(doc.text), doc.url, doc.path, titles.get(doc.id))
             for doc in result.documents]
    return known, [(error.path, error.error) for error in result.errors]


def _print_states(rows: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        json.dump(rows, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    for row in rows:
        marks = ("N" if not row["read"] else " ") + ("!" if row["flagged"] else " ")
        name = row["path"] or row["url"] or "?"
        title = row["title"] or "(untitled)"
        note = f"  [{row['note']}]" if row["note"] else ""
        print(f"{marks} {printable(name)}  {printable(title)}{printable(note)}")
