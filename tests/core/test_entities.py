"""Mention detection on the seed articles: who and what each article names, with roles."""

from __future__ import annotations

import itertools

import pytest

from reader.core.actors.entities import detect_mentions
from reader.core.actors.features import tokenize
from reader.core.models import Article, Mention
from reader.core.text.sentences import split_sentences

from ..conftest import SEEDS


def _mentions(article: Article) -> list[Mention]:
    return detect_mentions(article.text, article.sentences)


def _named(mentions: list[Mention], kind: str) -> set[str]:
    return {m.text for m in mentions if m.kind == kind}


def _roles(mentions: list[Mention]) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for m in mentions:
        if m.role:
            roles.setdefault(m.text, set()).add(m.role)
    return roles


PEOPLE = {
    "000": {"Steve Witkoff", "Vladimir Putin", "Jared Kushner", "Donald Trump", "Marco Rubio",
            "Volodymyr Zelenskyy", "Andriy Yermak", "Witkoff", "Putin", "Trump", "Yermak"},
    "001": {"Vladimir Putin", "Steve Witkoff", "Jared Kushner", "Donald Trump",
            "Volodymyr Zelensky", "Dmitry Peskov", "Emmanuel Macron", "Andriy Kovalenko",
            "Keir Starmer", "Rustem Umerov", "Karoline Leavitt", "Kaja Kallas", "Zelensky",
            "Macron", "Kushner"},
    "002": {"Vladimir Putin", "Donald Trump", "Steve Witkoff", "Volodymyr Zelenskyy",
            "Pjotr Sauer", "Dmitry Peskov", "Sauer", "Zelenskyy"},
    "003": {"Steve Witkoff", "Vladimir Putin", "Jared Kushner", "Donald Trump",
            "Kirill Dmitriev", "Marco Rubio", "Volodymyr Zelenskyy", "Andriy Yermak"},
    "004": {"Steve Witkoff", "Vladimir Putin", "Volodymyr Zelenskyy"},
}
ORGANISATIONS = {
    "000": {"North Atlantic Treaty Organization", "NATO"},
    "001": {"NATO", "EU"},
    "002": {"NATO"},
    "003": {"North Atlantic Treaty Organization", "NATO", "Financial Times", "The Atlantic"},
    "004": {"NATO", "EU"},
}
PLACES = {
    "000": {"Moscow", "Ukraine", "Kyiv", "Geneva", "Florida", "Washington", "Russia"},
    "001": {"Moscow", "Ukraine", "Kyiv", "Florida", "Paris", "Pokrovsk", "Vovchansk", "Crimea"},
    "002": {"Moscow", "Ukraine", "Kyiv", "Pokrovsk", "Washington", "Europe"},
    "003": {"Moscow", "Ukraine", "Kyiv", "Geneva", "Florida", "Luhansk", "Donetsk"},
    "004": {"Moscow", "Ukraine", "Kyiv", "Florida", "Pokrovsk", "Vovchansk", "Brussels"},
}


@pytest.mark.parametrize("seed", sorted(PEOPLE))
def test_people_in_each_seed(seed_articles: dict[str, Article], seed: str) -> None:
    found = _named(_mentions(seed_articles[seed]), "person")
    assert PEOPLE[seed] <= found, PEOPLE[seed] - found


@pytest.mark.parametrize("seed", sorted(ORGANISATIONS))
def test_organisations_in_each_seed(seed_articles: dict[str, Article], seed: str) -> None:
    found = _named(_mentions(seed_articles[seed]), "organisation")
    assert ORGANISATIONS[seed] <= found, ORGANISATIONS[seed] - found


@pytest.mark.parametrize("seed", sorted(PLACES))
def test_places_in_each_seed(seed_articles: dict[str, Article], seed: str) -> None:
    found = _named(_mentions(seed_articles[seed]), "place")
    assert PLACES[seed] <= found, PLACES[seed] - found


@pytest.mark.parametrize(
    ("seed", "name", "role"),
    [
        ("000", "Vladimir Putin", "Russian President"),
        ("000", "Marco Rubio", "Secretary of State"),
        ("000", "Volodymyr Zelenskyy", "Ukrainian President"),
        ("001", "Dmitry Peskov", "Kremlin spokesman"),
        ("001", "Emmanuel Macron", "French President"),
        ("001", "Keir Starmer", "UK Prime Minister"),
        ("001", "Karoline Leavitt", "White House Press Secretary"),
        ("001", "Kaja Kallas", "EU foreign policy chief"),
        ("001", "Andriy Kovalenko", "head of Ukraine’s disinformation response centre"),
        ("002", "Dmitry Peskov", "Kremlin spokesperson"),
        ("002", "Pjotr Sauer", "Russian affairs reporter for The Guardian"),
        ("002", "Steve Witkoff", "Donald Trump's special envoy"),
        ("003", "Kirill Dmitriev", "Russian envoy"),
    ],
)
def test_roles(seed_articles: dict[str, Article], seed: str, name: str, role: str) -> None:
    assert _roles(_mentions(seed_articles[seed])).get(name) == {role}


def test_person_span_excludes_title_and_honorific(seed_articles: dict[str, Article]) -> None:
    # "UK Prime Minister Sir Keir Starmer": the name is "Keir Starmer" only.
    texts = {m.text for m in _mentions(seed_articles["001"])}
    assert "Keir Starmer" in texts
    assert not {t for t in texts if "Sir" in t or "Minister" in t}


def test_coordinated_places_split(seed_articles: dict[str, Article]) -> None:
    texts = [m.text for m in _mentions(seed_articles["004"])]
    assert "Pokrovsk and Vovchansk" not in texts
    assert texts.count("Pokrovsk") == 1 and texts.count("Vovchansk") == 1


@pytest.mark.parametrize("seed", sorted(PEOPLE))
def test_no_ordinary_words_as_actors(seed_articles: dict[str, Article], seed: str) -> None:
    texts = {m.text for m in _mentions(seed_articles[seed])}
    for word in ("Despite", "Analysts", "Secretary", "Good", "Good morning", "Tuesday",
                 "November", "Frontline", "Critical Diplomacy", "Source"):
        assert word not in texts
    assert not any(" and " in t for t in texts)


def test_mentions_sorted_and_disjoint(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        mentions = _mentions(article)
        for a, b in itertools.pairwise(mentions):
            assert a.span.end <= b.span.start
        assert all(article.text[m.span.start : m.span.end] == m.text for m in mentions)


def test_raw_page_headings_and_menus_are_not_actors() -> None:
    # The uncleaned page keeps its heading lines and the site's menu and sidebar.
    raw = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    found = {
        seed: detect_mentions(text, split_sentences(text)) for seed, text in raw.items()
    }
    texts = {m.text for ms in found.values() for m in ms}
    for junk in ("Critical Diplomacy", "World News", "Pick", "Frontline", "Sparks Debate"):
        assert junk not in texts
    assert not any("\n" in t for t in texts)
    assert "Editor" not in {m.role for ms in found.values() for m in ms}
    # Initials before a family name are a person, not an acronym of a body.
    assert {m.kind for m in found["003"] if m.text == "JD Vance"} == {"person"}
    assert "Kremlin" in {m.text for m in found["001"]}


def test_without_sentence_spans_lines_still_split() -> None:
    text = "Claims from the Frontline Increase Tensions\nKremlin spokesman Dmitry Peskov spoke."
    mentions = detect_mentions(text, [])
    assert [(m.text, m.kind, m.role) for m in mentions if m.kind == "person"] == [
        ("Dmitry Peskov", "person", "Kremlin spokesman")
    ]
    assert "Frontline" not in {m.text for m in mentions}


def test_empty_text() -> None:
    assert detect_mentions("", []) == []


def test_quote_initial_the_is_no_part_of_a_name() -> None:
    # A "The" opening a quoted sentence starts the sentence; mid-sentence it is a title's.
    text = (
        'Officials met in London on Monday. The minister said: "The United Kingdom is ready'
        ' to act." "The UK economy is strong," said Gordon Brown. Mr Brown told The Guardian'
        " newspaper that he was pleased."
    )
    found = {(m.text, m.kind) for m in detect_mentions(text, split_sentences(text))}
    assert {("United Kingdom", "place"), ("UK", "place")} <= found
    assert ("The Guardian", "organisation") in found
    assert not {t for t, _ in found if t.startswith("The U")}


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in detect_mentions(text, split_sentences(text))]


# Defect 17's error classes, each on hand-written sentences: (id, text, expected mentions).
KIND_CASES = [
    # A verb after a name ends it: the tagger ran "derided" and "Tory" into the person.
    ("verb-after-name", "Mr Blair derided Tory plans for tax cuts.", [("Blair", "person")]),
    # A contraction is split as in the tagger's training text, so it is no name word.
    ("contraction", "But Blair doesn't want an election this year.", [("Blair", "person")]),
    # A name ending in an organisation's head word is a body, not a person.
    (
        "organisation-head",
        "She signed a deal with Warner Records last year.",
        [("Warner Records", "organisation")],
    ),
    # Called a firm, never placed anywhere: a company, not a place.
    (
        "firm-not-place",
        "Online retailer Amazon said sales rose. Amazon has a new boss.",
        [("Amazon", "organisation"), ("Amazon", "organisation")],
    ),
    (
        "firm-not-person",
        "The mobile phone maker Nokia said profits fell. Nokia has cut prices.",
        [("Nokia", "organisation"), ("Nokia", "organisation")],
    ),
    # A list of names opened by a firm noun ("giants such as", "representatives of").
    (
        "listed-among-firms",
        "Web portals such as Google, Yahoo and Amazon are busy. Amazon has grown.",
        [("Google", "organisation"), ("Yahoo", "organisation"), ("Amazon", "organisation"),
         ("Amazon", "organisation")],
    ),
    (
        "listed-after-members-of",
        "It met representatives of BASF, Siemens and Cadbury. Siemens says it agrees.",
        [("BASF", "organisation"), ("Siemens", "organisation"), ("Cadbury", "organisation"),
         ("Siemens", "organisation")],
    ),
    (
        "firm-noun-store",
        "It links to online store Amazon, the search firm said. Amazon has grown.",
        [("Amazon", "organisation"), ("Amazon", "organisation")],
    ),
    # A home nation's side has a boss too, and it is still a place.
    (
        "home-nation-boss",
        "Wales boss Mike Ruddock named his side. Wales play on Saturday.",
        [("Wales", "place"), ("Mike Ruddock", "person"), ("Wales", "place")],
    ),
    # "Shares in X" is a holding, not a location; one sense per article for the lone word.
    (
        "shares-in-a-firm",
        "Shares in Tesco rose. Tesco said sales were strong. Tesco shares rose again.",
        [("Tesco", "organisation")] * 3,
    ),
    # A person-shaped name starting with the article's company is that company's.
    (
        "company-plus-surname",
        "The firm said Sony Ericsson would sell more phones. Ken Kutaragi, chief operating"
        " officer of Sony, said so. Sony has said it will grow.",
        [("Sony Ericsson", "organisation"), ("Ken Kutaragi", "person"),
         ("Sony", "organisation"), ("Sony", "organisation")],
    ),
    # Formats and awards are things, not actors.
    ("format-acronym", "Sales of DVD players rose by a third. The DVD market is booming.", []),
    ("plural-acronym", "Sales of PCs fell. The PC market shrank.", []),
    ("award", "The film won an Oscar last year. She hopes to win an Oscar for the role.", []),
    # A format or award word is no part of the name beside it.
    ("format-after-a-place", "The US DVD market grew fast last year.", [("US", "place")]),
    # ... but one that starts a body's name is part of it.
    ("format-starts-a-shop", "Shoppers at PC World queued.", [("PC World", "organisation")]),
    # ... and an award word that starts a person's name here is that person.
    (
        "award-word-as-given-name",
        "Oscar Wilde wrote plays. Oscar was a wit.",
        [("Oscar Wilde", "person"), ("Oscar", "person")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in KIND_CASES],
                         ids=[c[0] for c in KIND_CASES])
def test_actor_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected


def test_contractions_split_like_the_training_tokens() -> None:
    text = "Blair doesn't know; they'll see."
    assert [t[2] for t in tokenize(text)] == [
        "Blair", "does", "n't", "know", ";", "they", "'ll", "see", ".",
    ]
    assert [t[2] for t in tokenize("O'Neill's")] == ["O'Neill", "'s"]


def test_award_compound_and_honorific_before_a_title_are_no_name() -> None:
    # "Oscar-winning" is an adjective; "Lord" before "of" starts a title, not a name.
    texts = [t for t, _ in _kinds("Fans of the Oscar-winning Lord of the Rings queued.")]
    assert not [t for t in texts if "Oscar" in t or t.startswith("of ")]


def test_an_initial_a_stays_in_the_name_and_a_firm_keeps_its_dot() -> None:
    text = ("Surrey declared after A. Stewart made a century at the Oval.\n"
            "Shares of Norwest Corp. rose, and Barnett Banks Inc. fell on Monday.")
    found = {(m.text, m.kind) for m in detect_mentions(text, split_sentences(text))}
    assert ("A. Stewart", "person") in found
    assert {("Norwest Corp.", "organisation"), ("Barnett Banks Inc.", "organisation")} <= found
