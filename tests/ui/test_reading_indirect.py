"""Reported speech in the reading view: off at first, `r` shows it, n/N then walk it."""

from __future__ import annotations

from reader.ui.render import QUOTE_STYLES
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.reading import ReadingScreen
from tests.ui.conftest import running, settle
from tests.ui.test_reading_screen import bar, open_seed


def _spans_styled(screen: ReadingScreen) -> set[str]:
    """The kinds of the quotes the view highlights over the whole article."""
    view = screen.reading_view
    text = screen.item.article.text
    return {q.kind for q in view._quotes.overlapping(0, len(text))}


async def test_reported_speech_is_off_until_r_then_walked_with_n() -> None:
    async with running() as (app, pilot):
        screen = await open_seed(app, pilot, 1)
        item = screen.item
        reported = [q for q in item.quotes if q.kind == "indirect"]
        assert reported, item.article.id
        view = screen.reading_view
        assert not view.indirect_shown and "indirect" not in _spans_styled(screen)
        assert len(view.walked) == len(item.speech)
        await pilot.press("r")
        assert view.indirect_shown and "indirect" in _spans_styled(screen)
        assert "Reported speech shown" in bar(screen)
        assert len(view.walked) == len(item.speech) + len(reported)
        assert [q.span.start for q in view.walked] == sorted(q.span.start for q in view.walked)
        kinds = []
        for _ in view.walked:
            await pilot.press("n")
            assert view.current_quote is not None
            kinds.append(view.current_quote.kind)
            assert f"· {kinds[-1]} ·" in bar(screen)
        assert "indirect" in kinds
        assert f"Quote {len(view.walked)} of {len(view.walked)}" in bar(screen)
        await pilot.press("r")
        assert not view.indirect_shown and "Reported speech hidden" in bar(screen)
        assert all(q.kind != "indirect" for q in view.walked)


async def test_the_choice_holds_for_the_next_article() -> None:
    async with running() as (app, pilot):
        await open_seed(app, pilot, 1)
        await pilot.press("r", "escape")
        await settle(app, pilot)
        screen = await open_seed(app, pilot, 1)
        assert screen.reading_view.indirect_shown


async def test_help_lists_the_key_and_the_style_differs_from_quotes() -> None:
    async with running() as (app, pilot):
        await open_seed(app, pilot, 1)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        reading = dict(app.screen.sections)["Reading view"]
        assert any(keys == "r" and "Reported speech" in what for keys, what in reading)
        assert QUOTE_STYLES["indirect"] not in (QUOTE_STYLES["statement"], QUOTE_STYLES["term"])
