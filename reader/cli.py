"""Command line: ``newsroom [PATH...]`` opens the reader; subcommands print analysis."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

from reader import __version__
from reader.cli_articles import pick_documents
from reader.cli_feeds import add_feed_commands, run_feed_command
from reader.cli_library import (
    add_library_commands,
    add_library_options,
    last_paths,
    library_has_articles,
    open_cache,
    open_library,
    run_library_command,
)
from reader.cli_output import (
    print_alignment,
    print_overlaps,
    print_stories,
    print_table,
    report_errors,
)
from reader.cli_report import add_share_commands, run_report, run_serve
from reader.config import Config, default_paths
from reader.core.export import corpus_to_json, stories_to_json
from reader.core.models import AnalysedArticle, Article, Corpus, LoadError
from reader.core.pipeline import analyse_corpus
from reader.core.text import counted, printable
from reader.processes import analyse_batches
from reader.sources.files import load_documents

EXIT_OK = 0
EXIT_NOTHING_LOADED = 2
EXIT_USAGE = 2  # argparse's status for a bad command line
SUBCOMMANDS = ("analyze", "stories", "align", "overlap", "report", "serve", "cache", "state",
               "feeds", "url")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_ANALYSE_BATCH = 50  # articles per batch sent to a worker process


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status; never lets a traceback out."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            return _run_subcommand(args)
        return _run_app(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the last guard: one clear line instead of a traceback
        print(f"newsroom: error: {type(error).__name__}: {printable(str(error))}",
              file=sys.stderr)
        return 1


class _Parser(argparse.ArgumentParser):
    """An argument parser whose error lines cannot carry terminal escapes from argv."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {printable(message)}\n")


def _size_in_bytes(value: str) -> int:
    """Parse ``--max-size`` given in megabytes."""
    try:
        megabytes = float(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {value!r}") from error
    if megabytes <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return int(megabytes * 1_048_576)


def _app_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsroom",
        description="Read one story across many outlets. Opens the reader on PATHs "
        "(default: the library's fetched articles if it holds any, else seeds/). "
        "Subcommands: analyze, stories, align, overlap, report, serve, feeds, url, cache, "
        "state (see 'newsroom SUBCOMMAND --help').",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument("--max-size", type=_size_in_bytes, default=None, metavar="MB",
                        help="skip files larger than this (default 20)")
    parser.add_argument("--workers", type=_workers, default=None, metavar="N",
                        help="analysis processes, 0 to analyse in the reader's own process "
                        "(default: one for 200 or more articles on a machine with two cores "
                        "or more, else 0)")
    add_library_options(parser)
    _library_argument(parser)
    parser.add_argument("--version", action="version", version=f"newsroom {__version__}")
    return parser


def _library_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", action="store_true",
                        help="the articles fetched into the library (newsroom feeds "
                        "update, newsroom url) instead of PATHs")


def _run_app(args: list[str]) -> int:
    options = _app_parser().parse_args(args)
    problem = _app_usage_problem(options.paths)
    if problem is None and options.library and options.paths:
        problem = "give PATHs or --library, not both"
    served = "TEXTUAL_DRIVER" in os.environ  # 'newsroom serve' runs us behind a web page
    if problem is None and not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Textual with no terminal would spin forever instead of drawing.
        problem = ("the reader needs a terminal (stdin and stdout are not one); "
                   "use 'newsroom analyze PATH' for output to a pipe or file")
    if problem is not None:
        print(f"newsroom: error: {printable(problem)}", file=sys.stderr)
        return EXIT_USAGE
    config = _config(options)
    if not options.paths and not options.library:
        # No PATH: the library's fetched articles, else the folders of the last session,
        # else seeds/.
        if library_has_articles(config):
            config = replace(config, library=True)
        else:
            config = replace(config, paths=last_paths(config) or config.paths)
    from reader.ui.app import make_app  # lazy: the CLI subcommands never load Textual

    make_app(config).run()
    return EXIT_OK


def _app_usage_problem(paths: Sequence[str]) -> str | None:
    """Why the reader's PATH arguments cannot be what the user meant, or None.

    A first word that is no existing path is a mistyped command ("analyse"), not a
    folder to open; a URL is not a file.
    """
    for path in paths:
        if _URL.match(path):
            return f"cannot open a URL ({path}): save the page and give its file"
    if paths and not Path(paths[0]).exists():
        close = difflib.get_close_matches(paths[0], SUBCOMMANDS, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"commands: {', '.join(SUBCOMMANDS)}"
        return f"'{paths[0]}' is neither a command nor an existing file or folder ({hint})"
    return None


def _workers(value: str) -> int:
    """Parse ``--workers``: a whole number of processes, 0 or more."""
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if count < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return count


def _config(options: argparse.Namespace) -> Config:
    paths = tuple(Path(p) for p in getattr(options, "paths", ())) or default_paths()
    config = Config(paths=paths, workers=getattr(options, "workers", None),
                    home=getattr(options, "home", None),
                    use_cache=not getattr(options, "no_cache", False),
                    library=getattr(options, "library", False))
    if getattr(options, "max_size", None) is None:
        return config
    return replace(config, max_bytes=options.max_size)


def _corpus_arguments(command: argparse.ArgumentParser, json_help: str) -> None:
    """The arguments of a subcommand that analyses a corpus (analyze, stories)."""
    command.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    command.add_argument("--json", action="store_true", help=json_help)
    command.add_argument("--max-size", type=_size_in_bytes, default=None, metavar="MB",
                         help="skip files larger than this (default 20)")
    command.add_argument("--workers", type=_workers, default=None, metavar="N",
                         help="analysis processes, 0 to analyse in this process (default: "
                         "one per core for 200 or more articles on a machine with two cores "
                         "or more, else 0)")


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsroom")
    parser.add_argument("--version", action="version", version=f"newsroom {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, about, json_help in (
        ("analyze", "clean and analyse articles", "print the JSON contract"),
        ("stories", "group articles into stories, one a real event", "print the JSON stories list"),
    ):
        command = commands.add_parser(name, help=about)
        _corpus_arguments(command, json_help)
        add_library_options(command)
        _library_argument(command)
    add_library_commands(commands)
    add_feed_commands(commands)
    align = commands.add_parser(
        "align", help="align two articles passage by passage",
        description="A and B are files, records FILE#N of a JSON/JSONL/CSV file, or ids "
        "as 'newsroom analyze PATH' lists them (then give that PATH with --in).")
    align.add_argument("articles", nargs=2, metavar="ARTICLE", help="article A, then article B")
    align.add_argument("--in", dest="paths", action="append", default=[], metavar="PATH",
                       help="look the ids up among the articles under PATH (repeatable)")
    align.add_argument("--json", action="store_true", help="print the JSON contract")
    align.add_argument("--max-size", type=_size_in_bytes, default=None, metavar="MB")
    overlap = commands.add_parser("overlap", help="which articles share passages (who copied whom)")
    overlap.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    overlap.add_argument("--json", action="store_true", help="print the JSON contract")
    overlap.add_argument("--threshold", type=float, default=0.1, metavar="SHARE",
                         help="keep pairs where one side shares at least this (default 0.1)")
    overlap.add_argument("--aliases", action="store_true",
                         help="find actors first so name variants compare equal (slower)")
    overlap.add_argument("--max-size", type=_size_in_bytes, default=None, metavar="MB")
    add_share_commands(commands, _size_in_bytes)
    return parser


def _run_subcommand(args: list[str]) -> int:
    options = _subcommand_parser().parse_args(args)
    if options.command in ("feeds", "url"):
        return run_feed_command(options)
    config = _config(options)
    if config.library and options.paths:
        print(f"newsroom {options.command}: error: give PATHs or --library, not both",
              file=sys.stderr)
        return EXIT_USAGE
    if options.command == "analyze":
        corpus = _load_corpus(config)
        if options.json:
            _print_json(corpus_to_json(corpus))
        else:
            print_table(corpus, sys.stdout)
        report_errors(corpus.errors, sys.stderr)
        return EXIT_OK if corpus.articles else EXIT_NOTHING_LOADED
    if options.command == "stories":
        corpus = _load_corpus(config)
        if options.json:
            _print_json(stories_to_json(corpus))
        else:
            print_stories(corpus.stories, sys.stdout)
        report_errors(corpus.errors, sys.stderr)
        return EXIT_OK if corpus.articles else EXIT_NOTHING_LOADED
    if options.command in ("cache", "state"):
        return run_library_command(options)
    if options.command == "report":
        return run_report(options, config, _analyse_all(config), _load_corpus)
    if options.command == "serve":
        return run_serve(options)
    if options.command == "align":
        return _align(config, options.articles, options.paths, as_json=options.json)
    return _overlap(config, options.threshold, with_actors=options.aliases,
                    as_json=options.json)


def _align(config: Config, wanted: Sequence[str], among: Sequence[str], *,
           as_json: bool) -> int:
    from reader.core.align import alignment_to_json
    from reader.core.pipeline import compare_articles

    documents, errors = pick_documents(wanted, among, config.max_bytes)
    corpus = analyse_corpus(documents, errors, _analyse_all(config))
    report_errors(corpus.errors, sys.stderr)
    if len(corpus.articles) != 2:
        print(f"newsroom align: needs two articles, got "
              f"{counted(len(corpus.articles), 'article')}",
              file=sys.stderr)
        return EXIT_NOTHING_LOADED
    a, b = (item.article for item in corpus.articles)
    alignment = compare_articles(a, b, corpus.actors)
    if as_json:
        _print_json(alignment_to_json(alignment, a, b))
    else:
        print_alignment(alignment, a, b, sys.stdout)
    return EXIT_OK


def _overlap(config: Config, threshold: float, *, with_actors: bool, as_json: bool) -> int:
    from reader.core.align import alignment_to_json, find_overlaps
    from reader.core.pipeline import name_aliases
    from reader.core.text import clean_corpus

    if with_actors:
        corpus = _load_corpus(config)
        errors = corpus.errors
        articles = [item.article for item in corpus.articles]
        aliases = name_aliases(corpus.actors)
    else:
        result = load_documents(config.paths, config.max_bytes)
        articles = [a for a in clean_corpus(result.documents) if a.text]
        errors = result.errors
        aliases = {}
    report_errors(errors, sys.stderr)
    found = find_overlaps(articles, threshold, aliases)
    by_id = {article.id: article for article in articles}
    if as_json:
        _print_json([alignment_to_json(al, by_id[al.a_id], by_id[al.b_id]) for al in found])
    else:
        print_overlaps(found, by_id, sys.stdout)
    return EXIT_OK if articles else EXIT_NOTHING_LOADED


def _load_corpus(config: Config) -> Corpus:
    failed: list[LoadError] = []  # articles whose analysis process died twice
    if config.library:
        return _load_library(config, failed)
    cache = open_cache(config)
    if cache is None:
        result = load_documents(config.paths, config.max_bytes)
        corpus = analyse_corpus(result.documents, result.errors, _analyse_all(config, failed))
        return replace(corpus, errors=(*corpus.errors, *failed))
    from reader.core.pipeline import story_corpus
    from reader.library.corpora import load_corpus

    try:
        return load_corpus(config.paths, config.max_bytes, cache,
                           _analyse_all(config, failed), story_corpus, failed)
    finally:
        cache.library.close()


def _load_library(config: Config, failed: list[LoadError]) -> Corpus:
    """The articles fetched into the library, analysed like a folder's."""
    from reader.library import AnalysisCache, LibraryError
    from reader.library.feeds import FeedStore

    try:
        library = open_library(config)
    except LibraryError as error:
        return Corpus(errors=(LoadError("library", str(error)),))
    try:
        if not config.use_cache:
            documents = FeedStore(library).documents()
            corpus = analyse_corpus(documents, (), _analyse_all(config, failed))
            return replace(corpus, errors=(*corpus.errors, *failed))
        from reader.core.pipeline import story_corpus
        from reader.library.corpora import load_library_corpus

        return load_library_corpus(AnalysisCache(library), _analyse_all(config, failed),
                                   story_corpus, failed)
    finally:
        library.close()


def _analyse_all(config: Config, failed: list[LoadError] | None = None,
                 ) -> Callable[[Sequence[Article]], Iterator[AnalysedArticle]]:
    """Analysis in batches, in worker processes as ``config.workers`` asks.

    Args:
        config: The run's configuration.
        failed: Gets an error for each article lost with its worker process (twice).
    """

    def analyse_all(articles: Sequence[Article]) -> Iterator[AnalysedArticle]:
        for batch in analyse_batches(articles, batch=_ANALYSE_BATCH, workers=config.workers,
                                     failed=failed):
            yield from batch

    return analyse_all


def _print_json(data: Any) -> None:
    # dumps, not dump: only the one-shot encoder is the C one (four times faster on the
    # BBC corpus), and one write beats millions of small ones.
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
