"""Keys of the lists: top and bottom, reversed sorts, the actors filters, 80 columns."""

from __future__ import annotations

from reader.ui.screens.main import MainScreen
from reader.ui.widgets.actors_panel import ActorsPanel
from tests.ui.conftest import running
from tests.ui.test_untrusted_names import screen_lines


def status(screen: MainScreen) -> str:
    return str(screen.query_one("#list-status").render())


async def test_g_and_shift_g_jump_to_the_ends_of_the_list() -> None:
    async with running() as (app, pilot):
        table = app.main_screen.article_list
        await pilot.press("G")
        assert table.cursor_row == 4
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == 4
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_shift_o_reverses_the_sort_and_the_status_says_so() -> None:
    async with running() as (app, pilot):
        screen = app.main_screen
        table = screen.article_list
        words = {key.value: int(table.get_cell(key, "words").plain.replace(",", ""))
                 for key in table.rows}
        await pilot.press("O")
        assert table.shown_ids == list(reversed(list(words)))
        assert "sorted by file, reversed" in status(screen)
        await pilot.press("o", "o", "o", "o")  # a new order starts its natural way
        assert table.order_by == "size" and not table.reverse
        assert [words[i] for i in table.shown_ids] == sorted(words.values(), reverse=True)
        await pilot.press("O")
        assert [words[i] for i in table.shown_ids] == sorted(words.values())
        assert "sorted by size, shortest first" in status(screen)
        await pilot.press("o", "o", "O")  # date, newest first
        assert "newest first" in status(screen)
        # Only one seed is dated: the undated ones stay after it either way round.
        assert table.shown_ids[0].startswith("003")


async def test_actors_panel_filters_as_you_type_and_by_kind() -> None:
    async with running() as (app, pilot):
        await pilot.press("a")
        panel = app.main_screen.actors_panel
        assert isinstance(panel, ActorsPanel)
        everyone = panel.shown_names
        await pilot.press("slash", *"put")
        assert panel.filter_input.has_focus
        assert panel.shown_names == ["Vladimir Putin"]
        title = str(panel.query_one("#actors-title").render())
        assert f"1 of {len(everyone)}" in title
        await pilot.press("enter")
        assert panel.table.has_focus
        # Back in the box its text is selected, so typing replaces it; o, O and t are
        # letters there, not the panel's keys.
        await pilot.press("slash", "o", "O", "t")
        assert panel.filter_input.value == "oOt"
        assert panel.order_by == "mentions" and not panel.reverse and panel.kind is None
        await pilot.press("escape")  # clears the box, back to the table
        assert panel.filter_input.value == "" and panel.table.has_focus
        assert panel.has_class("-visible")
        assert panel.shown_names == everyone
        kinds = {a.name: a.kind for a in app.corpus.actors}
        for kind, word in (("person", "people"), ("organisation", "organisations"),
                           ("place", "places")):
            await pilot.press("t")
            assert panel.shown_names
            assert {kinds[name] for name in panel.shown_names} == {kind}
            assert word in str(panel.query_one("#actors-title").render())
        await pilot.press("t")
        assert panel.shown_names == everyone


async def test_actors_panel_sorts_both_ways_and_jumps_to_the_ends() -> None:
    async with running() as (app, pilot):
        await pilot.press("a")
        panel = app.main_screen.actors_panel
        assert isinstance(panel, ActorsPanel)
        refs = [int(panel.table.get_cell(k, "mentions").plain) for k in panel.table.rows]
        assert refs == sorted(refs, reverse=True)
        await pilot.press("O")
        refs = [int(panel.table.get_cell(k, "mentions").plain) for k in panel.table.rows]
        assert refs == sorted(refs)
        assert "fewest first" in str(panel.query_one("#actors-title").render())
        await pilot.press("o")
        names = panel.shown_names
        assert names == sorted(names, key=str.casefold)
        assert "by name, A–Z" in str(panel.query_one("#actors-title").render())
        await pilot.press("G")
        assert panel.table.cursor_row == len(names) - 1
        await pilot.press("g")
        assert panel.table.cursor_row == 0
        # The list's own sort was not touched by the panel's o and O.
        assert app.main_screen.article_list.order_by == "file"


async def test_at_80_columns_the_footer_keeps_q_and_help_and_titles_keep_room() -> None:
    async with running(size=(80, 24)) as (app, pilot):
        footer = screen_lines(app)[-1]
        assert "q Quit" in footer and "? Help" in footer
        await pilot.press("a")
        screen = app.main_screen
        panel = screen.actors_panel
        assert panel is not None and panel.has_class("-visible")
        footer = screen_lines(app)[-1]
        assert "q Quit" in footer and "? Help" in footer
        table = screen.article_list
        assert table.columns[next(k for k in table.columns if k.value == "title")].width >= 30
        assert panel.region.y > table.region.y  # below the list, not beside it
        assert panel.region.width == app.size.width
