"""Time the quotes engine on the BBC News full-text corpus (plain script).

Usage::

    .venv/bin/python benchmarks/bench_quotes.py [--data ../shared/data]

Reads every ``bbc-news-fulltext/<category>/*.txt`` (utf-8, latin-1 fallback) first, then
times ``detect_quotes`` alone over all of them, direct quotes only and then with
reported speech (every kind, as the reader runs it), and prints articles, quotes,
speakers found and seconds; then every kind in one worker process per core (as
``newsroom analyze`` runs a large folder: forked, since no other thread runs), start-up
of the processes included and the results checked equal; then the time of a fixed
pure-Python loop as a yardstick of the machine's speed that day. The targets for the
2,225 articles: direct quotes <= 2 s, every kind <= 3 s in one process.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _data import read_latin_fallback  # noqa: E402

from reader.core.models import Quote  # noqa: E402
from reader.core.quotes import detect_quotes  # noqa: E402
from reader.processes import map_batches, worker_count  # noqa: E402


def all_kinds(text: str) -> list[Quote]:
    """Direct quotes and reported speech, as the reader's analysis finds them."""
    return detect_quotes(text, indirect=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    corpus = args.data / "bbc-news-fulltext"
    paths = sorted(corpus.glob("*/*.txt"))
    if not paths:
        print(f"BBC corpus not found at {corpus}; nothing to time.")
        return 0
    texts = [read_latin_fallback(p) for p in paths]
    start = time.perf_counter()
    direct = [detect_quotes(t) for t in texts]
    seconds = time.perf_counter() - start
    print(f"direct quotes: quotes={sum(map(len, direct))} seconds={seconds:.2f} "
          "(this process alone)")
    start = time.perf_counter()
    quotes = [all_kinds(t) for t in texts]
    seconds = time.perf_counter() - start
    found = sum(len(q) for q in quotes)
    named = sum(1 for qs in quotes for q in qs if q.speaker is not None)
    indirect = sum(1 for qs in quotes for q in qs if q.kind == "indirect")
    print(f"every kind: articles={len(texts)} quotes={found} indirect={indirect} "
          f"with_speaker={named} seconds={seconds:.2f} (this process alone)")
    workers = worker_count(None, len(texts))
    if workers:
        start = time.perf_counter()
        batches = list(map_batches(all_kinds, texts, batch=50, workers=workers))
        seconds = time.perf_counter() - start
        if [q for batch in batches for q in batch] != quotes:
            raise SystemExit("worker processes found different quotes")
        print(f"every kind in {workers} worker processes: seconds={seconds:.2f} (their "
              "start-up and the transfer of texts and results included; same quotes)")
    # The same machine's speed varies from day to day by 2-3x: a fixed pure-Python loop,
    # timed in this process, tells runs on different days apart.
    start = time.perf_counter()
    sum(range(30_000_000))
    print(f"reference: sum(range(30_000_000)) took {time.perf_counter() - start:.2f} s here")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
