"""The w key on side by side and on the story screen writes the report and says where."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot

from reader.config import Config
from reader.ui.app import ReaderApp, make_app
from reader.ui.screens.compare import CompareScreen
from reader.ui.screens.story import StoryScreen
from tests.ui.conftest import SEEDS, settle


@asynccontextmanager
async def reader_saving_to(folder: Path) -> AsyncIterator[tuple[ReaderApp, Pilot[None]]]:
    app = make_app(Config(paths=(SEEDS,), reports=folder))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        yield app, pilot


async def delivered(app: ReaderApp, pilot: Pilot[None], folder: Path) -> Path:
    """Wait for the report's worker and Textual's delivery, then the one file saved."""
    for _ in range(100):  # the delivery runs in Textual's own thread: poll its result
        await settle(app, pilot)
        saved = list(folder.glob("*.html"))
        if saved and any("Report saved to" in str(n.message) for n in app._notifications):
            return saved[0]
    raise AssertionError(f"no report in {folder}")


async def test_w_on_the_story_screen_saves_the_story_report(tmp_path: Path) -> None:
    async with reader_saving_to(tmp_path) as (app, pilot):
        await pilot.press("enter")  # the story list is first: open the seeds' story
        await settle(app, pilot)
        assert isinstance(app.screen, StoryScreen)
        await pilot.press("w")
        saved = await delivered(app, pilot, tmp_path)
        page = saved.read_text(encoding="utf-8")
        assert page.count("<article ") == 5 and 'id="coverage"' in page
        assert saved.name.startswith("newsroom-white-house-envoy-steve-witkoff")
        note = [str(n.message) for n in app._notifications if "Report saved" in str(n.message)]
        assert note == [f"Report saved to {saved}"]


async def test_w_on_side_by_side_saves_the_pair_report(tmp_path: Path) -> None:
    async with reader_saving_to(tmp_path) as (app, pilot):
        await pilot.press("tab")  # to the article list
        await pilot.press("enter", "s")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen) and app.screen.alignment is not None
        await pilot.press("w")
        saved = await delivered(app, pilot, tmp_path)
        page = saved.read_text(encoding="utf-8")
        assert page.count('<div class="row pair">') == len(app.screen.alignment.pairs)
        assert 'id="quotes"' in page


async def test_w_makes_the_folder_it_saves_into(tmp_path: Path) -> None:
    # As on a machine with no downloads folder yet.
    folder = tmp_path / "no" / "such" / "folder"
    async with reader_saving_to(folder) as (app, pilot):
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("w")
        saved = await delivered(app, pilot, folder)
        assert saved.parent == folder and saved.read_text(encoding="utf-8").startswith("<!")
