"""Body structure: joining wrapped lines, typing blocks, and laying out the cleaned text."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from reader.core.models import Block, BlockKind, Span
from reader.core.text.chrome import BULLET
from reader.core.text.sentences import split_sentences

_SYMBOL_BULLET = re.compile(r"^[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?\s+")
_HEADING_END = (".", "!", "?", ",", ";", "…")
_CLOSING_QUOTES = "”’\"'»"
BLOCK_SEPARATOR = "\n\n"


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines back into paragraphs when the text was wrapped.

    Plain-text exports often wrap at ~72 columns and mark paragraphs with blank lines.
    A text counts as wrapped when many lines continue on a next line that starts in
    lower case; then consecutive non-list lines are joined with a space.

    Args:
        text: Normalised text with LF newlines.

    Returns:
        The text with wrapped paragraphs on one line each (unchanged if not wrapped).
    """
    lines = text.split("\n")
    pairs = continued = 0
    for current, following in itertools.pairwise(lines):
        if current.strip() and following.strip():
            pairs += 1
            if following.lstrip()[:1].islower() and not BULLET.match(following.lstrip()):
                continued += 1
    if pairs < 3 or continued / pairs < 0.3:
        return text
    joined: list[str] = []
    for line in lines:
        stripped = line.strip()
        joinable = joined and joined[-1] and stripped and not BULLET.match(stripped)
        if joinable:
            joined[-1] = f"{joined[-1]} {stripped}"
        else:
            joined.append(stripped)
    return "\n".join(joined)


def is_heading_like(text: str, max_words: int = 12, *, capital: bool = True) -> bool:
    """True for a short line without sentence punctuation (starting with a capital)."""
    content = BULLET.sub("", text)
    words = content.split()
    # A headline may end in a quote ("Rover deal 'may cost 2,000 jobs'"), not a full stop.
    return (
        0 < len(words) <= max_words
        and not content.rstrip(_CLOSING_QUOTES).endswith(_HEADING_END)
        and (
            not capital
            or content.lstrip("“‘\"'«(")[:1].isupper()
            or content[:1].isdigit()
        )
    )


def block_kinds(lines: Sequence[str]) -> list[BlockKind]:
    """Type each body line as a paragraph, a section heading or a list item.

    A heading is heading-like and followed by more body; a line behind a symbol bullet
    ("🔹 What to Watch For") that reads like a heading is a heading, other bulleted lines
    are list items.
    """
    kinds: list[BlockKind] = []
    for index, line in enumerate(lines):
        has_next = index + 1 < len(lines)
        if BULLET.match(line):
            symbol_heading = _SYMBOL_BULLET.match(line) and is_heading_like(line, 8)
            kinds.append("heading" if symbol_heading and has_next else "list_item")
        elif has_next and is_heading_like(line):
            kinds.append("heading")
        else:
            kinds.append("paragraph")
    return kinds


def lay_out(lines: Sequence[str]) -> tuple[str, tuple[Block, ...], tuple[Span, ...]]:
    """Build the cleaned text from body lines, with block and sentence spans.

    Args:
        lines: The body's lines, one block each, already stripped.

    Returns:
        ``(text, blocks, sentences)``; blocks are separated by a blank line in ``text``.
    """
    kinds = block_kinds(lines)
    parts: list[str] = []
    blocks: list[Block] = []
    sentences: list[Span] = []
    offset = 0
    for line, kind in zip(lines, kinds, strict=True):
        if parts:
            offset += len(BLOCK_SEPARATOR)
        span = Span(offset, offset + len(line))
        parts.append(line)
        blocks.append(Block(span, kind))
        offset = span.end
    text = BLOCK_SEPARATOR.join(parts)
    for block in blocks:
        if block.kind == "heading":
            sentences.append(block.span)
        else:
            sentences.extend(split_sentences(text, _without_bullet(text, block.span)))
    return text, tuple(blocks), tuple(sentences)


def _without_bullet(text: str, span: Span) -> Span:
    """The span minus a leading list marker, so sentences hold words only."""
    match = BULLET.match(text[span.start : span.end])
    return Span(span.start + match.end(), span.end) if match else span
