"""One person per name within an article: what the tagger found once holds everywhere.

The tagger reads sentence by sentence, and headlines in title case ("Lindsay Lohan Checks
Into Rehab") or a run of capitalised words defeat it: there a person it tagged correctly
in the body is missed, or swallowed into an "organisation" with the next words. Measured on
the ECB+ odd topics (``benchmarks/eval_ecb_merge.py``, as the app does it), these made
most of the gold person mentions that were found as another kind or not at all.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from reader.core.actors.kinds import organisation_head
from reader.core.models import Mention, Span

_SUFFIX_RE = re.compile(r"^(?:[A-Z][\w'’-]+ ){2,3}(?:Jr|Sr)\.?$")
# Not names.strip_possessive: names imports rapidfuzz, which analysis workers must not load.
_POSSESSIVE_RE = re.compile(r"(?:['’][sS]|['’])$")


def propagate_people(
    text: str, mentions: Sequence[Mention], given_names: Collection[str]
) -> list[Mention]:
    """The article's mentions with its people's full names made consistent.

    * A name ending in "Jr" or "Sr" after two or three capitalised words is a person
      ("Arcade Joseph Comeaux Jr", which the tagger reads as an organisation).
    * A known given name written before the family name of a person of this article is
      that person's full name ("Wladimir Klitschko" in a headline, with "Klitschko" tagged
      in the body).
    * A mention of another kind that holds a person's full name from this article as whole
      words, and is no organisation by its head word, is that person ("Lindsay Lohan
      Checks Into Betty Ford", "Coach Maurice Cheeks" -> the name alone).
    * Every other occurrence of a person's full name (two words or more) is a mention of
      that person, in place of the mentions inside it ("Klitschko" inside "Wladimir
      Klitschko"); one that overlaps a longer mention is left alone.

    Args:
        text: The article's cleaned text.
        mentions: Its mentions, sorted and disjoint.
        given_names: Lower-cased given names.

    Returns:
        The mentions, still sorted and disjoint.
    """
    out = [
        replace(m, kind="person") if m.kind != "person" and _SUFFIX_RE.match(m.text) else m
        for m in mentions
    ]
    people = [m.text for m in out if m.kind == "person" and "\n" not in m.text]
    names = {name for name in people if " " in name}
    family = {_POSSESSIVE_RE.sub("", name.split()[-1]) for name in people}
    family.discard("")
    if family:
        alternation = "|".join(map(re.escape, sorted(family)))
        before = re.compile(r"(?<![\w-])([A-Z][a-z]+) (?:" + alternation + r")(?![\w-])")
        names |= {
            found.group() for found in before.finditer(text)
            if found.group(1).lower() in given_names
        }
    if not names:
        return out
    longest = sorted(names, key=len, reverse=True)
    for i, m in enumerate(out):
        if m.kind == "person" or organisation_head(m.text.split()):
            continue
        for name in longest:
            at = f" {m.text} ".find(f" {name} ")
            if at >= 0 and name != m.text:
                start = m.span.start + at
                out[i] = Mention(Span(start, start + len(name)), name, "person")
                break
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, longest)) + r")(?![\w-])")
    kept = {m.span: m for m in out}
    for found in pattern.finditer(text):
        span = Span(found.start(), found.end())
        inside = [s for s in kept if s.start < span.end and span.start < s.end]
        if all(span.contains(s) for s in inside) and not (
            len(inside) == 1 and inside[0] == span and kept[span].kind == "person"
        ):
            for s in inside:
                del kept[s]
            kept[span] = Mention(span, found.group(), "person")
    return sorted(kept.values(), key=lambda m: m.span)
