"""The vote between two extractors' bodies of one page (made-up texts)."""

from __future__ import annotations

import pytest

from reader.sources.html_vote import pick_body

STORY = (
    "The harbour council approved the new ferry timetable on Thursday, ending months of "
    "argument between operators and residents.\n\nTwo evening crossings start in May, "
    "and the council will review them in the autumn after a public meeting."
)
RELATED = "\n\nRelated stories\n\nStorm warning for the coast road\n\nBakery wins award"
COMMENTS = "\n\n3 comments\n\nJo: about time too\n\nSam: what about Sundays"
LEAD = "The harbour council approved the new ferry timetable on Thursday."
OTHER = "Subscribe to our newsletter for the week's best recipes and gardening tips."

CASES = [
    ("second kept related links: the shorter main", STORY, STORY + RELATED, STORY),
    ("main kept comments: the shorter second", STORY + COMMENTS, STORY, STORY),
    ("main is only the lead: the second, whole", LEAD, STORY, STORY),
    ("second is only the lead: main, whole", STORY, LEAD, STORY),
    ("they disagree: main", STORY, OTHER, STORY),
    ("main found nothing: second", "", STORY, STORY),
    ("second found nothing: main", STORY, "", STORY),
]


@pytest.mark.parametrize(("main", "second", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_pick_body(main: str, second: str, expected: str) -> None:
    assert pick_body(main, second) == expected
