"""Resolving a speaker phrase (a name, he/she, “the president”) to a named speaker.

This module owns the per-call ``Resolver``: it finds the text's names lazily, as far as
each question needs (via ``names``), and turns the noun phrase next to a cue into
the speaker's surface name and offsets: a name stays itself (titles stripped), he/she
and role descriptions go back to the nearest compatible person named before them, a
definite description nobody matches stays as written, and indefinite or plural phrases
give None.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from reader.core.models import Span
from reader.core.quotes.lexicon import (
    DETERMINERS,
    LEADING_CAPS,
    PERSON_ROLES,
    PREPOSITIONS,
    PRONOUNS,
)
from reader.core.quotes.marks import MarkedQuote
from reader.core.quotes.names import NameMention, iter_names, split_title
from reader.core.quotes.phrases import CONNECTORS, is_cap
from reader.core.quotes.tokens import Token

__all__ = ["Resolver"]

# A newline, or a sentence mark not after “Mr.” and kin. The character class comes first
# so the regex engine can skip ahead to it (a leading alternation would be tried at every
# character); the lookbehinds then reject the abbreviations.
_SENTENCE_END_RE = re.compile(
    r"[.!?\n](?:(?<=\n)|(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)"
    r"(?<!\bSen\.)(?<!\bGov\.)(?<!\bRep\.)[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9]))"
)
_WORD_BEFORE_RE = re.compile(r"\b([a-z]+)[^\S\n]+(?:the[^\S\n]+)?$")
_PRONOUN_RE = re.compile(r"\b(he|she)\b", re.IGNORECASE)
_DEFINITE = frozenset("the his her their its this that".split())


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\w`` matches in a str pattern


def _has_word(text: str, word: str, limit: int) -> bool:
    """Whether ``word`` occurs in ``text[:limit]`` with a word boundary on each side.

    The same test as searching for ``\\bword\\b``, without compiling a pattern per word
    (a call resolves a few hundred words).
    """
    at = text.find(word, 0, limit)
    while at >= 0:
        end = at + len(word)
        before = at > 0 and _is_word_char(text[at - 1])
        after = end < limit and end < len(text) and _is_word_char(text[end])
        if before != _is_word_char(word[0]) and after != _is_word_char(word[-1]):
            return True
        at = text.find(word, at + 1, limit)
    return False


class Resolver:
    """Per-call state: the text, its quotes and the lazily found names."""

    def __init__(
        self, text: str, paragraphs: Sequence[Span], quotes: Sequence[MarkedQuote]
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.quotes = quotes
        self._names: list[NameMention] = []
        self._starts: list[int] = []
        self._pending: Iterator[NameMention] | None = None
        self._bounds: list[int] = []
        self._pending_bounds: Iterator[re.Match[str]] | None = None
        self._common: dict[str, bool] = {}  # per-call cache, not shared between calls
        # Gender of a person's key, from a he/she already resolved to that person: the
        # name's own evidence, stronger than whichever pronoun happens to follow it.
        self._bound: dict[str, str] = {}

    def _names_to(self, pos: int) -> list[NameMention]:
        """The names found so far, which include every name starting at or before ``pos``.

        Names are found lazily, as far as a question needs: resolving the article's first
        quotes does not pay for the rest of the text (reported speech after the last
        quote reads on as far as its own cues).
        """
        if self._pending is None:
            skip = [q.outer for q in self.quotes]
            self._pending = iter_names(self.text, len(self.text), skip)
        while not self._starts or self._starts[-1] <= pos:
            mention = next(self._pending, None)
            if mention is None:
                break
            self._names.append(mention)
            self._starts.append(mention.start)
        return self._names

    def _sentence(self, pos: int) -> int:
        """Index of the sentence ``pos`` is in (sentence ends found lazily, like names)."""
        if self._pending_bounds is None:
            self._pending_bounds = _SENTENCE_END_RE.finditer(self.text)
        while not self._bounds or self._bounds[-1] <= pos:
            found = next(self._pending_bounds, None)
            if found is None:
                break
            self._bounds.append(found.end())
        return bisect_right(self._bounds, pos)

    def _gender(self, m: NameMention) -> str:
        """The mention's gender, else a pronoun bound to the person, else the next pronoun.

        The name's own evidence comes first: an honorific, role word or known first name
        (``m.gender``), then a he/she that an earlier quote resolved to the same person.
        Only then does the first personal pronoun after the mention decide, and only when
        no other person is named before it: in “Justice Antonin Scalia … The woman’s
        enthusiasm for Trump … ‘…,’ she said” the “she” is somebody else.
        """
        if m.gender != "?":
            return m.gender
        if m.key in self._bound:
            return self._bound[m.key]
        found = _PRONOUN_RE.search(self.text, m.end, m.end + 250)
        if found is None:
            return "?"
        names = self._names_to(found.start())
        for j in range(bisect_right(self._starts, m.end), len(names)):
            other = names[j]
            if other.start >= found.start():
                break
            if other.kind == "person" and other.key != m.key:
                return "?"
        return "f" if found.group(1).lower() == "she" else "m"

    def nearest(self, pos: int, gender: str | None, role: str | None) -> NameMention | None:
        """The person named before ``pos`` that a pronoun or role at ``pos`` refers to.

        Sentences are searched from the current one backwards and, inside each, from
        left to right, so the subject of a sentence wins over a name at its end (“Trump
        took swipes at Jeb Bush. ‘…,’ he wrote.” -> Trump). A sentence whose subject is
        the same pronoun is passed over (the chain goes on), and a role description met
        on the way (“the Ohio governor”) stands for the person with that role.

        Args:
            pos: Offset of the pronoun or description.
            gender: ``m`` or ``f`` for he/she, None for a role.
            role: The role word to match (``president``), or None for a pronoun.

        Returns:
            The name mention, or None when nobody fits.
        """
        names = self._names_to(pos)
        i = bisect_right(self._starts, pos) - 1
        group: list[NameMention] = []
        group_sentence = -1
        for j in range(i, max(-1, i - 80), -1):
            m = names[j]
            if m.kind != "person" or m.end > pos or m.modifier:
                continue
            sentence = self._sentence(m.start)
            if sentence != group_sentence and group:
                found = self._pick(group, gender, role, group_sentence)
                if found is not None:
                    return found
                group = []
            group_sentence = sentence
            group.append(m)
        return self._pick(group, gender, role, group_sentence)

    def _starts_with_pronoun(self, sentence: int, gender: str, before: int) -> bool:
        """Whether a he/she of ``gender`` comes ahead of the sentence's names.

        “He had protested Trump”, “…, and he urged North Korea to …”: the pronoun is the
        subject and the names are its objects, so the chain goes on.
        """
        start = self._bounds[sentence - 1] if sentence > 0 else 0
        word = "she" if gender == "f" else "he"
        found = _PRONOUN_RE.finditer(self.text, start, before)
        return any(m.group(1).lower() == word for m in found)

    def _after_preposition(self, m: NameMention) -> bool:
        """Whether the name is the object of a preposition (“with CNN”, “to Trump”)."""
        found = _WORD_BEFORE_RE.search(self.text, max(0, m.start - 20), m.start)
        return found is not None and found.group(1) in PREPOSITIONS

    def _pick(
        self, group: list[NameMention], gender: str | None, role: str | None, sentence: int
    ) -> NameMention | None:
        if not group:
            return None
        if gender is not None and self._starts_with_pronoun(sentence, gender, group[-1].start):
            return None  # “He had protested Trump”: the chain goes on to an earlier sentence
        if gender is not None:
            # A person introduced with a role appositive is the one about to be quoted.
            introduced = [m for m in group if m.introduced and self._gender(m) in (gender, "?")]
            if introduced:
                return introduced[0]
        # Collected right to left; search left to right, names after a preposition last
        # (“In an interview with Trending Today USA, Ham made it clear …”).
        ordered = sorted(reversed(group), key=self._after_preposition)
        for m in ordered:
            if gender is not None and self._gender(m) not in (gender, "?"):
                continue
            if role is not None and (m.description or role not in m.roles):
                continue
            if m.description:
                # “The Ohio governor said …” then “he said”: go on to the governor's name,
                # else to the article's main person, whom such descriptions mostly mean.
                named = self.nearest(m.start, None, m.key)
                if named is None and gender is not None:
                    named = self._salient(m.start, gender)
                return named if named is not None else m
            return m
        return None

    def _organisation(self, pos: int) -> NameMention | None:
        """The organisation an “it” at ``pos`` speaks for, if one is named close by.

        The first organisation of its sentence or the one before: “The Security Council
        … condemned what it called ‘…’”.
        """
        names = self._names_to(pos)
        sentence = self._sentence(pos)
        found = None
        for j in range(bisect_right(self._starts, pos) - 1, -1, -1):
            m = names[j]
            if self._sentence(m.start) < sentence - 1:
                break
            if m.kind == "org":
                found = m
        return found

    def _salient(self, pos: int, gender: str) -> NameMention | None:
        """The latest mention of the person named most often before ``pos`` (twice or more).

        Only the last 200 names count, which keeps a huge text with many quotes linear.
        """
        counts: dict[str, int] = {}
        latest: dict[str, NameMention] = {}
        names = self._names_to(pos)
        end = bisect_right(self._starts, pos)
        for m in names[max(0, end - 200) : end]:
            if m.kind != "person" or m.description or m.end > pos:
                continue
            if self._gender(m) in (gender, "?"):
                counts[m.key] = counts.get(m.key, 0) + 1
                latest[m.key] = m
        if not counts:
            return None
        key = max(counts, key=lambda k: (counts[k], latest[k].start))
        return latest[key] if counts[key] > 1 else None

    def is_common_word(self, word: str) -> bool:
        """Whether a capitalised word also appears in lower case (so is a common word).

        Args:
            word: The capitalised word.

        Returns:
            True when its lower-case form occurs in the text's first 200 kB.
        """
        low = word.lower()
        if low not in self._common:
            # A bounded look (first 200 kB) keeps huge inputs linear.
            self._common[low] = _has_word(self.text, low, 200_000)
        return self._common[low]

    def resolve(self, tokens: Sequence[Token], a: int, b: int) -> tuple[str | None, Span | None]:
        """Resolve the noun phrase ``tokens[a:b]`` to a speaker name and span.

        Args:
            tokens: The paragraph's tokens.
            a: The phrase's first token.
            b: One past its last token.

        Returns:
            The speaker's surface name and offsets, or (None, None) when the phrase
            names nobody (“a spokesman”, “they”) or cannot be resolved.
        """
        words = [t[2] for t in tokens[a:b]]
        lower = [w.lower() for w in words]
        if len(words) == 1 and lower[0] in PRONOUNS:
            if lower[0] == "it":
                org = self._organisation(tokens[a][0])
                return (org.name, org.span) if org else (None, None)
            if lower[0] not in ("he", "she"):
                return None, None
            gender = "m" if lower[0] == "he" else "f"
            found = self.nearest(tokens[a][0], gender, None)
            if found is None:
                return None, None
            if not found.description:
                self._bound.setdefault(found.key, gender)
            return found.name, found.span
        # A trailing capitalised run is a name: “Kremlin spokesman Dmitry Peskov”.
        r = b
        while r > a and (
            is_cap(words[r - 1 - a])
            or (words[r - 1 - a] in CONNECTORS and r - 1 > a and is_cap(words[r - 2 - a]))
        ):
            r -= 1
        run = words[r - a :]
        while run and (
            run[0].lower() in LEADING_CAPS
            or run[0].endswith("ing")
            or (r == a and len(run) > 1 and self.is_common_word(run[0]))
        ):
            run.pop(0)  # “The Kremlin”, “Watching Trump”, “Early voters”
            r += 1
        if run:
            cut = split_title(run)
            if cut < len(run):
                start, end = tokens[r + cut][0], tokens[b - 1][1]
                return self.text[start:end], Span(start, end)
        if len(words) == 1 and (lower[0] in DETERMINERS or words[0][:1].isupper()):
            return None, None  # “The”, a lone common word: nothing to name
        head = next((w for w in reversed(lower) if w in PERSON_ROLES), lower[-1])
        det = lower[0]
        # “Ivana Trump's brief said”: a possessive makes the phrase definite too.
        owners = words[: max(1, len(words) - 1)]
        definite = det in _DEFINITE or any(w.endswith(("’s", "'s")) for w in owners)
        if not definite:
            return None, None  # “a spokesman”, “officials”: nobody is named
        if head in PERSON_ROLES:
            found = self.nearest(tokens[a][0], None, head)
            if found is not None:
                return found.name, found.span
        start, end = tokens[a][0], tokens[b - 1][1]
        return self.text[start:end], Span(start, end)
