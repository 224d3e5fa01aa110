"""The story screen on the seeds: coverage order, copy pairs, shared quotes, actors, keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.models import Article, CopyPair, SentenceProvenance
from reader.core.stories import sentence_shares
from reader.ui.app import ReaderApp
from reader.ui.screens.compare import CompareScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.screens.story import StoryScreen
from reader.ui.widgets.coverage_strip import originals_first
from tests.ui.conftest import running, settle
from tests.ui.test_untrusted_names import screen_lines


def story_screen(app: ReaderApp) -> StoryScreen:
    assert isinstance(app.screen, StoryScreen)
    return app.screen


def seed(article_id: str) -> str:
    return article_id[:3]


async def test_header_and_coverage_with_the_likely_original_on_top() -> None:
    async with running(stories=True) as (app, pilot):
        await pilot.press("enter")
        await pilot.pause()
        screen = story_screen(app)
        lines = screen_lines(app)
        assert any("2025-12-02 · Fox News · 5 articles · 1 copy pair" in line for line in lines)
        coverage = screen.table("coverage")
        order = [seed(str(key.value)) for key in coverage.rows]
        # 000 is nearly all inside 003, which the pair names the source: 003 first.
        assert order[0] == "003" and order[-1] == "000"
        assert sorted(order) == ["000", "001", "002", "003", "004"]
        strip = coverage.get_row_at(0)[4].plain
        assert strip.startswith("█") and "%" in strip
        assert app.focused is coverage


async def test_enter_on_a_coverage_row_reads_the_article() -> None:
    async with running(stories=True) as (app, pilot):
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert seed(app.screen.item.article.id) == "003"
        await pilot.press("escape")
        assert isinstance(app.screen, StoryScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_tab_walks_the_sections_and_enter_on_a_pair_compares_it() -> None:
    async with running(stories=True) as (app, pilot):
        await pilot.press("enter")
        await pilot.pause()
        screen = story_screen(app)
        await pilot.press("tab")
        assert screen.section == "pairs" and app.focused is screen.table("pairs")
        assert screen.table("pairs").row_count == 1
        a, b, in_b, in_a, source = (c.plain for c in screen.table("pairs").get_row_at(0))
        assert a.startswith("White House envoy")  # no outlet named: the title alone
        assert b.startswith("Fox News: High-stakes")
        assert (in_b, in_a, source) == ("100%", "95%", "B: Fox News")
        matrix = str(screen.query_one("#pairs-matrix").render())
        assert "95%" in matrix and "100%" in matrix
        assert "enter opens the pair side by side" in screen_lines(app)[-2]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        alignment = app.screen.alignment
        assert alignment is not None
        # The likely source (003) on the left, the copy (000) on the right.
        assert (seed(alignment.a_id), seed(alignment.b_id)) == ("003", "000")
        await pilot.press("escape")
        assert story_screen(app).section == "pairs"
        await pilot.press("shift+tab")
        assert story_screen(app).section == "coverage"


async def test_quotes_across_sources_mark_truncation_and_jump_to_the_quote() -> None:
    async with running(stories=True) as (app, pilot):
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab", "tab")
        screen = story_screen(app)
        quotes = screen.table("quotes")
        rows = [[cell.plain for cell in quotes.get_row(key)] for key in quotes.rows]
        rubio = [row for row in rows if row[2] == "Marco Rubio"]
        assert len(rubio) == 3
        assert rubio[0][0].startswith("“So much work remains.") and rubio[0][3] == ""
        assert all(row[3] == "✂ truncated" for row in rubio[1:])
        assert any(row[2] == "Yermak" for row in rows)
        await pilot.press("j", "enter")  # Rubio as 003 quotes him, its first quote
        await settle(app, pilot)
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        assert seed(reading.item.article.id) == "003"
        group = screen.trace.quotes[0] if screen.trace else None
        assert group is not None
        assert reading.reading_view.quote_index == group.occurrences[1].quote


async def test_enter_on_an_actor_filters_the_coverage_rows() -> None:
    async with running(stories=True) as (app, pilot):
        await pilot.press("enter")
        await pilot.pause()
        screen = story_screen(app)
        await pilot.press("tab", "tab", "tab")
        actors = screen.table("actors")
        names = [actors.get_row(key)[0].plain for key in actors.rows]
        rubio = names.index("Marco Rubio")
        assert actors.get_row_at(rubio)[3].plain == "2"  # named in two articles
        actors.move_cursor(row=rubio)
        await pilot.press("enter")
        assert screen.section == "coverage"
        shown = sorted(seed(str(key.value)) for key in screen.table("coverage").rows)
        assert shown == ["000", "003"]
        assert "2 of 5 articles naming Marco Rubio (escape clears)" in screen_lines(app)[-2]
        await pilot.press("escape")
        assert screen.table("coverage").row_count == 5
        assert isinstance(app.screen, StoryScreen)


def test_shares_weigh_sentences_by_length_and_originals_lead(
    seed_articles: dict[str, Article],
) -> None:

    article = seed_articles["000"]
    first = len(article.sentences[0]) / sum(len(s) for s in article.sentences)
    shares = sentence_shares(article, (SentenceProvenance(0, "reuse", ("x",)),))
    assert shares.reuse == first and shares.paraphrase == 0
    assert shares.only == 1 - first
    pairs = (CopyPair("a", "b", 0.9, 0.5, direction="b"), CopyPair("c", "a", 0.2, 0.2))
    assert originals_first(["a", "b", "c"], pairs, {"c": "2025-01-01"}) == ["b", "c", "a"]


async def test_help_lists_the_story_keys_and_the_gutter_legend() -> None:
    from reader.ui.screens.help import HelpScreen

    async with running(stories=True) as (app, pilot):
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for words in ("Story list", "Story screen", "Next section", "Articles", "Stories",
                      "Next only-here passage", "Next sentence", "gutter 2=", "gutter +",
                      "only this article tells it", "✂ truncated"):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, StoryScreen)


async def test_a_quote_worded_differently_has_its_changed_words_marked(
    tmp_path: Path,
) -> None:
    stories = Path(__file__).resolve().parents[1] / "data" / "stories"
    for n, word in ((1, "quickly"), (2, "fast")):
        text = (stories / f"quake-chile-{n}.txt").read_text()
        (tmp_path / f"quake-chile-{n}.txt").write_text(
            f"{text}\n\"We will rebuild every home in Valparaiso, and we will do it {word},\" "
            "Interior Minister Carolina Toha said on Wednesday.\n")
    async with running((tmp_path,), stories=True) as (app, pilot):
        await pilot.press("enter")
        await settle(app, pilot)
        screen = story_screen(app)
        quotes = screen.table("quotes")
        first, second = (quotes.get_row_at(k) for k in range(2))
        assert first[3].plain == "" and second[3].plain == "≠ wording"
        marked = [second[0].plain[span.start : span.end] for span in second[0].spans
                  if span.style and "underline" in str(span.style)]
        assert [m.rstrip(", ") for m in marked] == ["fast"]  # as side by side marks it
        assert not first[0].spans


async def test_at_80_columns_footers_keep_quit_and_help_and_tables_fit() -> None:
    async with running(size=(80, 24), stories=True) as (app, pilot):
        for keys in ((), ("tab",), ("tab", "enter")):
            await pilot.press(*keys)
            await pilot.pause()
            footer = screen_lines(app)[-1]
            assert "q Quit" in footer and "? Help" in footer, footer
        screen = story_screen(app)
        for section in ("coverage", "pairs", "quotes", "actors"):
            table = screen.table(section)
            assert table.virtual_size.width <= 80, section


async def test_a_story_too_big_to_trace_on_the_spot_opens_once_its_worker_traced_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Stories come untraced from the loader; here every story counts as big.
    monkeypatch.setattr("reader.ui.story_traces.TRACE_INLINE_ARTICLES", 0)
    async with running(stories=True) as (app, pilot):
        story = app.corpus.stories[0]
        assert app.corpus.traces == () and app._stories is not None
        assert app._stories.kept(story.id) is None
        await pilot.press("enter")
        await settle(app, pilot)
        screen = story_screen(app)
        assert screen.trace is not None and screen.trace.story == story.id
        assert screen.trace.pairs  # 000 and 003, as when traced on the spot
        # Its articles now open with the provenance gutter without another trace.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.provenance is not None
