"""A vertical scrollbar that is drawn again only when its thumb moves on screen.

Textual draws a scrollbar again at every change of the scroll position. Over a list of
10,000 rows the thumb moves by one eighth of a cell every 30-odd rows, so nearly every
one-row scroll redrew 37 identical lines: 3 ms of a 13 ms keypress on the article list.
"""

from __future__ import annotations

from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget


class SteadyScrollBar(ScrollBar):
    """A ScrollBar that reuses its last lines while they would come out the same."""

    def __init__(self, *, vertical: bool, name: str, thickness: int) -> None:
        super().__init__(vertical=vertical, name=name, thickness=thickness)
        self._drawn: tuple[object, ...] = ()
        self._lines: list[Strip] = []

    def render_lines(self, crop: Region) -> list[Strip]:
        look = self._look(crop)
        if look is None:
            return super().render_lines(crop)
        if look != self._drawn:
            self._lines = super().render_lines(crop)
            self._drawn = look
        return self._lines

    def _look(self, crop: Region) -> tuple[object, ...] | None:
        """What the drawing depends on: the bar's own segments, the size and the crop.

        The segments come from the same ``render_bar`` that draws them, so the key holds
        exactly when the picture does (the thumb's cells and part-cell glyphs, its colours
        and mouse actions). None for a renderer other than the stock one.
        """
        bar = self.render()
        if type(bar) is not ScrollBarRender:
            return None
        size: Size = self.size
        style = bar.style
        back = getattr(style, "bgcolor", None)
        color = getattr(style, "color", None)
        if back is None or color is None:
            return None
        segments = bar.render_bar(
            size=size.height if self.vertical else size.width,
            virtual_size=bar.virtual_size,
            window_size=bar.window_size,
            position=bar.position,
            thickness=size.width if self.vertical else size.height,
            vertical=self.vertical,
            back_color=back,
            bar_color=color,
        )
        return (crop, size, style, tuple(segments.segments))


def steady_vertical_scrollbar(widget: Widget) -> ScrollBar:
    """The widget's vertical scrollbar, created as a SteadyScrollBar on first use.

    Mirrors ``Widget.vertical_scrollbar`` of the pinned Textual version, which offers no
    hook for the scrollbar's class.
    """
    if widget._vertical_scrollbar is None:
        bar = SteadyScrollBar(
            vertical=True, name="vertical", thickness=widget.scrollbar_size_vertical
        )
        bar.display = False
        widget._vertical_scrollbar = bar
        widget.app._start_widget(widget, bar)
    return widget._vertical_scrollbar
