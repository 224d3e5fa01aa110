"""Reported speech without quote marks (kind ``indirect``): cues, content spans, speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.models import SPEECH_KINDS, Quote
from reader.core.quotes import detect_quotes

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _reported(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (text[q.span.start : q.span.end], q.speaker, q.cue)
        for q in detect_quotes(text, indirect=True)
        if q.kind == "indirect"
    ]


# (name, text, [(content, speaker, cue)])
CASES: list[tuple[str, str, list[tuple[str, str | None, str | None]]]] = [
    (
        "said that",
        "Anna Berg said that the talks would resume in May.",
        [("the talks would resume in May", "Anna Berg", "said")],
    ),
    (
        "told reporters that",
        "Anna Berg told reporters on Monday that the talks would resume.",
        [("the talks would resume", "Anna Berg", "told reporters")],
    ),
    (
        "content, X said",
        "The army would be capped at 600,000 troops, Anna Berg said.",
        [("The army would be capped at 600,000 troops", "Anna Berg", "said")],
    ),
    (
        "content, said X, appositive",
        "The talks will resume in May, said Anna Berg, the foreign minister.",
        [("The talks will resume in May", "Anna Berg", "said")],
    ),
    (
        "appositive subject",
        "Tom Hale, head of the press office, said the minister had resigned.",
        [("the minister had resigned", "Tom Hale", "said")],
    ),
    (
        "according to, first",
        "According to the Financial Times, European officials floated an 800,000 cap.",
        [("European officials floated an 800,000 cap", "Financial Times", "According to")],
    ),
    (
        "according to, last",
        "European officials floated an 800,000 cap, according to the Financial Times.",
        [("European officials floated an 800,000 cap", "Financial Times", "according to")],
    ),
    (
        "pronoun speaker",
        "Anna Berg arrived late. She stressed that the deal must respect the borders.",
        [("the deal must respect the borders", "Anna Berg", "stressed")],
    ),
    (
        "interrupting attribution",
        "The latest test, Anna Berg said, was the biggest yet.",
        [("The latest test, Anna Berg said, was the biggest yet", "Anna Berg", "said")],
    ),
    (
        "content ends before the writer's clause",
        "Anna Berg said the plan was dead, but she refused to say why.",
        [("the plan was dead", "Anna Berg", "said")],
    ),
    (
        "unnamed officials, a plan",
        "Officials say the troops will withdraw next year.",
        [("the troops will withdraw next year", None, "say")],
    ),
    (
        "two reports in one sentence",
        "Anna Berg said the plan was dead and warned that the talks could fail.",
        [
            ("the plan was dead", "Anna Berg", "said"),
            ("the talks could fail", "Anna Berg", "warned"),
        ],
    ),
    (
        "called for",
        "Anna Berg called for an immediate ceasefire along the whole front.",
        [("an immediate ceasefire along the whole front", "Anna Berg", "called for")],
    ),
    ("called, naming", "Anna Berg called the plan a disaster for the region.", []),
    ("said to be", "He is said to be furious about the leak.", []),
    ("it is said", "It is said that the talks failed long ago.", []),
    ("passive told", "He was told the talks had failed.", []),
    ("so-called", "The so-called peace plan has 28 points.", []),
    ("nothing reported", "Anna Berg said so on Monday.", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_reported_speech(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _reported(text) == expected


def test_indirect_is_not_counted_as_speech_kinds_and_is_off_by_default() -> None:
    text = "Anna Berg said that the talks would resume in May."
    assert detect_quotes(text) == []
    (quote,) = detect_quotes(text, indirect=True)
    assert quote.kind == "indirect" and quote.kind not in SPEECH_KINDS


def test_a_sentence_with_a_quoted_statement_is_left_to_it() -> None:
    text = "Anna Berg said: “The talks will resume in May, and we will win.”"
    (quote,) = detect_quotes(text, indirect=True)
    assert quote.kind == "statement"


def test_reported_speech_may_hold_a_fragment() -> None:
    text = "Anna Berg said the offer was “a non-starter” for now."
    indirect, fragment = detect_quotes(text, indirect=True)
    assert (indirect.kind, fragment.kind) == ("indirect", "fragment")
    assert indirect.span.contains(fragment.span)


def _seed(prefix: str) -> tuple[str, list[Quote]]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    return text, [q for q in detect_quotes(text, indirect=True) if q.kind == "indirect"]


@pytest.mark.parametrize(
    ("prefix", "speaker", "starts"),
    [
        ("001", "Zelensky", "Ukraine’s sovereignty and firm security guarantees remain"),
        ("001", "Emmanuel Macron", "territorial concessions are the most difficult issue"),
        ("001", "Macron", "no final peace plan exists"),
        ("001", "Kaja Kallas", "Russia negotiates only with parties offering extra"),
        ("001", "Andriy Kovalenko", "Russia seeks to shift all pressure"),
        ("001", "Dmitry Peskov", "Putin will meet Witkoff Tuesday afternoon"),
        ("001", "Karoline Leavitt", "the draft peace plan had been heavily refined"),
        ("004", "Volodymyr Zelenskyy", "any deal must respect Ukraine’s sovereign borders"),
    ],
)
def test_seed_reported_speech(prefix: str, speaker: str, starts: str) -> None:
    text, reported = _seed(prefix)
    found = [q for q in reported if text[q.span.start : q.span.end].startswith(starts)]
    assert len(found) == 1, [text[q.span.start : q.span.end] for q in reported]
    assert found[0].speaker == speaker
    assert found[0].cue is not None
