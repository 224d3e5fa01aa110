"""Evidence that a short line is the article's own: data, captions, lists on the topic.

Wire copy is full of short lines that are content: results ("1. Jesper Ronnback ( Sweden )
25.76 points"), standings ("CSKA Moscow ( Russia ) 9 6 3 15"), scores ("Plymouth 4 Exeter
1") and the labels over them ("Division one", "Results of ... on Friday :"). A run of
short lines is chrome only on evidence of chrome, so these rules say which lines carry
evidence of the contrary, and which short lines after a story are teasers (a headline
trailing off in "...", a date standing alone) that end it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.text.chrome import BULLET, Line, is_chrome_line, is_footer_marker
from reader.core.text.metadata import parse_byline, strip_dates

_DIGIT = re.compile(r"\d")
# A name with its country or team in parentheses: "Jesper Ronnback ( Sweden )".
_PARENTHESISED_NAME = re.compile(r"\(\s*[A-Z][^()]{0,40}\)")
# A fixture: "Kansas City at Detroit", "Birmingham v Barnsley".
_FIXTURE = re.compile(r"^[A-Z]\S*(?: \S+){0,4} (?:at|v|vs\.?|AT|V|VS) [A-Z]")
# Entrants named one after another: "Green , Jerry Kelly , Tim Simpson ,".
_NAME_LIST_COMMAS = 2
_TEASER_END = re.compile(r"(?:\.\.\.|…)$")
_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")
# A caption may stand this many lines above the data it introduces.
_CAPTION_LINES = 3
_CAPTION_MAX_WORDS = 16
_LABEL_MAX_WORDS = 6


def is_teaser(text: str) -> bool:
    """True for a link-like line after a story: a headline cut off, or a date alone."""
    return _TEASER_END.search(text) is not None or (
        _DIGIT.search(text) is not None and not strip_dates(text)
    )


def is_data_line(line: Line) -> bool:
    """True for a line of figures or entrants: numbers, ranks, scores, "( Country )"."""
    text = line.text
    if not text or line.prose or is_teaser(text) or is_chrome_line(text):
        return False
    if is_footer_marker(text) or parse_byline(text) is not None:
        return False
    return (
        _DIGIT.search(text) is not None
        or _PARENTHESISED_NAME.search(text) is not None
        or (line.words <= 8 and _FIXTURE.match(text) is not None)
        or text.count(",") >= _NAME_LIST_COMMAS
    )


def topic_words(lines: Sequence[Line]) -> frozenset[str]:
    """Lower-cased words of four letters or more in the document's prose lines."""
    return frozenset(
        word.lower() for line in lines if line.prose for word in _TOPIC_WORD.findall(line.text)
    )


def body_evidence(lines: Sequence[Line]) -> set[int]:
    """Indexes of short lines that evidence says are body, not chrome.

    Data lines; captions standing over data (up to three short lines above the first data
    line, with no chrome between: "Results of ... on Friday :", "Division one"); and
    short labels ending in a colon over prose or data ("Teams :"); and list items that
    share a word with the document's prose (they continue its topic).

    Args:
        lines: Every line of the document.

    Returns:
        The indexes of the lines with evidence of being body.
    """
    found = {line.index for line in lines if is_data_line(line)}
    topic = topic_words(lines)
    for line in lines:
        if line.bullet and not line.prose and _on_topic(line.text, topic):
            found.add(line.index)
    captions: set[int] = set()
    for index in sorted(found):
        above = index - 1
        taken = 0
        while above >= 0 and taken < _CAPTION_LINES:
            line = lines[above]
            if not line.text:
                above -= 1
                continue
            if line.index in found or not _can_be_caption(line):
                break
            captions.add(line.index)
            taken += 1
            above -= 1
    return found | captions | _labels_over_body(lines, found)


def _labels_over_body(lines: Sequence[Line], found: set[int]) -> set[int]:
    """Short labels ending in a colon ("Scorers :") directly over prose or data."""
    labels: set[int] = set()
    following: Line | None = None
    for line in reversed(lines):
        if not line.text:
            continue
        if (
            following is not None
            and line.text.endswith(":")
            and line.words <= _LABEL_MAX_WORDS
            and _can_be_caption(line)
            and (following.prose or following.index in found)
        ):
            labels.add(line.index)
        following = line
    return labels


def _can_be_caption(line: Line) -> bool:
    """True for a short label that may stand over data (not chrome, not a teaser)."""
    text = line.text
    return (
        line.words <= _CAPTION_MAX_WORDS
        and not line.prose
        and not is_teaser(text)
        and not is_chrome_line(text)
        and not is_footer_marker(text)
        and parse_byline(text) is None
    )


def _on_topic(text: str, topic: frozenset[str]) -> bool:
    """True when a line shares a word of four letters or more with the prose."""
    words = {word.lower() for word in _TOPIC_WORD.findall(BULLET.sub("", text))}
    return bool(words & topic)
