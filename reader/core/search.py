"""Finding a reader's search text inside an article, case- and mark-insensitively."""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.core.models import Span

# Curly and straight marks are one character to a reader typing a search.
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def find_matches(text: str, query: str, limit: int = 10_000) -> list[Span]:
    """Every non-overlapping occurrence of ``query`` in ``text``, ignoring case.

    Case folding uses ``str.lower`` (which keeps string length for the scripts news
    uses) so offsets stay valid in the original text.

    Args:
        text: The article text.
        query: What the reader typed; surrounding whitespace is ignored.
        limit: Stop after this many matches.

    Returns:
        Sorted spans of the matches.
    """
    needle = query.strip().lower().translate(_FOLD)
    if not needle:
        return []
    haystack = text.lower().translate(_FOLD)
    if len(haystack) != len(text):
        haystack = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
        haystack = haystack.translate(_FOLD)
    matches: list[Span] = []
    start = haystack.find(needle)
    while start != -1 and len(matches) < limit:
        matches.append(Span(start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return matches


_MARK_CLASSES = {"'": "['‘’]", '"': '["“”]', "-": "[-–—]"}


def text_matcher(query: str) -> Callable[[str], bool]:
    """A test for "does this text contain the query", folded like ``find_matches``.

    Used to filter many articles per keystroke: one compiled pattern, no lower-cased
    copies of the texts.

    Args:
        query: What the reader typed; blank matches everything.

    Returns:
        A function from a text to whether it contains the query.
    """
    needle = query.strip()
    if not needle:
        return lambda text: True
    pattern = re.compile(
        "".join(_MARK_CLASSES.get(ch, re.escape(ch)) for ch in needle.translate(_FOLD)),
        re.IGNORECASE,
    )
    return lambda text: pattern.search(text) is not None
