"""Article records from JSON, JSON Lines and CSV files, one bad record never losing the rest.

A record is a mapping with a text field (``text``, ``body``, ``content``...) and, when
present, title, url, source/outlet, date and author. A record that cannot be used (bad
JSON on its line, a CSV row of the wrong width, no text) becomes a one-line problem
naming its line or record number, and every other record still loads. Each record's id
is ``file_id#N``, N its line (JSON Lines, CSV) or its place in the list (JSON), so it
stays the same whatever else is in the file or the run.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from reader.core.models import RawDocument
from reader.sources.decoding import normalise_text
from reader.sources.formats import FormatError, Parsed, iso_date

_TEXT_KEYS = ("text", "body", "content", "articleBody", "article", "maintext")
_TITLE_KEYS = ("title", "headline")
_SOURCE_KEYS = ("source", "outlet", "publisher", "sitename", "site_name", "source_domain")
_DATE_KEYS = ("date", "published", "date_publish", "publication_date", "datePublished")
_BYLINE_KEYS = ("byline", "author", "authors")
_URL_KEYS = ("url", "link")
_NO_TEXT = "no text field (text, body or content)"


def read_json(doc_id: str, path: str, text: str) -> Parsed:
    """Articles from a JSON file: one record, a list of them, or ``{"articles": [...]}``.

    Args:
        doc_id: The file's id; a list's records get ``doc_id#N``.
        path: The file's path, kept on every document.
        text: The decoded file.

    Returns:
        The records with text, and one problem for each record that has none.

    Raises:
        FormatError: When the file is not valid JSON or holds no records at all.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(f"invalid JSON: {error.msg} at line {error.lineno}") from error
    if isinstance(data, dict) and "articles" not in data:
        document = record_document(data, doc_id, path)
        if document is None:
            raise FormatError("JSON holds no record with a text field")
        return Parsed([document])
    records = data.get("articles") if isinstance(data, dict) else data
    if not isinstance(records, list) or not records:
        raise FormatError("JSON holds no article records")
    parsed = Parsed()
    for number, record in enumerate(records, start=1):
        _add_record(parsed, record, f"{doc_id}#{number}", path, f"record {number}")
    return parsed


def read_json_lines(doc_id: str, path: str, text: str) -> Parsed:
    """Articles from a JSON Lines file, one record a line; ids are ``doc_id#LINE``.

    Raises:
        FormatError: When no line holds anything.
    """
    parsed = Parsed()
    # Split on LF only: a JSON string may hold U+2028, which splitlines() would cut.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            parsed.problems.append(f"line {number}: invalid JSON: {error.msg}")
            continue
        _add_record(parsed, record, f"{doc_id}#{number}", path, f"line {number}")
    if not parsed.documents and not parsed.problems:
        raise FormatError("JSON Lines file holds no records")
    return parsed


def read_csv(doc_id: str, path: str, text: str) -> Parsed:
    """Articles from a CSV file whose header row names the record fields.

    Raises:
        FormatError: When the header has no text column or the file has no rows.
    """
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip() for name in next(rows)]
    except (StopIteration, csv.Error) as error:
        raise FormatError("CSV without a header row") from error
    if not any(key in header for key in _TEXT_KEYS):
        raise FormatError(f"CSV header has no text column (text, body or content): "
                          f"{','.join(header)[:80]}")
    parsed = Parsed()
    while True:
        number = rows.line_num + 1
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as error:
            parsed.problems.append(f"line {number}: bad CSV row: {error}")
            continue
        if not row:
            continue
        if len(row) != len(header):
            parsed.problems.append(
                f"line {number}: {len(row)} fields, the header has {len(header)}"
            )
            continue
        _add_record(parsed, dict(zip(header, row, strict=True)), f"{doc_id}#{number}", path,
                    f"line {number}")
    if not parsed.documents and not parsed.problems:
        raise FormatError("CSV has a header row but no records")
    return parsed


def record_document(record: Mapping[str, Any], doc_id: str, path: str) -> RawDocument | None:
    """One record as a raw document, or None when it has no text.

    Args:
        record: Field names to values (strings, numbers or lists of strings).
        doc_id: The document's id.
        path: The file it came from.

    Returns:
        The document, or None when no text field holds any text.
    """
    body = _first(record, _TEXT_KEYS)
    if body is None or not body.strip():
        return None
    return RawDocument(
        id=doc_id,
        path=path,
        text=body,
        title=_first(record, _TITLE_KEYS),
        source=_first(record, _SOURCE_KEYS),
        byline=_first(record, _BYLINE_KEYS),
        date=iso_date(_first(record, _DATE_KEYS)),
        url=_first(record, _URL_KEYS),
        extracted=True,
    )


def _add_record(parsed: Parsed, record: object, doc_id: str, path: str, where: str) -> None:
    """Add a record's document to ``parsed``, or a problem saying ``where`` it failed."""
    if not isinstance(record, dict):
        parsed.problems.append(f"{where}: not a JSON object")
        return
    document = record_document(record, doc_id, path)
    if document is None:
        parsed.problems.append(f"{where}: {_NO_TEXT}")
    else:
        parsed.documents.append(document)


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first non-empty string (or list of strings) among ``keys``, normalised.

    Text fields keep their line breaks; every other field becomes one line.
    """
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value if item)
        if isinstance(value, str | int | float) and str(value).strip():
            value = normalise_text(str(value))
            return value if key in _TEXT_KEYS else " ".join(value.split())
    return None
