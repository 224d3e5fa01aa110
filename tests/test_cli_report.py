"""``newsroom report``: the file it writes, its format from the suffix, clear failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

HARBOUR = Path(__file__).resolve().parent / "data" / "report"
A, B = str(HARBOUR / "harbour-a.json"), str(HARBOUR / "harbour-b.json")


def test_pair_report_format_follows_the_suffix(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pair.md"
    assert main(["report", A, B, "-o", str(out), "--no-cache"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Side by side: &lt;script&gt;")
    assert f"report written to {out}" in capsys.readouterr().err


def test_report_without_output_writes_html_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", A, B, "--no-cache"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_story_report_by_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", str(HARBOUR), "--json", "--no-cache"]) == 0
    story = json.loads(capsys.readouterr().out)[0]["id"]
    out = tmp_path / "story.json"
    assert main(["report", "--story", story, str(HARBOUR), "-o", str(out), "--no-cache"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "newsroom-report/1" and data["story"]["id"] == story


@pytest.mark.parametrize(("args", "reason"), [
    (["report", A], "needs two articles or --story ID, got 1 article"),
    (["report", A, str(HARBOUR / "missing.json")], "needs two articles, got 1 article"),
    (["report", "--story", "s0000000000", str(HARBOUR)], "no story s0000000000 among 1 story"),
])
def test_report_failures_say_why(args: list[str], reason: str,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*args, "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert reason in err and "Traceback" not in err
