"""A paragraph's tokens around its quotes, for speaker attribution.

This module owns tokenising: words, abbreviations and marks with their offsets, each
quote folded into one placeholder token, and how much of a long paragraph is read (the
sentences next to its quotes, not the whole of it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.models import Span
from reader.core.quotes.lexicon import INVERTIBLE_CUES
from reader.core.quotes.marks import MarkedQuote

__all__ = ["END_PUNCT", "QUOTE", "Token", "paragraph_tokens", "words_between"]

_TOKEN_RE = re.compile(
    # Every special form starts with a capital or “(”: one look ahead lets the common
    # lower-case word skip them all (about 15% of the tokenizer's time).
    r"(?=[A-Z(])(?:"
    r"\([^()\n]{1,30}\)"  # a short parenthetical, dropped later: “(D-Ore.)”
    r"|(?:[A-Z]\.){2,}"  # U.S.
    r"|(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Jr|Sr|Prof|Rev|Capt|Maj|Adm"
    r"|Mt|Inc|Corp|Ltd|Co)\."
    r"|[A-Z]-[A-Z][a-z]{1,4}\."  # party and state: R-Ky.
    r"|[A-Z][a-z]{1,4}\.(?=[^\S\n]*[,)])"  # state abbreviation: Alexandria, Va., and
    r"|[A-Z]\.(?=[^\S\n]+[A-Z])"  # an initial: John D. Podesta
    r")"
    # A word, joined over ’ ' & / - inside it: written so each letter is read once.
    r"|\w+(?:[’'&/-]+\w+)*|[^\w\s]"
)
QUOTE = "\x00"  # placeholder token text for a whole quote
_WINDOW = 1500  # characters of context kept on each side of a quote
_HEAD_LOOKS = (400, _WINDOW)  # characters read back from a first quote, then on a second try
_TAIL_ALL = 120  # a paragraph end this short is tokenised whole
_HEADLINE = 200  # characters a paragraph may have to be read as a headline
END_PUNCT = frozenset(".!?")

Token = tuple[int, int, str]  # start, end, text (``QUOTE`` for a quote)


def words_between(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]``, without short parentheticals such as “(D-Ore.)”.

    Args:
        text: The full text.
        start: Where to begin.
        end: Where to stop.

    Returns:
        (start, end, text) tokens: words, abbreviations (“U.S.”, “Mr.”) and marks.
    """
    # start(), end() and m[0] build the tuple faster than unpacking span() or group().
    tokens = [(m.start(), m.end(), m[0]) for m in _TOKEN_RE.finditer(text, start, end)]
    if text.find("(", start, end) >= 0:
        tokens = [t for t in tokens if not (t[2][0] == "(" and len(t[2]) > 1)]
    return tokens


def paragraph_tokens(
    text: str, para: Span, quotes: Sequence[tuple[int, MarkedQuote]]
) -> tuple[list[Token], list[int]]:
    """Tokens of a paragraph, each quote folded into one placeholder token.

    The rules read a quote's own sentence and the one on each side of it, so of the
    text before the first quote only the sentence before the quote's own is kept, and
    after the last quote only up to the end of the sentence after it. Dropping whole
    sentences at the edges changes no sentence the rules read (a third of BBC tokens).

    Args:
        text: The full text.
        para: The paragraph's span.
        quotes: The paragraph's quotes with their result indices, in order.

    Returns:
        (start, end, text) tokens, where a quote is one token whose text is ``QUOTE``
        plus its index, and the indices of those quote tokens (so callers need not scan
        every token for them). Short parentheticals (“(D-Ore.)”) are left out.
    """
    tokens: list[Token] = []
    quote_at: list[int] = []
    pos = para.start
    for index, quote in quotes:
        start, end = quote.open_mark, quote.outer_end
        if quote_at:
            _gap(text, pos, start, tokens)
        else:
            _head(text, pos, start, tokens)
        quote_at.append(len(tokens))
        tokens.append((start, end, QUOTE + str(index)))
        pos = end
    if quote_at:
        _tail(text, pos, para.end, tokens)
    else:
        _gap(text, pos, para.end, tokens)
    if para.end - para.start <= _HEADLINE:
        _lower_headline_cues(tokens)
    return tokens, quote_at


def _lower_headline_cues(tokens: list[Token]) -> None:
    """In a headline in title case, read “‘…’, Says Anna Berg” as the cue it is.

    The rules take a capitalised word for a name word, so the headline would give no
    cue. Only a verb right after a quote is read so: elsewhere a capitalised “Calls” or
    “Tell” in a headline is as often part of its subject or object.
    """
    words = [t for t in tokens if t[2][:1].isalpha()]
    if len(words) < 3 or sum(t[2][:1].isupper() for t in words) < 0.7 * len(words):
        return
    for i in range(1, len(tokens)):
        start, end, word = tokens[i]
        after_quote = tokens[i - 1][2][0] == QUOTE or (
            i > 1 and tokens[i - 1][2] == "," and tokens[i - 2][2][0] == QUOTE
        )
        if not after_quote or word.lower() not in INVERTIBLE_CUES:
            continue
        if word[:1].isupper() and word[1:].islower():
            tokens[i] = (start, end, word.lower())


def _head(text: str, start: int, end: int, tokens: list[Token]) -> None:
    """Tokens before a paragraph's first quote, from the start of the sentence before its own.

    The text is read back from the quote in a window that starts after a space, where
    no token can be cut (only a parenthetical spans spaces, hence the check for one).
    Sentence ends inside the window are decided exactly as ``sentences_of`` decides
    them, so once it holds two, the sentences after the earlier one are the real ones.
    """
    for look in _HEAD_LOOKS:
        if end - start <= look:
            break
        cut = text.find(" ", end - look, end)
        if cut < 0 or text.find("(", max(0, cut - 31), cut) >= 0:
            break
        window = words_between(text, cut + 1, end)
        last = len(window) - 1
        ends = [
            i
            for i, token in enumerate(window)
            if token[2] in END_PUNCT
            and (token[2] != "." or i == last or not window[i + 1][2][:1].islower())
        ]
        if len(ends) >= 2:
            tokens.extend(window[ends[-2] + 1 :])
            return
    _gap(text, start, end, tokens)


def _tail(text: str, start: int, end: int, tokens: list[Token]) -> None:
    """Tokens after a paragraph's last quote, up to the end of the second sentence end.

    Read forward a token at a time, so a long paragraph end is never tokenised.
    """
    if end - start <= _TAIL_ALL:
        tokens.extend(words_between(text, start, end))
        return
    kept = len(tokens)
    ends = 0
    full_stop = False  # the last token was “.”, which ends a sentence unless lower case follows
    for match in _TOKEN_RE.finditer(text, start, end):
        word = match.group()
        if word[0] == "(" and len(word) > 1:
            continue  # a parenthetical, left out as in words_between
        if full_stop:
            full_stop = False
            if not word[:1].islower():
                ends += 1
                if ends == 2:
                    return
        if match.start() - start > _WINDOW:
            del tokens[kept:]  # no two sentence ends near the quote: the general case
            _gap(text, start, end, tokens)
            return
        tokens.append((match.start(), match.end(), word))
        if word == ".":
            full_stop = True
        elif word in END_PUNCT:
            ends += 1
            if ends == 2:
                return


def _gap(text: str, start: int, end: int, tokens: list[Token]) -> None:
    """Tokenise the text between quotes; of a huge gap only the ends near the quotes.

    Cues sit next to their quote, so a 50 MB paragraph costs time in proportion to its
    quotes, not its length. A full stop token marks the cut.
    """
    if end - start <= 2 * _WINDOW:
        tokens.extend(words_between(text, start, end))
        return
    tokens.extend(words_between(text, start, start + _WINDOW))
    tokens.append((start + _WINDOW, start + _WINDOW, "."))
    tokens.extend(words_between(text, end - _WINDOW, end))
