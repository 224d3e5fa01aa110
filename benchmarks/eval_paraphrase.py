"""Same-fact sentence pairs between the independent seed reports, against the hand gold.

Usage::

    .venv/bin/python benchmarks/eval_paraphrase.py

Gold: ``tests/data/paraphrase_gold.tsv`` (seed pairs 001/002, 001/004, 000/001; the rule is
at its top). Each article pair is aligned with ``align_articles``; a sentence pair is
*found* when one aligned pair (reuse or paraphrase: reuse counts as found) covers part of
both sentences. Recall = gold pairs found / gold pairs; precision = found pairs in the
gold / found pairs. The goal (issue #22) is recall >= 0.7 at precision >= 0.8.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.core.align import align_articles
from reader.core.models import Article, RawDocument
from reader.core.text.cleaning import clean_corpus

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests/data/paraphrase_gold.tsv"

SentencePair = tuple[str, str, int, int]


def seeds() -> dict[str, Article]:
    """The cleaned seed articles keyed by their three-digit prefix."""
    docs = [
        RawDocument(id=path.stem[:3], path=str(path), text=path.read_text(encoding="utf-8"))
        for path in sorted((REPO / "seeds").glob("*.txt"))
    ]
    return {article.id: article for article in clean_corpus(docs)}


def _sentence(article: Article, text: str) -> int:
    for k, span in enumerate(article.sentences):
        if article.text[span.start:span.end] == text:
            return k
    raise ValueError(f"{article.id}: gold sentence not among the cleaned sentences: {text[:60]!r}")


def gold_pairs(articles: dict[str, Article]) -> set[SentencePair]:
    """The gold as (article a, article b, sentence index in a, sentence index in b)."""
    pairs = set()
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        a, b, text_a, text_b = line.split("\t")
        pairs.add((a, b, _sentence(articles[a], text_a), _sentence(articles[b], text_b)))
    return pairs


def found_pairs(articles: dict[str, Article], a: str, b: str) -> set[SentencePair]:
    """Sentence pairs that one aligned passage of ``a`` and ``b`` covers part of."""
    left, right = articles[a], articles[b]
    found = set()
    for pair in align_articles(left, right).pairs:
        for i, sa in enumerate(left.sentences):
            if not sa.overlaps(pair.a):
                continue
            for j, sb in enumerate(right.sentences):
                if sb.overlaps(pair.b):
                    found.add((a, b, i, j))
    return found


Score = tuple[float, float, set[SentencePair], set[SentencePair]]


def score(articles: dict[str, Article]) -> Score:
    """Recall, precision, the gold pairs missed and the found pairs not in the gold."""
    gold = gold_pairs(articles)
    found: set[SentencePair] = set()
    for a, b in sorted({(a, b) for a, b, _, _ in gold}):
        found |= found_pairs(articles, a, b)
    hits = gold & found
    recall = len(hits) / len(gold)
    precision = len(hits) / len(found) if found else 1.0
    return recall, precision, gold - found, found - gold


def main() -> int:
    articles = seeds()
    recall, precision, missed, extra = score(articles)

    def show(key: SentencePair) -> str:
        a, b, i, j = key
        sa, sb = articles[a].sentences[i], articles[b].sentences[j]
        return (f"  {a}:{i} {articles[a].text[sa.start:sa.end][:70]!r}\n"
                f"  {b}:{j} {articles[b].text[sb.start:sb.end][:70]!r}")

    print(f"recall {recall:.2f}  precision {precision:.2f}  "
          f"(missed {len(missed)}, not in gold {len(extra)})")
    for label, keys in (("missed", missed), ("not in gold", extra)):
        for key in sorted(keys):
            print(f"{label}:\n{show(key)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
