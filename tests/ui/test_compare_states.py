"""Side by side on small hand-written corpora: counts in words, a partner sharing nothing."""

from __future__ import annotations

import json
from pathlib import Path

from reader.ui.screens.compare import CompareScreen
from reader.ui.wording import counted
from tests.ui.conftest import running, settle

SHARED = "The harbour board approved the new ferry timetable after a long public meeting."
ONLY_A = [
    "Fishermen asked for later departures during the winter months.",
    "The board chair said the changes would start in March.",
]
ONLY_B = [
    "A local bakery plans to open a second shop near the station.",
    "Its owner hopes to hire six people before the summer season.",
]
UNRELATED = [
    "The orchestra will tour four cities in the spring with a new conductor.",
    "Ticket prices rose by ten percent compared with last season.",
]


def write_corpus(folder: Path, articles: dict[str, list[str]]) -> Path:
    """One JSONL file: an article a record, titled by its key, text joined by spaces."""
    path = folder / "corpus.jsonl"
    lines = [
        json.dumps({"title": title, "source": f"{title} Times", "text": " ".join(sentences)})
        for title, sentences in articles.items()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def status_of(screen: CompareScreen) -> str:
    return str(screen.query_one("#compare-status").render())


async def test_counts_of_one_are_singular(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, {"Ferry": [SHARED, *ONLY_A], "Harbour": [SHARED, *ONLY_B]})
    async with running((corpus,)) as (app, pilot):
        await pilot.press("enter", "s")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.alignment is not None
        assert len(screen.alignment.pairs) == 1
        assert len(screen.alignment.unique_a) == len(screen.alignment.unique_b) == 1
        status = status_of(screen)
        assert "1 aligned pair ·" in status
        assert "1 passage only in A" in status and "1 only in B" in status
        await pilot.press("n")
        assert "pair 1 of 1" in status_of(screen)


def test_counted_words() -> None:
    assert counted(0, "aligned pair") == "0 aligned pairs"
    assert counted(1, "aligned pair") == "1 aligned pair"
    assert counted(2, "passage only in A", "passages only in A") == "2 passages only in A"
    assert counted(1, "passage only in A", "passages only in A") == "1 passage only in A"
