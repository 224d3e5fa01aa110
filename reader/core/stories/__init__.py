"""Stories: a corpus grouped into one story per real-world event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from reader.core.stories.grouping import STORY_THRESHOLD, cluster_stories

__all__ = ["STORY_THRESHOLD", "cluster_stories"]

__getattr__ = lazy_exports(__name__, {"STORY_THRESHOLD": "grouping", "cluster_stories": "grouping"})
