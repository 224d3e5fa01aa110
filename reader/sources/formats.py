"""The plain-text reader, the suffixes each reader handles, and what every reader shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.models import RawDocument
from reader.sources.decoding import normalise_text

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})  # read by reader.sources.markdown
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})  # read by reader.sources.html
JSON_SUFFIXES = frozenset({".json"})
JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSON_LINES_SUFFIXES
    | CSV_SUFFIXES
)


class FormatError(ValueError):
    """The file parsed as its format but holds no article; the message says why."""


@dataclass
class Parsed:
    """What one file held: its documents, and a one-line problem for each bad record."""

    documents: list[RawDocument] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_text(doc_id: str, path: str, text: str) -> RawDocument:
    """A plain-text article."""
    return RawDocument(id=doc_id, path=path, text=normalise_text(text))


def iso_date(value: str | None) -> str | None:
    """Keep only a date's ``YYYY-MM-DD`` part, or parse a written date."""
    if not value:
        return None
    match = re.match(r"(\d{4}-\d\d-\d\d)", value)
    if match:
        return match.group(1)
    from reader.core.text import parse_date

    return parse_date(value)
