"""The library's encoding: a whole corpus with its stories comes back equal."""

from __future__ import annotations

from reader.core.models import Article, Corpus
from reader.core.pipeline import analyse_corpus
from reader.library.codec import from_data, pack, to_data, unpack
from tests.conftest import seed_documents


def test_a_corpus_with_stories_and_traces_round_trips() -> None:
    corpus = analyse_corpus(seed_documents())
    assert corpus.traces and corpus.traces[0].provenance and corpus.traces[0].quotes
    again = from_data(Corpus, unpack(pack(to_data(corpus))))
    assert again == corpus
    assert again.traces[0].provenance == corpus.traces[0].provenance


def test_removed_lines_round_trip_with_their_anchors() -> None:
    corpus = analyse_corpus(seed_documents())
    article = next(item.article for item in corpus.articles if item.article.id.startswith("003"))
    assert article.removed[0].text == "• Politics" and article.removed[0].anchor == 0
    assert article.removed[-1].anchor == len(article.text)
    again = from_data(Article, unpack(pack(to_data(article))))
    assert again.removed == article.removed
