"""PolNeAR gold direct quotes, Sources and hand-resolved referents (for the evaluation).

See ``eval_quotes_polnear.py`` for the choices made in reading the gold; this module only
reads it: brat ``.ann`` files, the outermost quoted words of each Content, and
``data/polnear_<split>_referents.tsv``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.models import Span

ROOT = Path(__file__).resolve().parents[1]

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}


@dataclass
class Gold:
    span: Span
    sources: list[Span]
    source_text: str


def _fragments(spec: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in spec.split(";"))]


def _quoted_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Words inside the outermost mark pairs of ``text[start:end]``."""
    frag = text[start:end].replace("''", ' "')  # '' is a double mark; same length
    if any(c in frag for c in '“”"'):

        def role(i: int) -> int:
            c = frag[i]
            return 1 if c == "“" else -1 if c == "”" else 0

        marks = [i for i, c in enumerate(frag) if c in '“”"']
    else:

        def is_mark(i: int) -> bool:
            c = frag[i]
            if c == "‘":
                return True
            left = frag[i - 1] if i > 0 else " "
            right = frag[i + 1] if i + 1 < len(frag) else " "
            return (
                c in "’'"
                and not (left.isalnum() and right.isalnum())
                and not (left.isalpha() and right.isspace() and left in "sS")
            )

        def role(i: int) -> int:
            return 1 if frag[i] == "‘" else -1 if frag[i] == "’" else 0

        marks = [i for i, c in enumerate(frag) if c in "‘’'" and is_mark(i)]
    segments: list[tuple[int, int]] = []
    depth = 0
    open_at = 0
    for n, i in enumerate(marks):
        r = role(i)
        if r == 0:  # straight mark: alternate, with the first one opening
            r = 1 if depth == 0 else -1
        if r == 1:
            if depth == 0:
                open_at = i + 1
            depth += 1
        elif depth == 0 and n == 0:
            segments.append((0, i))  # fragment starts inside the quote
        elif depth > 0:
            depth -= 1
            if depth == 0:
                segments.append((open_at, i))
    if depth > 0:
        segments.append((open_at, len(frag)))
    result = []
    for a, b in segments:
        while a < b and frag[a].isspace():
            a += 1
        while b > a and frag[b - 1].isspace():
            b -= 1
        if b > a:
            result.append((start + a, start + b))
    return result


def load_gold(text: str, ann: Path) -> tuple[list[Gold], list[tuple[int, str]]]:
    """Gold quotes of one article, and the Source (start, text) of every relation."""
    spans: dict[str, list[tuple[int, int]]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if re.match(r"T\d+\t\S+ \d", line):
            tid, middle = line.split("\t")[:2]
            spans[tid] = _fragments(middle.split(" ", 1)[1])
        elif re.match(r"E\d+\t", line):
            parts = line.split("\t")[1].split()
            relations.append(dict(p.split(":", 1) for p in parts))
    found: dict[tuple[int, int], Gold] = {}
    all_sources: list[tuple[int, str]] = []
    for rel in relations:
        if "Content" not in rel:
            continue
        sources = [Span(a, b) for a, b in spans.get(rel.get("Source", ""), [])]
        source_text = " ".join(text[s.start : s.end] for s in sources)
        if sources:
            all_sources.append((sources[0].start, source_text))
        for a, b in spans[rel["Content"]]:
            for qa, qb in _quoted_segments(text, a, b):
                found.setdefault((qa, qb), Gold(Span(qa, qb), sources, source_text))
    golds = sorted(found.values(), key=lambda g: (g.span.start, -g.span.end))
    outer: list[Gold] = []
    for g in golds:
        if outer and outer[-1].span.contains(g.span):
            continue
        outer.append(g)
    return outer, sorted(set(all_sources))


def head_name(source: str) -> str | None:
    """Lowercased last capitalised word before a comma or “who”, else the last word."""
    part = re.split(r",| who ", source)[0]
    words = re.findall(r"[\w’'.-]+", part)
    words = [re.sub(r"(’s|'s)$", "", w).strip(".") for w in words]
    caps = [w for w in words if w[:1].isupper()]
    if caps:
        return str(caps[-1]).lower()
    return str(words[-1]).lower() if words else None


def is_named(source: str) -> bool:
    words = re.findall(r"[\w’'.-]+", re.split(r",| who ", source)[0])
    return any(w[:1].isupper() and w.lower() not in ("the", "a", "an") for w in words)


def source_kind(source: str) -> str:
    """``name``, ``pronoun``, ``definite`` (the agency) or ``indefinite`` (a spokesman)."""
    low = source.strip().lower()
    if low in _PRONOUNS:
        return "pronoun"
    if is_named(source):
        return "name"
    first = low.split()[0] if low.split() else ""
    return (
        "definite"
        if first in ("the", "his", "her", "their", "its", "this", "that")
        else ("indefinite")
    )


def articles(split_dir: Path) -> Iterator[tuple[str, str, Path]]:
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        anns = sorted((split_dir / "attributions").glob(text_path.stem + "_*.ann"))
        if anns:
            yield text_path.stem, text_path.read_text(encoding="utf-8"), anns[0]


Referents = dict[tuple[str, int], tuple[int, int] | None]


def article_key(name: str) -> str:
    """The key of an article in the referents file: a hash of its file stem, not its words."""
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:16]


def load_referents(split: str) -> Referents:
    """Hand-resolved referents by (article key, Source start); None for nobody named."""
    path = ROOT / "benchmarks" / "data" / f"polnear_{split}_referents.tsv"
    found: Referents = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            article, start, _end, ref_start, ref_end, _confidence = line.split("\t")
            ref = None if ref_start == "-" else (int(ref_start), int(ref_end))
            found[(article, int(start))] = ref
    return found
