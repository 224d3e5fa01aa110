"""Reports: a pair or a story written out as one HTML, Markdown or JSON document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from reader.core.report.inputs import PairReport, StoryReport
    from reader.core.report.render import (
        REPORT_FORMATS,
        format_for_path,
        render_pair,
        render_story,
    )

__all__ = [
    "REPORT_FORMATS",
    "PairReport",
    "StoryReport",
    "format_for_path",
    "render_pair",
    "render_story",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "PairReport": "inputs",
        "StoryReport": "inputs",
        "REPORT_FORMATS": "render",
        "format_for_path": "render",
        "render_pair": "render",
        "render_story": "render",
    },
)
