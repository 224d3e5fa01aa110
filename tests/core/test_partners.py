"""rank_partners: estimates for every candidate in batches, then exact shares of the closest."""

from __future__ import annotations

import pytest

from reader.core.align import align_articles, rank_partners
from reader.core.models import Article
from tests.core.test_alignment import SENTENCES, make_article, seeds  # noqa: F401


def test_estimates_in_batches_then_exact_for_the_closest(
    seeds: dict[str, Article],  # noqa: F811
) -> None:
    article = seeds["000"]
    batches = list(rank_partners(article, list(seeds.values()), batch=3, exact=2))
    *estimates, exact = batches
    assert [len(b) for b in estimates] == [3, 1]  # itself skipped
    assert {s.article_id for b in estimates for s in b} == {"001", "002", "003", "004"}
    assert not any(s.exact for b in estimates for s in b)
    closest = max((s for b in estimates for s in b), key=lambda s: s.share)
    assert closest.article_id == "003"
    assert len(exact) == 2 and all(s.exact for s in exact)
    by_id = {s.article_id: s.share for s in exact}
    assert by_id["003"] == pytest.approx(align_articles(article, seeds["003"]).coverage_a)


def test_nothing_shared_gives_zero_estimates_and_no_exact_batch() -> None:
    a = make_article("a", [SENTENCES[:2]])
    b = make_article("b", [[
        "The orchestra will tour four cities in the spring with a new conductor.",
    ]])  # fmt: skip
    *estimates, exact = rank_partners(a, [b])
    assert [(s.article_id, s.share, s.exact) for s in estimates[0]] == [("b", 0.0, False)]
    assert exact == []
