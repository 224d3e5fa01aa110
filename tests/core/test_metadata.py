"""Dates, credits, bylines and outlet names."""

from __future__ import annotations

import pytest

from reader.core.text.metadata import parse_byline, parse_credit, parse_date, tidy_outlet

DATES = [
    ("by admin December 2, 2025", "2025-12-02"),
    ("Published 2 December 2025", "2025-12-02"),
    ("Dec. 2, 2025", "2025-12-02"),
    ("2025-12-02T10:00", "2025-12-02"),
    ("February 30, 2025", None),
    ("in 2022 the war began", None),
    ("December 2025", None),
]


@pytest.mark.parametrize(("line", "expected"), DATES, ids=[d[0] for d in DATES])
def test_parse_date(line: str, expected: str | None) -> None:
    assert parse_date(line) == expected


CREDITS = [
    ("This post appeared first on FOX NEWS", "FOX NEWS", "Fox News"),
    ("This article was originally published by The Conversation.", "The Conversation",
     "The Conversation"),
    ("Source: Reuters", "Reuters", "Reuters"),
    ("Source: Original article", "Original article", None),
    ("Originally published on BBC NEWS", "BBC NEWS", "BBC News"),
]


@pytest.mark.parametrize(("line", "origin", "outlet"), CREDITS, ids=[c[0] for c in CREDITS])
def test_parse_credit(line: str, origin: str, outlet: str | None) -> None:
    credit = parse_credit(line)
    assert credit is not None
    assert (credit.origin, credit.outlet) == (origin, outlet)


@pytest.mark.parametrize("line", ["Sources say the talks failed badly and will resume.",
                                  "The source of the leak was never found."])
def test_prose_is_no_credit(line: str) -> None:
    assert parse_credit(line) is None


def test_byline() -> None:
    assert parse_byline("by admin December 2, 2025") == ("admin", "2025-12-02")
    assert parse_byline("By Jane Doe") == ("Jane Doe", None)
    assert parse_byline("by the way, this is a sentence about something else entirely") is None


def test_tidy_outlet() -> None:
    assert tidy_outlet("FOX NEWS") == "Fox News"
    assert tidy_outlet("BBC") == "BBC"
    assert tidy_outlet("The  Guardian") == "The Guardian"
