"""Side by side takes its default partner from the story; the chooser lists it first."""

from __future__ import annotations

from pathlib import Path

from reader.core.models import CopyPair, SentenceProvenance, StoryTrace
from reader.ui.screens.choose import ChooseArticleScreen
from reader.ui.screens.compare import CompareScreen
from reader.ui.story_partner import story_partner
from tests.ui.conftest import running, settle

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories"


def trace(pairs: tuple[CopyPair, ...] = (),
          records: tuple[SentenceProvenance, ...] = ()) -> StoryTrace:
    return StoryTrace(story="s", provenance={"a": records}, pairs=pairs)


def test_the_strongest_pair_wins_then_the_most_sentences_told_alike() -> None:
    pairs = (CopyPair("c", "a", 0.9, 0.8), CopyPair("a", "b", 0.5, 0.5))
    assert story_partner("a", trace(pairs)) == "c"
    records = (SentenceProvenance(0, "paraphrase", ("b", "d")),
               SentenceProvenance(3, "paraphrase", ("d",)))
    assert story_partner("a", trace(records=records)) == "d"
    assert story_partner("a", trace()) is None


async def test_s_pairs_an_article_with_its_story_partner() -> None:
    async with running() as (app, pilot):
        # 001 copies no one: its partner is the article telling most of its facts.
        app.main_screen.article_list.move_cursor(row=1)
        await pilot.press("s")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.alignment is not None
        story = app.story_of(screen.a.id)
        trace = None if story is None else app.story_trace(story.id)
        assert trace is not None
        assert screen.alignment.b_id == story_partner(screen.a.id, trace)


async def test_c_lists_the_story_articles_first() -> None:
    async with running((STORIES,)) as (app, pilot):
        app.main_screen.article_list.move_cursor(row=1)  # quake-chile-1
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.alignment is not None
        assert app.screen.alignment.b_id == "quake-chile-2"
        await pilot.press("c")
        await settle(app, pilot)
        chooser = app.screen
        assert isinstance(chooser, ChooseArticleScreen)
        first = chooser.option_list.get_option_at_index(0)
        assert first.id == "quake-chile-2"
        assert " ◆ " in str(first.prompt)
        status = str(chooser.query_one("#choose-status").render())
        assert "this story's articles first" in status
