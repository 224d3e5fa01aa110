"""One entry point per report kind: the document in the format asked for, as a string."""

from __future__ import annotations

import json
from typing import Literal

from reader.core.report.html_report import pair_html, story_html
from reader.core.report.inputs import PairReport, StoryReport
from reader.core.report.json_report import pair_json, story_json
from reader.core.report.markdown_report import pair_markdown, story_markdown

ReportFormat = Literal["html", "md", "json"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("html", "md", "json")
_SUFFIXES: dict[str, ReportFormat] = {
    ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json",
}


def format_for_path(path: str | None) -> ReportFormat:
    """The format a file name asks for by its suffix; html when it names none."""
    if path:
        for suffix, kind in _SUFFIXES.items():
            if path.lower().endswith(suffix):
                return kind
    return "html"


def render_pair(report: PairReport, kind: ReportFormat = "html") -> str:
    """The pair report as an HTML page, Markdown or JSON text."""
    if kind == "html":
        return pair_html(report)
    if kind == "md":
        return pair_markdown(report)
    return json.dumps(pair_json(report), ensure_ascii=False, indent=1) + "\n"


def render_story(report: StoryReport, kind: ReportFormat = "html") -> str:
    """The story report as an HTML page, Markdown or JSON text."""
    if kind == "html":
        return story_html(report)
    if kind == "md":
        return story_markdown(report)
    return json.dumps(story_json(report), ensure_ascii=False, indent=1) + "\n"
