"""Tokenising and per-token features for the named-entity tagger.

The same feature function serves the training script (``benchmarks/train_ner.py``, on
CoNLL-2003 tokens) and the runtime tagger (``reader.core.actors.entities``), so the two can never
drift apart. Everything here is plain Python with no imports beyond the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

# Why these alternatives, in order: dotted abbreviations (U.S., U.K.), initials and
# abbreviated titles before a capitalised word (A. Stewart, Mr. Smith) stay one token as in
# CoNLL; so do numbers with separators and a detached possessive clitic; words keep inner
# hyphens, dots and apostrophes (O'Neill, Ben-Elissar); anything
# else is a one-character token.
_TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Prof|Rev|Corp|Inc|Ltd|Co)\."
    r"(?=\s+[A-Z])"
    r"|\d+(?:[,.]\d+)+|\w+(?:[-.'’]\w+)*|['’][sS]\b|\S"
)
# Clitics split off as in CoNLL's (Penn Treebank) tokens, which the tagger learnt from:
# "Trump's" -> "Trump" "'s", "doesn't" -> "does" "n't", "they'll" -> "they" "'ll". Kept
# whole, "doesn't" was an unseen word the tagger read as part of the name before it.
_CLITIC_RE = re.compile(r"^(.+?)(['’][sS]|[nN]['’][tT]|['’](?:ll|re|ve|d|m))$")

# Typographic characters seen in web news but never in CoNLL's Reuters text.
_NORMALISE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

_WordFeatures = tuple[
    str, list[str], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]
]
Token = tuple[int, int, str]

# Tokens after which a capital letter is expected, as at a sentence start.
OPENERS = frozenset({":", "-", "•", '"', "“", "‘", "'", "(", "—", "–", "*"})
"""A token as ``(start, end, text)`` with character offsets into the source text."""


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into CoNLL-like tokens with absolute offsets.

    Possessive and verb clitics are split off ("Trump's" -> "Trump", "'s"; "doesn't" ->
    "does", "n't") as CoNLL does, so the name itself becomes a clean token.

    Args:
        text: The full text.
        start: Offset where tokenising starts.
        end: Offset where it stops (default: end of text).

    Returns:
        Tokens in text order.
    """
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(text, start, stop):
        word = match.group()
        s = match.start()
        # Most words hold no apostrophe: test for one before the (slower) clitic pattern.
        clitic = (
            _CLITIC_RE.match(word)
            if len(word) > 2 and ("'" in word or "’" in word)
            else None
        )
        if clitic:
            cut = s + len(clitic.group(1))
            tokens.append((s, cut, clitic.group(1)))
            tokens.append((cut, match.end(), clitic.group(2)))
        else:
            tokens.append((s, match.end(), word))
    return tokens


def is_headline(words: Sequence[str]) -> bool:
    """True for title-case lines: headings and menus ("Claims from the Frontline", "World News").

    Lines ending in sentence punctuation are prose; lines with digits or brackets are result
    tables and fixture lists ("Pohang 3 Ulsan 2"), title-case too but full of real names;
    all-caps lines (wire-service headlines) are left to the model, which knows them.
    """
    if not words or words[-1] in {".", "!", "?", ",", ";"}:
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    if len(alpha) < 2 or any(c.isdigit() or c in "()" for w in words for c in w):
        return False
    caps = [w for w in alpha if w[:1].isupper()]
    return len(caps) >= 0.6 * len(alpha) and any(not w.isupper() for w in caps)


def normalise(word: str) -> str:
    """Map typographic quotes and dashes to their ASCII forms."""
    return word if word.isascii() else word.translate(_NORMALISE)


def shape(word: str) -> str:
    """Collapsed word shape: runs of the same class squeezed ("Putin" -> "Xx", "U.S." -> "X.X.")."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


class FeatureExtractor:
    """Turns sentences of words into CRFsuite feature lists, caching per-word parts.

    Word-level features depend only on the word, and news vocabularies are Zipfian, so a
    per-word cache removes most of the string work at run time.

    Args:
        gazetteer: Lower-cased place names (single or multi-word) to flag as features.
        first_names: Lower-cased given names.
        last_names: Lower-cased family names.
    """

    # Each entry holds some 25 feature strings (about 1.8 kB). The cache has two
    # generations of up to 3,000 words each: when the new one is full it becomes the old
    # one, and a word found in the old one moves to the new. Common words so stay cached
    # however much rare vocabulary passes by (a single 4,000-word cache emptied when full
    # computed them again after every clearing), in at most 6,000 entries (11 MB).
    _CACHE_LIMIT = 3_000

    def __init__(
        self,
        gazetteer: Collection[str] = (),
        first_names: Collection[str] = (),
        last_names: Collection[str] = (),
    ) -> None:
        self._places = frozenset(gazetteer)
        self._first = frozenset(first_names)
        self._last = frozenset(last_names)
        # Longest place name per first word: most words start none, so one lookup each.
        self._gaz_starts: dict[str, int] = {}
        for place in self._places:
            parts = place.split()
            self._gaz_starts[parts[0]] = max(self._gaz_starts.get(parts[0], 0), len(parts))
        self._cache: dict[str, _WordFeatures] = {}
        self._old: dict[str, _WordFeatures] = {}

    def _word(self, word: str) -> _WordFeatures:
        """Features of a word at the centre, and as seen from one and two steps away."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        cached = self._old.get(word)
        if cached is not None:
            self._remember(word, cached)
            return cached
        w = normalise(word)
        low = w.lower()
        shp = shape(w)
        centre = [
            "w=" + low,
            "sh=" + shp,
            "p1=" + w[:1],
            "p2=" + w[:2],
            "p3=" + w[:3],
            "s2=" + low[-2:],
            "s3=" + low[-3:],
            "s4=" + low[-4:],
            "len=" + str(min(len(w), 8)),
        ]
        if w.istitle():
            centre.append("title")
        if w.isupper():
            centre.append("upper")
        if any(c.isdigit() for c in w):
            centre.append("digit")
        if "-" in w[1:]:
            centre.append("hyphen")
        flags: list[str] = []
        if w[:1].isupper():
            key = low.rstrip(".")
            if key in self._first:
                flags.append("fn")
            if key in self._last:
                flags.append("ln")
        centre.extend(flags)
        entry = (
            low,
            centre,
            ("-w1=" + low, "-sh1=" + shp, "-s31=" + low[-3:], *("-" + f for f in flags)),
            ("+w1=" + low, "+sh1=" + shp, "+s31=" + low[-3:], *("+" + f for f in flags)),
            ("-w2=" + low, "-sh2=" + shp),
            ("+w2=" + low, "+sh2=" + shp),
        )
        self._remember(word, entry)
        return entry

    def _remember(self, word: str, entry: _WordFeatures) -> None:
        if len(self._cache) >= self._CACHE_LIMIT:
            self._old = self._cache
            self._cache = {}
        self._cache[word] = entry

    def _gazetteer_tags(self, lows: Sequence[str]) -> list[str | None]:
        """Mark tokens inside the longest gazetteer match with B/I tags."""
        tags: list[str | None] = [None] * len(lows)
        starts = self._gaz_starts
        i = 0
        while i < len(lows):
            longest = starts.get(lows[i], 0)
            for n in range(min(longest, len(lows) - i), 0, -1):
                if " ".join(lows[i : i + n]) in self._places:
                    tags[i] = "gB"
                    for j in range(i + 1, i + n):
                        tags[j] = "gI"
                    i += n
                    break
            else:
                i += 1
        return tags

    def document(self, sentences: Iterable[Sequence[str]]) -> DocContext:
        """Collect the document-level evidence used by :meth:`sentence`.

        Args:
            sentences: The document's sentences as word sequences.

        Returns:
            Words seen lower-case; lower-cased words seen capitalised away from a sentence
            start in a mixed-case sentence; and lower-cased words seen right after a given
            name or an initial ("M. Atherton"), which marks them as family names.
        """
        ctx = DocContext(set(), set(), set())
        for words in sentences:
            # Why skip headline-like sentences for "title": their capitals say nothing.
            headline = is_headline(words)
            previous = ""
            for i, w in enumerate(words):
                first = w[:1]
                if first.islower():
                    ctx.lower.add(normalise(w))
                elif first.isupper():
                    low = normalise(w).lower()
                    if i > 0 and words[i - 1] not in OPENERS and not headline and not w.isupper():
                        ctx.title.add(low)
                    if previous and (
                        previous in self._first or (len(previous) == 2 and previous[1] == ".")
                    ):
                        ctx.after_given.add(low)
                    previous = low if not w.isupper() or len(w) == 2 else ""
                    continue
                previous = ""
        return ctx

    def sentence(self, words: Sequence[str], ctx: DocContext) -> list[list[str]]:
        """Features for every word of one sentence.

        Args:
            words: The sentence's tokens.
            ctx: Evidence from the whole document (see :meth:`document`).

        Returns:
            One feature list per word.
        """
        parts = [self._word(w) for w in words]
        lows = [part[0] for part in parts]
        gaz = self._gazetteer_tags(lows)
        n = len(words)
        out: list[list[str]] = []
        for i, part in enumerate(parts):
            feats = list(part[1])
            if i == 0:
                feats.append("BOS")
            else:
                feats.extend(parts[i - 1][2])
                feats.append("bg-=" + lows[i - 1] + "|" + lows[i])
                if i > 1:
                    feats.extend(parts[i - 2][4])
            if i == n - 1:
                feats.append("EOS")
            else:
                feats.extend(parts[i + 1][3])
                feats.append("bg+=" + lows[i] + "|" + lows[i + 1])
                if i < n - 2:
                    feats.extend(parts[i + 2][5])
            tag = gaz[i]
            if tag is not None:
                feats.append(tag)
            if words[i][:1].isupper():
                low = lows[i]
                if low in ctx.lower:
                    feats.append("doc_lower")
                if low in ctx.title:
                    feats.append("doc_title")
                if low in ctx.after_given:
                    feats.append("doc_surname")
            out.append(feats)
        return out


@dataclass(frozen=True)
class DocContext:
    """Document-level casing and name evidence (see :meth:`FeatureExtractor.document`)."""

    lower: set[str]
    title: set[str]
    after_given: set[str]
