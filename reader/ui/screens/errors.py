"""The errors view: every file that was skipped, and why."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.core.models import LoadError
from reader.core.text import counted, printable


class ErrorsScreen(ModalScreen[None]):
    """Lists load errors; escape or e closes it, q quits as everywhere."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,e", "dismiss", "Close", id="errors.close"),
        Binding("q", "app.quit", "Quit", id="errors.quit"),
    ]

    def __init__(self, errors: Sequence[LoadError]) -> None:
        super().__init__()
        self.errors = errors

    def compose(self) -> ComposeResult:
        lines = [Content.styled(f"{counted(len(self.errors), 'file')} skipped", "bold")]
        # Paths come from the file system: a name may hold ESC or a newline.
        lines += [Content.assemble((printable(e.path), "$text-warning"), ": ", printable(e.error))
                  for e in self.errors]
        if not self.errors:
            lines = [Content("Every file loaded.")]
        with VerticalScroll(id="errors-body"):
            yield Static(Content("\n").join(lines), id="errors-text")
