"""A light proper-name finder for quote attribution (internal to the quotes engine).

This module owns finding capitalised name sequences in running text, splitting off
their titles (“Secretary of State Marco Rubio” -> title “Secretary of State”, name
“Marco Rubio”), and guessing whether a name is a person and which pronoun fits it. It is
deliberately small: the actors engine does real entity work; attribution only needs
“who is the nearest person a *he* or *the president* can point back to”.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Literal, NamedTuple

from reader.core.models import Span
from reader.core.quotes.lexicon import (
    FEMALE_WORDS,
    LEADING_CAPS,
    MALE_WORDS,
    ORG_WORDS,
    PERSON_ROLES,
    TITLES,
)
from reader.core.quotes.word_patterns import word_alternation
from reader.core.text import load_words

__all__ = ["Gender", "NameMention", "gender_of", "is_title", "iter_names", "split_title"]

Gender = Literal["m", "f", "?"]
NameKind = Literal["person", "org", "other"]

# A capitalised run, joined over spaces (never newlines) and name particles.
_RUN_RE = re.compile(  # group 1: the words after the first (empty for a one-word run)
    r"[A-Z][\w’'.&-]*((?:[^\S\n]+(?:(?:of|de|da|van|von|bin|al|la|le|del|der|di|du|dos|el)"
    r"[^\S\n]+)?[A-Z][\w’'.&-]*)*)"
)
_TOKEN_RE = re.compile(r"\S+")
# Reversed text: an optional line break, spaces, then the word before them.
_REVERSED_WORD_BEFORE_RE = re.compile(r"\n?[^\S\n]+([a-z-]+)")
_ABBREV_RE = re.compile(
    r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Mt|Ft)\."
)
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
_NO_ROLES: frozenset[str] = frozenset()


class NameMention(NamedTuple):
    """One capitalised name in the text (a named tuple: many are built per article).

    Attributes:
        start: Offset of the name without its titles (``Marco Rubio``).
        end: Offset one past the name.
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

    start: int
    end: int
    name: str
    key: str
    kind: NameKind
    gender: Gender
    roles: frozenset[str]
    modifier: bool = False
    description: bool = False
    introduced: bool = False

    @property
    def span(self) -> Span:
        """The name's offsets as a ``Span`` (built on demand: most mentions never need one)."""
        return Span(self.start, self.end)


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
    return _is_lower_title(token.lower())


def _is_lower_title(low: str) -> bool:
    return low in TITLES or (low.endswith(".") and low.rstrip(".") in TITLES)


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
    return _title_cut(tokens, [t.lower() for t in tokens])


def _title_cut(tokens: Sequence[str], lows: Sequence[str]) -> int:
    """``split_title`` for words already lower-cased once (``lows``)."""
    if tokens and _is_lower_title(lows[-1]):
        # A surname that is also a title word: “Mr. King” (the honorific is the title),
        # “Charlie King” (a first name before it).
        before = lows[-2].rstrip(".") if len(tokens) > 1 else ""
        if before in _HONORIFICS:
            return len(tokens) - 1
        if before in load_words("first_names.txt"):
            return len(tokens) - 2
        return len(tokens)  # “Foreign Minister”, “U.S. Secretary of State”: no name
    last = -1
    for i in range(len(tokens) - 1):
        if _is_lower_title(lows[i]):
            last = i
    if last < 0:
        return 0
    start = last + 1
    if start < len(tokens) and tokens[start] == "of":
        start += 2
    return min(start, len(tokens))


def _runs(text: str, end: int) -> Iterator[list[tuple[int, int]]]:
    """Token offsets of the capitalised runs in ``text[:end]``, cut at sentence ends."""
    for match in _RUN_RE.finditer(text, 0, end):
        word = match.group()
        if not match.group(1):
            # Most runs are one word: the loop below, unrolled for one span.
            if word.lower() in LEADING_CAPS:
                continue  # a lone sentence-initial word such as “The”
            start, stop = match.span()
            if word.endswith(_POSSESSIVE) and len(word) > 2:
                stop -= 2 if word.endswith(("’s", "'s")) else 1
            elif word.endswith(".") and not _is_abbreviation(word):
                stop -= 1  # a sentence-final full stop
            yield [(start, stop)]
            continue
        spans = [tok.span() for tok in _TOKEN_RE.finditer(text, match.start(), match.end())]
        current: list[tuple[int, int]] = []
        for s, e in spans:
            word = text[s:e]
            possessive = word.endswith(_POSSESSIVE) and len(word) > 2
            if possessive:
                e -= 2 if word.endswith(("’s", "'s")) else 1
            elif word.endswith(".") and not _is_abbreviation(word):
                current.append((s, e - 1))  # a sentence-final full stop ends the run
                yield current
                current = []
                continue
            current.append((s, e))
            if possessive:
                yield current
                current = []
        if current:
            yield current


def _word_before(text: str, lo: int, end: int) -> str:
    """The lower-case word (a-z and hyphens, two or more) and spaces just before ``end``.

    Read back no further than ``lo``; a line break right before ``end`` is stepped over,
    one inside the spaces is not. Returns "" when there is no such word.
    """
    if end - lo >= 2 and text[end - 1] == " ":
        before = text[end - 2]  # the common case, one space after a non-word: no word
        if not ("a" <= before <= "z" or before == "-" or before.isspace()):
            return ""
    # Matched on the window reversed: a pattern anchored at ``end`` would be tried
    # from every start in the window.
    found = _REVERSED_WORD_BEFORE_RE.match(text[lo:end][::-1])
    if found is None:
        return ""
    word = found.group(1)[::-1].lstrip("-")
    return word if len(word) >= 2 and "a" <= word[0] <= "z" else ""


class _Shape(NamedTuple):
    """What the words of a capitalised run say about it on their own, without context."""

    first: int  # index of the first word kept (a leading “The” is dropped)
    last: int  # one past the last word kept (a trailing “Tuesday” is dropped)
    cut: int  # where the name starts among the kept words, after its titles
    titles: tuple[str, ...]  # lowercased, without full stops
    kind: NameKind | None  # None: a person only if a role word or an earlier mention says so
    key: str
    first_word: str  # lowercased first word of the name (a first name decides a gender)


@lru_cache(maxsize=4096)  # holds the recurring names: 17,251 hits of 17,525 possible on BBC
def _shape(words: tuple[str, ...]) -> _Shape | None:
    """The context-free part of classifying a run (cached: names recur across texts).

    Returns None for a run that names nobody (only leading words or titles).
    """
    lows = [w.lower() for w in words]
    first, last = 0, len(words)
    while first < last and lows[first] in LEADING_CAPS:
        first += 1
    while last > first and lows[last - 1] in LEADING_CAPS:
        last -= 1  # “Vladimir Putin Tuesday”
    if first == last:
        return None
    kept, lows = words[first:last], lows[first:last]
    cut = _title_cut(kept, lows)
    if cut >= len(kept):
        return None  # a bare title names nobody
    titles = tuple([w.rstrip(".") for w in lows[:cut]]) if cut else ()
    name_words, lowered = kept[cut:], lows[cut:]
    acronym = name_words[-1].isalpha() and name_words[-1].isupper() and len(name_words[-1]) > 1
    if (not titles and acronym) or not ORG_WORDS.isdisjoint(lowered if titles else lows):
        # “DNC”, “Former DNC”, “Fox News”: an organisation, named by the whole run
        return _Shape(first, last, 0, titles, "org", " ".join(lows), lowered[0])
    kind: NameKind | None = None
    if not titles and len(lowered) > 1 and " ".join(lowered) in load_words("places.txt"):
        kind = "other"  # “North Korea”, “N. Korea”: a place, whatever it does in the sentence
    elif (
        titles
        or lowered[0] in MALE_WORDS
        or lowered[0] in FEMALE_WORDS
        or (
            len(name_words) > 1
            and lowered[0] not in _GEO_PREFIX
            and not lowered[0].endswith(_ADJECTIVE_ENDINGS)  # “Hispanic Americans”
        )
    ):
        kind = "person"
    return _Shape(first, last, cut, titles, kind, lowered[-1], lowered[0])


def _classify(
    text: str, tokens: list[tuple[int, int]], known: dict[str, NameMention]
) -> NameMention | None:
    """The mention a capitalised run makes, given the persons named before it (``known``).

    Only a person's gender, roles and modifier use are ever asked for, so an
    organisation or other name (two runs in three) is built without them.
    """
    if len(tokens) == 1:
        first_start, first_end = tokens[0]
        shape = _shape((text[first_start:first_end],))
    else:
        shape = _shape(tuple([text[s:e] for s, e in tokens]))
    if shape is None:
        return None
    start, end = tokens[shape.first + shape.cut][0], tokens[shape.last - 1][1]
    key = shape.key
    kind = shape.kind
    if kind == "org" or kind == "other":
        return NameMention(start, end, text[start:end], key, kind, "?", _NO_ROLES)
    before = _word_before(text, max(0, start - 30), start)
    role_before = before in PERSON_ROLES
    if kind is None and not role_before and key not in known:
        return NameMention(start, end, text[start:end], key, "other", "?", _NO_ROLES)
    roles = set(shape.titles)
    if role_before:
        roles.add(before)
    introduced = False
    after = _APPOSITIVE_RE.match(text, end, end + 80)
    if after:
        head = next((w for w in after.group(1).lower().split()[:4] if w in PERSON_ROLES), None)
        if head is not None:
            roles.add(head)
            introduced = True
    gender = gender_of([*shape.titles, *sorted(roles), shape.first_word])
    if gender == "?" and key in known:
        gender = known[key].gender
    modifier = text[end : end + 1] in ("’", "'")
    if not modifier:
        then = _MODIFIER_RE.match(text, end, end + 40)
        modifier = then is not None and any(
            w in PERSON_ROLES or w == "campaign" for w in then.group(1).split()
        )
    return NameMention(
        start,
        end,
        text[start:end],
        key,
        "person",
        gender,
        frozenset(roles),
        modifier,
        introduced=introduced,
    )


def iter_names(text: str, end: int, skip: Sequence[Span]) -> Iterator[NameMention]:
    """Find the names in ``text[:end]`` that lie outside the ``skip`` spans, lazily.

    A generator, so a caller that only needs the names before some offset does not pay
    for the rest of the text.

    Args:
        text: The full text.
        end: Where to stop looking.
        skip: Sorted spans to ignore (quotes: names inside them are not the speaker).

    Yields:
        The name mentions in order of ``start`` (a description before a name that
        starts at the same offset). A single word that was earlier the last word of a
        person's name (``Putin`` after ``Vladimir Putin``) counts as that person and
        inherits its gender and roles.
    """
    known: dict[str, NameMention] = {}  # the latest mention of each person, by key
    descriptions = _descriptions(text, end, skip)
    description = next(descriptions, None)
    k = 0
    for tokens in _runs(text, end):
        while k < len(skip) and skip[k].end <= tokens[0][0]:
            k += 1
        if k < len(skip) and skip[k].start <= tokens[0][0]:
            continue
        mention = _classify(text, tokens, known)
        if mention is None:
            continue
        if mention.kind == "person":
            previous = known.get(mention.key)
            if previous is not None:
                mention = NameMention(
                    mention.start,
                    mention.end,
                    mention.name,
                    mention.key,
                    "person",
                    mention.gender if mention.gender != "?" else previous.gender,
                    mention.roles | previous.roles,
                    mention.modifier,
                )
            known[mention.key] = mention
        while description is not None and description.start <= mention.start:
            yield description
            description = next(descriptions, None)
        yield mention
    while description is not None:
        yield description
        description = next(descriptions, None)


_DESCRIPTION_RE = re.compile(
    # The pattern opens with the literal “he” so the regex engine can jump from one “he”
    # to the next; the look-behind then asks for the “T” or “t” of a word start before
    # it (a match starts one character after the description does).
    r"he(?<=(?<!\w)[Tt]he)[^\S\n]+(?:[\w.’'-]+[^\S\n]+){0,3}?("
    + word_alternation(PERSON_ROLES)
    + r")\b(?![^\S\n]+[A-Z])"
)


def _descriptions(text: str, end: int, skip: Sequence[Span]) -> Iterator[NameMention]:
    """Definite role descriptions (“the Ohio governor”) in ``text[:end]``, outside ``skip``."""
    k = 0
    for match in _DESCRIPTION_RE.finditer(text, 0, end):
        start = match.start() - 1
        while k < len(skip) and skip[k].end <= start:
            k += 1
        if k < len(skip) and skip[k].start <= start:
            continue
        role = match.group(1)
        yield NameMention(
            start,
            match.end(),
            text[start : match.end()],
            role,
            "person",
            gender_of([role]),
            frozenset({role}),
            description=True,
        )
