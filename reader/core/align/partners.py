"""How much of one article each other article shares, estimated for all, exact for the closest.

The chooser of the side-by-side view lists every other article with its share, closest
first. Aligning thousands of pairs would take seconds, so every candidate first gets a
cheap estimate from the shingle sets the overlap index uses (the share of the article's
shingles it also holds), in batches so a caller can show them as they come; then the
candidates with the most shared shingles are aligned exactly, and their coverage replaces
the estimate.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from reader.core.align.alignment import align_prepared
from reader.core.align.overlap import shingles
from reader.core.align.tokens import Lexicon
from reader.core.align.units import prepare
from reader.core.models import Article

# Exact alignment costs about a millisecond a pair: a dozen keep the wait short.
EXACT_PARTNERS = 12
BATCH = 200


@dataclass(frozen=True)
class PartnerShare:
    """The share of an article's text another article holds.

    Attributes:
        article_id: The other article.
        share: Between 0 and 1: the coverage of the article by an exact alignment, or
            the share of its shingles the other holds when ``exact`` is False.
        exact: Whether ``share`` comes from an exact alignment.
    """

    article_id: str
    share: float
    exact: bool

    def __post_init__(self) -> None:
        if not 0.0 <= self.share <= 1.0:
            raise ValueError(f"bad share {self.share}")


def rank_partners(
    article: Article,
    others: Sequence[Article],
    aliases: Mapping[str, str] | None = None,
    *,
    exact: int = EXACT_PARTNERS,
    batch: int = BATCH,
) -> Iterator[list[PartnerShare]]:
    """Each other article's share of ``article``, in batches as they become known.

    Args:
        article: The article whose text is looked for.
        others: The candidates (``article`` itself is skipped if present).
        aliases: Lower-cased name variant -> canonical key, as for ``align_articles``.
        exact: How many candidates, those sharing most shingles, to align exactly.
        batch: Estimates per yielded batch.

    Yields:
        First estimates for every candidate, ``batch`` at a time, in ``others`` order;
        then one batch with the exact shares of the closest candidates.
    """
    lexicon = Lexicon(aliases)
    mine_prepared = prepare(article, lexicon)
    mine = shingles(mine_prepared)
    candidates = [other for other in others if other.id != article.id]
    counts: dict[str, int] = {}
    for start in range(0, len(candidates), batch):
        shares = []
        for other in candidates[start : start + batch]:
            counts[other.id] = len(mine & shingles(prepare(other, lexicon))) if mine else 0
            share = counts[other.id] / len(mine) if mine else 0.0
            shares.append(PartnerShare(other.id, share, exact=False))
        yield shares
    closest = sorted(
        (other for other in candidates if counts[other.id]), key=lambda o: -counts[o.id]
    )[:exact]
    yield [
        PartnerShare(
            other.id,
            min(1.0, align_prepared(mine_prepared, prepare(other, lexicon), lexicon).coverage_a),
            exact=True,
        )
        for other in closest
    ]
