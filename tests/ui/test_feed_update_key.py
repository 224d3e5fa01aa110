"""U in the reader: the feeds update in a worker, a bar a feed, new stories without a restart."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import ProgressBar, Static

from reader.config import Config
from reader.library import Library
from reader.library.feeds import FeedStore
from reader.sources.web.fetch import FetchLimits
from reader.sources.web.update import update_feeds
from reader.ui.app import make_app
from reader.ui.screens.feed_update import FeedUpdateScreen
from tests.ui.conftest import settle
from tests.web.server import FeedServer, atom_feed, seeds, serve_seed_site

FAST = FetchLimits(connect_seconds=0.5, read_seconds=0.5, total_seconds=5.0)
# Brackets a markup parser would take for tags: shown as they are, or the dialog fails.
TRICKY_TITLE = "[/] Seed [b]Wire[/b] [1]"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        serve_seed_site(running)
        running.add("/atom.xml", atom_feed(running.base, seeds()[3:], title=TRICKY_TITLE),
                    content_type="application/atom+xml")
        yield running


def follow(home: Path, *urls: str, fetch: bool = False) -> None:
    library = Library.open(home)
    store = FeedStore(library)
    for url in urls:
        store.add(url)
    if fetch:
        update_feeds(store, FAST)
    library.close()


async def test_u_updates_the_feeds_and_the_new_articles_appear(
        server: FeedServer, library_home: Path) -> None:
    # The update runs its own event loop: in a thread, as the reader's worker runs it.
    await asyncio.to_thread(follow, library_home, server.url("/rss.xml"), fetch=True)
    follow(library_home, server.url("/atom.xml"))
    app = make_app(Config(library=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert len(app.corpus.articles) == 3
        await pilot.press("U")
        await settle(app, pilot)
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, FeedUpdateScreen)
        bars = list(screen.query(ProgressBar))
        assert len(bars) == 2 and all(bar.percentage == 1 for bar in bars)
        names = [str(s.render()) for s in screen.query(".feed-name").results(Static)]
        assert names == ["Seed Times", TRICKY_TITLE]
        statuses = [str(s.render()) for s in screen.query(".feed-status").results(Static)]
        assert statuses == ["unchanged", "2 new"]
        assert str(screen.query_one("#feeds-title", Static).render()).startswith(
            "2 new articles from 2 feeds")
        # Loaded again behind the dialog: five articles, one story of the seeds.
        assert sorted(item.article.title for item in app.corpus.articles) == sorted(
            seed.title for seed in seeds())
        assert len(app.main_screen.article_list.rows) == 5
        assert [len(story.articles) for story in app.corpus.stories] == [5]
        await pilot.press("escape")
        assert app.screen is app.main_screen


async def test_u_with_no_feeds_says_how_to_add_one(library_home: Path) -> None:
    app = make_app(Config(paths=(Path(__file__).resolve().parents[2] / "seeds",)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("U")
        await settle(app, pilot)
        title = str(app.screen.query_one("#feeds-title", Static).render())
        assert title == "No feeds followed: add one with 'newsroom feeds add URL'."
