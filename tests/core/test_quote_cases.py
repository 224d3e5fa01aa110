"""Quote-mark detection on a named corpus of tricky cases (texts written for the tests)."""

from __future__ import annotations

import pytest

from reader.core.models import check_spans
from reader.core.quotes.detection import detect_quotes

# name -> (text, the quoted words expected, in order)
CASES: dict[str, tuple[str, list[str]]] = {
    "possessive-straight": ("Trump's plan met Putin's terms.", []),
    "possessive-curly": ("Zelenskyy’s chief of staff resigned.", []),
    "contraction-curly": ("I don’t know and we can’t say.", []),
    "contraction-straight": ("I don't know and we can't say.", []),
    "decade-curly": ("Prices rose in the ’90s and the ’80s.", []),
    "decade-straight": ("Prices rose in the '90s and the '80s.", []),
    "decade-wrong-glyph": ("Prices rose in the ‘90s.", []),
    "rock-n-roll-curly": ("He loved rock ’n’ roll all his life.", []),
    "rock-n-roll-straight": ("He loved rock 'n' roll all his life.", []),
    "plural-possessive-curly": ("The allies’ plan was rejected.", []),
    "plural-possessive-straight": ("The allies' plan was rejected.", []),
    "elision-em": ("Let 'em talk, he thought.", []),
    "possessive-inside-single-quote": (
        "‘The allies’ plan is good,’ he said.",
        ["The allies’ plan is good,"],
    ),
    "apostrophes-inside-double-quote": (
        "“Trump's plan isn’t Kyiv’s,” she said.",
        ["Trump's plan isn’t Kyiv’s,"],
    ),
    "single-curly-term": ("He was ready for ‘serious’ talks.", ["serious"]),
    "single-straight-statement": (
        "They said 'there is a lot of work to be done.' Putin's aide agreed.",
        ["there is a lot of work to be done."],
    ),
    "nested-double-single": (
        "“He told me ‘no’ twice,” she said.",
        ["He told me ‘no’ twice,"],
    ),
    "nested-straight": (
        "\"He told me 'no' twice,\" she said.",
        ["He told me 'no' twice,"],
    ),
    "nested-closing-together": (
        "“You say you ‘accept responsibility,’” he said.",
        ["You say you ‘accept responsibility,’"],
    ),
    "split-by-attribution": ("“We will,” he said, “win.”", ["We will,", "win."]),
    "multi-paragraph": (
        "Jones said:\n“The first part goes on.\n“The second part ends here.”\nOther text.",
        ["The first part goes on.", "The second part ends here."],
    ),
    "guillemets": ("«Nous gagnerons», a-t-il dit.", ["Nous gagnerons"]),
    "guillemets-spaced": ("Il a dit « nous gagnerons » hier.", ["nous gagnerons"]),
    "german-low-high": ("Er sagte: „Wir schaffen das“ gestern.", ["Wir schaffen das"]),
    "two-apostrophes-as-double": ("''To me, this is it,'' Ms. Gil said.", ["To me, this is it,"]),
    "unbalanced-double-bounded": (
        "He said “this never ends.\nThe next paragraph has “a quote” here.",
        ["this never ends.", "a quote"],
    ),
    "unbalanced-then-real-quote": (
        "He said “crazy. Then she said “we will win,” she said.",
        ["crazy. Then she said", "we will win,"],
    ),
    "unbalanced-single-dropped": ("It was ‘odd.\nMore text follows here.", []),
    "stray-closer": ("A 5” screen and a stray ” mark.", []),
    "only-quote-marks": ("“”‘’\"\"''«»„“ ' \" ” “", []),
    "empty": ("", []),
    "markup-like-text": (
        "“Use [bold] and [/bold] or [/ here,” she said.",
        ["Use [bold] and [/bold] or [/ here,"],
    ),
    "digits-only-quote": ('tweet_id="672160155992100864" was posted.', []),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(name: str) -> None:
    text, expected = CASES[name]
    quotes = detect_quotes(text)
    check_spans([q.span for q in quotes], len(text), "quote", disjoint=True)
    assert [text[q.span.start : q.span.end] for q in quotes] == expected


def test_split_quote_has_one_speaker() -> None:
    text = "Mayor Anne Hidalgo arrived late. “We will,” she said, “win.”"
    first, second = detect_quotes(text)
    assert first.speaker == second.speaker == "Anne Hidalgo"


def test_multi_paragraph_parts_share_the_speaker() -> None:
    text = "Jones said:\n“The first part goes on.\n“The second part ends here.”"
    first, second = detect_quotes(text)
    assert first.speaker == second.speaker == "Jones"


def test_multi_paragraph_attribution_at_the_end() -> None:
    text = "“The first part goes on.\n“The second part ends,” said Jane Jones.\nNext."
    first, second = detect_quotes(text)
    assert first.speaker == second.speaker == "Jane Jones"


def test_unbalanced_mark_does_not_swallow_the_article() -> None:
    paragraphs = ["Intro “never closed here."] + [f"Paragraph {i} text." for i in range(50)]
    text = "\n".join(paragraphs)
    (quote,) = detect_quotes(text)
    assert quote.span.end <= len(paragraphs[0])


def test_huge_one_line_text_without_quotes() -> None:
    text = "word " * 10_000_000  # 50 MB on one line
    assert detect_quotes(text) == []


def test_huge_text_made_only_of_marks() -> None:
    for mark in ("“", "”", '"', "'", "’", "‘", "«", "“”", "'\""):
        assert detect_quotes(mark * 500_000) == []


def test_alternating_marks_and_spaces() -> None:
    text = '" ' * 200_000 + "‘ ’ " * 100_000
    quotes = detect_quotes(text)
    assert all(any(c.isalpha() for c in text[q.span.start : q.span.end]) for q in quotes)


def test_many_quotes_on_one_line() -> None:
    text = 'Mr. John Smith arrived. "We will win," he said, "soon." ' * 20_000
    quotes = detect_quotes(text)
    assert len(quotes) == 40_000
    assert quotes[-1].speaker == "John Smith"


def test_unbalanced_marks_on_one_long_line() -> None:
    text = "Trump said “this is big. " * 100_000
    quotes = detect_quotes(text)
    check_spans([q.span for q in quotes], len(text), "quote", disjoint=True)
