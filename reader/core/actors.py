"""Merge mentions into actors across a corpus, and look actors up for quote speakers.

People: full names cluster by family name (transliteration-folded, fuzzy) when their given
names agree (Dmitry/Dmitri, initials) and their suffixes match (Trump vs Trump Jr.);
surname-only and titled references ("Mr Zelensky", "Putin") then join the full name in the
same article, else the dominant full name with that surname in the corpus. Organisations and
places merge by folded name and alias, and an acronym joins its long form ("NATO").
The canonical name is the most complete form seen; an actor's role is its most common one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from reader.core.actor_names import (
    ALIASES,
    acronym,
    fold,
    is_acronym,
    key,
    person_parts,
    similar_family,
    similar_given,
    slug,
    words,
)
from reader.core.entities import is_known_place
from reader.core.models import Actor, ActorKind, Mention, Span

# Metonymic institutions the tagger often calls places: they act, so they are bodies.
_INSTITUTIONS = frozenset({"kremlin", "white house", "pentagon", "downing street", "elysee"})
_KIND_ORDER: dict[ActorKind, int] = {"person": 0, "place": 1, "organisation": 2}


class _Sets:
    """Union-find over integer ids."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        root = self.parent.setdefault(x, x)
        while root != self.parent[root]:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _resolve_kinds(documents: Sequence[tuple[str, Sequence[Mention]]]) -> list[list[ActorKind]]:
    """One kind per mention: corpus vote per name, persons' surnames stay persons."""
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
                surnames.add(fold(parts[-1]))
                name_words.update(fold(p) for p in parts)
    kinds: list[list[ActorKind]] = []
    for _, mentions in documents:
        doc_kinds: list[ActorKind] = []
        for m in mentions:
            k = key(m.text)
            counts = votes[k]
            kind = min(counts, key=lambda c: (-counts[c], _KIND_ORDER[c]))
            if k in _INSTITUTIONS:
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
                    kind = min(others, key=lambda c: (-others[c], _KIND_ORDER[c]))
            doc_kinds.append(kind)
        kinds.append(doc_kinds)
    return kinds


def merge_actors(
    documents: Sequence[tuple[str, Sequence[Mention]]],
) -> tuple[list[Actor], list[list[Mention]]]:
    """Merge every document's mentions into corpus-wide actors.

    Args:
        documents: ``(article_id, mentions)`` per article, mentions as detected.

    Returns:
        The actors (most mentioned first) and, per document in input order, its mentions
        with ``actor`` set to an actor id and ``kind`` made consistent with that actor.
    """
    kinds = _resolve_kinds(documents)
    flat: list[tuple[int, int, Mention, ActorKind]] = [
        (d, i, m, kinds[d][i]) for d, (_, ms) in enumerate(documents) for i, m in enumerate(ms)
    ]
    sets = _Sets()
    person_full: list[int] = []
    person_short: list[int] = []
    others: dict[tuple[ActorKind, str], int] = {}
    for n, (_, _, m, kind) in enumerate(flat):
        sets.find(n)
        if kind == "person":
            parts, _ = person_parts(m.text)
            (person_full if len(parts) > 1 else person_short).append(n)
        else:
            k = (kind, key(m.text))
            if k in others:
                sets.union(others[k], n)
            else:
                others[k] = n
    _merge_full_names(flat, person_full, sets)
    _link_short_names(flat, person_full, person_short, sets)
    _link_acronyms(flat, others, sets)
    return _build(documents, flat, sets)


def _merge_full_names(
    flat: list[tuple[int, int, Mention, ActorKind]], full: list[int], sets: _Sets
) -> None:
    """Cluster multi-word person names by family name and compatible given names."""
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n in full:
        parts, suffix = person_parts(flat[n][2].text)
        buckets[(fold(parts[-1]), suffix)].append(n)
    keys = sorted(buckets)
    # Transliterated family names (Peskov/Peskow) share a bucket group if similar.
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if b[0][:3] != a[0][:3]:
                break  # sorted keys: similar family names share their first letters
            if a[1] == b[1] and similar_family(a[0], b[0]):
                buckets[a].extend(buckets[b])
                buckets[b] = []
    for members in buckets.values():
        reps: list[int] = []
        initials: list[int] = []
        for n in members:
            given = person_parts(flat[n][2].text)[0][0]
            if len(fold(given)) <= 1:
                initials.append(n)
                continue
            for r in reps:
                if similar_given(given, person_parts(flat[r][2].text)[0][0]):
                    sets.union(r, n)
                    break
            else:
                reps.append(n)
        for n in initials:
            given = person_parts(flat[n][2].text)[0][0]
            roots = {
                sets.find(r)
                for r in reps
                if similar_given(given, person_parts(flat[r][2].text)[0][0])
            }
            if len(roots) == 1:
                sets.union(roots.pop(), n)


def _link_short_names(
    flat: list[tuple[int, int, Mention, ActorKind]], full: list[int], short: list[int], sets: _Sets
) -> None:
    """Join one-word person references to a full name: same article first, then corpus."""
    by_doc: dict[int, list[int]] = defaultdict(list)
    for n in full:
        by_doc[flat[n][0]].append(n)
    size: Counter[int] = Counter(sets.find(n) for n in full)
    corpus: dict[str, set[int]] = defaultdict(set)
    for n in full:
        parts, suffix = person_parts(flat[n][2].text)
        if not suffix:
            corpus[fold(parts[-1])].add(sets.find(n))
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for f in corpus:
        by_prefix[f[:3]].append(f)
    for n in short:
        doc, _, m, _ = flat[n]
        word = person_parts(m.text)[0][0]
        target = _pick_in_doc(flat, by_doc[doc], word, m.span, sets)
        if target is None and word.endswith("s"):
            target = _pick_in_doc(flat, by_doc[doc], word[:-1], m.span, sets)
        if target is None:
            prefix = fold(word)[:3]
            roots = {
                r for f in by_prefix.get(prefix, ()) if similar_family(f, word) for r in corpus[f]
            }
            roots = {sets.find(r) for r in roots}
            ranked = sorted(roots, key=lambda r: -size[r])
            # Why dominance: a bare "Smith" is only linked when one Smith clearly leads.
            if ranked and (len(ranked) == 1 or size[ranked[0]] >= 2 * size[ranked[1]]):
                target = ranked[0]
        if target is not None:
            sets.union(target, n)
    # Bare names never linked to a full name still merge with each other by spelling.
    full_roots = {sets.find(f) for f in full}
    loose: dict[str, int] = {}
    for n in short:
        if sets.find(n) in full_roots:
            continue
        k = fold(person_parts(flat[n][2].text)[0][0])
        if k in loose:
            sets.union(loose[k], n)
        else:
            loose[k] = n


def _pick_in_doc(
    flat: list[tuple[int, int, Mention, ActorKind]],
    candidates: list[int],
    word: str,
    span: Span,
    sets: _Sets,
) -> int | None:
    """The full name in this article whose family (or, if unique, given) name is ``word``."""
    family = [c for c in candidates if similar_family(person_parts(flat[c][2].text)[0][-1], word)]
    plain = [c for c in family if not person_parts(flat[c][2].text)[1]]
    family = plain or family
    if not family:
        given = {
            sets.find(c)
            for c in candidates
            if fold(person_parts(flat[c][2].text)[0][0]) == fold(word)
        }
        return given.pop() if len(given) == 1 else None
    roots = {sets.find(c) for c in family}
    if len(roots) == 1:
        return roots.pop()
    # Two people share the surname here: the nearest full name before the mention wins.
    before = [c for c in family if flat[c][2].span.start <= span.start]
    chosen = max(before, key=lambda c: flat[c][2].span.start) if before else family[0]
    return sets.find(chosen)


def _link_acronyms(
    flat: list[tuple[int, int, Mention, ActorKind]],
    others: dict[tuple[ActorKind, str], int],
    sets: _Sets,
) -> None:
    """Join acronyms to long names: introduced in parentheses, or unique initials."""
    long_forms: dict[str, set[int]] = defaultdict(set)
    for (kind, _), n in others.items():
        text = flat[n][2].text
        if kind == "organisation" and len(words(text)) > 1:
            long_forms[acronym(text)].add(n)
    previous: tuple[int, int] | None = None  # (document, flat index) of the last mention
    for n, (doc, _, m, kind) in enumerate(flat):
        if kind == "organisation" and is_acronym(m.text) and key(m.text) not in ALIASES.values():
            short = m.text.replace(".", "")
            before = flat[previous[1]][2] if previous and previous[0] == doc else None
            # "North Atlantic Treaty Organization (NATO)": the acronym follows " (".
            if (
                before is not None
                and m.span.start - before.span.end == 2
                and (acronym(before.text) == short)
            ):
                sets.union(previous[1], n)  # type: ignore[index]
            elif len({sets.find(x) for x in long_forms.get(short, ())}) == 1:
                sets.union(next(iter(long_forms[short])), n)
        previous = (doc, n)


def _form(text: str, kind: ActorKind) -> str:
    """A mention's name as displayed: no possessive or honorific; a title's "The" stays."""
    name = " ".join(words(text))
    if kind != "person" and text.startswith("The ") and not name.startswith("The "):
        return "The " + name
    return name


def _build(
    documents: Sequence[tuple[str, Sequence[Mention]]],
    flat: list[tuple[int, int, Mention, ActorKind]],
    sets: _Sets,
) -> tuple[list[Actor], list[list[Mention]]]:
    """Name, id and describe every cluster; rewrite mentions with their actor id."""
    clusters: dict[int, list[int]] = defaultdict(list)
    for n in range(len(flat)):
        clusters[sets.find(n)].append(n)
    built: list[tuple[Actor, list[int]]] = []
    for members in clusters.values():
        kinds = Counter(flat[n][3] for n in members)
        kind = min(kinds, key=lambda c: (-kinds[c], _KIND_ORDER[c]))
        seen = [_form(flat[n][2].text, kind) for n in members]
        forms: Counter[str] = Counter(seen)
        first_seen = {f: i for i, f in reversed(list(enumerate(seen)))}
        name = max(forms, key=lambda f: (len(f.split()), forms[f], len(f), -first_seen[f]))
        roles: Counter[str] = Counter(r for n in members if (r := flat[n][2].role))
        role = max(roles, key=lambda r: (roles[r], len(r))) if roles else None
        surfaces = {flat[n][2].text for n in members} | set(forms)
        article_ids = list(dict.fromkeys(documents[flat[n][0]][0] for n in sorted(members)))
        actor = Actor(
            id="",
            name=name,
            kind=kind,
            role=role,
            aliases=tuple(sorted(surfaces - {name})),
            articles=tuple(article_ids),
            mentions=len(members),
        )
        built.append((actor, members))
    built.sort(key=lambda am: (-am[0].mentions, am[0].kind, am[0].name))
    used: set[str] = set()
    actors: list[Actor] = []
    out: list[list[Mention]] = [list(ms) for _, ms in documents]
    for actor, members in built:
        base = f"{actor.kind}:{slug(actor.name)}"
        ident, k = base, 2
        while ident in used:
            ident, k = f"{base}-{k}", k + 1
        used.add(ident)
        actors.append(replace(actor, id=ident))
        for n in members:
            doc, i, m, _ = flat[n]
            out[doc][i] = replace(m, actor=ident, kind=actor.kind)
    return actors, out


class ActorIndex:
    """Find the actor a quote speaker refers to, by span or by name.

    Args:
        actors: The merged actors.
        documents: ``(article_id, mentions)`` with ``actor`` set, as ``merge_actors`` returns.
    """

    def __init__(
        self, actors: Sequence[Actor], documents: Sequence[tuple[str, Sequence[Mention]]]
    ) -> None:
        self._mentions: dict[str, list[Mention]] = {}
        self._by_doc: dict[str, dict[str, set[str]]] = {}
        self._corpus: dict[str, set[str]] = defaultdict(set)
        self._places = {a.id for a in actors if a.kind == "place"}
        for article_id, mentions in documents:
            self._mentions[article_id] = sorted(
                (m for m in mentions if m.actor), key=lambda m: m.span
            )
            names = self._by_doc.setdefault(article_id, defaultdict(set))
            for m in mentions:
                if m.actor:
                    for k in self._keys(m.text):
                        names[k].add(m.actor)
        for actor in actors:
            for text in (actor.name, *actor.aliases):
                for k in self._keys(text):
                    self._corpus[k].add(actor.id)

    @staticmethod
    def _keys(text: str) -> list[str]:
        """The folded full name, then its last word (surname) as a weaker key."""
        parts = words(text)
        if not parts:
            return []
        full = " ".join(fold(p) for p in parts)
        return [full, "~" + fold(parts[-1])] if len(parts) > 1 else [full, "~" + full]

    def actor_for(self, article_id: str, span: Span | None, name: str | None) -> str | None:
        """The actor id a speaker span or name refers to, or None when unknown or ambiguous.

        Args:
            article_id: The article the speaker appears in.
            span: The speaker's name span in that article, when known.
            name: The speaker's name as written ("Mr Zelensky", "Peskov").

        Returns:
            An actor id, or None.
        """
        if span is not None:
            overlapping = [m for m in self._mentions.get(article_id, ()) if m.span.overlaps(span)]
            for m in overlapping:
                # Why places only as the whole speaker: "the U.S. Secretary of State"
                # contains a place but is a person; "Moscow said" is the place speaking.
                if m.kind != "place" or m.span == span or (name and key(name) == key(m.text)):
                    return m.actor
        if not name:
            return None
        local = self._by_doc.get(article_id, {})
        for k in self._keys(name):
            for table in (local, self._corpus):
                found = {a for a in table.get(k, set()) if k[0] != "~" or a not in self._places}
                if len(found) == 1:
                    return next(iter(found))
        return None
