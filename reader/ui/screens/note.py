"""The note editor: a small text area for one article's free-text note."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea


class NoteScreen(ModalScreen[str | None]):
    """Edits a note: ctrl+s saves it (empty removes it), escape leaves it as it was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.article_title = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-body"):
            # The title comes from a file: Content, never markup.
            yield Static(Content.assemble(("Note on ", "bold"), self.article_title),
                         id="note-title")
            yield TextArea(self.note, id="note-text", soft_wrap=True)
            yield Static(Content("ctrl+s saves · escape cancels"), id="note-help")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        """Close with the note as typed."""
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        """Close, keeping the note as it was."""
        self.dismiss(None)
