"""Reports opened from file:// in Chromium: rows, marks, escaped titles, no network."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main

TESTS = Path(__file__).resolve().parent.parent
HARBOUR = TESTS / "data" / "report"
DOCS = TESTS.parent / "docs"
HOSTILE = "<script>alert(1)</script> [bold] Dock workers strike at Northport"


def open_report(browser: Any, page_file: Path, width: int = 1100) -> tuple[Any, list[str]]:
    """The page loaded from its file, and every URL it asked for."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: pytest.fail(f"the page ran a script: {dialog.message}"))
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")
    return page, requests


def test_pair_report_in_chromium(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "pair.html"
    assert main(["report", str(HARBOUR / "harbour-a.json"), str(HARBOUR / "harbour-b.json"),
                 "-o", str(out), "--no-cache"]) == 0
    page, requests = open_report(browser, out)
    assert requests == [out.as_uri()]
    assert page.locator("header.side h2").first.inner_text() == f"A: {HOSTILE}"
    assert page.title().startswith(HOSTILE)
    assert page.locator("script").count() == 0
    pairs = page.locator(".row.pair")
    assert pairs.count() == 4
    first = pairs.first
    # Both sides of an aligned passage sit on one row.
    a_box = first.locator(".side-a").bounding_box()
    b_box = first.locator(".side-b").bounding_box()
    assert a_box and b_box and abs(a_box["y"] - b_box["y"]) < 2 and b_box["x"] > a_box["x"]
    assert page.locator(".side-a del", has_text="and our members will not wait").count() == 1
    assert page.locator(".side-b ins", has_text="pay").count() >= 1
    assert page.locator(".row.unique .only", has_text="The port authority said").count() == 1
    assert page.locator("a[href^='javascript']").count() == 0
    shot = tmp_path / "pair.png"
    page.screenshot(path=str(shot), clip={"x": 0, "y": 0, "width": 1100, "height": 900})
    assert shot.stat().st_size > 10_000
    if os.environ.get("NEWSROOM_DOCS_SCREENSHOT"):  # refresh the README's picture
        shutil.copyfile(shot, DOCS / "report.png")
    page.close()


def test_pair_report_stacks_on_a_phone(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "pair.html"
    assert main(["report", str(HARBOUR / "harbour-a.json"), str(HARBOUR / "harbour-b.json"),
                 "-o", str(out), "--no-cache"]) == 0
    page, _ = open_report(browser, out, width=390)
    first = page.locator(".row.pair").first
    a_box = first.locator(".side-a").bounding_box()
    b_box = first.locator(".side-b").bounding_box()
    assert a_box and b_box and b_box["y"] >= a_box["y"] + a_box["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


def test_story_report_in_chromium(browser: Any, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", str(HARBOUR), "--json", "--no-cache"]) == 0
    story = json.loads(capsys.readouterr().out)[0]["id"]
    out = tmp_path / "story.html"
    assert main(["report", "--story", story, str(HARBOUR), "-o", str(out), "--no-cache"]) == 0
    page, requests = open_report(browser, out)
    assert page.locator("h1").inner_text() == HOSTILE
    assert page.locator("article").count() == 2
    assert page.locator("#coverage ~ table tr").count() >= 3
    # A link in the coverage table leads to the article inside the page.
    page.locator("table a[href^='#article-']").first.click()
    assert page.evaluate("location.hash").startswith("#article-")
    assert page.locator("article .reuse").count() > 0
    page.screenshot(path=str(tmp_path / "story.png"), full_page=True)
    assert (tmp_path / "story.png").stat().st_size > 10_000
    assert requests == [out.as_uri()]
    page.close()
