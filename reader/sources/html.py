"""HTML pages to raw documents: trafilatura and readability vote, or a flat fallback.

The body is trafilatura's main text (fast mode) or readability-lxml's, whichever
``html_vote.pick_body`` finds the better (each alone is about 0.96 token F1 on the
extraction benchmark, the vote 0.97); the metadata (title, author, date, site) is
trafilatura's reading of the page's meta tags and markup.

lxml (under trafilatura) stops building the tree about 255 elements deep, so a page
whose paragraph sits inside thousands of nested ``<div>``s loses it, or keeps only the
menu above it. Such pages, and pages where trafilatura finds no text, are read by a flat
pass with the standard library's event parser instead: no tree, so no depth limit. It
drops scripts, styles, navigation, forms and the like, puts each block on its own line,
and leaves the rest of the site chrome to the cleaner's own rules.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reader.core.models import RawDocument
from reader.sources.decoding import normalise_text
from reader.sources.formats import FormatError, iso_date
from reader.sources.html_vote import pick_body

# Deeper than this, lxml's tree is cut short (libxml2 stops near 255 levels).
MAX_TREE_DEPTH = 200

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s[^>]*)?>")
# Elements without an end tag, or whose end tag is usually left out, do not nest.
_FLAT_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rt rp".split()
)
# Content that is never article text.
_SKIPPED = frozenset(
    "script style noscript template nav aside form svg iframe button select textarea "
    "head footer".split()
)
_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article main header blockquote "
    "pre dd dt dl figcaption figure hr".split()
)


def read_html(doc_id: str, path: str, html: str) -> RawDocument:
    """An HTML page: the body two extractors agree on best, with metadata, or flat text.

    Args:
        doc_id: The document's id.
        path: The file it came from.
        html: The decoded page.

    Returns:
        The document; ``extracted`` is False for flat text, so the cleaner removes chrome.

    Raises:
        FormatError: When the page has no text at all.
    """
    import trafilatura  # lazy: lxml and friends cost start-up time

    # fast: trafilatura's own fall-backs (readability, jusText) are skipped, since the
    # vote below does better with readability alone, at about the same cost.
    extracted = trafilatura.bare_extraction(
        html, fast=True, include_comments=False, include_tables=False,
        favor_precision=False, with_metadata=True,
    )

    def field(name: str) -> str | None:
        value = getattr(extracted, name, None)
        return normalise_text(str(value)).strip() or None if value else None

    body = field("text")
    flat = nesting_depth(html) > MAX_TREE_DEPTH
    if not flat:
        body = pick_body(body or "", readability_text(html)).strip()
    flat = flat or not body
    if flat:
        body = flat_text(html).strip()
    if not body:
        raise FormatError("no article text found in HTML")
    return RawDocument(
        id=doc_id,
        path=path,
        text=normalise_text(body),
        title=field("title"),
        source=field("sitename"),
        byline=field("author"),
        date=iso_date(field("date")),
        url=field("url"),
        extracted=not flat,
    )


def readability_text(html: str) -> str:
    """The page's main text as readability-lxml finds it, one block a line ("" if none).

    Args:
        html: The page.

    Returns:
        The text of readability's main-content HTML, read by ``flat_text``.
    """
    from lxml.etree import ParserError
    from readability import Document  # lazy, as trafilatura
    from readability.readability import Unparseable

    try:
        main = Document(html).summary(html_partial=True)
    except (Unparseable, ParserError, ValueError):
        return ""
    return normalise_text(flat_text(main))


def nesting_depth(html: str) -> int:
    """How deep the page's elements nest, counted from its tags without building a tree.

    Args:
        html: The page.

    Returns:
        The greatest number of open elements at any point (an estimate: stray end tags
        are ignored, elements whose end tag is optional are not counted).
    """
    depth = deepest = 0
    for match in _TAG.finditer(html):
        name = match.group(2).lower()
        if name in _FLAT_ELEMENTS or match.group(0).endswith("/>"):
            continue
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def flat_text(html: str) -> str:
    """The page's visible text, one block a line, without scripts, menus or forms.

    Args:
        html: The page.

    Returns:
        Text with LF newlines and a blank line between blocks.
    """
    parser = _FlatText()
    parser.feed(html)
    parser.close()
    return parser.text()


class _FlatText(HTMLParser):
    """Collects text outside skipped elements, starting a new line at each block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._skipping: list[str] = []
        self._blocks: list[str] = []
        self._current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping.append(tag)
        elif tag in _BLOCKS:
            self._end_block()

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
        elif tag in _BLOCKS:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def _end_block(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self._blocks.append(line)
        self._current = []

    def text(self) -> str:
        """The collected blocks, separated by blank lines."""
        self._end_block()
        return "\n\n".join(self._blocks)
