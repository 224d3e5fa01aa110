"""Side by side layout: swapping keeps the place, headers line up, marks without colour."""

from __future__ import annotations

import pytest

from reader.ui.screens.compare import CompareScreen
from reader.ui.widgets.compare_view import CompareRowView
from tests.ui.conftest import running
from tests.ui.test_compare_screen import open_compare


def current_row(screen: CompareScreen) -> CompareRowView:
    (row,) = [r for r in screen.query(CompareRowView) if r.has_class("-current")]
    return row


async def test_x_keeps_the_current_pair_and_its_place() -> None:
    async with running() as (app, pilot):
        screen = await open_compare(app, pilot)
        await pilot.press("n", "n", "n", "n", "n")
        view = screen.compare_view
        before = view.rows[view.pair_rows[view.pair_index]].pair
        assert before is not None and view.scroll_y > 0
        await pilot.press("x")
        await pilot.pause()
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
