"""Command line: ``newsroom [PATH...]`` opens the reader; subcommands print analysis."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from reader import __version__
from reader.config import Config, default_paths
from reader.core.export import corpus_to_json
from reader.core.models import Corpus
from reader.core.pipeline import analyse_corpus
from reader.sources.files import load_documents

EXIT_OK = 0
EXIT_NOTHING_LOADED = 2
SUBCOMMANDS = ("analyze", "align", "overlap")


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
        print(f"newsroom: error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1


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
    parser = argparse.ArgumentParser(
        prog="newsroom",
        description="Read one story across many outlets. Opens the reader on PATHs "
        "(default: seeds/). Subcommands: analyze, align, overlap (see 'newsroom "
        "SUBCOMMAND --help').",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument("--max-size", type=_size_in_bytes, default=None, metavar="MB",
                        help="skip files larger than this (default 20)")
    parser.add_argument("--version", action="version", version=f"newsroom {__version__}")
    return parser


def _run_app(args: list[str]) -> int:
    options = _app_parser().parse_args(args)
    config = _config(options)
    from reader.ui.app import make_app  # lazy: the CLI subcommands never load Textual

    make_app(config).run()
    return EXIT_OK


def _config(options: argparse.Namespace) -> Config:
    paths = tuple(Path(p) for p in options.paths) or default_paths()
    if options.max_size is None:
        return Config(paths=paths)
    return Config(paths=paths, max_bytes=options.max_size)


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsroom")
    parser.add_argument("--version", action="version", version=f"newsroom {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="clean and analyse articles")
    analyze.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    analyze.add_argument("--json", action="store_true", help="print the JSON contract")
    analyze.add_argument("--max-size", type=_size_in_bytes, default=None, metavar="MB",
                         help="skip files larger than this (default 20)")
    return parser


def _run_subcommand(args: list[str]) -> int:
    options = _subcommand_parser().parse_args(args)
    config = _config(options)
    if options.command == "analyze":
        corpus = _load_corpus(config)
        if options.json:
            _print_json(corpus_to_json(corpus))
        else:
            _print_table(corpus, sys.stdout)
        _report_errors(corpus, sys.stderr)
        return EXIT_OK if corpus.articles else EXIT_NOTHING_LOADED
    raise AssertionError(f"unhandled command {options.command}")


def _load_corpus(config: Config) -> Corpus:
    result = load_documents(config.paths, config.max_bytes)
    return analyse_corpus(result.documents, result.errors)


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


def _print_table(corpus: Corpus, out: TextIO) -> None:
    """A readable listing: one row an article."""
    header = f"{'ID':<24} {'DATE':<10} {'SOURCE':<16} {'WORDS':>6} {'QUOTES':>6}  TITLE"
    out.write(header + "\n")
    for item in corpus.articles:
        article = item.article
        out.write(
            f"{_cut(article.id, 24):<24} {article.date or '-':<10} "
            f"{_cut(article.source or '-', 16):<16} {article.word_count:>6} "
            f"{len(item.quotes):>6}  {_cut(article.title or '(untitled)', 60)}\n"
        )
    out.write(f"{len(corpus.articles)} articles, {len(corpus.errors)} errors\n")


def _report_errors(corpus: Corpus, out: TextIO) -> None:
    for error in corpus.errors:
        out.write(f"skipped {error.path}: {error.error}\n")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
