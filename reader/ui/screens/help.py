"""The help screen: every key of every screen, read from the bindings themselves."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

HELP_INTRO = (
    "Newsroom Reader — read one story across many outlets.\n"
    "Quotes are green (statements) or amber (single terms); people, organisations and "
    "places are coloured by kind. In side-by-side mode, differing words are marked "
    "(replaced underlined, inserted bold, deleted struck through) and passages only one "
    "side has are dimmed."
)


def binding_rows(bindings: list[BindingType], display: Callable[[Binding], str]
                 ) -> list[tuple[str, str]]:
    """``(keys, description)`` rows of the bindings that have a description.

    A binding's tooltip, when it has one, is the longer description the footer has no
    room for, so the help shows that instead.

    Args:
        bindings: A class's BINDINGS.
        display: How the app shows a binding's keys (``App.get_key_display``).
    """
    rows = []
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            keys = ", ".join(
                display(Binding(key.strip(), "")) for key in binding.key.split(",")
            )
            rows.append((keys, binding.tooltip or binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """Lists every key; escape or ? closes it, q quits as everywhere."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("q", "app.quit", "Quit", id="help.quit"),
    ]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        parts = [Content(HELP_INTRO)]
        for title, rows in self.sections:
            parts.append(Content.assemble("\n", (title, "bold $accent")))
            for keys, description in rows:
                parts.append(Content.assemble((f"  {keys:<22}", "bold"), description))
        with VerticalScroll(id="help-body"):
            yield Static(Content("\n").join(parts), id="help-text")
