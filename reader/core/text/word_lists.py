"""The word lists shipped in ``reader/core/data`` (places, names, common words).

This module owns reading them: each list is read once per process, on first use, from
the package's own data (no user files, no network), so the engines that share a list
also share one copy of it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["load_words"]


@cache
def load_words(name: str) -> frozenset[str]:
    """The lines of one shipped list, e.g. ``places.txt`` (lower-case words or phrases).

    Args:
        name: The file name inside ``reader/core/data``.

    Returns:
        Its non-empty lines.
    """
    data = resources.files("reader.core").joinpath("data", name)
    return frozenset(line for line in data.read_text(encoding="utf-8").split("\n") if line)
