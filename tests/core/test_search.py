"""In-article search: case and quote-mark insensitive, offsets valid in the original."""

from __future__ import annotations

import pytest

from reader.core.models import Span
from reader.core.text.search import find_matches, iter_match_batches, text_matcher


def test_case_insensitive_and_non_overlapping() -> None:
    text = "Putin met PUTIN's envoy; putinputin."
    spans = find_matches(text, "putin")
    assert [text[s.start : s.end] for s in spans] == ["Putin", "PUTIN", "putin", "putin"]


def test_straight_query_finds_curly_marks() -> None:
    text = "“If they don’t withdraw,” he said."
    [span] = find_matches(text, "don't")
    assert text[span.start : span.end] == "don’t"
    assert find_matches(text, '"if') == [Span(0, 3)]


def test_blank_query_and_markup_characters() -> None:
    assert find_matches("anything", "   ") == []
    text = "a [/ b [bold] c [/"
    assert len(find_matches(text, "[/")) == 2


def test_offsets_survive_length_changing_lowercase() -> None:
    text = "İstanbul talks: Putin said İ twice, Putin again."
    spans = find_matches(text, "putin")
    assert [text[s.start : s.end] for s in spans] == ["Putin", "Putin"]


def test_text_matcher_folds_case_and_marks() -> None:
    contains = text_matcher("don't SAY")
    assert contains("“We don’t say that,” he said.")
    assert not contains("We do not say that.")
    assert text_matcher("   ")("anything")
    assert text_matcher("[/")("a [/ b") and not text_matcher("[/")("a / b")
    assert text_matcher("U.S.-led")("a U.S.–led model")


@pytest.mark.parametrize("window", [1, 2, 3, 5, 64], ids=lambda w: f"window{w}")
def test_windowed_search_finds_what_find_matches_finds(window: int) -> None:
    text = "The theme: “they’re” there—then THE end; the-the. " * 3
    for query in ("the", "they're", "e", "the-the", "'", "nothing"):
        batches = list(iter_match_batches(text, query, window=window))
        assert [s for batch in batches for s in batch] == find_matches(text, query), query


def test_windowed_search_stops_one_past_the_limit() -> None:
    text = "ab " * 1_000
    found = [s for batch in iter_match_batches(text, "ab", limit=10, window=7) for s in batch]
    assert found == find_matches(text, "ab", limit=11)  # the eleventh says "more than 10"
    assert list(iter_match_batches(text, "  ")) == []
    few = [s for b in iter_match_batches("ab ab", "ab", limit=10) for s in b]
    assert len(few) == 2
