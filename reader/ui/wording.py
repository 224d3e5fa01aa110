"""Counts in words for the screen: "1 quote", "2 quotes", with thousands separators."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``count`` and the noun in the number that agrees with it.

    Args:
        count: How many.
        noun: The singular ("quote", "file").
        nouns: The plural when it is not the singular plus "s" ("people").

    Returns:
        "1 quote", "0 quotes", "1,234 quotes".
    """
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"
