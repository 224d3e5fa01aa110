"""The only bridge from core results to the screen: spans become styled ``Content``.

Article text is untrusted, so it always enters as ``Content(text)`` (never parsed as
markup) and styles are applied by offset with ``stylize``; table cells (``Cell``) hold a
plain string and are drawn as literal text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, JustifyMethod, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.content import Content

from reader.core.text import printable

if TYPE_CHECKING:
    from reader.core.models import EditOp, Mention, Quote, Span

# A fragment is speech like a statement, so it shares its colour; terms are nobody's words;
# reported speech (no marks, the writer's wording) is the third style, shown on request.
QUOTE_STYLES = {
    "statement": "italic $text-success",
    "fragment": "italic $text-success",
    "term": "$text-warning",
    "indirect": "italic $text-secondary",
}
MENTION_STYLES = {
    # Not $text-accent: the default themes give it the amber of single-term quotes.
    "person": "bold $text-error",
    "organisation": "bold $text-primary",
    "place": "underline $text-secondary",
}
CURRENT_QUOTE_STYLE = "on $success 25%"
SEARCH_STYLE = "reverse $warning"
CURRENT_MATCH_STYLE = "reverse $error"
# Each kind also has its own text style, so the marks still differ without colour
# (NO_COLOR turns the backgrounds into greys).
DIFF_STYLES = {"replace": "underline on $warning 35%", "insert": "bold on $success 35%",
               "delete": "strike on $error 35%"}
DIFF_NAMES = {"replace": "replaced", "insert": "inserted", "delete": "deleted"}
UNIQUE_STYLE = "$text-muted"
HEADING_STYLE = "bold $text-primary"
REMOVED_STYLE = "italic $text-disabled"
LIST_INDENT = 2


def render_line(
    text: str,
    line: Span,
    kind: str,
    *,
    quotes: Sequence[Quote] = (),
    mentions: Sequence[Mention] = (),
    current_quote: Quote | None = None,
    matches: Sequence[Span] = (),
    current_match: Span | None = None,
) -> Content:
    """One wrapped line of a block with its highlights.

    Args:
        text: The article's cleaned text.
        line: The part of a block on this line.
        kind: The block's kind: headings are bold, list items indented.
        quotes: Quotes to highlight (those off the line are ignored).
        mentions: Actor mentions to highlight.
        current_quote: The quote under the cursor.
        matches: Search matches to highlight.
        current_match: The search match under the cursor.

    Returns:
        Styled content of the line.
    """
    content = Content(text[line.start : line.end])
    for mention in mentions:
        content = _stylize(content, line, mention.span, MENTION_STYLES[mention.kind])
    for quote in quotes:
        content = _stylize(content, line, quote.span, QUOTE_STYLES[quote.kind])
    if current_quote is not None:
        content = _stylize(content, line, current_quote.span, CURRENT_QUOTE_STYLE)
    for match in matches:
        style = CURRENT_MATCH_STYLE if match == current_match else SEARCH_STYLE
        content = _stylize(content, line, match, style)
    if kind == "heading":
        return content.stylize_before(HEADING_STYLE)
    if kind == "list_item":
        return content.pad_left(LIST_INDENT)
    return content


def render_removed(text: str) -> Content:
    """A line (or the part of one on a screen line) that the cleaner left out, dimmed."""
    return Content(text).stylize(REMOVED_STYLE)


def render_passage(text: str, span: Span, ops: Iterable[EditOp], side: str) -> Content:
    """One side of an aligned pair, with the words that differ marked.

    Args:
        text: That side's article text.
        span: The passage on that side.
        ops: The pair's word-level operations (absolute offsets on both sides).
        side: ``"a"`` or ``"b"``: which offsets of each op belong to this text.

    Returns:
        Styled content of the passage.
    """
    content = Content(text[span.start : span.end])
    for op in ops:
        if op.op == "equal":
            continue
        target = op.a if side == "a" else op.b
        if len(target):
            content = _stylize(content, span, target, DIFF_STYLES[op.op])
    return content


def diff_legend() -> Content:
    """The names of the word marks, each drawn in its own style."""
    return Content(" ").join(
        [Content.styled(name, DIFF_STYLES[kind]) for kind, name in DIFF_NAMES.items()]
    )


def render_unique(text: str, span: Span) -> Content:
    """A passage only one side has."""
    return Content(text[span.start : span.end]).stylize(UNIQUE_STYLE)


class Cell:
    """A table cell that shows its string literally (never as markup), on one line.

    A DataTable keeps every cell of every row, but draws only the visible ones. So the
    cell keeps just its string and builds a ``Text`` when drawn: a ``Text`` per cell held
    for 10,000 rows cost about 10 MB. Cells show names, ids and titles from files, so
    control characters become visible symbols (``printable``): an ESC in a file name
    would otherwise reach the terminal, and a newline would split the row.
    """

    __slots__ = ("bold", "justify", "plain")

    def __init__(self, plain: str, *, justify: JustifyMethod = "left",
                 bold: bool = False) -> None:
        # isprintable() is a fast C scan; most cells need no translation.
        self.plain = plain if plain.isprintable() else printable(plain)
        self.justify: JustifyMethod = justify
        # Unread articles' titles are bold, as in newsboat and mail readers.
        self.bold = bold

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.plain, no_wrap=True, overflow="ellipsis", justify=self.justify, end="",
                   style="bold" if self.bold else "")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """The same widths a ``Text`` of the string reports (longest word, longest line)."""
        lines = self.plain.splitlines()
        longest = max((cell_len(line) for line in lines), default=0)
        words = self.plain.split()
        return Measurement(max((cell_len(w) for w in words), default=longest), longest)


def fit_cell(plain: str, width: int, justify: JustifyMethod) -> str:
    """One line of text made exactly ``width`` cells wide, as a no-wrap ``Text`` would be.

    Cut with an ellipsis when too long; padded on the right, or for ``right`` justify
    stripped of trailing spaces and padded on the left.
    """
    if justify == "right":
        plain = plain.rstrip()
    length = cell_len(plain)
    if length > width:
        return set_cell_size(plain, width - 1) + "…"
    if justify == "right":
        return " " * (width - length) + plain
    return plain + " " * (width - length)


def _stylize(content: Content, block: Span, span: Span, style: str) -> Content:
    """Apply ``style`` to the part of ``span`` inside ``block`` (block-relative offsets)."""
    start = max(span.start, block.start)
    end = min(span.end, block.end)
    if start >= end:
        return content
    return content.stylize(style, start - block.start, end - block.start)
