"""A table of the story screen: rows of cells drawn literally, moved with j/k as the lists."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.coordinate import Coordinate
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
        # State of the drawing borrowed from ArticleList (below).
        self._line_style = Style()
        self._look: tuple[object, ...] = ()
        self._finished: LRUCache[tuple[int, Coordinate, Coordinate], Strip] = LRUCache(200)

    # Stock DataTable draws and styles every visible line again on each cursor move: 29
    # ms a key (p50) over 1,227 stories on a busy machine. The article list's drawing
    # keeps finished lines by row, redraws only the rows the cursor leaves and enters and
    # draws one-line Cells directly. It uses nothing of the article list but the
    # DataTable and the three attributes above, so it is shared as is.
    vertical_scrollbar = ArticleList.vertical_scrollbar
    render_lines = ArticleList.render_lines
    render_line = ArticleList.render_line
    _cursor_and_hover = ArticleList._cursor_and_hover
    _render_line = ArticleList._render_line
    _render_cell = ArticleList._render_cell
