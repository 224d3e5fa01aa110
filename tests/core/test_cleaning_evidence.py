"""Short lines that are the article's own (results, tables, scores, lists) survive cleaning.

The fixtures in ``tests/data/cleaner/`` are made up for these tests: wire-style results
and tables, lists inside a body, and a chrome block after a story that must still go.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.models import Article, RawDocument
from reader.core.text.cleaning import clean_corpus, clean_document

DATA = Path(__file__).resolve().parent.parent / "data" / "cleaner"


def clean_fixture(name: str) -> Article:
    text = (DATA / name).read_text(encoding="utf-8")
    return clean_document(RawDocument(id=name, path=str(DATA / name), text=text))


def fixture_lines(name: str) -> list[str]:
    return [ln.strip() for ln in (DATA / name).read_text(encoding="utf-8").splitlines()]


# (fixture, the first body line, its last body line): every line between them must stay.
BODIES = [
    ("results_list.txt", "Results of the women's World Cup", "5. Claire Dumoulin ( France )"),
    ("standings.txt", "The Euroleague group B standings", "Baltic Riga ( Latvia ) 9 3 6 12"),
    ("scores.txt", "Results of English league two", "Postponed : Bath v Weymouth"),
    ("lists_in_body.txt", "The harbour council published", "The council will vote"),
]


@pytest.mark.parametrize(("name", "first", "last"), BODIES, ids=[b[0] for b in BODIES])
def test_short_content_lines_survive(name: str, first: str, last: str) -> None:
    article = clean_fixture(name)
    lines = fixture_lines(name)
    start = next(i for i, ln in enumerate(lines) if ln.startswith(first))
    end = next(i for i, ln in enumerate(lines) if ln.startswith(last))
    body = [ln for ln in lines[start : end + 1] if ln]
    assert [article.slice(span) for span in article.paragraphs] == body


@pytest.mark.parametrize("name", ["results_list.txt", "standings.txt", "scores.txt"])
def test_wire_headline_in_capitals_is_the_title(name: str) -> None:
    assert clean_fixture(name).title == fixture_lines(name)[0]


def test_results_list_keeps_every_rank_as_a_list_item() -> None:
    article = clean_fixture("results_list.txt")
    items = [article.slice(span) for span in article.list_items]
    assert [item.split(".")[0] for item in items] == ["1", "2", "3", "4", "5"]
    assert items[2] == "3. Paola De Santis ( Italy ) 2:19.07"


def test_lists_inside_a_body_stay_lists() -> None:
    article = clean_fixture("lists_in_body.txt")
    items = [article.slice(span) for span in article.list_items]
    assert items == [
        "1. Two new evening sailings",
        "2. A ferry shuttle for the market",
        "3. Cheaper harbour passes for residents",
        "- night ferry sailings at weekends",
        "- ferry bicycle racks",
        "- harbour parking permits",
    ]


def test_wire_tables_survive_in_a_corpus_of_them() -> None:
    # Labels such as "Division two" recur across a corpus of results: still content.
    names = ["results_list.txt", "standings.txt", "scores.txt"]
    docs = [
        RawDocument(id=f"{name}-{copy}", path=f"{copy}/{name}",
                    text=(DATA / name).read_text(encoding="utf-8"))
        for name in names for copy in range(4)
    ]
    for article in clean_corpus(docs):
        assert "9 6 3 15" in article.text or "Plymouth 4 Exeter 1" in article.text or (
            "Marta Ostberg ( Norway )" in article.text
        )
        if "Plymouth" in article.text:
            assert "Division two\n\nPlymouth 4 Exeter 1" in article.text


@pytest.mark.parametrize("name", ["chrome_after_story.txt", "teasers_after_story.txt"])
def test_chrome_block_after_a_story_still_goes(name: str) -> None:
    article = clean_fixture(name)
    lines = [ln for ln in fixture_lines(name) if ln]
    story = [ln for ln in lines if len(ln.split()) >= 10 and ln.endswith(".")]
    assert [article.slice(span) for span in article.paragraphs] == story
    for chrome in ("Storm warning", "2024", "Home", "by admin", "Council votes"):
        assert chrome not in article.text


def test_removed_lines_are_kept_where_they_stood() -> None:
    article = clean_fixture("chrome_after_story.txt")
    lines = [ln for ln in fixture_lines("chrome_after_story.txt") if ln]
    kept = [article.slice(span) for span in article.paragraphs]
    removed = [line.text for line in article.removed]
    assert article.title == lines[0]
    assert removed == [ln for ln in lines[1:] if ln not in kept]
    assert removed[0] == "You may also like"
    assert {line.anchor for line in article.removed} == {len(article.text)}


def test_lines_removed_above_the_body_are_anchored_at_its_start() -> None:
    text = "Home\nNews\nSport\n\n" + (DATA / "chrome_after_story.txt").read_text("utf-8")
    article = clean_document(RawDocument(id="h", path="h.txt", text=text))
    assert [(r.anchor, r.text) for r in article.removed[:3]] == [
        (0, "Home"), (0, "News"), (0, "Sport")]
