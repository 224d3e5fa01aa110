"""The reading view on big articles, its footer by mode, header, line width and `o`."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import Config
from reader.core.models import AnalysedArticle, Article, Block, Quote, Span
from reader.core.text import MATCH_LIMIT
from reader.ui.app import ReaderApp, make_app
from reader.ui.screens.reading import ReadingScreen
from tests.ui.conftest import running, settle


def long_article(paragraphs: int, *, url: str | None = None) -> AnalysedArticle:
    """``paragraphs`` distinct paragraphs, every tenth opening with a quote."""
    parts: list[str] = []
    blocks: list[Block] = []
    quotes: list[Quote] = []
    offset = 0
    for n in range(paragraphs):
        quoted = f"We said number {n} twice" if n % 10 == 0 else ""
        text = (f"“{quoted},” said Ana. " if quoted else "") + (
            f"Paragraph {n} tells of the harbour, the market and the long road home "
            f"that everyone in the town of Esk walks in the evening.")
        if quoted:
            quotes.append(Quote(Span(offset + 1, offset + 1 + len(quoted)), "statement",
                                speaker="Ana"))
        blocks.append(Block(Span(offset, offset + len(text)), "paragraph"))
        parts.append(text)
        offset += len(text) + 2
    article = Article(id="long", path="long.txt", text="\n\n".join(parts), title="Long",
                      url=url, blocks=tuple(blocks))
    return AnalysedArticle(article, quotes=tuple(quotes))


def one_line_article(text: str) -> AnalysedArticle:
    article = Article(id="line", path="line.txt", text=text, title="One line",
                      blocks=(Block(Span(0, len(text)), "paragraph"),))
    return AnalysedArticle(article)


async def read(app: ReaderApp, pilot, item: AnalysedArticle) -> ReadingScreen:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    screen = ReadingScreen(item, {})
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def empty_app(tmp_path: Path) -> ReaderApp:
    return make_app(Config(paths=(tmp_path,)))


def footer_keys(screen: ReadingScreen) -> dict[str, str]:
    return {key: active.binding.description for key, active in screen.active_bindings.items()
            if key in ("n", "N")}


def bar(screen: ReadingScreen) -> str:
    return str(screen.query_one("#quote-bar").render())


async def test_big_article_opens_scrolls_and_n_reaches_the_last_quote(tmp_path: Path) -> None:
    item = long_article(3_000)
    app = empty_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await read(app, pilot, item)
        view = screen.reading_view
        assert view.text_lines()[0].startswith("“We said number 0 twice,” said Ana.")
        await settle(app, pilot)
        assert view.laid_out.complete and len(view.laid_out) > 6_000
        await pilot.press("end")
        await pilot.pause()
        assert any("Paragraph 2999 tells" in line for line in view.text_lines())
        await pilot.press("home", "N")  # from the top straight to the last quote
        await pilot.pause()
        assert "Quote 300 of 300" in bar(screen)
        assert any("We said number 2990 twice" in line for line in view.text_lines())
        await pilot.press("n")  # wraps to the first
        await pilot.pause()
        assert view.scroll_y == 0 and "Quote 1 of 300" in bar(screen)


async def test_quote_cursor_restyles_only_the_lines_it_moves_between(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = empty_app(tmp_path)
    async with app.run_test(size=(100, 60)) as pilot:
        screen = await read(app, pilot, long_article(40))
        await settle(app, pilot)
        view = screen.reading_view
        await pilot.press("n")
        await pilot.pause()
        drawn: list[int] = []
        render = view._render_text_line
        monkeypatch.setattr(view, "_render_text_line",
                            lambda index: drawn.append(index) or render(index))
        await pilot.press("n")  # quotes 1 and 2 are both on screen: no scrolling
        await pilot.pause()
        assert view.scroll_y == 0
        first, second = (view.laid_out.lines_of(q.span) for q in screen.item.quotes[:2])
        assert drawn and set(drawn) <= {*first, *second}


async def test_find_says_when_matches_are_capped(tmp_path: Path) -> None:
    text = "the cat and the hat " * (MATCH_LIMIT // 2 + 100)
    app = empty_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await read(app, pilot, one_line_article(text.strip()))
        await pilot.press("slash", *"the")
        await settle(app, pilot)
        assert f"Match 1 of {MATCH_LIMIT:,}+ for “the”" in bar(screen)
        assert len(screen.reading_view.matches) == MATCH_LIMIT
        await pilot.press("enter", "n", "n")
        await pilot.pause()
        assert "Match 3 of 10,000+" in bar(screen)
        await pilot.press("escape", "slash", *"hat")  # under the cap: the exact count
        await settle(app, pilot)
        assert f"Match 1 of {text.count('hat'):,} for “hat”" in bar(screen)


async def test_footer_follows_the_mode(tmp_path: Path) -> None:
    app = empty_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await read(app, pilot, long_article(30))
        assert footer_keys(screen) == {"n": "Next quote", "N": "Previous quote"}
        await pilot.press("slash", *"harbour")
        await settle(app, pilot)
        await pilot.press("enter")
        assert footer_keys(screen) == {"n": "Next match", "N": "Previous match"}
        await pilot.press("n")
        assert screen.reading_view.match_index == 1
        assert screen.reading_view.quote_index == -1  # n moved the match, not the quote
        await pilot.press("escape")
        assert footer_keys(screen) == {"n": "Next quote", "N": "Previous quote"}
        await pilot.press("n")
        assert screen.reading_view.quote_index == 0


@pytest.mark.parametrize(
    ("name", "shown"),
    [("ansi\x1b[31mX\x1b[0m\x1b[2J.txt", "ansi␛[31mX␛[0m␛[2J"),
     ("two\nlines.txt", "two␤lines")],
    ids=["escapes", "newline"],
)
async def test_header_shows_names_from_outside_as_printable(
    tmp_path: Path, name: str, shown: str
) -> None:
    (tmp_path / name).write_text("Officials met on Monday and agreed on very little at all.\n")
    async with running((tmp_path,)) as (app, pilot):
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        header = str(screen.query_one("#article-header").render())
        assert shown in header
        assert not any(ch in header.replace("\n", "") for ch in "\x1b\n\r")
        assert len(header.splitlines()) == 3  # title, details, path: nothing cut short


async def test_lines_are_capped_at_100_cells_and_centred(tmp_path: Path) -> None:
    app = empty_app(tmp_path)
    async with app.run_test(size=(200, 30)) as pilot:
        screen = await read(app, pilot, long_article(20))
        await settle(app, pilot)
        strips = [screen.reading_view.render_line(y) for y in range(20)]
        texts = [strip.text for strip in strips if strip.text.strip()]
        widths = [len(text.strip()) for text in texts]
        assert max(widths) <= 100 and max(widths) > 90
        margins = {len(text) - len(text.lstrip()) for text in texts}
        region = screen.reading_view.scrollable_content_region.width
        assert margins == {(region - 100) // 2}


async def test_header_shows_path_and_url_and_o_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    app = empty_app(tmp_path)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await read(app, pilot, long_article(3, url="https://news.example/a?b=1"))
        header = str(screen.query_one("#article-header").render())
        assert "long.txt" in header and "https://news.example/a?b=1" in header
        await pilot.press("o")
        assert opened == ["https://news.example/a?b=1"]


@pytest.mark.parametrize("url", [None, "javascript:alert(1)", "file:///etc/passwd"])
async def test_o_without_a_web_address_only_notifies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str | None
) -> None:
    opened: list[str] = []
    app = empty_app(tmp_path)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(100, 30)) as pilot:
        await read(app, pilot, long_article(3, url=url))
        await pilot.press("o")
        await pilot.pause()
        assert opened == []
        assert any("no web address" in str(n.message) for n in app._notifications)


async def test_resize_rewraps_and_keeps_the_reading_place(tmp_path: Path) -> None:
    app = empty_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await read(app, pilot, long_article(400))
        await settle(app, pilot)
        view = screen.reading_view
        view.scroll_to(y=600, animate=False)
        await pilot.pause()
        anchor = view.laid_out.starts[600]  # the text at the top of the screen
        wide = len(view.laid_out)
        await pilot.resize_terminal(60, 30)
        await settle(app, pilot)
        assert view.laid_out.width < 60 and len(view.laid_out) > wide
        assert view.scroll_y > 600 and view.laid_out.line_of(anchor) == view.scroll_y


async def test_progress_line_only_when_the_layout_takes_more_than_a_moment(
    tmp_path: Path,
) -> None:
    app = empty_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await read(app, pilot, long_article(3))
        progress = screen.query_one("#reading-progress")
        screen.post_message(screen.reading_view.LayoutProgress(50, 200, elapsed=0.01))
        await pilot.pause()
        assert not progress.has_class("-visible")
        screen.post_message(screen.reading_view.LayoutProgress(50, 200, elapsed=2.0))
        await pilot.pause()
        assert progress.has_class("-visible") and "25%" in str(progress.render())
        screen.post_message(screen.reading_view.LayoutProgress(200, 200, elapsed=2.5))
        await pilot.pause()
        assert not progress.has_class("-visible")


def test_span_index_finds_overlaps_in_any_order() -> None:
    from reader.ui.widgets.reading_layout import SpanIndex

    spans = [Span(50, 60), Span(0, 100), Span(10, 20), Span(30, 31), Span(95, 120)]
    index = SpanIndex(spans, lambda span: span)
    for start, end in [(0, 5), (15, 35), (60, 95), (100, 200), (120, 130), (20, 30)]:
        expected = sorted((s for s in spans if s.start < end and s.end > start),
                          key=lambda s: s.start)
        assert index.overlapping(start, end) == expected, (start, end)


@pytest.mark.parametrize(
    "text",
    ["short", "a few words that wrap around at ten cells", "x" * 25 + " tail",
     "北京的新闻发布会上官员说了很多话" * 2, "one\ntwo words here\n\nfour", ""],
    ids=["short", "words", "long-word", "wide", "newlines", "empty"],
)
def test_wrap_fits_the_width_in_cells_and_loses_only_break_spaces(text: str) -> None:
    from rich.cells import cell_len

    from reader.ui.widgets.reading_layout import wrap_text

    lines = list(wrap_text(text, 0, len(text), 10))
    assert all(cell_len(text[start:end]) <= 10 for start, end in lines)
    assert "".join(text[start:end] for start, end in lines).replace(" ", "") == (
        text.replace(" ", "").replace("\n", ""))
    assert [start for start, _ in lines] == sorted(start for start, _ in lines)


async def test_a_new_query_starts_again_at_its_first_match(tmp_path: Path) -> None:
    app = empty_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await read(app, pilot, long_article(30))
        await pilot.press("slash", *"harbour")
        await settle(app, pilot)
        await pilot.press("enter", "n", "n")
        assert screen.reading_view.match_index == 2
        await pilot.press("slash", "end", "backspace")  # "harbou": another search
        await settle(app, pilot)
        assert screen.reading_view.match_index == 0 and "Match 1 of 30 for “harbou”" in bar(
            screen)
