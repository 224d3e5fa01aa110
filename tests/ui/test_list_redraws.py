"""What the article list draws again when the cursor moves, and that reuse looks the same."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.pilot import Pilot
from textual.scrollbar import ScrollBar

from reader.core.models import AnalysedArticle, Article
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.steady_scrollbar import SteadyScrollBar


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleList()


@asynccontextmanager
async def listing(count: int) -> AsyncIterator[tuple[ArticleList, Pilot[None]]]:
    """A 100x24 app whose list holds ``count`` small articles, drawn once."""
    app = ListApp()
    async with app.run_test(size=(100, 24)) as pilot:
        table = app.query_one(ArticleList)
        table.set_articles([
            AnalysedArticle(Article(id=f"{n:04d}", path=f"{n:04d}.txt", text="word " * 40,
                                    title=f"Story {n:04d}", source="BBC"))
            for n in range(count)
        ])
        await pilot.pause()
        yield table, pilot


async def test_scrollbar_reuses_its_lines_only_while_the_thumb_stands_still() -> None:
    async with listing(2000) as (table, pilot):
        bar = table.vertical_scrollbar
        assert isinstance(bar, SteadyScrollBar)
        crop = bar.region.reset_offset
        drawn = []
        for y in range(0, 120, 3):
            table.scroll_to(y=y, animate=False)
            await pilot.pause()
            steady = bar.render_lines(crop)
            drawn.append(steady)
            bar.refresh()  # makes the stock drawing below draw afresh
            assert steady == ScrollBar.render_lines(bar, crop), y
        distinct = {id(lines) for lines in drawn}
        # 2,000 rows over a 23-line bar: the thumb moves an eighth of a cell every ~11
        # rows, so 40 positions 3 rows apart draw about 11 pictures, not 40.
        assert 2 <= len(distinct) <= len(drawn) // 2
        pictures: list[list[object]] = []
        for lines in drawn:
            if lines not in pictures:
                pictures.append(lines)
        assert len(pictures) == len(distinct)  # each new drawing is a new picture


async def test_header_line_is_kept_while_the_cursor_moves_and_looks_the_same() -> None:
    async with listing(60) as (table, pilot):
        full = Region(0, 0, table.size.width, table.size.height)
        [header_before] = table.render_lines(Region(0, 0, table.size.width, 1))
        for _ in range(30):  # past the bottom of the screen: the list scrolls
            await pilot.press("down")
        assert table.scroll_offset.y > 0
        lines = table.render_lines(full)
        assert lines[0] is header_before  # not drawn again
        table._finished.clear()
        table._line_cache.clear()
        table._row_render_cache.clear()
        assert table.render_lines(full) == lines  # a drawing from scratch is the same
        assert "Title" in lines[0].text and "Story 0029" in "".join(x.text for x in lines)
