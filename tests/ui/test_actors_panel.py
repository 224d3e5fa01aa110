"""The actors panels: per-article counts, focus, enter, scrolling quotes, filters, sorts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from reader.ui.screens.main import MainScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.actors_panel import ActorsPanel
from tests.ui.conftest import running


def column(panel: ActorsPanel, key: str) -> list[str]:
    return [panel.table.get_cell(row, key).plain for row in panel.table.rows]


async def test_article_panel_counts_this_article_and_takes_focus() -> None:
    async with running() as (app, pilot):
        await pilot.press("j", "j", "j", "enter")
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        await pilot.press("a")
        panel = screen.query_one(ActorsPanel)
        assert panel.has_class("-visible") and panel.table.has_focus
        item = screen.item
        in_article = Counter(m.actor for m in item.mentions if m.actor)
        by_name = {a.name: a for a in app.corpus.actors}
        names = panel.shown_names
        refs = [int(value) for value in column(panel, "mentions")]
        assert refs == [in_article[by_name[name].id] for name in names]
        assert refs == sorted(refs, reverse=True)
        ukraine = names.index("Ukraine")
        assert refs[ukraine] < by_name["Ukraine"].mentions  # not the corpus-wide count
        quotes = [int(value) for value in column(panel, "count")]
        assert quotes == [sum(q.actor == by_name[n].id for q in item.speech) for n in names]
        # Reported speech is counted in a column of its own, not among the quotes.
        reported = [int(value) for value in column(panel, "reported")]
        assert reported == [
            sum(q.actor == by_name[n].id and q.kind == "indirect" for q in item.quotes)
            for n in names
        ]
        assert sum(reported) > 0
        await pilot.press("a")
        assert screen.reading_view.has_focus


async def test_enter_on_an_article_actor_lists_its_quotes_and_scrolls_to_it() -> None:
    async with running(size=(120, 30)) as (app, pilot):
        await pilot.press("j", "j", "j", "enter", "a")
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        panel = screen.query_one(ActorsPanel)
        yermak = app.corpus.actors[[a.name for a in app.corpus.actors].index("Andriy Yermak")]
        panel.table.move_cursor(row=panel.shown_names.index("Andriy Yermak"))
        assert screen.reading_view.scroll_y == 0
        await pilot.press("enter")
        await pilot.pause()
        text = str(panel.query_one("#actor-quotes-text").render())
        assert text.startswith("Andriy Yermak — 1 quote")
        [quote] = [q for q in screen.item.speech if q.actor == yermak.id]
        said = screen.item.article.text[quote.span.start : quote.span.end]
        assert f"“{said}”" in text
        first = next(m.span for m in screen.item.mentions if m.actor == yermak.id)
        view = screen.reading_view
        lines = view.laid_out.lines_of(first)
        assert view.scroll_y > 0
        assert view.scroll_y <= lines.start < view.scroll_y + view.size.height


def quoted_folder(tmp_path: Path) -> Path:
    """One article quoting Tony Blair 40 times, another naming a place and an org."""
    lines = [f"“We will deliver point number {n} for everyone,” said Tony Blair."
             for n in range(40)]
    (tmp_path / "blair.txt").write_text("Blair speaks at length\n\n" + "\n\n".join(lines))
    (tmp_path / "other.txt").write_text(
        "Talks in London\n\nThe European Union met in London on Monday, and Tony Blair "
        "spoke to the United Nations about the plan at some length.\n")
    return tmp_path


async def test_the_quote_list_scrolls(tmp_path: Path) -> None:
    async with running((quoted_folder(tmp_path),), size=(120, 30)) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("a")
        panel = screen.actors_panel
        assert panel is not None
        panel.table.move_cursor(row=panel.shown_names.index("Tony Blair"))
        await pilot.press("enter")
        await pilot.pause()
        text = str(panel.query_one("#actor-quotes-text").render())
        assert text.startswith("Tony Blair — 40 quotes")
        quotes = panel.quotes
        assert quotes.max_scroll_y > 0  # more lines than the pane shows
        await pilot.press("tab")
        assert quotes.has_focus
        await pilot.press("j", "j")
        assert quotes.scroll_y == 2
        await pilot.press("G")
        assert quotes.scroll_y == quotes.max_scroll_y
        await pilot.press("g")
        assert quotes.scroll_y == 0
