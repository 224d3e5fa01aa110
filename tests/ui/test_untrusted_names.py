"""File names with escape sequences or newlines are shown as visible symbols, one line each."""

from __future__ import annotations

from pathlib import Path

from reader.ui.app import ReaderApp
from reader.ui.screens.errors import ErrorsScreen
from tests.ui.conftest import running

BODY = "A paragraph of plain prose that is long enough to count as an article body, it says.\n"
ANSI_NAME = "ansi\x1b[31mX\x1b[0m\x1b[2J"


def screen_lines(app: ReaderApp) -> list[str]:
    """What the terminal would get: the text of every line on screen."""
    return ["".join(segment.text for segment in strip)
            for strip in app.screen._compositor.render_strips()]


def names_folder(tmp_path: Path) -> Path:
    (tmp_path / f"{ANSI_NAME}.txt").write_text(BODY)
    (tmp_path / "new\nline.txt").write_text(BODY)
    (tmp_path / "plain.txt").write_text("A plain headline\n\n" + BODY)
    (tmp_path / "bad\x1b[2Jname.txt").write_bytes(b"")  # skipped: empty
    return tmp_path


async def test_control_characters_in_names_do_not_reach_the_list(tmp_path: Path) -> None:
    async with running((names_folder(tmp_path),), size=(100, 20)) as (app, _pilot):
        lines = screen_lines(app)
        assert not any(char in line for line in lines for char in "\x1b\n")
        header = next(i for i, line in enumerate(lines) if "Outlet" in line)
        assert lines[header].split() == ["★", "Outlet", "Title", "Date", "Words", "Quotes"]
        rows = lines[header + 1 : header + 4]
        assert "(ansi␛[31mX␛[0m␛[2J)" in rows[0]
        assert "(new␤line)" in rows[1]
        assert "A plain headline" in rows[2]
        # Each row keeps its six columns on one line.
        assert all(row.split()[-2:] == ["17", "0"] for row in rows)
        notices = [n.message for n in app._notifications]
        assert any("bad␛[2Jname.txt" in n for n in notices)
        assert not any("\x1b" in n for n in notices)


async def test_control_characters_in_names_do_not_reach_the_errors_view(
        tmp_path: Path) -> None:
    async with running((names_folder(tmp_path),), size=(100, 20)) as (app, pilot):
        await pilot.press("e")
        assert isinstance(app.screen, ErrorsScreen)
        text = str(app.screen.query_one("#errors-text").render())
        assert "bad␛[2Jname.txt: empty file" in text and "\x1b" not in text


async def test_control_characters_in_names_do_not_reach_the_palette(tmp_path: Path) -> None:
    async with running((names_folder(tmp_path),), size=(100, 30)) as (app, pilot):
        await pilot.press("ctrl+p", *"open ansi")
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = screen_lines(app)
        assert any("Open: ansi␛[31mX␛[0m␛[2J" in line for line in lines)
        assert not any("\x1b" in line for line in lines)
