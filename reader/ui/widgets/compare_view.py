"""The side-by-side view: two columns whose aligned passages share a row."""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from reader.core.align import CompareRow
from reader.core.models import Article, Span
from reader.ui.render import render_passage, render_unique

ONLY_IN = "only in {side}"

# Scrolls to a restored row while the layout above it still moves (see _settle_on).
_SETTLE_TRIES = 3


class CompareRowView(Horizontal):
    """One row: the left and right cells."""


class CompareView(VerticalScroll, can_focus=True):
    """Rows of aligned pairs and unique passages; one scroll keeps both sides in step."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[CompareRow] = []
        self.pair_rows: list[int] = []
        self.pair_index = -1
        self._row_views: list[CompareRowView] = []

    async def show(self, a: Article, b: Article, rows: Sequence[CompareRow]) -> None:
        """Lay out ``rows`` for articles ``a`` (left) and ``b`` (right)."""
        self.rows = list(rows)
        self.pair_rows = [i for i, row in enumerate(self.rows) if row.pair is not None]
        self.pair_index = -1
        await self.remove_children()
        self._row_views = [self._row_view(a, b, row) for row in self.rows]
        await self.mount_all(self._row_views)
        self.scroll_home(animate=False)

    async def show_notice(self, notice: Content) -> None:
        """Replace the rows with a message (there is nothing to align)."""
        self.rows, self.pair_rows, self.pair_index, self._row_views = [], [], -1, []
        await self.remove_children()
        await self.mount(Static(notice, classes="compare-notice"))

    def anchor(self) -> CompareRow | None:
        """The current pair's row, else the row at the top of the view (None when empty)."""
        if self.pair_index >= 0:
            return self.rows[self.pair_rows[self.pair_index]]
        for row, view in zip(self.rows, self._row_views, strict=True):
            if view.virtual_region.bottom > self.scroll_y:
                return row
        return None

    def restore(self, a: Span | None, b: Span | None, *, current: bool) -> int:
        """Scroll the row with spans ``a`` and ``b`` to the top, as the current pair if asked.

        Args:
            a: The row's left span.
            b: The row's right span.
            current: Make the row the current pair (when it is a pair).

        Returns:
            The current pair's index, or -1 when there is none.
        """
        index = next((i for i, row in enumerate(self.rows) if (row.a, row.b) == (a, b)), -1)
        if index < 0:
            return -1
        view = self._row_views[index]
        if current and index in self.pair_rows:
            self.pair_index = self.pair_rows.index(index)
            view.add_class("-current")
        # The rows were just mounted: scroll once they have been laid out.
        self.call_after_refresh(self._settle_on, view, _SETTLE_TRIES)
        return self.pair_index

    def _settle_on(self, view: Widget, tries: int) -> None:
        """Scroll ``view`` to the top, again while rows above it still change height.

        Rows of wrapped text can take a second layout pass on a busy machine: one
        scroll after the first refresh then lands a line off.
        """
        top = view.virtual_region.y
        self.scroll_to_widget(view, animate=False, top=True)
        if tries > 0:
            self.call_after_refresh(self._settle_again, view, top, tries - 1)

    def _settle_again(self, view: Widget, top: int, tries: int) -> None:
        if view.virtual_region.y != top:
            self._settle_on(view, tries)

    def _row_view(self, a: Article, b: Article, row: CompareRow) -> CompareRowView:
        left = self._cell(a, row, "a")
        right = self._cell(b, row, "b")
        classes = "-pair" if row.pair else ("-only-a" if row.a else "-only-b")
        if row.pair is not None:
            classes += f" -{row.pair.kind}" + (" -moved" if row.pair.moved else "")
        return CompareRowView(left, right, classes=classes)

    @staticmethod
    def _cell(article: Article, row: CompareRow, side: str) -> Static:
        span = row.a if side == "a" else row.b
        if span is None:
            other = "A" if side == "b" else "B"
            return Static(Content(ONLY_IN.format(side=other)), classes="cell -gap")
        if row.pair is None:
            return Static(render_unique(article.text, span), classes="cell -unique")
        content = render_passage(article.text, span, row.pair.ops, side)
        if side == "b":
            label = f"{row.pair.kind} {row.pair.score:.0%}" + (" · moved" if row.pair.moved
                                                                else "")
            content = Content("\n").join([content, Content.styled(label, "$text-muted")])
        return Static(content, classes="cell")

    def move_pair(self, step: int) -> int:
        """Put the pair cursor on the next or previous aligned pair; returns its number."""
        if not self.pair_rows:
            return -1
        if self.pair_index >= 0:
            self._row_views[self.pair_rows[self.pair_index]].remove_class("-current")
            self.pair_index = (self.pair_index + step) % len(self.pair_rows)
        else:
            self.pair_index = 0 if step > 0 else len(self.pair_rows) - 1
        view = self._row_views[self.pair_rows[self.pair_index]]
        view.add_class("-current")
        self.scroll_to_widget(view, animate=False, top=True)
        return self.pair_index
