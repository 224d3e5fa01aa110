"""Side by side layout: swapping keeps the place, headers line up, marks without colour."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from reader.ui.screens.compare import CompareScreen
from reader.ui.widgets.compare_view import CompareRowView, CompareView
from tests.ui.conftest import running
from tests.ui.test_compare_screen import open_compare


def current_row(screen: CompareScreen) -> CompareRowView:
    (row,) = [r for r in screen.query(CompareRowView) if r.has_class("-current")]
    return row


async def settled(pilot: Pilot[None], view: CompareView) -> None:
    """Wait until the view stops scrolling (a restore may scroll again after a relayout)."""
    for _ in range(10):
        before = view.scroll_y
        await pilot.pause()
        if view.scroll_y == before:
            return


async def test_x_keeps_the_current_pair_and_its_place() -> None:
    async with running() as (app, pilot):
        screen = await open_compare(app, pilot)
        await pilot.press("n", "n", "n", "n", "n")
        view = screen.compare_view
        before = view.rows[view.pair_rows[view.pair_index]].pair
        assert before is not None and view.scroll_y > 0
        await pilot.press("x")
        await settled(pilot, view)
        after = view.rows[view.pair_rows[view.pair_index]].pair
        assert after is not None and (after.a, after.b) == (before.b, before.a)
        total = len(view.pair_rows)
        status = str(screen.query_one("#compare-status").render())
        assert f"pair {view.pair_index + 1} of {total}" in status
        row = current_row(screen)
        assert view.scroll_y == row.virtual_region.y > 0
        await pilot.press("n")
        assert f"pair {view.pair_index + 1} of {total}" in str(
            screen.query_one("#compare-status").render()
        )


async def test_x_after_scrolling_keeps_the_top_row() -> None:
    async with running() as (app, pilot):
        screen = await open_compare(app, pilot)
        view = screen.compare_view
        await pilot.press(*["j"] * 12)
        top = view.anchor()
        assert top is not None and view.scroll_y > 0
        await pilot.press("x")
        await pilot.pause()
        assert view.pair_index == -1
        after = view.anchor()
        assert after is not None and (after.a, after.b) == (top.b, top.a)
        assert view.scroll_y > 0


@pytest.mark.parametrize("width", [80, 120, 140, 160])
async def test_side_headers_underline_on_one_row(width: int) -> None:
    # At 140 columns A's title needs two lines and B's one: the underlines must still
    # share a row.
    async with running(size=(width, 40)) as (app, pilot):
        screen = await open_compare(app, pilot)
        header_a = screen.query_one("#header-a")
        header_b = screen.query_one("#header-b")
        assert header_a.region.bottom == header_b.region.bottom
        assert header_a.region.height == 3  # title, outlet and share, underline



def text_styles(widget: Widget) -> list[tuple[str, tuple[bool, ...]]]:
    """Each drawn non-space character of a widget and its non-colour attributes."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [
        (char, tuple(bool(getattr(style, name)) for name in ATTRIBUTES))
        for strip in strips
        for text, style, _ in strip
        if style is not None
        for char in text
        if not char.isspace()
    ]


ATTRIBUTES = ("bold", "italic", "underline", "strike", "reverse")


def attributes_of(cells: list[tuple[str, tuple[bool, ...]]], text: str) -> set[tuple[bool, ...]]:
    """The attributes drawn over ``text`` (spaces ignored; it must appear once)."""
    drawn = "".join(char for char, _ in cells)
    wanted = "".join(text.split())
    assert drawn.count(wanted) == 1, text
    start = drawn.index(wanted)
    return {attributes for _, attributes in cells[start : start + len(wanted)]}


async def test_diff_marks_differ_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    # With NO_COLOR the marks' backgrounds turn grey: each kind needs its own text style.
    monkeypatch.setenv("NO_COLOR", "1")
    async with running() as (app, pilot):
        screen = await open_compare(app, pilot)
        assert app.no_color and screen.b is not None
        view = screen.compare_view
        marks: dict[str, set[tuple[bool, ...]]] = {}
        for index in view.pair_rows:
            pair = view.rows[index].pair
            assert pair is not None
            left, right = view.query(CompareRowView)[index].children[:2]
            for op in pair.ops:
                # The A side shows equal, replaced and deleted words; B the inserted ones.
                if op.op not in marks and len(op.a if op.op != "insert" else op.b) >= 12:
                    if op.op == "insert":
                        marks[op.op] = attributes_of(text_styles(right), screen.b.slice(op.b))
                    else:
                        marks[op.op] = attributes_of(text_styles(left), screen.a.slice(op.a))
        assert set(marks) == {"equal", "replace", "insert", "delete"}
        assert all(len(styles) == 1 for styles in marks.values()), marks
        assert len({next(iter(styles)) for styles in marks.values()}) == 4, marks
        status = str(screen.query_one("#compare-status").render())
        assert "words: replaced inserted deleted" in status
