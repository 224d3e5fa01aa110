"""Name normalisation for merging actors: possessives, honorifics, transliteration keys.

These helpers are pure string functions; ``reader.core.actors.merging`` decides what to merge.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

HONORIFICS = frozenset(
    """mr mrs ms miss dr sir dame lord lady president prime minister secretary senator sen
    rep gov governor mayor king queen prince princess pope chancellor general gen
    professor prof judge justice ambassador envoy spokesman spokeswoman rev father sheikh""".split()
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Titles that go with a given name, not a family name: "Prince Charles" is no Charles Kennedy.
ROYAL_TITLES = frozenset({"prince", "princess", "king", "queen", "pope", "sheikh", "emperor"})
_STOP = frozenset({"of", "the", "and", "for", "&", "de", "la", "du"})
_POSSESSIVE_RE = re.compile(r"(?:['’][sS]|['’])$")
_SPLIT_RE = re.compile(r"[\s]+")

# Common spellings of the same place or body; the value is the canonical key.
ALIASES = {
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "eu": "european union",
    "un": "united nations",
    "kiev": "kyiv",
}


def strip_possessive(text: str) -> str:
    """Remove a trailing possessive ("Trump's" -> "Trump", "allies’" -> "allies")."""
    return _POSSESSIVE_RE.sub("", text.strip())


# Cached: merging asks for the words of the same few thousand names a million times.
@lru_cache(maxsize=100_000)
def words(text: str) -> tuple[str, ...]:
    """Words of a name without possessive, leading "the" and leading honorifics."""
    parts = tuple(p for p in _SPLIT_RE.split(strip_possessive(text)) if p)
    while len(parts) > 1 and parts[0].lower() == "the":
        parts = parts[1:]
    while len(parts) > 1 and parts[0].lower().rstrip(".") in HONORIFICS:
        parts = parts[1:]
    return parts


@lru_cache(maxsize=100_000)
def person_parts(text: str) -> tuple[tuple[str, ...], str]:
    """Name words without suffix, and the suffix ("Jr") or ""."""
    parts = words(text)
    suffix = ""
    if len(parts) > 1 and fold(parts[-1].rstrip(".,")) in SUFFIXES:
        suffix = fold(parts[-1].rstrip(".,"))
        parts = parts[:-1]
    return parts, suffix


@lru_cache(maxsize=100_000)
def _plain(word: str) -> str:
    """A word without accents, punctuation or case, spelling otherwise kept."""
    text = unicodedata.normalize("NFKD", word)
    return "".join(c for c in text if c.isalnum()).lower()


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """A transliteration-tolerant key: Zelenskyy/Zelensky/Zelenskiy -> "zelensky".

    Accents are removed, the word lower-cased, doubled letters collapsed and the usual
    Slavic ending variants (-iy, -yy, -ij, -i) unified, so that only real spelling
    differences remain for the fuzzy comparison.
    """
    text = re.sub(r"(.)\1+", r"\1", _plain(word))
    text = re.sub(r"(?:iy|ij|yi|i)$", "y", text) if len(text) > 3 else text
    return text


def royal_title(text: str) -> str:
    """The royal title a name starts with ("Prince Charles" -> "prince"), or ""."""
    parts = strip_possessive(text).split()
    first = parts[0].lower().rstrip(".") if len(parts) > 1 else ""
    return first if first in ROYAL_TITLES else ""


@lru_cache(maxsize=100_000)
def key(text: str) -> str:
    """Key of a whole name (organisations and places), aliases resolved.

    Unlike ``fold``, doubled letters stay: initials differ by them ("BBC" vs "BCC", "BA"
    vs "BAA") and so do names ("Liffe" vs "Life").
    """
    joined = " ".join(_plain(w) for w in words(text) if _plain(w))
    plain = joined.replace(" ", "")
    return ALIASES.get(joined, ALIASES.get(plain, joined))


def acronym(text: str) -> str:
    """Initials of a name's content words ("North Atlantic Treaty Organization" -> "NATO")."""
    return "".join(w[0].upper() for w in words(text) if w.lower() not in _STOP and w[:1].isalpha())


def is_acronym(text: str) -> bool:
    """True for all-capital short forms such as "NATO" or "U.N."."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def similar_given(a: str, b: str) -> bool:
    """Whether two given names can be the same person's (Dmitry/Dmitri, D./Dmitry)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return fa == fb or JaroWinkler.similarity(fa, fb) >= 0.9


def similar_family(a: str, b: str) -> bool:
    """Whether two family names are spellings of one name (Zelensky/Zelenskyy/Zelenskiy)."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 5 or fa[:3] != fb[:3]:
        return False
    return JaroWinkler.similarity(fa, fb) >= 0.93


def slug(text: str) -> str:
    """A readable id part: "Volodymyr Zelenskyy" -> "volodymyr-zelenskyy"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"
