"""The actors panel: people, organisations and places with counts, and their quotes.

It lists either the corpus's actors (articles naming each, mentions in all) or one
article's (quotes and mentions in that article), filtered as you type and by kind, and
sorted by mentions, name or the middle count, either way round.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from reader.core.models import Actor, AnalysedArticle
from reader.core.text import counted, printable
from reader.ui.render import Cell

KIND_LABELS = {"person": "person", "organisation": "org", "place": "place"}
# The kind filter's steps (t cycles them), with the title's word for each.
KIND_FILTERS: tuple[tuple[str | None, str], ...] = (
    (None, "all kinds"), ("person", "people"), ("organisation", "organisations"),
    ("place", "places"),
)
SORT_ORDERS = ("mentions", "name", "count")
ARTICLE_COUNT = "Quotes"
"""The count column over one article, which also has a column of reported speech."""


@dataclass(frozen=True)
class ActorRow:
    """One actor and the two counts the panel shows for it."""

    actor: Actor
    count: int
    """Articles naming the actor (corpus) or its quotes (one article)."""
    mentions: int
    reported: int | None = None
    """Its reported speech in the article (None for the corpus, which lists no column)."""


class ActorTable(DataTable[Cell]):
    """Actor rows: name, kind, articles or quotes, mentions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="actors.down"),
        Binding("k", "cursor_up", "Up", show=False, id="actors.up"),
        Binding("g,home", "scroll_top", "First actor", show=False, id="actors.top"),
        Binding("G,end", "scroll_bottom", "Last actor", show=False, id="actors.bottom"),
    ]


class ActorQuotes(VerticalScroll):
    """The selected actor's quotes; scrolls with the keys once focused (tab)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="quotes.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="quotes.up"),
        Binding("g", "scroll_home", "Top", show=False, id="quotes.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="quotes.bottom"),
    ]


class ActorsPanel(Vertical):
    """Actors of the corpus (or of one article) and the quotes of the selected one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter actors by name as you type", show=False,
                id="actors.filter"),
        Binding("t", "cycle_kind", "Kind: all, people, organisations, places", show=False,
                id="actors.kind"),
        Binding("o", "cycle_sort", "Sort actors (mentions, name, count)", show=False,
                id="actors.sort"),
        Binding("O", "reverse_sort", "Reverse actor sort", show=False, id="actors.reverse"),
        Binding("escape", "leave_filter", "Clear the actor filter (in it)", show=False,
                id="actors.leave_filter"),
    ]

    @dataclass
    class Selected(Message):
        """The user picked an actor (enter or click)."""

        actor_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[ActorRow] = []
        self._actors: dict[str, Actor] = {}
        self._scope = "Actors"
        self._count_label = "Arts"
        self.kind: str | None = None
        """Only actors of this kind are listed (None: every kind)."""
        self.order_by = "mentions"
        """Which count (or the name) the rows are sorted by."""
        self.reverse = False
        """Sorted the other way round from the order's natural direction."""

    def compose(self) -> ComposeResult:
        yield Static("Actors", id="actors-title", markup=False)
        yield Input(placeholder="/ filter · t kind · o sort", id="actor-filter", compact=True)
        yield ActorTable(id="actor-table", cursor_type="row", zebra_stripes=True)
        with ActorQuotes(id="actor-quotes"):
            yield Static("", id="actor-quotes-text", markup=False)

    @property
    def table(self) -> ActorTable:
        """The actor table."""
        return self.query_one(ActorTable)

    @property
    def filter_input(self) -> Input:
        """The type-to-filter box above the table."""
        return self.query_one("#actor-filter", Input)

    @property
    def quotes(self) -> ActorQuotes:
        """The scrolling list of the selected actor's quotes."""
        return self.query_one(ActorQuotes)

    @property
    def shown_names(self) -> list[str]:
        """Names of the listed actors, in order."""
        return [self._actors[str(key.value)].name for key in self.table.rows]

    def show_corpus_actors(self, actors: Sequence[Actor], articles: int) -> None:
        """Every actor of the corpus: how many articles name it, mentions in all.

        Args:
            actors: The corpus's merged actors.
            articles: How many articles the corpus holds (for the title).
        """
        rows = [ActorRow(actor, len(actor.articles), actor.mentions) for actor in actors]
        self._show(rows, f"Actors in {counted(articles, 'article')}", "Arts")

    def show_article_actors(self, item: AnalysedArticle, actors: Mapping[str, Actor]) -> None:
        """The actors one article names, counted in that article alone.

        Args:
            item: The analysed article.
            actors: The corpus's actors by id (the article's mentions point at them).
        """
        mentions = Counter(m.actor for m in item.mentions if m.actor in actors)
        quotes = Counter(q.actor for q in item.speech if q.actor)
        reported = Counter(q.actor for q in item.quotes if q.actor and q.kind == "indirect")
        rows = [ActorRow(actors[actor_id], quotes[actor_id], count, reported[actor_id])
                for actor_id, count in mentions.items() if actor_id is not None]
        self._show(rows, "Actors in this article", ARTICLE_COUNT)

    def _show(self, rows: list[ActorRow], scope: str, count_label: str) -> None:
        self._rows = rows
        self._actors = {row.actor.id: row.actor for row in rows}
        self._scope = scope
        if count_label != self._count_label or not self.table.columns:
            self._count_label = count_label
            self.table.clear(columns=True)
            # Text labels: a string label would be parsed as markup.
            self.table.add_column(Text("Actor"), key="name", width=20)
            self.table.add_column(Text("Kind"), key="kind", width=6)
            self.table.add_column(Text(count_label, justify="right"), key="count", width=6)
            self.table.add_column(Text("Refs", justify="right"), key="mentions", width=4)
            if count_label == ARTICLE_COUNT:
                self.table.add_column(Text("Rep", justify="right"), key="reported", width=3)
        self._refresh_rows()

    def _refresh_rows(self) -> None:
        """List the rows that pass the filters, in the chosen order."""
        table = self.table
        current = self._current_id()
        table.clear()
        query = self.filter_input.value.strip().casefold()
        shown = [
            row for row in self._rows
            if (self.kind is None or row.actor.kind == self.kind)
            and (not query or any(query in name.casefold()
                                  for name in (row.actor.name, *row.actor.aliases)))
        ]
        shown.sort(key=self._sort_key, reverse=self.reverse)
        for row in shown:
            cells = [
                Cell(row.actor.name),
                Cell(KIND_LABELS[row.actor.kind]),
                Cell(str(row.count), justify="right"),
                Cell(str(row.mentions), justify="right"),
            ]
            if row.reported is not None:
                cells.append(Cell(str(row.reported), justify="right"))
            table.add_row(*cells, key=row.actor.id)
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current))
        self._show_title(len(shown))

    def _sort_key(self, row: ActorRow) -> tuple[object, ...]:
        """Natural direction: most first for the counts, A to Z for names."""
        name = row.actor.name.casefold()
        if self.order_by == "name":
            return (name,)
        if self.order_by == "count":
            return (-row.count, -row.mentions, name)
        return (-row.mentions, -row.count, name)

    def _show_title(self, shown: int) -> None:
        kind = next(word for value, word in KIND_FILTERS if value == self.kind)
        if self.order_by == "name":
            direction = "Z–A" if self.reverse else "A–Z"
        else:
            direction = "fewest first" if self.reverse else "most first"
        order = self._count_label.lower() if self.order_by == "count" else self.order_by
        parts = [self._scope]
        if shown != len(self._rows):
            parts.append(f"{shown} of {len(self._rows)}")
        parts += [kind, f"by {order}, {direction}"]
        self.query_one("#actors-title", Static).update(Content(" · ".join(parts)))

    def _current_id(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Escape clears the filter only while typing in it; elsewhere it is the screen's
        # (clear the list's filters, or back from the reading view).
        if action == "leave_filter":
            return self.filter_input.has_focus
        return True

    def action_filter(self) -> None:
        self.filter_input.focus()

    def action_leave_filter(self) -> None:
        self.filter_input.value = ""
        self.table.focus()

    def action_cycle_kind(self) -> None:
        kinds = [value for value, _ in KIND_FILTERS]
        self.kind = kinds[(kinds.index(self.kind) + 1) % len(kinds)]
        self._refresh_rows()

    def action_cycle_sort(self) -> None:
        self.order_by = SORT_ORDERS[(SORT_ORDERS.index(self.order_by) + 1) % len(SORT_ORDERS)]
        self.reverse = False
        self._refresh_rows()

    def action_reverse_sort(self) -> None:
        self.reverse = not self.reverse
        self._refresh_rows()

    @on(Input.Changed, "#actor-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refresh_rows()

    @on(Input.Submitted, "#actor-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.table.focus()

    def show_quotes(self, actor_id: str, articles: Sequence[AnalysedArticle]) -> None:
        """List what the actor said in ``articles``, in text order: quotes, and reported
        speech marked as such (each line names its source if many).

        Args:
            actor_id: The actor.
            articles: Where to look: the corpus, or the one article being read.
        """
        actor = self._actors.get(actor_id)
        lines: list[Content] = []
        reported = 0
        for item in articles:
            title = printable(item.article.title or item.article.id)
            outlet = printable(item.article.source or "") or (
                title if len(title) <= 30 else title[:29] + "…")
            for quote in item.quotes:
                if quote.actor != actor_id or quote.kind == "term":
                    continue
                said = item.article.text[quote.span.start : quote.span.end]
                # Reported speech is the writer's wording: no quote marks, a label instead.
                words = (Content.assemble(("reported: ", "italic"), said)
                         if quote.kind == "indirect" else Content.assemble("“", said, "”"))
                if len(articles) > 1:
                    words = Content.assemble((outlet, "bold"), ": ", words)
                lines.append(words)
                reported += quote.kind == "indirect"
        name = printable(actor.name if actor else actor_id)
        direct = len(lines) - reported
        counts = ", ".join(c for c in (counted(direct, "quote") if direct else "",
                                       f"{reported:,} reported" if reported else "") if c)
        header = Content.assemble((name, "bold"), f" — {counts}" if lines
                                  else " — no quotes or reported speech")
        self.query_one("#actor-quotes-text", Static).update(
            Content("\n").join([header, *lines]))
        self.quotes.add_class("-shown")
        self.quotes.scroll_home(animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Selected(str(event.row_key.value)))
