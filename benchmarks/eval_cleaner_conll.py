"""How much of plain-text wire copy the cleaner keeps: CoNLL-2003 valid as text files.

Each CoNLL document is written to a file of its own, one sentence a paragraph (tokens
joined by spaces, a blank line between sentences), then read and cleaned as the reader
does a folder (``load_documents`` + ``clean_corpus``, so lines repeated across the
corpus count as template). A body sentence, that is every sentence but the headline and
the dateline ("LONDON 1996-08-30"), survives when its text is in the cleaned text. Goal:
at least 0.98 of them survive. The worst documents are listed so a miss can be read.

Usage: python benchmarks/eval_cleaner_conll.py [DATA_DIR] [--worst N]
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from _data import data_dir, read_conll

from reader.core.text import clean_corpus
from reader.sources.files import load_documents

# A dateline: a place in capitals (and its country or state), then an ISO date
# ("SAN FRANCISCO 1996-08-30", "MILWAUKEE , Wisconsin 1996-08-29").
DATELINE = re.compile(r"^[A-Z][A-Z .'()/-]*(?:,[\w .'()/-]*)?\s\d{4}-\d{2}-\d{2}$")
HEADER_SENTENCES = 3


def body_start(sentences: list[str]) -> int:
    """Index of the first body sentence: after the dateline, or after the headline."""
    for index, sentence in enumerate(sentences[:HEADER_SENTENCES]):
        if DATELINE.match(sentence):
            return index + 1
    return 1


def main() -> None:
    argv = [a for a in sys.argv if not a.startswith("--")]
    worst = int(sys.argv[sys.argv.index("--worst") + 1]) if "--worst" in sys.argv else 5
    if "--worst" in sys.argv:
        argv = [a for a in argv if a != str(worst)]
    folder = data_dir(argv, "conll2003")
    docs = read_conll(folder / "valid.txt")
    texts = [[" ".join(word for word, _ in sentence) for sentence in doc] for doc in docs]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for number, sentences in enumerate(texts):
            (root / f"{number:03d}.txt").write_text("\n\n".join(sentences) + "\n", "utf-8")
        result = load_documents([root])
    articles = {Path(a.path).stem: a for a in clean_corpus(result.documents)}
    kept = total = 0
    misses: list[tuple[int, int, str]] = []
    for number, sentences in enumerate(texts):
        article = articles.get(f"{number:03d}")
        cleaned = " ".join(article.text.split()) if article else ""
        body = sentences[body_start(sentences) :]
        lost = [s for s in body if " ".join(s.split()) not in cleaned]
        kept += len(body) - len(lost)
        total += len(body)
        if lost:
            misses.append((len(lost), number, lost[0]))
    print(f"documents: {len(texts)}  read errors: {len(result.errors)}")
    print(f"body sentences kept: {kept} / {total} = {kept / total:.4f}  (goal >= 0.98)")
    print(f"documents losing any: {len(misses)}")
    for count, number, first in sorted(misses, reverse=True)[:worst]:
        print(f"  {number:03d}: {count} lost, first: {first[:70]}")


if __name__ == "__main__":
    main()
