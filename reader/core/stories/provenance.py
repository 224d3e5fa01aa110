"""Sentence provenance from alignments: which other articles share each sentence, and how.

The aligner pairs passages, not sentences: a pair can cover a clause of a sentence, or
several sentences at once. A sentence is shared with another article when most of its
text lies inside that article's aligned passages; it is *reuse* when the reuse passages
alone cover that much, else *paraphrase*.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reader.core.models import Article, PairKind, SentenceProvenance, Span

# Share of a sentence's characters (whitespace aside) that must lie inside the aligned
# passages of one partner. On the seeds every aligned sentence is covered whole (1.0)
# except three of 003 whose sourcing tail the rewrite 000 dropped: 0.66 ("..., according
# to the Financial Times"), 0.71 ("..., he told The Atlantic magazine") and 0.76
# ("... said after the meeting"). Their fact and quote are in 000, so they count as
# shared; a sentence of which only a clause is aligned (half or less) tells something
# the partner does not. No seed sentence sits near the cut.
SENTENCE_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Passage:
    """An aligned span of one article, the kind of its pair, and the article on the other side."""

    span: Span
    kind: PairKind
    partner: str


def _solid(text: str, start: int, end: int) -> int:
    """Characters that are not whitespace in ``text[start:end]``."""
    return sum(map(len, text[start:end].split()))


Shared = dict[int, dict[str, PairKind]]


def shared_sentences(article: Article, passages: Sequence[Passage]) -> Shared:
    """The sentences of an article that most of one partner's passages cover.

    Args:
        article: The article.
        passages: Its aligned passages against every partner (spans in its own text).

    Returns:
        Sentence index -> {partner: "reuse" when its reuse passages alone cover most of
        the sentence, else "paraphrase"}; sentences shared with nobody are absent.
    """
    by_partner: dict[str, list[Passage]] = {}
    for passage in passages:
        by_partner.setdefault(passage.partner, []).append(passage)
    text = article.text
    sentences = article.sentences
    totals = [_solid(text, s.start, s.end) for s in sentences] if passages else []
    found: Shared = {}
    # One partner's passages are disjoint (one alignment's spans of a side are), so a
    # sweep over sorted sentences and sorted passages visits each overlap once.
    for partner, mine in by_partner.items():
        mine.sort(key=lambda p: p.span.start)
        either = [0] * len(sentences)
        reuse = [0] * len(sentences)
        k = 0
        for passage in mine:
            span = passage.span
            while k < len(sentences) and sentences[k].end <= span.start:
                k += 1
            n = k
            while n < len(sentences) and sentences[n].start < span.end:
                sentence = sentences[n]
                if span.start <= sentence.start and sentence.end <= span.end:
                    inside = totals[n]
                else:
                    lo, hi = max(sentence.start, span.start), min(sentence.end, span.end)
                    inside = _solid(text, lo, hi)
                either[n] += inside
                if passage.kind == "reuse":
                    reuse[n] += inside
                n += 1
        for n, inside in enumerate(either):
            need = SENTENCE_SHARE * totals[n]
            if inside and inside >= need:
                kind: PairKind = "reuse" if reuse[n] >= need else "paraphrase"
                found.setdefault(n, {})[partner] = kind
    return found


def provenance_records(
    shared: Shared, facts: Mapping[int, frozenset[str]]
) -> tuple[SentenceProvenance, ...]:
    """One record a shared sentence, passages first, same-fact matches for the rest.

    A sentence some partner reuses is "reuse" with the partners reusing it (those only
    retelling it are left out: the record says where its words come from); otherwise
    "paraphrase" with every partner retelling it.

    Args:
        shared: From ``shared_sentences`` (and merged relations).
        facts: Sentence index -> articles telling the same fact (``facts.same_facts``).

    Returns:
        Records sorted by sentence, partner ids sorted in each.
    """
    # Most sentences of an article share the same partners: one tuple for all of them
    # (a 10,000-article corpus holds a quarter of a million records).
    partner_tuples: dict[tuple[str, ...], tuple[str, ...]] = {}

    def partners_of(ids: Iterable[str]) -> tuple[str, ...]:
        found = tuple(sorted(ids))
        return partner_tuples.setdefault(found, found)

    records = []
    for index, kinds in shared.items():
        reusing = partners_of(p for p, kind in kinds.items() if kind == "reuse")
        if reusing:
            records.append(SentenceProvenance(index, "reuse", reusing))
        elif kinds:
            records.append(SentenceProvenance(index, "paraphrase", partners_of(kinds)))
    records.extend(
        SentenceProvenance(index, "paraphrase", partners_of(partners))
        for index, partners in facts.items()
        if index not in shared and partners
    )
    records.sort(key=lambda record: record.sentence)
    return tuple(records)
