"""Counts agree with their nouns ("1 file", "2 files"); skipped files make one notice."""

from __future__ import annotations

from pathlib import Path

from reader.core.text import counted
from reader.ui.screens.errors import ErrorsScreen
from tests.ui.conftest import running

BODY = "A paragraph of plain prose, long enough to count as the body of an article.\n"


def test_plural() -> None:
    assert [counted(n, "quote") for n in (0, 1, 2, 1234)] == [
        "0 quotes", "1 quote", "2 quotes", "1,234 quotes"]
    assert counted(1, "person", "people") == "1 person"
    assert counted(3, "person", "people") == "3 people"


async def test_one_article_one_skipped_file_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Tony Blair visits Paris\n\n" + BODY)
    (tmp_path / "empty.txt").write_bytes(b"")
    async with running((tmp_path,)) as (app, pilot):
        status = str(app.screen.query_one("#list-status").render())
        assert status.startswith("1 of 1 article · ") and "1 skipped (e)" in status
        [notice] = list(app._notifications)
        assert notice.title == "1 file skipped"
        await pilot.press("a")
        panel = app.main_screen.actors_panel
        assert panel is not None
        assert str(panel.query_one("#actors-title").render()).startswith("Actors in 1 article ·")
        await pilot.press("escape", "e")
        assert isinstance(app.screen, ErrorsScreen)
        assert str(app.screen.query_one("#errors-text").render()).startswith("1 file skipped\n")


async def test_skipped_files_raise_one_notification(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A headline\n\n" + BODY)
    for n in range(7):
        (tmp_path / f"empty{n}.txt").write_bytes(b"")
    async with running((tmp_path,)) as (app, _pilot):
        [notice] = list(app._notifications)
        assert notice.title == "7 files skipped"
        assert "empty0.txt: empty file" in notice.message
        assert "and 6 more" in notice.message and "press e" in notice.message
