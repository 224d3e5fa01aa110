"""Reports as one self-contained HTML page: inline CSS, no script, no outside URL.

Every piece of outside text goes through ``html.escape``; an article's URL becomes a
link only when it is http(s), and anchors inside the page are made from positions, never
from ids or titles.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

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

_CSS = """
:root { color-scheme: light; --ins: #d7f5dd; --del: #fbd9d9; --rep: #fdf0c4;
  --only: #e4ecfb; --reuse: #d7f5dd; --paraphrase: #fdf0c4; --line: #ccc; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto;
  max-width: 72rem; padding: 1rem; line-height: 1.5; color: #111; background: #fff; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left;
  vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; padding: .5rem 0;
  border-top: 1px solid var(--line); }
.row .label { grid-column: 1 / -1; font-size: .8rem; color: #555; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
del, .del { background: var(--del); text-decoration: line-through; }
ins, .ins { background: var(--ins); text-decoration: none; font-weight: 600; }
.rep { background: var(--rep); }
.only { background: var(--only); }
.reuse { background: var(--reuse); }
.paraphrase { background: var(--paraphrase); }
.legend span { padding: 0 .3rem; margin-right: .5rem; }
.meta { color: #444; font-size: .9rem; }
sup a { text-decoration: none; }
@media (max-width: 700px) {
  .sides, .row { grid-template-columns: 1fr; }
  body { padding: .5rem; }
}
@media print {
  body { max-width: none; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .row { break-inside: avoid; }
  a { color: inherit; }
}
"""

_LEGEND = (
    '<p class="legend">Marks: <del>words the other side lacks</del> <ins>words only this '
    'side has</ins> <span class="rep">worded differently</span> <span class="only">passage '
    "only on this side</span></p>"
)


def pair_html(report: PairReport) -> str:
    """The pair report page."""
    a, b = report.a.article, report.b.article
    alignment = report.alignment
    parts = [_head(f"{one_line(a.title, a.id)} / {one_line(b.title, b.id)}"),
             "<h1>Side by side</h1>",
             f'<p class="meta">Report made {escape(report.generated)}</p>',
             '<div class="sides">',
             _header(a, "A", alignment.coverage_a), _header(b, "B", alignment.coverage_b),
             "</div>", "<h2>Coverage</h2>",
             "<table><tr><th></th><th>shared with the other side</th><th>passages only "
             "here</th></tr>",
             f'<tr><td>A</td><td class="num">{alignment.coverage_a:.0%}</td>'
             f'<td class="num">{len(alignment.unique_a)}</td></tr>',
             f'<tr><td>B</td><td class="num">{alignment.coverage_b:.0%}</td>'
             f'<td class="num">{len(alignment.unique_b)}</td></tr></table>',
             f"<p>{len(alignment.pairs)} aligned pairs, "
             f"{sum(p.moved for p in alignment.pairs)} moved.</p>",
             '<h2 id="passages">Passages</h2>', _LEGEND]
    for number, row in enumerate(rows(report), start=1):
        if row.pair is not None:
            moved = ", moved" if row.pair.moved else ""
            label = f"#{number} {row.pair.kind} {row.pair.score:.2f}{moved}"
        else:
            label = f"#{number} only in {'A' if row.a is not None else 'B'}"
        kind = "pair" if row.pair is not None else "unique"
        parts.append(
            f'<div class="row {kind}"><div class="label">{escape(label)}</div>'
            f'<div class="text side-a">{_pieces(side_pieces(a, row, "a"))}</div>'
            f'<div class="text side-b">{_pieces(side_pieces(b, row, "b"))}</div></div>'
        )
    parts.append('<h2 id="quotes">Quotes</h2><div class="sides">')
    for label, item in (("A", report.a), ("B", report.b)):
        quotes = [(one_line(item.article.text[q.span.start:q.span.end]), q.speaker)
                  for q in speech(item)]
        parts.append(f"<div><h3>{label}</h3>{_quote_table(quotes)}</div>")
    parts.append("</div></body></html>\n")
    return "\n".join(parts)


def story_html(report: StoryReport) -> str:
    """The story report page: coverage, copies, quotes, actors, then each article."""
    story = report.story
    provenance = report.trace.provenance if report.trace else {}
    parts = [_head(one_line(story.title, story.id)),
             f"<h1>{escape(one_line(story.title, story.id))}</h1>",
             f'<p class="meta">Story {escape(one_line(story.id))} · '
             f"{len(report.articles)} articles · {len(story.outlets)} outlets · "
             f"{escape(one_line(story.first_date))} to {escape(one_line(story.last_date))} · "
             f"report made {escape(report.generated)}</p>",
             '<nav><a href="#coverage">Coverage</a> · <a href="#pairs">Who copied whom</a> · '
             '<a href="#quotes">Quotes</a> · <a href="#actors">Actors</a> · '
             '<a href="#articles">Articles</a></nav>',
             '<h2 id="coverage">Coverage</h2>',
             "<table><tr><th>#</th><th>Outlet</th><th>Title</th><th>Date</th><th>Words</th>"
             "<th>Shared</th><th>Other words</th></tr>"]
    for k, item in enumerate(report.articles, start=1):
        article = item.article
        share = sentence_shares(article, provenance.get(article.id, ()))
        parts.append(
            f"<tr><td>{k}</td><td>{escape(one_line(article.source))}</td>"
            f"<td>{_link(report, article.id)}</td><td>{escape(one_line(article.date))}</td>"
            f'<td class="num">{article.word_count:,}</td>'
            f'<td class="num">{share.reuse:.0%}</td><td class="num">{share.paraphrase:.0%}'
            "</td></tr>"
        )
    parts.append('</table><h2 id="pairs">Who copied whom</h2>')
    pairs = report.trace.pairs if report.trace else ()
    if pairs:
        parts.append("<table><tr><th>Article A</th><th>Article B</th><th>A in B</th>"
                     "<th>B in A</th><th>Likely source</th></tr>")
        for pair in pairs:
            source = _link(report, pair.direction) if pair.direction else "undecided"
            parts.append(f"<tr><td>{_link(report, pair.a)}</td><td>{_link(report, pair.b)}"
                         f'</td><td class="num">{pair.coverage_a:.0%}</td>'
                         f'<td class="num">{pair.coverage_b:.0%}</td><td>{source}</td></tr>')
        parts.append("</table>")
    else:
        parts.append("<p>No two articles share text.</p>")
    parts.append('<h2 id="quotes">Quotes across sources</h2>')
    groups = report.trace.quotes if report.trace else ()
    if not groups:
        parts.append("<p>No quote is carried by two articles.</p>")
    for number, group in enumerate(groups, start=1):
        parts.append(f'<h3 id="quote-{number}">“{escape(one_line(group.text))}”</h3>'
                     "<table><tr><th>Article</th><th>Speaker</th><th>Differs</th>"
                     "<th>As given (against the fullest)</th></tr>")
        for k, occurrence in enumerate(group.occurrences):
            differs = ", ".join(occurrence.differs) or "—"
            parts.append(
                f"<tr><td>{_link(report, occurrence.article)}</td>"
                f"<td>{escape(one_line(occurrence.speaker))}</td><td>{escape(differs)}</td>"
                f'<td class="text quote">{_pieces(quote_diff(report, group, k))}</td></tr>'
            )
        parts.append("</table>")
    parts.append('<h2 id="actors">Actors</h2>')
    parts.append("<table><tr><th>Name</th><th>Kind</th><th>Role</th><th>Mentions</th>"
                 "<th>Also called</th></tr>")
    for actor, mentions in story_actors(report):
        parts.append(
            f"<tr><td>{escape(one_line(actor.name))}</td><td>{escape(actor.kind)}</td>"
            f"<td>{escape(one_line(actor.role))}</td><td class=\"num\">{mentions}</td>"
            f"<td>{escape(', '.join(one_line(n) for n in actor.aliases) or '—')}</td></tr>"
        )
    parts.append('</table><h2 id="articles">Articles</h2>'
                 '<p class="legend">Marks: <span class="reuse">wording shared with another '
                 'article</span> <span class="paraphrase">the same fact in other words</span> '
                 "(the numbers link to those articles)</p>")
    for item in report.articles:
        parts.append(_story_article(report, item.article, provenance.get(item.article.id, ())))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _head(title: str) -> str:
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>")


def _header(article: Article, label: str, coverage: float) -> str:
    url = web_url(article.url)
    link = f'<a href="{escape(url)}">{escape(url)}</a>' if url else escape(one_line(article.url))
    return (f'<header class="side"><h2>{label}: {escape(one_line(article.title, article.id))}'
            f'</h2><p class="meta">{escape(one_line(article.source, "unknown outlet"))} · '
            f"{escape(one_line(article.date, 'no date'))} · {coverage:.0%} shared<br>"
            f"{link}<br>{escape(one_line(article.id))}</p></header>")


def _pieces(pieces: Iterable[Piece]) -> str:
    out = []
    for piece in pieces:
        text = escape(piece.text)
        if piece.mark == "del":
            out.append(f"<del>{text}</del>")
        elif piece.mark == "ins":
            out.append(f"<ins>{text}</ins>")
        elif piece.mark is None:
            out.append(text)
        else:
            out.append(f'<span class="{piece.mark}">{text}</span>')
    return "".join(out)


def _quote_table(quotes: Sequence[tuple[str, str | None]]) -> str:
    if not quotes:
        return "<p>No quotes.</p>"
    body = "".join(f"<tr><td>{escape(text)}</td><td>{escape(one_line(speaker))}</td></tr>"
                   for text, speaker in quotes)
    return f"<table><tr><th>Quote</th><th>Speaker</th></tr>{body}</table>"


def _link(report: StoryReport, article_id: str) -> str:
    item = report.item(article_id)
    if item is None:
        return escape(one_line(article_id))
    title = one_line(item.article.title, item.article.id)
    return f'<a href="#{report.anchor(article_id)}">{escape(title)}</a>'


def _story_article(report: StoryReport, article: Article,
                   records: Sequence[SentenceProvenance]) -> str:
    item = report.item(article.id)
    assert item is not None
    url = web_url(article.url)
    link = f' · <a href="{escape(url)}">{escape(url)}</a>' if url else ""
    body = []
    for piece, others in provenance_pieces(item, records):
        marks = "".join(f'<sup><a href="#{report.anchor(o)}">{report.position(o) + 1}</a></sup>'
                        for o in others if report.item(o) is not None)
        body.append(_pieces([piece]) + marks)
    return (f'<article id="{report.anchor(article.id)}"><h3>{report.position(article.id) + 1}. '
            f"{escape(one_line(article.title, article.id))}</h3>"
            f'<p class="meta">{escape(one_line(article.source, "unknown outlet"))} · '
            f"{escape(one_line(article.date, 'no date'))}{link} · "
            f"{escape(one_line(article.id))}</p>"
            f'<div class="text">{"".join(body)}</div></article>')
