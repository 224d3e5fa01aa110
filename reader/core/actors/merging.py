"""Merge mentions into actors across a corpus, and look actors up for quote speakers.

People are linked inside each story by ``reader.core.actors.linking`` (full names by
family name, one-word references to a full name), then across stories by
``reader.core.actors.across`` on strong evidence only, weaker links becoming suggestions.
Organisations and places merge by name key and alias; an acronym joins its long form
("NATO"): the one introduced in parentheses or written in the same article, else the only
long form with those initials in the corpus. The canonical name is the most complete form
seen; an actor's role is its most common one.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from reader.core.actors.across import link_across_stories
from reader.core.actors.kind_votes import KIND_ORDER, resolve_kinds
from reader.core.actors.linking import Flat, Sets, link_short_names, merge_full_names
from reader.core.actors.names import (
    ALIASES,
    acronym,
    fold,
    is_acronym,
    key,
    person_parts,
    royal_title,
    slug,
    words,
)
from reader.core.models import Actor, ActorKind, Mention, Span

_ALIAS_TARGETS = frozenset(ALIASES.values())
_SUGGESTIONS_KEPT = 5


def merge_actors(
    documents: Sequence[tuple[str, Sequence[Mention]]],
    stories: Mapping[str, str] | None = None,
) -> tuple[list[Actor], list[list[Mention]]]:
    """Merge every document's mentions into corpus-wide actors.

    Args:
        documents: ``(article_id, mentions)`` per article, mentions as detected.
        stories: Article id -> story id for every article (as ``cluster_stories`` groups
            them). People are linked inside a story and joined across stories only on
            strong evidence (see ``reader.core.actors.across``). None: the whole corpus
            is one story, and actors list no stories.

    Returns:
        The actors (most mentioned first) and, per document in input order, its mentions
        with ``actor`` set to an actor id and ``kind`` made consistent with that actor.

    Raises:
        ValueError: ``stories`` is given but misses an article.
    """
    # Each article's story as a one-tuple shared by all its story's actors: most actors
    # are in one story, and 15,000 tuples of their own would cost a MB at the peak.
    story_of: list[tuple[str]] | None = None
    if stories is not None:
        missing = [doc_id for doc_id, _ in documents if doc_id not in stories]
        if missing:
            raise ValueError(f"no story for article {missing[0]!r}")
        ones: dict[str, tuple[str]] = {}
        story_of = [ones.setdefault(stories[doc_id], (stories[doc_id],)) for doc_id, _ in documents]
    numbers: dict[str, int] = {}
    doc_story = [numbers.setdefault(s[0], len(numbers)) for s in story_of or ()]
    kinds = resolve_kinds(documents)
    flat = Flat(documents, kinds, doc_story or [0] * len(documents))
    sets = Sets(len(flat))
    person_full: list[int] = []
    person_short: list[int] = []
    acronyms: list[int] = []
    others: dict[tuple[ActorKind, str], int] = {}
    for n, (m, kind) in enumerate(zip(flat.mention, flat.kind, strict=True)):
        if kind == "person":
            parts, _ = person_parts(m.text)
            (person_full if len(parts) > 1 else person_short).append(n)
        elif kind == "organisation" and _initials(m.text):
            acronyms.append(n)  # merged by what they stand for, not by spelling
        else:
            k = (kind, key(m.text))
            if k in others:
                sets.union(others[k], n)
            else:
                others[k] = n
    merge_full_names(flat, person_full, sets)
    link_short_names(flat, person_full, person_short, sets)
    weak = (
        link_across_stories(flat, person_full, person_short, sets) if len(numbers) > 1 else []
    )
    _link_acronyms(flat, acronyms, sets)
    actors, actor_of = _build(documents, flat, sets, story_of)
    actors = _suggest(actors, actor_of, [(sets.find(a), sets.find(b)) for a, b in weak])
    # Dropped before the mentions are rewritten: at 250,000 mentions these hold tens of
    # MB, and the rewritten mentions then reuse that memory instead of adding to the peak.
    del flat, sets, kinds
    return actors, _relabel(documents, actors, actor_of)


def _suggest(
    actors: list[Actor], actor_of: array[int], weak: list[tuple[int, int]]
) -> list[Actor]:
    """Give both actors of each weak link the other's id as a suggestion."""
    others: dict[int, set[int]] = defaultdict(set)
    for a, b in weak:
        x, y = actor_of[a], actor_of[b]
        if x != y:
            others[x].add(y)
            others[y].add(x)
    for x, ys in others.items():
        # Most mentioned first (the actor list's order), a few: Tony Blair is suggested
        # to every lone "Blair", but needs no list of them all.
        best = sorted(ys)[:_SUGGESTIONS_KEPT]
        actors[x] = replace(actors[x], suggestions=tuple(actors[y].id for y in best))
    return actors


def _initials(text: str) -> str:
    """An organisation acronym without dots ("U.N." -> "UN"), or "" for other names.

    Acronyms of the alias table ("UK", "EU") are plain names: they merge by key.
    """
    short = " ".join(words(text)).replace(".", "")
    return short if is_acronym(short) and key(text) not in _ALIAS_TARGETS else ""


def _link_acronyms(flat: Flat, acronyms: list[int], sets: Sets) -> None:
    """Join each acronym to its long form, else to the same acronym's other mentions.

    Why per article: one set of initials stands for several bodies in a corpus ("BSA":
    Building Societies Association, Business Software Alliance); the article's own long
    form says which.
    """
    initials_of: dict[str, str] = {}
    corpus: dict[str, set[int]] = defaultdict(set)
    in_doc: dict[tuple[int, str], set[int]] = defaultdict(set)
    for n, (doc, m, kind) in enumerate(zip(flat.doc, flat.mention, flat.kind, strict=True)):
        if kind == "organisation" and " " in m.text:
            if m.text not in initials_of:
                initials_of[m.text] = acronym(m.text) if len(words(m.text)) > 1 else ""
            if initials := initials_of[m.text]:
                corpus[initials].add(sets.find(n))
                in_doc[(doc, initials)].add(n)
    introduced: dict[tuple[int, str], int] = {}
    for n in acronyms:
        doc, m = flat.doc[n], flat.mention[n]
        before = flat.mention[n - 1] if n and flat.doc[n - 1] == doc else None
        short = _initials(m.text)
        # "North Atlantic Treaty Organization (NATO)": the acronym follows " (".
        if (
            before is not None
            and m.span.start - before.span.end == 2
            and acronym(before.text) == short
        ):
            introduced.setdefault((doc, short), n - 1)
    unresolved: dict[str, int] = {}
    for n in acronyms:
        doc, m = flat.doc[n], flat.mention[n]
        short = _initials(m.text)
        target = introduced.get((doc, short))
        if target is None:
            pool = in_doc.get((doc, short)) or corpus.get(short, set())
            roots = {sets.find(x) for x in pool}
            target = roots.pop() if len(roots) == 1 else None
        if target is not None:
            sets.union(target, n)
        elif (k := key(m.text)) in unresolved:
            sets.union(unresolved[k], n)
        else:
            unresolved[k] = n


def _form(text: str, kind: ActorKind) -> str:
    """A mention's name as displayed: no possessive or honorific, but a title's "The" and
    a royal title before a given name stay ("The Times", "Prince Charles")."""
    parts = words(text)
    name = " ".join(parts)
    if kind != "person" and text.startswith("The ") and not name.startswith("The "):
        return "The " + name
    if kind == "person" and len(parts) == 1 and royal_title(text):
        return text.split()[0] + " " + name
    return name


def _completeness(form: str, kind: ActorKind) -> tuple[bool, int, bool, bool]:
    """How good a displayed form is as the actor's name, best highest.

    First the alias table's own spelling ("United Kingdom" over "Great Britain"), then
    the number of name words ("The" and titles aside), then a leading "The" or royal title
    for organisations and people ("The Times", "Prince Charles") but never for places
    ("Wales", not "The Wales"), then a written-out given name ("John Yapp", not "J Yapp").
    """
    parts = words(form)
    official = form.lower() == key(form) and key(form) in _ALIAS_TARGETS
    dressed = len(form.split()) > len(parts)
    initial = kind == "person" and len(parts) > 1 and len(parts[0].rstrip(".")) <= 1
    return official, len(parts), dressed != (kind == "place"), not initial


def _describe(
    documents: Sequence[tuple[str, Sequence[Mention]]],
    flat: Flat,
    members: list[int],
    story_of: Sequence[tuple[str]] | None,
) -> Actor:
    """One cluster as an actor without id: its kind, name, role, aliases, articles, stories."""
    if len(members) == 1:  # most clusters: skip the counting
        m, kind = flat.mention[members[0]], flat.kind[members[0]]
        name = _form(m.text, kind)
        aliases = (m.text,) if m.text != name else ()
        doc = flat.doc[members[0]]
        return Actor(
            id="", name=name, kind=kind, role=m.role, aliases=aliases,
            articles=(documents[doc][0],), mentions=1,
            stories=story_of[doc] if story_of else (),
        )
    kinds = Counter(flat.kind[n] for n in members)
    kind = min(kinds, key=lambda c: (-kinds[c], KIND_ORDER[c]))
    seen = [_form(flat.mention[n].text, kind) for n in members]
    forms: Counter[str] = Counter(seen)
    first_seen = {f: i for i, f in reversed(list(enumerate(seen)))}
    name = max(forms, key=lambda f: (*_completeness(f, kind), forms[f], len(f), -first_seen[f]))
    roles: Counter[str] = Counter(r for n in members if (r := flat.mention[n].role))
    role = max(roles, key=lambda r: (roles[r], len(r))) if roles else None
    surfaces = {flat.mention[n].text for n in members} | set(forms)
    docs = dict.fromkeys(flat.doc[n] for n in sorted(members))
    return Actor(
        id="",
        name=name,
        kind=kind,
        role=role,
        aliases=tuple(sorted(surfaces - {name})),
        articles=tuple(documents[d][0] for d in docs),
        mentions=len(members),
        stories=_stories(story_of, docs) if story_of else (),
    )


def _stories(story_of: Sequence[tuple[str]], docs: Iterable[int]) -> tuple[str, ...]:
    """The sorted story ids of some documents, the shared one-tuple when there is one."""
    found = {story_of[d] for d in docs}
    return found.pop() if len(found) == 1 else tuple(sorted(s for (s,) in found))


def _build(
    documents: Sequence[tuple[str, Sequence[Mention]]],
    flat: Flat,
    sets: Sets,
    story_of: Sequence[tuple[str]] | None,
) -> tuple[list[Actor], array[int]]:
    """Name, id and describe every cluster.

    Returns:
        The actors, and for each mention (in ``flat`` order) the index of its actor.
    """
    clusters: dict[int, list[int]] = defaultdict(list)
    for n in range(len(flat)):
        clusters[sets.find(n)].append(n)
    built = [
        (_describe(documents, flat, members, story_of), members)
        for members in clusters.values()
    ]
    del clusters
    built.sort(key=lambda am: (-am[0].mentions, am[0].kind, am[0].name))
    used: set[str] = set()
    actors: list[Actor] = []
    actor_of = array("q", bytes(8 * len(flat)))
    for index, (actor, members) in enumerate(built):
        base = f"{actor.kind}:{slug(actor.name)}"
        ident, k = base, 2
        while ident in used:
            ident, k = f"{base}-{k}", k + 1
        used.add(ident)
        actors.append(replace(actor, id=ident))
        for n in members:
            actor_of[n] = index
    return actors, actor_of


def _relabel(
    documents: Sequence[tuple[str, Sequence[Mention]]],
    actors: list[Actor],
    actor_of: array[int],
) -> list[list[Mention]]:
    """Every document's mentions with their actor's id and kind set."""
    out: list[list[Mention]] = []
    n = 0
    for _, mentions in documents:
        linked = []
        for m in mentions:
            actor = actors[actor_of[n]]
            linked.append(replace(m, actor=actor.id, kind=actor.kind))
            n += 1
        out.append(linked)
    return out


class ActorIndex:
    """Find the actor a quote speaker refers to, by span or by name.

    Args:
        actors: The merged actors.
        documents: ``(article_id, mentions)`` with ``actor`` set, as ``merge_actors`` returns.
    """

    def __init__(
        self, actors: Sequence[Actor], documents: Sequence[tuple[str, Sequence[Mention]]]
    ) -> None:
        # Per-article tables are built when an article is first asked about and only the
        # latest is kept: prebuilding them for 10,000 articles cost ~100 MB at peak.
        self._documents = dict(documents)
        self._article: tuple[str, list[Mention], dict[str, set[str]]] | None = None
        self._corpus: dict[str, set[str]] = defaultdict(set)
        self._places = {a.id for a in actors if a.kind == "place"}
        for actor in actors:
            for text in (actor.name, *actor.aliases):
                for k in self._keys(text):
                    self._corpus[k].add(actor.id)

    def _tables(self, article_id: str) -> tuple[list[Mention], dict[str, set[str]]]:
        """An article's linked mentions (by position) and its name -> actor ids table."""
        if self._article is None or self._article[0] != article_id:
            mentions = self._documents.get(article_id, ())
            linked = sorted((m for m in mentions if m.actor), key=lambda m: m.span)
            names: dict[str, set[str]] = defaultdict(set)
            for m in linked:
                for k in self._keys(m.text):
                    names[k].add(str(m.actor))
            self._article = (article_id, linked, names)
        return self._article[1], self._article[2]

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
        linked, local = self._tables(article_id)
        if span is not None:
            overlapping = [m for m in linked if m.span.overlaps(span)]
            for m in overlapping:
                # Why places only as the whole speaker: "the U.S. Secretary of State"
                # contains a place but is a person; "Moscow said" is the place speaking.
                if m.kind != "place" or m.span == span or (name and key(name) == key(m.text)):
                    return m.actor
        if not name:
            return None
        for k in self._keys(name):
            for table in (local, self._corpus):
                found = {a for a in table.get(k, set()) if k[0] != "~" or a not in self._places}
                if len(found) == 1:
                    return next(iter(found))
        return None
