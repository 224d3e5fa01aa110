"""Layout snapshots of the three main screens at 120x40 (layout only, not logic)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from reader.config import Config
from reader.ui.app import make_app
from tests.ui.conftest import SEEDS

SIZE = (120, 40)


async def loaded(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_list_snapshot(snap_compare: Any) -> None:
    assert snap_compare(make_app(Config(paths=(SEEDS,))), terminal_size=SIZE,
                        run_before=loaded)


def test_reading_snapshot(snap_compare: Any) -> None:
    async def open_003(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("j", "j", "j", "enter", "n", "n")
        await pilot.pause()

    assert snap_compare(make_app(Config(paths=(SEEDS,))), terminal_size=SIZE,
                        run_before=open_003)


def test_compare_snapshot(snap_compare: Any) -> None:
    async def compare_000(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("s")
        await loaded(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(make_app(Config(paths=(SEEDS,))), terminal_size=SIZE,
                        run_before=compare_000)
