"""The help screen's sections for stories: the story list and screen, provenance keys, legend."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding

from reader.ui.screens.help import binding_rows
from reader.ui.screens.provenance import ProvenanceScreen
from reader.ui.screens.story import StoryScreen
from reader.ui.widgets.coverage_strip import NAMES, SYMBOLS
from reader.ui.widgets.provenance_gutter import LEGEND

Section = tuple[str, list[tuple[str, str]]]


def story_sections(display: Callable[[Binding], str]) -> list[Section]:
    """Help rows for the story list, the story screen and the reading view's provenance.

    Args:
        display: How the app shows a binding's keys (``App.get_key_display``).
    """
    strip = " ".join(f"{SYMBOLS[kind]} {name}" for kind, name in NAMES.items())
    return [
        ("Story list (the list once stories are known)", [
            ("enter", "Open the story"),
            ("o", "Cycle the order: biggest first, newest first, title"),
            ("/, a, escape", "Search and the actor filter list the stories with a "
                             "matching article; escape clears"),
            ("tab", "To the article list and back"),
        ]),
        ("Story screen", [
            *binding_rows(StoryScreen.BINDINGS, display),
            ("enter", "Coverage: read the article · Who copied whom: side by side on the "
                      "pair · Quotes: the quote in its article · Actors: only the "
                      "articles naming the actor (escape clears)"),
            ("j, k, g, G", "Move, first, last row"),
            ("coverage strip", strip),
            ("quote marks", "✂ truncated, ≠ wording or speaker differs, ? no speaker named"),
        ]),
        ("Reading view: where each sentence comes from", [
            *binding_rows(ProvenanceScreen.BINDINGS, display),
            *[(f"gutter {mark.strip()}", meaning) for mark, meaning in LEGEND],
        ]),
    ]
