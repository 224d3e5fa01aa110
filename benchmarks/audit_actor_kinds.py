"""Print actor kinds on the BBC News corpus for a person to audit.

Usage::

    .venv/bin/python benchmarks/audit_actor_kinds.py [DATA_DIR] [--names NAME ...]
        [--sample 50] [--min-mentions 5] [--seed 15]

Runs mention detection and the corpus-wide merge as ``bench_actors.py`` does, then prints:

* every actor whose name or an alias contains one of ``--names`` (case-insensitive; by
  default the cases of defect 17), with its kind and mention count;
* a fixed-seed sample of ``--sample`` actors with at least ``--min-mentions`` mentions,
  sorted by name. Each actor's place in the draw is a hash of the seed and its name, not
  its rank in the list, so a change that merges or relabels a few actors leaves the rest
  of the sample as it was and the same actors can be audited before and after.

Skips with a message (exit 0) when the corpus is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _data import data_dir, read_latin_fallback  # noqa: E402

from reader.core.actors import detect_mentions, merge_actors  # noqa: E402
from reader.core.models import Actor  # noqa: E402
from reader.core.text import split_sentences  # noqa: E402

DEFECT_NAMES = (
    "Sony",
    "Google",
    "Sony Ericsson",
    "Sony Pictures",
    "Blair derided",
    "Blair doesn",
    "DVD",
    "Oscar",
)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="folder holding bbc-news-fulltext/")
    parser.add_argument("--names", nargs="+", default=list(DEFECT_NAMES))
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--min-mentions", type=int, default=5)
    parser.add_argument("--seed", type=int, default=15)
    return parser.parse_args()


def _actors(folder: Path) -> list[Actor]:
    """All actors of the corpus, merged, most mentioned first."""
    docs = []
    for path in sorted(folder.glob("*/*.txt")):
        text = read_latin_fallback(path)
        docs.append(
            (f"{path.parent.name}/{path.stem}", detect_mentions(text, split_sentences(text)))
        )
    actors, _ = merge_actors(docs)
    return actors


def _draw(seed: int, name: str) -> str:
    """An actor's place in the sample: stable across runs, Python versions and changes."""
    return hashlib.sha1(f"{seed}:{name}".encode()).hexdigest()


def _row(actor: Actor) -> str:
    aliases = ", ".join(actor.aliases[:4]) + (" ..." if len(actor.aliases) > 4 else "")
    return f"  {actor.kind:<13}{actor.mentions:>5}  {actor.name}" + (
        f"  [{aliases}]" if aliases else ""
    )


def main() -> None:
    """Print the named actors' kinds and the audit sample."""
    args = _arguments()
    folder = data_dir([sys.argv[0], args.data] if args.data else [sys.argv[0]], "bbc-news-fulltext")
    actors = _actors(folder)
    print(f"{len(actors)} actors")
    for name in args.names:
        wanted = name.lower()
        hits = [a for a in actors if any(wanted in s.lower() for s in (a.name, *a.aliases))]
        print(f"{name!r}: {len(hits)} actor(s)")
        for actor in hits[:8]:
            print(_row(actor))
    frequent = [a for a in actors if a.mentions >= args.min_mentions]
    chosen = sorted(frequent, key=lambda a: _draw(args.seed, a.name))[: args.sample]
    print(f"\nsample: {len(chosen)} of {len(frequent)} actors with >= {args.min_mentions} mentions")
    for actor in sorted(chosen, key=lambda a: a.name):
        print(_row(actor))


if __name__ == "__main__":
    main()
