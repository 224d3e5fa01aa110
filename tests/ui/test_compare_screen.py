"""Side by side: default partner, coverage, pairs, swapping, choosing, stacking."""

from __future__ import annotations

from reader.ui.screens.choose import ChooseArticleScreen
from reader.ui.screens.compare import CompareScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.compare_view import CompareRowView
from tests.ui.conftest import running, settle


async def open_compare(app, pilot) -> CompareScreen:  # type: ignore[no-untyped-def]
    await pilot.press("enter", "s")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    assert screen.alignment is not None
    return screen


async def test_default_partner_is_the_source_sharing_most_text() -> None:
    async with running() as (app, pilot):
        screen = await open_compare(app, pilot)
        assert screen.a.id.startswith("000") and screen.b is not None
        assert screen.b.id.startswith("003")  # 000 is a rewrite of 003
        header_a = str(screen.query_one("#header-a").render())
        header_b = str(screen.query_one("#header-b").render())
        assert f"{screen.alignment.coverage_a:.0%} shared" in header_a
        assert "Fox News" in header_b and "shared with the other side" in header_b
        assert screen.alignment.coverage_a > 0.8


async def test_rows_put_pairs_side_by_side_and_mark_unique_passages() -> None:
    async with running() as (app, pilot):
        screen = await open_compare(app, pilot)
        rows = list(screen.query(CompareRowView))
        pairs = [row for row in rows if row.has_class("-pair")]
        assert len(pairs) == len(screen.alignment.pairs)
        only_b = [row for row in rows if row.has_class("-only-b")]
        assert len(only_b) == len(screen.alignment.unique_b) > 0
        assert "only in B" in str(only_b[0].children[0].render())
        rubio = next(r for r in pairs if "Rubio" in str(r.children[0].render()))
        assert "Rubio" in str(rubio.children[1].render())


async def test_n_and_shift_n_jump_between_pairs() -> None:
    async with running() as (app, pilot):
        screen = await open_compare(app, pilot)
        await pilot.press("n", "n")
        assert screen.compare_view.pair_index == 1
        current = [r for r in screen.query(CompareRowView) if r.has_class("-current")]
        assert len(current) == 1
        await pilot.press("N", "N")
        assert screen.compare_view.pair_index == len(screen.compare_view.pair_rows) - 1
        assert "pair" in str(screen.query_one("#compare-status").render())


async def test_x_swaps_and_tab_switches_side() -> None:
    async with running() as (app, pilot):
        screen = await open_compare(app, pilot)
        a, b = screen.a.id, screen.b.id  # type: ignore[union-attr]
        coverage_a = screen.alignment.coverage_a
        await pilot.press("x")
        await pilot.pause()
        assert (screen.a.id, screen.b.id) == (b, a)  # type: ignore[union-attr]
        assert screen.alignment.coverage_b == coverage_a
        await pilot.press("tab")
        assert screen.active_side == "b"
        assert screen.query_one("#header-b").has_class("-active")
        await pilot.press("enter")
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.item.article.id == a


async def test_c_chooses_another_article() -> None:
    async with running() as (app, pilot):
        screen = await open_compare(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        chooser = app.screen
        assert isinstance(chooser, ChooseArticleScreen)
        second = chooser.option_list.get_option_at_index(1).id
        await pilot.press("down", "enter")  # the second closest
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.b is not None and screen.b.id == second
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_narrow_terminal_stacks_and_says_so() -> None:
    async with running(size=(80, 24)) as (app, pilot):
        screen = await open_compare(app, pilot)
        assert screen.has_class("-stacked")
        assert "under 100 columns" in str(screen.query_one("#compare-status").render())
