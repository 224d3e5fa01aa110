"""The chooser: every other article with its share of this one, closest first, filtered."""

from __future__ import annotations

from reader.core.align import PartnerShare
from reader.ui.screens.choose import ChooseArticleScreen
from reader.ui.screens.compare import CompareScreen
from tests.ui.conftest import running, settle
from tests.ui.test_compare_screen import open_compare


def prompts(chooser: ChooseArticleScreen) -> list[str]:
    options = chooser.option_list
    return [str(options.get_option_at_index(k).prompt) for k in range(options.option_count)]


async def open_chooser(app, pilot) -> tuple[CompareScreen, ChooseArticleScreen]:  # type: ignore[no-untyped-def]
    screen = await open_compare(app, pilot)
    await pilot.press("c")
    await settle(app, pilot)
    chooser = app.screen
    assert isinstance(chooser, ChooseArticleScreen)
    return screen, chooser


async def test_lists_shares_closest_first() -> None:
    async with running() as (app, pilot):
        screen, chooser = await open_chooser(app, pilot)
        assert chooser.done and len(chooser.shares) == 4
        rows = prompts(chooser)
        assert len(rows) == 4 and "%" in rows[-1]
        ids = [chooser.option_list.get_option_at_index(k).id for k in range(4)]
        shares = [chooser.shares[i].share for i in ids]  # type: ignore[index]
        assert shares == sorted(shares, reverse=True)
        assert ids[0] == screen.b.id  # type: ignore[union-attr]  # the default partner
        # The closest is aligned exactly: its figure is the side-by-side header's.
        assert chooser.shares[ids[0]].exact  # type: ignore[index]
        assert rows[0].lstrip().startswith(f"{screen.alignment.coverage_a:.0%}")  # type: ignore[union-attr]
        assert "4 articles · closest first" in str(chooser.query_one("#choose-status").render())


async def test_typing_filters_and_enter_picks() -> None:
    async with running() as (app, pilot):
        screen, chooser = await open_chooser(app, pilot)
        await pilot.press(*"kremlin")
        rows = prompts(chooser)
        assert len(rows) == 1 and "Critical Diplomacy at the Kremlin" in rows[0]
        assert "1 article of 4" in str(chooser.query_one("#choose-status").render())
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.b is not None and screen.b.title == "Critical Diplomacy at the Kremlin"


async def test_filter_matching_nothing_leaves_enter_harmless() -> None:
    async with running() as (app, pilot):
        _, chooser = await open_chooser(app, pilot)
        await pilot.press(*"zzzz")
        assert prompts(chooser) == []
        await pilot.press("enter")
        assert app.screen is chooser
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)


async def test_cursor_follows_the_article_moved_to_while_shares_fill_in() -> None:
    async with running() as (app, pilot):
        _, chooser = await open_chooser(app, pilot)
        await pilot.press("down", "down")
        picked = chooser.option_list.highlighted_option
        assert picked is not None
        # A late batch reorders the list: the cursor stays on the same article.
        last = chooser.option_list.get_option_at_index(3).id
        assert last is not None
        chooser.post_message(ChooseArticleScreen.SharesFound([PartnerShare(last, 1.0, True)]))
        await pilot.pause()
        assert chooser.option_list.get_option_at_index(0).id == last
        assert chooser.option_list.highlighted_option.id == picked.id  # type: ignore[union-attr]
