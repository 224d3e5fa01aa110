"""How much of an article its story tells elsewhere: shares of its sentence text by kind.

One definition for the story screen's coverage strips and the reports' coverage tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.models import Article, SentenceProvenance


@dataclass(frozen=True, slots=True)
class Shares:
    """Shares of an article's sentence text (by characters) per provenance kind."""

    reuse: float
    paraphrase: float

    @property
    def only(self) -> float:
        """What no other article of the story tells."""
        return max(0.0, 1.0 - self.reuse - self.paraphrase)


def sentence_shares(article: Article, provenance: Sequence[SentenceProvenance]) -> Shares:
    """The shares of ``article``'s sentences, weighted by length, by provenance kind."""
    lengths = [span.end - span.start for span in article.sentences]
    total = sum(lengths)
    if not total:
        return Shares(0.0, 0.0)
    by_kind = {"reuse": 0, "paraphrase": 0}
    for record in provenance:
        if record.sentence < len(lengths):
            by_kind[record.kind] += lengths[record.sentence]
    return Shares(by_kind["reuse"] / total, by_kind["paraphrase"] / total)
