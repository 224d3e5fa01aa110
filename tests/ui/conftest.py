"""Pilot helpers: an app on given paths, loaded and idle before a test presses keys."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot

from reader.config import Config
from reader.ui.app import ReaderApp, make_app

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

async def settle(app: ReaderApp, pilot: Pilot[None]) -> None:
    """Wait until every worker finished and the messages it posted were handled."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


@asynccontextmanager
async def running(
    paths: tuple[Path, ...] = (SEEDS,), size: tuple[int, int] = (120, 40),
    *, stories: bool = False,
) -> AsyncIterator[tuple[ReaderApp, Pilot[None]]]:
    """Run the app on ``paths`` and yield it once the corpus is loaded.

    The app opens on the story list once loaded; unless ``stories``, tab then switches
    to the article list, which most tests are about.
    """
    app = make_app(Config(paths=paths))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        if not stories and app.main_screen.showing_stories:
            await pilot.press("tab")
        yield app, pilot
