"""Actor merging across articles, on the seeds and on small hand-made merge cases."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reader.core.actors.entities import detect_mentions
from reader.core.actors.merging import ActorIndex, merge_actors
from reader.core.models import Actor, Article, Mention, Span


@pytest.fixture(scope="module")
def seed_actors(
    seed_articles: dict[str, Article],
) -> tuple[list[Actor], list[tuple[str, list[Mention]]]]:
    documents = [
        (a.id, detect_mentions(a.text, a.sentences)) for a in seed_articles.values()
    ]
    actors, linked = merge_actors(documents)
    return actors, [(doc_id, ms) for (doc_id, _), ms in zip(documents, linked, strict=True)]


def _by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in actors}


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Steve Witkoff", "person"),
        ("Vladimir Putin", "person"),
        ("Jared Kushner", "person"),
        ("Donald Trump", "person"),
        ("Marco Rubio", "person"),
        ("Volodymyr Zelenskyy", "person"),
        ("Andriy Yermak", "person"),
        ("Dmitry Peskov", "person"),
        ("Emmanuel Macron", "person"),
        ("Keir Starmer", "person"),
        ("Rustem Umerov", "person"),
        ("Karoline Leavitt", "person"),
        ("Kaja Kallas", "person"),
        ("Andriy Kovalenko", "person"),
        ("Kirill Dmitriev", "person"),
        ("Pjotr Sauer", "person"),
        ("North Atlantic Treaty Organization", "organisation"),
        ("Kremlin", "organisation"),
        ("Financial Times", "organisation"),
        ("The Atlantic", "organisation"),
        ("Moscow", "place"),
        ("Ukraine", "place"),
        ("Kyiv", "place"),
        ("Geneva", "place"),
        ("Florida", "place"),
        ("Crimea", "place"),
        ("Pokrovsk", "place"),
        ("Vovchansk", "place"),
    ],
)
def test_seed_actor_kinds(seed_actors: tuple[list[Actor], list], name: str, kind: str) -> None:
    actors = _by_name(seed_actors[0])
    assert name in actors
    assert actors[name].kind == kind


def test_seed_name_variants_merge(seed_actors: tuple[list[Actor], list]) -> None:
    actors = _by_name(seed_actors[0])
    zelenskyy = actors["Volodymyr Zelenskyy"]
    assert {"Volodymyr Zelensky", "Zelensky", "Zelenskyy"} <= set(zelenskyy.aliases)
    assert len(zelenskyy.articles) == 5  # 001 spells "Zelensky": still the same actor
    assert "NATO" in actors["North Atlantic Treaty Organization"].aliases
    assert "Putin" in actors["Vladimir Putin"].aliases
    assert len(actors["Vladimir Putin"].articles) == 5
    assert len(actors["Dmitry Peskov"].articles) == 2
    names = {a.name for a in seed_actors[0]}
    assert not {"Zelensky", "Putin", "Witkoff", "NATO", "Pokrovsk and Vovchansk"} & names


def test_seed_roles(seed_actors: tuple[list[Actor], list]) -> None:
    actors = _by_name(seed_actors[0])
    assert actors["Vladimir Putin"].role == "Russian President"
    assert actors["Dmitry Peskov"].role in {"Kremlin spokesman", "Kremlin spokesperson"}
    assert actors["Marco Rubio"].role == "Secretary of State"
    assert actors["Kirill Dmitriev"].role == "Russian envoy"


def test_seed_mentions_carry_actor_and_kind(seed_actors: tuple[list[Actor], list]) -> None:
    actors = {a.id: a for a in seed_actors[0]}
    for _, mentions in seed_actors[1]:
        for m in mentions:
            assert m.actor in actors
            assert m.kind == actors[m.actor].kind
    assert sum(a.mentions for a in actors.values()) == sum(len(ms) for _, ms in seed_actors[1])


def test_speaker_lookup_never_returns_a_contained_place(
    seed_articles: dict[str, Article], seed_actors: tuple[list[Actor], list]
) -> None:
    actors, documents = seed_actors
    index = ActorIndex(actors, documents)
    article = seed_articles["004"]
    phrase = "the U.S. Secretary of State"
    start = article.text.index(phrase)
    span = Span(start, start + len(phrase))
    assert index.actor_for(article.id, span, phrase) is None
    # A place is the speaker only when the speaker is its name ("Moscow said").
    at = article.text.index("Moscow")
    assert index.actor_for(article.id, Span(at, at + 6), "Moscow") == "place:moscow"
    rubio = seed_articles["000"]
    at = rubio.text.index("Marco Rubio")
    assert index.actor_for(rubio.id, Span(at, at + 11), "Marco Rubio") == "person:marco-rubio"
    assert index.actor_for(rubio.id, None, "Mr Putin") == "person:vladimir-putin"
    assert index.actor_for(rubio.id, None, "Nobody Known") is None


@dataclass(frozen=True)
class Case:
    """Articles as lists of ``(name, kind)``; ``together`` and ``apart`` are name groups."""

    articles: list[list[tuple[str, str]]]
    together: list[set[str]]
    apart: list[tuple[str, str]]
    canonical: dict[str, str]


CASES = {
    "trump-vs-trump-jr": Case(
        [[("Donald Trump", "person"), ("Trump", "person")],
         [("Donald Trump Jr.", "person"), ("Donald Trump", "person")]],
        [{"Donald Trump", "Trump"}],
        [("Donald Trump", "Donald Trump Jr.")],
        {"Trump": "Donald Trump", "Donald Trump Jr.": "Donald Trump Jr."},
    ),
    "john-vs-mary-smith": Case(
        [[("John Smith", "person"), ("Smith", "person")],
         [("Mary Smith", "person")],
         [("John Smith", "person")]],
        [{"John Smith", "Smith"}],
        [("John Smith", "Mary Smith")],
        {"Smith": "John Smith"},
    ),
    "peskov-transliteration": Case(
        [[("Dmitry Peskov", "person")], [("Dmitri Peskov", "person"), ("Peskov", "person")]],
        [{"Dmitry Peskov", "Dmitri Peskov", "Peskov"}],
        [],
        {"Peskov": "Dmitry Peskov"},
    ),
    "zelensky-spellings": Case(
        [[("Volodymyr Zelensky", "person"), ("Zelensky", "person")],
         [("Volodymyr Zelenskyy", "person"), ("Zelenskyy’s", "person")],
         [("Zelenskiy", "person")]],
        [{"Volodymyr Zelensky", "Zelensky", "Volodymyr Zelenskyy", "Zelenskyy’s", "Zelenskiy"}],
        [],
        {"Zelenskiy": "Volodymyr Zelenskyy", "Zelensky": "Volodymyr Zelenskyy"},
    ),
    "possessive-and-titles": Case(
        [[("Donald Trump", "person"), ("Trump's", "person"), ("President Trump", "person")],
         [("Mr Zelensky", "person"), ("Volodymyr Zelensky", "person"),
          ("President Zelensky", "person")]],
        [{"Donald Trump", "Trump's", "President Trump"},
         {"Mr Zelensky", "Volodymyr Zelensky", "President Zelensky"}],
        [("Donald Trump", "Volodymyr Zelensky")],
        {"Mr Zelensky": "Volodymyr Zelensky", "Trump's": "Donald Trump"},
    ),
    "acronym-long-form": Case(
        [[("North Atlantic Treaty Organization", "organisation"), ("NATO", "organisation")],
         [("NATO", "organisation")]],
        [{"North Atlantic Treaty Organization", "NATO"}],
        [],
        {"NATO": "North Atlantic Treaty Organization"},
    ),
    "place-aliases": Case(
        [[("U.S.", "place"), ("United States", "place")], [("US", "place"), ("Kiev", "place")],
         [("Kyiv", "place")]],
        [{"U.S.", "United States", "US"}, {"Kiev", "Kyiv"}],
        [("United States", "Kyiv")],
        {"US": "United States"},
    ),
    "royal-title-is-not-a-first-name": Case(
        [[("Prince Charles", "person"), ("Charles Kennedy", "person"), ("Charles", "person")],
         [("Charles Kennedy", "person"), ("Kennedy", "person")],
         [("Prince Charles's", "person")]],
        [{"Prince Charles", "Prince Charles's"}, {"Charles Kennedy", "Kennedy"}],
        # Two Charleses in the first article: the bare "Charles" is neither.
        [("Prince Charles", "Charles Kennedy"), ("Charles", "Charles Kennedy"),
         ("Charles", "Prince Charles")],
        {"Prince Charles": "Prince Charles", "Kennedy": "Charles Kennedy"},
    ),
    "royal-title-joins-the-same-titled-full-name": Case(
        [[("Prince Omar al-Rashid", "person"), ("Prince Omar", "person"), ("Omar", "person")]],
        [{"Prince Omar al-Rashid", "Prince Omar", "Omar"}],
        [],
        {"Prince Omar": "Omar al-Rashid"},
    ),
    "given-name-never-crosses-articles": Case(
        [[("David Blunkett", "person"), ("David Marsh", "person")],
         [("Craig David", "person")],
         [("David", "person")]],
        [],
        [("David", "Craig David"), ("David", "David Blunkett")],
        {"David": "David"},
    ),
    "near-spelling-is-not-a-surname": Case(
        [[("Blythe Danner", "person")], [("Danger", "person")],
         [("Aretha Franklin", "person")], [("Frank", "person")]],
        [],
        [("Danger", "Blythe Danner"), ("Frank", "Aretha Franklin")],
        {},
    ),
    "doubled-letters-keep-acronyms-apart": Case(
        [[("BBC", "organisation")], [("BCC", "organisation")], [("BA", "organisation"),
          ("BAA", "organisation")], [("Life", "organisation"), ("Liffe", "organisation")]],
        [],
        [("BBC", "BCC"), ("BA", "BAA"), ("Life", "Liffe")],
        {},
    ),
    "the-stays-for-titles-not-places": Case(
        [[("The Wales", "place"), ("Wales", "place"), ("The Times", "organisation"),
          ("Times", "organisation")], [("Wales", "place")]],
        [{"The Wales", "Wales"}, {"The Times", "Times"}],
        [],
        {"The Wales": "Wales", "Times": "The Times"},
    ),
    "alias-table-names-the-place": Case(
        [[("Great Britain", "place"), ("Britain", "place")],
         [("Great Britain", "place"), ("UK", "place"), ("United Kingdom", "place")]],
        [{"Great Britain", "Britain", "UK", "United Kingdom"}],
        [],
        {"UK": "United Kingdom"},
    ),
    "written-out-given-name-wins": Case(
        [[("J Yapp", "person"), ("J Yapp", "person")], [("John Yapp", "person"),
          ("John", "person")]],
        [{"J Yapp", "John Yapp", "John"}],
        [],
        {"J Yapp": "John Yapp"},
    ),
    "same-surname-two-people-one-article": Case(
        [[("Boris Johnson", "person"), ("Andrew Johnson", "person")]],
        [],
        [("Boris Johnson", "Andrew Johnson")],
        {},
    ),
}


def _documents(case: Case) -> list[tuple[str, list[Mention]]]:
    documents = []
    for k, names in enumerate(case.articles):
        text, mentions = "", []
        for name, kind in names:
            start = len(text)
            text += name + " said something. "
            mentions.append(Mention(Span(start, start + len(name)), name, kind))  # type: ignore[arg-type]
        documents.append((f"doc{k}", mentions))
    return documents


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_merge_cases(case: Case) -> None:
    actors, linked = merge_actors(_documents(case))
    by_id = {a.id: a for a in actors}
    actor_of: dict[str, set[str]] = {}
    for mentions in linked:
        for m in mentions:
            assert m.actor is not None
            actor_of.setdefault(m.text, set()).add(m.actor)
    for group in case.together:
        ids = set().union(*(actor_of[name] for name in group))
        assert len(ids) == 1, group
    for a, b in case.apart:
        assert not actor_of[a] & actor_of[b], (a, b)
    for surface, name in case.canonical.items():
        assert {by_id[i].name for i in actor_of[surface]} == {name}


def _actor_per_document(documents: list[tuple[str, list[Mention]]], text: str) -> list[str]:
    """The actor id of ``text`` in each document that mentions it, in document order."""
    _, linked = merge_actors(documents)
    return [m.actor or "" for ms in linked for m in ms if m.text == text]


def test_bare_given_name_links_only_when_unique_in_its_article() -> None:
    documents = _documents(Case(
        [[("Michael Howard", "person"), ("Michael", "person")],
         [("Michael", "person")],
         [("Michael Howard", "person"), ("Michael Ancram", "person"), ("Michael", "person")],
         [("Michael", "person")]],
        [], [], {},
    ))
    here, elsewhere, ambiguous, other = _actor_per_document(documents, "Michael")
    howard = _actor_per_document(documents, "Michael Howard")[0]
    assert here == howard
    assert howard not in {elsewhere, ambiguous, other}
    # Unlinked given names stay per article: two articles' "Michael" are not one person.
    assert len({elsewhere, ambiguous, other}) == 3


def test_acronym_follows_its_own_articles_long_form() -> None:
    documents = _documents(Case(
        [[("Building Societies Association", "organisation"), ("BSA", "organisation")],
         [("Business Software Alliance", "organisation"), ("BSA", "organisation")],
         [("BSA", "organisation")]],
        [], [], {},
    ))
    actors, _ = merge_actors(documents)
    building, software, unknown = _actor_per_document(documents, "BSA")
    names = {a.id: a.name for a in actors}
    assert names[building] == "Building Societies Association"
    assert names[software] == "Business Software Alliance"
    # Two long forms in the corpus: an article without one cannot tell which.
    assert unknown not in {building, software}


def _kind_of(documents: list[tuple[str, list[Mention]]]) -> dict[str, set[str]]:
    """Each surface's kinds after merging."""
    _, linked = merge_actors(documents)
    kinds: dict[str, set[str]] = {}
    for ms in linked:
        for m in ms:
            kinds.setdefault(m.text, set()).add(m.kind)
    return kinds


def test_company_read_as_a_place_is_a_body_by_the_bodies_it_names() -> None:
    # A made-up company: its bare name mostly tagged a place (weak votes), once a body,
    # and it heads three bodies' names; a person-shaped "Zantor Lindqvist" is its too.
    bare = [[("Zantor", "place")]] * 6 + [[("Zantor", "organisation")]]
    bodies = [[("Zantor Records", "organisation")], [("Zantor Pictures", "organisation")],
              [("Zantor Europe", "organisation")], [("Zantor Lindqvist", "person")]]
    kinds = _kind_of(_documents(Case(bare + bodies, [], [], {})))
    assert kinds["Zantor"] == {"organisation"}
    assert kinds["Zantor Lindqvist"] == {"organisation"}


def test_places_and_family_names_heading_bodies_keep_their_kind() -> None:
    # "London" heads bodies' names but is a known place; "Hardwick" a person's family name.
    articles = [[("London", "place")]] * 6 + [[("London", "organisation")]]
    articles += [[("London Records", "organisation")], [("London Pictures", "organisation")],
                 [("London Europe", "organisation")]]
    articles += [[("Hardwick", "person")]] * 3 + [[("Hardwick", "organisation")],
                 [("Emma Hardwick", "person")], [("Hardwick Records", "organisation")],
                 [("Hardwick Pictures", "organisation")], [("Hardwick Europe", "organisation")]]
    kinds = _kind_of(_documents(Case(articles, [], [], {})))
    assert kinds["London"] == {"place"}
    assert kinds["Hardwick"] == {"person"}
