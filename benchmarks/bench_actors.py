"""Time mention detection plus actor merging over the BBC News corpus (2,225 articles).

Usage::

    .venv/bin/python benchmarks/bench_actors.py [DATA_DIR]

Prints seconds, articles/s, actors and peak RSS. Sentence spans come from
``reader.core.text.split_sentences``. Goal: <= 10 s and <= 400 MB on 2 cores.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.actors import detect_mentions, merge_actors  # noqa: E402
from reader.core.text import split_sentences  # noqa: E402


def main() -> None:
    """Load the corpus, then time detection and merging."""
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    folder = data / "bbc-news-fulltext"
    if not folder.is_dir():
        sys.exit(f"BBC corpus not found: {folder} (pass DATA_DIR as argument)")
    texts: list[tuple[str, str]] = []
    for path in sorted(folder.glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        texts.append((f"{path.parent.name}/{path.stem}", text))
    started = time.perf_counter()
    docs = [(aid, detect_mentions(text, split_sentences(text))) for aid, text in texts]
    detected = time.perf_counter()
    actors, _ = merge_actors(docs)
    done = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = done - started
    print(f"articles: {len(texts)}  mentions: {sum(len(m) for _, m in docs)}")
    print(f"detect: {detected - started:.2f} s  merge: {done - detected:.2f} s")
    print(f"total: {total:.2f} s  ({len(texts) / total:.0f} articles/s)")
    print(f"actors: {len(actors)}  peak RSS: {peak_mb:.0f} MB")
    for actor in actors[:10]:
        print(f"  {actor.id}  mentions={actor.mentions} articles={len(actor.articles)}")


if __name__ == "__main__":
    main()
