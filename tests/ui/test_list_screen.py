"""The article list: moving, sorting, searching, filtering, opening, help and quitting."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widgets import Input

from reader.ui.app import ReaderApp
from reader.ui.screens.compare import CompareScreen
from reader.ui.screens.errors import ErrorsScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.reading import ReadingScreen
from tests.ui.conftest import running, settle


def seed(article_id: str | None) -> str:
    assert article_id is not None
    return article_id[:3]


async def test_list_shows_every_seed_with_columns() -> None:
    async with running() as (app, _pilot):
        table = app.main_screen.article_list
        assert [seed(i) for i in table.shown_ids] == ["000", "001", "002", "003", "004"]
        assert [c.label.plain for c in table.columns.values()] == [
            "★", "Outlet", "Title", "Date", "Words", "Quotes"]
        row = [cell.plain for cell in table.get_row("003_93b0f4002bfe62b8")]
        assert row[0] == " "  # not flagged
        assert row[1] == "Fox News" and row[3] == "2025-12-02"
        assert row[2] == "High-stakes US push for Ukraine peace meets hard limits in Moscow"
        assert int(row[5]) >= 6
        status = str(app.screen.query_one("#list-status").render())
        assert "5 of 5 articles" in status


async def test_j_k_and_arrows_move_the_cursor() -> None:
    async with running() as (app, pilot):
        table = app.main_screen.article_list
        await pilot.press("j", "j")
        assert seed(table.current_id) == "002"
        await pilot.press("k")
        assert seed(table.current_id) == "001"
        await pilot.press("down", "down", "down")
        assert seed(table.current_id) == "004"
        await pilot.press("up")
        assert seed(table.current_id) == "003"


async def test_o_cycles_sort_orders() -> None:
    async with running() as (app, pilot):
        table = app.main_screen.article_list
        await pilot.press("o")
        assert table.order_by == "date"
        assert seed(table.shown_ids[0]) == "003"  # the only dated seed comes first
        await pilot.press("o")
        assert table.order_by == "outlet"
        assert seed(table.shown_ids[0]) == "003"  # the only seed with an outlet
        await pilot.press("o")
        assert table.order_by == "title"
        titles = [table.get_cell(key, "title").plain.lower() for key in table.rows]
        assert titles == sorted(titles, key=lambda t: t)
        await pilot.press("o")
        assert table.order_by == "size"
        assert seed(table.shown_ids[0]) == "002"  # 656 words, the longest
        await pilot.press("o")
        assert table.order_by == "file"
        assert "sorted by file" in str(app.screen.query_one("#list-status").render())


async def test_slash_searches_titles_and_text_incrementally() -> None:
    async with running() as (app, pilot):
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("slash")
        search = screen.query_one("#list-search", Input)
        assert search.has_focus
        await pilot.press(*"sauer")
        assert [seed(i) for i in screen.article_list.shown_ids] == ["002"]
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press(*"kallas")
        assert [seed(i) for i in screen.article_list.shown_ids] == ["001"]
        assert "matching “kallas”" in str(screen.query_one("#list-status").render())
        await pilot.press("enter", "escape")
        assert len(screen.article_list.shown_ids) == 5
        assert screen.article_list.has_focus


async def test_actors_panel_filters_by_actor_and_lists_quotes() -> None:
    async with running() as (app, pilot):
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("a")
        panel = screen.actors_panel
        assert panel.has_class("-visible") and panel.table.has_focus
        names = [panel.table.get_cell(key, "name").plain for key in panel.table.rows]
        assert "Marco Rubio" in names and "Vladimir Putin" in names
        panel.table.move_cursor(row=names.index("Marco Rubio"))
        await pilot.press("enter")
        assert [seed(i) for i in screen.article_list.shown_ids] == ["000", "003"]
        quotes = str(screen.query_one("#actor-quotes-text").render())
        assert "So much work remains" in quotes
        await pilot.press("a", "escape")
        assert len(screen.article_list.shown_ids) == 5
        assert not panel.has_class("-visible")


async def test_enter_opens_and_escape_goes_back() -> None:
    async with running() as (app, pilot):
        await pilot.press("j", "enter")
        assert isinstance(app.screen, ReadingScreen)
        assert seed(app.screen.item.article.id) == "001"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_s_opens_side_by_side_from_the_list() -> None:
    async with running() as (app, pilot):
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.alignment is not None


async def test_question_mark_lists_every_key() -> None:
    async with running() as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for description in ("Search", "Sort", "Actors", "Side by side", "Next quote",
                            "Find", "Next pair", "Swap sides", "Choose other", "Quit",
                            "Command palette", "Errors"):
            assert description in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_command_palette_sorts_and_opens() -> None:
    async with running() as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.press(*"sort by title")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.main_screen.article_list.order_by == "title"


async def test_errors_view_and_notification(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A headline\n\nA body sentence that is long enough.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    async with running((tmp_path,)) as (app, pilot):
        assert [e.error for e in app.corpus.errors] == ["empty file"]
        assert any("empty file" in n.message for n in app._notifications)
        await pilot.press("e")
        assert isinstance(app.screen, ErrorsScreen)
        assert "empty.txt: empty file" in str(app.screen.query_one("#errors-text").render())
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_q_quits() -> None:
    async with running() as (app, pilot):
        await pilot.press("q")
        assert app.return_code == 0 or not app.is_running


async def test_only_the_cursor_row_is_highlighted_after_moves() -> None:
    # The list re-renders only rows whose cursor state changed; a stale highlight
    # would show as a second row with the cursor's background.
    async with running() as (app, pilot):
        table = app.main_screen.article_list
        await pilot.press("j", "j", "j", "k", "k")
        await pilot.pause()
        strips = table.render_lines(table.region.reset_offset)
        backgrounds = [strip._segments[0].style.bgcolor for strip in strips[1:6]]
        cursor_background = backgrounds[table.cursor_row]
        assert table.cursor_row == 1
        assert backgrounds.count(cursor_background) == 1


def _visible_lines(app: ReaderApp) -> list[tuple[str, set[object]]]:
    """The list's lines as the compositor gets them: text, and the background colours."""
    table = app.main_screen.article_list
    lines = table.render_lines(Region(0, 0, table.size.width, table.size.height))
    return [
        ("".join(s.text for s in line), {s.style.bgcolor for s in line if s.style})
        for line in lines
    ]


async def test_scrolled_list_draws_the_rows_it_scrolled_to(tmp_path: Path) -> None:
    # Finished lines are cached by list row: after scrolling, every line on screen must
    # still be the row at that position, and only the cursor row looks like the cursor.
    for n in range(80):
        (tmp_path / f"{n:02d}.txt").write_text(
            f"Story number {n:02d} in the folder\n\n"
            "A paragraph of plain prose that is long enough to count as an article body.\n"
        )
    async with running((tmp_path,), size=(100, 24)) as (app, pilot):
        table = app.main_screen.article_list
        for _ in range(30):
            await pilot.press("down")
        await pilot.press("up")
        await pilot.pause()
        assert table.scroll_offset.y > 0
        lines = _visible_lines(app)[1:]  # the header row first
        numbers = [int(text.split("Story number ")[1][:2]) for text, _ in lines
                   if "Story number" in text]
        first = table.scroll_offset.y
        assert numbers == list(range(first, first + len(numbers)))
        cursor_row = table.cursor_coordinate.row
        assert cursor_row == 29
        cursor_look = lines[cursor_row - first][1]
        assert all(look != cursor_look for i, (_, look) in enumerate(lines)
                   if i != cursor_row - first and "Story number" in lines[i][0])


async def test_list_lines_follow_a_theme_change() -> None:
    async with running() as (app, pilot):
        before = _visible_lines(app)
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        after = _visible_lines(app)
        assert [text for text, _ in after] == [text for text, _ in before]
        assert [look for _, look in after] != [look for _, look in before]


async def test_actor_quote_list_marks_reported_speech_and_counts_it_apart() -> None:
    async with running() as (app, pilot):
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("a")
        panel = screen.actors_panel
        names = [panel.table.get_cell(key, "name").plain for key in panel.table.rows]
        panel.table.move_cursor(row=names.index("Emmanuel Macron"))
        await pilot.press("enter")
        text = str(screen.query_one("#actor-quotes-text").render())
        header, *lines = text.splitlines()
        reported = [line for line in lines if "reported: " in line]
        assert header.endswith(f"{len(reported)} reported") and reported
        assert any("no final peace plan exists" in line for line in reported)
        assert all("“" in line for line in lines if line not in reported)
