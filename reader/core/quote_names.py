"""A light proper-name finder for quote attribution (internal to the quotes engine).

This module owns finding capitalised name sequences in running text, splitting off
their titles (“Secretary of State Marco Rubio” -> title “Secretary of State”, name
“Marco Rubio”), and guessing whether a name is a person and which pronoun fits it. It is
deliberately small: the actors engine does real entity work; attribution only needs
“who is the nearest person a *he* or *the president* can point back to”.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, NamedTuple

from reader.core.models import Span
from reader.core.quote_lexicon import (
    FEMALE_WORDS,
    LEADING_CAPS,
    MALE_WORDS,
    ORG_WORDS,
    PERSON_ROLES,
    TITLES,
)
from reader.core.word_lists import load_words

__all__ = ["Gender", "NameMention", "find_names", "gender_of", "is_title", "split_title"]

Gender = Literal["m", "f", "?"]
NameKind = Literal["person", "org", "other"]

# A capitalised run, joined over spaces (never newlines) and name particles.
_RUN_RE = re.compile(
    r"[A-Z][\w’'.&-]*(?:[^\S\n]+(?:(?:of|de|da|van|von|bin|al|la|le|del|der|di|du|dos|el)"
    r"[^\S\n]+)?[A-Z][\w’'.&-]*)*"
)
_TOKEN_RE = re.compile(r"\S+")
_ABBREV_RE = re.compile(
    r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Mt|Ft)\."
)
_ROLE_BEFORE_RE = re.compile(r"([a-z][a-z-]+)[^\S\n]+$")
_APPOSITIVE_RE = re.compile(
    r",[^\S\n]+(?:the[^\S\n]+|a[^\S\n]+|an[^\S\n]+)?([^,.;:\n]{1,60}?)[,.;]"
)
# A name followed by role words and another name: “Trump campaign chairman Paul Manafort”.
_MODIFIER_RE = re.compile(r"[^\S\n]+((?:[a-z-]+[^\S\n]+){1,3})[A-Z]")
_GEO_PREFIX = frozenset(
    "new north south east west saudi hong los las san santa sri el costa united great "
    "middle latin european soviet northern southern eastern western central".split()
)
_ADJECTIVE_ENDINGS = ("ican", "ian", "ean", "ese", "ish", "ic", "ern")
_HONORIFICS = frozenset("mr mrs ms miss dr".split())
_POSSESSIVE = ("’s", "'s", "’", "'")


class NameMention(NamedTuple):
    """One capitalised name in the text (a named tuple: many are built per article).

    Attributes:
        span: Offsets of the name without its titles (``Marco Rubio``).
        name: The name's surface text.
        key: Lowercased last token, used to match later mentions (``rubio``).
        kind: ``person``, ``org`` or ``other`` (a single unknown word, often a place).
        gender: ``m``, ``f`` or ``?``.
        roles: Lowercased title and role words seen with the name (``secretary``).
        modifier: The name only modifies another noun (``Zelenskyy’s chief of staff``,
            ``Trump campaign chairman Paul Manafort``), so a pronoun cannot point to it.
        description: A definite role description (``the Ohio governor``), not a name;
            ``key`` is its role word.
        introduced: The name is followed by a role appositive (``Henry Crespo,
            president of …``): how news text introduces the person it goes on to quote.
    """

    span: Span
    name: str
    key: str
    kind: NameKind
    gender: Gender
    roles: frozenset[str]
    modifier: bool = False
    description: bool = False
    introduced: bool = False


def gender_of(words: Sequence[str]) -> Gender:
    """Guess a gender from titles, roles and first names (lowercased words).

    Args:
        words: Lowercased titles, roles and the first name.

    Returns:
        ``m``, ``f`` or ``?`` when no word decides.
    """
    for word in words:
        if word in MALE_WORDS:
            return "m"
        if word in FEMALE_WORDS:
            return "f"
    return "?"


def _is_abbreviation(token: str) -> bool:
    return bool(_ABBREV_RE.fullmatch(token))


def is_title(token: str) -> bool:
    """Whether a word is a title or role that precedes a name (``Chairman``, ``Rep.``)."""
    low = token.lower()
    return low in TITLES or low.rstrip(".") in TITLES


def split_title(tokens: Sequence[str]) -> int:
    """Index of the first name token after leading titles (0 when there is no title).

    ``["Secretary", "of", "State", "Marco", "Rubio"]`` -> 3. The last title word wins, so
    adjectives before a title (``Russian President``) are part of the title. A run made
    only of titles (``U.S. Secretary of State``) gives ``len(tokens)``.

    Args:
        tokens: The words of a capitalised run.

    Returns:
        The index where the name proper starts.
    """
    if tokens and is_title(tokens[-1]):
        # A surname that is also a title word: “Mr. King” (the honorific is the title),
        # “Charlie King” (a first name before it).
        before = tokens[-2].lower().rstrip(".") if len(tokens) > 1 else ""
        if before in _HONORIFICS:
            return len(tokens) - 1
        if before in load_words("first_names.txt"):
            return len(tokens) - 2
        return len(tokens)  # “Foreign Minister”, “U.S. Secretary of State”: no name
    last = -1
    for i, token in enumerate(tokens[:-1]):
        if is_title(token):
            last = i
    if last < 0:
        return 0
    start = last + 1
    if start < len(tokens) and tokens[start] == "of":
        start += 2
    return min(start, len(tokens))


def _runs(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Token offsets of the capitalised runs in ``text[start:end]``, cut at sentence ends."""
    runs: list[list[tuple[int, int]]] = []
    for match in _RUN_RE.finditer(text, start, end):
        word = match.group()
        if " " not in word and word.lower() in LEADING_CAPS:
            continue  # fast path: a lone sentence-initial word such as “The”
        current: list[tuple[int, int]] = []
        for tok in _TOKEN_RE.finditer(text, match.start(), match.end()):
            s, e = tok.span()
            word = text[s:e]
            possessive = word.endswith(_POSSESSIVE) and len(word) > 2
            if possessive:
                e -= 2 if word.endswith(("’s", "'s")) else 1
            elif word.endswith(".") and not _is_abbreviation(word):
                current.append((s, e - 1))  # a sentence-final full stop ends the run
                runs.append(current)
                current = []
                continue
            elif word.endswith((",", ";", ":")):
                e -= 1
            current.append((s, e))
            if possessive or text[e : e + 1] in (",", ";", ":"):
                runs.append(current)
                current = []
        if current:
            runs.append(current)
    return runs


def _classify(
    text: str, tokens: list[tuple[int, int]], known: dict[str, NameMention]
) -> NameMention | None:
    words = [text[s:e] for s, e in tokens]
    while words and words[0].lower() in LEADING_CAPS:
        words.pop(0)
        tokens = tokens[1:]
    while words and words[-1].lower() in LEADING_CAPS:
        words.pop()  # “Vladimir Putin Tuesday”
        tokens = tokens[:-1]
    if not words:
        return None
    cut = split_title(words)
    if cut >= len(words):
        return None  # a bare title names nobody
    titles = [w.lower().rstrip(".") for w in words[:cut]]
    name_words = words[cut:]
    lowered = [w.lower() for w in name_words]
    start = tokens[cut][0]
    roles = set(titles)
    before = _ROLE_BEFORE_RE.search(text, max(0, start - 30), start)
    if before and before.group(1) in PERSON_ROLES:
        roles.add(before.group(1))
    kind: NameKind
    acronym = name_words[-1].isalpha() and name_words[-1].isupper() and len(name_words[-1]) > 1
    if (not titles and acronym) or any(
        w.lower() in ORG_WORDS for w in (name_words if titles else words)
    ):  # “DNC”, “Former DNC”, “Fox News”: an organisation
        kind = "org"
        start = tokens[0][0]
        name_words = words
        roles = set()
    elif not titles and len(lowered) > 1 and " ".join(lowered) in load_words("places.txt"):
        kind = "other"  # “North Korea”, “N. Korea”: a place, whatever it does in the sentence
    elif (
        titles
        or roles
        or lowered[0] in MALE_WORDS
        or lowered[0] in FEMALE_WORDS
        or (
            len(name_words) > 1
            and lowered[0] not in _GEO_PREFIX
            and not lowered[0].endswith(_ADJECTIVE_ENDINGS)  # “Hispanic Americans”
        )
        or (lowered[-1] in known and known[lowered[-1]].kind == "person")
    ):
        kind = "person"
    else:
        kind = "other"
    end = tokens[-1][1]
    introduced = False
    if kind == "person":
        after = _APPOSITIVE_RE.match(text, end, end + 80)
        if after:
            head = next((w for w in after.group(1).lower().split()[:4] if w in PERSON_ROLES), None)
            if head is not None:
                roles.add(head)
                introduced = True
    key = lowered[-1] if kind != "org" else " ".join(w.lower() for w in name_words)
    gender = gender_of([*titles, *sorted(roles), lowered[0]]) if kind == "person" else "?"
    if gender == "?" and key in known:
        gender = known[key].gender
    modifier = text[end : end + 1] in ("’", "'")
    if not modifier:
        then = _MODIFIER_RE.match(text, end, end + 40)
        modifier = then is not None and any(
            w in PERSON_ROLES or w == "campaign" for w in then.group(1).split()
        )
    return NameMention(
        Span(start, end),
        text[start:end],
        key,
        kind,
        gender,
        frozenset(roles),
        modifier,
        introduced=introduced,
    )


def find_names(text: str, start: int, end: int, skip: Sequence[Span]) -> list[NameMention]:
    """Find the names in ``text[start:end]`` that lie outside the ``skip`` spans.

    Args:
        text: The full text.
        start: Where to start looking.
        end: Where to stop looking.
        skip: Sorted spans to ignore (quotes: names inside them are not the speaker).

    Returns:
        The name mentions in order. A single word that was earlier the last word of a
        person's name (``Putin`` after ``Vladimir Putin``) counts as that person and
        inherits its gender and roles.
    """
    known: dict[str, NameMention] = {}
    found: list[NameMention] = _descriptions(text, start, end, skip)
    k = 0
    for tokens in _runs(text, start, end):
        while k < len(skip) and skip[k].end <= tokens[0][0]:
            k += 1
        if k < len(skip) and skip[k].start <= tokens[0][0]:
            continue
        mention = _classify(text, tokens, known)
        if mention is None:
            continue
        if mention.kind == "person":
            previous = known.get(mention.key)
            if previous is not None and previous.kind == "person":
                mention = NameMention(
                    mention.span,
                    mention.name,
                    mention.key,
                    "person",
                    mention.gender if mention.gender != "?" else previous.gender,
                    mention.roles | previous.roles,
                    mention.modifier,
                )
            known[mention.key] = mention
        elif mention.key not in known:
            known[mention.key] = mention
        found.append(mention)
    found.sort(key=lambda m: m.span.start)
    return found


_ROLE_ALTERNATION = "|".join(sorted(PERSON_ROLES))
_DESCRIPTION_RE = re.compile(
    r"\b[Tt]he[^\S\n]+(?:[\w.’'-]+[^\S\n]+){0,3}?(" + _ROLE_ALTERNATION + r")\b"
    r"(?![^\S\n]+[A-Z])"
)


def _descriptions(text: str, start: int, end: int, skip: Sequence[Span]) -> list[NameMention]:
    """Definite role descriptions (“the Ohio governor”) outside the ``skip`` spans."""
    found: list[NameMention] = []
    k = 0
    for match in _DESCRIPTION_RE.finditer(text, start, end):
        while k < len(skip) and skip[k].end <= match.start():
            k += 1
        if k < len(skip) and skip[k].start <= match.start():
            continue
        role = match.group(1)
        found.append(
            NameMention(
                Span(match.start(), match.end()),
                match.group(),
                role,
                "person",
                gender_of([role]),
                frozenset({role}),
                description=True,
            )
        )
    return found
