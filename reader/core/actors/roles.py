"""Roles of people: the title phrase around a person's name ("Kremlin spokesman").

Also the place nouns around a name that make it a place ("the border town of Vovchansk",
"Pokrovsk, a strategic city"), which the tagger alone often reads as an organisation.

Two patterns cover most news prose:

* a title before the name: "Russian President Vladimir Putin", "U.S. Secretary of State
  Marco Rubio", "Donald Trump's special envoy, Steve Witkoff";
* an appositive after it: "Andriy Kovalenko, head of Ukraine's disinformation centre, said".

Roles are found on tokens (``reader.core.actors.features.tokenize``) with the other entities of
the sentence marked, so organisation and place names can be part of a role.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.actors.features import Token, normalise

# Nouns that make a phrase a role; at least one must be present.
HEAD_NOUNS = frozenset(
    """president premier minister secretary spokesman spokeswoman spokesperson envoy
    chancellor senator governor mayor king queen prince princess pope chief head director
    ambassador general commander leader chairman chairwoman chair ceo founder judge justice
    attorney adviser advisor official negotiator diplomat lawmaker congressman congresswoman
    mp deputy president-elect representative rep sen gen col lt sgt captain coach manager
    striker midfielder defender goalkeeper player actor actress singer star author analyst
    correspondent reporter editor economist professor prof lawyer spokesperson boss
    executive officer inspector commissioner superintendent son-in-law daughter-in-law
    emir sultan sheikh ayatollah cardinal archbishop bishop rabbi imam dean governor-general
    monarch dictator strongman premier-elect candidate nominee campaigner activist
    """.split()
)

# Words that may sit inside a role but cannot carry one alone.
MODIFIERS = frozenset(
    """special press foreign policy deputy vice senior former acting interim top state
    defence defense interior finance trade health prime general house white national
    security affairs chief executive first lady lord new incoming outgoing then long-time
    longtime military economic political opposition party union federal regional local
    occasional informal personal principal lead main assistant associate managing
    """.split()
)

CONNECTORS = frozenset({"of", "for", "at", "to", "and", "'s", "-", "&"})
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mr.", "mrs.", "ms.", "dr."}
)
ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her"})
_MAX_ROLE_TOKENS = 10
# A title before a name never reaches back across these.
_BARRIERS = frozenset({"and", "or", ",", ";", ":", "(", ")"})


def _low(token: Token) -> str:
    return normalise(token[2]).lower().rstrip(".") or token[2]


def _role_text(text: str, tokens: Sequence[Token], i: int, j: int) -> str:
    return text[tokens[i][0] : tokens[j - 1][1]]


def _trim(tokens: Sequence[Token], i: int, j: int, in_entity: Sequence[bool]) -> tuple[int, int]:
    """Drop connectors and articles from both ends of ``tokens[i:j]``."""
    while i < j and (_low(tokens[i]) in CONNECTORS or _low(tokens[i]) in ARTICLES):
        i += 1
    while i < j and not in_entity[j - 1] and _low(tokens[j - 1]) in CONNECTORS | ARTICLES:
        j -= 1
    return i, j


def role_before(
    text: str, tokens: Sequence[Token], start: int, in_entity: Sequence[bool]
) -> str | None:
    """The title phrase right before the person name starting at token ``start``.

    Args:
        text: The source text (the role keeps its original characters).
        tokens: The sentence's tokens.
        start: Index of the name's first token.
        in_entity: For each token, whether it belongs to a detected entity (any type).

    Returns:
        The role text, or None when no title precedes the name.
    """
    i = start
    # Honorifics sit between a title and the name ("Prime Minister Sir Keir Starmer").
    while i > 0 and _low(tokens[i - 1]) in HONORIFICS:
        i -= 1
    end = i
    if i > 0 and tokens[i - 1][2] == ",":
        # "Donald Trump's special envoy, Steve Witkoff": only when a head noun ends the phrase.
        if i < 2 or _low(tokens[i - 2]) not in HEAD_NOUNS:
            return None
        i -= 1
        end = i
    has_head = False
    while i > 0 and end - i < _MAX_ROLE_TOKENS:
        tok = tokens[i - 1]
        low = _low(tok)
        if low in _BARRIERS:
            # "brokered by Witkoff and Russian envoy Kirill Dmitriev": the title is
            # "Russian envoy"; what precedes "and" belongs to another name.
            break
        if low in HEAD_NOUNS:
            has_head = True
        elif not (low in MODIFIERS or low in CONNECTORS or in_entity[i - 1]):
            break
        i -= 1
    if not has_head:
        return None
    i, end = _trim(tokens, i, end, in_entity)
    # A role never starts with a lowercase connector-like word left after trimming.
    if i >= end:
        return None
    return _role_text(text, tokens, i, end)


def role_after(
    text: str, tokens: Sequence[Token], end: int, in_entity: Sequence[bool]
) -> str | None:
    """An appositive role after the name ending before token ``end``: "X, head of Y, said".

    Args:
        text: The source text.
        tokens: The sentence's tokens.
        end: Index just past the name's last token.
        in_entity: For each token, whether it belongs to a detected entity.

    Returns:
        The role text, or None when the name has no appositive role.
    """
    if end >= len(tokens) or tokens[end][2] != ",":
        return None
    i = end + 1
    while i < len(tokens) and _low(tokens[i]) in ARTICLES:
        i += 1
    j = i
    head_at = -1
    while j < len(tokens) and j - i < _MAX_ROLE_TOKENS:
        word = tokens[j][2]
        if word in {",", ".", ";", ":", "(", ")"} or _low(tokens[j]) in {"said", "says"}:
            break
        low = _low(tokens[j])
        if low in HEAD_NOUNS and head_at < 0:
            head_at = j
        j += 1
    # Why these guards: the head noun must come early (a noun phrase, not a clause), and
    # the appositive must close with punctuation or a speech verb.
    if head_at < 0 or head_at - i > 4 or j >= len(tokens) or j - i >= _MAX_ROLE_TOKENS:
        return None
    if tokens[j][2] not in {",", ".", ";"} and _low(tokens[j]) not in {"said", "says"}:
        return None
    for k in range(i, head_at):
        # Words before the head must be modifiers or names ("Russian affairs reporter").
        ordinary = not (in_entity[k] or _low(tokens[k]) in MODIFIERS or tokens[k][2][:1].isupper())
        if ordinary and k != head_at - 1:
            return None
    i, j = _trim(tokens, i, j, in_entity)
    return _role_text(text, tokens, i, j) if i < j else None


PLACE_NOUNS = frozenset(
    """town city village region province district oblast capital port county suburb
    towns cities villages regions provinces districts territories areas places
    """.split()
)
_LISTING = frozenset({"like", "including", "as"})


def place_context(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the words around ``tokens[start:end]`` call it a place.

    Three patterns: "the town of X" before it, "territories like X" or "cities such as
    X" before it, and "X, a strategic city" or "X and the border town of Y" after it.

    Args:
        tokens: The sentence's tokens.
        start: Index of the name's first token.
        end: Index just past its last token.

    Returns:
        True when a place noun introduces or describes the name.
    """
    before = [_low(t) for t in tokens[max(0, start - 2) : start]]
    if len(before) == 2 and (
        (before[1] == "of" and before[0] in PLACE_NOUNS)
        or (before[1] in _LISTING and before[0] in PLACE_NOUNS | {"such"})
    ):
        return True
    if end < len(tokens) and tokens[end][2] in {",", "and"}:
        for tok in tokens[end + 1 : end + 6]:
            low = _low(tok)
            if low in PLACE_NOUNS:
                return True
            if low in {",", ".", ";", ":", "(", "and", "or"} or (
                low not in ARTICLES and tok[2][:1].isupper()
            ):
                return False
    return False
