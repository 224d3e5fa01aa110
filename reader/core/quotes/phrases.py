"""Sentences and noun phrases around quotes, for speaker attribution.

This module owns the shallow syntax the attribution rules need over a paragraph's
tokens (``tokens``): its sentences, the cue test, and the
noun phrase before or after a cue (“Secretary of State Marco Rubio said”, “said Jane
Smith, a senator”) or at the start of a sentence (its subject).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.quotes.lexicon import (
    AUX_ADVERBS,
    CLAUSE_BREAKS,
    CUE_VERBS,
    DETERMINERS,
    LEADING_CAPS,
    MEDIA_OBJECT_CUES,
    PREPOSITIONS,
    PRONOUNS,
)
from reader.core.quotes.tokens import END_PUNCT, QUOTE, Token
from reader.core.text import load_words

__all__ = [
    "CONNECTORS",
    "appositive_name",
    "cue_text",
    "is_cap",
    "is_cue",
    "np_left",
    "np_right",
    "sentences_of",
    "subject_of",
]

_POSS = ("’s", "'s")
_PARTY_ADJECTIVE_ENDINGS = ("ican", "atic", "ean", "ese", "ish")  # Republican, Democratic, European
_PLURAL_NOUN_CUES = frozenset(
    "claims remarks comments reports charges calls notes tweets posts promises demands".split()
)
_NOT_BEFORE_CUE = frozenset("of to should could might must may can".split())
_NP_STARTS = frozenset("the a an his her their its".split())
CONNECTORS = frozenset("of de da van von bin al la le del der di du dos el".split())
_LEADING_ADVERBIAL = frozenset(
    "in on at after before during despite although while when as since for with without "
    "under over earlier later meanwhile however still now then also instead last this "
    "yesterday today but and so yet speaking asked amid among following throughout early "
    "late first finally indeed thus separately like unlike by from to "
    "thursday friday monday tuesday wednesday saturday sunday once".split()
)



def is_cue(tokens: Sequence[Token], i: int) -> bool:
    """Whether ``tokens[i]`` is a speech cue used as a verb (“said”, “according to”).

    Args:
        tokens: The paragraph's tokens.
        i: Index of the candidate word.

    Returns:
        True for a lower-case cue verb not read as a noun (“the reports”).
    """
    word = tokens[i][2]
    lower = word.lower()
    if lower == "according":  # also sentence-initial: “According to Limbaugh, ‘…’”
        return i + 1 < len(tokens) and tokens[i + 1][2] == "to"
    if lower == "put":  # “as Ms. Simonyan put it, ‘…’”
        return i + 1 < len(tokens) and tokens[i + 1][2] == "it"
    if not word[:1].islower():
        return False
    if lower not in CUE_VERBS:
        return False
    if i == 0:
        return True
    prev = tokens[i - 1][2]
    # “the reports”, “Trump’s remarks”, “Republican claims”: the cue word is a noun;
    # “should reiterate”: a verb inside a reported clause, not the reporting cue.
    return not (
        prev.lower() in DETERMINERS
        or prev.lower() in _NOT_BEFORE_CUE
        or prev.endswith(_POSS)
        # After a preposition a cue word is a noun (“in states with …”) unless it is a
        # gerund (“continued by saying”).
        or (prev.lower() in PREPOSITIONS and not lower.endswith("ing"))
        or (
            lower in _PLURAL_NOUN_CUES
            and prev[:1].isupper()
            and prev[1:].islower()
            and prev.endswith(_PARTY_ADJECTIVE_ENDINGS)
        )
    )


def is_cap(word: str) -> bool:
    """Whether a word is capitalised and not a pronoun (a possible name word).

    Args:
        word: The word.

    Returns:
        True for “Putin”, False for “He” or “said”.
    """
    return word[:1].isupper() and word.lower() not in PRONOUNS



def sentences_of(
    text: str, tokens: Sequence[Token], quote_at: Sequence[int]
) -> list[tuple[int, int]]:
    """Token ranges of a paragraph's sentences.

    A quote ending in . ! ? ends its sentence when a capital follows, unless a speaker
    and cue come next (“‘Why?’ Smith asked.”).

    Args:
        text: The full text.
        tokens: The paragraph's tokens.
        quote_at: The indices of its quote tokens, in order.

    Returns:
        Half-open (first, last) token index ranges, in order.
    """
    bounds: list[tuple[int, int]] = []
    lo = 0
    last = len(tokens) - 1
    # Only sentence marks and quotes can end a sentence: one tight pass finds the marks,
    # and the rules below run on those few tokens instead of on every token.
    marks = [i for i, token in enumerate(tokens) if token[2] in END_PUNCT]
    for i in sorted(marks + list(quote_at)) if quote_at else marks:
        word = tokens[i][2]
        nxt = tokens[i + 1][2] if i < last else ""
        if word[0] == QUOTE:
            inner = text[tokens[i][0] : tokens[i][1]].rstrip("”’\"'»›“‘ \t")
            ends = (
                inner[-1:] in END_PUNCT
                and (nxt[:1].isupper() or nxt.startswith(QUOTE))
                and not _cue_follows(tokens, i + 1)  # “Why?” Smith asked.
            )
        else:
            # “p.m. on Friday”: a full stop before a lower-case word ends nothing.
            ends = word != "." or not nxt[:1].islower()
        if ends or i == last:
            bounds.append((lo, i + 1))
            lo = i + 1
    if lo <= last:
        bounds.append((lo, last + 1))
    return bounds


def _cue_follows(tokens: Sequence[Token], i: int) -> bool:
    """Whether a speaker phrase and a finite speech cue come next: “Smith asked.”"""
    for j in range(i, min(len(tokens), i + 8)):
        word = tokens[j][2]
        if is_cue(tokens, j):
            return not word.endswith("ing")
        low = word.lower()
        if not (is_cap(word) or low in PRONOUNS or low in DETERMINERS or low in CONNECTORS):
            return False
    return False


def np_right(tokens: Sequence[Token], i: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``tokens[i]`` (after an inverted cue or “according to”).

    Args:
        tokens: The paragraph's tokens.
        i: Index of the phrase's first token.
        hi: Index the phrase may not reach.

    Returns:
        The phrase's token range, or None.
    """
    j = i
    while j < hi and j - i < 14:
        word = tokens[j][2]
        if word.startswith(QUOTE) or (not word[0].isalnum() and word not in ("/", "-")):
            break
        # “Gov. and Democratic National Committee Chairman Ed Rendell”: titles joined.
        joined = word == "and" and j + 1 < hi and is_cap(tokens[j + 1][2])
        if j > i and word.lower() in CLAUSE_BREAKS and word not in CONNECTORS and not joined:
            break
        if (
            j > i
            and word[:1].islower()
            and word not in CONNECTORS
            and not joined
            and is_cap(tokens[j - 1][2])
        ):
            break  # “said Smith in an interview”: the name ended
        j += 1
    return (i, j) if j > i else None


def np_left(tokens: Sequence[Token], j: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase ending at ``tokens[j]`` (before a cue), read leftwards.

    Auxiliaries and adverbs next to the cue are skipped (“Yermak had previously stated”).

    Args:
        tokens: The paragraph's tokens.
        j: Index of the token just before the cue.
        lo: Index the phrase may not start before.

    Returns:
        The phrase's token range, or None.
    """
    while j >= lo and (
        tokens[j][2].lower() in AUX_ADVERBS
        or (tokens[j][2].endswith("ly") and tokens[j][2].islower())  # “frequently”
    ):
        j -= 1
    if j < lo:
        return None
    word = tokens[j][2]
    if not word[0].isalnum() or word.startswith(QUOTE) or word.lower() in CLAUSE_BREAKS:
        return None
    if word.lower() in PRONOUNS:
        return (j, j + 1)
    i = j
    while i > lo and j - i < 8:
        prev = tokens[i - 1][2]
        low = prev.lower()
        if prev.startswith(QUOTE) or not prev[0].isalnum() or low in PRONOUNS:
            break
        if low in CLAUSE_BREAKS and prev not in CONNECTORS:
            break
        if prev[:1].islower() and (low in CUE_VERBS or low in AUX_ADVERBS):
            break
        i -= 1
        if low in DETERMINERS:
            break
    return (i, j + 1)


def _opens_phrase(tokens: Sequence[Token], i: int, hi: int) -> bool:
    """Whether ``tokens[i]`` opens a short phrase that ends in a comma before any cue.

    “Hours later, Trump …”, “Even after the vote, …”: lower-case words then a comma
    within four tokens; “Trump later said, …” has a cue first, so it is a subject.
    """
    for k in range(i + 1, min(hi, i + 5)):
        word = tokens[k][2]
        if word == ",":
            return k > i + 1
        if not word.islower() or word in CUE_VERBS:
            return False
    return False


def subject_of(tokens: Sequence[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """The subject of the sentence ``tokens[lo:hi]``: its first name, pronoun or phrase.

    A leading adverbial up to its comma is skipped (“At the end of November, Putin …”).

    Args:
        tokens: The paragraph's tokens.
        lo: The sentence's first token.
        hi: Index the subject may not reach.

    Returns:
        The subject's token range, or None.
    """
    i = lo
    while i < hi and (tokens[i][2].startswith(QUOTE) or not tokens[i][2][0].isalnum()):
        i += 1
    # Skip a leading adverbial up to its comma: “At the end of November, Putin said”.
    common = load_words("common_words.txt")
    for _ in range(2):
        word = tokens[i][2] if i < hi else ""
        low = word.lower()
        # … or a participle clause (“Reading from a prepared text, Ben Carson …”), a
        # common word (“Hours later, Trump …”) or a dateline (“WASHINGTON — Sen. …”).
        if (
            low in _LEADING_ADVERBIAL
            or (low.endswith(("ing", "ly", "ed")) and low not in CUE_VERBS)
            or (low in common and low not in PRONOUNS and _opens_phrase(tokens, i, hi))
            or (len(word) > 2 and word.isupper() and word.isalpha())
        ):
            comma = next(
                (k for k in range(i, min(hi, i + 25)) if tokens[k][2] in (",", "—", "–")), None
            )
            if comma is None:
                break
            i = comma + 1
    if i >= hi:
        return None
    first = tokens[i][2]
    if first.lower() in PRONOUNS:
        return (i, i + 1)
    j = i
    while j < hi and (tokens[j][2][0].isalnum() and not tokens[j][2].startswith(QUOTE)):
        low = tokens[j][2].lower()
        if (
            j > i
            and tokens[j][2][:1].islower()
            and (low in AUX_ADVERBS or low in CUE_VERBS or low in CLAUSE_BREAKS)
        ):
            break
        if j > i and tokens[j][2][:1].islower() and is_cap(tokens[j - 1][2]):
            break  # “Trump expressed”: the name ended
        j += 1
    return (i, j) if j > i and j - i <= 8 else None


def appositive_name(tokens: Sequence[Token], np: tuple[int, int], hi: int) -> tuple[int, int]:
    """“said the minister, Anna Berg”: the name after a description is the speaker.

    Only a lower-case description (“the foreign minister”) gives way, to a name of one to
    four capitalised words that ends at a comma, a dash, a sentence end or ``hi`` (an
    appositive, not the start of a new clause); “the minister, Monday” keeps its phrase.

    Args:
        tokens: The paragraph's tokens.
        np: The speaker phrase found next to the cue.
        hi: Index the name may not reach.

    Returns:
        The name's token range, or ``np`` unchanged.
    """
    a, b = np
    if tokens[a][2].lower() not in _NP_STARTS or not tokens[b - 1][2].islower():
        return np
    if b + 1 >= hi or tokens[b][2] != "," or not is_cap(tokens[b + 1][2]):
        return np
    if tokens[b + 1][2].lower() in LEADING_CAPS:
        return np
    j = b + 1
    while j < hi and j - b <= 4 and is_cap(tokens[j][2]):
        j += 1
    if j < hi and tokens[j][2] not in END_PUNCT and tokens[j][2] not in (",", "—", "–"):
        return np
    return (b + 1, j)


def cue_text(text: str, tokens: Sequence[Token], c: int, hi: int) -> str:
    """The cue words at ``tokens[c]``: “according to”, “told reporters”, “wrote on Telegram”.

    Args:
        text: The full text.
        tokens: The paragraph's tokens.
        c: Index of the cue verb.
        hi: Index the cue may not reach.

    Returns:
        The cue as it stands in the text.
    """
    word = tokens[c][2]
    end = tokens[c][1]
    if word.lower() in ("according", "put"):
        end = tokens[c + 1][1]
    elif word.lower() in MEDIA_OBJECT_CUES and c + 1 < hi:
        nxt = tokens[c + 1][2]
        if nxt in ("on", "in") and c + 2 < hi and is_cap(tokens[c + 2][2]):
            end = tokens[c + 2][1]
        elif word.lower() in ("told", "tells", "telling") and nxt.isalpha() and nxt != "that":
            last = c + 1
            while (
                last + 1 < min(hi, c + 4)
                and tokens[last + 1][2].isalpha()
                and (is_cap(tokens[last][2]))
            ):
                last += 1  # “told The Atlantic magazine”
            end = tokens[last][1]
    return text[tokens[c][0] : end]
