"""A table of the story screen: rows of cells drawn literally, moved with j/k as the lists."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable


class StoryTable(DataTable[object]):
    """One section's rows (coverage, pairs, quotes, actors); enter selects a row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="story_table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="story_table.up"),
        Binding("g,home", "scroll_top", "First row", show=False, id="story_table.top"),
        Binding("G,end", "scroll_bottom", "Last row", show=False, id="story_table.bottom"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
