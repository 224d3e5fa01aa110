"""Entity F1 of ``reader.core.actors.detect_mentions`` on CoNLL-2003 ``valid.txt``.

Usage::

    .venv/bin/python benchmarks/eval_conll.py [DATA_DIR]

Each CoNLL document is rebuilt as text (tokens joined by spaces, one sentence a line, the
gold sentence spans passed in), run through the full ``detect_mentions`` (model plus
rules), and scored conlleval-style: an entity counts only with exact character span and
type. Our kinds map to PER (person), ORG (organisation) and LOC (place). MISC is excluded:
it is no actor kind, so gold MISC entities are dropped from the gold set and no MISC is
predicted. The model never saw ``valid.txt`` (trained on ``train.txt`` only).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _data import read_conll  # noqa: E402

from reader.core.actors import detect_mentions  # noqa: E402
from reader.core.models import Span  # noqa: E402

LABELS = {"person": "PER", "organisation": "ORG", "place": "LOC"}


def data_dir_from_argv() -> Path:
    """The data directory from argv, or the default; exit with a message when missing."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    if not (path / "conll2003" / "valid.txt").is_file():
        sys.exit(f"CoNLL-2003 valid.txt not found under {path} (pass DATA_DIR as argument)")
    return path


def rebuild(doc: list[list[tuple[str, str]]]) -> tuple[str, list[Span], set[tuple[int, int, str]]]:
    """Text, sentence spans and gold non-MISC entities ``(start, end, type)`` of a document."""
    pieces: list[str] = []
    sentences: list[Span] = []
    entities: list[list[int | str]] = []
    offset = 0
    for sentence in doc:
        start = offset
        current: list[int | str] | None = None
        for k, (word, tag) in enumerate(sentence):
            if k:
                pieces.append(" ")
                offset += 1
            w_start = offset
            pieces.append(word)
            offset += len(word)
            if tag.startswith("I-") and current is not None and current[2] == tag[2:]:
                current[1] = offset
            elif tag == "O":
                current = None
            else:
                current = [w_start, offset, tag[2:]]
                entities.append(current)
        sentences.append(Span(start, offset))
        pieces.append("\n")
        offset += 1
    gold = {(int(s), int(e), str(t)) for s, e, t in entities if t != "MISC"}
    return "".join(pieces), sentences, gold


def main() -> None:
    """Score and print per-type and overall precision, recall and F1."""
    data = data_dir_from_argv()
    docs = read_conll(data / "conll2003" / "valid.txt")
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    started = time.perf_counter()
    for doc in docs:
        text, sentences, gold = rebuild(doc)
        found = detect_mentions(text, sentences)
        pred = {(m.span.start, m.span.end, LABELS[m.kind]) for m in found}
        for _, _, t in gold:
            n_gold[t] += 1
        for _, _, t in pred:
            n_pred[t] += 1
        for _, _, t in gold & pred:
            tp[t] += 1
    elapsed = time.perf_counter() - started
    print(f"CoNLL-2003 valid.txt: {len(docs)} documents, {elapsed:.1f} s (MISC excluded)")
    print(f"{'type':<8}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for label in [*LABELS.values(), "overall"]:
        if label == "overall":
            g, p, c = sum(n_gold.values()), sum(n_pred.values()), sum(tp.values())
        else:
            g, p, c = n_gold[label], n_pred[label], tp[label]
        prec = c / p if p else 0.0
        rec = c / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"{label:<8}{g:>6}{p:>6}{prec:>8.4f}{rec:>8.4f}{f1:>8.4f}")


if __name__ == "__main__":
    main()
