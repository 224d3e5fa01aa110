"""One object per distinct value across a corpus's results, to keep a large corpus small.

Results that arrive from a worker process or from the library are fresh objects: every
mention's kind ("person"), every repeated name ("Blair") and every offset above 256 is
an object of its own, and on 10,000 articles those copies are about half of what the
findings weigh. The models are frozen, so equal values can safely be one object.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar, cast

from reader.core.models import AnalysedArticle, Article, Block, Mention, Quote, Span

S = TypeVar("S", bound=str)  # a plain string, or one of the models' literal kinds


class ValueSharer:
    """Rebuilds results so that equal strings and numbers are the same object.

    One sharer serves a whole load: the longer it lives, the more values it finds
    already seen. It holds each distinct value once (a few thousand on 10,000 news
    articles), so it is dropped with the load that made it.
    """

    def __init__(self) -> None:
        self._numbers: dict[int, int] = {}
        self._strings: dict[str, str] = {}

    def value(self, value: S) -> S:
        """The first string seen equal to ``value`` (``value`` itself the first time)."""
        return cast(S, self._strings.setdefault(value, value))

    def span(self, span: Span) -> Span:
        """``span`` with shared offsets."""
        share = self._numbers.setdefault
        return Span(share(span.start, span.start), share(span.end, span.end))

    def _optional(self, value: str | None) -> str | None:
        return None if value is None else self._strings.setdefault(value, value)

    def quote(self, quote: Quote) -> Quote:
        """``quote`` with shared offsets and strings."""
        speaker_span = quote.speaker_span
        return Quote(
            span=self.span(quote.span),
            kind=self.value(quote.kind),
            speaker=self._optional(quote.speaker),
            speaker_span=None if speaker_span is None else self.span(speaker_span),
            cue=self._optional(quote.cue),
            actor=self._optional(quote.actor),
        )

    def mention(self, mention: Mention) -> Mention:
        """``mention`` with shared offsets and strings."""
        return Mention(
            span=self.span(mention.span),
            text=self.value(mention.text),
            kind=self.value(mention.kind),
            actor=self._optional(mention.actor),
            role=self._optional(mention.role),
        )

    def findings(self, item: AnalysedArticle) -> AnalysedArticle:
        """``item``'s quotes and mentions shared (its article is kept as it is)."""
        return AnalysedArticle(
            article=item.article,
            quotes=tuple(map(self.quote, item.quotes)),
            mentions=tuple(map(self.mention, item.mentions)),
        )

    def article(self, article: Article) -> Article:
        """``article`` with its sentence and block offsets shared."""
        return replace(
            article,
            blocks=tuple(Block(self.span(b.span), self.value(b.kind)) for b in article.blocks),
            sentences=tuple(map(self.span, article.sentences)),
            source=self._optional(article.source),
            date=self._optional(article.date),
        )
