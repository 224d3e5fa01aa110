"""Removed lines in the reading view: `d` shows what the cleaner dropped, dimmed, in place."""

from __future__ import annotations

from pathlib import Path

from reader.ui.render import REMOVED_STYLE
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.reading import ReadingScreen
from tests.ui.conftest import running, settle
from tests.ui.test_reading_screen import bar

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "cleaner" / "chrome_after_story.txt"
MENU = "Home\nNews\nSport\n\n"


async def open_only_article(app, pilot) -> ReadingScreen:  # type: ignore[no-untyped-def]
    await pilot.press("enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    return screen


async def test_d_shows_removed_lines_in_place_and_hides_them_again(tmp_path: Path) -> None:
    (tmp_path / "ferry.txt").write_text(MENU + FIXTURE.read_text("utf-8"), "utf-8")
    async with running((tmp_path,)) as (app, pilot):
        screen = await open_only_article(app, pilot)
        view = screen.reading_view
        article = screen.item.article
        assert [line.text for line in article.removed][:4] == [
            "Home", "News", "Sport", "You may also like"]
        header = str(screen.query_one("#article-header").render())
        assert f"{len(article.removed)} lines removed (d)" in header
        before = [line for line in view.text_lines() if line]
        assert "You may also like" not in before and "Home" not in before
        assert before[0].startswith("The harbour council approved")

        await pilot.press("d")
        await settle(app, pilot)
        shown = [line for line in view.text_lines() if line]
        assert shown[:3] == ["Home", "News", "Sport"]
        assert shown[3].startswith("The harbour council approved")
        tail = shown[shown.index("You may also like"):]
        assert tail[:2] == ["You may also like", "Storm warning issued for the coast road..."]
        assert view.laid_out.removed, "removed lines are laid out as lines of their own"
        row = next(iter(view.laid_out.removed))
        assert REMOVED_STYLE.split()[0] in str(view.render_line(row - int(view.scroll_y)))
        assert "removed lines shown" in bar(screen)

        await pilot.press("d")
        await settle(app, pilot)
        assert [line for line in view.text_lines() if line] == before
        assert "hidden" in bar(screen)


async def test_an_article_with_nothing_removed_says_so(tmp_path: Path) -> None:
    story = "Ferry timetable approved\n\nThe council approved the timetable on Thursday night.\n"
    (tmp_path / "plain.txt").write_text(story, "utf-8")
    async with running((tmp_path,)) as (app, pilot):
        screen = await open_only_article(app, pilot)
        assert not screen.item.article.removed
        await pilot.press("d")
        await settle(app, pilot)
        assert not screen.reading_view.removed_shown
        assert "removed no line" in bar(screen)


async def test_help_lists_the_removed_lines_key(tmp_path: Path) -> None:
    (tmp_path / "ferry.txt").write_text(FIXTURE.read_text("utf-8"), "utf-8")
    async with running((tmp_path,)) as (app, pilot):
        await open_only_article(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "lines the cleaner removed" in str(app.screen.query_one("#help-text").render())
