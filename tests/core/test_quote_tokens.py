"""A paragraph's tokens: only its edges far from the quotes are left out, whole sentences."""

from __future__ import annotations

from pathlib import Path

from reader.core.models import Span
from reader.core.quotes.detection import detect_quotes
from reader.core.quotes.marks import find_marked_quotes, split_paragraphs
from reader.core.quotes.phrases import sentences_of
from reader.core.quotes.tokens import QUOTE, Token, paragraph_tokens, words_between

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

SENTENCE = "The committee met again on Tuesday to discuss the budget for next year. "
LONG_HEAD = SENTENCE * 12 + "Smith spoke first. “We will not give in,” she said. "
LONG_TAIL = SENTENCE * 12


def _every_token(text: str, para: Span, quotes: list[tuple[int, Span]]) -> list[Token]:
    """The paragraph tokenised whole, each quote folded as ``paragraph_tokens`` does."""
    tokens: list[Token] = []
    pos = para.start
    for index, outer in quotes:
        tokens += words_between(text, pos, outer.start)
        tokens.append((outer.start, outer.end, QUOTE + str(index)))
        pos = outer.end
    return tokens + words_between(text, pos, para.end)


def _sentences_by_quote(text: str, tokens: list[Token]) -> list[list[str]]:
    """Per quote token, the texts of its sentence and the sentence on each side."""
    quote_at = [i for i, token in enumerate(tokens) if token[2].startswith(QUOTE)]
    spans = sentences_of(text, tokens, quote_at)
    found = []
    for k in quote_at:
        s = next(n for n, (lo, hi) in enumerate(spans) if lo <= k < hi)
        near = spans[max(0, s - 1) : s + 2]
        found.append([text[tokens[lo][0] : tokens[hi - 1][1]] for lo, hi in near])
    return found


def _check_every_paragraph(text: str) -> int:
    paragraphs = split_paragraphs(text)
    quotes = find_marked_quotes(text, paragraphs)
    checked = 0
    for p, para in enumerate(paragraphs):
        members = [(i, q) for i, q in enumerate(quotes) if q.paragraph == p]
        if not members:
            continue
        kept, _ = paragraph_tokens(text, para, members)
        whole = _every_token(text, para, [(i, q.outer) for i, q in members])
        assert _sentences_by_quote(text, kept) == _sentences_by_quote(text, whole)
        assert set(kept) <= set(whole)
        checked += len(members)
    return checked


def test_the_sentences_next_to_every_seed_quote_are_the_whole_paragraph_s() -> None:
    checked = sum(_check_every_paragraph(path.read_text("utf-8")) for path in SEEDS.glob("*.txt"))
    assert checked > 20


def test_a_long_paragraph_keeps_only_the_sentences_next_to_its_quote() -> None:
    text = LONG_HEAD + LONG_TAIL
    assert _check_every_paragraph(text) == 1
    paragraphs = split_paragraphs(text)
    quote = find_marked_quotes(text, paragraphs)[0]
    kept, quote_at = paragraph_tokens(text, paragraphs[0], [(0, quote)])
    assert text[kept[0][0] :].startswith("Smith spoke first.")  # the sentence before
    assert kept[-1][2] == "." and kept[-1][0] < len(LONG_HEAD) + 2 * len(SENTENCE)
    assert quote_at == [4]


def test_a_cue_in_the_sentence_before_survives_the_cut() -> None:
    text = SENTENCE * 12 + "Mary Smith said so on Monday. “We will not give in.” " + LONG_TAIL
    assert _check_every_paragraph(text) == 1
    assert [(q.speaker, q.cue) for q in detect_quotes(text)] == [("Mary Smith", "said")]


def test_a_head_without_sentence_ends_is_tokenised_whole() -> None:
    text = "and then " * 30 + "“We will not give in,” Smith said."
    assert _check_every_paragraph(text) == 1
    paragraphs = split_paragraphs(text)
    quote = find_marked_quotes(text, paragraphs)[0]
    kept, _ = paragraph_tokens(text, paragraphs[0], [(0, quote)])
    assert kept[0][0] == 0


def test_a_parenthetical_across_the_cut_is_not_split() -> None:
    # The head is read back 400 characters from the quote, a cut that falls inside
    # “(as he said. Then we left)”, a single token: read from the cut, its full stop
    # would end a sentence the whole paragraph does not have.
    head = (
        SENTENCE * 3
        + "It passed (as he said. Then we left) late on Monday"
        + ", and the members argued" * 15
        + ". "
    )
    assert head.index("(") < len(head) - 400 < head.index(" said")
    text = head + "“We will not give in,” she said. " + LONG_TAIL
    assert _check_every_paragraph(text) == 1


def test_a_tail_without_sentence_ends_is_tokenised_whole() -> None:
    text = "“We will not give in,” Mary Smith said" + " and then" * 300
    assert _check_every_paragraph(text) == 1
    paragraphs = split_paragraphs(text)
    quote = find_marked_quotes(text, paragraphs)[0]
    kept, _ = paragraph_tokens(text, paragraphs[0], [(0, quote)])
    assert kept[-1][1] == len(text)
