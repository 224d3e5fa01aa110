"""How much of an article its story shares: shares by provenance kind and a text strip.

The strip is drawn with one symbol a kind, so it reads without colour: ``█`` wording
shared with another article, ``▒`` the same fact in other words, ``·`` only here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.content import Content

if TYPE_CHECKING:
    from reader.core.models import CopyPair
    from reader.core.stories import Shares

SYMBOLS = {"reuse": "█", "paraphrase": "▒", "only": "·"}
STYLES = {"reuse": "$text-error", "paraphrase": "$text-warning", "only": "$text-muted"}
# Theme variables for the strip in a table cell, which takes Rich styles, not Content's.
THEME_COLOURS = {"reuse": "text-error", "paraphrase": "text-warning"}
NAMES = {"reuse": "shared wording", "paraphrase": "same fact, other words",
         "only": "only here"}


def strip(shares: Shares, width: int, theme: Mapping[str, str]) -> Text:
    """A ``width``-cell strip: shared, then paraphrased, then only-here cells.

    Args:
        shares: The article's shares.
        width: Cells in all.
        theme: The app's theme variables (``App.theme_variables``) for the colours.
    """
    reuse = round(shares.reuse * width)
    paraphrase = min(width - reuse, round(shares.paraphrase * width))
    parts = [("reuse", reuse), ("paraphrase", paraphrase),
             ("only", width - reuse - paraphrase)]
    text = Text(no_wrap=True, end="")
    for kind, count in parts:
        colour = theme.get(THEME_COLOURS.get(kind, ""))
        text.append(SYMBOLS[kind] * count, Style(color=colour) if colour else Style(dim=True))
    return text


def legend() -> Content:
    """The strip's symbols and what they mean, each in its style."""
    return Content("  ").join(
        [Content.styled(f"{SYMBOLS[kind]} {name}", STYLES[kind]) for kind, name in NAMES.items()]
    )


def originals_first(article_ids: Sequence[str], pairs: Sequence[CopyPair],
                    dates: Mapping[str, str | None]) -> list[str]:
    """Articles with the likely originals on top.

    An article gains a point for each pair naming it the source and loses one for each
    naming the other side; ties go to the earlier date, then to story order.
    """
    score = dict.fromkeys(article_ids, 0)
    for pair in pairs:
        if pair.direction is None:
            continue
        copy = pair.b if pair.direction == pair.a else pair.a
        score[pair.direction] = score.get(pair.direction, 0) + 1
        score[copy] = score.get(copy, 0) - 1
    order = {article_id: k for k, article_id in enumerate(article_ids)}
    return sorted(article_ids, key=lambda a: (-score[a], dates.get(a) is None,
                                              dates.get(a) or "", order[a]))
