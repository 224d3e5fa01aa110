"""Table cells keep only their string but measure and draw exactly like a ``Text``."""

from __future__ import annotations

import pytest
from rich.console import Console, JustifyMethod
from rich.text import Text
from textual.app import App, ComposeResult
from textual.render import measure
from textual.strip import Strip
from textual.widgets import DataTable

from reader.core.models import AnalysedArticle, Article
from reader.ui.render import Cell
from reader.ui.widgets.article_list import ArticleList

SAMPLES = [
    "Critical Diplomacy at the Kremlin",
    "[bold]x[/",  # markup-like: must stay literal
    "東京で会談",  # wide characters take two cells each
    "",
    "12,345",
]


@pytest.mark.parametrize("value", SAMPLES)
def test_cell_measures_like_text(value: str) -> None:
    console = Console(width=80)
    as_text = Text(value, no_wrap=True, overflow="ellipsis")
    assert measure(console, Cell(value), 1) == measure(console, as_text, 1)


@pytest.mark.parametrize("value", SAMPLES)
@pytest.mark.parametrize("justify", ["left", "right"])
@pytest.mark.parametrize("width", [6, 40])
def test_cell_draws_like_text(value: str, justify: JustifyMethod, width: int) -> None:
    console = Console(width=80)
    options = console.options.update_width(width)
    as_text = Text(value, no_wrap=True, overflow="ellipsis", justify=justify, end="")
    drawn = console.render_lines(Cell(value, justify=justify), options)
    assert drawn == console.render_lines(as_text, options)


def test_markup_in_a_cell_is_drawn_literally() -> None:
    console = Console(width=80)
    [line] = console.render_lines(Cell("[bold]x[/"), console.options.update_width(20))
    assert "".join(segment.text for segment in line).rstrip() == "[bold]x[/"
    assert all(segment.style is None or not segment.style.bold for segment in line)


@pytest.mark.parametrize("screen_width", [120, 70])
async def test_list_draws_cells_exactly_as_data_table_does(screen_width: int) -> None:
    # ArticleList builds one-line cells itself (a short path); every cell, in every
    # cursor and hover state, must come out as DataTable's own drawing of it.
    titles = ["Short", "A title far too long for the forty cells of its column, cut", "東京で会談",
              "[bold]x[/", "Bell\x07 and carriage\r return", "trailing spaces   "]

    class ListApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleList()

    app = ListApp()
    async with app.run_test(size=(screen_width, 20)) as pilot:
        table = app.query_one(ArticleList)
        table.set_articles([
            AnalysedArticle(Article(id=str(n), path=f"{n}.txt", text="word " * (n * 300),
                                    title=title, source="BBC" if n % 2 else None))
            for n, title in enumerate(titles)
        ])
        await pilot.pause()
        assert any("…" in "".join(s.text for s in line) for line in table.render_lines(
            table.region.reset_offset)) == (screen_width < 100)  # long titles are cut
        base = table.rich_style
        for row in range(len(titles)):
            for column, spec in enumerate(table.ordered_columns):
                width = spec.get_render_width(table)
                for cursor, hover in ((False, False), (True, False), (False, True)):
                    ours = table._render_cell(row, column, base, width, cursor, hover)
                    table._cell_render_cache.clear()
                    theirs = DataTable._render_cell(table, row, column, base, width, cursor, hover)
                    table._cell_render_cache.clear()
                    assert Strip(ours[0]).simplify() == Strip(theirs[0]).simplify(), (row, column)
