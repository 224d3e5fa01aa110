"""The app opens a folder and lists its articles; article text is never markup."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.config import Config
from reader.ui.app import make_app
from reader.ui.widgets.article_list import ArticleList
from tests.ui.conftest import settle


async def test_lists_the_seeds(seeds_config: Config) -> None:
    app = make_app(seeds_config)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(ArticleList)
        assert table.row_count == 5
        titles = [table.get_cell(key, "title").plain for key in table.rows]
        assert "Critical Diplomacy at the Kremlin" in titles


async def test_markup_in_title_shows_literally(tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text(
        "[bold]x[/\n\nBody with [link=http://evil]click[/link] and \x1b]8;;http://e\x07"
        "an OSC link\x1b]8;;\x07 in it, long enough to be prose.\n"
    )
    app = make_app(Config(paths=(tmp_path,)))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(ArticleList)
        [key] = list(table.rows)
        assert table.get_cell(key, "title").plain == "[bold]x[/"


async def test_analysis_in_worker_processes_fills_the_same_counts(seeds_config: Config) -> None:
    # A large folder is analysed in a worker process; forced here on the seeds, the list
    # must end up exactly as when the reader analyses them itself.
    counts = []
    for workers in (0, 1):
        app = make_app(replace(seeds_config, workers=workers))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            table = app.screen.query_one(ArticleList)
            counts.append([table.get_cell(key, "quotes").plain for key in table.rows])
            assert app.corpus.actors
    assert counts[0] == counts[1]
    assert "…" not in counts[1] and sum(map(int, counts[1])) >= 10
