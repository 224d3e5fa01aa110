"""Who copied whom: the coverage of each side of a pair and, when the evidence allows, its source.

Evidence, in order of trust:

1. Dates. When both articles state a date and the days differ, the earlier one is the
   source: a copy cannot predate what it copies.
2. Containment, read with the wording. When one side's text lies nearly all inside the
   other's and the other has text of its own, containment alone is ambiguous: a repost
   that adds lines around the original contains it, and a rewrite trimmed from the
   original is contained in it. The wording tells them apart. A repost keeps the words
   (its passages are verbatim), so the contained side is the source. A rewrite changes
   them, and rewriters drop what they do not retell (sourcing clauses, asides: in the
   seeds, 003's "according to the Financial Times" and "he told The Atlantic magazine"
   are what 000 lacks), so the containing side is the source.
3. Otherwise none: similar coverages (two copies of one wire story, or shared quotes)
   say nothing about order.
"""

from __future__ import annotations

from reader.core.models import Alignment, Article, CopyPair

# A pair is listed when one side shares at least this share of its text (the corpus
# overlap index's default threshold, so `newsroom overlap` and a story agree) and some
# of it is shared wording: two reports that only retell the same facts copied nothing.
PAIR_THRESHOLD = 0.1
# "Nearly all inside": the contained side's coverage, and how much more of its own text
# the containing side must have (about a sentence in a 30-sentence article).
CONTAINED = 0.9
OWN_TEXT_MARGIN = 0.03
# Passages scoring this are verbatim: the same words once case, marks and number
# formatting are folded (1.0), or all but a word in twenty.
VERBATIM_SCORE = 0.95
# Share of the contained side's aligned text in verbatim passages: above REPOST_SHARE a
# repost, below REWRITE_SHARE a rewrite; in between the evidence is mixed. The seed
# rewrite 000 has 6% of its aligned text verbatim against 003; a repost has nearly all.
REPOST_SHARE = 0.8
REWRITE_SHARE = 0.5


def copy_pair(alignment: Alignment, a: Article, b: Article) -> CopyPair | None:
    """The copy pair of an alignment, or None when the two share too little text.

    Args:
        alignment: The alignment of ``a`` and ``b``.
        a: Article A of the alignment.
        b: Article B.

    Returns:
        The pair with its coverages (rounded to 4 places) and direction; None when
        the two share too little text or no wording.
    """
    if max(alignment.coverage_a, alignment.coverage_b) < PAIR_THRESHOLD or not any(
        pair.kind == "reuse" for pair in alignment.pairs
    ):
        return None
    return CopyPair(
        a=a.id,
        b=b.id,
        coverage_a=round(alignment.coverage_a, 4),
        coverage_b=round(alignment.coverage_b, 4),
        direction=_by_date(a, b) or _by_containment(alignment, a, b),
    )


def _day(article: Article) -> str | None:
    # ISO dates compare as strings; a time of day, when given, is too fine to trust
    # across outlets' time zones.
    return article.date[:10] if article.date else None


def _by_date(a: Article, b: Article) -> str | None:
    day_a, day_b = _day(a), _day(b)
    if day_a is None or day_b is None or day_a == day_b:
        return None
    return a.id if day_a < day_b else b.id


def _by_containment(alignment: Alignment, a: Article, b: Article) -> str | None:
    cov_a, cov_b = alignment.coverage_a, alignment.coverage_b
    if cov_a >= CONTAINED and cov_a - cov_b >= OWN_TEXT_MARGIN:
        contained, container, side = a, b, "a"
    elif cov_b >= CONTAINED and cov_b - cov_a >= OWN_TEXT_MARGIN:
        contained, container, side = b, a, "b"
    else:
        return None
    verbatim = total = 0
    for pair in alignment.pairs:
        size = len(pair.a if side == "a" else pair.b)
        total += size
        if pair.score >= VERBATIM_SCORE:
            verbatim += size
    share = verbatim / total if total else 0.0
    if share >= REPOST_SHARE:
        return contained.id
    if share < REWRITE_SHARE:
        return container.id
    return None
