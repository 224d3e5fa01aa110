"""The library: one SQLite database of analyses and reading state (UI-free).

``Library.open(library_home(...))`` opens it; ``AnalysisCache`` keeps per-article
analyses; ``ReadingState`` what the user read, flagged and noted.
"""

from __future__ import annotations

from reader.library.cache import AnalysisCache, CacheInfo, input_key
from reader.library.home import library_home
from reader.library.store import Library, LibraryBusy, LibraryError, NewerSchema

__all__ = [
    "AnalysisCache",
    "CacheInfo",
    "Library",
    "LibraryBusy",
    "LibraryError",
    "NewerSchema",
    "input_key",
    "library_home",
]
