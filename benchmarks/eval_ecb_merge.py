"""Cross-document person merging (``reader.core.actors.merge_actors``) on ECB+ odd topics.

Usage::

    .venv/bin/python benchmarks/eval_ecb_merge.py [DATA_DIR]

``DATA_DIR`` defaults to ``../shared/data`` relative to the repository root and must hold
``ecbplus/ECB+/<topic>/*.xml`` (the shared, odd-numbered topics).

What is scored:

* Every XML document is one article. Its text is rebuilt from the tokens (joined by spaces,
  one sentence a line), so mention spans are real character offsets into that text.
* Mentions are the gold ``HUMAN_PART_PER`` markables that are proper names and that take part
  in a ``CROSS_DOC_COREF`` chain (the chain's ``note`` instance id is the gold entity).
  Proper name means: no token is a pronoun; the head (last token, possessive aside) is
  capitalised, which drops descriptions like "Arkansas woman"; and some token is capitalised
  without being a sentence-initial determiner ("The", "A"), where a lone capitalised word at
  a sentence start does not count ("Driver", "Police"). The mention keeps only its name
  part, from the first to the last capitalised token ("actress Tara Reid" -> "Tara Reid"),
  which is what the detector would report (titles go to the role).
* ``merge_actors`` runs once per topic (a topic is one story's set of articles, as the app
  groups them); gold chains never cross topics. B-cubed and pairwise precision, recall and
  F1 are pooled over all mentions (B-cubed) and all mention pairs (pairwise) of all topics.

Then "as the app does it": every document of every topic in ONE corpus, its sentences
joined by blank lines and cleaned as the app cleans a plain-text file, mentions found by
our own detector (``detect_mentions``), and merged once, without stories (the whole
corpus one story, as before) and with the stories of ``cluster_stories`` (cached in the
temp folder by ``benchmarks._stories``). A gold mention is found when a detected
person mention overlaps it (the most overlapping one); it is scored by that mention's
actor, B-cubed over the gold mentions found. Also counted: detected one-word person
mentions linked to a person whose full name occurs only in other topics.
"""

from __future__ import annotations

import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._stories import story_map  # noqa: E402
from reader.core.actors import detect_mentions, merge_actors  # noqa: E402
from reader.core.actors.names import person_parts  # noqa: E402
from reader.core.models import Article, Mention, RawDocument, Span  # noqa: E402
from reader.core.text import clean_document  # noqa: E402

PRONOUNS = frozenset(
    """i me my mine myself you your yours yourself he him his himself she her hers herself
    it its itself we us our ours ourselves they them their theirs themselves who whom whose
    one someone anyone everyone somebody anybody everybody""".split()
)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
Gold = list[tuple[str, Mention, str]]  # (document name, mention, gold chain id)


def data_dir_from_argv() -> Path:
    """The ECB+ topics folder from argv or the default; exit with a message when missing."""
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    folder = root / "ecbplus" / "ECB+"
    if not folder.is_dir():
        sys.exit(f"ECB+ not found: {folder} (pass DATA_DIR, the folder holding ecbplus/)")
    return folder


def read_document(path: Path) -> tuple[str, list[tuple[Mention, str]]]:
    """A document's rebuilt text and its proper-name person mentions with gold chain ids."""
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int, str, bool]] = {}
    pieces: list[str] = []
    offset, sentence = 0, None
    for tok in root.iter("token"):
        word = tok.text or ""
        if sentence is not None and tok.get("sentence") != sentence:
            pieces.append("\n")
            offset += 1
        elif sentence is not None:
            pieces.append(" ")
            offset += 1
        first = tok.get("sentence") != sentence
        sentence = tok.get("sentence")
        offsets[tok.get("t_id", "")] = (offset, offset + len(word), word, first)
        pieces.append(word)
        offset += len(word)
    text = "".join(pieces)
    chains: dict[str, str] = {}
    for rel in root.iter("CROSS_DOC_COREF"):
        for source in rel.iter("source"):
            chains[source.get("m_id", "")] = rel.get("note", "")
    found: list[tuple[Mention, str]] = []
    for markable in root.iter("HUMAN_PART_PER"):
        chain = chains.get(markable.get("m_id", ""))
        anchors = [offsets[a.get("t_id", "")] for a in markable.iter("token_anchor")]
        if not chain or not anchors:
            continue
        name = [a for a in anchors if _name_token(a[2], a[3])]
        head = [a for a in anchors if a[2] not in {"'s", "'"}][-1:]
        if (
            not name
            or any(a[2].lower() in PRONOUNS for a in anchors)
            or not head
            or not head[0][2][:1].isupper()
            or (len(name) == 1 and name[0][3])
        ):
            continue
        span = Span(name[0][0], name[-1][1])
        found.append((Mention(span, text[span.start : span.end], "person"), chain))
    return text, found


def _name_token(word: str, sentence_initial: bool) -> bool:
    """A capitalised word that is not a sentence-initial determiner."""
    if not word[:1].isupper():
        return False
    return not (sentence_initial and word.lower() in DETERMINERS)


def score(pred: list[str], gold: list[str]) -> tuple[float, float, int, int, int]:
    """B-cubed precision and recall sums, and pairwise (correct, predicted, gold) pair counts."""
    pred_sets: dict[str, set[int]] = defaultdict(set)
    gold_sets: dict[str, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        pred_sets[p].add(i)
        gold_sets[g].add(i)
    b_prec = b_rec = 0.0
    for i in range(len(pred)):
        both = len(pred_sets[pred[i]] & gold_sets[gold[i]])
        b_prec += both / len(pred_sets[pred[i]])
        b_rec += both / len(gold_sets[gold[i]])
    pairs = defaultdict(int)
    for p, g in zip(pred, gold, strict=True):
        pairs[(p, g)] += 1
    correct = sum(n * (n - 1) // 2 for n in pairs.values())
    n_pred = sum(len(s) * (len(s) - 1) // 2 for s in pred_sets.values())
    n_gold = sum(len(s) * (len(s) - 1) // 2 for s in gold_sets.values())
    return b_prec, b_rec, correct, n_pred, n_gold


def _prf(p: float, r: float) -> str:
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.4f}  R {r:.4f}  F1 {f1:.4f}"


def main() -> None:
    """Merge each topic's gold name mentions and print pooled B-cubed and pairwise scores."""
    folder = data_dir_from_argv()
    b_prec = b_rec = 0.0
    correct = n_pred = n_gold = mentions = chains = documents = 0
    topics = sorted((d for d in folder.iterdir() if d.is_dir()), key=lambda d: int(d.name))
    for topic in topics:
        docs = [(path.name, read_document(path)[1]) for path in sorted(topic.glob("*.xml"))]
        documents += len(docs)
        merged_input = [(name, [m for m, _ in found]) for name, found in docs]
        _, linked = merge_actors(merged_input)
        pred = [m.actor or "" for ms in linked for m in ms]
        gold = [chain for _, found in docs for _, chain in found]
        bp, br, c, p, g = score(pred, gold)
        b_prec, b_rec, correct, n_pred, n_gold = (
            b_prec + bp, b_rec + br, correct + c, n_pred + p, n_gold + g
        )
        mentions += len(gold)
        chains += len(set(gold))
    print(f"ECB+ odd topics: {len(topics)} topics, {documents} documents, {mentions} proper-name"
          f" person mentions in {chains} gold cross-document chains (per-topic merging)")
    print(f"B-cubed   {_prf(b_prec / mentions, b_rec / mentions)}")
    print(f"pairwise  {_prf(correct / n_pred if n_pred else 0.0, correct / n_gold)}"
          f"  ({correct} of {n_pred} predicted, {n_gold} gold pairs)")
    app_setting(topics)


AppDoc = tuple[str, Article, list[tuple[Mention, str]]]  # topic, article, gold found in it


def app_document(path: Path) -> tuple[Article, list[tuple[Mention, str]], int]:
    """The document cleaned as the app would, its gold mentions moved onto the cleaned text.

    Returns:
        The article, the gold mentions whose sentence survived cleaning (with chain ids),
        and how many gold mentions sat on a line cleaning dropped.
    """
    text, gold = read_document(path)
    lines = text.split("\n")
    article = clean_document(RawDocument(id=path.name, path=str(path), text="\n\n".join(lines)))
    moved: list[tuple[Mention, str]] = []
    dropped = 0
    line_start, at, where = 0, 0, []
    for line in lines:  # where each source line starts in the cleaned text, -1 if gone
        found = article.text.find(line, at) if line else -1
        where.append((line_start, found))
        if found >= 0:
            at = found + len(line)
        line_start += len(line) + 1
    for m, chain in gold:
        starts = [(s, c) for s, c in where if s <= m.span.start]
        source, cleaned = starts[-1]
        start = cleaned + m.span.start - source
        if cleaned < 0 or article.text[start : start + len(m.text)] != m.text:
            dropped += 1
            continue
        moved.append((Mention(Span(start, start + len(m.text)), m.text, "person"), chain))
    return article, moved, dropped


def app_setting(topics: list[Path]) -> None:
    """All topics in one corpus, our detector, merged without and with stories."""
    corpus: list[AppDoc] = []
    gold_total = dropped = 0
    for topic in topics:
        for path in sorted(topic.glob("*.xml")):
            article, gold, lost = app_document(path)
            corpus.append((topic.name, article, [(m, f"{topic.name}/{c}") for m, c in gold]))
            gold_total += len(gold) + lost
            dropped += lost
    started = time.perf_counter()
    documents = [(a.id, detect_mentions(a.text, a.sentences)) for _, a, _ in corpus]
    detect_seconds = time.perf_counter() - started
    stories = story_map([a for _, a, _ in corpus])
    print(f"\nAs the app does it: {len(corpus)} documents in one corpus, {gold_total} gold"
          f" mentions ({dropped} on lines cleaning dropped), our detector"
          f" ({detect_seconds:.1f} s), {len(set(stories.values()))} stories from"
          f" cluster_stories")
    topic_of = {a.id: t for t, a, _ in corpus}
    for name, mapping in (("one story (stories=None)", None), ("per story", stories),
                          ("per gold topic", topic_of)):
        _, linked = merge_actors(documents, mapping)
        pred: list[str] = []
        gold: list[str] = []
        for (_, _, found), mentions in zip(corpus, linked, strict=True):
            people = [m for m in mentions if m.kind == "person"]
            for m, chain in found:
                best = max(people, key=lambda p: _overlap(p.span, m.span), default=None)
                if best is not None and _overlap(best.span, m.span) > 0:
                    pred.append(best.actor or "")
                    gold.append(chain)
        bp, br, *_ = score(pred, gold)
        foreign = _foreign_links(corpus, linked)
        top = ", ".join(f"{t!r} x{n}" for t, n in foreign.most_common(4))
        print(f"  {name:<26} B-cubed {_prf(bp / len(pred), br / len(pred))}  found"
              f" {len(pred) / gold_total:.4f} ({len(pred)} of {gold_total});"
              f" one-word links to a full name only in other topics: {sum(foreign.values())}"
              f" ({top})")


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _foreign_links(corpus: list[AppDoc], linked: list[list[Mention]]) -> Counter[str]:
    """One-word person mentions linked to a person whose full names are all in other topics."""
    full_in: dict[str, set[str]] = defaultdict(set)
    for (topic, _, _), mentions in zip(corpus, linked, strict=True):
        for m in mentions:
            if m.kind == "person" and m.actor and len(person_parts(m.text)[0]) > 1:
                full_in[m.actor].add(topic)
    foreign: Counter[str] = Counter()
    for (topic, _, _), mentions in zip(corpus, linked, strict=True):
        for m in mentions:
            if (m.kind == "person" and m.actor in full_in and len(person_parts(m.text)[0]) == 1
                    and topic not in full_in[m.actor]):
                foreign[m.text] += 1
    return foreign


if __name__ == "__main__":
    main()
