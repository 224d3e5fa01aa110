"""Usage errors: mistyped commands, URLs, and the reader started with no terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize(
    ("word", "hint"),
    [("analyse", "did you mean 'analyze'?"), ("overlpa", "did you mean 'overlap'?"),
     ("bogus", "commands: analyze, stories, align, overlap")],
)
def test_unknown_first_word_is_a_usage_error(
    word: str, hint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # no file or folder of that name here
    assert main([word, str(SEEDS)]) == 2
    err = capsys.readouterr().err
    assert f"'{word}' is neither a command nor an existing file or folder" in err
    assert hint in err


def test_url_argument_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["https://news.example/story"]) == 2
    assert "cannot open a URL (https://news.example/story)" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["bogus"], [str(SEEDS)], []])
def test_reader_without_a_terminal_exits_with_a_message(args: list[str], tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args], cwd=tmp_path,
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("newsroom: error: ")
    if args == ["bogus"]:
        assert "'bogus' is neither a command" in result.stderr
    else:
        assert "the reader needs a terminal" in result.stderr
