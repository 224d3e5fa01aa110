"""Article-body extraction quality on the Zyte article-extraction benchmark.

For each of the 181 pages, compare with the gold ``articleBody``:
  * trafilatura alone (its plain-text body), and
  * our HTML ingestion (trafilatura + the project's chrome and credit cleaning).
Score: bag-of-tokens precision/recall/F1 per page (lower-cased word tokens, multiset
overlap), averaged over pages, as in the benchmark's own evaluation.

Usage: python benchmarks/eval_extraction.py [DATA_DIR]
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from _data import data_dir

from reader.core.text import clean_document
from reader.sources.decoding import decode_bytes
from reader.sources.html import read_html

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


def main() -> None:
    folder = data_dir(sys.argv, "article-extraction-benchmark")
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    import trafilatura

    scores: dict[str, list[tuple[float, float, float]]] = {"trafilatura": [], "newsroom": []}
    seconds = {"trafilatura": 0.0, "newsroom": 0.0}
    for item_id, record in sorted(gold.items()):
        html = page_html(folder, item_id)
        body = record["articleBody"]
        start = time.perf_counter()
        baseline = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
        seconds["trafilatura"] += time.perf_counter() - start
        scores["trafilatura"].append(prf(baseline, body))
        start = time.perf_counter()
        try:
            ours = clean_document(read_html(item_id, item_id, html)).text
        except ValueError:
            ours = ""
        seconds["newsroom"] += time.perf_counter() - start
        scores["newsroom"].append(prf(ours, body))
    print(f"pages: {len(gold)}")
    print(f"{'extractor':<14} {'P':>6} {'R':>6} {'F1':>6} {'s/page':>8}")
    for name, rows in scores.items():
        p, r, f = (sum(col) / len(rows) for col in zip(*rows, strict=True))
        print(f"{name:<14} {p:6.3f} {r:6.3f} {f:6.3f} {seconds[name] / len(rows):8.4f}")


if __name__ == "__main__":
    main()
