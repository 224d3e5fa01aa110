"""The analysis pipeline: raw documents to a corpus of analysed articles."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.cleaning import clean_corpus
from reader.core.models import AnalysedArticle, Article, Corpus, LoadError, RawDocument


def analyse_article(article: Article) -> AnalysedArticle:
    """Analyse one cleaned article on its own (no cross-article merging).

    Args:
        article: A cleaned article.

    Returns:
        The article with its quotes and mentions.
    """
    return AnalysedArticle(article=article)


def analyse_corpus(
    documents: Sequence[RawDocument], errors: Sequence[LoadError] = ()
) -> Corpus:
    """Clean and analyse every document, merging actors across the corpus.

    Args:
        documents: Decoded documents.
        errors: Load errors to carry along into the result.

    Returns:
        The analysed corpus.
    """
    articles = clean_corpus(documents)
    empty = [LoadError(a.path, "no article text found") for a in articles if not a.text]
    analysed = [analyse_article(article) for article in articles if article.text]
    return Corpus(articles=tuple(analysed), errors=(*errors, *empty))
