"""The article list: outlet, title, date, words and quotes; sortable and filterable."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual._segment_tools import line_crop
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from reader.ui.render import Cell, fit_cell
from reader.ui.widgets.bulk_table import BulkTable
from reader.ui.widgets.list_filter import ListFilter

if TYPE_CHECKING:
    from textual.scrollbar import ScrollBar

    from reader.core.models import AnalysedArticle
    from reader.library.state import ArticleState

SORT_ORDERS: tuple[str, ...] = ("file", "date", "outlet", "title", "size")
# How each order reads in its natural direction and reversed (the status line says it).
SORT_DIRECTIONS = {
    "file": ("in order", "reversed"),
    "date": ("oldest first", "newest first"),
    "outlet": ("A–Z", "Z–A"),
    "title": ("A–Z", "Z–A"),
    "size": ("longest first", "shortest first"),
}
# More reading states than this at once rebuild the list instead of updating cells.
_CELL_UPDATES = 100
# A cursor or hover on no row at all: not even the header, which DataTable numbers -1.
_NOWHERE = Coordinate(-2, -2)


def _sort_key(order: str) -> Callable[[AnalysedArticle], tuple[object, ...]]:
    """The key function for a sort order; its first item is True for a missing value."""
    if order == "date":
        return lambda item: (item.article.date is None, item.article.date or "", item.article.id)
    if order == "outlet":
        return lambda item: (item.article.source is None, (item.article.source or "").lower())
    if order == "title":
        return lambda item: (False, (item.article.title or "").lower(), item.article.id)
    if order == "size":
        return lambda item: (False, -item.article.word_count, item.article.id)
    return lambda item: (False,)


class ArticleList(BulkTable):
    """Every loaded article; cells are ``Cell`` objects so titles are never parsed as markup."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g,home", "scroll_top", "First article", show=False, id="list.top"),
        Binding("G,end", "scroll_bottom", "Last article", show=False, id="list.bottom"),
    ]

    @dataclass
    class Opened(Message):
        """The user asked to read an article (enter or click)."""

        article_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        # Keyed by id (insertion order is file order) so analysed versions replace
        # listed ones without rebuilding the list for every batch.
        self._articles: dict[str, AnalysedArticle] = {}
        self._pending: set[str] = set()
        # Reading state by article id (unread and unflagged when absent).
        self._states: dict[str, ArticleState] = {}
        self.order_by = "file"
        self.reverse = False
        self.list_filter = ListFilter()
        self._line_style = Style()
        self._look: tuple[object, ...] = ()
        # Finished lines by list row; two screens' worth is enough to scroll back and forth.
        self._finished: LRUCache[tuple[int, Coordinate, Coordinate], Strip] = LRUCache(200)

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical scrollbar: one drawn again only when its thumb moves."""
        # Imported on first use: a list short enough to need no scrollbar never pays.
        from reader.ui.widgets.steady_scrollbar import steady_vertical_scrollbar

        return steady_vertical_scrollbar(self)

    def on_mount(self) -> None:
        # Text labels, not strings: DataTable parses a string label as markup, and that
        # loads Rich's emoji table (about 12 ms) before the first frame.
        self.add_column(Text("★"), key="flag", width=1)
        # The outlet gives the flag column its three cells: titles keep their width.
        self.add_column(Text("Outlet"), key="source", width=11)
        self.add_column(Text("Title"), key="title", width=40)
        self.add_column(Text("Date"), key="date", width=10)
        self.add_column(Text("Words"), key="words", width=6)
        self.add_column(Text("Quotes"), key="quotes", width=6)
        # The list starts as wide as the screen: sized now, the first resize changes
        # nothing and the first frame is not laid out twice.
        self._fit_title(self.screen.size.width or self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        """Give the title column whatever width the other columns leave."""
        if self._fit_title(event.size.width):
            # DataTable has no public "column width changed" call; add_column sets this.
            self._require_update_dimensions = True
            self.refresh()

    def _fit_title(self, width: int) -> bool:
        """Size the title column for a list ``width`` cells wide; True if it changed."""
        title = self.columns[ColumnKey("title")]
        others = sum(
            column.get_render_width(self) for key, column in self.columns.items()
            if key != ColumnKey("title")
        )
        fitted = max(16, width - others - 2 * self.cell_padding - 2)
        if fitted == title.width:
            return False
        title.width = fitted
        return True

    @property
    def shown_ids(self) -> list[str]:
        """Ids of the rows on screen, in order."""
        return [str(key.value) for key in self.rows]

    @property
    def current_id(self) -> str | None:
        """Id of the article under the cursor."""
        if not self.row_count:
            return None
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)

    def set_articles(self, articles: Sequence[AnalysedArticle]) -> None:
        """Replace the articles (keeps the cursor on the same article when it can)."""
        self._articles = {item.article.id: item for item in articles}
        self._pending = set()
        self._refresh_rows()

    def add_articles(self, articles: Sequence[AnalysedArticle]) -> None:
        """Append newly cleaned articles, not analysed yet (while a folder loads)."""
        self._pending.update(item.article.id for item in articles)
        self._articles.update((item.article.id, item) for item in articles)
        if self.order_by == "file" and not self.reverse and not self.list_filter.active:
            self._add_rows(articles)
        else:
            self._refresh_rows()

    @property
    def pending_ids(self) -> frozenset[str]:
        """Listed articles whose quotes and actors are still being found."""
        return frozenset(self._pending)

    def update_articles(self, articles: Sequence[AnalysedArticle], *, analysed: bool) -> None:
        """Swap in new versions of listed articles and refresh their rows.

        Args:
            articles: The new versions (matched by id).
            analysed: They carry quotes and mentions now (else: cleaned again).
        """
        for item in articles:
            article_id = item.article.id
            self._articles[article_id] = item
            if analysed:
                self._pending.discard(article_id)
            if article_id in self.rows:
                for column, value in zip(self.columns, self._cells(item), strict=True):
                    self.update_cell(article_id, column, value)

    def set_states(self, states: Mapping[str, ArticleState]) -> None:
        """Show these reading states (merged into those known): bold unread, ★ flagged."""
        self._states.update(states)
        # Many at once (a folder's states arriving) rebuild the rows in one go: cell by
        # cell, 10,000 rows would take seconds of updates.
        wanted = self.list_filter
        if wanted.unread or wanted.flagged or wanted.query or len(states) > _CELL_UPDATES:
            self._refresh_rows()
            return
        for article_id in states:
            item = self._articles.get(article_id)
            if item is not None and article_id in self.rows:
                for column, value in zip(self.columns, self._cells(item), strict=True):
                    self.update_cell(article_id, column, value)

    def state_of(self, article_id: str) -> ArticleState | None:
        """The reading state shown for an article (None before the library answered)."""
        return self._states.get(article_id)

    def set_sort(self, order: str, *, reverse: bool = False) -> None:
        """Sort by ``file``, ``date``, ``outlet``, ``title`` or ``size``.

        Args:
            order: One of ``SORT_ORDERS``.
            reverse: The other way round from the order's natural direction (articles
                missing the value stay last either way).
        """
        self.order_by = order
        self.reverse = reverse
        self._refresh_rows()

    @property
    def sort_description(self) -> str:
        """The order and its direction, for the status line: "date, newest first"."""
        return f"{self.order_by}, {SORT_DIRECTIONS[self.order_by][self.reverse]}"

    def set_filter(self, list_filter: ListFilter) -> None:
        """Show only the articles that pass ``list_filter``."""
        self.list_filter = list_filter
        self._refresh_rows()

    def _passes(self, item: AnalysedArticle, contains: Callable[[str], bool]) -> bool:
        wanted = self.list_filter
        if wanted.outlet and item.article.source != wanted.outlet:
            return False
        if wanted.actor and not any(m.actor == wanted.actor for m in item.mentions):
            return False
        state = self._states.get(item.article.id)
        if wanted.unread and state is not None and state.read:
            return False
        if wanted.flagged and (state is None or not state.flagged):
            return False
        note = state.note if state is not None else ""
        return (contains(item.article.title or "") or contains(item.article.text)
                or bool(note and contains(note)))

    def _refresh_rows(self) -> None:
        current = self.current_id
        self.clear()
        from reader.core.text import text_matcher  # the core's models load after paint

        contains = text_matcher(self.list_filter.query)
        shown = [item for item in self._articles.values() if self._passes(item, contains)]
        key = _sort_key(self.order_by)
        if self.order_by != "file":
            shown.sort(key=key)
        if self.reverse:
            shown.reverse()
            shown.sort(key=lambda item: key(item)[0])  # stable: missing values back last
        self._add_rows(shown)
        if current is not None and current in self.rows:
            self.move_cursor(row=self.get_row_index(current))

    def _add_rows(self, items: Sequence[AnalysedArticle]) -> None:
        self.add_rows_at_once((item.article.id, self._cells(item)) for item in items)

    def _cells(self, item: AnalysedArticle) -> tuple[Cell, ...]:
        article = item.article
        pending = article.id in self._pending
        state = self._states.get(article.id)
        return (
            Cell("★" if state is not None and state.flagged else " "),
            Cell(article.source or "—"),
            Cell(article.title or f"({article.id})", bold=state is not None and not state.read),
            Cell(article.date or "—"),
            Cell(f"{article.word_count:,}", justify="right"),
            Cell("…" if pending else str(len(item.speech)), justify="right"),
        )


    def render_lines(self, crop: Region) -> list[Strip]:
        """The visible lines, each finished line kept by list row while the look holds.

        A one-line scroll marks every visible line dirty, and Textual then styles every one
        again: its line cache is keyed by screen row, which scrolling shifts. Finished lines
        are kept here by list row instead, so a scroll styles only the new line and the two
        rows the cursor left and entered (a quarter less time per scrolling frame). Anything
        else that changes how lines look starts a new cache.
        """
        # The widget's style is the same for every line of a frame, but DataTable asks
        # for it once per line, and each time walks the styles of every ancestor.
        self._line_style = self.rich_style
        scroll_x, scroll_y = self.scroll_offset
        look = (
            self._line_style, self.background_colors, self.size, self.app.theme,
            self._pseudo_class_state, self.cursor_type, self.zebra_stripes, self.show_cursor,
            self._show_hover_cursor, self._update_count, self.show_header, scroll_x,
            crop.x, crop.width,
        )
        if look != self._look:
            self._look = look
            self._finished.clear()
        header = self.get_row_height(self._header_row_key) if self.show_header else 0
        lines: list[Strip] = []
        for y in crop.line_range:
            row_y = y + scroll_y if y >= header else y
            key = (row_y, *self._cursor_and_hover(row_y))
            line = self._finished.get(key)
            if line is None:
                # DataTable named, not super(): the story tables borrow this method.
                [line] = DataTable.render_lines(self, Region(crop.x, y, crop.width, 1))
                self._finished[key] = line
            lines.append(line)
        return lines

    def render_line(self, y: int) -> Strip:
        """DataTable.render_line (the list has no fixed rows), with the frame's style."""
        scroll_x, scroll_y = self.scroll_offset
        header = self.get_row_height(self._header_row_key) if self.show_header else 0
        if y >= header:
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + self.size.width, self._line_style)

    def _cursor_and_hover(self, y: int) -> tuple[Coordinate, Coordinate]:
        """The cursor and hover coordinates as line ``y`` sees them.

        A row that holds neither is drawn as if both were elsewhere, so its cached lines
        stay valid while the cursor moves.
        """
        cursor, hover = self.cursor_coordinate, self.hover_coordinate
        try:
            row_key, _ = self._get_offsets(y)
        except LookupError:
            return _NOWHERE, _NOWHERE  # below the last row: a blank line either way
        # DataTable numbers the header row -1; a row cursor highlights by row alone.
        header = row_key is self._header_row_key
        row_index = -1 if header else self._row_locations.get(row_key)
        cursor = cursor if cursor.row == row_index else _NOWHERE
        hover = hover if hover.row == row_index else _NOWHERE
        return cursor, hover

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """Render one line, re-rendering only rows whose cursor or hover state changed.

        DataTable keys its line caches on the cursor and hover coordinates, so every
        cursor move re-renders every visible line (about 20 ms a key with 10,000 rows).
        Here they are seen through ``_cursor_and_hover``. The body mirrors
        DataTable._render_line of the pinned Textual version.
        """
        width = self.size.width
        try:
            row_key, y_offset_in_row = self._get_offsets(y)
        except LookupError:
            return Strip.blank(width, base_style)
        cursor, hover = self._cursor_and_hover(y)
        cache_key = (y, x1, x2, width, cursor, hover, base_style, self.cursor_type,
                     self._show_hover_cursor, self._update_count, self._pseudo_class_state)
        cached = self._line_cache.get(cache_key)
        if cached is not None:
            return cached
        fixed, scrollable = self._render_line_in_row(
            row_key, y_offset_in_row, base_style, cursor_location=cursor, hover_location=hover
        )
        fixed_width = sum(
            column.get_render_width(self) for column in self.ordered_columns[: self.fixed_columns]
        )
        fixed_line: list[Segment] = list(chain.from_iterable(fixed)) if fixed else []
        scrollable_line: list[Segment] = list(chain.from_iterable(scrollable))
        segments = fixed_line + line_crop(scrollable_line, x1 + fixed_width, x2, width)
        strip = Strip(segments).adjust_cell_length(width, base_style).simplify()
        self._line_cache[cache_key] = strip
        return strip

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> list[list[Segment]]:
        """DataTable._render_cell, with a short path for a one-line ``Cell``.

        DataTable draws each cell through Rich (Padding, Styled, a Text wrapped and
        justified), which is a third of a cursor move's cost with the two rows the cursor
        leaves and enters. A plain one-line cell comes out of that as its padded, cut or
        justified string in one style, so that is built directly here; the tests check
        that it matches what DataTable draws, cell by cell.
        """
        value: object = None
        if row_index >= 0 and column_index >= 0 and not self.fixed_rows:
            row_key = self._row_locations.get_key(row_index)
            column_key = self._column_locations.get_key(column_index)
            if self.rows[row_key].height == 1:
                value = self._data[row_key][column_key]
        content_width = width - 2 * self.cell_padding
        # A Cell holds no control characters (newlines and tabs included): one line.
        if not isinstance(value, Cell) or content_width < 2:
            return DataTable._render_cell(self, row_index, column_index, base_style, width,
                                          cursor, hover)  # not super(): borrowed too
        key = (row_key, column_key, base_style, cursor, hover, self._show_hover_cursor,
               self._update_count, self._pseudo_class_state)
        cached = self._cell_render_cache.get(key)
        if cached is not None:
            return cached
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, column_index < self.fixed_columns, hover, cursor, self.show_cursor,
            self._show_hover_cursor, self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        style = base_style + Style.from_meta({"row": row_index, "column": column_index})
        style += component_style
        if post_style:
            style += post_style
        if value.bold:
            style += Style(bold=True)
        text = fit_cell(value.plain, content_width, value.justify)
        pad = " " * self.cell_padding
        lines = [[Segment(pad + text + pad, style)]]
        self._cell_render_cache[key] = lines
        return lines

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Opened(str(event.row_key.value)))
