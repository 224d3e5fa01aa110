"""Reading-view highlight styles: every kind keeps its own colour in every theme."""

from __future__ import annotations

from textual.style import Style

from reader.ui.render import MENTION_STYLES, QUOTE_STYLES
from tests.ui.conftest import running


async def test_people_and_single_term_quotes_differ_in_every_theme() -> None:
    clashes = []
    async with running() as (app, pilot):
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            variables = app.theme_variables
            person = Style.parse(MENTION_STYLES["person"], variables).foreground
            term = Style.parse(QUOTE_STYLES["term"], variables).foreground
            statement = Style.parse(QUOTE_STYLES["statement"], variables).foreground
            assert person is not None and term is not None and statement is not None
            if len({person, term, statement}) < 3:
                clashes.append(theme)
    assert clashes == []
