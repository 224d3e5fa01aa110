"""Corpus-wide actor kinds: one kind per name, from the tagger's votes across articles.

The tagger decides each mention alone; across a corpus the same name gets several kinds.
The vote per name is corrected where it is known to be weak: family names of people stay
people, a lone word never part of a person's name is a place or body, and a company whose
bare name the tagger mostly reads as a place ("Sony") is a body, by the bodies' names it
heads in the corpus.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from reader.core.actors.entities import is_common_word, is_given_name, is_known_place
from reader.core.actors.names import key, person_parts
from reader.core.models import ActorKind, Mention

# Metonymic institutions the tagger often calls places: they act, so they are bodies.
_INSTITUTIONS = frozenset({"kremlin", "white house", "pentagon", "downing street", "elysee"})
KIND_ORDER: dict[ActorKind, int] = {"person": 0, "place": 1, "organisation": 2}
# How many bodies' names a word must head before its own mentions count as a body's.
_MIN_BODIES_LED = 3


def resolve_kinds(documents: Sequence[tuple[str, Sequence[Mention]]]) -> list[list[ActorKind]]:
    """One kind per mention: corpus vote per name, persons' surnames stay persons, and
    a company's name is a body even where the tagger reads it as a place or person."""
    votes: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    for _, mentions in documents:
        for m in mentions:
            votes[key(m.text)][m.kind] += 1
    surnames: set[str] = set()
    name_words: set[str] = set()
    for _, mentions in documents:
        for m in mentions:
            parts, _ = person_parts(m.text)
            if len(parts) > 1 and votes[key(m.text)].most_common(1)[0][0] == "person":
                surnames.add(key(parts[-1]))
                name_words.update(key(p) for p in parts)
    firms = _firm_names(votes, surnames)
    kinds: list[list[ActorKind]] = []
    for _, mentions in documents:
        doc_kinds: list[ActorKind] = []
        for m in mentions:
            k = key(m.text)
            counts = votes[k]
            kind = min(counts, key=lambda c: (-counts[c], KIND_ORDER[c]))
            if k in _INSTITUTIONS or k in firms:
                kind = "organisation"
            elif " " not in k and k in surnames and 4 * counts["person"] >= counts.total():
                kind = "person"
            elif kind == "person" and counts["place"] and is_known_place(k):
                kind = "place"
            elif kind == "person" and " " not in k and k not in name_words:
                # A lone word that is never part of a person's full name anywhere, and
                # that the tagger also read as a place or body, is that ("Crimea").
                others: Counter[ActorKind] = Counter(
                    {c: n for c, n in counts.items() if c != "person"}
                )
                if others:
                    kind = min(others, key=lambda c: (-others[c], KIND_ORDER[c]))
            if kind == "person" and _firm_prefixed(m.text, firms):
                kind = "organisation"
            doc_kinds.append(kind)
        kinds.append(doc_kinds)
    return kinds


def _firm_names(votes: dict[str, Counter[ActorKind]], surnames: set[str]) -> set[str]:
    """One-word names that head the names of several bodies in the corpus ("Sony" in
    "Sony BMG", "Sony Pictures", "Sony Computer Entertainment"), more than they head
    places' or people's, and that the tagger itself sometimes calls a body: a company
    whose bare name it mostly reads as a place or person (a majority of weak votes).

    Known places, ordinary words ("World Bank"), short forms ("LA") and family names
    ("Fox" of "Liam Fox") are left to the vote.
    """
    heads: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    for k, counts in votes.items():
        parts = k.split()
        if len(parts) > 1:
            heads[parts[0]][counts.most_common(1)[0][0]] += 1
    firms: set[str] = set()
    for k, led in heads.items():
        if (
            k not in votes
            or led["organisation"] < _MIN_BODIES_LED
            or led["organisation"] <= led["place"] + led["person"]
            or 10 * votes[k]["organisation"] < votes[k].total()
            or len(k) <= 2
            or k in surnames
            or is_known_place(k)
            or is_common_word(k)
        ):
            continue
        firms.add(k)
    return firms


def _firm_prefixed(text: str, firms: set[str]) -> bool:
    """A person's name that starts with a company's ("Sony Ericsson"), not a given name."""
    parts, _ = person_parts(text)
    return len(parts) > 1 and key(parts[0]) in firms and not is_given_name(key(parts[0]))
