"""Story clustering: one story per real-world event, whatever the order of the articles."""

from __future__ import annotations

import random
from dataclasses import replace

from reader.core.models import Article
from reader.core.stories import cluster_stories
from reader.core.stories.clustering import similar_pairs
from reader.core.text.cleaning import clean_corpus
from reader.sources.files import load_documents
from tests.conftest import DATA

STORIES = DATA / "stories"


def _mixed() -> list[Article]:
    return [a for a in clean_corpus(load_documents([STORIES]).documents) if a.text]


def _groups(articles: list[Article]) -> set[frozenset[str]]:
    return {frozenset(story.articles) for story in cluster_stories(articles)}


def test_the_seeds_are_one_story_of_five(seed_articles: dict[str, Article]) -> None:
    stories = cluster_stories(list(seed_articles.values()))
    assert len(stories) == 1
    assert len(stories[0].articles) == 5


def test_two_earthquakes_in_one_week_are_two_stories_and_the_final_a_third() -> None:
    assert _groups(_mixed()) == {
        frozenset({"quake-chile-1", "quake-chile-2"}),
        frozenset({"quake-turkey-1", "quake-turkey-2"}),
        frozenset({"cup-final"}),
    }


def test_stories_do_not_depend_on_the_order_of_the_articles() -> None:
    articles = _mixed()
    expected = cluster_stories(articles)
    for seed in range(5):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_stories(shuffled) == expected


def test_a_story_is_named_by_its_articles_and_titled_by_one_of_them() -> None:
    stories = {story.articles: story for story in cluster_stories(_mixed())}
    chile = stories["quake-chile-1", "quake-chile-2"]
    assert chile.id.startswith("s") and len(chile.id) == 11
    assert chile.title in {"Strong earthquake shakes central Chile",
                           "Two dead as 7.1 quake hits Valparaiso"}
    # The same articles give the same id in another corpus; other articles another id.
    alone = cluster_stories([a for a in _mixed() if a.id.startswith("quake-chile")])
    assert [story.id for story in alone] == [chile.id]
    assert stories["cup-final",].id != chile.id


def test_a_story_without_titles_is_titled_by_its_opening_words() -> None:
    untitled = [replace(article, title=None) for article in _mixed()]
    cup = next(s for s in cluster_stories(untitled) if s.articles == ("cup-final",))
    assert cup.title.startswith("Harbour Rovers won the county cup final")
    assert cup.title.endswith("…")


def test_copies_of_one_text_fold_into_the_story_of_the_original() -> None:
    articles = _mixed()
    copies = [replace(articles[0], id=f"copy-{n}", path=f"copy-{n}.txt") for n in range(6)]
    groups = _groups(articles + copies)
    original = next(g for g in groups if articles[0].id in g)
    assert {f"copy-{n}" for n in range(6)} <= original
    assert len(groups) == 3


def test_dates_far_apart_keep_two_similar_events_apart() -> None:
    # Two reports of one event, the second restated as if a year later: at the highest
    # threshold that still joins them undated, the far dates keep them apart.
    chile = [a for a in _mixed() if a.id.startswith("quake-chile")]
    undated = [replace(a, date=None) for a in chile]
    joining = max(t / 100 for t in range(5, 100) if len(cluster_stories(undated, t / 100)) == 1)
    same_week = [replace(chile[0], date="2024-05-14"), replace(chile[1], date="2024-05-16")]
    apart = [replace(chile[0], date="2024-05-14"), replace(chile[1], date="2025-09-02")]
    assert len(cluster_stories(same_week, joining)) == 1
    assert len(cluster_stories(apart, joining)) == 2


def test_outlets_and_dates_of_a_story() -> None:
    chile = [a for a in _mixed() if a.id.startswith("quake-chile")]
    dated = [replace(chile[0], source="El Mercurio", date="2024-05-14"),
             replace(chile[1], source="Reuters", date="2024-05-15")]
    (story,) = cluster_stories(dated)
    assert story.outlets == ("El Mercurio", "Reuters")
    assert (story.first_date, story.last_date) == ("2024-05-14", "2024-05-15")


def test_a_date_stated_in_the_first_lines_counts_when_metadata_has_none() -> None:
    chile = [replace(a, date=None) for a in _mixed() if a.id.startswith("quake-chile")]
    joining = max(t / 100 for t in range(5, 100) if len(cluster_stories(chile, t / 100)) == 1)
    datelined = [replace(chile[0], text="Updated: May 14, 2024\n\n" + chile[0].text),
                 replace(chile[1], text="Posted on September 2, 2025\n\n" + chile[1].text)]
    assert len(cluster_stories(datelined, joining)) == 2


def test_near_copies_join_the_story_of_the_first() -> None:
    articles = _mixed()
    turkey = next(a for a in articles if a.id == "quake-turkey-1")
    paragraphs = turkey.text.split("\n\n")
    copies = [
        replace(turkey, id=f"wire-{n}", title=None, blocks=(), sentences=(),
                text="\n\n".join(p for k, p in enumerate(paragraphs) if k != n))
        for n in range(1, len(paragraphs))
    ]
    groups = _groups(articles + copies)
    assert len(groups) == 3
    assert {"quake-turkey-1", "quake-turkey-2"} | {c.id for c in copies} in groups


def test_a_near_copy_is_folded_into_the_earlier_article_and_not_indexed() -> None:
    a = {"quake": 0.6, "chile": 0.6, "toha": 0.529}
    near = {"quake": 0.62, "chile": 0.58, "toha": 0.53}
    other = {"quake": 0.6, "turkey": 0.8}
    pairs, folded_into = similar_pairs([a, near, other])
    assert folded_into == [0, 0, 2]
    assert set(pairs) == {(0, 2)}


def test_no_articles_no_stories() -> None:
    assert cluster_stories([]) == []
