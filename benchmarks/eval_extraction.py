"""Article-body extraction quality on the Zyte article-extraction benchmark.

For each of the 181 pages, compare with the gold ``articleBody``:
  * trafilatura alone (its plain-text body, default settings, with its fall-backs),
  * trafilatura in fast mode (no fall-backs) and readability-lxml alone,
  * before: trafilatura's default body through the project's cleaning (what the reader
    did before the vote), and
  * newsroom: our HTML ingestion (the trafilatura/readability vote, then cleaning).
Score: bag-of-tokens precision/recall/F1 per page (lower-cased word tokens, multiset
overlap), averaged over pages, as in the benchmark's own evaluation; seconds per page
for each, in the same run (so "before" and "newsroom" compare on one machine load).

Usage: python benchmarks/eval_extraction.py [DATA_DIR]
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from _data import data_dir

from reader.core.models import RawDocument
from reader.core.text import clean_document
from reader.sources.decoding import decode_bytes, normalise_text
from reader.sources.html import (
    MAX_TREE_DEPTH,
    flat_text,
    nesting_depth,
    read_html,
    readability_text,
)

TOKEN = re.compile(r"\w+")


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Token multiset precision, recall and F1."""
    pred = Counter(TOKEN.findall(predicted.lower()))
    truth = Counter(TOKEN.findall(gold.lower()))
    common = sum((pred & truth).values())
    if not pred or not truth:
        return (1.0, 1.0, 1.0) if pred == truth else (0.0, 0.0, 0.0)
    precision, recall = common / sum(pred.values()), common / sum(truth.values())
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def page_html(folder: Path, item_id: str) -> str:
    path = folder / "html" / f"{item_id}.html"
    data = path.read_bytes() if path.exists() else gzip.decompress(
        (folder / "html" / f"{item_id}.html.gz").read_bytes())
    return decode_bytes(data)[0]


def newsroom(html: str) -> str:
    try:
        return clean_document(read_html("page", "page", html)).text
    except ValueError:
        return ""


def before(html: str) -> str:
    """The reader's extraction before the vote: trafilatura's body and metadata
    (default settings, its own fall-backs on), cleaned; flat pages as the reader does."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True)
    body = normalise_text(found.text or "") if found is not None else ""
    if not body or nesting_depth(html) > MAX_TREE_DEPTH:
        doc = RawDocument(id="page", path="page", text=normalise_text(flat_text(html)))
    else:
        doc = RawDocument(id="page", path="page", text=body, title=found.title,
                          byline=found.author, extracted=True)
    return clean_document(doc).text


def extractors() -> dict[str, Callable[[str], str]]:
    import trafilatura

    return {
        "trafilatura": lambda html: trafilatura.extract(
            html, include_comments=False, include_tables=False) or "",
        "traf-fast": lambda html: trafilatura.extract(
            html, include_comments=False, include_tables=False, fast=True) or "",
        "readability": readability_text,
        "before": before,
        "newsroom": newsroom,
    }


def main() -> None:
    folder = data_dir(sys.argv, "article-extraction-benchmark")
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    runs = extractors()
    scores: dict[str, list[tuple[float, float, float]]] = {name: [] for name in runs}
    seconds = dict.fromkeys(runs, 0.0)
    for item_id, record in sorted(gold.items()):
        html = page_html(folder, item_id)
        body = record["articleBody"]
        for name, extract in runs.items():
            start = time.perf_counter()
            text = extract(html)
            seconds[name] += time.perf_counter() - start
            scores[name].append(prf(text, body))
    print(f"pages: {len(gold)}")
    print(f"{'extractor':<14} {'P':>6} {'R':>6} {'F1':>6} {'s/page':>8}")
    for name, rows in scores.items():
        p, r, f = (sum(col) / len(rows) for col in zip(*rows, strict=True))
        print(f"{name:<14} {p:6.3f} {r:6.3f} {f:6.3f} {seconds[name] / len(rows):8.4f}")
    ratio = seconds["newsroom"] / seconds["before"]
    print(f"newsroom time / before: {ratio:.2f}x  (goal <= 2x; F1 goal >= 0.97)")


if __name__ == "__main__":
    main()
