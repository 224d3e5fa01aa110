"""A picker for the other side of the side-by-side view."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.core.models import Article


class ChooseArticleScreen(ModalScreen[str | None]):
    """Lists the other articles; enter picks one, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choose.cancel"),
        Binding("q", "app.quit", "Quit", id="choose.quit"),
        Binding("j", "cursor_down", "Down", show=False, id="choose.down"),
        Binding("k", "cursor_up", "Up", show=False, id="choose.up"),
    ]

    def __init__(self, current: Article, articles: dict[str, Article]) -> None:
        super().__init__()
        self.current = current
        self.articles = articles

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble("Compare ", (self.current.title or self.current.id,
                                                   "bold"), " with…"), id="choose-title")
        yield OptionList(
            *[
                Option(Content.assemble((a.source or "—", "$text-muted"), "  ",
                                        a.title or a.id), id=a.id)
                for a in self.articles.values()
                if a.id != self.current.id
            ],
            id="choose-list",
        )

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()
