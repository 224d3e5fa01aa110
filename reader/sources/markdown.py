"""Markdown articles: YAML-style front matter as metadata, headings kept as their own blocks.

Front matter is read without a YAML library: simple ``key: value`` lines (values may be
quoted) and ``- item`` lists under a key, which is what article front matter holds. A
block with any other line is not front matter (it may be a rule above prose), so it stays
in the body rather than being lost.
"""

from __future__ import annotations

import json
import re

from reader.core.models import RawDocument
from reader.sources.decoding import normalise_text
from reader.sources.formats import iso_date

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n?^(?:---|\.\.\.)[ \t]*$\n?", re.S | re.M)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]+-[ \t]+(.*?)[ \t]*$|^-[ \t]+(.*?)[ \t]*$")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_KEYS = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate"),
    "source": ("source", "outlet", "publisher", "site"),
    "url": ("url", "link", "canonical"),
    "byline": ("author", "authors", "byline"),
}


def read_markdown(doc_id: str, path: str, text: str) -> RawDocument:
    """A Markdown article: front matter becomes metadata, marks become plain text.

    Each ``#`` heading stands on its own line between blank lines, so it stays a heading
    instead of running into the paragraph under it.

    Args:
        doc_id: The document's id.
        path: The file it came from.
        text: The decoded file.

    Returns:
        The document, with title, date, source, url and byline from the front matter.
    """
    text = normalise_text(text)
    fields: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match is not None:
        parsed = parse_front_matter(match.group(1))
        if parsed is not None:
            fields = parsed
            text = text[match.end() :]
    text = _HEADING.sub(lambda heading: f"\n{heading.group(1)}\n", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)

    def field(name: str) -> str | None:
        return next((fields[key] for key in _KEYS[name] if fields.get(key)), None)

    return RawDocument(
        id=doc_id,
        path=path,
        text=text,
        title=field("title"),
        source=field("source"),
        byline=field("byline"),
        date=iso_date(field("date")),
        url=field("url"),
    )


def parse_front_matter(block: str) -> dict[str, str] | None:
    """The fields of a front-matter block, or None when it is not one.

    Args:
        block: The lines between the ``---`` fences.

    Returns:
        Lower-cased keys to one-line values (a list joined with commas); None when a line
        is neither ``key: value``, a list item, a comment nor blank.
    """
    fields: dict[str, str] = {}
    key: str | None = None
    for line in block.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LIST_ITEM.match(line)
        if item is not None and key is not None:
            value = _unquote(item.group(1) or item.group(2) or "")
            fields[key] = f"{fields[key]}, {value}" if fields.get(key) else value
            continue
        found = _FIELD.match(line)
        if found is None:
            return None
        key = found.group(1).lower()
        fields[key] = _unquote(found.group(2) or "")
    return fields


def _unquote(value: str) -> str:
    """A YAML scalar without its quotes: "..." with JSON-style escapes, '...' with ''."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            decoded = json.loads(value)
        except json.JSONDecodeError:
            decoded = value[1:-1]
        return " ".join(str(decoded).split())
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return " ".join(value[1:-1].replace("''", "'").split())
    return " ".join(value.split())
