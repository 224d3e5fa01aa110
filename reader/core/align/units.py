"""Alignment units: an article's sentences turned into coded token strings and key sets.

Units are the article's sentences; an over-long sentence (or text without sentences) is cut
into windows at whitespace so no single unit makes the diff or the scorer quadratic.
Preparing an article touches only its own text, so a corpus prepares every article once
and compares the prepared forms pairwise.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from reader.core.align.tokens import STOPWORDS, TOKEN_RE, Lexicon
from reader.core.models import Article

# Sentences longer than this are cut into windows of about half of it.
MAX_UNIT_CHARS = 2_000
_WINDOW_CHARS = 1_000


@dataclass(frozen=True, slots=True)
class Unit:
    """One featurised sentence (or window).

    Attributes:
        start: Offset of the unit in the article text.
        end: End offset of the unit.
        surface: Surface keys, one character per token (for diffs and reuse runs).
        content: Content keys, one character per token (for similarity).
        keys: Coded content keys (characters of ``content``) of non-function words; token
            ``p`` is a function word exactly when ``content[p]`` is not among them.
        names: Coded keys of capitalised names and numbers (who, where, how many).
    """

    start: int
    end: int
    surface: str
    content: str
    keys: frozenset[str]
    names: frozenset[str]


@dataclass(frozen=True)
class PreparedArticle:
    """An article ready for alignment.

    Attributes:
        article: The article itself.
        spans: Every unit span ``(start, end)``, in text order.
        units: Featurised units by index into ``spans``; a unit left out by a focus filter
            (see ``prepare``) is None and can never align.
        df: In how many featurised units each content key occurs.
    """

    article: Article
    spans: tuple[tuple[int, int], ...]
    units: tuple[Unit | None, ...]
    df: Counter[str]


def unit_spans(article: Article) -> list[tuple[int, int]]:
    """Spans of the article's alignment units: sentences, long ones cut into windows.

    Args:
        article: The article.

    Returns:
        Sorted, disjoint ``(start, end)`` pairs; empty for an empty text.
    """
    text = article.text
    if article.sentences:
        base = [(s.start, s.end) for s in article.sentences]
    elif article.blocks:
        base = [(b.span.start, b.span.end) for b in article.blocks]
    else:
        stripped = text.strip()
        start = text.find(stripped) if stripped else 0
        base = [(start, start + len(stripped))] if stripped else []
    spans: list[tuple[int, int]] = []
    for start, end in base:
        if end - start <= MAX_UNIT_CHARS:
            spans.append((start, end))
            continue
        spans.extend(_windows(text, start, end))
    return spans


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` at whitespace into pieces of about ``_WINDOW_CHARS``."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_UNIT_CHARS:
        cut = text.rfind(" ", start + _WINDOW_CHARS // 2, start + _WINDOW_CHARS)
        if cut <= start:
            cut = start + _WINDOW_CHARS
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def prepare(
    article: Article,
    lexicon: Lexicon,
    focus: Collection[str] | None = None,
    limit: int | None = None,
) -> PreparedArticle:
    """Featurise an article's units.

    Args:
        article: The article.
        lexicon: Shared interning table (the same one for every article compared).
        focus: Lower-case written words of the other side. When given, only units sharing
            at least two of them are featurised, so a huge article costs one cheap scan
            rather than a full analysis.
        limit: With ``focus``, featurise at most this many units (those sharing most).

    Returns:
        The prepared article.
    """
    spans = unit_spans(article)
    text = article.text
    chosen: Collection[int] = (
        range(len(spans)) if focus is None else _focus_units(text, spans, focus, limit)
    )
    units: list[Unit | None] = [None] * len(spans)
    df: Counter[str] = Counter()
    read = [(i, lexicon.sentence(text[spans[i][0] : spans[i][1]])) for i in chosen]
    # Capitalised away from a sentence start somewhere in the article: a name.
    proper = frozenset().union(*[sentence.names for _, sentence in read])
    for i, sentence in read:
        names = sentence.names
        first = sentence.first
        if first is not None and first in proper and first not in names:
            # A capital at a sentence start proves nothing unless the word is a name elsewhere.
            names = names | {first}
        unit = Unit(
            spans[i][0], spans[i][1], sentence.surface, sentence.content, sentence.keys, names
        )
        units[i] = unit
        df.update(unit.keys)
    return PreparedArticle(article, tuple(spans), tuple(units), df)


def _focus_units(
    text: str, spans: list[tuple[int, int]], focus: Collection[str], limit: int | None
) -> list[int]:
    """Indices of units sharing at least two focus words, the best ``limit`` of them."""
    focus_set = frozenset(focus)
    scored: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(spans):
        hits = len(focus_set.intersection(TOKEN_RE.findall(text[start:end].lower())))
        if hits >= 2:
            scored.append((hits, -i))
    if limit is not None and len(scored) > limit:
        scored = heapq.nlargest(limit, scored)
    return sorted(-neg for _, neg in scored)


def focus_words(prepared: PreparedArticle) -> frozenset[str]:
    """Lower-case written content words of a prepared article (for ``prepare(focus=...)``).

    Args:
        prepared: A fully prepared (small) article.

    Returns:
        The words, as ``TOKEN_RE`` finds them in lower-cased text.
    """
    text = prepared.article.text
    words: set[str] = set()
    for unit in prepared.units:
        if unit is not None:
            words.update(TOKEN_RE.findall(text[unit.start : unit.end].lower()))
    return frozenset(w for w in words if len(w) > 2 and w not in STOPWORDS)
