"""Actors per story: linking inside a story, strong evidence across stories, suggestions."""

from __future__ import annotations

import pytest

from reader.core.actors.entities import detect_mentions
from reader.core.actors.merging import merge_actors
from reader.core.analysis import analyse_article
from reader.core.export import actor_to_json
from reader.core.models import Actor, Article, Mention, Span
from reader.core.pipeline import merge_corpus

# An article: (id, story id, [(name, kind, role)]).
Doc = tuple[str, str, list[tuple[str, str, str | None]]]


def _merge(docs: list[Doc], by_story: bool = True) -> tuple[dict[str, Actor], dict[str, str]]:
    """Actors by id, and the actor id of every ``article:name`` mention."""
    documents = []
    for doc_id, _, names in docs:
        text, mentions = "", []
        for name, kind, role in names:
            start = len(text)
            text += name + " said something. "
            mentions.append(
                Mention(Span(start, start + len(name)), name, kind, role=role)  # type: ignore[arg-type]
            )
        documents.append((doc_id, mentions))
    stories = {doc_id: story for doc_id, story, _ in docs} if by_story else None
    actors, linked = merge_actors(documents, stories)
    actor_of = {
        f"{doc_id}:{m.text}": m.actor or "" for (doc_id, _), ms in zip(documents, linked,
                                                                        strict=True) for m in ms
    }
    return {a.id: a for a in actors}, actor_of


def _person(name: str, role: str | None = None) -> tuple[str, str, str | None]:
    return name, "person", role


def test_short_name_ranking_survives_a_moved_root() -> None:
    # The first "Bush" joins George W Bush and becomes that cluster's root (smallest id);
    # sizes keyed by the old root then read 0 and the last "Bush" went to Kate Bush.
    docs: list[Doc] = [
        ("a0", "s", [_person("Bush")]),
        ("a1", "s", [_person("George W Bush"), _person("George W Bush")]),
        ("a2", "s", [_person("George W Bush"), _person("George W Bush")]),
        ("a3", "s", [_person("Kate Bush")]),
        ("a4", "s", [_person("Bush")]),
    ]
    for by_story in (False, True):
        actors, actor_of = _merge(docs, by_story)
        george = actor_of["a1:George W Bush"]
        assert actor_of["a0:Bush"] == george
        assert actor_of["a4:Bush"] == george
        assert actor_of["a3:Kate Bush"] != george
        assert actors[george].name == "George W Bush"


@pytest.mark.parametrize(
    ("first", "second"),
    [("Robbie Williams", "Robin Williams"), ("Michelle Collins", "Michael Collins"),
     ("David Davis", "David Davies"), ("Tommy Lee Jones", "Tom Jones"),
     ("Matt Williams", "Matt Willis")],
)
def test_near_names_in_unrelated_stories_stay_apart_as_suggestions(
    first: str, second: str
) -> None:
    docs: list[Doc] = [("a", "pop", [_person(first, "singer")]),
                       ("b", "film", [_person(second, "actor")])]
    actors, actor_of = _merge(docs)
    one, other = actor_of[f"a:{first}"], actor_of[f"b:{second}"]
    assert one != other
    assert actors[one].suggestions == (other,)
    assert actors[other].suggestions == (one,)
    # Without stories the corpus is one story: today's merge, which the story undoes.
    assert len(set(_merge(docs, by_story=False)[1].values())) == 1


@pytest.mark.parametrize(
    ("first", "second"), [("Steven Gerrard", "Steve Gerrard"), ("Malcolm Glazer", "Malcom Glazer")]
)
def test_typo_of_a_name_inside_one_story_still_merges(first: str, second: str) -> None:
    docs: list[Doc] = [("a", "match", [_person(first)]), ("b", "match", [_person(second)]),
                       ("c", "other", [_person("Jane Doe")])]
    actors, actor_of = _merge(docs)
    assert actor_of[f"a:{first}"] == actor_of[f"b:{second}"]
    assert actors[actor_of[f"a:{first}"]].stories == ("match",)


def test_lone_surname_links_inside_its_story_not_to_a_namesake_elsewhere() -> None:
    docs: list[Doc] = [
        ("w1", "war", [_person("George Bush")]),
        ("w2", "war", [_person("President Bush")]),
        ("m1", "music", [_person("Kate Bush")] * 5),
        ("x1", "texas", [_person("Bush")]),
    ]
    actors, actor_of = _merge(docs)
    george, kate = actor_of["w1:George Bush"], actor_of["m1:Kate Bush"]
    # Corpus-wide Kate Bush dominates (5 to 1); inside the war story George is the Bush.
    assert actor_of["w2:President Bush"] == george
    lone = actor_of["x1:Bush"]
    assert lone not in {george, kate}
    assert set(actors[lone].suggestions) == {george, kate}
    assert lone in actors[kate].suggestions


def test_same_full_name_with_nothing_else_shared_stays_apart() -> None:
    docs: list[Doc] = [
        ("sport", "cup", [_person("John Smith", "striker"), ("Chelsea", "organisation", None)]),
        ("court", "trial", [_person("John Smith"), ("Crown Prosecution Service",
                                                    "organisation", None)]),
    ]
    actors, actor_of = _merge(docs)
    footballer, defendant = actor_of["sport:John Smith"], actor_of["court:John Smith"]
    assert footballer != defendant
    assert actors[footballer].suggestions == (defendant,)
    assert actors[footballer].stories == ("cup",)
    assert actors[defendant].stories == ("trial",)


@pytest.mark.parametrize(
    "evidence",
    [
        # a shared role
        [[_person("Gordon Brown", "Chancellor")], [_person("Gordon Brown", "chancellor")]],
        # a shared co-occurring person
        [[_person("Gordon Brown"), _person("Tony Blair")],
         [_person("Gordon Brown"), _person("Tony Blair")]],
        # a shared organisation
        [[_person("Gordon Brown"), ("Treasury", "organisation", None)],
         [_person("Gordon Brown"), ("Treasury", "organisation", None)]],
    ],
    ids=["role", "person", "organisation"],
)
def test_same_full_name_with_shared_evidence_merges_across_stories(
    evidence: list[list[tuple[str, str, str | None]]],
) -> None:
    docs: list[Doc] = [("p1", "budget", evidence[0]), ("p2", "election", evidence[1]),
                       ("p3", "election", [_person("Brown")])]
    actors, actor_of = _merge(docs)
    brown = actor_of["p1:Gordon Brown"]
    assert actor_of["p2:Gordon Brown"] == brown == actor_of["p3:Brown"]
    assert actors[brown].stories == ("budget", "election")
    assert actors[brown].articles == ("p1", "p2", "p3")
    assert actors[brown].suggestions == ()


def test_a_common_co_occurring_actor_is_no_evidence() -> None:
    # "Labour" is in every article here: it cannot tell two namesakes apart.
    labour = ("Labour", "organisation", None)
    docs: list[Doc] = [("a", "s1", [_person("Ann Lee"), labour]),
                       ("b", "s2", [_person("Ann Lee"), labour])]
    docs += [(f"f{k}", f"t{k}", [labour]) for k in range(4)]
    _, actor_of = _merge(docs)
    assert actor_of["a:Ann Lee"] != actor_of["b:Ann Lee"]


def test_every_article_needs_a_story() -> None:
    with pytest.raises(ValueError, match="no story for article 'b'"):
        merge_actors([("a", []), ("b", [])], {"a": "s"})


def test_seeds_as_one_story_still_merge_zelensky(seed_articles: dict[str, Article]) -> None:
    documents = [(a.id, detect_mentions(a.text, a.sentences)) for a in seed_articles.values()]
    actors, linked = merge_actors(documents, {doc_id: "ukraine" for doc_id, _ in documents})
    zelensky = {m.actor for ms in linked for m in ms if "Zelensk" in m.text}
    assert len(zelensky) == 1
    actor = next(a for a in actors if a.id in zelensky)
    assert actor.stories == ("ukraine",)
    plain, _ = merge_actors(documents)
    assert [a.id for a in plain] == [a.id for a in actors]


def test_json_actor_gains_stories_and_suggestions() -> None:
    actors, _ = _merge([("a", "s1", [_person("John Smith")]), ("b", "s2", [_person("John Smith")])])
    first, second = sorted(actors)
    data = actor_to_json(actors[first])
    assert data["stories"] == ["s1"]
    assert data["suggestions"] == [second]
    assert list(data)[:7] == ["id", "name", "kind", "role", "aliases", "articles", "mentions"]


def test_merge_corpus_passes_the_story_map_through(seed_articles: dict[str, Article]) -> None:
    analysed = [analyse_article(a) for a in seed_articles.values()]
    actors, merged = merge_corpus(analysed, {a.article.id: "ukraine" for a in analysed})
    assert actors and all(actor.stories == ("ukraine",) for actor in actors)
    assert [a.article.id for a in merged] == [a.article.id for a in analysed]
    plain, _ = merge_corpus(analysed)
    assert all(actor.stories == () for actor in plain)
