"""The reading view: an article's blocks with quotes, actors and search matches marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from reader.core.models import AnalysedArticle, Quote, Span
from reader.ui.render import render_block


class Block(Static):
    """One paragraph, heading or list item."""


class ReadingView(VerticalScroll, can_focus=True):
    """Shows one analysed article; keeps a quote cursor and search matches."""

    @dataclass
    class QuoteChanged(Message):
        """The quote under the cursor changed (None when there is none)."""

        quote: Quote | None
        index: int
        total: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.item: AnalysedArticle | None = None
        self.quote_index = -1
        self.matches: list[Span] = []
        self.match_index = -1
        self._blocks: list[Block] = []

    async def show(self, item: AnalysedArticle) -> None:
        """Show an article from its top, with no quote selected and no search."""
        self.item = item
        self.quote_index = -1
        self.matches = []
        self.match_index = -1
        await self.remove_children()
        article = item.article
        self._blocks = [
            Block(self._render_block(span), classes=f"-{block.kind}")
            for span, block in zip(article.paragraphs, article.blocks, strict=True)
        ]
        await self.mount_all(self._blocks)
        self.scroll_home(animate=False)

    @property
    def current_quote(self) -> Quote | None:
        """The quote under the cursor."""
        if self.item is None or not 0 <= self.quote_index < len(self.item.quotes):
            return None
        return self.item.quotes[self.quote_index]

    def move_quote(self, step: int) -> None:
        """Move the quote cursor by ``step`` (wrapping) and bring it into view."""
        if self.item is None or not self.item.quotes:
            self.post_message(self.QuoteChanged(None, -1, 0))
            return
        total = len(self.item.quotes)
        previous = self.current_quote
        self.quote_index = (self.quote_index + step) % total if self.quote_index >= 0 else (
            0 if step > 0 else total - 1
        )
        quote = self.item.quotes[self.quote_index]
        self._rerender_spans([previous.span if previous else None, quote.span])
        self._reveal_span(quote.span)
        self.post_message(self.QuoteChanged(quote, self.quote_index, total))

    def set_matches(self, matches: Sequence[Span]) -> None:
        """Highlight search matches and put the cursor on the first one."""
        old = self.matches
        self.matches = list(matches)
        self.match_index = 0 if self.matches else -1
        self._rerender_spans([*old, *self.matches])
        if self.matches:
            self._reveal_span(self.matches[0])

    def move_match(self, step: int) -> None:
        """Move to the next or previous search match (wrapping)."""
        if not self.matches:
            return
        previous = self.matches[self.match_index]
        self.match_index = (self.match_index + step) % len(self.matches)
        current = self.matches[self.match_index]
        self._rerender_spans([previous, current])
        self._reveal_span(current)

    def _render_block(self, block: Span) -> Content:
        assert self.item is not None
        return render_block(
            self.item.article.text,
            block,
            quotes=self.item.quotes,
            mentions=self.item.mentions,
            current_quote=self.current_quote,
            matches=self.matches,
            current_match=self.matches[self.match_index] if self.matches else None,
        )

    def _block_index(self, span: Span) -> int | None:
        assert self.item is not None
        for index, block in enumerate(self.item.article.paragraphs):
            if block.overlaps(span) or block.start == span.start:
                return index
        return None

    def _rerender_spans(self, spans: Sequence[Span | None]) -> None:
        if self.item is None:
            return
        paragraphs = self.item.article.paragraphs
        touched = {
            index
            for span in spans
            if span is not None
            for index, block in enumerate(paragraphs)
            if block.overlaps(span)
        }
        for index in touched:
            self._blocks[index].update(self._render_block(paragraphs[index]))

    def _reveal_span(self, span: Span) -> None:
        index = self._block_index(span)
        if index is not None:
            self.scroll_to_widget(self._blocks[index], animate=False, center=True)
