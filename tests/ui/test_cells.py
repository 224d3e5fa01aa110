"""Table cells keep only their string but measure and draw exactly like a ``Text``."""

from __future__ import annotations

import pytest
from rich.console import Console, JustifyMethod
from rich.text import Text
from textual.render import measure

from reader.ui.render import cell

SAMPLES = [
    "Critical Diplomacy at the Kremlin",
    "[bold]x[/",  # markup-like: must stay literal
    "東京で会談",  # wide characters take two cells each
    "",
    "12,345",
]


@pytest.mark.parametrize("value", SAMPLES)
def test_cell_measures_like_text(value: str) -> None:
    console = Console(width=80)
    as_text = Text(value, no_wrap=True, overflow="ellipsis")
    assert measure(console, cell(value), 1) == measure(console, as_text, 1)


@pytest.mark.parametrize("value", SAMPLES)
@pytest.mark.parametrize("justify", ["left", "right"])
@pytest.mark.parametrize("width", [6, 40])
def test_cell_draws_like_text(value: str, justify: JustifyMethod, width: int) -> None:
    console = Console(width=80)
    options = console.options.update_width(width)
    as_text = Text(value, no_wrap=True, overflow="ellipsis", justify=justify, end="")
    drawn = console.render_lines(cell(value, justify=justify), options)
    assert drawn == console.render_lines(as_text, options)


def test_markup_in_a_cell_is_drawn_literally() -> None:
    console = Console(width=80)
    [line] = console.render_lines(cell("[bold]x[/"), console.options.update_width(20))
    assert "".join(segment.text for segment in line).rstrip() == "[bold]x[/"
    assert all(segment.style is None or not segment.style.bold for segment in line)
