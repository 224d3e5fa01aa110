"""Finding a reader's search text inside an article, case- and mark-insensitively."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
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


MATCH_LIMIT = 10_000
"""Matches an in-article search collects before it stops counting ("10,000+")."""


def find_matches(text: str, query: str, limit: int = MATCH_LIMIT) -> list[Span]:
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


# Python's regex engine keeps the GIL while it scans: a window this size (about a
# millisecond of scanning) lets the UI thread run between windows of a 5 MB search.
SEARCH_WINDOW = 1 << 18


def iter_match_batches(
    text: str, query: str, *, limit: int = MATCH_LIMIT, window: int = SEARCH_WINDOW
) -> Iterator[list[Span]]:
    """``find_matches`` one window of text at a time, for a search that can stop early.

    Yields the matches of each window in turn (windows with none are yielded too, so a
    caller can check for cancellation between them). Yields at most ``limit + 1``
    matches in all and then stops: one more than the limit tells a caller there are
    more than it collects.

    Args:
        text: The article text.
        query: What the reader typed; surrounding whitespace is ignored.
        limit: Matches to collect before stopping (plus the one that shows the cap).
        window: Characters scanned per step.

    Returns:
        Lists of spans, in text order; together they are sorted and disjoint.
    """
    pattern = _query_pattern(query)
    if pattern is None:
        return
    # Each character of the query matches one character of the text (case folding and
    # mark classes are one to one), so a match starting inside a window ends at most
    # this far past it.
    reach = len(query.strip()) - 1
    wanted = limit + 1
    position = 0
    while position < len(text) and wanted > 0:
        stop = position + window
        spans = [Span(*match.span()) for match in islice(
            (m for m in pattern.finditer(text, position, stop + reach) if m.start() < stop),
            wanted)]
        wanted -= len(spans)
        yield spans
        position = max(stop, spans[-1].end) if spans else stop


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
