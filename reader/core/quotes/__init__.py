"""Quotes: speech in quote marks and reported speech, each with speaker, kind and cue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from reader.core.quotes.detection import QuoteDetail, analyse_quotes, detect_quotes

__all__ = ["QuoteDetail", "analyse_quotes", "detect_quotes"]

__getattr__ = lazy_exports(
    __name__,
    {"QuoteDetail": "detection", "analyse_quotes": "detection", "detect_quotes": "detection"},
)
