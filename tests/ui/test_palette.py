"""The command palette offers what applies to the screen in front, and acts on it."""

from __future__ import annotations

from textual.command import CommandList

from reader.ui.app import ReaderApp
from reader.ui.screens.main import MainScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.actors_panel import ActorsPanel
from tests.ui.conftest import running


async def palette_hits(app: ReaderApp, pilot, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Open the palette, type ``query`` and return the prompts it offers."""
    await pilot.press("ctrl+p", *query)
    await app.workers.wait_for_complete()
    await pilot.pause()
    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt).splitlines()[0]
            for i in range(options.option_count)]


async def test_list_commands_are_not_offered_over_the_reading_view() -> None:
    async with running() as (app, pilot):
        await pilot.press("enter")
        assert isinstance(app.screen, ReadingScreen)
        hits = await palette_hits(app, pilot, "sort by title")
        assert not any(hit.startswith("Sort by") for hit in hits)
        await pilot.press("escape")
        hits = await palette_hits(app, pilot, "filter by outlet")
        assert not any(hit.startswith("Filter by") for hit in hits)
        await pilot.press("escape")
        assert app.main_screen.article_list.order_by == "file"


async def test_toggle_actors_acts_on_the_screen_in_front() -> None:
    async with running() as (app, pilot):
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        hits = await palette_hits(app, pilot, "toggle actors panel")
        assert hits[0] == "Toggle actors panel"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one(ActorsPanel).has_class("-visible")
        assert app.main_screen.actors_panel is None  # the hidden list was left alone


async def test_list_commands_still_act_on_the_list() -> None:
    async with running() as (app, pilot):
        assert isinstance(app.screen, MainScreen)
        hits = await palette_hits(app, pilot, "toggle actors panel")
        assert hits[0] == "Toggle actors panel"
        await pilot.press("enter")
        await pilot.pause()
        panel = app.main_screen.actors_panel
        assert panel is not None and panel.has_class("-visible")
