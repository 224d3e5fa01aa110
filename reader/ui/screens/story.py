"""The story screen: who covered a story, who copied whom, its quotes across sources, actors."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from reader.core.models import Actor, AnalysedArticle, EditOp, Span, Story, StoryTrace
from reader.core.stories import sentence_shares
from reader.core.text import counted, printable
from reader.ui.messages import CompareRequested, OpenRequested
from reader.ui.render import Cell
from reader.ui.widgets.coverage_strip import legend, originals_first, strip
from reader.ui.widgets.story_list import date_range
from reader.ui.widgets.story_table import StoryTable

SECTIONS = ("coverage", "pairs", "quotes", "actors")
HINTS = {
    "coverage": "enter reads the article",
    "pairs": "enter opens the pair side by side",
    "quotes": "enter jumps to the quote in its article",
    "actors": "enter lists the articles naming the actor",
}
MATRIX_MOST = 12
"""Articles up to which who-copied-whom also shows as a matrix."""
STRIP_WIDTH = 12
# Word marks in a quote cell (a table cell takes Rich styles): each kind has its own
# text style, so the marks read without colour; the theme colour repeats it.
WORD_MARKS = {"replace": ("underline", "text-warning"), "insert": ("bold", "text-success")}
DIFFERS = {"wording": "≠ wording", "truncated": "✂ truncated", "speaker": "≠ speaker",
           "no_speaker": "? no speaker"}


def story_header(story: Story, trace: StoryTrace | None) -> Content:
    """Title, then dates, outlets, counts; all names from files through ``printable``."""
    outlets = ", ".join(printable(o) for o in story.outlets) or "no outlet named"
    details = [date_range(story), outlets, counted(len(story.articles), "article")]
    if trace is not None:
        details += [counted(len(trace.pairs), "copy pair"),
                    counted(len(trace.quotes), "shared quote")]
    return Content("\n").join([
        Content.styled(printable(story.title), "bold"),
        Content(" · ".join(details)),
        legend(),
    ])


def short_name(item: AnalysedArticle) -> str:
    """Outlet and title of an article, for a pair row (the title alone without outlet)."""
    article = item.article
    title = article.title or article.id
    return f"{article.source}: {title}" if article.source else title


class StoryScreen(Screen[None]):
    """One story: coverage rows, copy pairs, quotes across sources and actors."""

    @dataclass
    class QuotesDiffed(Message):
        """Word operations of each quote row against its group's fullest wording."""

        ops: dict[str, tuple[EditOp, ...]]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="story.back"),
        Binding("tab", "next_section", "Next section", id="story.next"),
        Binding("w", "write_report", "Write report", id="story.report",
                tooltip="Save this story as one HTML page (downloads it in a browser)"),
        Binding("shift+tab", "previous_section", "Previous section", show=False,
                id="story.previous"),
    ]

    def __init__(self, story: Story, trace: StoryTrace | None,
                 articles: Mapping[str, AnalysedArticle], actors: Sequence[Actor]) -> None:
        super().__init__()
        self.story = story
        self.trace = trace
        self.articles = {a: articles[a] for a in story.articles if a in articles}
        self.actors = [actor for actor in actors if story.id in actor.stories]
        self.actor_filter: str | None = None
        """The actor whose articles the coverage rows are limited to (None: all)."""
        pairs = trace.pairs if trace else ()
        dates = {a: item.article.date for a, item in self.articles.items()}
        self.order = originals_first(list(self.articles), pairs, dates)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(story_header(self.story, self.trace), id="story-header")
        with TabbedContent(id="story-sections"):
            with TabPane("Coverage", id="coverage"):
                yield StoryTable(id="coverage-table")
            with TabPane("Who copied whom", id="pairs"):
                yield StoryTable(id="pairs-table")
                yield Static(id="pairs-matrix")
            with TabPane("Quotes across sources", id="quotes"):
                yield StoryTable(id="quotes-table")
            with TabPane("Actors", id="actors"):
                yield StoryTable(id="actors-table")
        yield Static(id="story-status")
        yield Footer()

    def table(self, section: str) -> StoryTable:
        """The table of a section (one of ``SECTIONS``)."""
        return self.query_one(f"#{section}-table", StoryTable)

    @property
    def section(self) -> str:
        """The section shown."""
        return self.query_one(TabbedContent).active or SECTIONS[0]

    def _spare(self, fixed: int) -> int:
        """Cells left for flexible columns beside ``fixed`` cells of fixed ones."""
        width = self.size.width or self.app.size.width
        return max(16, width - fixed - 3)  # a cell spare: the table adds one

    def on_resize(self) -> None:
        # Titles take what the fixed columns leave, so the tables fit 80 columns.
        self._fill_coverage()
        self.table("pairs").clear(columns=True)
        self._fill_pairs()

    def on_mount(self) -> None:
        self._fill_coverage()
        self._fill_pairs()
        self._fill_quotes()
        self._fill_actors()
        self._diff_quotes()
        self.table("coverage").focus()
        self._status()

    # Sections ------------------------------------------------------------------------

    def _fill_coverage(self) -> None:
        table = self.table("coverage")
        table.clear(columns=True)
        strip_width = STRIP_WIDTH + 10  # and the two percentages
        title = self._spare(10 + 10 + 6 + strip_width + 5 * 2)
        for label, width in (("Outlet", 10), ("Title", title), ("Date", 10), ("Words", 6),
                             ("Shared · other words", strip_width)):
            table.add_column(Text(label), width=width)
        provenance = self.trace.provenance if self.trace else {}
        theme = self.app.theme_variables
        for article_id in self.order:
            item = self.articles[article_id]
            if self.actor_filter and not any(m.actor == self.actor_filter
                                             for m in item.mentions):
                continue
            article = item.article
            shares = sentence_shares(article, provenance.get(article_id, ()))
            figures = Text(f" {shares.reuse:>4.0%} {shares.paraphrase:>4.0%}", no_wrap=True)
            table.add_row(Cell(article.source or "—"), Cell(article.title or article.id),
                          Cell(article.date or "—"),
                          Cell(f"{article.word_count:,}", justify="right"),
                          Text.assemble(strip(shares, STRIP_WIDTH, theme), figures),
                          key=article_id)

    def _fill_pairs(self) -> None:
        table = self.table("pairs")
        side = self._spare(6 + 6 + 14 + 5 * 2) // 2
        for label, width in (("Article A", side), ("Article B", side), ("A in B", 6),
                             ("B in A", 6), ("Likely source", 14)):
            table.add_column(Text(label), width=width)
        pairs = self.trace.pairs if self.trace else ()
        for k, pair in enumerate(pairs):
            a, b = self.articles.get(pair.a), self.articles.get(pair.b)
            if a is None or b is None:
                continue
            source = "—"
            if pair.direction is not None:
                side = "A" if pair.direction == pair.a else "B"
                source = f"{side}: {self.articles[pair.direction].article.source or '—'}"
            table.add_row(Cell(short_name(a)), Cell(short_name(b)),
                          Cell(f"{pair.coverage_a:.0%}", justify="right"),
                          Cell(f"{pair.coverage_b:.0%}", justify="right"), Cell(source),
                          key=str(k))
        self.query_one("#pairs-matrix", Static).update(self._matrix())

    def _matrix(self) -> Content:
        """Share of each row's text found in each column's article, for small stories."""
        pairs = self.trace.pairs if self.trace else ()
        if not pairs:
            return Content("No two articles of this story share text.")
        if len(self.order) > MATRIX_MOST:
            return Content(f"(no matrix over {MATRIX_MOST} articles)")
        share: dict[tuple[str, str], float] = {}
        for pair in pairs:
            share[pair.a, pair.b] = pair.coverage_a
            share[pair.b, pair.a] = pair.coverage_b
        number = {a: k + 1 for k, a in enumerate(self.order)}
        lines = [Content.styled("Share of the row's text found in the column's article "
                                "(numbers as in Coverage):", "$text-muted"),
                 Content("    " + "".join(f"{n:>5}" for n in number.values()))]
        for row in self.order:
            cells = "".join(
                "    ■" if row == column else
                f"{share[row, column]:>5.0%}" if (row, column) in share else "    ·"
                for column in self.order
            )
            lines.append(Content(f"{number[row]:>3} {cells}"))
        return Content("\n").join(lines)

    def _fill_quotes(self) -> None:
        table = self.table("quotes")
        quote = self._spare(14 + 14 + 13 + 4 * 2)
        for label, width in (("Quote", quote), ("Source", 14), ("Speaker", 14),
                             ("Differs", 13)):
            table.add_column(Text(label), width=width)
        groups = self.trace.quotes if self.trace else ()
        for g, group in enumerate(groups):
            for k, occurrence in enumerate(group.occurrences):
                item = self.articles.get(occurrence.article)
                if item is None or occurrence.quote >= len(item.quotes):
                    continue
                marks = ", ".join(DIFFERS.get(d, d) for d in occurrence.differs)
                quote_cell = self._quote_cell(k, item.article.text,
                                              item.quotes[occurrence.quote].span)
                table.add_row(quote_cell,
                              Cell(item.article.source or item.article.title
                                   or item.article.id),
                              Cell(occurrence.speaker or "(none named)"), Cell(marks),
                              key=f"{g}:{k}")

    def _quote_cell(self, k: int, text: str, span: Span, ops: Sequence[EditOp] = ()) -> Text:
        """A quote as one source gives it (the group's first unindented), words marked."""
        prefix = "“" if k == 0 else "  “"
        # printable keeps offsets: one symbol for each control character.
        cell = Text(prefix + printable(text[span.start : span.end]) + "”", no_wrap=True,
                    overflow="ellipsis")
        theme = self.app.theme_variables
        for op in ops:
            if op.op in WORD_MARKS and len(op.b):
                look, colour = WORD_MARKS[op.op]
                at = len(prefix) - span.start
                cell.stylize(Style.parse(look) + Style(color=theme.get(colour)),
                             op.b.start + at, op.b.end + at)
        return cell

    def _quote_text(self, article_id: str, quote: int) -> tuple[str, Span] | None:
        item = self.articles.get(article_id)
        if item is None or quote >= len(item.quotes):
            return None
        return item.article.text, item.quotes[quote].span

    @work(thread=True, exclusive=True, group="quote-diff", exit_on_error=False,
          description="Comparing quote wordings")
    def _diff_quotes(self) -> None:
        """Each occurrence's words against its group's fullest one (the first that
        differs in nothing), off the UI thread: a big story has hundreds."""
        from reader.core.align import diff_words

        ops: dict[str, tuple[EditOp, ...]] = {}
        for g, group in enumerate(self.trace.quotes if self.trace else ()):
            fullest = next((o for o in group.occurrences if not o.differs),
                           group.occurrences[0])
            reference = self._quote_text(fullest.article, fullest.quote)
            for k, occurrence in enumerate(group.occurrences):
                mine = self._quote_text(occurrence.article, occurrence.quote)
                if occurrence is fullest or reference is None or mine is None:
                    continue
                ops[f"{g}:{k}"] = diff_words(*reference, *mine)
        self.post_message(self.QuotesDiffed(ops))

    @on(QuotesDiffed)
    def _quotes_diffed(self, message: QuotesDiffed) -> None:
        table = self.table("quotes")
        column = next(iter(table.columns))
        for key, ops in message.ops.items():
            g, k = (int(n) for n in key.split(":"))
            occurrence = self.trace.quotes[g].occurrences[k] if self.trace else None
            found = occurrence and self._quote_text(occurrence.article, occurrence.quote)
            if found and key in table.rows:
                table.update_cell(key, column, self._quote_cell(k, *found, ops))

    def _fill_actors(self) -> None:
        table = self.table("actors")
        for label, width in (("Actor", 30), ("Kind", 13), ("Mentions", 8),
                             ("Articles", 8)):
            table.add_column(Text(label), width=width)
        mentions: Counter[str] = Counter()
        articles: Counter[str] = Counter()
        for item in self.articles.values():
            named = [m.actor for m in item.mentions if m.actor]
            mentions.update(named)
            articles.update(set(named))
        ranked = sorted(self.actors, key=lambda a: (-mentions[a.id], a.name.casefold()))
        for actor in ranked:
            table.add_row(Cell(actor.name), Cell(actor.kind),
                          Cell(str(mentions[actor.id]), justify="right"),
                          Cell(str(articles[actor.id]), justify="right"), key=actor.id)

    # Keys ----------------------------------------------------------------------------

    def _show_section(self, section: str) -> None:
        self.query_one(TabbedContent).active = section
        self.table(section).focus()
        self._status()

    def action_next_section(self) -> None:
        self._show_section(SECTIONS[(SECTIONS.index(self.section) + 1) % len(SECTIONS)])

    def action_previous_section(self) -> None:
        self._show_section(SECTIONS[(SECTIONS.index(self.section) - 1) % len(SECTIONS)])

    @on(TabbedContent.TabActivated)
    def _tab_clicked(self) -> None:
        self.table(self.section).focus()
        self._status()

    def action_write_report(self) -> None:
        from reader.core.report import StoryReport, render_story
        from reader.ui.report_delivery import generated_now, write_report

        report = StoryReport(self.story, self.trace,
                             tuple(self.articles[a] for a in self.order), tuple(self.actors),
                             generated_now())
        write_report(self, lambda: render_story(report), self.story.title)

    def action_back(self) -> None:
        if self.actor_filter is not None:
            self.actor_filter = None
            self._fill_coverage()
            self._status()
            return
        self.app.pop_screen()

    @on(DataTable.RowSelected, "#coverage-table")
    def _open_article(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(OpenRequested(str(event.row_key.value)))

    @on(DataTable.RowSelected, "#pairs-table")
    def _compare_pair(self, event: DataTable.RowSelected) -> None:
        event.stop()
        assert self.trace is not None  # a pair row comes from the trace
        pair = self.trace.pairs[int(str(event.row_key.value))]
        # The likely source on the left, so the copy reads as what it took.
        a, b = (pair.b, pair.a) if pair.direction == pair.b else (pair.a, pair.b)
        self.post_message(CompareRequested(a, b))

    @on(DataTable.RowSelected, "#quotes-table")
    def _jump_to_quote(self, event: DataTable.RowSelected) -> None:
        event.stop()
        assert self.trace is not None  # a quote row comes from the trace
        g, k = (int(n) for n in str(event.row_key.value).split(":"))
        occurrence = self.trace.quotes[g].occurrences[k]
        self.post_message(OpenRequested(occurrence.article, quote=occurrence.quote))

    @on(DataTable.RowSelected, "#actors-table")
    def _filter_actor(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.actor_filter = str(event.row_key.value)
        self._fill_coverage()
        self._show_section("coverage")

    def _status(self) -> None:
        parts = [HINTS[self.section]]
        if self.actor_filter is not None:
            actor = next((a for a in self.actors if a.id == self.actor_filter), None)
            name = printable(actor.name) if actor else self.actor_filter
            shown = self.table("coverage").row_count
            parts.insert(0, f"{shown} of {len(self.articles)} articles naming {name} "
                            "(escape clears)")
        self.query_one("#story-status", Static).update(Content(" · ".join(parts)))
