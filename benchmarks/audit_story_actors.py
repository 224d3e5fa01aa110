"""Wrong person merges on the BBC corpus, merged as one story (before) and per story (after).

Usage::

    .venv/bin/python benchmarks/audit_story_actors.py [DATA_DIR]

The 2,225 articles are cleaned as the app cleans them, mentions detected, and stories
taken from ``cluster_stories`` (cached in the temp folder by ``benchmarks._stories``).
Then ``merge_actors`` runs twice, without stories and with them, and for each run prints:

* people whose names carry two different given names (Robbie and Robin Williams in one
  actor; typo merges such as Steven/Steve Gerrard count too, so read the examples);
* one-word mentions ("Bush", "Mr Brown") linked to a person whose full name occurs only in
  other stories than the mention's: the lone-surname links the issue calls nearly all wrong;
* merge time and the merge's own peak of traced memory, and the suggestions reported.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._data import data_dir  # noqa: E402
from benchmarks._stories import bbc_articles, story_map  # noqa: E402
from reader.core.actors import detect_mentions, merge_actors  # noqa: E402
from reader.core.actors.names import fold, person_parts, royal_title  # noqa: E402
from reader.core.models import Actor, Mention  # noqa: E402

Documents = list[tuple[str, list[Mention]]]
_EXAMPLES = 8


def given_name_clashes(actors: Sequence[Actor]) -> list[tuple[str, list[str]]]:
    """People whose full-name forms carry two or more different (folded) given names."""
    found = []
    for actor in actors:
        if actor.kind != "person":
            continue
        givens: dict[str, str] = {}
        for form in (actor.name, *actor.aliases):
            parts, _ = person_parts(form)
            if len(parts) > 1 and len(fold(parts[0])) > 1:
                givens.setdefault(fold(parts[0]), " ".join(parts))
        if len(givens) > 1:
            found.append((actor.id, sorted(givens.values())))
    return found


def foreign_surname_links(
    linked: Documents, stories: Mapping[str, str]
) -> tuple[int, list[tuple[str, str, str]]]:
    """One-word person mentions linked to a person whose full names are all in other stories.

    Returns:
        How many one-word mentions were linked to a full name at all, and the foreign ones
        as ``(article, mention, actor)``.
    """
    full_in: dict[str, set[str]] = defaultdict(set)
    for doc_id, mentions in linked:
        for m in mentions:
            if m.kind == "person" and m.actor and len(person_parts(m.text)[0]) > 1:
                full_in[m.actor].add(stories[doc_id])
    linked_short = 0
    foreign = []
    for doc_id, mentions in linked:
        for m in mentions:
            if m.kind != "person" or not m.actor or m.actor not in full_in:
                continue
            if len(person_parts(m.text)[0]) > 1 or royal_title(m.text):
                continue
            linked_short += 1
            if stories[doc_id] not in full_in[m.actor]:
                foreign.append((doc_id, m.text, m.actor))
    return linked_short, foreign


def run(docs: Documents, stories: Mapping[str, str] | None) -> tuple[list[Actor], Documents,
                                                                      float, float]:
    """One merge: actors, linked documents, seconds, and peak traced MB (a second run)."""
    started = time.perf_counter()
    actors, linked = merge_actors(docs, stories)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    merge_actors(docs, stories)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return actors, [(d, ms) for (d, _), ms in zip(docs, linked, strict=True)], seconds, peak


def report(name: str, docs: Documents, stories: Mapping[str, str] | None,
           truth: Mapping[str, str]) -> None:
    """Print one run's counts and examples."""
    actors, linked, seconds, peak = run(docs, stories)
    by_id = {a.id: a for a in actors}
    clashes = given_name_clashes(actors)
    short, foreign = foreign_surname_links(linked, truth)
    suggested = sum(1 for a in actors if a.suggestions)
    print(f"\n== {name}: {len(actors)} actors, merge {seconds:.2f} s, peak {peak:.0f} MB traced")
    print(f"people with two different given names: {len(clashes)}")
    for actor_id, forms in clashes[:_EXAMPLES]:
        print(f"  {actor_id}: {' / '.join(forms[:4])}")
    print(f"one-word mentions linked to a full name: {short}; to one only in other stories: "
          f"{len(foreign)}")
    for doc_id, text, actor_id in foreign[:_EXAMPLES]:
        where = ", ".join(by_id[actor_id].articles[:3])
        print(f"  {doc_id} {text!r} -> {by_id[actor_id].name} ({where})")
    print(f"actors with suggestions: {suggested}")
    for actor in [a for a in actors if a.suggestions][:_EXAMPLES]:
        print(f"  {actor.id} ({actor.mentions}) may be {', '.join(actor.suggestions)}")


def main() -> None:
    """Detect, cluster, merge twice and print both audits."""
    articles = bbc_articles(data_dir(sys.argv, "bbc-news-fulltext"))
    stories = story_map(articles)
    sizes = sorted((list(stories.values()).count(s) for s in set(stories.values())),
                   reverse=True)
    print(f"{len(articles)} articles, {len(sizes)} stories (largest {sizes[0]}, "
          f"{sizes.count(1)} singletons)")
    docs = [(a.id, detect_mentions(a.text, a.sentences)) for a in articles]
    print(f"{sum(len(ms) for _, ms in docs)} mentions")
    report("before: one story (stories=None)", docs, None, stories)
    report("after: per story", docs, stories, stories)


if __name__ == "__main__":
    main()
