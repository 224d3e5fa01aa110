"""Where the shared evaluation data lives, for the benchmark scripts."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def data_dir(argv: list[str], name: str) -> Path:
    """The data folder ``name`` under argv[1] or ``../shared/data``; exit if absent."""
    root = Path(argv[1]) if len(argv) > 1 else REPO.parent / "shared" / "data"
    folder = root / name
    if not folder.is_dir():
        print(f"skipped: {folder} not found (pass the data folder as the first argument)")
        raise SystemExit(0)
    return folder


def read_latin_fallback(path: Path) -> str:
    """BBC files are UTF-8 except one Latin-1 file; read either."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Read a CoNLL-2003 file into documents of sentences of ``(word, tag)``."""
    docs: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sentence:
                if not docs:
                    docs.append([])
                docs[-1].append(sentence)
                sentence = []
            continue
        if parts[0] == "-DOCSTART-":
            docs.append([])
            continue
        sentence.append((parts[0], parts[-1]))
    if sentence:
        docs[-1].append(sentence)
    return [d for d in docs if d]


if __name__ == "__main__":
    sys.exit("a helper module, not a benchmark")
