"""Shared fixtures: the seed corpus, paths to small test data, and an app factory."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import Config
from reader.core.models import Article, Block, RawDocument, Span
from reader.core.text.cleaning import clean_corpus

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DATA = Path(__file__).resolve().parent / "data"


def make_article(ident: str, paragraphs: list[list[str]], date: str | None = None) -> Article:
    """An article whose sentences are given, paragraph by paragraph."""
    text, blocks, sentences = "", [], []
    for paragraph in paragraphs:
        if text:
            text += "\n\n"
        start = len(text)
        for k, sentence in enumerate(paragraph):
            if k:
                text += " "
            sentences.append(Span(len(text), len(text) + len(sentence)))
            text += sentence
        blocks.append(Block(Span(start, len(text)), "paragraph"))
    return Article(
        id=ident, path=ident, text=text, date=date, blocks=tuple(blocks),
        sentences=tuple(sentences),
    )


def seed_documents() -> list[RawDocument]:
    """The five seed articles as raw documents, read as the app reads them."""
    from reader.sources.files import load_documents

    return list(load_documents([SEEDS]).documents)


@pytest.fixture(autouse=True)
def library_home(tmp_path_factory: pytest.TempPathFactory,
                 monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty library: none reads or writes the user's.

    Outside ``tmp_path``, which tests read as a folder of articles.
    """
    home = tmp_path_factory.mktemp("newsroom-home")
    monkeypatch.setenv("NEWSROOM_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    """The cleaned seed articles keyed by the first three digits of their id."""
    return {article.id[:3]: article for article in clean_corpus(seed_documents())}


@pytest.fixture
def seeds_config() -> Config:
    """A config that opens the seeds folder."""
    return Config(paths=(SEEDS,))
