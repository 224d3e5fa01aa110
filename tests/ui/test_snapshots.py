"""Layout snapshots of the main screens at 120x40, stories also at 80x24 (layout only)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from reader.config import Config
from reader.ui.app import make_app
from reader.ui.screens.story import StoryScreen
from tests.ui.conftest import SEEDS
from tests.ui.test_story_list import STORIES

SIZE = (120, 40)


async def loaded(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_list_snapshot(snap_compare: Any) -> None:
    async def articles(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("tab")  # from the story list the app opens on
        await pilot.pause()

    assert snap_compare(make_app(Config(paths=(SEEDS,))), terminal_size=SIZE,
                        run_before=articles)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_story_list_snapshot(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(Config(paths=(STORIES,))), terminal_size=size,
                        run_before=loaded)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_story_screen_snapshot(snap_compare: Any, size: tuple[int, int]) -> None:
    async def open_story(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("enter")
        # The story screen is pushed by a message and fills its quote marks in a worker.
        for _ in range(50):
            if isinstance(pilot.app.screen, StoryScreen):
                break
            await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(Config(paths=(SEEDS,))), terminal_size=size,
                        run_before=open_story)


def test_reading_snapshot(snap_compare: Any) -> None:
    async def open_003(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("tab", "j", "j", "j", "enter", "n", "n")
        await pilot.pause()

    assert snap_compare(make_app(Config(paths=(SEEDS,))), terminal_size=SIZE,
                        run_before=open_003)


def test_compare_snapshot(snap_compare: Any) -> None:
    async def compare_000(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("tab", "s")
        await loaded(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(make_app(Config(paths=(SEEDS,))), terminal_size=SIZE,
                        run_before=compare_000)
