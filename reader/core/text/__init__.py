"""Text: raw documents cleaned into articles (chrome, structure, metadata), sentences, search.

The shared layer under the engines: it imports no other engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from reader.core.text.cleaning import (
        RepeatCounter,
        clean_corpus,
        clean_document,
        short_line_keys,
        split_empty,
    )
    from reader.core.text.display import counted, printable
    from reader.core.text.metadata import parse_date
    from reader.core.text.search import (
        MATCH_LIMIT,
        find_matches,
        iter_match_batches,
        text_matcher,
    )
    from reader.core.text.sentences import append_trimmed, split_sentences
    from reader.core.text.word_lists import load_words

__all__ = [
    "MATCH_LIMIT",
    "RepeatCounter",
    "append_trimmed",
    "clean_corpus",
    "clean_document",
    "counted",
    "find_matches",
    "iter_match_batches",
    "load_words",
    "parse_date",
    "printable",
    "short_line_keys",
    "split_empty",
    "split_sentences",
    "text_matcher",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "RepeatCounter": "cleaning",
        "clean_corpus": "cleaning",
        "clean_document": "cleaning",
        "short_line_keys": "cleaning",
        "split_empty": "cleaning",
        "parse_date": "metadata",
        "counted": "display",
        "printable": "display",
        "MATCH_LIMIT": "search",
        "find_matches": "search",
        "iter_match_batches": "search",
        "text_matcher": "search",
        "append_trimmed": "sentences",
        "split_sentences": "sentences",
        "load_words": "word_lists",
    },
)
