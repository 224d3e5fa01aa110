"""Where the reading view's lines fall: blocks wrapped to a width, spans found by offset.

The reading view draws only the lines on screen, so it needs two fast look-ups: which
text a screen line holds (``LineLayout``), and which quotes, mentions or matches touch
that text (``SpanIndex``). Lines are text offsets in compact arrays, not strings: a 5 MB
article wraps to about 50,000 lines.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Generic, TypeVar

from rich.cells import cell_len

from reader.core.models import Block, RemovedLine, Span
from reader.ui.render import LIST_INDENT

GAP = -1
"""Block number of the blank line between two blocks."""
REMOVED = -2
"""Block number of a line of text the cleaner removed (shown on request, dimmed)."""

T = TypeVar("T")


def wrap_text(text: str, start: int, end: int, width: int) -> Iterator[tuple[int, int]]:
    """Lines of ``text[start:end]`` at most ``width`` cells wide.

    Lines break at the last space that fits (the space itself is dropped), at a newline,
    or, for a word longer than a line, inside the word.

    Args:
        text: The article text.
        start: Where the block starts.
        end: Where it ends.
        width: Cells available for a line (at least 1).

    Returns:
        ``(start, end)`` offsets of each line, in order.
    """
    width = max(1, width)
    pos = start
    while True:
        newline = text.find("\n", pos, end)
        stop = end if newline < 0 else newline
        yield from _wrap_run(text, pos, stop, width)
        if newline < 0:
            return
        pos = newline + 1


def _wrap_run(text: str, pos: int, stop: int, width: int) -> Iterator[tuple[int, int]]:
    """Wrap one run of text without newlines (see ``wrap_text``)."""
    if pos == stop:
        yield pos, stop
        return
    while pos < stop:
        limit = min(stop, pos + width)
        if not text[pos:limit].isascii():
            # Wide characters (CJK, emoji) take two cells: cut until the line fits.
            while limit > pos + 1 and cell_len(text[pos:limit]) > width:
                limit -= max(1, (cell_len(text[pos:limit]) - width) // 2)
        if limit == stop:
            yield pos, stop
            return
        space = text.rfind(" ", pos, limit + 1)
        if space > pos:
            yield pos, space
            pos = space + 1
        else:
            yield pos, limit
            pos = limit


@dataclass(frozen=True)
class LineChunk:
    """Consecutive lines of a layout: offsets into the text and each line's block."""

    starts: array[int]
    ends: array[int]
    blocks: array[int]
    done: int
    """Characters of the text laid out once this chunk is added."""
    removed: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    """For each ``REMOVED`` line (by its place in the chunk): which removed line it shows
    and the part of that line's text, ``(line, start, end)``."""


class _ChunkBuilder:
    """Collects lines and cuts them into chunks (see ``lay_out_blocks``)."""

    def __init__(self, first_lines: int, chunk_lines: int) -> None:
        self.limit = first_lines
        self.chunk_lines = chunk_lines
        self._reset()

    def _reset(self) -> None:
        self.starts, self.ends, self.owners = array("q"), array("q"), array("l")
        self.removed: dict[int, tuple[int, int, int]] = {}

    def add(self, start: int, end: int, owner: int) -> tuple[LineChunk, ...]:
        """Add a line; return the chunk this line fills, if it fills one."""
        self.starts.append(start)
        self.ends.append(end)
        self.owners.append(owner)
        if len(self.starts) < self.limit:
            return ()
        self.limit = self.chunk_lines
        return (self.cut(end),)

    def add_removed(self, anchor: int, line: int, start: int, end: int
                    ) -> tuple[LineChunk, ...]:
        """Add a line of removed text, standing at ``anchor`` in the article's text."""
        self.removed[len(self.starts)] = (line, start, end)
        return self.add(anchor, anchor, REMOVED)

    def cut(self, done: int) -> LineChunk:
        chunk = LineChunk(self.starts, self.ends, self.owners, done, self.removed)
        self._reset()
        return chunk


def lay_out_blocks(
    text: str, blocks: Sequence[Block], width: int, *, chunk_lines: int = 10_000,
    first_lines: int = 200, removed: Sequence[RemovedLine] = (),
) -> Iterator[LineChunk]:
    """The lines of an article's blocks at ``width``, with a blank line between blocks.

    Yields a small first chunk (enough for a screen) and then chunks of ``chunk_lines``,
    so a caller can show the top at once and check for cancellation between chunks.

    Args:
        text: The article text.
        blocks: Its blocks, in order.
        width: Cells a line may take.
        chunk_lines: Lines per chunk after the first.
        first_lines: Lines in the first chunk.
        removed: Removed lines to show where they stood (each group of them set off by
            a blank line), or none.

    Returns:
        Chunks of lines, in order.
    """
    builder = _ChunkBuilder(first_lines, chunk_lines)
    pending = 0  # the next removed line to place

    def place_removed(anchor: int, *, before: bool) -> Iterator[LineChunk]:
        nonlocal pending
        group_end = pending
        while group_end < len(removed) and removed[group_end].anchor <= anchor:
            group_end += 1
        if group_end == pending:
            return
        if not before:
            yield from builder.add(anchor, anchor, GAP)
        for number in range(pending, group_end):
            line_text = removed[number].text
            for start, end in wrap_text(line_text, 0, len(line_text), width):
                yield from builder.add_removed(anchor, number, start, end)
        if before:
            yield from builder.add(anchor, anchor, GAP)
        pending = group_end

    for number, block in enumerate(blocks):
        if number:
            yield from builder.add(block.span.start, block.span.start, GAP)
        yield from place_removed(block.span.start, before=True)
        indent = LIST_INDENT if block.kind == "list_item" else 0
        for line_start, line_end in wrap_text(text, block.span.start, block.span.end,
                                              width - indent):
            yield from builder.add(line_start, line_end, number)
    yield from place_removed(len(text), before=False)
    yield builder.cut(len(text))


class LineLayout:
    """The lines laid out so far for one width; grows chunk by chunk."""

    def __init__(self, width: int, total: int) -> None:
        """Start with no lines.

        Args:
            width: Cells a line may take.
            total: Length of the text, to tell when the layout is complete.
        """
        self.width = width
        self.total = total
        self.done = 0
        self.starts: array[int] = array("q")
        self.ends: array[int] = array("q")
        self.blocks: array[int] = array("l")
        self.removed: dict[int, tuple[int, int, int]] = {}
        """``LineChunk.removed`` of every chunk, by line number in the layout."""

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def complete(self) -> bool:
        """True once every block is laid out."""
        return self.done >= self.total

    def extend(self, chunk: LineChunk) -> None:
        """Add the next chunk of lines."""
        first = len(self.starts)
        self.removed.update((first + line, part) for line, part in chunk.removed.items())
        self.starts.extend(chunk.starts)
        self.ends.extend(chunk.ends)
        self.blocks.extend(chunk.blocks)
        self.done = chunk.done

    def line_of(self, offset: int) -> int | None:
        """The line holding text ``offset``, None if it is not laid out yet."""
        if not self.starts or (offset >= self.done and not self.complete):
            return None
        return max(0, bisect_right(self.starts, offset) - 1)

    def lines_of(self, span: Span) -> range:
        """The lines a span covers (empty when none of it is laid out yet)."""
        first = self.line_of(span.start)
        if first is None:
            return range(0)
        last = self.line_of(max(span.start, span.end - 1))
        return range(first, (last if last is not None else len(self) - 1) + 1)


class SpanIndex(Generic[T]):
    """Items with spans, found by the text range they overlap.

    Sorted by start, with the furthest end reached so far beside each, so the scan back
    from the range's end stops as soon as nothing earlier can still reach into it.
    """

    def __init__(self, items: Sequence[T], span_of: Callable[[T], Span]) -> None:
        """Index the items.

        Args:
            items: The items, in any order.
            span_of: Each item's span.
        """
        self._span_of = span_of
        spans = list(map(span_of, items))
        starts = [span.start for span in spans]
        if starts != sorted(starts):  # quotes and matches come sorted: no key sort then
            order = sorted(range(len(spans)), key=starts.__getitem__)
            items, spans = [items[i] for i in order], [spans[i] for i in order]
            starts = [span.start for span in spans]
        self._items = list(items)
        self._starts = starts
        self._reach = list(accumulate((span.end for span in spans), max))

    def __len__(self) -> int:
        return len(self._items)

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items whose spans overlap ``[start, end)``, in order of start."""
        found = []
        index = bisect_left(self._starts, end) - 1
        while index >= 0 and self._reach[index] > start:
            if self._span_of(self._items[index]).end > start:
                found.append(self._items[index])
            index -= 1
        found.reverse()
        return found
