"""One person per name within an article: what the tagger found once holds everywhere.

The tagger reads sentence by sentence, and headlines in title case ("Lindsay Lohan Checks
Into Rehab") or a run of capitalised words defeat it: there a person it tagged correctly
in the body is missed, or swallowed into an "organisation" with the next words. Measured on
the ECB+ odd topics (``benchmarks/eval_ecb_merge.py``, as the app does it), these made
most of the gold person mentions that were found as another kind or not at all.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import replace

from reader.core.actors.kinds import organisation_head
from reader.core.models import Mention, Span

_SUFFIX_RE = re.compile(r"^(?:[A-Z][\w'’-]+ ){2,3}(?:Jr|Sr)\.?$")
# A capitalised word, as a person's one-word name could be written; compiled once
# (an alternation of each article's names compiled per article was a tenth of the NER).
# A given name before a family name ("Wladimir Klitschko"); the second group is looked up
# among the article's family names, overlapping matches included ("Mr Tony Thompson").
_GIVEN_BEFORE_RE = re.compile(r"(?<![\w-])([A-Z][a-z]+) (?=([A-Z]\w*(?:[-'’]\w+)*)(?![\w-]))")
# A hyphen may stand either side: "a Bush-era rule", "the Putin-Witkoff summit".
_CAPITALISED_RE = re.compile(r"(?<![\w'’])[A-Z]\w+(?!\w)")
# What may stand before a word that starts a sentence or a quoted passage.
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\"“‘'(\n•*–—-])\s*$")
# Not names.strip_possessive: names imports rapidfuzz, which analysis workers must not load.
_POSSESSIVE_RE = re.compile(r"(?:['’][sS]|['’])$")


def propagate_people(
    text: str,
    mentions: Sequence[Mention],
    given_names: Collection[str],
    common_words: Collection[str] = frozenset(),
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
    * Every untagged occurrence of a person's one-word name, family name or (when not
      an ordinary word) given name of this article is that person ("Klitschko",
      "Thompson said", "a Bush-era rule", "Lindsay is grateful"), unless it starts a
      sentence and is also an ordinary word ("King", "Bush").

    Args:
        text: The article's cleaned text.
        mentions: Its mentions, sorted and disjoint.
        given_names: Lower-cased given names.
        common_words: Lower-cased words mostly written lower case.

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
    for found in _GIVEN_BEFORE_RE.finditer(text):
        surname = found.group(2)
        if surname not in family:
            surname = _POSSESSIVE_RE.sub("", surname)
        if surname in family and found.group(1).lower() in given_names:
            names.add(found.group(1) + " " + surname)
    # A given name alone ("Lindsay is grateful") is the person of that full name here.
    one_word = family | {
        parts[0] for name in people
        if len(parts := name.split()) > 1 and parts[0].lower() in given_names
        and parts[0].lower() not in common_words
    }
    if not names:
        return _one_word_names(text, out, one_word, common_words)
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
    kept = {m.span: m for m in out}
    for span in _occurrences(text, longest):
        inside = [s for s in kept if s.start < span.end and span.start < s.end]
        if all(span.contains(s) for s in inside) and not (
            len(inside) == 1 and inside[0] == span and kept[span].kind == "person"
        ):
            for s in inside:
                del kept[s]
            kept[span] = Mention(span, text[span.start : span.end], "person")
    found_people = sorted(kept.values(), key=lambda m: m.span)
    return _one_word_names(text, found_people, one_word, common_words)


def _occurrences(text: str, names: Sequence[str]) -> list[Span]:
    """Where the names occur as whole words, leftmost first, the longest at a place.

    Found with ``str.find`` rather than a regular expression of the article's names:
    compiling one for every article cost a tenth of the tagger's time.
    """
    found: list[Span] = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not (at and _joins(text[at - 1])) and not (end < len(text) and _joins(text[end])):
                found.append(Span(at, end))
            at = text.find(name, at + 1)
    found.sort(key=lambda s: (s.start, -s.end))
    spans: list[Span] = []
    for span in found:
        if not spans or spans[-1].end <= span.start:
            spans.append(span)
    return spans


def _joins(char: str) -> bool:
    """Whether a character next to a name makes it part of a longer word."""
    return char.isalnum() or char in "_-"


def _one_word_names(
    text: str, mentions: list[Mention], family: set[str], common_words: Collection[str]
) -> list[Mention]:
    """The mentions plus each untagged occurrence of a one-word person name in ``family``.

    The tagger misses a name it found elsewhere in the article when the words around it
    are unusual (after a closing quote, in a headline, before "-era"); within one article
    a surname the tagger called a person keeps that sense.
    """
    if not family:
        return mentions
    taken = [m.span for m in mentions]
    added: list[Mention] = []
    for found in _CAPITALISED_RE.finditer(text):
        word = found.group()
        if word not in family or len(word) < 3:  # "Jr", "II": no names of their own
            continue
        start, end = found.span()
        at = bisect_right(taken, Span(start, start)) - 1
        near = taken[max(at, 0) : at + 2]
        if any(s.start < end and start < s.end for s in near):
            continue
        opens = _SENTENCE_START_RE.search(text, max(0, start - 4), start)
        if opens and word.lower() in common_words:
            continue
        added.append(Mention(Span(start, end), sys.intern(word), "person"))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: m.span)
