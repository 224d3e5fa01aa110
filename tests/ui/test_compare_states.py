"""Side by side on small hand-written corpora: counts in words, a partner sharing nothing."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.text import counted
from reader.ui.screens.choose import ChooseArticleScreen
from reader.ui.screens.compare import CompareScreen
from reader.ui.widgets.compare_view import CompareRowView
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


async def test_default_partner_sharing_nothing_says_so_and_offers_the_chooser(
    tmp_path: Path,
) -> None:
    corpus = write_corpus(tmp_path, {
        "Orchestra": UNRELATED, "Ferry": [SHARED, *ONLY_A], "Harbour": [SHARED, *ONLY_B],
    })  # fmt: skip
    async with running((corpus,)) as (app, pilot):
        await pilot.press("enter", "s")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.a.title == "Orchestra"
        assert "No article shares text with this one" in status_of(screen)
        assert "press c" in status_of(screen)
        assert screen.b is None and screen.alignment is None
        assert "No article shares text" in str(screen.query_one("#header-b").render())
        assert not screen.query(CompareRowView)
        await pilot.press("x", "n", "tab")
        assert screen.b is None and screen.active_side == "a"
        await pilot.press("c")
        assert isinstance(app.screen, ChooseArticleScreen)


async def test_chosen_partner_sharing_nothing_shows_both_and_says_so(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, {"Ferry": [SHARED, *ONLY_A], "Orchestra": UNRELATED})
    async with running((corpus,)) as (app, pilot):
        await pilot.press("enter", "s")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.a.title == "Ferry"
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen and screen.b is not None
        assert screen.b.title == "Orchestra" and screen.alignment is not None
        assert "These two articles share no text" in status_of(screen)
        assert len(screen.query(CompareRowView)) == 2
