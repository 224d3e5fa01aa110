"""Tests for corpus overlap: shingle candidates, exact alignment, filtering and order."""

from __future__ import annotations

from reader.core.align.alignment import align_articles
from reader.core.align.overlap import candidate_pairs, find_overlaps, shingles
from reader.core.align.tokens import Lexicon
from reader.core.align.units import prepare
from reader.core.models import Article, Block, Span

STORY = [
    "The city council approved a new cycling lane along Harbour Road on Thursday.",
    "Construction will begin in March and is expected to cost 2.4 million euros.",
    "Shop owners on Harbour Road fear that losing parking spaces will hurt trade.",
    "The mayor, Lena Okafor, said the lane would make the street safer for children.",
    "A similar scheme in the old town cut traffic accidents by a third in two years.",
]
OTHER_TOPICS = [
    [
        "The national team lost its opening qualifier against Norway by two goals.",
        "The coach blamed a crowded fixture list for the tired performance.",
        "The next match is in Lisbon on Sunday evening.",
    ],
    [
        "A new exhibition of Baltic glassware opens at the city museum next week.",
        "Curators spent two years collecting pieces from private owners.",
        "Entry is free for students on Wednesdays.",
    ],
    [
        "Wheat prices fell sharply after forecasts of a record harvest in Canada.",
        "Traders expect the decline to continue until the autumn.",
        "Bakeries said they would not cut bread prices yet.",
    ],
]


def make_article(ident: str, sentences: list[str]) -> Article:
    text, spans = "", []
    for sentence in sentences:
        if text:
            text += " "
        spans.append(Span(len(text), len(text) + len(sentence)))
        text += sentence
    blocks = (Block(Span(0, len(text)), "paragraph"),) if text else ()
    return Article(id=ident, path=ident, text=text, blocks=blocks, sentences=tuple(spans))


def corpus() -> list[Article]:
    copied = make_article(
        "copy",
        [
            "Residents of Harbour Road were split over the plan.",
            STORY[2],
            STORY[3],
            "Opponents have started a petition against it.",
        ],
    )
    rewrite = make_article(
        "rewrite",
        [s.replace("Thursday", "Thursday evening") for s in STORY],
    )
    others = [make_article(f"other{k}", s) for k, s in enumerate(OTHER_TOPICS)]
    return [make_article("story", STORY), *others, copied, rewrite]


def test_finds_copied_passages_sorted_by_coverage() -> None:
    articles = corpus()
    found = find_overlaps(articles, threshold=0.1)
    ids = [(a.a_id, a.b_id) for a in found]
    assert ids == [("story", "rewrite"), ("story", "copy"), ("copy", "rewrite")]
    tops = [max(a.coverage_a, a.coverage_b) for a in found]
    assert tops == sorted(tops, reverse=True)


def test_matches_pairwise_alignment() -> None:
    articles = corpus()
    by_id = {a.id: a for a in articles}
    for overlap in find_overlaps(articles):
        direct = align_articles(by_id[overlap.a_id], by_id[overlap.b_id])
        assert direct.pairs == overlap.pairs
        assert direct.coverage_a == overlap.coverage_a


def test_threshold_filters() -> None:
    found = find_overlaps(corpus(), threshold=0.9)
    assert [(a.a_id, a.b_id) for a in found] == [("story", "rewrite")]


def test_unrelated_pairs_are_never_candidates() -> None:
    articles = corpus()
    lexicon = Lexicon()
    sets = [shingles(prepare(a, lexicon)) for a in articles]
    pairs = candidate_pairs(sets, 0.1)
    assert all(x not in (1, 2, 3) and y not in (1, 2, 3) for x, y in pairs)


def test_tiny_corpora() -> None:
    assert find_overlaps([]) == []
    assert find_overlaps([make_article("one", STORY)]) == []
    empty = Article(id="e", path="e", text="")
    assert find_overlaps([empty, empty]) == []
