"""Reading state in the reader: marks, flags and notes survive a restart; filters."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.ui.screens.note import NoteScreen
from reader.ui.screens.reading import ReadingScreen
from tests.ui.conftest import SEEDS, running, settle


async def test_read_flag_and_note_survive_a_restart(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    async with running((folder,)) as (app, pilot):
        table = app.main_screen.article_list
        first, second = table.shown_ids[:2]
        assert table.get_row(first)[2].bold  # unread is bold
        await pilot.press("enter")  # opening marks read
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("escape", "j", "F", "E")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"ask the", "space", *"editor", "ctrl+s")
        await settle(app, pilot)
        assert table.get_row(second)[0].plain == "★"
        await pilot.press("q")
    # The second file moves: its state follows its text.
    moved = folder / "renamed.txt"
    (folder / f"{second}.txt").rename(moved)
    async with running((folder,)) as (app, pilot):
        table = app.main_screen.article_list
        state = app.state_of(first)
        assert state is not None and state.read and not table.get_row(first)[2].bold
        moved_state = app.state_of("renamed")
        assert moved_state is not None
        assert (moved_state.flagged, moved_state.note) == (True, "ask the editor")
        assert table.current_id == "renamed"  # reopened on the article it was on
        await pilot.press("f")  # only flagged
        assert table.shown_ids == ["renamed"]
        await pilot.press("f", "u")  # only unread: the two opened or noted are not
        assert first not in table.shown_ids and len(table.shown_ids) == 4


async def test_note_is_searchable_with_slash() -> None:
    async with running() as (app, pilot):
        table = app.main_screen.article_list
        target = table.shown_ids[3]
        app.change_state((target,), note="zebra crossing")
        await settle(app, pilot)
        await pilot.press("slash", *"zebra")
        assert table.shown_ids == [target]


async def test_a_folder_seen_before_comes_from_the_library_unanalysed(tmp_path: Path) -> None:
    from reader.config import Config
    from reader.ui.app import make_app
    from reader.ui.messages import ArticlesAdded, ArticlesAnalysed, CorpusLoaded

    corpora = []
    for run in range(2):
        messages: list[object] = []
        app = make_app(Config(paths=(SEEDS,)))
        async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
            await settle(app, pilot)
            corpora.append(app.corpus)
            kinds = {type(m) for m in messages}
            assert CorpusLoaded in kinds
            # The second run reads no file and analyses nothing: the snapshot has it all.
            assert (ArticlesAdded in kinds, ArticlesAnalysed in kinds) == (run == 0, run == 0)
    assert corpora[0] == corpora[1]
