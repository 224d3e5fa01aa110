"""People across stories for ``merge_actors``: merged on strong evidence, else suggested.

Inside a story ``reader.core.actors.linking`` links surnames, titles and spelling variants.
Across stories the bar is higher, because a corpus holds namesakes: two people of one
name in unrelated stories (a footballer and a defendant called John Smith) are common, and
near-spellings (Robbie/Robin Williams, David Davis/Davies) are usually two people. The rule:

* Two story-level people become one only when they share a normalised full name (folded
  given name and family name, suffix alike: "George W Bush" = "George Bush", "Zelenskyy" =
  "Zelensky") AND at least one piece of evidence: a shared role (its head noun: "Arsenal
  striker" and "Striker"), or a shared distinctive co-occurring actor, named in articles
  of both: a person's full name or an organisation that at most 10% of the corpus's
  articles name, or a place that at most 2% name ("Gibraltar", not "London"). The same
  name alone is not enough, however famous.
* Everything weaker is reported, never merged, as a suggestion: the same full name
  without evidence, a given name a few letters apart (Robbie/Robin, Tom/Tommy) or a family
  name a few letters apart (Davis/Davies) with the same given name, and a lone surname
  ("Bush") of a story with no full name for it, towards the largest people of that family
  name in other stories.

Measured on the 2,225 BBC articles in 1,262 stories (``benchmarks/audit_story_actors.py``):
one-word mentions linked to a full name found only in other stories fall from 710 to 0,
people with two given names from 33 to 19 (the rest are typos inside one story: Steve/
Steven Gerrard). With people and organisations up to 2% of articles as the only evidence,
441 full names stayed split over several actors (Tony Blair in a politics story naming
only Labour and Gordon Brown, both too common); with 10% and rare places, 305, most of
them in articles that name nobody else. Those are suggested, not merged.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from reader.core.actors.linking import Flat, Sets
from reader.core.actors.names import (
    fold,
    key,
    person_parts,
    royal_title,
    similar_family,
    similar_given,
)

# A co-occurring actor named in more than this share of the articles ("BBC", "UK" in
# the BBC corpus) says nothing about which of two namesakes is meant; places are named far
# more often than people, so their bar is lower ("London" is in more than 2% of articles).
_DISTINCTIVE_SHARE = 0.1
_DISTINCTIVE_PLACE_SHARE = 0.02
# ... but in a small corpus every actor is rare: below this many articles, all count.
_DISTINCTIVE_FLOOR = 3
# Per group of namesakes or near-names: pairs among its first few clusters, not all.
_MAX_SUGGESTIONS = 3

Name = tuple[str, str, str]  # folded given name, folded family name, suffix


def _name(text: str) -> Name | None:
    """A full name's normalised key, or None for a lone word or an initial ("J Yapp")."""
    parts, suffix = person_parts(text)
    given = fold(parts[0])
    if len(parts) < 2 or len(given) <= 1:
        return None
    return given, fold(parts[-1]), suffix


def link_across_stories(flat: Flat, full: list[int], short: list[int],
                        sets: Sets) -> list[tuple[int, int]]:
    """Join people of different stories on strong evidence; return weak links.

    Args:
        flat: The corpus's mentions.
        full: Person mentions of two words or more.
        short: One-word person mentions.
        sets: The story-level clusters, joined in place.

    Returns:
        Pairs of mentions whose clusters may be one person (suggestions), each once.
    """
    # Lists of roots per name rather than sets of names per root: a few MB less at the
    # peak for 10,000 articles.
    by_name: dict[Name, list[int]] = defaultdict(list)
    for n in full:
        if (name := _name(flat.mention[n].text)) is not None:
            by_name[name].append(sets.find(n))
    for name, roots in by_name.items():
        by_name[name] = list(dict.fromkeys(roots))
    shared = {name: roots for name, roots in by_name.items()
              if len(roots) > 1 and len({flat.story(r) for r in roots}) > 1}
    suggestions: list[tuple[int, int]] = []
    if shared:
        context = _Context(flat, sets, {r for roots in shared.values() for r in roots})
        for name, roots in shared.items():
            first: dict[int, int] = {}
            for root in roots:
                for token in context.evidence(root, name):
                    if token in first:
                        sets.union(first[token], root)
                    else:
                        first[token] = root
            suggestions += _apart([roots], sets)
    suggestions += _apart(_near_names(by_name, flat), sets)
    suggestions += _lone_surnames(flat, full, short, sets, by_name)
    return suggestions


class _Context:
    """The roles and co-occurring actors of the clusters that share a name across stories.

    Actors and roles are numbered, and each article's actors kept as one tuple of numbers:
    for 10,000 articles, sets of strings per article and per cluster held about 60 MB at
    the merge's peak.
    """

    def __init__(self, flat: Flat, sets: Sets, candidates: set[int]) -> None:
        self._ids: dict[str, int] = {}
        self._docs: dict[int, list[int]] = defaultdict(list)
        self._roles: dict[int, set[int]] = defaultdict(set)
        for n, kind in enumerate(flat.kind):
            if kind != "person" or (root := sets.find(n)) not in candidates:
                continue
            docs = self._docs[root]
            if not docs or docs[-1] != flat.doc[n]:  # mentions come in document order
                docs.append(flat.doc[n])
            if role := flat.mention[n].role:
                # The head noun: "Arsenal striker" and "Striker" are one role.
                self._roles[root].add(self._id("role:" + role.lower().split()[-1]))
        wanted = {d for docs in self._docs.values() for d in docs}
        self._actors: dict[int, tuple[int, ...]] = {}
        frequency: Counter[int] = Counter()
        places: set[int] = set()
        here: set[int] = set()
        current = -1
        for doc, m, kind in zip(flat.doc, flat.mention, flat.kind, strict=True):
            if doc != current:  # one article at a time: no (article, actor) table
                self._close(current, here, wanted, frequency)
                here, current = set(), doc
            if (token := _actor_token(m.text, kind)) is not None:
                here.add(self._id(token))
                if kind == "place":
                    places.add(self._ids[token])
        self._close(current, here, wanted, frequency)
        cap = max(_DISTINCTIVE_FLOOR, _DISTINCTIVE_SHARE * len(flat.doc_story))
        place_cap = max(_DISTINCTIVE_FLOOR, _DISTINCTIVE_PLACE_SHARE * len(flat.doc_story))
        self._distinctive = {
            t for t, count in frequency.items() if count <= (place_cap if t in places else cap)
        }

    def _id(self, token: str) -> int:
        return self._ids.setdefault(token, len(self._ids))

    def _close(self, doc: int, here: set[int], wanted: set[int],
               frequency: Counter[int]) -> None:
        frequency.update(here)
        if doc in wanted:
            self._actors[doc] = tuple(here)

    def evidence(self, root: int, name: Name) -> set[int]:
        """A cluster's roles and distinctive co-occurring actors, ``name`` left out."""
        own = self._ids.get("person:" + " ".join(name[:2]))
        found = set(self._roles.get(root, ()))
        for doc in self._docs.get(root, ()):
            found.update(t for t in self._actors[doc] if t in self._distinctive and t != own)
        return found


def _actor_token(text: str, kind: str) -> str | None:
    """A mention as a co-occurring actor: a person's full name, a body's or place's key."""
    if kind == "person":
        name = _name(text)
        return None if name is None else "person:" + " ".join(name[:2])
    return f"{kind}:{key(text)}"


def _near_names(by_name: dict[Name, list[int]], flat: Flat) -> list[list[int]]:
    """Groups of clusters whose full names are a few letters apart, across stories."""
    groups: list[list[int]] = []
    ordered = sorted(by_name, key=lambda name: (name[1], name[0], name[2]))
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            b = ordered[j]
            if b[1][:3] != a[1][:3]:
                break  # sorted by family name: similar ones share their first letters
            if a[2] != b[2]:
                continue
            same_family = a[1] == b[1]
            if (same_family and similar_given(a[0], b[0])) or (
                not same_family and a[0] == b[0] and similar_family(a[1], b[1])
            ):
                roots = by_name[a] + by_name[b]
                if len({flat.story(r) for r in roots}) > 1:
                    groups.append(roots)
    return groups


def _apart(groups: list[list[int]], sets: Sets) -> list[tuple[int, int]]:
    """Pairs of the still separate clusters of each group, the first few in corpus order."""
    pairs: list[tuple[int, int]] = []
    for roots in groups:
        distinct = list(dict.fromkeys(sets.find(r) for r in roots))
        for i, a in enumerate(distinct[:_MAX_SUGGESTIONS + 1]):
            pairs += [(a, b) for b in distinct[i + 1 : _MAX_SUGGESTIONS + 1]]
    return pairs


def _lone_surnames(flat: Flat, full: list[int], short: list[int], sets: Sets,
                   by_name: dict[Name, list[int]]) -> list[tuple[int, int]]:
    """A story's one-word surname with no full name there, to full names in other stories.

    Words that name more clusters as a given name than as a family name ("David") are
    left out, as inside a story: they would point at every David.
    """
    family: dict[str, set[int]] = defaultdict(set)
    as_given: Counter[str] = Counter()
    for name, roots in by_name.items():
        as_given[name[0]] += len(roots)
        if not name[2]:
            family[name[1]].update(roots)
    size: Counter[int] = Counter(sets.find(n) for n in full)
    pairs: list[tuple[int, int]] = []
    done: set[int] = set()
    for n in short:
        root = sets.find(n)
        if root in size or root in done or royal_title(flat.mention[n].text):
            continue
        done.add(root)
        word = fold(person_parts(flat.mention[n].text)[0][0])
        if as_given[word] > len(family.get(word, ())):
            continue
        story = flat.story(n)
        others = {sets.find(r) for r in family.get(word, ()) if flat.story(r) != story}
        ranked = sorted(others, key=lambda r: (-size[r], r))
        pairs += [(root, r) for r in ranked[:_MAX_SUGGESTIONS]]
    return pairs
