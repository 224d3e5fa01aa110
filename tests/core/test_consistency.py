"""One person per full name within an article (``propagate_people``)."""

from __future__ import annotations

from itertools import pairwise

from reader.core.actors.consistency import propagate_people
from reader.core.models import ActorKind, Mention, Span

GIVEN = frozenset({"lindsay", "wladimir", "maurice"})


def _mention(text: str, name: str, kind: ActorKind, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(Span(start, start + len(name)), name, kind)


def _found(text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    out = propagate_people(text, mentions, GIVEN)
    assert all(a.span.end <= b.span.start for a, b in pairwise(out))
    assert all(text[m.span.start : m.span.end] == m.text for m in out)
    return [(m.text, m.kind) for m in out]


def test_headline_swallowed_into_an_organisation_gives_the_person_back() -> None:
    text = "Lindsay Lohan Checks Into Betty Ford\n\nLindsay Lohan entered rehab."
    mentions = [_mention(text, "Lindsay Lohan Checks Into Betty Ford", "organisation"),
                _mention(text, "Lindsay Lohan", "person", nth=1)]
    assert _found(text, mentions) == [("Lindsay Lohan", "person"), ("Lindsay Lohan", "person")]


def test_missed_occurrence_and_given_name_before_a_family_name() -> None:
    text = "Wladimir Klitschko stops Thompson\n\nThe champion Klitschko won. Klitschko said."
    mentions = [_mention(text, "Thompson", "person"), _mention(text, "Klitschko", "person", 1),
                _mention(text, "Klitschko", "person", 2)]
    assert _found(text, mentions) == [
        ("Wladimir Klitschko", "person"), ("Thompson", "person"), ("Klitschko", "person"),
        ("Klitschko", "person"),
    ]


def test_a_name_inside_a_title_and_a_suffixed_name() -> None:
    text = "Coach Maurice Cheeks met Maurice Cheeks. Arcade Joseph Comeaux Jr fled."
    mentions = [_mention(text, "Coach Maurice Cheeks", "organisation"),
                _mention(text, "Maurice Cheeks", "person", 1),
                _mention(text, "Arcade Joseph Comeaux Jr", "organisation")]
    assert _found(text, mentions) == [
        ("Maurice Cheeks", "person"), ("Maurice Cheeks", "person"),
        ("Arcade Joseph Comeaux Jr", "person"),
    ]


def test_organisations_named_after_a_person_stay_organisations() -> None:
    text = "Bill Gates spoke. The Bill Gates Foundation gave."
    mentions = [_mention(text, "Bill Gates", "person"),
                _mention(text, "Bill Gates Foundation", "organisation")]
    assert _found(text, mentions) == [("Bill Gates", "person"),
                                      ("Bill Gates Foundation", "organisation")]


def test_no_people_no_change() -> None:
    text = "Moscow and Kyiv."
    mentions = [_mention(text, "Moscow", "place"), _mention(text, "Kyiv", "place")]
    assert propagate_people(text, mentions, GIVEN) == mentions


def test_a_surname_or_given_name_found_once_is_that_person_everywhere() -> None:
    text = ('Wladimir Klitschko won. "I got caught," Thompson said. Tony Thompson fell.\n\n'
            "Wladimir was glad. A Thompson-era record.")
    mentions = [_mention(text, "Wladimir Klitschko", "person"),
                _mention(text, "Tony Thompson", "person")]
    out = propagate_people(text, mentions, GIVEN, frozenset({"king"}))
    assert [(m.text, m.kind) for m in out] == [
        ("Wladimir Klitschko", "person"), ("Thompson", "person"), ("Tony Thompson", "person"),
        ("Wladimir", "person"), ("Thompson", "person"),
    ]


def test_an_ordinary_word_starting_a_sentence_is_not_taken_for_the_surname() -> None:
    text = "Billy King hired Cheeks. King was pleased, said King."
    mentions = [_mention(text, "Billy King", "person")]
    out = propagate_people(text, mentions, GIVEN, frozenset({"king"}))
    assert [(m.text, m.span.start) for m in out] == [("Billy King", 0), ("King", text.rindex("King"))]
