"""Alignment benchmark: quality on the annotated seed pair, speed at three scales.

Usage: python benchmarks/bench_alignment.py [DATA_DIR]

DATA_DIR defaults to ../shared/data relative to the repository root; the parts that need
the BBC corpus (DATA_DIR/bbc-news-fulltext) are skipped with a message when it is absent.

1. 000 <-> 003 against tests/data/gold_000_003.json (sentence links, many-to-one links
   counted one by one): ours, a naive baseline (every sentence pair scored with rapidfuzz,
   greedy one-to-one above a threshold) and difflib's SequenceMatcher over the sentence
   lists (ndiff-style: equal runs, then best similar pair inside replaced runs).
2. Two ~1,000-sentence articles built from BBC stories: B copies A with sentences
   rewritten, deleted, moved in blocks and new ones inserted; recall of the known mapping.
3. Overlap of the whole BBC corpus with ``find_overlaps``, against naive all-pairs exact
   alignment, *estimated* by timing a random sample of pairs and extrapolating.
"""

from __future__ import annotations

import difflib
import gc
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _data import read_latin_fallback
from rapidfuzz import fuzz, utils

from reader.core.align import Lexicon, align_articles, align_prepared, find_overlaps, prepare
from reader.core.models import Alignment, Article, Block, RawDocument, Span
from reader.core.text import clean_corpus

ROOT = Path(__file__).resolve().parent.parent
Links = set[tuple[int, int]]
ROWS: list[tuple[str, str, str, str, str, str]] = []


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time in milliseconds over ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def sentence_index(article: Article, span: Span) -> list[int]:
    return [k for k, s in enumerate(article.sentences) if s.overlaps(span)]


def alignment_links(alignment: Alignment, a: Article, b: Article) -> Links:
    """Every (A sentence, B sentence) link a pair implies (groups expand to all pairs)."""
    links: Links = set()
    for pair in alignment.pairs:
        for i in sentence_index(a, pair.a):
            links.update((i, j) for j in sentence_index(b, pair.b))
    return links


def prf(found: Links, gold: Links) -> tuple[float, float, float]:
    hit = len(found & gold)
    p = hit / len(found) if found else 0.0
    r = hit / len(gold) if gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def naive_links(a: Article, b: Article, cutoff: float = 55.0) -> Links:
    """All sentence pairs scored with rapidfuzz, then greedy one-to-one above ``cutoff``."""
    # process.cdist would need numpy, which the project does not install.
    sa = [utils.default_process(a.slice(s)) for s in a.sentences]
    sb = [utils.default_process(b.slice(s)) for s in b.sentences]
    cells = sorted(
        ((fuzz.token_set_ratio(x, y), i, j) for i, x in enumerate(sa) for j, y in enumerate(sb)),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    links: Links = set()
    for value, i, j in cells:
        if value < cutoff:
            break
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            links.add((i, j))
    return links


def difflib_links(a: Article, b: Article, cutoff: float = 0.6) -> Links:
    """SequenceMatcher over sentence lists, ndiff-style pairing inside replaced runs."""
    sa = [a.slice(s).lower() for s in a.sentences]
    sb = [b.slice(s).lower() for s in b.sentences]
    links: Links = set()
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, sa, sb).get_opcodes():
        if tag == "equal":
            links.update((a1 + k, b1 + k) for k in range(a2 - a1))
        elif tag == "replace":
            for i in range(a1, a2):
                best = max(
                    (difflib.SequenceMatcher(None, sa[i], sb[j]).ratio(), j) for j in range(b1, b2)
                )
                if best[0] >= cutoff:
                    links.add((i, best[1]))
    return links


def seeds_part() -> None:
    gold_doc = json.loads((ROOT / "tests/data/gold_000_003.json").read_text(encoding="utf-8"))
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    docs = [RawDocument(id=p.stem, path=str(p), text=read_latin_fallback(p)) for p in paths]
    articles = {a.id: a for a in clean_corpus(docs)}
    a, b = articles[gold_doc["a"]], articles[gold_doc["b"]]
    index_a = {a.slice(s): k for k, s in enumerate(a.sentences)}
    index_b = {b.slice(s): k for k, s in enumerate(b.sentences)}
    gold = {(index_a[x], index_b[y]) for x, y in gold_doc["pairs"]}
    align_articles(a, b)  # warm the word memo, as a running reader would have it
    for name, fn in (
        ("ours (align_articles)", lambda: alignment_links(align_articles(a, b), a, b)),
        ("naive rapidfuzz all-pairs", lambda: naive_links(a, b)),
        ("difflib SequenceMatcher", lambda: difflib_links(a, b)),
    ):
        ms, links = timed(fn, 21)
        assert isinstance(links, set)
        p, r, f = prf(links, gold)
        ROWS.append(("000<->003 " + name, f"{p:.2f}", f"{r:.2f}", f"{f:.2f}", f"{ms:.2f} ms", ""))


def bbc_articles(data: Path) -> list[Article]:
    root = data / "bbc-news-fulltext"
    paths = sorted(root.glob("*/*.txt"))
    docs = [
        RawDocument(id=f"{p.parent.name}/{p.stem}", path=str(p), text=read_latin_fallback(p))
        for p in paths
    ]
    return clean_corpus(docs)


def build_article(ident: str, sentences: list[str]) -> Article:
    """An article from sentences, five to a paragraph."""
    text, blocks, spans = "", [], []
    for k in range(0, len(sentences), 5):
        start = len(text)
        for sentence in sentences[k : k + 5]:
            if len(text) > start:
                text += " "
            spans.append(Span(len(text), len(text) + len(sentence)))
            text += sentence
        blocks.append(Block(Span(start, len(text)), "paragraph"))
        text += "\n\n"
    return Article(
        id=ident, path=ident, text=text.rstrip(), blocks=tuple(blocks), sentences=tuple(spans)
    )


def rewrite(sentence: str, rng: random.Random) -> str:
    """Drop a couple of words and swap two neighbours: a light rewrite."""
    words = sentence.split()
    for _ in range(2):
        if len(words) > 6:
            del words[rng.randrange(1, len(words) - 1)]
    if len(words) > 4:
        k = rng.randrange(1, len(words) - 2)
        words[k], words[k + 1] = words[k + 1], words[k]
    return " ".join(words)


def large_part(articles: list[Article]) -> None:
    rng = random.Random(7)
    pool = [a.slice(s) for a in articles for s in a.sentences if len(a.slice(s).split()) >= 6]
    source, extra = pool[:1000], pool[5000:5200]
    # B: blocks of A's sentences, some rewritten or deleted, some blocks moved, new inserted.
    items: list[tuple[int | None, str]] = []
    for k, sentence in enumerate(source):
        roll = rng.random()
        if roll < 0.1:
            continue
        items.append((k, rewrite(sentence, rng) if roll < 0.35 else sentence))
        if rng.random() < 0.1:
            items.append((None, extra[rng.randrange(len(extra))]))
    blocks = [items[k : k + 20] for k in range(0, len(items), 20)]
    for _ in range(5):
        x, y = rng.randrange(len(blocks)), rng.randrange(len(blocks))
        blocks[x], blocks[y] = blocks[y], blocks[x]
    items = [item for block in blocks for item in block]
    a = build_article("A", source)
    b = build_article("B", [s for _, s in items])
    gold = {(k, j) for j, (k, _) in enumerate(items) if k is not None}
    cold, _ = timed(lambda: align_articles(a, b), 1)
    ms, result = timed(lambda: align_articles(a, b), 7)
    assert isinstance(result, Alignment)
    links = alignment_links(result, a, b)
    p, r, f = prf(links, gold)
    moved = sum(p.moved for p in result.pairs)
    ROWS.append(
        (
            f"1000x{len(items)} sentences (synthetic)",
            f"{p:.2f}",
            f"{r:.2f}",
            f"{f:.2f}",
            f"{ms:.1f} ms",
            f"{len(result.pairs)} pairs, {moved} moved; first call {cold:.0f} ms",
        )
    )


def overlap_part(articles: list[Article], sample: int = 300) -> None:
    n = len(articles)
    start = time.perf_counter()
    found = find_overlaps(articles, 0.1)
    ours = time.perf_counter() - start
    # Naive: prepare once, then exact alignment of every pair; timed on a random sample.
    start = time.perf_counter()
    lexicon = Lexicon()
    prepared = [prepare(a, lexicon) for a in articles]
    prep = time.perf_counter() - start
    rng = random.Random(3)
    pairs = [tuple(rng.sample(range(n), 2)) for _ in range(sample)]
    start = time.perf_counter()
    for x, y in pairs:
        align_prepared(prepared[x], prepared[y], lexicon)
    per_pair = (time.perf_counter() - start) / sample
    naive = prep + per_pair * n * (n - 1) / 2
    ROWS.append(
        (
            f"BBC overlap, {n} articles",
            "",
            "",
            "",
            f"{ours:.2f} s",
            f"{len(found)} pairs >= 0.1",
        )
    )
    ROWS.append(
        (
            "naive all-pairs (estimated)",
            "",
            "",
            "",
            f"{naive:.0f} s",
            f"{per_pair * 1000:.2f} ms/pair x {n * (n - 1) // 2} pairs, "
            f"speed-up {naive / ours:.0f}x",
        )
    )


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    seeds_part()
    if (data / "bbc-news-fulltext").is_dir():
        start = time.perf_counter()
        articles = bbc_articles(data)
        took = time.perf_counter() - start
        print(f"loaded and cleaned {len(articles)} BBC articles in {took:.1f} s")
        # The loaded corpus is long-lived: keep the collector from rescanning it on every
        # full collection, as a reader holding its corpus would (see gc.freeze docs).
        gc.freeze()
        large_part(articles)
        overlap_part(articles)
    else:
        print(f"skipping BBC parts: {data / 'bbc-news-fulltext'} not found")
    header = ("case", "P", "R", "F1", "time", "notes")
    widths = [max(len(row[k]) for row in [header, *ROWS]) for k in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *ROWS]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
