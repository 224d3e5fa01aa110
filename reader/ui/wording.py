"""Counts in words for status lines: "1 pair", "2 pairs"."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun, singular for exactly one.

    Args:
        count: How many.
        singular: The words after a count of one ("aligned pair").
        plural: The words after any other count (default: ``singular`` plus "s").

    Returns:
        For example "1 aligned pair" or "3 aligned pairs".
    """
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
