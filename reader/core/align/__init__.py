"""Alignment: passages one article shares with another, word by word, and who shares with whom."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from reader.core.align.alignment import align_articles, align_prepared, alignment_to_json
    from reader.core.align.overlap import find_overlaps, shingles
    from reader.core.align.partners import PartnerShare, rank_partners
    from reader.core.align.side_by_side import CompareRow, layout_rows, swap
    from reader.core.align.tokens import Lexicon
    from reader.core.align.units import PreparedArticle, prepare
    from reader.core.align.word_diff import diff_words

__all__ = [
    "CompareRow",
    "Lexicon",
    "PartnerShare",
    "PreparedArticle",
    "align_articles",
    "align_prepared",
    "alignment_to_json",
    "diff_words",
    "find_overlaps",
    "layout_rows",
    "prepare",
    "rank_partners",
    "shingles",
    "swap",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "align_articles": "alignment",
        "align_prepared": "alignment",
        "alignment_to_json": "alignment",
        "find_overlaps": "overlap",
        "shingles": "overlap",
        "PartnerShare": "partners",
        "rank_partners": "partners",
        "CompareRow": "side_by_side",
        "layout_rows": "side_by_side",
        "swap": "side_by_side",
        "Lexicon": "tokens",
        "PreparedArticle": "units",
        "prepare": "units",
        "diff_words": "word_diff",
    },
)
