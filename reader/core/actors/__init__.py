"""Actors: people, organisations and places named in an article, merged across the corpus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from reader.core.actors.entities import detect_mentions, detect_people
    from reader.core.actors.merging import ActorIndex, merge_actors

__all__ = ["ActorIndex", "detect_mentions", "detect_people", "merge_actors"]

__getattr__ = lazy_exports(
    __name__,
    {
        "detect_mentions": "entities",
        "detect_people": "entities",
        "ActorIndex": "merging",
        "merge_actors": "merging",
    },
)
