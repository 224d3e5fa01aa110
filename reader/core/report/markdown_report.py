"""Reports in GitHub-flavoured Markdown: tables, ``~~struck~~`` and ``**bold**`` words.

Outside text has every Markdown and HTML special character backslash-escaped (and
``&``, ``<``, ``>`` as entities), so a title cannot become a link, a heading or a tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reader.core.models import Article, SentenceProvenance
from reader.core.report.inputs import (
    PairReport,
    Piece,
    StoryReport,
    one_line,
    provenance_pieces,
    quote_diff,
    rows,
    side_pieces,
    speech,
    story_actors,
    web_url,
)
from reader.core.stories import sentence_shares

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~:])")
# What makes a list item or a numbered one at the start of a line.
_LINE_START = re.compile(r"^(\d*)([-+.)])(?=\s)")
_MARKS = {"del": "~~", "ins": "**", "rep": "_", "only": "", "reuse": "**", "paraphrase": "_"}
LEGEND = ("Marks: ~~struck~~ words the other side lacks, **bold** words only this side has, "
          "_italic_ words worded differently; a passage only one side has stands alone in its "
          "row.")


def escape_md(text: str) -> str:
    """Outside text as literal Markdown: specials escaped, one line (tables need it)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _LINE_START.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", " ".join(text.split())))


def pair_markdown(report: PairReport) -> str:
    """The pair report in Markdown."""
    a, b = report.a.article, report.b.article
    alignment = report.alignment
    lines = [f"# Side by side: {escape_md(one_line(a.title, a.id))} / "
             f"{escape_md(one_line(b.title, b.id))}", "",
             f"Report made {escape_md(report.generated)}", "",
             _header(a, "A"), _header(b, "B"), "", "## Coverage", "",
             "| side | shared with the other side | passages only here |", "|---|---:|---:|",
             f"| A | {alignment.coverage_a:.0%} | {len(alignment.unique_a)} |",
             f"| B | {alignment.coverage_b:.0%} | {len(alignment.unique_b)} |", "",
             f"{len(alignment.pairs)} aligned pairs, "
             f"{sum(p.moved for p in alignment.pairs)} moved.", "", "## Passages", "", LEGEND,
             "", "| # | A | B |", "|---|---|---|"]
    for number, row in enumerate(rows(report), start=1):
        label = (f"{row.pair.kind} {row.pair.score:.2f}{' moved' if row.pair.moved else ''}"
                 if row.pair else f"only in {'A' if row.a is not None else 'B'}")
        lines.append(f"| {number} {label} | {_pieces(side_pieces(a, row, 'a'))} | "
                     f"{_pieces(side_pieces(b, row, 'b'))} |")
    lines += ["", "## Quotes", ""]
    for label, item in (("A", report.a), ("B", report.b)):
        lines += [f"### {label}", "", "| quote | speaker |", "|---|---|"]
        lines += [f"| {escape_md(item.article.text[q.span.start:q.span.end])} | "
                  f"{escape_md(one_line(q.speaker))} |" for q in speech(item)]
        lines.append("")
    return "\n".join(lines)


def story_markdown(report: StoryReport) -> str:
    """The story report in Markdown; article numbers link to the article sections."""
    story = report.story
    provenance = report.trace.provenance if report.trace else {}
    lines = [f"# {escape_md(one_line(story.title, story.id))}", "",
             f"Story {escape_md(story.id)}, {len(report.articles)} articles, "
             f"{len(story.outlets)} outlets, {escape_md(one_line(story.first_date))} to "
             f"{escape_md(one_line(story.last_date))}; report made "
             f"{escape_md(report.generated)}", "", "## Coverage", "",
             "| # | outlet | title | date | words | shared | other words |",
             "|---:|---|---|---|---:|---:|---:|"]
    for k, item in enumerate(report.articles, start=1):
        article = item.article
        share = sentence_shares(article, provenance.get(article.id, ()))
        lines.append(f"| {k} | {escape_md(one_line(article.source))} | {_link(report, article.id)}"
                     f" | {escape_md(one_line(article.date))} | {article.word_count:,} | "
                     f"{share.reuse:.0%} | {share.paraphrase:.0%} |")
    lines += ["", "## Who copied whom", ""]
    pairs = report.trace.pairs if report.trace else ()
    if pairs:
        lines += ["| article A | article B | A in B | B in A | likely source |",
                  "|---|---|---:|---:|---|"]
        lines += [f"| {_link(report, p.a)} | {_link(report, p.b)} | {p.coverage_a:.0%} | "
                  f"{p.coverage_b:.0%} | "
                  f"{_link(report, p.direction) if p.direction else 'undecided'} |"
                  for p in pairs]
    else:
        lines.append("No two articles share text.")
    lines += ["", "## Quotes across sources", ""]
    groups = report.trace.quotes if report.trace else ()
    if not groups:
        lines.append("No quote is carried by two articles.")
    for group in groups:
        lines += [f"### “{escape_md(one_line(group.text))}”", "",
                  "| article | speaker | differs | as given (against the fullest) |",
                  "|---|---|---|---|"]
        lines += [f"| {_link(report, o.article)} | {escape_md(one_line(o.speaker))} | "
                  f"{', '.join(o.differs) or '—'} | {_pieces(quote_diff(report, group, k))} |"
                  for k, o in enumerate(group.occurrences)]
        lines.append("")
    lines += ["", "## Actors", "", "| name | kind | role | mentions |", "|---|---|---|---:|"]
    lines += [f"| {escape_md(actor.name)} | {actor.kind} | {escape_md(one_line(actor.role))} | "
              f"{mentions} |" for actor, mentions in story_actors(report)]
    lines += ["", "## Articles", "",
              "Marks: **bold** wording shared with another article, _italic_ the same fact "
              "in other words; [n] names those articles.", ""]
    for item in report.articles:
        lines += _story_article(report, item.article, provenance.get(item.article.id, ()))
    return "\n".join(lines)


def _header(article: Article, label: str) -> str:
    url = web_url(article.url)
    where = f" · {_url_link(url)}" if url else ""
    return (f"- **{label}**: {escape_md(one_line(article.title, article.id))} · "
            f"{escape_md(one_line(article.source, 'unknown outlet'))} · "
            f"{escape_md(one_line(article.date, 'no date'))}{where} · "
            f"{escape_md(article.id)}")


def _url_link(url: str) -> str:
    """A Markdown link to an http(s) URL, its target percent-encoded where Markdown cares."""
    target = "".join(f"%{ord(c):02X}" if c in "()<>[]`" else c for c in url)
    return f"[{escape_md(url)}]({target})"


def _pieces(pieces: Iterable[Piece]) -> str:
    out = []
    for piece in pieces:
        text = escape_md(piece.text)
        mark = _MARKS.get(piece.mark or "", "")
        out.append(f"{mark}{text}{mark}" if mark and text else text)
    return " ".join(part for part in out if part)


def _link(report: StoryReport, article_id: str) -> str:
    item = report.item(article_id)
    if item is None:
        return escape_md(article_id)
    title = escape_md(one_line(item.article.title, item.article.id))
    return f"[{report.position(article_id) + 1}. {title}](#{report.anchor(article_id)})"


def _story_article(report: StoryReport, article: Article,
                   records: Sequence[SentenceProvenance]) -> list[str]:
    item = report.item(article.id)
    assert item is not None
    url = web_url(article.url)
    parts = []
    for piece, others in provenance_pieces(item, records):
        refs = "".join(f"\\[{report.position(o) + 1}\\]" for o in others
                       if report.item(o) is not None)
        parts.append(_pieces([piece]) + refs)
    return [f'<a id="{report.anchor(article.id)}"></a>', "",
            f"### {report.position(article.id) + 1}. "
            f"{escape_md(one_line(article.title, article.id))}", "",
            f"{escape_md(one_line(article.source, 'unknown outlet'))} · "
            f"{escape_md(one_line(article.date, 'no date'))}"
            f"{f' · {_url_link(url)}' if url else ''}", "", " ".join(parts), ""]
