"""OPML 2.0 subscription lists: the feeds of a file, and a file of feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from dataclasses import dataclass


class OpmlError(ValueError):
    """The file is not OPML we can read; the message says why in one line."""


@dataclass(frozen=True)
class Subscription:
    """A feed in a subscription list: its URL and title."""

    url: str
    title: str | None = None


def read_opml(data: bytes) -> list[Subscription]:
    """Every outline with an ``xmlUrl``, at any depth (folders are flattened).

    Raises:
        OpmlError: When the file is not XML or has no ``<opml>`` root.
    """
    try:
        # The standard parser fetches no external entity and, with expat 2.4 or later,
        # refuses entity-expansion bombs.
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise OpmlError(f"not OPML: malformed XML ({error})") from None
    if root.tag.lower() != "opml":
        raise OpmlError(f"not OPML: the root element is <{root.tag}>")
    found: list[Subscription] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url and all(s.url != url for s in found):
            title = outline.get("title") or outline.get("text") or None
            found.append(Subscription(url, title))
    return found


def write_opml(subscriptions: Sequence[Subscription], title: str = "Newsroom Reader feeds",
               ) -> str:
    """An OPML 2.0 document listing the feeds, one ``rss`` outline each."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    body = ElementTree.SubElement(root, "body")
    for subscription in subscriptions:
        name = subscription.title or subscription.url
        ElementTree.SubElement(body, "outline", type="rss", text=name, title=name,
                               xmlUrl=subscription.url)
    ElementTree.indent(root)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ElementTree.tostring(root, encoding="unicode") + "\n")
