"""Recognise mentions of people, organisations and places in a cleaned article text.

The tagger is a linear-chain CRF (CRFsuite) trained on CoNLL-2003 ``train.txt`` by
``benchmarks/train_ner.py`` and shipped as ``reader/core/data/ner.crfsuite``; it is loaded on
the first call, never at import. CoNLL's MISC type (nationalities, events) is not an actor
kind: it is used only internally, as context for roles ("Russian President ...").

Rules then remove what the model gets wrong on web news: sentence-initial words that are
ordinary words elsewhere in the article ("Despite", "Analysts"), titles alone ("Secretary"),
greetings, month and weekday names and words of headline-case lines; and they move
honorifics and titles out of the name into the mention's role.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any

from reader.core.actors.compounds import split_compounds
from reader.core.actors.consistency import propagate_people
from reader.core.actors.features import (
    OPENERS,
    DocContext,
    FeatureExtractor,
    Token,
    is_headline,
    normalise,
    tokenize,
)
from reader.core.actors.kinds import (
    firm_context,
    locative_context,
    name_end,
    organisation_head,
    settle_kinds,
    trim_things,
)
from reader.core.actors.roles import (
    HEAD_NOUNS,
    HONORIFICS,
    MODIFIERS,
    place_context,
    role_after,
    role_before,
)
from reader.core.models import ActorKind, Mention, Span
from reader.core.text import load_words

KINDS: dict[str, ActorKind] = {"PER": "person", "ORG": "organisation", "LOC": "place"}

_MONTHS = "january february march april may june july august september october november december"
_DAYS = "monday tuesday wednesday thursday friday saturday sunday"
_GREETINGS = "hello hi hey good morning afternoon evening night dear thanks welcome"
NOT_ACTORS = frozenset((_MONTHS + " " + _DAYS + " " + _GREETINGS).split())
_SHORT_PLACES = frozenset({"us", "u.s.", "uk", "u.k.", "usa", "eu", "uae"})
_ABBREVIATED_HEADS = frozenset({"Corp", "Inc", "Ltd", "Co", "Cos", "Bros", "Plc"})
_LEADING_DROP = frozenset({"the", "a", "an"}) | HONORIFICS
_BREAK_RE = re.compile(r"\n+|(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")


class _Tagger:
    """The CRF model plus its feature extractor, loaded once per process."""

    def __init__(self) -> None:
        import pycrfsuite  # heavy: imported on first use

        data = resources.files("reader.core").joinpath("data")
        self.places = load_words("places.txt")
        self.first_names = load_words("first_names.txt")
        self.last_names = load_words("last_names.txt")
        self.common = load_words("common_words.txt")
        self.features = FeatureExtractor(self.places, self.first_names, self.last_names)
        self._tagger: Any = pycrfsuite.Tagger()
        # CRFsuite reads the model from this buffer without copying it: keep it alive.
        self._buffer = data.joinpath("ner.crfsuite").read_bytes()
        self._tagger.open_inmemory(self._buffer)

    def tag(self, xseq: list[list[str]]) -> list[str]:
        """BIO tags for one sentence's features."""
        tags: list[str] = self._tagger.tag(xseq)
        return tags


@cache
def _model() -> _Tagger:
    return _Tagger()


def _fallback_sentences(text: str) -> list[Span]:
    """Lines split at sentence-final punctuation, for callers without sentence spans."""
    spans: list[Span] = []
    start = 0
    for match in _BREAK_RE.finditer(text):
        if text[start : match.start()].strip():
            spans.append(Span(start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(Span(start, len(text)))
    return spans


def _lines(text: str, spans: Sequence[Span]) -> list[Span]:
    """Sentence spans cut at line breaks: a name never runs from a heading into the text."""
    out: list[Span] = []
    for span in spans:
        start = span.start
        while (cut := text.find("\n", start, span.end)) >= 0:
            if cut > start:
                out.append(Span(start, cut))
            start = cut + 1
        if start < span.end:
            out.append(Span(start, span.end))
    return out


def _decode(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Entities ``(type, first, end)`` from BIO tags (a stray I- starts an entity)."""
    out: list[tuple[str, int, int]] = []
    current: list[Any] | None = None
    for i, tag in enumerate(tags):
        if tag == "O":
            current = None
            continue
        prefix, kind = tag.split("-", 1)
        if current is not None and prefix == "I" and current[0] == kind:
            current[2] = i + 1
            continue
        current = [kind, i, i + 1]
        out.append(current)  # type: ignore[arg-type]  # mutated in place while open
    return [(str(k), int(a), int(b)) for k, a, b in out]


def _attested(words: Sequence[str], model: _Tagger, ctx: DocContext) -> bool:
    """Whether a name on a headline-case line is a name: seen capitalised in the running
    text, or a known place or person name (a heading's capitals alone prove nothing)."""
    for word in words:
        low = normalise(word).lower().rstrip(".")
        if low in ctx.title or low in model.places or low in model.first_names:
            return True
    return " ".join(normalise(w).lower() for w in words) in model.places


def _ordinary(word: str, model: _Tagger, ctx: DocContext) -> bool:
    """A word that is ordinary English here: mostly lower case, never a name in this text."""
    low = normalise(word).lower()
    return (low in model.common or low in ctx.lower) and low not in ctx.title


def _trim_ordinary(
    words: Sequence[str],
    a: int,
    b: int,
    first: bool,
    headline: bool,
    model: _Tagger,
    ctx: DocContext,
) -> tuple[int, int]:
    """Strip ordinary words a sentence start or a headline-case line put capitals on."""
    if (
        first
        and b - a > 1
        and words[a].lower() not in model.first_names
        and _ordinary(words[a], model, ctx)
    ):
        a += 1
    if headline:
        while a < b and _ordinary(words[a], model, ctx):
            a += 1
        while a < b and _ordinary(words[b - 1], model, ctx):
            b -= 1
    return a, b


def _keep(words: Sequence[str], first: bool, model: _Tagger, ctx: DocContext) -> bool:
    """Whether an entity's words can name an actor (see the module docstring)."""
    lows = [normalise(w).lower().rstrip(".") for w in words]
    if not any(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    if all(w in NOT_ACTORS or w in HEAD_NOUNS or w in MODIFIERS for w in lows):
        return False
    if " ".join(lows) in model.places:
        return True
    mixed_case = any(any(c.islower() for c in w) for w in words)
    # Words the article never capitalises mid-sentence and that are ordinary English
    # ("Critical Diplomacy", "Privacy Policy", "Despite") are no names.
    if mixed_case and all(_ordinary(w, model, ctx) for w in words if w[:1].isalpha()):
        return False
    # A capitalised sentence-initial word the article also uses in lower case is ordinary.
    return not (len(words) == 1 and first and lows[0] in ctx.lower)


def detect_mentions(text: str, sentences: Sequence[Span]) -> list[Mention]:
    """Find mentions of people, organisations and places, with roles for people.

    Args:
        text: The article's cleaned text.
        sentences: Sentence spans of ``text`` (sorted, disjoint). When empty, the text is
            split on line breaks and sentence-final punctuation.

    Returns:
        Mentions sorted by position and disjoint, with ``actor`` unset. A person's span
        covers the name only; a title before or an appositive after it is the ``role``.
    """
    model = _model()
    spans = _lines(text, sentences) if sentences else _fallback_sentences(text)
    token_lists = [tokenize(text, s.start, s.end) for s in spans]
    token_lists = [t for t in token_lists if t]
    words_by_sentence = [[t[2] for t in toks] for toks in token_lists]
    ctx = model.features.document(words_by_sentence)
    mentions: list[Mention] = []
    firm: set[str] = set()
    located: set[str] = set()
    for toks, words in zip(token_lists, words_by_sentence, strict=True):
        if not _may_name(words, model, ctx):
            continue
        entities = _decode(model.tag(model.features.sentence(words, ctx)))
        in_entity = [False] * len(toks)
        for _, a, b in entities:
            for k in range(a, b):
                in_entity[k] = True
        headline = is_headline(words)
        for label, a0, b0 in entities:
            if label not in KINDS:
                continue
            kind = KINDS[label]
            b0 = name_end(words, a0, b0, kind == "person")
            if kind == "organisation" and place_context(toks, a0, b0):
                kind = "place"
            elif kind == "person" and organisation_head(words[a0:b0]):
                kind = "organisation"
            for a, b in _conjuncts(words, a0, b0, model):
                found = _mention(text, toks, a, b, kind, headline, in_entity, model, ctx)
                if found is None:
                    continue
                mentions.append(found)
                if firm_context(words, a, b):
                    firm.add(found.text)
                if locative_context(words, a):
                    located.add(found.text)
    mentions.sort(key=lambda m: m.span)
    settled = settle_kinds(mentions, firm, located, model.places, model.first_names, ctx.title)
    people = propagate_people(text, _harmonise(settled, model), model.first_names, model.common)
    return split_compounds(text, people, model.places, model.common)


def _may_name(words: Sequence[str], model: _Tagger, ctx: DocContext) -> bool:
    """Whether a sentence can hold a name: some capitalised word that is not just an
    ordinary word starting the sentence. Other sentences skip the (costly) tagger."""
    for i, word in enumerate(words):
        if word[:1].isupper():
            starts = i == 0 or words[i - 1] in OPENERS
            if not starts or not _ordinary(word, model, ctx):
                return True
    return False


def _conjuncts(
    words: Sequence[str], a: int, b: int, model: _Tagger
) -> list[tuple[int, int]]:
    """Split "Pokrovsk and Vovchansk" into its names.

    Only coordinations of single rare words split: longer ones are mostly one name
    ("Organisation for Security and Cooperation in Europe", "Stars and Stripes").
    """
    names = words[a:b:2]
    if (
        b - a < 3
        or (b - a) % 2 == 0
        or any(w != "and" for w in words[a + 1 : b : 2])
        or any(normalise(w).lower() in model.common for w in names)
    ):
        return [(a, b)]
    return [(k, k + 1) for k in range(a, b, 2)]


def _mention(
    text: str,
    toks: Sequence[Token],
    a: int,
    b: int,
    kind: ActorKind,
    headline: bool,
    in_entity: Sequence[bool],
    model: _Tagger,
    ctx: DocContext,
) -> Mention | None:
    """Clean one tagged entity into a mention, or None when it names no actor."""
    words = [t[2] for t in toks]
    # Honorifics and articles are not part of a name; possessives neither. An honorific
    # before a lower-case word starts a title ("Lord of the Rings"), not a name.
    while (
        a < b - 1
        and normalise(words[a]).lower().rstrip(".") in _LEADING_DROP
        and words[a] != "A."  # an initial ("A. Stewart"), not the article
        and not words[a + 1].islower()
    ):
        a += 1
    while a < b - 1 and normalise(words[b - 1]) in {"'s", "'", "-"}:
        b -= 1
    trimmed = trim_things(words, a, b)
    if trimmed != (a, b):
        a, b = trimmed
        if kind != "person" and _is_place(words[a:b], model):
            kind = "place"  # "US" of "US DVD", tagged a body as a whole
    first = a == 0 or words[a - 1] in OPENERS
    a, b = _trim_ordinary(words, a, b, first, headline, model, ctx)
    if a >= b or not _keep(words[a:b], first, model, ctx):
        return None
    if headline and not _attested(words[a:b], model, ctx):
        return None
    if a > 1 and words[a - 1] == "The" and words[a - 2] not in OPENERS:
        # "The Atlantic", "The Guardian": a capital "The" mid-sentence is part of a
        # title, which names an organisation. After an opening quote or colon it only
        # starts a sentence ('"The UK is ...'), so it is no part of the name.
        a -= 1
        kind = "organisation" if kind == "place" else kind
    elif kind != "person" and _initials_name(words[a:b], model):
        kind = "person"
    role = None
    if kind == "person":
        role = role_before(text, toks, a, in_entity) or role_after(text, toks, b, in_entity)
    end = toks[b - 1][1]
    if kind == "organisation" and words[b - 1] in _ABBREVIATED_HEADS and text[end : end + 1] == ".":
        end += 1  # "Norwest Corp.": the dot is the abbreviation's, even at a sentence end
    span = Span(toks[a][0], end)
    # Interned: a corpus repeats a few thousand names hundreds of thousands of times.
    name = sys.intern(text[span.start : span.end])
    return Mention(span=span, text=name, kind=kind, role=sys.intern(role) if role else None)


def _is_place(words: Sequence[str], model: _Tagger) -> bool:
    """Whether words name a known place or a country's short form ("US", "UK")."""
    name = " ".join(normalise(w).lower() for w in words)
    return name in model.places or name in _SHORT_PLACES


def _initials_name(words: Sequence[str], model: _Tagger) -> bool:
    """"JD Vance", "JK Rowling": run-together initials before a family name (the tagger
    reads the capitals as an acronym and says organisation)."""
    return (
        len(words) == 2
        and 2 <= len(words[0]) <= 3
        and words[0].isalpha()
        and words[0].isupper()
        and words[0].lower() not in model.places
        and words[1].istitle()
        and words[1].lower() in model.last_names
    )


def _harmonise(mentions: list[Mention], model: _Tagger) -> list[Mention]:
    """One sense per article: a name word plus a word tagged as a person here is a person
    ("Vladimir Putin" tagged a place), and a word that ends a person's full name here is
    that person ("Putin" tagged a place, "Zelenskyy" an organisation)."""
    single = {m.text for m in mentions if m.kind == "person" and " " not in m.text}
    out = [
        replace(m, kind="person")
        if m.kind != "person" and _given_plus(m.text.split(), single, model)
        else m
        for m in mentions
    ]
    family = {p[-1] for m in out if m.kind == "person" and len(p := m.text.split()) > 1}
    return [
        replace(m, kind="person")
        if m.kind != "person" and m.text in family and m.text.lower() not in model.places
        else m
        for m in out
    ]


def _given_plus(parts: Sequence[str], surnames: set[str], model: _Tagger) -> bool:
    """Two words: a name-like first word (not ordinary) and a surname tagged a person here."""
    if len(parts) != 2 or parts[1] not in surnames or not parts[0].istitle():
        return False
    first = parts[0].lower()
    return first not in model.common and (
        " ".join(parts).lower() not in model.places
    )


def detect_people(text: str, sentences: Sequence[Span]) -> list[Span]:
    """Where people are named: the spans of :func:`detect_mentions`' person mentions.

    The entry point for another engine (the quote engine's speakers) that needs the
    names the reader highlights, without the roles and other kinds.

    Args:
        text: The article's cleaned text.
        sentences: Its sentence spans (see :func:`detect_mentions`).

    Returns:
        Sorted, disjoint spans of person names (titles and possessives excluded).
    """
    return [m.span for m in detect_mentions(text, sentences) if m.kind == "person"]


def is_known_place(name: str) -> bool:
    """Whether a lower-cased name is in the shipped place gazetteer (loads the model)."""
    return name in _model().places


def is_given_name(name: str) -> bool:
    """Whether a lower-cased word is in the shipped given-name list (loads the model)."""
    return name in _model().first_names


def is_common_word(name: str) -> bool:
    """Whether a lower-cased word is mostly written lower case (loads the model)."""
    return name in _model().common
