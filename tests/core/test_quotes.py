"""Quotes engine on the raw seed articles: every quote and speaker a reader can see."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.models import Quote, Span, check_spans
from reader.core.quotes.detection import detect_quotes

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# (start of the quoted words, kind, a word the speaker must contain or None)
Expected = tuple[str, str, str | None]

SEED_QUOTES: dict[str, list[Expected]] = {
    "000": [
        ("So much work remains. But today was again", "statement", "Rubio"),
        ("There’s a good chance we can make a deal.", "statement", "Trump"),
        ("Not a single sane person today would sign", "statement", "Yermak"),
        ("serious", "fragment", "Putin"),
        ("If they don’t withdraw, we will achieve this by force,", "statement", "Putin"),
        ("should have happened a long time ago.", "statement", "Trump"),
    ],
    "001": [],
    "002": [("there is a lot of work to be done.", "statement", "Kremlin")],
    "003": [
        ("So much work remains,", "statement", "Rubio"),
        ("But today was again a very productive", "statement", "Rubio"),
        ("There’s a good chance we can make a deal,", "statement", "Trump"),
        ("Not a single sane person today would sign", "statement", "Yermak"),
        ("serious", "fragment", "Putin"),
        ("If they don’t withdraw, we will achieve this by force,", "statement", "Putin"),
        ("should have happened a long time ago,", "statement", "Trump"),
        # Footer chrome (the cleaning removes it); detecting it in raw text is fine.
        # Headlines: the subject, named before the short quoted phrase, said it.
        ("Obama sycophant", "fragment", "Trump"),
        ("powerful", "fragment", "RNC"),
        ("nationalize", "fragment", "Trump"),
        ("Stop playing games", "statement", None),  # headline: “…: ‘Stop playing games’”
        ("much more complicated", "fragment", "Vance"),
        ("powerful", "fragment", "RNC"),
    ],
    # “described by the U.S. Secretary of State as ‘productive’”: no person is named in
    # this article, so the definite role description itself is the speaker.
    "004": [("productive", "fragment", "Secretary of State")],
}


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _check_invariants(text: str, quotes: list[Quote]) -> None:
    check_spans([q.span for q in quotes], len(text), "quote", disjoint=True)
    for q in quotes:
        assert q.actor is None
        words = text[q.span.start : q.span.end]
        assert words == words.strip() and words
        if q.speaker_span is not None:
            assert text[q.speaker_span.start : q.speaker_span.end] == q.speaker
        else:
            assert q.speaker is None


@pytest.mark.parametrize("prefix", sorted(SEED_QUOTES))
def test_seed_quotes(prefix: str) -> None:
    text = _seed(prefix)
    quotes = detect_quotes(text)
    _check_invariants(text, quotes)
    expected = SEED_QUOTES[prefix]
    got = [text[q.span.start : q.span.end] for q in quotes]
    assert len(quotes) == len(expected), got
    for quote, (start, kind, speaker) in zip(quotes, expected, strict=True):
        words = text[quote.span.start : quote.span.end]
        assert words.startswith(start), (words, start)
        assert quote.kind == kind, words
        if speaker is not None:
            assert quote.speaker is not None and speaker in quote.speaker, (words, quote)


def test_seed_000_quote_details() -> None:
    text = _seed("000")
    quotes = detect_quotes(text)
    rubio, trump, yermak, serious, force, ago = quotes
    assert text[rubio.span.start : rubio.span.end].endswith("additional progress was made.")
    assert rubio.speaker == "Marco Rubio"
    assert rubio.cue == "remarked"
    assert trump.cue == "stating"
    assert yermak.speaker == "Yermak"
    assert serious.speaker == "Putin"
    assert force.cue == "stated"  # “…,” he stated -> the nearest named person, Putin
    assert ago.speaker == "Trump"


def test_seed_003_quote_details() -> None:
    text = _seed("003")
    quotes = detect_quotes(text)
    assert quotes[0].speaker == quotes[1].speaker == "Marco Rubio"
    assert quotes[1].cue == "said"  # the speaker of the previous quote in the paragraph
    assert quotes[3].cue == "told The Atlantic magazine"
    # ‘…,’ he told The Atlantic magazine -> Yermak, named in the previous paragraph.
    assert quotes[3].speaker is not None and quotes[3].speaker_span is not None
    assert text[quotes[3].speaker_span.start : quotes[3].speaker_span.end] == "Yermak"
    assert quotes[5].speaker == "Putin"  # ‘…,’ he said, after “Putin said at the end…”


def test_seed_002_apostrophes_are_not_quotes() -> None:
    text = _seed("002")
    (quote,) = detect_quotes(text)
    assert quote.speaker == "Kremlin"
    assert quote.cue == "acknowledging"
    for word in ("Putin's", "Kyiv’s", "Zelenskyy’s", "Washington's", "Trump's"):
        position = text.index(word)
        assert not quote.span.start <= position < quote.span.end


def test_paragraph_spans_are_respected() -> None:
    text = _seed("000")
    lines = text.split("\n")
    # Only the paragraph with Rubio's and Trump's quotes.
    start = text.index(lines[5])
    quotes = detect_quotes(text, [Span(start, start + len(lines[5]))])
    assert [q.speaker for q in quotes] == ["Marco Rubio", "Trump"]
