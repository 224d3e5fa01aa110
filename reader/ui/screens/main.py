"""The main screen: the article list."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header

from reader.ui.messages import CorpusLoaded
from reader.ui.widgets.article_list import ArticleList


class MainScreen(Screen[None]):
    """Lists the loaded articles."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield ArticleList(id="articles")
        yield Footer()

    @property
    def article_list(self) -> ArticleList:
        """The article list widget."""
        return self.query_one(ArticleList)

    @on(CorpusLoaded)
    def _show_corpus(self, message: CorpusLoaded) -> None:
        self.article_list.show_articles(message.corpus.articles)
