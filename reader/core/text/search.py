"""Finding a reader's search text inside an article, case- and mark-insensitively."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from reader.core.models import Span

# Curly and straight marks are one character to a reader typing a search.
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


_MARK_CLASSES = {"'": "['‘’]", '"': '["“”]', "-": "[-–—]"}


def _query_pattern(query: str) -> re.Pattern[str] | None:
    """The query as a case-insensitive pattern where any quote mark or dash matches its
    curly or straight twin; None for a blank query."""
    needle = query.strip().translate(_FOLD)
    if not needle:
        return None
    return re.compile(
        "".join(_MARK_CLASSES.get(ch, re.escape(ch)) for ch in needle), re.IGNORECASE
    )


def find_matches(text: str, query: str, limit: int = 10_000) -> list[Span]:
    """Every non-overlapping occurrence of ``query`` in ``text``, ignoring case.

    The pattern runs on the original text, so offsets stay valid even where lower-casing
    would change a string's length.

    Args:
        text: The article text.
        query: What the reader typed; surrounding whitespace is ignored.
        limit: Stop after this many matches.

    Returns:
        Sorted spans of the matches.
    """
    pattern = _query_pattern(query)
    if pattern is None:
        return []
    return [Span(*match.span()) for match in islice(pattern.finditer(text), limit)]


def text_matcher(query: str) -> Callable[[str], bool]:
    """A test for "does this text contain the query", folded like ``find_matches``.

    Used to filter many articles per keystroke: one compiled pattern, no lower-cased
    copies of the texts.

    Args:
        query: What the reader typed; blank matches everything.

    Returns:
        A function from a text to whether it contains the query.
    """
    pattern = _query_pattern(query)
    if pattern is None:
        return lambda text: True
    return lambda text: pattern.search(text) is not None
