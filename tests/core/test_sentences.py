"""Sentence splitting on news prose."""

from __future__ import annotations

import pytest

from reader.core.models import Span
from reader.core.text.sentences import split_sentences

CORPUS = [
    ("plain", "One here. Two there! Three?", ["One here.", "Two there!", "Three?"]),
    ("title abbreviation", "Mr. Smith met Dr. Jones. They talked.",
     ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("acronym mid-sentence", "The U.S. Secretary of State spoke. It was late.",
     ["The U.S. Secretary of State spoke.", "It was late."]),
    ("acronym ends sentence", "He flew to the U.S. The trip was long.",
     ["He flew to the U.S.", "The trip was long."]),
    ("quote ends sentence", "He said “We will win.” Then he left.",
     ["He said “We will win.”", "Then he left."]),
    ("single quote ends", "‘There’s a good chance,’ Trump said. Talks go on.",
     ["‘There’s a good chance,’ Trump said.", "Talks go on."]),
    ("question inside quote then cue", "“Why now?” she asked. Nobody knew.",
     ["“Why now?” she asked.", "Nobody knew."]),
    ("initial", "John F. Kennedy spoke. Crowds cheered.",
     ["John F. Kennedy spoke.", "Crowds cheered."]),
    ("decimal", "Growth was 3.5% in May. Prices rose.", ["Growth was 3.5% in May.", "Prices rose."]),
    ("month abbreviation", "It happened on Dec. 2 in Moscow. Talks ended.",
     ["It happened on Dec. 2 in Moscow.", "Talks ended."]),
    ("no final stop", "A headline without a stop", ["A headline without a stop"]),
    ("brackets", "See [1] and [/bold]. Then [end].", ["See [1] and [/bold].", "Then [end]."]),
]


@pytest.mark.parametrize(("name", "text", "expected"), CORPUS, ids=[c[0] for c in CORPUS])
def test_split(name: str, text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


def test_span_limits_the_split() -> None:
    text = "Skip me. Take this. And this.\n\nNot this."
    spans = split_sentences(text, Span(9, 29))
    assert [text[s.start : s.end] for s in spans] == ["Take this.", "And this."]


def test_blank_gives_nothing() -> None:
    assert split_sentences("   \n ") == []
