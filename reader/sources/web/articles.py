"""An article fetched from the web, as the library stores it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FetchedArticle:
    """An article fetched from the web, ready to store."""

    url: str
    text: str
    feed_url: str | None = None
    guid: str | None = None
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    summary_only: bool = False
    extracted: bool = False
