"""Evaluate reported speech (kind ``indirect``) against PolNeAR (plain script).

Usage::

    .venv/bin/python benchmarks/eval_indirect_polnear.py [--data ../shared/data] [--split dev]
        [--errors N]

Gold (documented choices):

* An article's annotation is its first ``.ann`` file in sorted order (as for direct quotes).
* A gold indirect content is the Content of an attribution relation (``E`` line) with no
  quote mark in it (“ ” " or ''); its words are the word tokens of all its fragments.
  Every such relation counts, whatever its cue (“said”, “according to”, but also
  “wants”, “believes”, “shows”, “called for”): that is what PolNeAR annotates as
  attribution.
* A prediction is every quote of kind ``indirect``. Match: at least half of the
  prediction's words lie in the gold content and at least half of the gold's words in
  the prediction (word tokens by offset), the rule of the issue. Precision: predictions
  that match some gold indirect content; recall: gold contents some prediction matches.
  A prediction that matches a Content with quote marks instead (a mixed quote, “he
  said the plan was ‘dead’”) is also printed, as a diagnostic, not counted.
* Speaker accuracy, over matched gold contents with a Source (the prediction sharing
  most words is used): the **fair** rule of ``eval_quotes_polnear.py`` (span overlap,
  head name, and for pronoun and description Sources the nearest earlier named Source
  of the right gender); a None speaker is wrong, so unnamed Sources (“officials”)
  always count as misses. It is broken down by the kind of gold Source as for direct
  quotes (name, pronoun, definite or indefinite description).
* Figures are also given for the gold relations whose cue is a speech verb of the
  engine's lexicon (said, told, according to, …), the part of attribution that is
  reported *speech* rather than belief or intention.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _polnear import Gold, articles, source_kind  # noqa: E402
from eval_quotes_polnear import _fair_ok  # noqa: E402

from reader.core.models import Quote, Span  # noqa: E402
from reader.core.quotes import detect_quotes  # noqa: E402

_WORD_RE = re.compile(r"\w+")
_MARKS = ("“", "”", '"', "''")
_SPEECH_CUES = frozenset(
    """said says say told tells stressed warned denied claimed argued added noted insisted
    explained announced acknowledged suggested confirmed admitted asserted according
    reiterated predicted promised vowed pledged conceded contended emphasized complained
    replied responded wrote reported estimated urged""".split()
)


class _Relation:
    """One gold relation: its content's words, the Source spans, and its cue."""

    def __init__(self, text: str, content: list[tuple[int, int]], sources: list[Span],
                 cue: str) -> None:
        self.content = content
        self.words = {m.start() for a, b in content for m in _WORD_RE.finditer(text, a, b)}
        self.marked = any(m in text[a:b] for a, b in content for m in _MARKS)
        self.sources = sources
        self.source_text = " ".join(text[s.start : s.end] for s in sources)
        self.cue = cue
        self.speech = any(w in _SPEECH_CUES for w in cue.lower().split())


def _relations(text: str, ann: Path) -> list[_Relation]:
    spans: dict[str, list[tuple[int, int]]] = {}
    found: list[_Relation] = []
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if re.match(r"T\d+\t\S+ \d", line):
            tid, middle = line.split("\t")[:2]
            spec = middle.split(" ", 1)[1]
            spans[tid] = [(int(a), int(b)) for a, b in (p.split() for p in spec.split(";"))]
    for line in lines:
        if re.match(r"E\d+\t", line):
            rel = dict(p.split(":", 1) for p in line.split("\t")[1].split())
            if "Content" not in rel:
                continue
            sources = [Span(a, b) for a, b in spans.get(rel.get("Source", ""), [])]
            cue = " ".join(text[a:b] for a, b in spans.get(rel.get("Cue", ""), []))
            found.append(_Relation(text, spans[rel["Content"]], sources, cue))
    return found


def _shared(pred: set[int], gold: set[int]) -> int:
    both = len(pred & gold)
    return both if pred and gold and 2 * both >= len(pred) and 2 * both >= len(gold) else 0


def _prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> str:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:>7.3f}{r:>7.3f}{f:>7.3f}"


def evaluate(split_dir: Path, errors: int) -> list[str]:
    n_pred = tp_pred = mixed = 0
    n_gold = {"all": 0, "speech": 0}
    tp_gold = {"all": 0, "speech": 0}
    sp_ok = {"all": 0, "speech": 0}
    sp_n = {"all": 0, "speech": 0}
    by_kind = {k: [0, 0] for k in ("name", "pronoun", "definite", "indefinite")}
    misses: list[str] = []
    for name, text, ann in articles(split_dir):
        relations = _relations(text, ann)
        golds = [r for r in relations if not r.marked]
        sources = sorted({(r.sources[0].start, r.source_text) for r in relations if r.sources})
        preds = [q for q in detect_quotes(text, indirect=True) if q.kind == "indirect"]
        words = [{m.start() for m in _WORD_RE.finditer(text, q.span.start, q.span.end)}
                 for q in preds]
        n_pred += len(preds)
        for w in words:
            if any(_shared(w, g.words) for g in golds):
                tp_pred += 1
            elif any(_shared(w, r.words) for r in relations if r.marked):
                mixed += 1
        for g in golds:
            parts = ("all", "speech") if g.speech else ("all",)
            scored = [(_shared(w, g.words), q) for w, q in zip(words, preds, strict=True)]
            best = max(scored, key=lambda x: x[0], default=(0, None))
            for part in parts:
                n_gold[part] += 1
            if best[0] == 0 or best[1] is None:
                continue
            for part in parts:
                tp_gold[part] += 1
            if not g.sources:
                continue
            quote: Quote = best[1]
            ok = _fair_ok(quote, Gold(quote.span, g.sources, g.source_text), sources)
            for part in parts:
                sp_n[part] += 1
                sp_ok[part] += ok
            by_kind[source_kind(g.source_text)][0] += ok
            by_kind[source_kind(g.source_text)][1] += 1
            if not ok and len(misses) < errors:
                said = text[quote.span.start : quote.span.end][:160]
                misses.append(f"{name} @{quote.span.start} [{source_kind(g.source_text)}] "
                              f"gold={g.source_text[:50]!r} pred={quote.speaker!r} "
                              f"cue={quote.cue!r}\n    {said!r}")
    lines = [*misses,
             f"PolNeAR {split_dir.name} indirect: {n_pred} predicted, {n_gold['all']} gold "
             f"contents without quote marks ({n_gold['speech']} with a speech cue)",
             f"{'content overlap':<26}{'P':>7}{'R':>7}{'F1':>7}",
             f"{'  all attributions':<26}{_prf(tp_pred, n_pred, tp_gold['all'], n_gold['all'])}",
             f"{'  speech cues (R only)':<26}{'':>7}"
             f"{tp_gold['speech'] / max(n_gold['speech'], 1):>7.3f}",
             f"predictions matching a Content with quote marks instead: {mixed}"]
    for part in ("all", "speech"):
        lines.append(f"speaker accuracy ({part}): {sp_ok[part] / max(sp_n[part], 1):.3f} "
                     f"(n={sp_n[part]})")
    lines.append("  by gold Source (all): " + ", ".join(
        f"{k} {ok / n if n else 0.0:.3f} (n={n})" for k, (ok, n) in by_kind.items()))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print the first N speaker misses")
    args = parser.parse_args(argv)
    split_dir = args.data / "polnear" / args.split
    if not (split_dir / "text").is_dir():
        print(f"PolNeAR not found at {split_dir}; nothing to evaluate.")
        return 0
    for line in evaluate(split_dir, args.errors):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
