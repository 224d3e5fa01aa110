"""Choosing a page's body between two extractors' texts, by how their words overlap.

On the 181 pages of the article-extraction benchmark, trafilatura (fast mode) and
readability-lxml each score about 0.96 token F1, but on different pages: taking the
better of the two on each page would score 0.98. Their failures have two shapes that
the texts themselves show. Where both found the article, one often kept more around it
(related links, comments, captions): its words then hold nearly all of the other's, so
the shorter text is the body. Where one found only a fragment (a lead, a caption), its
words sit inside a text at least twice as long, which is the body. Otherwise trafilatura,
the more precise of the two, is kept. This vote scores 0.972 there (see
``benchmarks/eval_extraction.py``); the thresholds are round numbers, and nearby ones
(0.9-0.99 shared, 0.3-0.5 longer) score 0.970-0.973.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")
# Share of one text's words found in the other for it to count as held in it.
_HELD = 0.9
# The longer of two texts that agree is at most this much longer (share of its words).
_AGREE_EXTRA = 0.5


def pick_body(main: str, second: str) -> str:
    """The better body of two extractions of one page: ``main`` unless evidence says not.

    Args:
        main: The text of the main (more precise) extractor.
        second: The text of the second extractor.

    Returns:
        One of the two texts, unchanged.
    """
    main_words, second_words = _words(main), _words(second)
    main_count, second_count = main_words.total(), second_words.total()
    if not main_count or not second_count:
        return main if main_count else second
    shared = (main_words & second_words).total()
    shorter, longer = (main, second) if main_count <= second_count else (second, main)
    shorter_count, longer_count = sorted((main_count, second_count))
    if shared / shorter_count < _HELD:
        return main  # they disagree: trust the main extractor
    if (longer_count - shorter_count) / longer_count < _AGREE_EXTRA:
        return shorter  # the same article; the longer text kept chrome around it
    return longer  # the shorter text is a fragment of the body


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))
