"""Stories: a corpus grouped into one story per real-world event, and what its sources share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from reader.core.stories.grouping import STORY_THRESHOLD, cluster_stories
    from reader.core.stories.trace import (
        provenance_to_json,
        trace_stories,
        trace_story,
        trace_to_json,
    )

__all__ = [
    "STORY_THRESHOLD",
    "cluster_stories",
    "provenance_to_json",
    "trace_stories",
    "trace_story",
    "trace_to_json",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "STORY_THRESHOLD": "grouping",
        "cluster_stories": "grouping",
        "provenance_to_json": "trace",
        "trace_stories": "trace",
        "trace_story": "trace",
        "trace_to_json": "trace",
    },
)
