"""The reading state the app shows (read, flag, note by article) and its saving.

Changes show at once; the library write runs in a thread worker, one short
transaction, since a second reader may hold the database's lock for a moment.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

    from reader.library.state import ArticleState, Known, ReadingState


class ReadingStates:
    """Each loaded article's state, and the library's reading state to save it in."""

    def __init__(self, state: ReadingState, known: dict[str, Known],
                 states: dict[str, ArticleState]) -> None:
        self.library = state
        self.known = known
        self.states = states

    def change(self, app: App[None], article_ids: tuple[str, ...], *, read: bool | None,
               flagged: bool | None, note: str | None) -> dict[str, ArticleState]:
        """The changed states (None leaves that part), saved in a worker of ``app``."""
        ids = [i for i in article_ids if i in self.known]
        changed = {}
        for article_id in ids:
            state = self.states[article_id]
            changed[article_id] = replace(
                state, read=state.read if read is None else read,
                flagged=state.flagged if flagged is None else flagged,
                note=state.note if note is None else note)
        self.states.update(changed)
        known = tuple(self.known[i] for i in ids)

        def save() -> None:
            from reader.library import LibraryError
            from reader.ui.messages import AnalysisFailed

            try:
                self.library.set(known, read=read, flagged=flagged, note=note)
            except LibraryError as error:
                app.post_message(AnalysisFailed("saving the reading state", str(error)))

        app.run_worker(save, thread=True, group="state", exit_on_error=False,
                       description="Saving state")
        return changed
