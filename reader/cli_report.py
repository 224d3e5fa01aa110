"""``newsroom report`` (a pair or a story as HTML, Markdown or JSON) and ``newsroom serve``."""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli_articles import pick_documents
from reader.cli_library import add_library_options
from reader.cli_output import report_errors
from reader.config import Config
from reader.core.models import AnalysedArticle, Article, Corpus
from reader.core.text import counted, printable

if TYPE_CHECKING:
    from reader.core.report import PairReport, StoryReport

EXIT_OK = 0
EXIT_NOTHING = 2

AnalyseAll = Callable[[Sequence[Article]], Iterator[AnalysedArticle]]


def add_share_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser],
                       size: Callable[[str], int]) -> None:
    """The ``report`` and ``serve`` subcommands (``size`` parses ``--max-size``)."""
    report = commands.add_parser(
        "report", help="write a pair or a story as one HTML, Markdown or JSON file",
        description="Two ARTICLEs (as for 'newsroom align') or --story ID with the PATHs "
        "whose stories 'newsroom stories PATH' lists.")
    report.add_argument("articles", nargs="*", metavar="ARTICLE",
                        help="article A and article B; with --story, the PATHs to read")
    report.add_argument("--story", metavar="ID", help="a story id from 'newsroom stories'")
    report.add_argument("--in", dest="paths", action="append", default=[], metavar="PATH",
                        help="look article ids up under PATH (repeatable)")
    report.add_argument("-o", "--output", metavar="FILE", help="write here (default stdout)")
    report.add_argument("--format", choices=("html", "md", "json"), default=None,
                        help="default: from the -o suffix, else html")
    report.add_argument("--max-size", type=size, default=None, metavar="MB")
    add_library_options(report)
    serve = commands.add_parser(
        "serve", help="serve the reader to web browsers (one reader process a visitor)",
        description="Not an authenticated service: anyone who reaches the port reads the "
        "articles. Bound to this machine (127.0.0.1) unless --host says otherwise.")
    serve.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)


def run_report(options: argparse.Namespace, config: Config, analyse_all: AnalyseAll,
               load_corpus: Callable[[Config], Corpus]) -> int:
    """Make the report the options ask for and write it; the exit status."""
    from reader.core.report import format_for_path, render_pair, render_story

    kind = options.format or format_for_path(options.output)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if options.story is not None:
        paths = tuple(Path(p) for p in (*options.articles, *options.paths)) or config.paths
        report = _story_report(load_corpus(_with_paths(config, paths)), options.story,
                               generated)
        if report is None:
            return EXIT_NOTHING
        document = render_story(report, kind)
    else:
        pair = _pair_report(config, options.articles, options.paths, analyse_all, generated)
        if pair is None:
            return EXIT_NOTHING
        document = render_pair(pair, kind)
    if options.output is None:
        sys.stdout.write(document)
        return EXIT_OK
    Path(options.output).write_text(document, encoding="utf-8")
    print(f"report written to {printable(options.output)}", file=sys.stderr)
    return EXIT_OK


def _with_paths(config: Config, paths: Iterable[Path]) -> Config:
    from dataclasses import replace

    return replace(config, paths=tuple(paths))


def _pair_report(config: Config, wanted: Sequence[str], among: Sequence[str],
                 analyse_all: AnalyseAll, generated: str) -> PairReport | None:
    from reader.core.pipeline import analyse_corpus, compare_articles
    from reader.core.report import PairReport

    if len(wanted) != 2:
        print(f"newsroom report: needs two articles or --story ID, got "
              f"{counted(len(wanted), 'article')}", file=sys.stderr)
        return None
    documents, errors = pick_documents(wanted, among, config.max_bytes)
    corpus = analyse_corpus(documents, errors, analyse_all)
    report_errors(corpus.errors, sys.stderr)
    if len(corpus.articles) != 2:
        print(f"newsroom report: needs two articles, got "
              f"{counted(len(corpus.articles), 'article')}", file=sys.stderr)
        return None
    a, b = corpus.articles
    return PairReport(compare_articles(a.article, b.article, corpus.actors), a, b, generated)


def _story_report(corpus: Corpus, story_id: str, generated: str) -> StoryReport | None:
    from reader.core.report import StoryReport

    report_errors(corpus.errors, sys.stderr)
    story = next((s for s in corpus.stories if s.id == story_id), None)
    if story is None:
        print(f"newsroom report: no story {printable(story_id)} among "
              f"{counted(len(corpus.stories), 'story', 'stories')} (see 'newsroom stories')",
              file=sys.stderr)
        return None
    trace = next((t for t in corpus.traces if t.story == story.id), None)
    by_id = {item.article.id: item for item in corpus.articles}
    members = tuple(by_id[a] for a in story.articles if a in by_id)
    return StoryReport(story, trace, members, corpus.actors, generated)


def run_serve(options: argparse.Namespace) -> int:
    """Serve the reader with textual-serve until interrupted."""
    if not _is_loopback(options.host):
        print(f"newsroom serve: warning: listening on {printable(options.host)}: anyone who "
              "reaches this port reads these articles (there is no login)", file=sys.stderr)
    from textual_serve.server import Server  # lazy: only serve needs the web server

    command = shlex.join([sys.executable, "-m", "reader", *options.paths])
    Server(command, host=options.host, port=options.port, title="Newsroom Reader").serve()
    return EXIT_OK


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
