"""ValueSharer: results rebuilt with shared values stay equal and weigh less."""

from __future__ import annotations

import pickle
from pathlib import Path

from reader.core.analysis import analyse_article
from reader.core.models import AnalysedArticle, RawDocument, Span
from reader.core.sharing import ValueSharer
from reader.core.text import clean_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_findings() -> list[AnalysedArticle]:
    documents = [
        RawDocument(id=path.stem, path=str(path), text=path.read_text(encoding="utf-8"))
        for path in sorted(SEEDS.glob("*.txt"))
    ]
    return [analyse_article(clean_document(doc, frozenset())) for doc in documents]


def arrive(items: list[AnalysedArticle]) -> list[AnalysedArticle]:
    # Each article's results come back from a worker on their own: fresh objects.
    return [pickle.loads(pickle.dumps(item)) for item in items]


def test_shared_results_equal_the_originals() -> None:
    original = seed_findings()
    arrived = arrive(original)
    sharer = ValueSharer()
    shared = [sharer.findings(item) for item in arrived]
    assert shared == original
    assert [sharer.article(item.article) for item in original] == [i.article for i in original]


def test_equal_values_become_one_object() -> None:
    arrived = arrive(seed_findings())
    sharer = ValueSharer()
    shared = [sharer.findings(item) for item in arrived]
    mentions = [m for item in shared for m in item.mentions]
    kinds = {id(m.kind) for m in mentions}
    assert len(kinds) == len({m.kind for m in mentions})
    texts: dict[str, str] = {}
    for mention in mentions:
        assert texts.setdefault(mention.text, mention.text) is mention.text
    ends: dict[int, int] = {}
    for mention in mentions:
        assert ends.setdefault(mention.span.end, mention.span.end) is mention.span.end
    # Unshared, a name in several articles is a separate object in each.
    raw = [m for item in arrived for m in item.mentions]
    repeated = [m.text for m in raw if sum(o.text == m.text for o in raw) > 1]
    assert len({id(text) for text in repeated}) > len(set(repeated))


def test_sharer_keeps_each_distinct_value_once() -> None:
    sharer = ValueSharer()
    first = "".join(["Bl", "air"])
    second = "".join(["Bla", "ir"])
    assert first is not second
    assert sharer.value(first) is first
    assert sharer.value(second) is first
    big = 10**6 + len(first)

    span = sharer.span(Span(big, big + 1))
    again = sharer.span(Span(int(str(big)), big + 1))
    assert span.start is again.start
