"""The reading view: an article's blocks with quotes, actors and search matches marked.

Drawn line by line (``render_line``): only the lines on screen are styled, and moving
the quote or match cursor restyles only the lines it leaves and enters. Wrapping runs in
a thread worker that posts the lines in chunks, top first, so the article shows at once
however long it is, and keys are answered while the rest is laid out.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from textual import on, work
from textual.cache import LRUCache
from textual.content import Content
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from reader.core.models import AnalysedArticle, Mention, Quote, Span
from reader.ui.render import render_line, render_removed
from reader.ui.widgets.provenance_gutter import WIDTH as GUTTER_WIDTH
from reader.ui.widgets.provenance_gutter import ProvenanceGutter
from reader.ui.widgets.reading_layout import (
    GAP,
    REMOVED,
    LineChunk,
    LineLayout,
    SpanIndex,
    lay_out_blocks,
)

MAX_LINE_WIDTH = 100
"""Widest a line of text gets: longer lines are hard to follow back to their start."""


FIRST_PAINT = 0.05
"""Seconds the layout worker waits after the first screen of lines, so it is drawn."""


def _span_itself(span: Span) -> Span:
    return span


def _span_of(item: Quote | Mention) -> Span:
    return item.span


class ReadingView(ScrollView, can_focus=True):
    """Shows one analysed article; keeps a quote cursor and search matches."""

    @dataclass
    class QuoteChanged(Message):
        """The quote under the cursor changed (None when there is none)."""

        quote: Quote | None
        index: int
        total: int

    @dataclass
    class LayoutProgress(Message):
        """More of the article is laid out (``done`` of ``total`` characters)."""

        done: int
        total: int
        elapsed: float
        """Seconds since this layout started."""

    @dataclass
    class _LinesReady(Message, bubble=False):
        """A chunk of lines from the layout worker, for the layout ``generation``."""

        generation: int
        chunk: LineChunk

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.item: AnalysedArticle | None = None
        self.walked: tuple[Quote, ...] = ()
        """The quotes n/N walk: the speech kinds, and reported speech while it is shown
        (terms are highlighted, not walked)."""
        self.indirect_shown = False
        """Reported speech (kind ``indirect``) is highlighted and walked."""
        self.removed_shown = False
        """The lines the cleaner removed are shown, dimmed, where they stood."""
        self.quote_index = -1
        self.matches: list[Span] = []
        self.match_index = -1
        self._layout = LineLayout(0, 0)
        self._generation = 0
        self._started = 0.0
        self._strips: LRUCache[int, Strip] = LRUCache(1_000)
        self._quotes: SpanIndex[Quote] = SpanIndex((), _span_of)
        self._mentions: SpanIndex[Mention] = SpanIndex((), _span_of)
        self._matches: SpanIndex[Span] = SpanIndex((), _span_itself)
        # A span to bring into view once the layout reaches it, and whether it goes to
        # the top (keeping the reader's place after a resize) or the middle (a cursor).
        self._pending: tuple[Span, bool] | None = None
        self.provenance: ProvenanceGutter | None = None
        """Provenance marks at the left of each line (set before ``show``), if any."""

    @property
    def _gutter_width(self) -> int:
        return GUTTER_WIDTH if self.provenance is not None else 0

    def redraw(self, spans: Sequence[Span | None]) -> None:
        """Draw again the lines of these spans (their gutter marks changed)."""
        self._restyle(spans)

    def show(self, item: AnalysedArticle, *, indirect: bool = False) -> None:
        """Show an article from its top, with no quote selected and no search.

        Args:
            item: The analysed article.
            indirect: Highlight (and walk) its reported speech too.
        """
        self.item = item
        self.quote_index = -1
        self.matches = []
        self.match_index = -1
        self._pick_quotes(indirect)
        self._mentions = SpanIndex(item.mentions, _span_of)
        self._matches = SpanIndex((), _span_itself)
        self._pending = None
        self._start_layout(self._text_width())
        self.scroll_home(animate=False)

    def _pick_quotes(self, indirect: bool) -> None:
        assert self.item is not None
        self.indirect_shown = indirect
        shown = [q for q in self.item.quotes if indirect or q.kind != "indirect"]
        self._quotes = SpanIndex(shown, _span_of)
        self.walked = tuple(q for q in shown if q.kind != "term")

    def set_indirect(self, shown: bool) -> None:
        """Highlight reported speech and walk it with n/N, or leave it plain.

        The quote under the cursor stays selected when it is still walked.
        """
        if self.item is None or shown == self.indirect_shown:
            return
        current = self.current_quote
        self._pick_quotes(shown)
        self.quote_index = self.walked.index(current) if current in self.walked else -1
        self._strips.clear()
        self.refresh()

    def set_removed(self, shown: bool) -> None:
        """Show the lines the cleaner removed where they stood, or hide them again.

        The line at the top of the view stays there (the layout is made again).
        """
        if self.item is None or shown == self.removed_shown:
            return
        self.removed_shown = shown
        self._keep_place()
        self._start_layout(self._layout.width)

    @property
    def laid_out(self) -> LineLayout:
        """The lines laid out so far."""
        return self._layout

    @property
    def current_quote(self) -> Quote | None:
        """The quote under the cursor."""
        if not 0 <= self.quote_index < len(self.walked):
            return None
        return self.walked[self.quote_index]

    @property
    def current_match(self) -> Span | None:
        """The search match under the cursor."""
        return self.matches[self.match_index] if 0 <= self.match_index < len(
            self.matches) else None

    def move_quote(self, step: int) -> None:
        """Move the quote cursor by ``step`` (wrapping) and bring it into view."""
        if not self.walked:
            self.post_message(self.QuoteChanged(None, -1, 0))
            return
        total = len(self.walked)
        previous = self.current_quote
        self.quote_index = (self.quote_index + step) % total if self.quote_index >= 0 else (
            0 if step > 0 else total - 1
        )
        quote = self.walked[self.quote_index]
        self._restyle([previous.span if previous else None, quote.span])
        self.reveal(quote.span)
        self.post_message(self.QuoteChanged(quote, self.quote_index, total))

    def set_matches(self, matches: Sequence[Span], *, keep_cursor: bool = False) -> None:
        """Highlight search matches and put the cursor on the first one.

        Args:
            matches: The matches, sorted and disjoint.
            keep_cursor: The matches extend the ones shown (more results of the same
                search): leave the cursor where it is.
        """
        self.matches = list(matches)
        self._matches = SpanIndex(self.matches, _span_itself)
        self._strips.clear()
        self.refresh()
        if keep_cursor and 0 <= self.match_index < len(self.matches):
            return
        self.match_index = 0 if self.matches else -1
        if self.matches:
            self.reveal(self.matches[0])

    def move_match(self, step: int) -> None:
        """Move to the next or previous search match (wrapping)."""
        if not self.matches:
            return
        previous = self.current_match
        self.match_index = (self.match_index + step) % len(self.matches)
        current = self.matches[self.match_index]
        self._restyle([previous, current])
        self.reveal(current)

    def text_lines(self, *, marks: bool = False) -> list[str]:
        """The text of the lines on screen, as drawn (padding stripped, and the
        provenance marks unless ``marks``)."""
        width = self.scrollable_content_region.width
        skip = 0 if marks else self._gutter_width
        if skip:
            skip += max(0, (width - self._layout.width - self._gutter_width) // 2)
        return [self.render_line(y).crop(skip, width).text.strip()
                for y in range(self.size.height)]

    # Layout ----------------------------------------------------------------------------

    def _text_width(self) -> int:
        width = min(MAX_LINE_WIDTH, self.scrollable_content_region.width)
        return max(0, width - self._gutter_width)  # the gutter comes out of the text

    def on_resize(self, event: Resize) -> None:
        width = self._text_width()
        if self.item is None or width == self._layout.width:
            return
        self._keep_place()
        self._start_layout(width)

    def _keep_place(self) -> None:
        """Bring the text now at the top back to the top once laid out again."""
        top = int(self.scroll_y)
        if top < len(self._layout):
            offset = self._layout.starts[top]
            self._pending = (Span(offset, offset), True)

    def _start_layout(self, width: int) -> None:
        assert self.item is not None
        self._generation += 1
        self._layout = LineLayout(width, len(self.item.article.text))
        self._strips.clear()
        self.virtual_size = Size(width, 0)
        self.refresh()
        if width > 0:
            self._started = time.monotonic()
            self._lay_out(self.item, width, self._generation)

    @work(thread=True, exclusive=True, group="layout", exit_on_error=False,
          description="Laying out the article")
    def _lay_out(self, item: AnalysedArticle, width: int, generation: int) -> None:
        worker = get_current_worker()
        removed = item.article.removed if self.removed_shown else ()
        for number, chunk in enumerate(lay_out_blocks(
                item.article.text, item.article.blocks, width, removed=removed)):
            if worker.is_cancelled:
                return
            self.post_message(self._LinesReady(generation, chunk))
            # Wrapping keeps the GIL between switches: give the UI thread a head start
            # to paint the first screen, then a moment between chunks for keys.
            time.sleep(FIRST_PAINT if number == 0 else 0.002)

    @on(_LinesReady)
    def _lines_ready(self, message: _LinesReady) -> None:
        if message.generation != self._generation:
            return  # a layout for an older width or article
        self._layout.extend(message.chunk)
        self.virtual_size = Size(self._layout.width, len(self._layout))
        self.refresh()
        if self._pending is not None:
            span, to_top = self._pending
            self.reveal(span, to_top=to_top)
        self.post_message(self.LayoutProgress(
            self._layout.done, self._layout.total, time.monotonic() - self._started))

    # Drawing ---------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        """One screen line: the laid-out line under it, centred in the view."""
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        if index >= len(self._layout):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_text_line(index)
            self._strips.set(index, strip)
        margin = max(0, (width - self._layout.width - self._gutter_width) // 2)
        return Strip.join([Strip.blank(margin, self.rich_style), strip]).crop_extend(
            0, width, self.rich_style)

    def _render_text_line(self, index: int) -> Strip:
        assert self.item is not None
        layout = self._layout
        block = layout.blocks[index]
        if block == GAP:
            return Strip.blank(layout.width, self.rich_style)
        start, end = layout.starts[index], layout.ends[index]
        if block == REMOVED:
            line, part_start, part_end = layout.removed[index]
            content = render_removed(self.item.article.removed[line].text[part_start:part_end])
            if self.provenance is not None:  # no sentence of the article: no mark
                content = Content(" " * GUTTER_WIDTH) + content
            return self._strip(content)
        quote, match = self.current_quote, self.current_match
        content = render_line(
            self.item.article.text,
            Span(start, end),
            self.item.article.blocks[block].kind,
            quotes=self._quotes.overlapping(start, end),
            mentions=self._mentions.overlapping(start, end),
            current_quote=quote,
            matches=self._matches.overlapping(start, end),
            current_match=match,
        )
        if self.provenance is not None:
            content = self.provenance.mark(start, end) + content
        return self._strip(content)

    def _strip(self, content: Content) -> Strip:
        """A laid-out line's content as a strip of the layout's width."""
        layout = self._layout
        # Straight to segments: Visual.to_strips would wrap and align the line again,
        # three times the cost of a line that is already cut to width.
        segments = [Segment(text, style.rich_style) for text, style in content.render(
            self.visual_style, end="", parse_style=self._get_style)]
        return Strip(segments).extend_cell_length(layout.width + self._gutter_width,
                                                  self.rich_style)

    def _restyle(self, spans: Sequence[Span | None]) -> None:
        """Redraw the lines these spans cover (the cursor left or entered them)."""
        for span in spans:
            if span is None:
                continue
            lines = self._layout.lines_of(span)
            for index in lines:
                self._strips.discard(index)
            if lines:
                self.refresh_lines(lines.start, len(lines))

    def reveal(self, span: Span, *, to_top: bool = False) -> None:
        """Scroll so the span is in view (now, or once the layout reaches it)."""
        lines = self._layout.lines_of(span)
        if not lines:
            self._pending = (span, to_top)
            return
        self._pending = None
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if to_top:
            self.scroll_to(y=lines.start, animate=False)
        elif lines.start < top or lines.stop > top + height:
            self.scroll_to(y=max(0, (lines.start + lines.stop - height) // 2), animate=False)
