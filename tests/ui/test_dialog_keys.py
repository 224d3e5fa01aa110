"""q quits from every dialog, as the help says; escape closes a dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from reader.ui.screens.choose import ChooseArticleScreen
from reader.ui.screens.errors import ErrorsScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from tests.ui.conftest import running, settle


async def test_q_in_help_quits() -> None:
    async with running() as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "q" in str(app.screen.query_one("#help-text").render())
        await pilot.press("q")
        assert app.return_code == 0


async def test_q_in_errors_quits(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A headline\n\nA body sentence that is long enough.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    async with running((tmp_path,)) as (app, pilot):
        await pilot.press("e")
        assert isinstance(app.screen, ErrorsScreen)
        await pilot.press("q")
        assert app.return_code == 0


async def test_the_choose_dialog_types_q_and_quits_on_ctrl_q() -> None:
    async with running() as (app, pilot):
        await pilot.press("s")
        await settle(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChooseArticleScreen)
        await pilot.press("q")
        assert app.return_code is None
        assert screen.query_one(Input).value == "q"
        shown = {key for key, active in screen.active_bindings.items() if active.binding.show}
        assert "ctrl+q" in shown
        await pilot.press("ctrl+q")
        assert app.return_code == 0


@pytest.mark.parametrize("keys", [("question_mark", "escape"), ("e", "escape"),
                                  ("question_mark", "question_mark"), ("e", "e")])
async def test_escape_and_the_opening_key_close_dialogs(keys: tuple[str, str]) -> None:
    async with running() as (app, pilot):
        await pilot.press(keys[0])
        assert not isinstance(app.screen, MainScreen)
        await pilot.press(keys[1])
        assert isinstance(app.screen, MainScreen)
        assert app.return_code is None


async def test_help_lists_the_list_and_panel_keys() -> None:
    async with running() as (app, pilot):
        await pilot.press("question_mark")
        text = str(app.screen.query_one("#help-text").render())
        for description in ("Reverse sort", "First, last article", "Actors panel",
                            "Filter actors by name", "Kind: all, people", "Reverse actor sort",
                            "To the quotes", "Clear filters", "Errors"):
            assert description in text
