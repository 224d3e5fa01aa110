"""The library's goals: a second analyze >= 10x faster, a seen 10,000-article folder
fully analysed in the reader within 2 s, one changed file analysed alone, <= 300 MB.

1. ``newsroom analyze BBC --json`` in a fresh library (first), again (second), and with
   ``--no-cache`` (what every run cost before the library), each a fresh process.
2. One BBC file changed: the next run adds exactly one analysis to the cache.
3. The reader on 10,000 articles (BBC copied, as benchmarks/bench_tui.py builds them):
   the first open fills the library; then, in a fresh process, the time from launch
   until every row shows its counts (the corpus loaded, actors merged).
4. The library's size on disk after all of it.

Usage: python benchmarks/bench_library.py [DATA_DIR]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _data import REPO, data_dir
from bench_tui import build_folder

NEWSROOM = [sys.executable, "-m", "reader"]
# Runs the reader headless until the whole corpus is loaded; prints seconds since launch.
READER = """
import sys, time
from pathlib import Path
from reader.config import Config
from reader.ui.app import ReaderApp
class Timed(ReaderApp):
    def on_corpus_loaded(self, message):
        def done():
            print(time.time() - START, self.main_screen.article_list.row_count)
            self.exit()
        self.call_after_refresh(done)
Timed(Config(paths=(Path(sys.argv[1]),))).run(headless=True, size=(120, 40))
"""


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, check=True, cwd=REPO)
    return time.perf_counter() - start


def entries(env: dict[str, str]) -> int:
    out = subprocess.run([*NEWSROOM, "cache", "info"], env=env, capture_output=True,
                         text=True, check=True, cwd=REPO).stdout
    return int(out.split("entries: ")[1].split()[0].replace(",", ""))


def reader_seconds(folder: Path, env: dict[str, str]) -> tuple[float, int]:
    # The launch time goes in as an argument: start-up and imports count.
    code = READER.replace("START", "float(sys.argv[2])")
    out = subprocess.run([sys.executable, "-c", code, str(folder), repr(time.time())],
                         env=env, capture_output=True, text=True, check=True, cwd=REPO)
    seconds, rows = out.stdout.split()[-2:]
    return float(seconds), int(rows)


def main() -> None:
    bbc = data_dir(sys.argv, "bbc-news-fulltext")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = {**os.environ, "NEWSROOM_HOME": str(root / "home")}
        corpus = root / "bbc"
        shutil.copytree(bbc, corpus)
        analyze = [*NEWSROOM, "analyze", str(corpus), "--json"]
        first = timed(analyze, env)
        second = min(timed(analyze, env) for _ in range(3))
        uncached = timed([*analyze, "--no-cache"], env)
        print(f"analyze BBC (2,225): first {first:.1f} s, second {second:.2f} s (best of 3), "
              f"--no-cache {uncached:.1f} s; speed-up {first / second:.1f}x "
              f"({uncached / second:.1f}x over --no-cache; goal >= 10x)")
        before = entries(env)
        changed = sorted(corpus.glob("*/*.txt"))[100]
        changed.write_text(changed.read_text(errors="replace").replace(" the ", " this ", 1))
        third = timed(analyze, env)
        print(f"one file changed: {entries(env) - before} new analysis, run took {third:.1f} s")
        folder = root / "10k"
        folder.mkdir()
        build_folder(bbc, folder, 10_000)
        cold, rows = reader_seconds(folder, env)
        warm = sorted(reader_seconds(folder, env)[0] for _ in range(3))
        print(f"reader, 10,000 articles: first open {cold:.1f} s; seen before {warm[1]:.2f} s "
              f"(median of 3, {rows:,} rows with counts; goal <= 2 s)")
        size = sum(p.stat().st_size for p in (root / "home").iterdir())
        print(f"library size: {size / 1_048_576:.1f} MB (goal <= 300 MB)")


if __name__ == "__main__":
    main()
