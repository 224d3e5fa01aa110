"""``newsroom serve`` in Chromium: the reader's list is drawn, and keys reach it."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HARBOUR = Path(__file__).resolve().parent.parent / "data" / "report"
# Ink on the terminal's text canvas: how many pixels differ from its top-left one, and
# a checksum of them, so a redraw after a key can be told from the same screen.
_INK = """() => {
  const canvas = document.querySelector("canvas.xterm-text-layer");
  if (!canvas) return null;
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0, sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) {
      ink += 1; sum = (sum * 31 + data[i] + i) % 1000000007;
    }
  }
  return [ink, sum];
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served() -> Iterator[str]:
    """``newsroom serve`` on the fixture pair, on a free port of 127.0.0.1."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "reader", "serve", str(HARBOUR), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(150):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                try:  # waits a little, and fails at once if the server died
                    server.wait(timeout=0.2)
                    pytest.fail(f"newsroom serve exited: {server.stderr.read()!r}")
                except subprocess.TimeoutExpired:
                    pass
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def ink(page: Any) -> tuple[int, int]:
    found = page.evaluate(_INK)
    assert found is not None, "no terminal canvas on the page"
    return int(found[0]), int(found[1])


def test_serve_shows_the_reader_and_takes_keys(browser: Any, served: str) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    # The page's template asks a font service for its font: no outside request is made.
    local = (served, served.replace("http://", "ws://", 1))
    page.route("**/*", lambda route: route.continue_()
               if route.request.url.startswith(local) else route.abort())
    page.goto(served)
    # The story list: one story, whose title row is drawn in the canvas.
    page.wait_for_function(f"({_INK})() && ({_INK})()[0] > 5000", timeout=60_000)
    page.wait_for_timeout(500)  # let the first frames settle before taking the reference
    listed = ink(page)
    page.locator(".xterm").click()  # keys go to the focused terminal
    page.keyboard.press("Enter")  # open the story
    page.wait_for_function(f"({_INK})()[1] !== {listed[1]}", timeout=30_000)
    page.wait_for_timeout(500)
    story = ink(page)
    page.keyboard.press("Enter")  # read its first article
    page.wait_for_function(f"({_INK})()[1] !== {story[1]}", timeout=30_000)
    assert ink(page)[0] > 5000
    page.close()
