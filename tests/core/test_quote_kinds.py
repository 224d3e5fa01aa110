"""Quote kinds: statements, fragments (somebody's short phrase) and terms (nobody's words)."""

from __future__ import annotations

import pytest

from reader.core.models import SPEECH_KINDS
from reader.core.quotes import detect_quotes

# (name, text, the quoted words' kind, a word of the speaker or None)
KINDS: list[tuple[str, str, str, str | None]] = [
    ("called", "Trump called the polls “phony polls” at a rally.", "fragment", "Trump"),
    ("ready for", "Putin said he was ready for “serious” talks.", "fragment", "Putin"),
    (
        "described by",
        "The talks were described by Secretary of State Anna Berg as “productive”.",
        "fragment",
        "Berg",
    ),
    (
        "unnamed source",
        "Officials said the offer was “a non-starter” for now.",
        "fragment",
        None,
    ),
    ("nickname given", "He called her “Miss Piggy” in 1996.", "fragment", None),
    ("so-called", "The so-called “peace plan” has 28 points.", "term", None),
    (
        "so-called with a cue",
        "Berg said the so-called “peace plan” was dead.",
        "term",
        None,
    ),
    ("book title", "Her book “Failure to Adjust” came out in May.", "term", None),
    (
        "show title with a cue",
        "Ana Ruiz told NBC’s “Meet the Press” that she would run.",
        "term",
        None,
    ),
    ("scare quote", "The “experts” were wrong again about the weather.", "term", None),
    (
        "clause",
        "“We will not give up our land,” Ana Ruiz said.",
        "statement",
        "Ruiz",
    ),
]


@pytest.mark.parametrize(
    ("text", "kind", "speaker"), [k[1:] for k in KINDS], ids=[k[0] for k in KINDS]
)
def test_quote_kind(text: str, kind: str, speaker: str | None) -> None:
    (quote,) = detect_quotes(text)
    assert quote.kind == kind
    if speaker is not None:
        assert quote.speaker is not None and speaker in quote.speaker
    if kind == "term":
        assert quote.kind not in SPEECH_KINDS


def test_headline_phrase_in_title_case_is_a_fragment() -> None:
    text = "Lawmakers Call the Plan ‘A Disgrace’ After the Vote\nThe vote was close."
    (quote,) = detect_quotes(text)
    assert quote.kind == "fragment"
