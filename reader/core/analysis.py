"""One article's own analysis: its quotes and actor mentions (actor ids come later).

Kept apart from the pipeline so that a worker process analysing articles loads only
what that needs, not the aligner, the overlap index or the actor merge.
"""

from __future__ import annotations

from reader.core.actors import detect_mentions
from reader.core.models import AnalysedArticle, Article
from reader.core.quotes import detect_quotes

# The version of what the engines find in one article. Bump it whenever any engine's
# output changes (quotes, mentions, their kinds or fields): the library's cache keys
# include it, so every cached analysis is then made again. tests/library/
# test_engine_version.py fails when the seeds' analysis changes and this does not.
ENGINE_VERSION = 4


def analyse_article(article: Article) -> AnalysedArticle:
    """Find one article's quotes, reported speech and actor mentions (actor ids: merging).

    Args:
        article: A cleaned article.

    Returns:
        The article with its quotes and mentions.
    """
    quotes = detect_quotes(article.text, article.paragraphs, indirect=True)
    mentions = detect_mentions(article.text, article.sentences)
    return AnalysedArticle(article=article, quotes=tuple(quotes), mentions=tuple(mentions))
