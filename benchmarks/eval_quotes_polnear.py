"""Evaluate the quotes engine against PolNeAR direct quotes (plain script).

Usage::

    .venv/bin/python benchmarks/eval_quotes_polnear.py [--data ../shared/data] [--split dev]

Gold (documented choices):

* An article's annotation is its first ``.ann`` file in sorted order.
* A gold direct quote comes from an attribution relation (``E`` line with a Content)
  whose Content span contains a quote mark. Inside each Content fragment we pair the
  marks (“ ” and " and '' first; ‘ ’ and word-boundary ' only when the fragment has no
  double marks) and take the words inside each *outermost* pair, whitespace trimmed. So
  ``the senator a "nasty guy," an "anchor baby"`` gives two gold quotes, a split quote
  (a Content with two fragments) gives one per fragment, and a mark left open at the
  fragment edge runs to that edge. Gold quotes inside another gold quote are dropped
  (the engine returns outer quotes only); identical ones are merged.
* Overlap match: a prediction and a gold quote share a character. Exact match: equal
  after stripping whitespace and punctuation from both ends (``“Yes,”`` == ``Yes``).
* Precision counts every predicted quote, including scare quotes and titles that the
  annotators did not mark as attributed (they are counted as false positives).
* Speaker accuracy, over gold quotes with a Source that some prediction overlaps (the
  prediction with the largest overlap is used); a None speaker is wrong. Correct when:
  (a) the predicted speaker span overlaps the gold Source span, or (b) the predicted
  name's last word equals the gold Source's head name (its last capitalised word before a
  comma or "who": ``Victor Cha, who served…`` -> ``cha``), or (c) the gold Source is a
  pronoun or a lowercase description (``he``, ``the agency``) and the predicted last word
  equals the head name of the nearest preceding *named* Source of any attribution
  relation (quote or not) in the article.
  (c) approximates coreference, which PolNeAR does not annotate.
* Mention accuracy (diagnostic): the phrase next to the cue, before pronoun resolution,
  overlaps the gold Source span.
* The speaker accuracy is also broken down by the kind of gold Source: a name, a
  pronoun (checked with the approximation (c), which undercounts: a manual look at 20
  dev quotes it marked wrong found 11 actually right), a definite description, or an
  indefinite/plural one (“a spokesman”, “officials”), for which the engine returns None
  by design (nobody is named), so those count as wrong.
"""

from __future__ import annotations

import argparse
import re
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.models import Span  # noqa: E402
from reader.core.quotes import QuoteDetail, analyse_quotes  # noqa: E402

_STRIP = string.punctuation + string.whitespace + "“”‘’«»„—–…\u00a0"
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
    """Gold quotes of one article, and every named Source of any relation (start, text)."""
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
    named: list[tuple[int, str]] = []
    for rel in relations:
        if "Content" not in rel:
            continue
        sources = [Span(a, b) for a, b in spans.get(rel.get("Source", ""), [])]
        source_text = " ".join(text[s.start : s.end] for s in sources)
        if sources and _is_named(source_text):
            named.append((sources[0].start, source_text))
        for a, b in spans[rel["Content"]]:
            for qa, qb in _quoted_segments(text, a, b):
                found.setdefault((qa, qb), Gold(Span(qa, qb), sources, source_text))
    golds = sorted(found.values(), key=lambda g: (g.span.start, -g.span.end))
    outer: list[Gold] = []
    for g in golds:
        if outer and outer[-1].span.contains(g.span):
            continue
        outer.append(g)
    return outer, sorted(named)


def _norm(text: str, span: Span) -> tuple[int, int]:
    a, b = span.start, span.end
    while a < b and text[a] in _STRIP:
        a += 1
    while b > a and text[b - 1] in _STRIP:
        b -= 1
    return a, b


def head_name(source: str) -> str | None:
    """Lowercased last capitalised word before a comma or “who”, else the last word."""
    part = re.split(r",| who ", source)[0]
    words = re.findall(r"[\w’'.-]+", part)
    words = [re.sub(r"(’s|'s)$", "", w).strip(".") for w in words]
    caps = [w for w in words if w[:1].isupper()]
    if caps:
        return caps[-1].lower()
    return words[-1].lower() if words else None


def _is_named(source: str) -> bool:
    words = re.findall(r"[\w’'.-]+", re.split(r",| who ", source)[0])
    return any(w[:1].isupper() and w.lower() not in ("the", "a", "an") for w in words)


def _source_kind(source: str) -> str:
    """``name``, ``pronoun``, ``definite`` (the agency) or ``indefinite`` (a spokesman)."""
    low = source.strip().lower()
    if low in _PRONOUNS:
        return "pronoun"
    if _is_named(source):
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


def _prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(split_dir: Path, verbose: bool) -> dict[str, float]:
    n_art = n_gold = n_pred = 0
    ov_p = ov_r = ex_p = ex_r = 0
    sp_total = sp_ok = sp_none = mention_ok = 0
    by_kind = {k: [0, 0] for k in ("name", "pronoun", "definite", "indefinite")}
    for name, text, ann in articles(split_dir):
        n_art += 1
        golds, named = load_gold(text, ann)
        details: list[QuoteDetail] = analyse_quotes(text)
        preds = [d.quote for d in details]
        n_gold += len(golds)
        n_pred += len(preds)
        gold_exact = {_norm(text, g.span) for g in golds}
        pred_exact = {_norm(text, p.span) for p in preds}
        ex_p += sum(1 for p in preds if _norm(text, p.span) in gold_exact)
        ex_r += sum(1 for g in golds if _norm(text, g.span) in pred_exact)
        ov_p += sum(1 for p in preds if any(p.span.overlaps(g.span) for g in golds))
        for g in golds:
            overlapping = [d for d in details if d.quote.span.overlaps(g.span)]
            if not overlapping:
                if verbose:
                    print(f"MISS {name}: {text[g.span.start : g.span.end][:80]!r}")
                continue
            ov_r += 1
            if not g.sources:
                continue
            best = max(
                overlapping,
                key=lambda d: (
                    min(d.quote.span.end, g.span.end) - max(d.quote.span.start, g.span.start)
                ),
            )
            q = best.quote
            sp_total += 1
            if best.mention is not None and any(best.mention.overlaps(s) for s in g.sources):
                mention_ok += 1
            if q.speaker is None:
                sp_none += 1
                ok = False
            else:
                pred_key = head_name(q.speaker)
                ok = q.speaker_span is not None and any(
                    q.speaker_span.overlaps(s) for s in g.sources
                )
                ok = ok or pred_key == head_name(g.source_text)
                if not ok and not _is_named(g.source_text):
                    before = [t for start, t in named if start < g.sources[0].start]
                    ok = bool(before) and pred_key == head_name(before[-1])
            sp_ok += ok
            kind = _source_kind(g.source_text)
            by_kind[kind][0] += ok
            by_kind[kind][1] += 1
            if verbose and not ok:
                print(
                    f"SPK {name}: {text[g.span.start : g.span.end][:50]!r} gold="
                    f"{g.source_text!r} pred={q.speaker!r} cue={q.cue!r}"
                )
    o = _prf(ov_p, n_pred, ov_r, n_gold)
    e = _prf(ex_p, n_pred, ex_r, n_gold)
    return {
        "articles": n_art,
        "gold": n_gold,
        "pred": n_pred,
        "ov_p": o[0],
        "ov_r": o[1],
        "ov_f": o[2],
        "ex_p": e[0],
        "ex_r": e[1],
        "ex_f": e[2],
        "spk_n": sp_total,
        "spk_acc": sp_ok / sp_total if sp_total else 0.0,
        "spk_none": sp_none / sp_total if sp_total else 0.0,
        "mention_acc": mention_ok / sp_total if sp_total else 0.0,
        "by_kind": {k: (ok / n if n else 0.0, n) for k, (ok, n) in by_kind.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--verbose", action="store_true", help="print misses")
    args = parser.parse_args(argv)
    split_dir = args.data / "polnear" / args.split
    if not (split_dir / "text").is_dir():
        print(f"PolNeAR not found at {split_dir}; nothing to evaluate.")
        return 0
    r = evaluate(split_dir, args.verbose)
    print(
        f"PolNeAR {args.split}: {r['articles']} articles, {r['gold']} gold quotes, "
        f"{r['pred']} predicted"
    )
    print(f"{'metric':<22}{'P':>7}{'R':>7}{'F1':>7}")
    print(f"{'content overlap':<22}{r['ov_p']:>7.3f}{r['ov_r']:>7.3f}{r['ov_f']:>7.3f}")
    print(f"{'content exact':<22}{r['ex_p']:>7.3f}{r['ex_r']:>7.3f}{r['ex_f']:>7.3f}")
    print(
        f"speaker accuracy      {r['spk_acc']:.3f}  (n={r['spk_n']}, "
        f"None={r['spk_none']:.3f}, cue mention={r['mention_acc']:.3f})"
    )
    kinds = ", ".join(f"{k} {acc:.3f} (n={n})" for k, (acc, n) in r["by_kind"].items())
    print(f"  by gold Source: {kinds}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
