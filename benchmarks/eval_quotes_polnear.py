"""Evaluate the quotes engine against PolNeAR direct quotes (plain script).

Usage::

    .venv/bin/python benchmarks/eval_quotes_polnear.py [--data ../shared/data] [--split dev]
        [--errors N]

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
* Predictions are the quotes of the kinds ``--kinds`` names, by default the speech kinds
  (statement and fragment); ``--kinds statement`` gives the figures of the first round,
  before fragments were told from terms, and ``--kinds statement,fragment,term`` every
  quote found. Precision counts every counted prediction, including scare quotes and
  titles that the annotators did not mark as attributed (false positives).
* Speaker accuracy, over gold quotes with a Source that some prediction overlaps (the
  prediction with the largest overlap is used); a None speaker is wrong. Two figures:
  **strict** (unchanged from the first version, for comparison). Correct when:
  (a) the predicted speaker span overlaps the gold Source span, or (b) the predicted
  name's last word equals the gold Source's head name (its last capitalised word before a
  comma or "who": ``Victor Cha, who served…`` -> ``cha``), or (c) the gold Source is a
  lowercase pronoun or description (``he``, ``the agency``) and the predicted last word
  equals the head name of the nearest preceding Source with a capital (``is_named``) of
  any attribution relation (quote or not) in the article.
  **fair** = strict, plus two fixes of (c), an approximation of coreference (PolNeAR
  does not annotate it) that is provably unfair in two ways: (d) a sentence-initial
  ``He``/``She`` Source is capitalised, so strict treats it as a name and never applies
  (c); fair applies (c) to every pronoun and definite description, and walks back past
  earlier pronoun and description Sources (``Trump said … He said … he added`` -> Trump;
  ``The Republican nominee``, an article and a lowercase last word, is a description);
  (e) for he/she the walk skips named Sources of the other gender, known from an
  honorific, role word or first name (the engine's ``gender_of`` lists) in that Source or
  another Source of the article with the same head. Fair still undercounts when the
  person a pronoun refers to was never a named Source or an unannotated person
  intervenes: a manual look at 20 dev pronoun quotes that fair marked wrong found 8
  actually right.
* **resolved** (dev only): strict for named Sources; for a pronoun or description Source,
  correct when the predicted span overlaps it or the predicted name's head equals the head
  of the person it refers to, as hand-resolved in ``data/polnear_dev_referents.tsv`` (every
  pronoun and description Source of a dev direct quote, resolved by reading the article
  blind to the engine's output; offsets only, no PolNeAR text). A Source that refers to
  nobody named before it (an unnamed author, “they” for unnamed officials) counts as wrong
  whatever is predicted, as a None speaker always does.
* Mention accuracy (diagnostic): the phrase next to the cue, before pronoun resolution,
  overlaps the gold Source span.
* Both figures are broken down by the kind of gold Source: a name, a pronoun, a definite
  description, or an indefinite/plural one (“a spokesman”, “officials”: the engine
  returns None by design, so those count as wrong).
* ``--errors N`` prints the first N misses (resolved where referents exist, else fair):
  article id, offset, Source kind, gold, prediction, cue, referent, a line of context, to
  the terminal only.
"""

from __future__ import annotations

import argparse
import re
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _polnear import (  # noqa: E402
    Gold,
    article_key,
    articles,
    head_name,
    is_named,
    load_gold,
    load_referents,
    source_kind,
)

from reader.core.models import SPEECH_KINDS, Quote, Span  # noqa: E402
from reader.core.quotes import QuoteDetail, analyse_quotes  # noqa: E402
from reader.core.quotes.names import gender_of  # noqa: E402

_STRIP = string.punctuation + string.whitespace + "“”‘’«»„—–…\u00a0"


def _norm(text: str, span: Span) -> tuple[int, int]:
    a, b = span.start, span.end
    while a < b and text[a] in _STRIP:
        a += 1
    while b > a and text[b - 1] in _STRIP:
        b -= 1
    return a, b


def _prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _strict_ok(q: Quote, g: Gold, sources: list[tuple[int, str]]) -> bool:
    """Rules (a)-(c) of the module docstring, unchanged since the first release."""
    if q.speaker is None:
        return False
    pred_key = head_name(q.speaker)
    span_hit = q.speaker_span is not None and any(q.speaker_span.overlaps(s) for s in g.sources)
    if span_hit or pred_key == head_name(g.source_text) or is_named(g.source_text):
        return span_hit or pred_key == head_name(g.source_text)
    before = [t for start, t in sources if start < g.sources[0].start and is_named(t)]
    return bool(before) and pred_key == head_name(before[-1])


def _gender(source: str, known: dict[str, str]) -> str:
    """``m``/``f`` from an honorific or first name in a Source text, else by its head."""
    words = [w.lower() for w in re.findall(r"[\w.]+", re.split(r",| who ", source)[0])]
    found = gender_of(words[:-1]) if len(words) > 1 else "?"
    return found if found != "?" else known.get(head_name(source) or "", "?")


def _names_someone(source: str) -> bool:
    """A name Source, not a capitalised description such as ``The Republican nominee``."""
    words = re.split(r",| who ", source)[0].split()
    described = bool(words) and words[0].lower() in ("the", "a", "an") and words[-1].islower()
    return source_kind(source) == "name" and not described


def _fair_ok(q: Quote, g: Gold, sources: list[tuple[int, str]]) -> bool:
    """Strict, plus (d) and (e) of the module docstring for pronoun and description Sources."""
    if _strict_ok(q, g, sources):
        return True
    if q.speaker is None or source_kind(g.source_text) in ("name", "indefinite"):
        return False
    known: dict[str, set[str]] = {}
    for _, t in sources:
        if _names_someone(t):
            known.setdefault(head_name(t) or "", set()).add(_gender(t, {}))
    genders = {k: next(iter(v - {"?"})) for k, v in known.items() if len(v - {"?"}) == 1}
    want = {"he": "m", "she": "f"}.get(g.source_text.strip().lower())
    for start, t in reversed(sources):
        if start >= g.sources[0].start or not _names_someone(t):
            continue  # a pronoun or description Source continues the chain backwards
        if want is not None and _gender(t, genders) not in (want, "?"):
            continue
        return head_name(q.speaker) == head_name(t)
    return False


def _resolved_ok(q: Quote, g: Gold, text: str, ref: tuple[int, int] | None) -> bool:
    """For a pronoun or description Source: span overlap, or the referent's head name."""
    if q.speaker is None:
        return False
    if q.speaker_span is not None and any(q.speaker_span.overlaps(s) for s in g.sources):
        return True
    return ref is not None and head_name(q.speaker) == head_name(text[ref[0] : ref[1]])


@dataclass
class Tally:
    """Counts for one speaker measure, overall and by gold Source kind."""

    by_kind: dict[str, list[int]] = field(
        default_factory=lambda: {k: [0, 0] for k in ("name", "pronoun", "definite", "indefinite")}
    )

    def add(self, ok: bool, kind: str) -> None:
        self.by_kind[kind][0] += ok
        self.by_kind[kind][1] += 1

    def line(self, n: int) -> str:
        kinds = ", ".join(
            f"{k} {ok / m if m else 0.0:.3f} (n={m})" for k, (ok, m) in self.by_kind.items()
        )
        ok = sum(ok for ok, _ in self.by_kind.values())
        return f"{ok / n if n else 0.0:.3f}  by gold Source: {kinds}"


def _context(text: str, g: Gold, q: Quote) -> str:
    """One line around the gold Source and the predicted speaker, for ``--errors``."""
    points = [g.sources[0].start, g.span.start] + ([q.speaker_span.start] if q.speaker_span else [])
    a, b = max(0, min(points) - 60), min(len(text), max(points) + 60)
    return text[a:b].replace("\n", " | ")[:400]


@dataclass
class Report:
    """The printed lines of one evaluation."""

    head: str
    overlap: tuple[float, float, float]
    exact: tuple[float, float, float]
    speaker: str
    strict: str
    fair: str
    resolved: str | None
    misses: list[str]


def evaluate(split_dir: Path, errors: int, kinds: frozenset[str]) -> Report:
    n_art = n_gold = n_pred = 0
    ov_p = ov_r = ex_p = ex_r = 0
    sp_total = sp_none = mention_ok = 0
    strict, fair, resolved = Tally(), Tally(), Tally()
    referents = load_referents(split_dir.name)
    misses: list[str] = []
    for name, text, ann in articles(split_dir):
        n_art += 1
        golds, sources = load_gold(text, ann)
        details: list[QuoteDetail] = [d for d in analyse_quotes(text) if d.quote.kind in kinds]
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
            sp_none += q.speaker is None
            if best.mention is not None and any(best.mention.overlaps(s) for s in g.sources):
                mention_ok += 1
            kind = source_kind(g.source_text)
            strict.add(_strict_ok(q, g, sources), kind)
            ok = _fair_ok(q, g, sources)
            fair.add(ok, kind)
            ref = referents.get((article_key(name), g.sources[0].start))
            if referents:
                if kind in ("pronoun", "definite"):
                    ok = _resolved_ok(q, g, text, ref)
                else:
                    ok = _strict_ok(q, g, sources)
                resolved.add(ok, kind)
            if not ok and len(misses) < errors:
                misses.append(
                    f"{name} @{g.span.start} [{kind}] gold={g.source_text[:60]!r} "
                    f"pred={q.speaker!r} cue={q.cue!r}"
                    + (f" referent={text[ref[0] : ref[1]]!r}" if ref else "")
                    + f"\n    {_context(text, g, q)}"
                )
    return Report(
        f"PolNeAR {split_dir.name}: {n_art} articles, {n_gold} gold quotes, {n_pred} predicted",
        _prf(ov_p, n_pred, ov_r, n_gold),
        _prf(ex_p, n_pred, ex_r, n_gold),
        f"(n={sp_total}, None={sp_none / max(sp_total, 1):.3f}, "
        f"cue mention={mention_ok / max(sp_total, 1):.3f})",
        strict.line(sp_total),
        fair.line(sp_total),
        resolved.line(sp_total) if referents else None,
        misses,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print the first N fair misses"
    )
    parser.add_argument(
        "--kinds", default=",".join(sorted(SPEECH_KINDS)),
        help="quote kinds counted as predictions (comma-separated; default: the speech kinds)",
    )
    args = parser.parse_args(argv)
    split_dir = args.data / "polnear" / args.split
    if not (split_dir / "text").is_dir():
        print(f"PolNeAR not found at {split_dir}; nothing to evaluate.")
        return 0
    r = evaluate(split_dir, args.errors, frozenset(args.kinds.split(",")))
    for miss in r.misses:
        print(miss)
    print(r.head)
    print(f"{'metric':<22}{'P':>7}{'R':>7}{'F1':>7}")
    for label, (p, rec, f) in (("overlap", r.overlap), ("exact", r.exact)):
        print(f"{'content ' + label:<22}{p:>7.3f}{rec:>7.3f}{f:>7.3f}")
    print(f"speaker {r.speaker}")
    print(f"  strict speaker accuracy {r.strict}")
    print(f"  fair speaker accuracy   {r.fair}")
    if r.resolved is not None:
        print(f"  resolved speaker accuracy {r.resolved}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
