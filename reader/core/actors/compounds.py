"""Hyphenated name compounds: "the Putin-Witkoff summit" names Putin and Witkoff.

The tokenizer keeps hyphenated words whole, as CoNLL does ("Ben-Elissar", "Rolls-Royce"),
so the tagger reads such a compound as one name or as no name at all. A compound is split
into its people only on evidence from the article: one of its parts is the one-word name
or the family name of a person found elsewhere in it. Then every capitalised part that is
no known place and no ordinary word is a person too ("Zelensky-Macron talks" with only
Macron named elsewhere), and lower-case parts are left out ("a Bush-era rule").
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection, Sequence

from reader.core.models import Mention, Span

_COMPOUND_RE = re.compile(r"(?<![\w'’-])[A-Z]\w+(?:-[^\W\d_]\w*)+(?![\w-])")
_POSSESSIVE_RE = re.compile(r"(?:['’][sS]|['’])$")


def split_compounds(
    text: str,
    mentions: Sequence[Mention],
    places: Collection[str],
    common_words: Collection[str],
) -> list[Mention]:
    """The mentions with each hyphenated compound of people split into one mention each.

    Args:
        text: The article's cleaned text.
        mentions: Its mentions, sorted and disjoint.
        places: Lower-cased known place names.
        common_words: Lower-cased words mostly written lower case.

    Returns:
        The mentions, still sorted and disjoint. A compound inside a longer mention
        ("Iain Duncan-Smith", a double-barrelled name) is left alone.
    """
    people = _one_word_people(mentions)
    if not people:
        return list(mentions)
    kept = list(mentions)
    for found in _COMPOUND_RE.finditer(text):
        parts = _parts(found.group(), found.start())
        if not any(word in people for word, _ in parts):
            continue
        span = Span(found.start(), found.end())
        inside = [m for m in kept if m.span.start < span.end and span.start < m.span.end]
        if any(not span.contains(m.span) for m in inside):
            continue
        named = [
            Mention(Span(start, start + len(word)), sys.intern(word), "person")
            for word, start in parts
            if word in people
            or (word[:1].isupper() and word.lower() not in places
                and word.lower() not in common_words)
        ]
        kept = [m for m in kept if m not in inside] + named
    return sorted(kept, key=lambda m: m.span)


def _one_word_people(mentions: Sequence[Mention]) -> set[str]:
    """One-word person names and family names of the article's people, not compounds."""
    people: set[str] = set()
    for m in mentions:
        if m.kind == "person" and "-" not in m.text:
            people.add(_POSSESSIVE_RE.sub("", m.text.split()[-1]))
    people.discard("")
    return people


def _parts(compound: str, start: int) -> list[tuple[str, int]]:
    """The words of a hyphenated compound with their offsets."""
    out: list[tuple[str, int]] = []
    at = start
    for word in compound.split("-"):
        out.append((word, at))
        at += len(word) + 1
    return out
