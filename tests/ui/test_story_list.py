"""The story list on the main screen: the view it opens on, tab, o, search and filters."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.message import Message

from reader.config import Config
from reader.core.pipeline import analyse_corpus
from reader.ui.app import make_app
from reader.ui.messages import ArticlesAdded, ArticlesAnalysed, CorpusLoaded, StoriesFound
from reader.ui.widgets.story_list import StoryList
from tests.ui.conftest import running, settle
from tests.ui.test_untrusted_names import screen_lines

if TYPE_CHECKING:
    from reader.core.models import Corpus

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories"
CHILE = ("quake-chile-1", "quake-chile-2")


def story_titles(app: object) -> list[str]:
    screen = app.main_screen  # type: ignore[attr-defined]
    return [screen.story_list.get_row(key)[0].plain for key in screen.story_list.rows]


async def test_seeds_open_on_their_single_story() -> None:
    async with running(stories=True) as (app, _pilot):
        screen = app.main_screen
        assert screen.showing_stories
        assert isinstance(app.focused, StoryList)
        [story] = app.corpus.stories
        assert screen.story_list.shown_ids == [story.id]
        row = [cell.plain for cell in screen.story_list.get_row(story.id)]
        assert row[1] == "5" and row[2] == "Fox News" and row[3] == "2025-12-02"
        assert int(row[4]) == sum(len(item.speech) for item in app.corpus.articles)
        lines = screen_lines(app)
        assert "1 of 1 story" in lines[-2]
        assert "tab Articles" in lines[-1]


async def test_tab_switches_between_stories_and_articles() -> None:
    async with running(stories=True) as (app, pilot):
        screen = app.main_screen
        await pilot.press("tab")
        assert not screen.showing_stories
        assert app.focused is screen.article_list
        assert "tab Stories" in screen_lines(app)[-1]
        assert "5 of 5 articles" in screen_lines(app)[-2]
        await pilot.press("tab")
        assert screen.showing_stories and isinstance(app.focused, StoryList)


async def test_enter_opens_the_story_under_the_cursor() -> None:
    from reader.ui.screens.story import StoryScreen

    async with running((STORIES,), stories=True) as (app, pilot):
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        assert app.screen.story.id == app.main_screen.story_list.shown_ids[1]


async def test_biggest_first_and_o_cycles_story_orders() -> None:
    async with running((STORIES,), stories=True) as (app, pilot):
        screen = app.main_screen
        sizes = [len(s.articles) for s in app.corpus.stories]
        assert sorted(sizes) == [1, 2, 2]
        assert story_titles(app)[-1] == "Rovers win the cup on penalties"
        await pilot.press("o")
        assert screen.story_list.order_by == "date"
        assert "newest first" in screen_lines(app)[-2]
        await pilot.press("o")
        titles = story_titles(app)
        assert titles == sorted(titles, key=str.lower)
        await pilot.press("o")
        assert screen.story_list.order_by == "size"
        # The article list keeps its own order.
        assert screen.article_list.order_by == "file"


async def test_search_lists_stories_with_a_matching_article() -> None:
    async with running((STORIES,), stories=True) as (app, pilot):
        screen = app.main_screen
        await pilot.press("slash", *"Valparaiso", "enter")
        assert story_titles(app) == ["Strong earthquake shakes central Chile"]
        assert "1 of 3 stories" in screen_lines(app)[-2]
        assert isinstance(app.focused, StoryList)
        await pilot.press("escape")
        assert len(screen.story_list.shown_ids) == 3


async def test_actor_filter_lists_the_stories_naming_the_actor() -> None:
    async with running((STORIES,), stories=True) as (app, _pilot):
        toha = next(a for a in app.corpus.actors if a.name == "Carolina Toha")
        await app.main_screen.filter_actor(toha.id, toha.name)
        chile = next(s for s in app.corpus.stories if s.articles == CHILE)
        assert app.main_screen.story_list.shown_ids == [chile.id]


def _scripted_loader(corpus: Corpus, gates: list[threading.Event],
                     reached: list[threading.Event]) -> Callable[..., None]:
    """A loader posting ``corpus`` as the real one does, a stage each time a gate opens:
    the rows unanalysed, then the stories, then the analyses in two batches, then the
    corpus. ``reached[k]`` is set once stage k is posted."""
    from reader.core.models import AnalysedArticle

    items = corpus.articles
    stages: list[list[Message]] = [
        [ArticlesAdded(tuple(AnalysedArticle(article=i.article) for i in items)),
         StoriesFound(corpus.stories)],
        [ArticlesAnalysed(items[:2])],
        [ArticlesAnalysed(items[2:])],
        [CorpusLoaded(corpus)],
    ]

    def load(config: Config, post: Callable[[Message], object],
             cancelled: Callable[[], bool]) -> None:
        for gate, done, messages in zip(gates, reached, stages, strict=True):
            gate.wait(10)
            for message in messages:
                post(message)
            done.set()

    return load


async def test_stories_show_before_the_analysis_ends_and_their_counts_fill_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.core.pipeline import grouped_corpus
    from reader.sources.files import load_documents
    from reader.ui.screens.story import StoryScreen

    loaded = load_documents([STORIES])
    whole = grouped_corpus(analyse_corpus(loaded.documents).articles)
    gates = [threading.Event() for _ in range(4)]
    reached = [threading.Event() for _ in range(4)]
    monkeypatch.setattr("reader.ui.loading.load_corpus", _scripted_loader(whole, gates, reached))
    app = make_app(Config(paths=(STORIES,)))
    quotes = {s.id: sum(len(i.speech) for i in whole.articles if i.article.id in s.articles)
              for s in whole.stories}

    async def stage(k: int) -> list[str]:
        gates[k].set()
        await asyncio.to_thread(reached[k].wait, 10)
        await pilot.pause()
        story_list = app.main_screen.story_list
        return [story_list.get_row(s.id)[4].plain for s in whole.stories]

    async with app.run_test(size=(120, 40)) as pilot:
        counts = await stage(0)
        # Stories listed, focused, before any quote is found: every count still to come.
        assert app.main_screen.showing_stories and isinstance(app.focused, StoryList)
        assert counts == ["0…"] * len(whole.stories)
        await pilot.press("enter")  # a story cannot open before its articles are analysed
        await pilot.pause()
        assert not isinstance(app.screen, StoryScreen)
        counts = await stage(1)
        first = {i.article.id for i in whole.articles[:2]}
        for story, count in zip(whole.stories, counts, strict=True):
            done = set(story.articles) <= first
            so_far = sum(len(i.speech) for i in whole.articles[:2]
                         if i.article.id in story.articles)
            assert count == f"{so_far:,}" + ("" if done else "…")
        counts = await stage(2)
        assert counts == [f"{quotes[s.id]:,}" for s in whole.stories]
        await stage(3)
        await pilot.press("home", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, StoryScreen)


async def test_story_titles_from_files_render_literally(tmp_path: Path) -> None:
    # Cleaning drops the escape sequence from the title; the markup must stay text.
    body = ("A paragraph of plain prose that is long enough to count as an article body, "
            "it says, and then it says a little more about the matter at hand.\n")
    (tmp_path / "inject.md").write_text(
        f"---\ntitle: [bold red]x[/] \x1b[31mred\n---\n\n{body}")
    async with running((tmp_path,), stories=True) as (app, pilot):
        [story] = app.corpus.stories
        assert "[bold red]x[/]" in story.title
        lines = screen_lines(app)
        assert any("[bold red]x[/]" in line for line in lines)
        assert not any("\x1b" in line for line in lines)
        await pilot.press("enter")
        await pilot.pause()
        lines = screen_lines(app)
        assert any("[bold red]x[/]" in line for line in lines)
        assert not any("\x1b" in line for line in lines)


async def test_the_palette_opens_a_story_by_title() -> None:
    from reader.ui.screens.story import StoryScreen

    async with running((STORIES,), stories=True) as (app, pilot):
        await pilot.press("ctrl+p", *"open story rovers")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        assert app.screen.story.title == "Rovers win the cup on penalties"


async def test_a_search_typed_while_loading_keeps_the_focus() -> None:
    from textual.widgets import Input

    async with running((STORIES,)) as (app, pilot):
        screen = app.main_screen
        # As while loading: the article list shown, the search box being typed in,
        # then the corpus (with its stories) arrives.
        await pilot.press("slash", *"Malat")
        assert not screen.showing_stories and isinstance(app.focused, Input)
        screen.show_corpus(app.corpus)
        await pilot.pause()
        assert screen.showing_stories and isinstance(app.focused, Input)
        await pilot.press(*"ya", "enter")
        assert story_titles(app) == [
            "Earthquake hits eastern Turkey, buildings collapse in Malatya"]
        assert isinstance(app.focused, StoryList)


def test_a_date_range_drops_the_year_it_repeats() -> None:
    from reader.core.models import Story
    from reader.ui.widgets.story_list import date_range

    def story(first: str | None, last: str | None) -> Story:
        return Story(id="s", title="t", articles=("a",), first_date=first, last_date=last)

    assert date_range(story(None, None)) == "—"
    assert date_range(story("2025-12-02", "2025-12-02")) == "2025-12-02"
    assert date_range(story("2025-12-02", "2025-12-05")) == "2025-12-02 – 12-05"
    assert date_range(story("2024-12-30", "2025-01-02")) == "2024-12-30 – 2025-01-02"


async def test_at_80_columns_story_titles_keep_room() -> None:
    async with running((STORIES,), size=(80, 24), stories=True) as (app, _pilot):
        stories = app.main_screen.story_list
        title = next(c for k, c in stories.columns.items() if k.value == "title")
        assert title.width >= 20
        assert "Strong earthquake" in "".join(screen_lines(app))


async def test_the_borrowed_drawing_matches_a_stock_table_as_the_cursor_moves() -> None:
    from textual.app import App, ComposeResult
    from textual.geometry import Region
    from textual.widgets import DataTable

    from reader.core.models import Story

    class ListApp(App[None]):
        def compose(self) -> ComposeResult:
            yield StoryList()

    app = ListApp()
    async with app.run_test(size=(100, 24)) as pilot:
        stories = app.query_one(StoryList)
        stories.set_stories([Story(id=f"s{n:03d}", title=f"Story [b]{n:03d}[/b]",
                                   articles=("a",) * (1 + n % 4)) for n in range(60)], {})
        stories.focus()
        await pilot.pause()
        full = Region(0, 0, stories.size.width, stories.size.height)
        for _ in range(30):  # past the bottom of the screen: the list scrolls
            await pilot.press("j")
        assert stories.scroll_offset.y > 0
        lines = stories.render_lines(full)
        stories._line_cache.clear()
        stories._row_render_cache.clear()
        stories._cell_render_cache.clear()
        assert DataTable.render_lines(stories, full) == lines  # stock DataTable drawing
        assert "Story [b]" in "".join(line.text for line in lines)
