"""Sentence provenance from alignments: which other articles share each sentence, and how.

The aligner pairs passages, not sentences: a pair can cover a clause of a sentence, or
several sentences at once. A sentence is shared with another article when most of its
text lies inside that article's aligned passages; it is *reuse* when the reuse passages
alone cover that much, else *paraphrase*.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
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
    if not passages:
        return {}
    ordered = sorted(passages, key=lambda p: p.span.start)
    starts = [p.span.start for p in ordered]
    # Passages of one article against one partner are disjoint, but against several they
    # nest, so a scan back from the sentence start must not stop at the first miss.
    longest = max(len(p.span) for p in ordered)
    text = article.text
    found: Shared = {}
    for index, sentence in enumerate(article.sentences):
        total = _solid(text, sentence.start, sentence.end)
        if total == 0:
            continue
        reuse: dict[str, int] = {}
        either: dict[str, int] = {}
        k = bisect.bisect_left(starts, sentence.start - longest)
        while k < len(ordered) and ordered[k].span.start < sentence.end:
            passage = ordered[k]
            k += 1
            lo, hi = max(sentence.start, passage.span.start), min(sentence.end, passage.span.end)
            if lo >= hi:
                continue
            inside = _solid(text, lo, hi)
            either[passage.partner] = either.get(passage.partner, 0) + inside
            if passage.kind == "reuse":
                reuse[passage.partner] = reuse.get(passage.partner, 0) + inside
        need = SENTENCE_SHARE * total
        kinds: dict[str, PairKind] = {
            partner: "reuse" if reuse.get(partner, 0) >= need else "paraphrase"
            for partner, inside in either.items()
            if inside >= need
        }
        if kinds:
            found[index] = kinds
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
    records = []
    for index, kinds in shared.items():
        reusing = sorted(p for p, kind in kinds.items() if kind == "reuse")
        if reusing:
            records.append(SentenceProvenance(index, "reuse", tuple(reusing)))
        elif kinds:
            records.append(SentenceProvenance(index, "paraphrase", tuple(sorted(kinds))))
    records.extend(
        SentenceProvenance(index, "paraphrase", tuple(sorted(partners)))
        for index, partners in facts.items()
        if index not in shared and partners
    )
    records.sort(key=lambda record: record.sentence)
    return tuple(records)
