"""Stories: a corpus grouped into one story per real-world event, and what its sources share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from reader.core.stories.grouping import STORY_THRESHOLD, cluster_stories
    from reader.core.stories.shares import Shares, sentence_shares
    from reader.core.stories.trace import (
        provenance_to_json,
        trace_stories,
        trace_story,
        trace_to_json,
    )

__all__ = [
    "STORY_THRESHOLD",
    "Shares",
    "cluster_stories",
    "provenance_to_json",
    "sentence_shares",
    "trace_stories",
    "trace_story",
    "trace_to_json",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "STORY_THRESHOLD": "grouping",
        "Shares": "shares",
        "cluster_stories": "grouping",
        "sentence_shares": "shares",
        "provenance_to_json": "trace",
        "trace_stories": "trace",
        "trace_story": "trace",
        "trace_to_json": "trace",
    },
)
