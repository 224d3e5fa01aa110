"""The reading view: header, quote cursor with speakers, in-article search, actors."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from reader.ui.screens.main import MainScreen
from reader.ui.screens.reading import ReadingScreen
from tests.ui.conftest import running, settle


async def open_seed(app, pilot, number: int) -> ReadingScreen:  # type: ignore[no-untyped-def]
    for _ in range(number):
        await pilot.press("j")
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    return screen


def bar(screen: ReadingScreen) -> str:
    return str(screen.query_one("#quote-bar").render())


async def test_header_shows_title_outlet_byline_date_origin() -> None:
    async with running() as (app, pilot):
        screen = await open_seed(app, pilot, 3)
        header = str(screen.query_one("#article-header").render())
        assert "High-stakes US push for Ukraine peace meets hard limits in Moscow" in header
        for detail in ("Fox News", "by admin", "2025-12-02", "origin: FOX NEWS"):
            assert detail in header
        await settle(app, pilot)
        layout = screen.reading_view.laid_out
        assert layout.complete and len(set(layout.blocks) - {-1}) == 18
        assert screen.reading_view.text_lines()[0].startswith("White House envoy Steve Witkoff")


async def test_n_and_shift_n_walk_quotes_and_show_speakers() -> None:
    async with running() as (app, pilot):
        screen = await open_seed(app, pilot, 0)
        await pilot.press("n")
        assert "Quote 1 of 6" in bar(screen) and "speaker: Marco Rubio" in bar(screen)
        assert screen.reading_view.current_quote is not None
        await pilot.press("n")
        assert "Quote 2 of 6" in bar(screen) and "Trump" in bar(screen)
        await pilot.press("n", "n")
        assert "Quote 4 of 6" in bar(screen) and "fragment" in bar(screen)
        assert "Putin" in bar(screen)
        await pilot.press("N", "N", "N", "N")
        assert "Quote 6 of 6" in bar(screen)  # wraps backwards


async def test_article_without_quotes_says_so() -> None:
    async with running() as (app, pilot):
        screen = await open_seed(app, pilot, 1)
        await pilot.press("n")
        assert "no direct quotes" in bar(screen)
        assert "r shows its reported speech" in bar(screen)


async def test_slash_finds_in_article_and_n_moves_between_matches() -> None:
    async with running() as (app, pilot):
        screen = await open_seed(app, pilot, 0)
        await pilot.press("slash")
        assert screen.find_input.has_focus
        await pilot.press(*"putin")
        await settle(app, pilot)
        view = screen.reading_view
        text = screen.item.article.text
        assert len(view.matches) == text.lower().count("putin") >= 4
        assert "Match 1 of" in bar(screen)
        await pilot.press("enter", "n")
        assert view.match_index == 1 and "Match 2 of" in bar(screen)
        await pilot.press("escape")
        assert view.matches == [] and not screen.find_input.has_class("-visible")
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_curly_and_straight_marks_match_in_search() -> None:
    async with running() as (app, pilot):
        screen = await open_seed(app, pilot, 0)
        await pilot.press("slash", *"don't")
        await settle(app, pilot)
        assert len(screen.reading_view.matches) == 1  # the text has “don’t”


async def test_a_shows_actors_of_this_article() -> None:
    async with running() as (app, pilot):
        screen = await open_seed(app, pilot, 2)
        await pilot.press("a")
        panel = screen.query_one("#reading-actors")
        assert panel.has_class("-visible")
        table = panel.table  # type: ignore[attr-defined]
        names = {table.get_cell(key, "name").plain for key in table.rows}
        assert {"Pjotr Sauer", "Dmitry Peskov", "Vladimir Putin"} <= names
        assert "Kaja Kallas" not in names  # she is only in 001


async def test_markup_and_escapes_in_article_show_literally(tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text(
        "[bold]x[/\n\n"
        "Officials said “[link=http://evil.example]click[/link] now” and [red]nothing[/] "
        "else \x1b[31mred\x1b[0m or \x1b]8;;http://e\x07osc\x1b]8;;\x07 happened at all.\n"
    )
    async with running((tmp_path,)) as (app, pilot):
        table = app.main_screen.article_list
        [key] = list(table.rows)
        assert table.get_cell(key, "title").plain == "[bold]x[/"
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert "[bold]x[/" in str(screen.query_one("#article-header").render())
        await settle(app, pilot)
        view = screen.reading_view
        strips = [view.render_line(y) for y in range(view.size.height)]
        body = " ".join(strip.text.strip() for strip in strips)
        # No style leaks out of the text: only the app's own highlight styles are applied.
        assert all(seg.style is None or not seg.style.link for strip in strips for seg in strip)
        assert "[link=http://evil.example]click[/link]" in body
        assert "[red]nothing[/]" in body
        assert "\x1b" not in body and "red or osc happened" in body
        await pilot.press("n", "slash", *"[/")
        await settle(app, pilot)
        assert len(screen.reading_view.matches) == 2  # the title is not in the body text
        assert isinstance(screen.query_one("#find"), Input)


async def test_header_counts_one_quote_in_the_singular() -> None:
    async with running() as (app, pilot):
        screen = await open_seed(app, pilot, 4)
        assert len(screen.item.speech) == 1
        header = str(screen.query_one("#article-header").render())
        assert "· 1 quote" in header and "1 quotes" not in header
        reported = sum(q.kind == "indirect" for q in screen.item.quotes)
        assert f"· {reported} reported (r)" in header


async def test_at_80_columns_the_reading_footer_keeps_q_and_help() -> None:
    from tests.ui.test_untrusted_names import screen_lines

    async with running(size=(80, 24)) as (app, pilot):
        await open_seed(app, pilot, 3)
        footer = screen_lines(app)[-1]
        assert "n Next quote" in footer
        assert "q Quit" in footer and "? Help" in footer
