"""The actors panel: people, organisations and places with counts, and their quotes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static

from reader.core.models import Actor, AnalysedArticle
from reader.core.text import printable
from reader.ui.render import Cell

KIND_LABELS = {"person": "person", "organisation": "org", "place": "place"}


class ActorTable(DataTable[Cell]):
    """Actor rows: name, kind, articles, mentions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="actors.down"),
        Binding("k", "cursor_up", "Up", show=False, id="actors.up"),
    ]


class ActorsPanel(Vertical):
    """Actors of the corpus (or of one article) and the quotes of the selected one."""

    @dataclass
    class Selected(Message):
        """The user picked an actor (enter or click)."""

        actor_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._actors: dict[str, Actor] = {}

    def compose(self) -> ComposeResult:
        yield Static("Actors", id="actors-title", markup=False)
        yield ActorTable(id="actor-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="actor-quotes", markup=False)

    @property
    def table(self) -> ActorTable:
        """The actor table."""
        return self.query_one(ActorTable)

    def on_mount(self) -> None:
        self.table.add_column("Actor", key="name", width=22)
        self.table.add_column("Kind", key="kind", width=6)
        self.table.add_column("Arts", key="articles", width=4)
        self.table.add_column("Refs", key="mentions", width=4)

    def show_actors(self, actors: Sequence[Actor], title: str) -> None:
        """List ``actors`` (most mentioned first) under ``title``."""
        self.query_one("#actors-title", Static).update(Content(title))
        self._actors = {actor.id: actor for actor in actors}
        table = self.table
        table.clear()
        for actor in sorted(actors, key=lambda a: (-a.mentions, a.name)):
            table.add_row(
                Cell(actor.name),
                Cell(KIND_LABELS[actor.kind]),
                Cell(str(len(actor.articles)), justify="right"),
                Cell(str(actor.mentions), justify="right"),
                key=actor.id,
            )

    def show_quotes(self, actor_id: str, articles: Sequence[AnalysedArticle]) -> None:
        """List what the actor said in every source."""
        actor = self._actors.get(actor_id)
        lines: list[Content] = []
        for item in articles:
            title = printable(item.article.title or item.article.id)
            outlet = printable(item.article.source or "") or (
                title if len(title) <= 30 else title[:29] + "…")
            for quote in item.quotes:
                if quote.actor == actor_id:
                    said = item.article.text[quote.span.start : quote.span.end]
                    lines.append(Content.assemble((outlet, "bold"), ": “", said, "”"))
        name = printable(actor.name if actor else actor_id)
        header = Content.assemble((name, "bold"), f" — {len(lines)} quotes" if lines else
                                  " — no direct quotes")
        self.query_one("#actor-quotes", Static).update(Content("\n").join([header, *lines]))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Selected(str(event.row_key.value)))
