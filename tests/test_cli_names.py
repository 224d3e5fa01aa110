"""Hostile file names: control characters in names never reach the terminal raw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

BODY = (
    "The harbour board voted on Tuesday to close the old ferry pier for repairs, a decision "
    "that will send commuters to the north terminal for at least three months.\n\n"
    "Engineers found cracks in two of the pier's supports during an inspection in May, and "
    "the board said the work could not wait for the summer timetable to end.\n"
)
ANSI_NAME = "ansi\x1b[31mX\x1b[0m\x1b[2J\x07.txt"
NEWLINE_NAME = "two\nlines.txt"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Two untitled articles sharing their text, one with escapes in its name."""
    (tmp_path / ANSI_NAME).write_text(BODY, encoding="utf-8")
    (tmp_path / NEWLINE_NAME).write_text(BODY, encoding="utf-8")
    return tmp_path


def assert_no_controls(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text


@pytest.mark.parametrize("command", ["analyze", "overlap"])
def test_tables_show_escapes_as_symbols(
    hostile: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, str(hostile)]) == 0
    captured = capsys.readouterr()
    assert_no_controls(captured.out + captured.err)
    assert "ansi␛[31mX␛[0m␛[2J␇" in captured.out


def test_align_shows_escapes_as_symbols(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["align", str(hostile / ANSI_NAME), str(hostile / NEWLINE_NAME)]) == 0
    out = capsys.readouterr().out
    assert_no_controls(out)
    assert out.startswith("A ansi␛[31mX␛[0m␛[2J␇")
    assert out.splitlines()[1].startswith("B two␤lines")


@pytest.mark.parametrize("command", ["analyze", "overlap"])
def test_newline_in_a_name_does_not_split_a_row(
    hostile: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, str(hostile)]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = lines[1:-1]  # between the header and the count
    assert len(rows) == 2  # two articles, or one pair of them
    assert any("two␤lines" in row for row in rows)


def test_error_lines_on_stderr_show_escapes_as_symbols(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty\x1b]0;pwned\x07\n.txt").write_bytes(b"")
    for command in ("analyze", "overlap"):
        assert main([command, str(tmp_path)]) == 2
        err = capsys.readouterr().err
        assert_no_controls(err)
        assert "empty␛]0;pwned␇␤.txt: empty file" in err
    assert main(["align", str(tmp_path / "missing\x1b[2J"), str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert_no_controls(err)
    assert "missing␛[2J: no such file, record or article id" in err


def test_json_keeps_the_real_path(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(hostile), "--json"]) == 0
    out = capsys.readouterr().out
    assert_no_controls(out)  # JSON escapes it as \u001b
    paths = {Path(a["path"]).name for a in json.loads(out)["articles"]}
    assert paths == {ANSI_NAME, NEWLINE_NAME}


def test_usage_errors_show_escapes_as_symbols(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", "--bogus\x1b[2J"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert_no_controls(err)
    assert "--bogus␛[2J" in err
