"""Untrusted one-line strings (file names, ids, paths, titles, URLs) made safe to show.

A file name may hold ESC, BEL or a newline: printed raw, those move the cursor, clear the
screen or split a table row. Each control character is shown as its Unicode control
picture (ESC as ␛, newline as ␤), so the name stays recognisable and nothing reaches the
terminal as a command. Bidirectional overrides, which reorder what follows them on screen,
are dropped.
"""

from __future__ import annotations

_C0 = {code: chr(0x2400 + code) for code in range(0x20)}
_C0[0x0A] = "␤"  # NEWLINE picture, clearer than LINE FEED's
_C1 = dict.fromkeys(range(0x80, 0xA0), "\ufffd")
_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F], None)
_TABLE: dict[int, str | None] = {
    **_C0,
    0x7F: "␡",
    **_C1,
    **_BIDI,
    0x2028: "␤",
    0x2029: "␤",
}


def printable(text: str) -> str:
    """The string with every control character replaced by a visible symbol.

    Args:
        text: A name, id, path or other one-line string from outside.

    Returns:
        The same string, one line, with no character a terminal would act on.
    """
    return text.translate(_TABLE)


def counted(count: int, noun: str, nouns: str | None = None) -> str:
    """``count`` and the noun in the number that agrees with it.

    Args:
        count: How many.
        noun: The singular ("quote", "aligned pair").
        nouns: The plural when it is not the singular plus "s" ("people").

    Returns:
        "1 quote", "0 quotes", "1,234 quotes".
    """
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"
