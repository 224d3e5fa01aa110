"""Person linking for ``merge_actors``: full names by family name, short forms to them.

Everything here happens inside one story (the whole corpus when no stories are given):
across stories only ``reader.core.actors.across`` joins people, on stronger evidence.

Full names cluster by family name (transliteration-folded, fuzzy) when their given names
agree (Dmitry/Dmitri, initials) and their suffixes match (Trump vs Trump Jr.). One-word
references then join a full name:

* a family name ("Putin", "Mr Zelensky"): the full name in the same article, else the
  dominant full name with exactly that (folded) family name in the story;
* a bare given name ("Michael"): only in the same article, and only when exactly one person
  there has that given name;
* a royal title with a given name ("Prince Charles"): only a full name that carries the
  same title in the same article; otherwise it is its own person, across articles.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence

from reader.core.actors.names import (
    fold,
    person_parts,
    royal_title,
    similar_family,
    similar_given,
)
from reader.core.models import ActorKind, Mention, Span


class Flat:
    """Every mention of the corpus under one numbering, ``0 .. len - 1``, in columns.

    ``doc[n]`` is the index of the mention's document, ``mention[n]`` the mention and
    ``kind[n]`` its resolved kind; ``doc_story[d]`` is document ``d``'s story number.
    Columns rather than a tuple per mention: for the ~250,000 mentions of a 10,000-article
    folder the tuples held about 30 MB at the merge's peak; the columns hold 6 MB.
    """

    __slots__ = ("doc", "doc_story", "kind", "mention")

    def __init__(
        self,
        documents: Sequence[tuple[str, Sequence[Mention]]],
        kinds: Sequence[Sequence[ActorKind]],
        doc_story: Sequence[int],
    ) -> None:
        self.doc_story = array("q", doc_story)
        self.doc = array("q")
        self.mention: list[Mention] = []
        self.kind: list[ActorKind] = []
        for d, (_, mentions) in enumerate(documents):
            self.doc.extend([d] * len(mentions))
            self.mention.extend(mentions)
            self.kind.extend(kinds[d])

    def __len__(self) -> int:
        return len(self.mention)

    def story(self, n: int) -> int:
        """The story number of mention ``n``."""
        return self.doc_story[self.doc[n]]


class Sets:
    """Union-find over the integer ids ``0 .. size - 1``.

    The parents live in an array rather than a dict: for the ~250,000 mentions of a
    10,000-article folder that is 2 MB instead of about 20 MB of dict and int objects.
    """

    def __init__(self, size: int) -> None:
        self.parent = array("q", range(size))

    def find(self, x: int) -> int:
        """The representative of ``x``'s set (the smallest id joined to it)."""
        parent = self.parent
        root = x
        while root != parent[root]:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        """Join the sets of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _given(flat: Flat, n: int) -> str:
    return person_parts(flat.mention[n].text)[0][0]


def merge_full_names(flat: Flat, full: list[int], sets: Sets) -> None:
    """Cluster multi-word person names of a story by family name and compatible given names."""
    buckets: dict[tuple[int, str, str], list[int]] = defaultdict(list)
    for n in full:
        parts, suffix = person_parts(flat.mention[n].text)
        buckets[(flat.story(n), fold(parts[-1]), suffix)].append(n)
    keys = sorted(buckets)
    # Transliterated family names (Peskov/Peskow) share a bucket group if similar.
    for i, a in enumerate(keys):
        for j in range(i + 1, len(keys)):  # not keys[i + 1:]: a copy per key is quadratic
            b = keys[j]
            if b[0] != a[0] or b[1][:3] != a[1][:3]:
                break  # sorted keys: similar family names share a story and first letters
            if a[2] == b[2] and similar_family(a[1], b[1]):
                buckets[a].extend(buckets[b])
                buckets[b] = []
    for members in buckets.values():
        reps: list[int] = []
        initials: list[int] = []
        for n in members:
            given = _given(flat, n)
            if len(fold(given)) <= 1:
                initials.append(n)
                continue
            for r in reps:
                if similar_given(given, _given(flat, r)):
                    sets.union(r, n)
                    break
            else:
                reps.append(n)
        for n in initials:
            given = _given(flat, n)
            roots = {sets.find(r) for r in reps if similar_given(given, _given(flat, r))}
            if len(roots) == 1:
                sets.union(roots.pop(), n)


def link_short_names(flat: Flat, full: list[int], short: list[int], sets: Sets) -> None:
    """Join one-word person references to a full name (see the module docstring)."""
    by_doc: dict[int, list[int]] = defaultdict(list)
    given_uses: Counter[str] = Counter()
    family_uses: Counter[str] = Counter()
    in_story: dict[tuple[int, str], list[int]] = defaultdict(list)
    for n in full:
        by_doc[flat.doc[n]].append(n)
        parts, suffix = person_parts(flat.mention[n].text)
        given_uses[fold(parts[0])] += 1
        family_uses[fold(parts[-1])] += 1
        if not suffix:
            in_story[(flat.story(n), fold(parts[-1]))].append(n)
    ranking = _Ranking(in_story, sets)
    titled: dict[int, list[int]] = defaultdict(list)
    for n in short:
        if royal_title(flat.mention[n].text):
            titled[flat.doc[n]].append(n)
    # Titled forms first, so that a bare "Saud" sees "Prince Saud" already joined to
    # "Prince Saud al-Faisal" and counts one person, not two.
    ordered = [n for n in short if royal_title(flat.mention[n].text)]
    ordered += [n for n in short if not royal_title(flat.mention[n].text)]
    for n in ordered:
        doc, m = flat.doc[n], flat.mention[n]
        word = _given(flat, n)
        title = royal_title(m.text)
        target: int | None
        if title:
            target = _titled_in_doc(flat, by_doc[doc], word, title, sets)
        else:
            target = _pick_in_doc(flat, by_doc[doc], titled[doc], word, m.span, sets)
            if target is None and word.endswith("s"):
                target = _pick_in_doc(flat, by_doc[doc], [], word[:-1], m.span, sets)
            # A word the corpus mostly uses as a given name ("David") is never linked
            # across articles: it would pick whichever David is most famous.
            folded = fold(word)
            if target is None and given_uses[folded] <= family_uses[folded]:
                target = ranking.dominant((flat.story(n), folded))
        if target is not None:
            sets.union(target, n)
    # Short names never linked to a full name still merge with each other by spelling,
    # within their story; given names only within their article, for the same reason as
    # above.
    full_roots = {sets.find(f) for f in full}
    loose: dict[tuple[str, str, bool, int], int] = {}
    for n in short:
        if sets.find(n) in full_roots:
            continue
        folded, title = fold(_given(flat, n)), royal_title(flat.mention[n].text)
        local = not title and given_uses[folded] > family_uses[folded]
        k = (folded, title, local, flat.doc[n] if local else flat.story(n))
        if k in loose:
            sets.union(loose[k], n)
        else:
            loose[k] = n


class _Ranking:
    """The full-name clusters of each (story, family name), largest first, asked lazily.

    Sizes are counted once per family name, on first use, and each cluster is kept as one
    of its mentions rather than its root: linking short names moves roots (a union makes the
    smaller id the root), and sizes keyed by the old roots then read 0, so George W Bush with
    35 full-name mentions lost to Kate Bush with 5. The clusters themselves never change
    here: each union joins a short name to one full-name cluster.
    """

    def __init__(self, members: dict[tuple[int, str], list[int]], sets: Sets) -> None:
        self._members = members
        self._sets = sets
        self._ranked: dict[tuple[int, str], list[tuple[int, int]]] = {}

    def dominant(self, k: tuple[int, str]) -> int | None:
        """The root of the clearly largest cluster with that family name, else None."""
        if k not in self._ranked:
            find = self._sets.find
            size: Counter[int] = Counter(find(n) for n in self._members.get(k, ()))
            self._ranked[k] = sorted((-count, root) for root, count in size.items())
        ranked = self._ranked[k]
        if not ranked:
            return None
        # Why dominance: a bare "Smith" is only linked when one Smith clearly leads.
        if len(ranked) == 1 or -ranked[0][0] >= 2 * -ranked[1][0]:
            return self._sets.find(ranked[0][1])
        return None


def _titled_in_doc(
    flat: Flat, candidates: list[int], word: str, title: str, sets: Sets
) -> int | None:
    """The full name in this article written with the same royal title and given name."""
    roots = {
        sets.find(c)
        for c in candidates
        if royal_title(flat.mention[c].text) == title and fold(_given(flat, c)) == fold(word)
    }
    return roots.pop() if len(roots) == 1 else None


def _pick_in_doc(
    flat: Flat,
    candidates: list[int],
    titled: list[int],
    word: str,
    span: Span,
    sets: Sets,
) -> int | None:
    """The person in this article whose family (or, if unique, given) name is ``word``.

    ``titled`` are the article's royal-titled one-word names ("Prince Charles"): a bare
    "Charles" may be that person, so it makes a second Charles there.
    """
    family = [
        c for c in candidates if similar_family(person_parts(flat.mention[c].text)[0][-1], word)
    ]
    plain = [c for c in family if not person_parts(flat.mention[c].text)[1]]
    family = plain or family
    if not family:
        given = {
            sets.find(c) for c in candidates + titled if fold(_given(flat, c)) == fold(word)
        }
        return given.pop() if len(given) == 1 else None
    roots = {sets.find(c) for c in family}
    if len(roots) == 1:
        return roots.pop()
    # Two people share the surname here: the nearest full name before the mention wins.
    before = [c for c in family if flat.mention[c].span.start <= span.start]
    chosen = max(before, key=lambda c: flat.mention[c].span.start) if before else family[0]
    return sets.find(chosen)
