"""The reading view under big inputs: opening, quote moves and find, timed to the frame.

Builds two articles in a temporary folder (nothing read from the shared data):

1. 10,000 paragraphs, a third of them with a quote and its speaker. Timed: from the
   enter that opens it to the first frame showing its text, and each ``n`` (20 of them)
   to the frame whose bar shows that quote. Opening its first 2,000 characters is timed
   too: what the screen itself costs to open.
2. A 5 MB article on one line, where "the" occurs about 900,000 times. Timed: opening as
   above; each key while typing "theme" into find, to the frame echoing it in the box and
   to the frame whose bar answers for that prefix; each ``n`` in find mode (20) to the
   frame showing that match; and escape to the frame with the find box gone.

Keys go in the way the terminal driver delivers them (a Key event sent through the
driver, as ``bench_tui.py`` does), and a time is taken when the app's own screen-update
timer hands a frame to the driver (``App._display``) with the awaited state on screen.
Before each key the app is let settle (``pilot.pause``), so each figure is one key's.
Prints p50 / p95 / max per measurement. Goal: every key answered in <= 100 ms.

Usage: python benchmarks/bench_reading.py
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TIMEOUT = 180.0  # seconds to wait for one frame: the code before issue 15 took ~60
SPEAKERS = ["Jane Doe", "Marco Rubio", "Olaf Scholz", "Kaja Kallas", "Dmitry Peskov"]
ONE_LINE_UNIT = "Then they bathe the other theme. "  # six "the" in 33 characters


def long_article() -> str:
    """10,000 distinct paragraphs, every third with a quote attributed to a named person."""
    paragraphs = []
    for n in range(10_000):
        if n % 3 == 0:
            paragraphs.append(
                f"“We will look at item {n} again before the vote,” {SPEAKERS[n % 5]} said on "
                f"Tuesday in Brussels. The committee met for the {n}th time on the budget.")
        else:
            paragraphs.append(
                f"Paragraph {n} of the report covers the regional figures, which rose by "
                f"{n % 97} per cent over the year, according to the statistics office.")
    return "A very long report\n\n" + "\n\n".join(paragraphs) + "\n"


def one_line_article() -> str:
    """About 5 MB of prose on a single line."""
    return "One line\n\n" + ONE_LINE_UNIT * (5_000_000 // len(ONE_LINE_UNIT)) + "\n"


def frame_text(update: Any) -> str:
    """The characters a compositor update sends to the terminal."""
    if hasattr(update, "strips"):
        return "".join(seg.text for strip in update.strips for seg in strip)
    if hasattr(update, "chops"):
        return "".join(seg.text for chop in update.chops for strip in chop.values()
                       if strip is not None for seg in strip)
    return ""


class FrameClock:
    """Times from a key sent to the first frame for which a condition holds."""

    def __init__(self, app: Any, pilot: Any) -> None:
        self.app = app
        self.pilot = pilot
        self._display = app._display
        self._waiting: list[tuple[Callable[[str], bool], asyncio.Event, list[float]]] = []
        app._display = self._stamped

    def _stamped(self, screen: Any, update: Any) -> None:
        self._display(screen, update)
        if not self._waiting:
            return
        now = time.perf_counter()
        text = frame_text(update)
        for condition, event, stamp in self._waiting:
            if not event.is_set() and condition(text):
                stamp.append(now)
                event.set()

    async def press(self, key: str, character: str | None,
                    *conditions: Callable[[str], bool]) -> list[float]:
        """Send one key; seconds until each condition first held in a frame."""
        from textual import events

        await self.pilot.pause()
        waits = [(condition, asyncio.Event(), []) for condition in conditions]
        self._waiting = waits  # type: ignore[assignment]
        event = events.Key(key, character)
        event.set_sender(self.app)
        pressed = time.perf_counter()
        self.app._driver.send_message(event)
        for _condition, done, _stamp in waits:
            await asyncio.wait_for(done.wait(), TIMEOUT)
        self._waiting = []
        return [stamp[0] - pressed for _c, _e, stamp in waits]


def bar(app: Any) -> str:
    return str(app.screen.query_one("#quote-bar").render())


def summary(name: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    line = (f"  {name:<34} n={len(ms):<3} p50 {statistics.median(ms):8.1f} ms  "
            f"p95 {p95:8.1f} ms  max {ms[-1]:8.1f} ms")
    if 1 < len(seconds) <= 5:  # few enough to list in the order they came
        line += "  (" + ", ".join(f"{s * 1000:.0f}" for s in seconds) + ")"
    return line


async def run(path: Path, snippet: str, walk: Callable[[FrameClock], Any]) -> None:
    from reader.config import Config
    from reader.ui.app import make_app
    from reader.ui.messages import CorpusLoaded
    from reader.ui.screens.reading import ReadingScreen

    loaded = asyncio.Event()

    def hook(message: object) -> None:
        if isinstance(message, CorpusLoaded):
            loaded.set()

    app = make_app(Config(paths=(path,), workers=0))
    loading = time.perf_counter()
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await asyncio.wait_for(loaded.wait(), TIMEOUT)
        await pilot.pause()
        print(f"{path.name}: loaded and analysed in {time.perf_counter() - loading:.1f} s")
        clock = FrameClock(app, pilot)
        [opened] = await clock.press(
            "enter", "\r",
            lambda text: isinstance(app.screen, ReadingScreen) and snippet in text)
        print(summary("open to first paint of the text", [opened]))
        await walk(clock)


async def walk_nothing(clock: FrameClock) -> None:
    """Only the opening is timed."""


async def walk_quotes(clock: FrameClock) -> None:
    times = []
    for k in range(1, 21):
        [t] = await clock.press("n", "n", lambda _t, k=k: f"Quote {k} of" in bar(clock.app))
        times.append(t)
    print(summary("n (next quote)", times))


async def walk_find(clock: FrameClock) -> None:
    app = clock.app
    await clock.press("slash", "/", lambda _t: app.screen.find_input.has_focus)
    echoes, answers = [], []
    word = "theme"
    for i, character in enumerate(word, 1):
        prefix = word[:i]
        echo, answer = await clock.press(
            character, character,
            lambda text, p=prefix: p in text and app.screen.find_input.value == p,
            lambda _t, p=prefix: f"for “{p}”" in bar(app) and "atch" in bar(app))
        echoes.append(echo)
        answers.append(answer)
    print(summary("find: key to its echo in the box", echoes))
    print(summary("find: key to its answer in the bar", answers))
    print(f"    bar after typing: {bar(app)}")
    await clock.press("enter", "\r", lambda _t: app.screen.reading_view.has_focus)
    times = []
    for k in range(2, 22):
        [t] = await clock.press("n", "n", lambda _t, k=k: f"Match {k:,} of" in bar(app)
                                or f"Match {k} of" in bar(app))
        times.append(t)
    print(summary("n in find mode", times))
    [t] = await clock.press("escape", None,
                            lambda _t: not app.screen.find_input.has_class("-visible"))
    print(summary("escape (clear find)", [t]))


def main() -> None:
    import reader

    print(f"reader from {Path(reader.__file__).parent}")
    with tempfile.TemporaryDirectory() as tmp:
        long_path = Path(tmp) / "long.txt"
        long_path.write_text(long_article(), encoding="utf-8")
        asyncio.run(run(long_path, "We will look at item 0 again", walk_quotes))
        short = Path(tmp) / "short.txt"  # the same screen on a small article, to compare
        short.write_text(long_article()[:2_000], encoding="utf-8")
        asyncio.run(run(short, "We will look at item 0 again", walk_nothing))
        one_line = Path(tmp) / "oneline.txt"
        one_line.write_text(one_line_article(), encoding="utf-8")
        asyncio.run(run(one_line, "Then they bathe the other", walk_find))


if __name__ == "__main__":
    main()
