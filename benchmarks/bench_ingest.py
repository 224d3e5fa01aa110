"""Ingest + clean throughput on the BBC full-text corpus (goal: >= 2,000 articles/s).

Usage: python benchmarks/bench_ingest.py [DATA_DIR]
"""

from __future__ import annotations

import sys
import time

from _data import data_dir

from reader.core.text import clean_corpus
from reader.sources.files import load_documents


def main() -> None:
    folder = data_dir(sys.argv, "bbc-news-fulltext")
    best_load = best_clean = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        result = load_documents(sorted(p for p in folder.iterdir() if p.is_dir()))
        loaded = time.perf_counter()
        articles = clean_corpus(result.documents)
        done = time.perf_counter()
        best_load = min(best_load, loaded - start)
        best_clean = min(best_clean, done - loaded)
    total = best_load + best_clean
    count = len(articles)
    print(f"articles: {count}  errors: {len(result.errors)}")
    print(f"read+decode: {best_load:.3f} s   clean: {best_clean:.3f} s   (best of 3)")
    print(f"throughput: {count / total:,.0f} articles/s  (goal >= 2,000)")
    untitled = sum(1 for a in articles if not a.title)
    print(f"untitled: {untitled}  empty bodies: {sum(1 for a in articles if not a.text)}")


if __name__ == "__main__":
    main()
