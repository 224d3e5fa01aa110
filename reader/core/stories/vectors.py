"""Article vectors for story clustering: TF-IDF over words, and over names and numbers.

Two articles about the same kind of event share most of their words ("earthquake",
"magnitude", "rescuers"); what tells two such events apart is who and where and how
many: names and numbers. Words and names/numbers are therefore two channels, each
TF-IDF weighted (sublinear term frequency, smoothed idf) and unit length, added with
equal weight, so a name shared by two articles counts as much as the rest of their
vocabulary together.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

Vector = dict[int, float]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”«»]\s*|\n)$")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours ourselves out over own said same says she should so some
    such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself yourselves mr mrs ms one two new last
    first year years told say according""".split()
)


def article_terms(title: str | None, text: str) -> tuple[Counter[str], Counter[str]]:
    """The word counts and the name-and-number counts of one article.

    Args:
        title: The article's title, if any (its words count like the body's).
        text: The cleaned body.

    Returns:
        ``(words, names)``: lowercased content words; capitalised words that do not
        start a sentence (names, lowercased) and numbers.
    """
    words: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for source in (title or "", text):
        for match in _TOKEN.finditer(source):
            token = match.group()
            lower = token.lower()
            if token[0].isdigit():
                names["#" + token.replace(",", "")] += 1
                continue
            if len(lower) < 3 or lower in STOPWORDS:
                continue
            words[lower] += 1
            start = match.start()
            if token[0].isupper() and not _SENTENCE_START.search(source[max(0, start - 3) : start]):
                names["@" + lower] += 1
    return words, names


def frequent_terms(counts: Sequence[Counter[str]], share: float) -> frozenset[str]:
    """Terms found in more than ``share`` of the articles (at least 30 of them).

    Such terms say little about which event an article reports (their idf is low), and
    they are what makes the similarity index slow: it costs their frequency squared.
    """
    df: Counter[str] = Counter()
    for count in counts:
        df.update(count.keys())
    cap = max(30, int(len(counts) * share))
    return frozenset(term for term, d in df.items() if d > cap)


def tfidf_vectors(counts: Sequence[Counter[str]], vocabulary: dict[str, int]) -> list[Vector]:
    """Unit-length TF-IDF vectors of term counts, term ids added to ``vocabulary``.

    Args:
        counts: One term count per article.
        vocabulary: Term to id; new terms are added (shared across channels so ids differ).

    Returns:
        One sparse vector (term id to weight) per article.
    """
    df: Counter[str] = Counter()
    for count in counts:
        df.update(count.keys())
    n = len(counts)
    idf = {term: math.log((n + 1) / (d + 1)) + 1.0 for term, d in df.items()}
    vectors: list[Vector] = []
    for count in counts:
        weights = {term: (1.0 + math.log(tf)) * idf[term] for term, tf in count.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vector: Vector = {}
        for term, weight in weights.items():
            key = vocabulary.setdefault(term, len(vocabulary))
            vector[key] = weight / norm
        vectors.append(vector)
    return vectors


def combine(channels: Sequence[Sequence[Vector]]) -> list[Vector]:
    """Per article, the channels added with equal weight and scaled to unit length."""
    combined: list[Vector] = []
    for parts in zip(*channels, strict=True):
        vector: Vector = {}
        for part in parts:
            for key, weight in part.items():
                vector[key] = vector.get(key, 0.0) + weight
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        combined.append({key: weight / norm for key, weight in vector.items()})
    return combined
