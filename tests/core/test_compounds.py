"""Hyphenated name compounds carry a mention of each person ("the Putin-Witkoff summit")."""

from __future__ import annotations

import pytest

from reader.core.actors.compounds import split_compounds
from reader.core.actors.entities import detect_mentions
from reader.core.actors.merging import merge_actors
from reader.core.models import Article, Mention, Span
from reader.core.text.sentences import split_sentences


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in detect_mentions(text, split_sentences(text))]


def _at(text: str, word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Span(start, start + len(word))


CASES = [
    ("both named elsewhere",
     "Vladimir Putin met Steve Witkoff in Moscow. The Putin-Witkoff summit ended late.",
     [("Putin", 1), ("Witkoff", 1)]),
    ("one named elsewhere, the other only in the compound",
     "Emmanuel Macron spoke in Paris. Ahead of the Zelensky-Macron talks, aides met.",
     [("Zelensky", 0), ("Macron", 1)]),
    ("a person and a lower-case word",
     "President Joe Biden left office. A Biden-era rule was revoked on Monday.",
     [("Biden", 1)]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_person_of_a_compound_is_a_mention(
    text: str, expected: list[tuple[str, int]]
) -> None:
    mentions = detect_mentions(text, split_sentences(text))
    by_span = {m.span: m for m in mentions}
    for word, nth in expected:
        found = by_span.get(_at(text, word, nth))
        assert found is not None and found.kind == "person", (word, _found(text))
    assert not any("-" in m.text for m in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Iain Duncan-Smith spoke to Smith in London.",  # a double-barrelled name
        "The Israeli-Palestinian talks resumed. Rolls-Royce said nothing.",
        "Angela Merkel flew on. The Merkel-Paris link held.",  # a place is no person
    ],
)
def test_compounds_without_two_people_stay_as_they_are(text: str) -> None:
    names = {m.text for m in detect_mentions(text, split_sentences(text)) if m.kind == "person"}
    assert "Paris" not in names and "Israeli" not in names and "Royce" not in names
    assert "Duncan" not in names


def test_a_compound_is_split_only_with_a_person_of_the_article() -> None:
    text = "The Smith-Jones report came out."
    mentions = [Mention(_at(text, "Smith-Jones"), "Smith-Jones", "person")]
    assert split_compounds(text, mentions, frozenset(), frozenset()) == mentions


def test_the_seeds_compounds_join_their_people(seed_articles: dict[str, Article]) -> None:
    documents = [(a.id, detect_mentions(a.text, a.sentences)) for a in seed_articles.values()]
    actors, linked = merge_actors(documents)
    names = {a.id: a.name for a in actors}
    checked = 0
    for (doc_id, _), mentions in zip(documents, linked, strict=True):
        text = seed_articles[doc_id[:3]].text
        for compound, people in (("Putin-Witkoff", ("Vladimir Putin", "Steve Witkoff")),
                                 ("Zelensky-Macron", ("Volodymyr Zelenskyy", "Emmanuel Macron"))):
            at = text.find(compound)
            if at < 0:
                continue
            inside = [m for m in mentions if at <= m.span.start and m.span.end <= at + len(compound)]
            assert [names[m.actor or ""] for m in inside] == list(people), doc_id
            checked += 1
    assert checked >= 2


def test_detect_people_gives_the_person_spans_for_other_engines() -> None:
    from reader.core.actors import detect_people

    text = "Emmanuel Macron spoke in Paris. Ahead of the Zelensky-Macron talks, aides met."
    spans = detect_people(text, split_sentences(text))
    assert [text[s.start : s.end] for s in spans] == ["Emmanuel Macron", "Zelensky", "Macron"]
