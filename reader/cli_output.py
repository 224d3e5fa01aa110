"""The command line's readable output: tables, alignments and error lines.

Names, ids, paths and titles come from outside (a file name may hold ESC or a newline),
so every one passes through ``printable`` before it is written: nothing printed here can
move the cursor, recolour the terminal or split a table row. JSON output is not made
here: ``json.dump`` escapes control characters itself and keeps the real path.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TextIO

from reader.core.models import Alignment, Article, Corpus, LoadError, Story
from reader.core.text import counted, printable


def print_table(corpus: Corpus, out: TextIO) -> None:
    """A readable listing: one row an article."""
    header = (f"{'ID':<24} {'DATE':<10} {'SOURCE':<16} {'WORDS':>6} {'QUOTES':>6} "
              f"{'REPORTED':>8}  TITLE")
    out.write(header + "\n")
    for item in corpus.articles:
        article = item.article
        out.write(
            f"{_cut(article.id, 24):<24} {article.date or '-':<10} "
            f"{_cut(article.source or '-', 16):<16} {article.word_count:>6} "
            f"{len(item.speech):>6} {sum(q.kind == 'indirect' for q in item.quotes):>8}  "
            f"{_cut(article.title or '(untitled)', 60)}\n"
        )
    out.write(f"{counted(len(corpus.articles), 'article')}, "
              f"{counted(len(corpus.errors), 'error')}\n")


def print_stories(stories: Sequence[Story], out: TextIO) -> None:
    """One row a story, biggest first: id, articles, outlets, dates and title."""
    out.write(f"{'STORY':<11} {'ARTICLES':>8} {'OUTLETS':>7}  {'DATES':<21}  TITLE\n")
    for story in stories:
        dates = story.first_date or "-"
        if story.last_date and story.last_date != story.first_date:
            dates = f"{dates}..{story.last_date}"
        out.write(f"{story.id:<11} {len(story.articles):>8} {len(story.outlets):>7}  "
                  f"{dates:<21}  {_cut(story.title, 70)}\n")
    articles = sum(len(story.articles) for story in stories)
    out.write(f"{counted(len(stories), 'story', 'stories')} of "
              f"{counted(articles, 'article')}\n")


def print_alignment(alignment: Alignment, a: Article, b: Article, out: TextIO) -> None:
    """A readable alignment: coverage, then each pair and each unique passage."""
    for label, article, coverage in (("A", a, alignment.coverage_a),
                                     ("B", b, alignment.coverage_b)):
        title = _cut(article.title or "(untitled)", 70)
        out.write(f"{label} {printable(article.id)}: {title}  shared {coverage:.0%}\n")
    for number, pair in enumerate(alignment.pairs, start=1):
        moved = ", moved" if pair.moved else ""
        out.write(f"\n#{number} {pair.kind} {pair.score:.2f}{moved}\n")
        out.write(f"  A {pair.a.start}-{pair.a.end}: {_cut(a.slice(pair.a), 200)}\n")
        out.write(f"  B {pair.b.start}-{pair.b.end}: {_cut(b.slice(pair.b), 200)}\n")
    for label, article, spans in (("A", a, alignment.unique_a), ("B", b, alignment.unique_b)):
        for span in spans:
            out.write(f"\nonly in {label} {span.start}-{span.end}: "
                      f"{_cut(article.slice(span), 200)}\n")


def print_overlaps(
    found: Sequence[Alignment], articles: Mapping[str, Article], out: TextIO
) -> None:
    """A readable "who shares text with whom" table: two lines a pair, A then B.

    Each line names the article by id, title and path, so an id is never the only clue.
    """
    out.write(f"{'SHARE':>6} {'PAIRS':>6}  ARTICLE\n")
    for alignment in found:
        for side, article_id, share in (("A", alignment.a_id, alignment.coverage_a),
                                        ("B", alignment.b_id, alignment.coverage_b)):
            article = articles[article_id]
            pairs = f"{len(alignment.pairs):>6}" if side == "A" else " " * 6
            out.write(f"{share:>6.0%} {pairs}  {side} {_cut(article.id, 32)}  "
                      f"{_cut(article.title or '(untitled)', 60)}  ({printable(article.path)})\n")
    out.write(f"{counted(len(found), 'overlapping pair')}\n")


def report_errors(errors: Sequence[LoadError], out: TextIO) -> None:
    """One line a file that did not load: its path and the reason."""
    for error in errors:
        out.write(f"skipped {printable(error.path)}: {printable(error.error)}\n")


def _cut(text: str, width: int) -> str:
    """One printable line of at most ``width`` characters (paragraph breaks as ¶)."""
    text = printable(text.replace("\n\n", " ¶ "))
    return text if len(text) <= width else text[: width - 1] + "…"
