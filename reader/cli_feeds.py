"""The command line's web side: ``feeds add|import|export|list|remove|update`` and ``url``.

Feed titles and URLs come from outside: every one printed in a table or a message goes
through ``printable``. JSON is written by ``json.dumps``, which escapes control
characters itself.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.cli_library import EXIT_FAILED, EXIT_OK, add_home_option, open_library
from reader.config import Config
from reader.core.text import counted, printable

if TYPE_CHECKING:
    from reader.library.feeds import FeedStore
    from reader.sources.web.fetch import FetchLimits


def add_feed_commands(commands: Any) -> None:
    """The ``feeds`` and ``url`` subcommands."""
    feeds = commands.add_parser("feeds", help="follow RSS/Atom feeds into the library",
                                description="Follow outlets' feeds: update fetches each "
                                "feed and the full page of every new item into the library.")
    actions = feeds.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="follow feeds (or the feed a page links to)")
    add.add_argument("urls", nargs="+", metavar="URL")
    imported = actions.add_parser("import", help="follow the feeds of an OPML file")
    imported.add_argument("file", type=Path, metavar="FILE.opml")
    actions.add_parser("export", help="print the feeds followed as OPML 2.0")
    listed = actions.add_parser("list", help="the feeds followed")
    listed.add_argument("--json", action="store_true", help="print JSON")
    remove = actions.add_parser("remove", help="stop following a feed (its articles stay)")
    remove.add_argument("url", metavar="URL")
    update = actions.add_parser("update", help="fetch every feed and its new articles")
    update.add_argument("--json", action="store_true", help="print one JSON report")
    page = commands.add_parser("url", help="fetch article pages into the library")
    page.add_argument("urls", nargs="+", metavar="URL")
    for command in (add, update, page):
        command.add_argument("--timeout", type=_seconds, default=None, metavar="S",
                             help="connect and read timeout in seconds (default 10)")
    for command in (feeds, add, imported, listed, remove, update, page,
                    actions.choices["export"]):
        add_home_option(command)


def run_feed_command(options: argparse.Namespace) -> int:
    """Run ``feeds ACTION`` or ``url``: 0 when everything worked, 1 when something failed."""
    from reader.library import LibraryError
    from reader.library.feeds import FeedStore

    name = "url" if options.command == "url" else f"feeds {options.action}"
    try:
        library = open_library(Config(home=options.home))
    except LibraryError as error:
        print(f"newsroom {name}: error: {printable(str(error))}", file=sys.stderr)
        return EXIT_FAILED
    try:
        store = FeedStore(library)
        if options.command == "url":
            return _url(store, options)
        return _ACTIONS[options.action](store, options)
    except LibraryError as error:
        print(f"newsroom {name}: error: {printable(str(error))}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        library.close()


def _limits(options: argparse.Namespace) -> FetchLimits:
    from reader.sources.web.fetch import FetchLimits

    if options.timeout is None:
        return FetchLimits()
    return FetchLimits(connect_seconds=options.timeout, read_seconds=options.timeout)


def _add(store: FeedStore, options: argparse.Namespace) -> int:
    from reader.sources.web.update import add_feeds

    failed = 0
    for report in add_feeds(store, options.urls, _limits(options)):
        if report.error is not None or report.feed_url is None:
            failed += 1
            print(f"newsroom feeds add: {printable(report.url)}: {printable(report.error or '')}",
                  file=sys.stderr)
            continue
        title = f" ({printable(report.title)})" if report.title else ""
        found = "" if report.feed_url == report.url else f", found on {printable(report.url)}"
        verb = "added" if report.added else "already followed:"
        print(f"{verb} {printable(report.feed_url)}{title}{found}")
    return EXIT_FAILED if failed else EXIT_OK


def _import(store: FeedStore, options: argparse.Namespace) -> int:
    from reader.sources.discovery import os_reason
    from reader.sources.web.opml import OpmlError, read_opml

    try:
        subscriptions = read_opml(options.file.read_bytes())
    except OSError as error:
        print(f"newsroom feeds import: {printable(str(options.file))}: {os_reason(error)}",
              file=sys.stderr)
        return EXIT_FAILED
    except OpmlError as error:
        print(f"newsroom feeds import: {printable(str(options.file))}: "
              f"{printable(str(error))}", file=sys.stderr)
        return EXIT_FAILED
    added = sum(store.add(s.url, s.title) for s in subscriptions)
    print(f"imported {counted(added, 'feed')} "
          f"({len(subscriptions) - added:,} already followed)")
    return EXIT_OK


def _export(store: FeedStore, options: argparse.Namespace) -> int:
    from reader.sources.web.opml import Subscription, write_opml

    sys.stdout.write(write_opml([Subscription(f.url, f.title) for f in store.feeds()]))
    return EXIT_OK


def _list(store: FeedStore, options: argparse.Namespace) -> int:
    feeds = store.feeds()
    if options.json:
        _print_json({"feeds": [{"url": f.url, "title": f.title, "updated_at": f.updated_at}
                               for f in feeds]})
        return EXIT_OK
    for feed in feeds:
        print(f"{_cut(feed.title or '(not fetched yet)', 40):<40}  {printable(feed.url)}")
    print(f"{counted(len(feeds), 'feed')}, {counted(store.count(), 'article')} in the library")
    return EXIT_OK


def _remove(store: FeedStore, options: argparse.Namespace) -> int:
    if not store.remove(options.url):
        print(f"newsroom feeds remove: not followed: {printable(options.url)}",
              file=sys.stderr)
        return EXIT_FAILED
    print(f"removed {printable(options.url)} (its articles stay in the library)")
    return EXIT_OK


def _update(store: FeedStore, options: argparse.Namespace) -> int:
    from reader.sources.web.update import update_feeds

    reports = update_feeds(store, _limits(options))
    if options.json:
        _print_json({"feeds": [{"url": r.url, "title": r.title, "status": r.status,
                                "new": r.new, "error": r.error} for r in reports]})
    else:
        for r in reports:
            name = _cut(r.title or r.url, 40)
            detail = {"new": f"{r.new:,} new", "unchanged": "unchanged"}.get(
                r.status, f"error: {printable(r.error or '')}")
            print(f"{name:<40}  {detail}")
        if not reports:
            print("no feeds followed: add one with 'newsroom feeds add URL'")
        else:
            total = sum(r.new for r in reports)
            print(f"{counted(total, 'new article')} from {counted(len(reports), 'feed')}")
    return EXIT_FAILED if any(r.status == "error" for r in reports) else EXIT_OK


def _url(store: FeedStore, options: argparse.Namespace) -> int:
    from reader.sources.web.update import fetch_pages

    reports = fetch_pages(store, options.urls, _limits(options))
    for r in reports:
        if r.status == "error":
            print(f"newsroom url: {printable(r.url)}: {printable(r.error or '')}",
                  file=sys.stderr)
        else:
            verb = "stored" if r.status == "new" else "already in the library:"
            print(f"{verb} {printable(r.url)}  {_cut(r.title or '(untitled)', 60)}")
    return EXIT_FAILED if any(r.status == "error" for r in reports) else EXIT_OK


_ACTIONS = {"add": _add, "import": _import, "export": _export, "list": _list,
            "remove": _remove, "update": _update}


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if seconds <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return seconds


def _cut(text: str, width: int) -> str:
    text = printable(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
