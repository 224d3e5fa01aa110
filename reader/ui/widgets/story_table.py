"""A table of the story screen: rows of cells drawn literally, moved with j/k as the lists."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable

from reader.ui.widgets.article_list import ArticleList


class StoryTable(DataTable[object]):
    """Rows of stories or of one story's section; enter selects a row.

    The story list and the story screen's tables (coverage, pairs, quotes, actors).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="story_table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="story_table.up"),
        Binding("g,home", "scroll_top", "First row", show=False, id="story_table.top"),
        Binding("G,end", "scroll_bottom", "Last row", show=False, id="story_table.bottom"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._line_style = Style()  # the frame's style, for the borrowed drawing below

    # Stock DataTable draws every visible line again on each cursor move: 29 ms a key
    # (p50) over 1,227 stories on a busy machine, 13 ms with the article list's drawing,
    # which redraws only the rows the cursor leaves and enters. That drawing uses nothing
    # of the article list but the DataTable and ``_line_style``, so it is shared as is.
    vertical_scrollbar = ArticleList.vertical_scrollbar
    render_line = ArticleList.render_line
    _cursor_and_hover = ArticleList._cursor_and_hover
    _render_line = ArticleList._render_line

    def render_lines(self, crop: Region) -> list[Strip]:
        # DataTable asks for the widget's style once a line, each time walking the
        # styles of every ancestor: once a frame is enough.
        self._line_style = self.rich_style
        return super().render_lines(crop)
