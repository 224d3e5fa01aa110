"""Raw documents to clean articles: body without site chrome, metadata, structure."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.core.models import Article, Block, LoadError, RawDocument, RemovedLine
from reader.core.text.chrome import (
    Line,
    describe_lines,
    find_body,
    is_chrome_line,
    is_footer_marker,
    line_key,
    menu_lines,
    template_lines,
)
from reader.core.text.evidence import body_evidence
from reader.core.text.metadata import (
    Credit,
    parse_byline,
    parse_copyright_site,
    parse_credit,
    parse_date,
    strip_dates,
)
from reader.core.text.structure import is_heading_like, lay_out, unwrap_lines

# A short line is a corpus template when this many documents (and this share) carry it.
_CORPUS_MIN_DOCS = 3
_CORPUS_MIN_SHARE = 0.02
_TITLE_MAX_WORDS = 25
_DATELINE_MAX_WORDS = 8


def clean_corpus(documents: Sequence[RawDocument]) -> list[Article]:
    """Clean every document, using lines repeated across the corpus as a chrome signal.

    Args:
        documents: Decoded documents, in the order to return them.

    Returns:
        One article per document, in the same order.
    """
    repeats = corpus_repeats([doc.text for doc in documents])
    return [clean_document(doc, repeats) for doc in documents]


def split_empty(articles: Iterable[Article]) -> tuple[list[Article], list[LoadError]]:
    """Separate articles with a body from those cleaning left empty (reported as errors)."""
    kept: list[Article] = []
    empty: list[LoadError] = []
    for article in articles:
        if article.text:
            kept.append(article)
        else:
            empty.append(LoadError(article.path, "no article text found"))
    return kept, empty


def corpus_repeats(texts: Sequence[str]) -> frozenset[str]:
    """Short lines that recur in enough documents to be a site template."""
    counter = RepeatCounter()
    for text in texts:
        counter.add(text)
    return counter.repeats()


class RepeatCounter:
    """Counts short lines across documents as they arrive (see ``corpus_repeats``)."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self._documents = 0

    def add(self, text: str) -> None:
        """Count the distinct short lines of one more document."""
        self._documents += 1
        self._counts.update(short_line_keys(text))

    def repeats(self) -> frozenset[str]:
        """Line keys seen in enough of the documents counted so far."""
        needed = max(_CORPUS_MIN_DOCS, math.ceil(_CORPUS_MIN_SHARE * self._documents))
        return frozenset(key for key, count in self._counts.items() if count >= needed)


def short_line_keys(text: str) -> set[str]:
    """Normalised keys of a text's short lines, the ones that can be template."""
    return {line_key(line) for line in text.split("\n") if 0 < len(line.split()) <= 12}


def clean_document(doc: RawDocument, repeats: frozenset[str] = frozenset()) -> Article:
    """Turn one raw document into an article: body, metadata and structure.

    Args:
        doc: The decoded document.
        repeats: Line keys that recur across the corpus (see ``corpus_repeats``).

    Returns:
        The cleaned article; its text is empty when the document held no body.
    """
    lines = describe_lines(unwrap_lines(doc.text))
    page = _read_page(lines, repeats, extracted=doc.extracted)
    body = page.body
    if doc.title:
        body = _drop_repeated_title(lines, body, doc.title)
    text, blocks, sentences = lay_out([lines[i].text for i in body])
    title = doc.title or page.title
    credit = page.credit
    return Article(
        id=doc.id,
        path=doc.path,
        text=text,
        title=title,
        source=(credit.outlet if credit else None) or doc.source or page.site,
        byline=doc.byline or page.byline,
        date=doc.date or page.date,
        origin=credit.origin if credit else None,
        url=doc.url,
        blocks=blocks,
        sentences=sentences,
        removed=_removed_lines(lines, body, blocks, len(text), title),
    )


@dataclass
class _Page:
    """What the chrome and metadata rules found on one page."""

    body: list[int] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    credit: Credit | None = None
    site: str | None = None


def _read_page(lines: Sequence[Line], repeats: frozenset[str], *, extracted: bool) -> _Page:
    """Classify the lines of a page and collect its body and metadata.

    For text an extractor already cut from a page (``extracted``), the body bounds and
    template rules are skipped: they would only cost recall on text that is mostly body.
    """
    page = _Page()
    in_doc_repeats = template_lines(lines, frozenset())
    evidence = body_evidence(lines)
    chrome = (
        set() if extracted else (template_lines(lines, repeats) | menu_lines(lines)) - evidence
    )
    for line in lines:
        if not line.text:
            continue
        if is_chrome_line(line.text):
            chrome.add(line.index)
            page.site = page.site or parse_copyright_site(line.text)
        byline = parse_byline(line.text)
        if byline is not None:
            chrome.add(line.index)
            page.byline = page.byline or byline[0]
            page.date = page.date or byline[1]
    bounds = _extracted_bounds(lines) if extracted else find_body(lines, chrome, evidence)
    if bounds is None:
        return page
    first, end = bounds
    first = _take_title(lines, first, chrome, in_doc_repeats, page)
    if page.date is None:
        page.date = _header_date(lines[:first], chrome)
    for line in lines[first:]:
        if line.text and is_footer_marker(line.text):
            break
        credit = parse_credit(line.text) if line.text else None
        if credit is not None:
            page.credit = page.credit or credit
            chrome.add(line.index)
    page.body = [
        ln.index for ln in lines[first:end] if ln.text and ln.index not in chrome
    ]
    return page


def _extracted_bounds(lines: Sequence[Line]) -> tuple[int, int] | None:
    """Body bounds of extracted text: everything up to the first footer marker."""
    first = next((ln.index for ln in lines if ln.text), None)
    if first is None:
        return None
    end = next((ln.index for ln in lines[first + 1 :] if is_footer_marker(ln.text)), len(lines))
    return first, end


def _take_title(
    lines: Sequence[Line], first: int, chrome: set[int], in_doc_repeats: set[int], page: _Page
) -> int:
    """Find the title above the body (or a dek-style first line); return the body start.

    The title is the first heading-like line of the header that is not navigation; header
    lines after it that read like prose join the body. With no heading above, a first body
    line that is one sentence restated by the next paragraph is a headline (a "dek"), and
    so is one in capitals (wire copy).
    """
    header = [
        ln for ln in lines[:first]
        if ln.text and ln.index not in in_doc_repeats and ln.index not in chrome
        and not is_footer_marker(ln.text)
    ]
    candidates = [
        ln for ln in header
        if is_heading_like(ln.text, _TITLE_MAX_WORDS, capital=False)
        or _is_capitals_headline(ln)
    ]
    title = next((ln for ln in candidates if ln.words >= 3), candidates[-1] if candidates else None)
    if title is not None:
        page.title = title.text
        chrome.add(title.index)
        after = [ln.index for ln in header if ln.index > title.index and ln.words >= 6]
        return after[0] if after else first
    if _is_dek(lines, first) or _is_capitals_headline(lines[first]):
        page.title = lines[first].text
        chrome.add(first)
        _take_dateline(lines, first, chrome, page)
    return first


def _take_dateline(lines: Sequence[Line], title: int, chrome: set[int], page: _Page) -> None:
    """A wire dateline under the title ("KIRCHBERG , Austria 2026-01-16") is metadata."""
    line = next((ln for ln in lines[title + 1 :] if ln.text), None)
    if line is None or line.words > _DATELINE_MAX_WORDS:
        return
    date = parse_date(line.text)
    place = strip_dates(line.text)
    if date is not None and place[:1].isupper() and not place.rstrip().endswith("."):
        chrome.add(line.index)
        page.date = page.date or date


def _is_capitals_headline(line: Line) -> bool:
    """True for a wire headline in capitals ("SKIING - WORLD CUP RESULTS ."), read as prose."""
    letters = [c for c in line.text if c.isalpha()]
    return line.words <= _TITLE_MAX_WORDS and len(letters) >= 10 and all(
        c.isupper() for c in letters)


def _is_dek(lines: Sequence[Line], first: int) -> bool:
    """True when the first body line is a one-sentence headline the next paragraph restates."""
    line = lines[first]
    if line.words > 40 or line.text.count(". ") or not line.text.endswith("."):
        return False
    following = next((ln for ln in lines[first + 1 :] if ln.text), None)
    if following is None or not following.prose:
        return False
    words = {w.lower().strip(".,;:’'\"“”") for w in line.text.split() if len(w) > 3}
    later = {w.lower().strip(".,;:’'\"“”") for w in following.text.split()}
    return bool(words) and len(words & later) / len(words) >= 0.5


def _header_date(header: Sequence[Line], chrome: set[int]) -> str | None:
    """A date standing in a short header line (a dateline), if there is one."""
    for line in header:
        if line.text and line.words <= 12:
            date = parse_date(line.text)
            if date is not None:
                return date
    return None


def _drop_repeated_title(lines: Sequence[Line], body: list[int], title: str) -> list[int]:
    """Extractors often repeat the title as the first body line; drop that copy."""
    if body and _same_line(lines[body[0]].text, title):
        return body[1:]
    return body


def _same_line(text: str, other: str) -> bool:
    return " ".join(text.split()).lower() == " ".join(other.split()).lower()


def _removed_lines(
    lines: Sequence[Line], body: Sequence[int], blocks: Sequence[Block], length: int,
    title: str | None,
) -> tuple[RemovedLine, ...]:
    """The non-blank lines left out of the body, each anchored before the next block.

    The title line is not among them: the reader shows it as the title.

    Args:
        lines: Every line of the document.
        body: Indexes of the body's lines, one block each, in order.
        blocks: The body's blocks.
        length: Length of the cleaned text (the anchor of lines after the body).
        title: The article's title.
    """
    removed: list[RemovedLine] = []
    kept = set(body)
    block = 0
    title_seen = title is None
    for line in lines:
        if line.index in kept:
            block += 1
            continue
        if not line.text:
            continue
        if not title_seen and title is not None and _same_line(line.text, title):
            title_seen = True
            continue
        anchor = blocks[block].span.start if block < len(blocks) else length
        removed.append(RemovedLine(anchor, line.text))
    return tuple(removed)
