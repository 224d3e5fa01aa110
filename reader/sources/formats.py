"""Per-format readers: plain text, Markdown, HTML and JSON records to raw documents."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from reader.core.models import RawDocument
from reader.sources.decoding import normalise_text

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_TEXT_KEYS = ("text", "body", "content", "articleBody", "article", "maintext")
_TITLE_KEYS = ("title", "headline")
_SOURCE_KEYS = ("source", "outlet", "publisher", "sitename", "site_name", "source_domain")
_DATE_KEYS = ("date", "published", "date_publish", "publication_date", "datePublished")


class FormatError(ValueError):
    """The file parsed as its format but holds no article; the message says why."""


def read_text(doc_id: str, path: str, text: str) -> RawDocument:
    """A plain-text article."""
    return RawDocument(id=doc_id, path=path, text=normalise_text(text))


def read_markdown(doc_id: str, path: str, text: str) -> RawDocument:
    """A Markdown article: heading marks, links and emphasis become plain text."""
    text = normalise_text(text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return RawDocument(id=doc_id, path=path, text=text)


def read_html(doc_id: str, path: str, html: str) -> RawDocument:
    """An HTML page: main text and metadata extracted with trafilatura.

    Raises:
        FormatError: When the page has no extractable article text.
    """
    import trafilatura  # lazy: lxml and friends cost start-up time

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_precision=False,
        with_metadata=True,
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        raise FormatError("no article text found in HTML")

    def field(name: str) -> str | None:
        value = getattr(extracted, name, None)
        return normalise_text(str(value)).strip() or None if value else None

    return RawDocument(
        id=doc_id,
        path=path,
        text=normalise_text(body),
        title=field("title"),
        source=field("sitename"),
        byline=field("author"),
        date=_iso_date(field("date")),
        url=field("url"),
        extracted=True,
    )


def read_json(doc_id: str, path: str, text: str, lines: bool) -> Iterator[RawDocument]:
    """Articles from a JSON file (a record, a list, or {"articles": [...]}) or JSON Lines.

    Records need a text field (text/body/content); title, url, source and date are used
    when present. With several records, ids are ``stem#n``.

    Raises:
        FormatError: When the JSON is invalid or holds no record with text.
    """
    try:
        if lines:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            data = json.loads(text)
            records = data.get("articles", [data]) if isinstance(data, dict) else data
    except json.JSONDecodeError as error:
        raise FormatError(f"invalid JSON: {error.msg} at line {error.lineno}") from error
    if not isinstance(records, list):
        raise FormatError("JSON holds no article records")
    found = 0
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            continue
        body = _first(record, _TEXT_KEYS)
        if body is None:
            continue
        found += 1
        record_id = doc_id if len(records) == 1 else f"{doc_id}#{number}"
        yield RawDocument(
            id=str(record.get("id") or record_id) if len(records) > 1 else record_id,
            path=path,
            text=normalise_text(body),
            title=_first(record, _TITLE_KEYS),
            source=_first(record, _SOURCE_KEYS),
            byline=_first(record, ("byline", "author", "authors")),
            date=_iso_date(_first(record, _DATE_KEYS)),
            url=_first(record, ("url", "link")),
            extracted=True,
        )
    if not found:
        raise FormatError("JSON holds no record with a text field")


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first non-empty string (or list of strings) among ``keys``, normalised."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value if item)
        if isinstance(value, str | int | float) and str(value).strip():
            return " ".join(normalise_text(str(value)).split()) if key not in _TEXT_KEYS \
                else normalise_text(str(value))
    return None


def _iso_date(value: str | None) -> str | None:
    """Keep only a date's ``YYYY-MM-DD`` part, or parse a written date."""
    if not value:
        return None
    match = re.match(r"(\d{4}-\d\d-\d\d)", value)
    if match:
        return match.group(1)
    from reader.core.text import parse_date

    return parse_date(value)
