"""Package entry points loaded on first use, so importing one engine's entry point loads only it.

A worker process that analyses articles needs ``detect_mentions`` but not the actor merge,
and the reader's search needs ``text_matcher`` but not the cleaner: an eager ``__init__``
would load both (about 45 ms more per spawned worker).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_exports(package: str, homes: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` that imports each public name from its module on first use.

    Args:
        package: The package's ``__name__``.
        homes: Each public name and the submodule (relative to the package) that defines it.

    Returns:
        The function to assign to the package's ``__getattr__``.
    """

    def load(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        # Later lookups find the name directly and skip this function.
        setattr(importlib.import_module(package), name, value)
        return value

    return load
