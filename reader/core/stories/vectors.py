"""Article vectors for story clustering: TF-IDF over words, and over names and numbers.

Two articles about the same kind of event share most of their words ("earthquake",
"magnitude", "rescuers"); what tells two such events apart is who and where and how
many: names and numbers. Words and names/numbers are therefore two channels, each
TF-IDF weighted (sublinear term frequency, smoothed idf) and unit length, added with
equal weight, so a name shared by two articles counts as much as the rest of their
vocabulary together. Names in the lede count twice: a news story says who, where and
when in its first lines, and later lines bring in background people and places.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from sys import intern

Vector = dict[str, float]

_WORD = re.compile(r"[^\W\d_]{3,}(?:['’][^\W\d_]+)*")
# A capitalised word inside a sentence: after a word character, comma or bracket and a
# space. A sentence's first word is capitalised whatever it is, so it is left out.
_INNER_WORD = re.compile(r"(?<=[\w,)] )[^\W\d_]{3,}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# The lede: about the first two sentences of a news story (ECB+ event F1 is flat from
# 300 to 600 characters and lower without the boost: 0.89 against 0.92 at 300).
LEDE_CHARS = 300
# Terms kept per article (the heaviest): the similarity index costs the sum of each
# term's squared posting count, and the light terms add little to any cosine.
TERMS_KEPT = 100
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
# 1 + ln(tf) for the small counts nearly every term has.
_SUBLINEAR = [0.0] + [1.0 + math.log(tf) for tf in range(1, 64)]


# One paragraph's tokens: content words (stopwords still in), names, numbers.
ParagraphTokens = tuple[list[str], list[str], list[str]]


def article_terms(
    title: str | None, text: str, seen: dict[str, ParagraphTokens] | None = None
) -> tuple[Counter[str], Counter[str]]:
    """The word counts and the name-and-number counts of one article.

    No term pattern crosses a line break, so the text is read paragraph by paragraph,
    and a paragraph met before (a wire story's paragraphs in every outlet that ran it,
    an edited copy's untouched paragraphs) is not read again.

    Args:
        title: The article's title, if any (its words count like the body's).
        text: The cleaned body.
        seen: Tokens of the paragraphs read so far, filled as they are read; share one
            across a corpus.

    Returns:
        ``(words, names)``: lowercased content words; capitalised words inside a
        sentence (names, lowercased, prefixed "@"; those of the lede twice) and
        numbers (prefixed "#").
    """
    if seen is None:
        seen = {}
    source = f"{title}\n{text}" if title else text
    paragraphs = []
    for paragraph in source.split("\n"):
        tokens = seen.get(paragraph)
        if tokens is None:
            tokens = seen[paragraph] = _paragraph_tokens(paragraph)
        paragraphs.append(tokens)
    words = Counter(chain.from_iterable(tokens[0] for tokens in paragraphs))
    for stopword in STOPWORDS & words.keys():
        del words[stopword]
    names = Counter(chain.from_iterable(tokens[1] for tokens in paragraphs))
    names.update(map(intern, _names(source[:LEDE_CHARS])))
    names.update(chain.from_iterable(tokens[2] for tokens in paragraphs))
    return words, names


def _paragraph_tokens(paragraph: str) -> ParagraphTokens:
    # One string a term for the whole corpus, not one an article: 10,000 articles hold
    # about three million term entries but only a few hundred thousand distinct terms.
    return (
        list(map(intern, _WORD.findall(paragraph.lower()))),
        list(map(intern, _names(paragraph))),
        [intern("#" + number.replace(",", "")) for number in _NUMBER.findall(paragraph)],
    )


def _names(source: str) -> list[str]:
    found = [token.lower() for token in _INNER_WORD.findall(source) if token[0].isupper()]
    return ["@" + name for name in found if name not in STOPWORDS]


def frequent_terms(counts: Sequence[Counter[str]], share: float) -> tuple[Counter[str], int]:
    """Each term's document frequency, and the frequency above which a term is too common.

    A term in more than ``share`` of the articles (and at least 30 of them) says little
    about which event an article reports, and it is what would make the index slow.
    """
    df: Counter[str] = Counter()
    for count in counts:
        df.update(count.keys())
    return df, max(30, int(len(counts) * share))


def channel_vectors(counts: Sequence[Counter[str]], share: float) -> list[Vector]:
    """Unit-length TF-IDF vectors of one channel's term counts, common terms left out."""
    df, cap = frequent_terms(counts, share)
    n = len(counts)
    idf = {term: math.log((n + 1) / (d + 1)) + 1.0 for term, d in df.items() if d <= cap}
    vectors: list[Vector] = []
    for count in counts:
        weights = {
            term: (_SUBLINEAR[tf] if tf < 64 else 1.0 + math.log(tf)) * idf[term]
            for term, tf in count.items()
            if term in idf
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({term: weight / norm for term, weight in weights.items()})
    return vectors


def combine(words: Sequence[Vector], names: Sequence[Vector]) -> list[Vector]:
    """Per article, the two channels with equal weight, cut to its heaviest terms, unit length.

    Channel terms cannot collide: names carry a "@" or "#" that no word has.
    """
    combined: list[Vector] = []
    for word_vector, name_vector in zip(words, names, strict=True):
        vector = word_vector | name_vector
        if len(vector) > TERMS_KEPT:
            # Terms tied with the last one kept stay too: the cut must not depend on
            # the order the terms were read in.
            least = sorted(vector.values(), reverse=True)[TERMS_KEPT - 1]
            vector = {term: weight for term, weight in vector.items() if weight >= least}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        combined.append({term: weight / norm for term, weight in vector.items()})
    return combined
