"""Story tracing: sentence provenance, who copied whom, the same quote across sources."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core.models import (
    AnalysedArticle,
    Article,
    Quote,
    QuoteGroup,
    Span,
    Story,
    StoryTrace,
)
from reader.core.pipeline import analyse_corpus, name_aliases
from reader.core.stories import provenance_to_json, trace_stories, trace_story, trace_to_json
from reader.core.stories.candidates import candidate_pairs
from tests.conftest import make_article, seed_documents

# A made-up event: an original report, a verbatim repost with straight quote marks and a
# paragraph of its own, and a report in other words with the quotes cut and misattributed.
VARGA = "We opened three shelters and every one of them was full by midnight,"
BRINK = "The gate failed at the worst possible moment, and we will find out why,"
ORIGINAL = [
    [
        "The river Lenna burst its banks in Kallstad on Monday night, flooding more than "
        "300 homes in the old quarter.",
        "Mayor Ines Varga said the city had never seen the water rise so fast.",
    ],
    [f"“{VARGA}” Varga said."],
    [
        "Engineers from the regional water board blamed a blocked sluice gate at the "
        "Hollin weir for the sudden surge.",
        f"“{BRINK}” said Tomas Brink, the board's chief engineer.",
    ],
    ["Residents have been told to boil tap water until Friday."],
]
EXTRA = (
    "Our reporters will follow the clean-up through the week and publish their updates "
    "on this page every evening."
)
OTHER = [
    [
        "Floodwater from the Lenna reached more than 300 houses of the Kallstad old "
        "quarter overnight.",
        "A charity concert planned for Saturday has been postponed.",
    ],
    ["“We opened three shelters,” one volunteer recalled."],
    ["“The gate failed at the worst moment, and we will find out why,” Varga added."],
]


def quote(article: Article, words: str, speaker: str | None, actor: str | None) -> Quote:
    """A statement quote over the first occurrence of ``words`` in the article."""
    start = article.text.index(words)
    return Quote(Span(start, start + len(words)), "statement", speaker, cue="said", actor=actor)


def mixed_story(dated: bool = True) -> tuple[Story, list[AnalysedArticle]]:
    straight = [[s.replace("“", '"').replace("”", '"') for s in p] for p in ORIGINAL]
    original = make_article("orig", ORIGINAL, "2026-03-02" if dated else None)
    copy = make_article("copy", [*straight, [EXTRA]], "2026-03-03" if dated else None)
    other = make_article("other", OTHER)
    varga, brink = ("Varga", "person:ines-varga"), ("Tomas Brink", "person:tomas-brink")
    items = [
        AnalysedArticle(original, (quote(original, VARGA, *varga), quote(original, BRINK, *brink))),
        AnalysedArticle(copy, (quote(copy, VARGA, *varga), quote(copy, BRINK, *brink))),
        AnalysedArticle(
            other,
            (
                quote(other, "We opened three shelters,", None, None),
                quote(other, "The gate failed at the worst moment", "Varga", varga[1]),
            ),
        ),
    ]
    return Story("s-flood", "Flood", ("orig", "copy", "other")), items


def provenance_of(trace: StoryTrace, article: str) -> dict[int, tuple[str, tuple[str, ...]]]:
    return {r.sentence: (r.kind, r.articles) for r in trace.provenance[article]}


def test_mixed_story_sentences_reused_paraphrased_or_only_here() -> None:
    story, items = mixed_story()
    trace = trace_story(story, items)
    original, copy, other = (provenance_of(trace, i) for i in ("orig", "copy", "other"))
    # Every sentence of the original is in the repost word for word.
    assert set(original) == set(range(6))
    assert all(kind == "reuse" and "copy" in ids for kind, ids in original.values())
    # The repost's own paragraph (its last sentence) is only there.
    assert set(copy) == set(range(6))
    assert copy[0] == ("reuse", ("orig",))
    # The flood retold in other words is a paraphrase of both; the concert is only here.
    assert other[0] == ("paraphrase", ("copy", "orig"))
    assert 1 not in other


def test_mixed_story_pairs_and_direction_by_date() -> None:
    story, items = mixed_story()
    top = trace_story(story, items).pairs[0]
    assert {top.a, top.b} == {"orig", "copy"}
    coverage = {top.a: top.coverage_a, top.b: top.coverage_b}
    assert coverage["orig"] == 1.0
    assert 0.6 < coverage["copy"] < 0.95
    assert top.direction == "orig"


def test_verbatim_containment_without_dates_points_at_the_contained_side() -> None:
    # A repost keeps the words and adds its own: the text it contains is the source.
    story, items = mixed_story(dated=False)
    top = trace_story(story, items).pairs[0]
    assert top.direction == "orig"


def test_later_date_wins_over_containment() -> None:
    story, items = mixed_story()
    items[0] = replace(items[0], article=replace(items[0].article, date="2026-03-05"))
    top = trace_story(story, items).pairs[0]
    assert top.direction == "copy"


def _group_with(groups: tuple[QuoteGroup, ...], words: str) -> QuoteGroup:
    return next(g for g in groups if words in g.text)


def test_mixed_story_quote_differences() -> None:
    story, items = mixed_story()
    groups = trace_story(story, items).quotes
    assert len(groups) == 2
    varga = _group_with(groups, "three shelters")
    assert varga.text == VARGA
    differs = {(o.article, o.quote): o.differs for o in varga.occurrences}
    # Curly against straight marks is no difference; the cut quote names nobody.
    assert differs == {("orig", 0): (), ("copy", 0): (), ("other", 0): ("truncated", "no_speaker")}
    brink = _group_with(groups, "gate failed")
    differs = {(o.article, o.quote): o.differs for o in brink.occurrences}
    assert differs == {
        ("orig", 1): (),
        ("copy", 1): (),
        ("other", 1): ("wording", "truncated", "speaker"),
    }
    assert [o.speaker for o in brink.occurrences] == ["Tomas Brink", "Tomas Brink", "Varga"]


def test_quotes_of_one_article_alone_form_no_group() -> None:
    _, items = mixed_story()
    lone = Story("s-one", "One", ("orig",))
    trace = trace_story(lone, items)
    assert trace.quotes == () and trace.pairs == () and trace.provenance == {"orig": ()}


def test_terms_are_not_grouped() -> None:
    story, items = mixed_story()
    items = [
        replace(item, quotes=tuple(replace(q, kind="term") for q in item.quotes))
        for item in items
    ]
    assert trace_story(story, items).quotes == ()


def test_json_shapes() -> None:
    story, items = mixed_story()
    trace = trace_story(story, items)
    data = trace_to_json(trace)
    assert set(data) == {"pairs", "quotes"}
    assert set(data["pairs"][0]) == {"a", "b", "coverage_a", "coverage_b", "direction"}
    occurrence = data["quotes"][0]["occurrences"][0]
    assert set(data["quotes"][0]) == {"text", "occurrences"}
    assert set(occurrence) == {"article", "quote", "speaker", "actor", "differs"}
    assert isinstance(occurrence["differs"], list)
    records = provenance_to_json(trace.provenance["other"])
    assert records[0] == {"sentence": 0, "kind": "paraphrase", "articles": ["copy", "orig"]}


def test_candidates_keep_a_few_partners_per_article() -> None:
    shared = frozenset(f"k{n}" for n in range(20))
    sets = [shared | {f"own{n}"} for n in range(30)]
    pairs = candidate_pairs(sets, cap=3)
    partners: dict[int, set[int]] = {}
    for x, y in pairs:
        partners.setdefault(x, set()).add(y)
        partners.setdefault(y, set()).add(x)
    # Each article keeps its 3 best; a pair stays when either side keeps it.
    assert len(pairs) < 30 * 29 // 2
    assert all(len(p) >= 3 for p in partners.values())
    assert candidate_pairs([shared, frozenset({"k1", "k2"})]) == []


@pytest.fixture(scope="module")
def seed_trace() -> tuple[StoryTrace, dict[str, AnalysedArticle]]:
    corpus = analyse_corpus(seed_documents())
    items = {item.article.id[:3]: item for item in corpus.articles}
    story = Story("s-seeds", "Seeds", tuple(item.article.id for item in corpus.articles))
    [trace] = trace_stories([story], corpus.articles, name_aliases(corpus.actors))
    return trace, items


def test_seed_rewrite_000_inside_003_copied_from_003(
    seed_trace: tuple[StoryTrace, dict[str, AnalysedArticle]],
) -> None:
    trace, items = seed_trace
    top = trace.pairs[0]
    ids = {items["000"].article.id: "000", items["003"].article.id: "003"}
    assert {top.a, top.b} == set(ids)
    coverage = {ids[top.a]: top.coverage_a, ids[top.b]: top.coverage_b}
    assert coverage["000"] >= 0.95
    assert coverage["003"] < coverage["000"]
    # 000 rewords 003 and drops its sourcing clauses: the rewrite copied from 003.
    assert top.direction == items["003"].article.id
    assert all(max(p.coverage_a, p.coverage_b) < 0.5 for p in trace.pairs[1:])


def test_seed_rubio_and_yermak_quotes_grouped_across_000_and_003(
    seed_trace: tuple[StoryTrace, dict[str, AnalysedArticle]],
) -> None:
    trace, items = seed_trace
    names = {item.article.id: key for key, item in items.items()}
    rubio = _group_with(trace.quotes, "So much work remains")
    found = {(names[o.article], items[names[o.article]].quotes[o.quote].speaker, o.differs)
             for o in rubio.occurrences}
    # 000 quotes Rubio in one piece; 003 splits it around the attribution.
    assert found == {("000", "Marco Rubio", ()), ("003", "Marco Rubio", ("truncated",))}
    assert len(rubio.occurrences) == 3
    yermak = _group_with(trace.quotes, "Not a single sane person")
    assert {names[o.article] for o in yermak.occurrences} == {"000", "003"}
    assert {o.actor for o in yermak.occurrences} == {"person:andriy-yermak"}
    # “...” in 000, ‘...,’ in 003: the same words.
    assert all(o.differs == () for o in yermak.occurrences)


def test_seed_pokrovsk_sentences_of_001_paraphrased_elsewhere(
    seed_trace: tuple[StoryTrace, dict[str, AnalysedArticle]],
) -> None:
    trace, items = seed_trace
    article = items["001"].article
    records = {r.sentence: r for r in trace.provenance[article.id]}
    on_pokrovsk = [i for i, s in enumerate(article.sentences) if "Pokrovsk" in article.slice(s)]
    assert len(on_pokrovsk) == 2
    telling = {items["002"].article.id, items["004"].article.id}
    for index in on_pokrovsk:
        assert records[index].kind == "paraphrase"
        assert set(records[index].articles) <= telling


def test_seed_provenance_is_consistent(
    seed_trace: tuple[StoryTrace, dict[str, AnalysedArticle]],
) -> None:
    trace, items = seed_trace
    assert set(trace.provenance) == {item.article.id for item in items.values()}
    for article_id, records in trace.provenance.items():
        sentences = len(next(i for i in items.values() if i.article.id == article_id).article.sentences)
        assert [r.sentence for r in records] == sorted({r.sentence for r in records})
        assert all(0 <= r.sentence < sentences for r in records)
        assert all(article_id not in r.articles and list(r.articles) == sorted(r.articles)
                   for r in records)
    # 000 is all inside 003; 002 shares almost nothing with the others.
    assert len(trace.provenance[items["000"].article.id]) == len(items["000"].article.sentences)
    assert len(trace.provenance[items["002"].article.id]) < 6


def test_copies_fold_onto_one_representative() -> None:
    # Three reposts of the original, each with one word changed in another sentence.
    edits = [("sudden surge", "sudden rise"), ("boil tap water", "boil all water"),
             ("never seen", "not seen")]
    original = make_article("orig", ORIGINAL)
    copies = [
        make_article(f"copy{n}", [[s.replace(old, new) for s in p] for p in ORIGINAL])
        for n, (old, new) in enumerate(edits, 1)
    ]
    other = make_article("other", OTHER)
    items = [AnalysedArticle(a) for a in (original, *copies, other)]
    story = Story("s-copies", "Copies", tuple(a.article.id for a in items))
    trace = trace_story(story, items)
    # Copies are paired with the representative only, whole and with their edits.
    copy_pairs = [p for p in trace.pairs if "other" not in (p.a, p.b)]
    assert {(p.a, p.b) for p in copy_pairs} == {("orig", "copy1"), ("orig", "copy2"),
                                                 ("orig", "copy3")}
    assert all(p.coverage_a == p.coverage_b == 1.0 for p in copy_pairs)
    assert all(p.direction is None for p in copy_pairs)
    first = provenance_of(trace, "copy2")[0]
    # What the representative shares with the outsider, its copies share too.
    assert first == ("reuse", ("copy1", "copy3", "orig"))
    assert {r.sentence: r.kind for r in trace.provenance["copy2"]}[0] == "reuse"
    assert provenance_of(trace, "other")[0] == ("paraphrase", ("copy1", "copy2", "copy3", "orig"))
    # The edited sentence of copy1 (its fifth) is still the original's, reused.
    assert provenance_of(trace, "copy1")[4] == ("reuse", ("copy2", "copy3", "orig"))


def test_empty_articles_and_unknown_ids_are_harmless() -> None:
    story, items = mixed_story()
    items.append(AnalysedArticle(Article(id="blank", path="blank", text="")))
    wider = replace(story, articles=(*story.articles, "blank", "gone"))
    trace = trace_story(wider, items)
    assert set(trace.provenance) == {"orig", "copy", "other", "blank"}
    assert trace.provenance["blank"] == ()
    assert trace.pairs == trace_story(story, items).pairs


def test_an_unresolved_description_is_not_another_speaker() -> None:
    story, items = mixed_story()
    other = items[2]
    described = replace(other.quotes[0], speaker="the mayor", actor=None)
    items[2] = replace(other, quotes=(described, other.quotes[1]))
    varga = _group_with(trace_story(story, items).quotes, "three shelters")
    assert varga.occurrences[2].differs == ("truncated",)
