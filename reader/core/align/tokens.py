"""Word normalisation for alignment: tokens, light stemming, synonyms, aliases, interning.

A ``Lexicon`` turns a word as written into two interned keys: a *surface* key (case, quote
marks, number formatting and name aliases folded; used for word-level diffs, so real wording
changes stay visible) and a *content* key (the surface key, lightly stemmed and mapped
through a small newswire synonym table; used to score similarity). Each key is interned as
one character (``code``), so a sentence becomes a short string that rapidfuzz compares
with its bit-parallel string algorithms, and key sets are sets of characters.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

# Numbers keep their digit groups ("800,000", "3.5"); words keep inner apostrophes
# ("Trump’s", "don't") but hyphens split ("28-point" -> "28", "point") so both spellings meet.
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")

STOPWORDS = frozenset(
    """
    a about above after again against all almost also am among an and any approximately are
    around as at be been before being below between both but by can could did do does doing
    down during each either else even ever every few for from further had has have having he
    her here hers herself him himself his how however i if in into is it its itself just least
    less like many may me might more most much must my myself nearly neither no nor not now of
    off on once only or other our ours ourselves out over own per rather roughly same she
    should since so some such than that the their theirs them themselves then there these they
    this those though through thus to too under until up upon us very via was we were what
    when where whether which while who whom whose why will with within without would yet you
    your yours yourself currently still already also say said says saying told tell tells
    stated remarked added noted according reportedly
    """.split()
)

# Small, general newswire synonym classes: reporters swap these words when rewriting a
# story. The first word of each class is the canonical key. Kept short on purpose: a wrong
# synonym makes unrelated sentences look alike, a missing one only costs a paraphrase.
_SYNONYMS = (
    "insist assert maintain claim argue contend declare",
    "express voice",
    "meet convene met",
    "probe investigation inquiry",
    "depend hinge rely",
    "resign resignation removal oust quit",
    "sanction penalty",
    "aid assistance support help",
    "leverage lever",
    "withdraw withdrew retreat",
    "stop halt cease",
    "war conflict fighting hostility combat",
    "plan proposal proposition framework",
    "talk discussion negotiation",
    "territory land",
    "large big major significant substantial",
    "crucial critical key vital",
    "start begin launch",
    "rise increase grow boost",
    "fall decrease decline drop",
    "cut reduce lower",
    "buy purchase acquire",
    "firm company",
    "agreement deal accord",
    "abandon drop",
    "suggest indicate signal",
    "previous earlier prior",
    "optimism hope",
)

_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
}  # fmt: skip

# Characters beyond the BMP surrogates are skipped when coding keys as characters.
_CODE_BASE = 0x100
_SURROGATES = range(0xD800, 0xE000)


def stem(word: str) -> str:
    """Strip common English inflections so "insists", "insisted" and "insist" meet.

    Args:
        word: A lower-case word without apostrophes.

    Returns:
        The stem; short words come back unchanged.
    """
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    # A final "e" comes and goes with the suffixes above ("voice"/"voiced" -> "voic").
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def _build_synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _SYNONYMS:
        words = line.split()
        canonical = stem(words[0])
        for word in words:
            table.setdefault(stem(word), canonical)
    return table


_SYNONYM_OF = _build_synonyms()


def code(key: int) -> str:
    """Encode an interned key as one character (skipping the surrogate range)."""
    point = key + _CODE_BASE
    if point >= _SURROGATES.start:
        point += len(_SURROGATES)
    return chr(point)


@lru_cache(maxsize=1 << 16)
def normalise(written: str) -> tuple[str, str, bool, bool, bool]:
    """Normalise one written word (a ``TOKEN_RE`` match); pure, hence cached.

    Args:
        written: The word as written.

    Returns:
        ``(surface, content, stop, cap, number)``: the surface key (lower case, straight
        apostrophes dropped, possessive gone, digit groups joined), the content key (stemmed,
        synonyms folded), and whether it is a function word, capitalised, or a number.
    """
    if written[:1].isdigit():
        # "800,000" and "800000" are one number; a decimal point stays meaningful.
        key = "#" + written.replace(",", "")
        return key, key, False, False, True
    low = written.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    low = low.replace("'", "")
    if low in _NUMBER_WORDS:
        key = "#" + _NUMBER_WORDS[low]
        return key, key, False, False, True
    stemmed = stem(low)
    stop = low in STOPWORDS or stemmed in STOPWORDS
    return low, _SYNONYM_OF.get(stemmed, stemmed), stop, written[:1].isupper(), False


@dataclass(frozen=True, slots=True)
class Word:
    """What the aligner needs to know about one written word.

    Attributes:
        surface: Surface key coded as one character (for diffs).
        content: Content key coded as one character (for similarity).
        stop: A function word that carries no content.
        cap: Written with a capital first letter.
        number: A number (digits or a spelled-out small number).
    """

    surface: str
    content: str
    stop: bool
    cap: bool
    number: bool


@dataclass(frozen=True, slots=True)
class Sentence:
    """The coded words of one sentence text, independent of where it occurs.

    Attributes:
        surface: Surface keys, one character per word.
        content: Content keys, one character per word.
        keys: Content keys of its non-function words.
        names: Keys of numbers and of capitalised words after the first.
        first: Content key of a capitalised first word (a name or not, the article decides).
    """

    surface: str
    content: str
    keys: frozenset[str]
    names: frozenset[str]
    first: str | None


# A process-wide memo of key codes and word analyses. Codes only have to be equal for equal
# keys, so sharing them between calls changes no result; it spares each comparison from
# re-analysing the language's whole vocabulary. Bounded: once full, new keys get codes local
# to one ``Lexicon`` (numbered from ``_SHARED_MAX`` up) and nothing more is memoised.
_SHARED_MAX = 400_000
_SHARED_WORDS_MAX = 1_000_000
_SHARED_KEYS: dict[str, str] = {}
_SHARED_WORDS: dict[str, Word] = {}
_SHARED_LOCK = threading.Lock()
_LOCAL_FIRST = code(_SHARED_MAX)


class Lexicon:
    """Interning table from written words to ``Word`` records, shared by compared texts.

    One lexicon must serve every article compared with each other, so equal words get equal
    keys. Name aliases are per lexicon; everything alias-free is memoised process-wide.
    """

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        """Create a lexicon.

        Args:
            aliases: Lower-case name variant -> canonical key ({"zelensky": "zelenskyy"}).
        """
        self._aliases = {v.lower(): v.lower() for v in (aliases or {}).values()}
        # Canonical names map to themselves too, so they escape stemming like their variants.
        self._aliases.update({k.lower(): v.lower() for k, v in (aliases or {}).items()})
        self._keys: dict[str, str] = {}
        # Without aliases every word reads as everywhere else: use the shared memo directly.
        self._words: dict[str, Word] = {} if self._aliases else _SHARED_WORDS
        self._sentences: dict[str, Sentence] = {}

    def intern(self, key: str) -> str:
        """Return the one-character code of a normalised key, allocating it on first sight."""
        found = _SHARED_KEYS.get(key) or self._keys.get(key)
        if found is not None:
            return found
        with _SHARED_LOCK:
            found = _SHARED_KEYS.get(key)
            if found is None and len(_SHARED_KEYS) < _SHARED_MAX:
                found = _SHARED_KEYS[key] = code(len(_SHARED_KEYS))
        if found is None:
            found = self._keys[key] = code(_SHARED_MAX + len(self._keys))
        return found

    def forget_sentences(self) -> None:
        """Drop the memoised sentences (words stay): for a caller done with some texts."""
        self._sentences.clear()

    def word(self, written: str) -> Word:
        """Return the record of a written word (a ``TOKEN_RE`` match)."""
        found = self._words.get(written)
        if found is None:
            found = self._analyse(written)
            if self._words is not _SHARED_WORDS or (
                found.surface < _LOCAL_FIRST
                and found.content < _LOCAL_FIRST
                and len(_SHARED_WORDS) < _SHARED_WORDS_MAX
            ):
                self._words[written] = found
        return found

    def words(self, tokens: list[str]) -> list[Word]:
        """Records of many written words, in order."""
        cache = self._words
        return [cache[t] if t in cache else self.word(t) for t in tokens]

    def sentence(self, text: str) -> Sentence:
        """The coded words of a sentence, cached by its text (copies are read once).

        Args:
            text: The sentence text.

        Returns:
            Its coded form.
        """
        found = self._sentences.get(text)
        if found is None:
            found = self._sentences[text] = self._read(text)
        return found

    def _read(self, text: str) -> Sentence:
        words = self.words(TOKEN_RE.findall(text))
        # Comprehensions rather than one loop with branches: this runs for every sentence.
        first = words[0] if words else None
        return Sentence(
            surface="".join([w.surface for w in words]),
            content="".join([w.content for w in words]),
            keys=frozenset([w.content for w in words if not w.stop]),
            names=frozenset(
                [w.content for w in words[1:] if (w.cap or w.number) and not w.stop]
                + ([first.content] if first is not None and first.number else [])
            ),
            first=first.content if first is not None and first.cap and not first.stop else None,
        )

    def _analyse(self, written: str) -> Word:
        surface, content, stop, cap, number = normalise(written)
        alias = self._aliases.get(surface) if self._aliases else None
        if alias is not None:
            # A name variant: same surface and content key as its canonical form, unstemmed.
            key = self.intern(alias)
            return Word(key, key, stop=False, cap=True, number=False)
        return Word(self.intern(surface), self.intern(content), stop, cap, number)
