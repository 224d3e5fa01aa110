"""The reading view's provenance gutter: per sentence, shared, told otherwise, or only here.

Each line starts with a three-cell mark for the sentence holding most of the line: the
number of other articles and ``=`` (their wording is shared), the number and ``≈`` (the
same fact in other words), or ``+`` (only this article tells it). Symbols carry the
meaning without colour; theme colours repeat it. The sentence cursor's mark is reversed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from textual.content import Content

from reader.core.models import Article, SentenceProvenance, Span

WIDTH = 3
"""Cells the gutter takes at the left of every line."""
SYMBOLS = {"reuse": "=", "paraphrase": "≈", "only": "+"}
STYLES = {"reuse": "$text-error", "paraphrase": "$text-warning", "only": "$text-success"}
LEGEND = (
    ("2=", "the sentence's wording is shared with 2 other articles of the story"),
    ("1≈", "1 other article tells the same fact in other words"),
    (" +", "only this article tells it"),
)


def passages(kinds: Sequence[str], sentences: Sequence[Span]) -> list[Span]:
    """Runs of consecutive only-here sentences, each as one span."""
    runs: list[Span] = []
    start: int | None = None
    for k, kind in enumerate(kinds):
        if kind == "only" and start is None:
            start = k
        if kind != "only" and start is not None:
            runs.append(Span(sentences[start].start, sentences[k - 1].end))
            start = None
    if start is not None:
        runs.append(Span(sentences[start].start, sentences[-1].end))
    return runs


class ProvenanceGutter:
    """An article's sentence provenance, looked up by text offset for drawing."""

    def __init__(self, article: Article, records: Sequence[SentenceProvenance]) -> None:
        self.sentences = article.sentences
        self._starts = [span.start for span in self.sentences]
        self.records: dict[int, SentenceProvenance] = {
            r.sentence: r for r in records if r.sentence < len(self.sentences)}
        self.kinds = [self.records[k].kind if k in self.records else "only"
                      for k in range(len(self.sentences))]
        self.only_here = passages(self.kinds, self.sentences)
        """Spans of what this article alone tells, in order."""
        self.current: int | None = None
        """The sentence under the sentence cursor."""

    def sentence_at(self, offset: int) -> int | None:
        """The sentence holding ``offset``, else the last one starting before it."""
        k = bisect_right(self._starts, offset) - 1
        return k if k >= 0 else (0 if self.sentences else None)

    def _line_sentence(self, start: int, end: int) -> int | None:
        """The sentence covering most of the line ``start:end``."""
        first = self.sentence_at(start)
        if first is None:
            return None
        best, most = first, -1
        for k in range(first, len(self.sentences)):
            span = self.sentences[k]
            if span.start >= end:
                break
            covered = min(end, span.end) - max(start, span.start)
            if covered > most:
                best, most = k, covered
        return best

    def mark(self, start: int, end: int) -> Content:
        """The gutter cells for the line ``start:end``."""
        k = self._line_sentence(start, end)
        if k is None:
            return Content(" " * WIDTH)
        kind = self.kinds[k]
        record = self.records.get(k)
        count = "" if record is None else str(min(len(record.articles), 9))
        text = f"{count}{SYMBOLS[kind]}".rjust(WIDTH - 1)
        style = STYLES[kind] + (" reverse" if k == self.current else "")
        return Content.assemble((text, style), " ")

    def span(self, sentence: int) -> Span:
        """The text of a sentence."""
        return self.sentences[sentence]


def legend() -> Content:
    """What the gutter marks mean, one per line, each in its colour."""
    kinds = ("reuse", "paraphrase", "only")
    return Content("\n").join([
        Content.assemble((f"  {mark:<4}", STYLES[kind]), meaning)
        for kind, (mark, meaning) in zip(kinds, LEGEND, strict=True)
    ])
