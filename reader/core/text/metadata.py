"""Article metadata read from text lines: credit lines, bylines, dates, outlet names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(
        _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b",
        re.I,
    ),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),
)

# "This post appeared first on X", "Source: X", "Originally published by X", "Via X".
_CREDIT = re.compile(
    r"^(?:(?:this\s+(?:post|article|story|piece|report)\s+(?:first\s+)?(?:appeared|was\s+"
    r"(?:first\s+|originally\s+)?published)\s+(?:first\s+)?(?:on|in|at|by)"
    r"|(?:originally|first)\s+(?:published|appeared)\s+(?:on|in|at|by)"
    r"|courtesy\s+of|reprinted\s+(?:from|with\s+permission\s+(?:of|from)))\s*:?"
    # "Source" and "Credit" need a colon: "Sources say..." is prose.
    r"|(?:source|sources|credit|via)\s*:)"
    r"\s+(?P<origin>.{2,120}?)\s*\.?$",
    re.I,
)
_GENERIC_ORIGIN_WORDS = frozenset(
    """
    original article post story link here source sources staff agencies wire the an a
    reports report our own website web site
    """.split()
)
_BYLINE = re.compile(
    r"^(?:(?:posted|written|published|reported|words)\s+by|by|author)\s*:?\s+(?P<rest>.+)$",
    re.I,
)
_BYLINE_TAIL = re.compile(r"\s+(?:on|at|in|published|updated|posted)\s*$", re.I)
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
    r"(?P<site>[^.|]{2,60}?)\s*(?:[.|,]\s*)?(?:all\s+rights\s+reserved\.?)?\s*$",
    re.I,
)


@dataclass(frozen=True)
class Credit:
    """A credit line: the origin as written and the outlet name, if it names one."""

    origin: str
    outlet: str | None


def parse_date(line: str) -> str | None:
    """Return the first valid calendar date in ``line`` as ISO ``YYYY-MM-DD``.

    Args:
        line: Any text, such as "by admin December 2, 2025".

    Returns:
        The ISO date, or None when the line holds no complete, valid date.
    """
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(line):
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
            try:
                date = dt.date(int(match.group("year")), month, int(match.group("day")))
            except ValueError:
                continue
            return date.isoformat()
    return None


def strip_dates(line: str) -> str:
    """Return ``line`` with every date removed and whitespace tidied."""
    for pattern in _DATE_PATTERNS:
        line = pattern.sub(" ", line)
    return " ".join(line.split()).strip(" ,|-–—·")


def parse_credit(line: str) -> Credit | None:
    """Recognise a credit line such as "This post appeared first on FOX NEWS".

    Args:
        line: One stripped line.

    Returns:
        The credit, or None when the line is not one.
    """
    if len(line) > 160:
        return None
    match = _CREDIT.match(line)
    if match is None:
        return None
    origin = match.group("origin").strip(" .")
    words = re.findall(r"[\w’']+", origin.lower())
    if not words:
        return None
    generic = all(word in _GENERIC_ORIGIN_WORDS for word in words)
    outlet = None if generic or len(words) > 6 else tidy_outlet(origin)
    return Credit(origin=origin, outlet=outlet)


def parse_byline(line: str) -> tuple[str | None, str | None] | None:
    """Recognise a byline ("by admin December 2, 2025").

    Args:
        line: One stripped line.

    Returns:
        ``(author, iso_date)`` (either may be None), or None when the line is no byline.
    """
    if len(line.split()) > 14:
        return None
    match = _BYLINE.match(line)
    if match is None:
        return None
    date = parse_date(match.group("rest"))
    author = _BYLINE_TAIL.sub("", strip_dates(match.group("rest"))) or None
    if author is not None and (
        len(author.split()) > 6 or (author[0].islower() and len(author.split()) > 1)
    ):
        return None
    return author, date


def parse_copyright_site(line: str) -> str | None:
    """Return the site named in a copyright footer ("Copyright © 2026 X. All Rights Reserved.")."""
    if len(line) > 120 or not re.search(r"©|copyright|\(c\)", line, re.I):
        return None
    match = _COPYRIGHT.match(line)
    if match is None:
        return None
    site = match.group("site").strip()
    return site or None


def tidy_outlet(name: str) -> str:
    """Title-case shouted outlet names ("FOX NEWS" -> "Fox News"); keep acronyms ("BBC")."""
    words = name.split()
    if len(words) < 2 or not name.isupper():
        return " ".join(words)
    # Vowel-less words are acronyms (BBC, CNN, NPR); the rest were shouted.
    return " ".join(
        word.capitalize() if re.search(r"[AEIOUY]", word) else word for word in words
    )
