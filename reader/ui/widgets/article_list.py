"""The article list: one row an article with outlet, title, date and size."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from reader.core.models import AnalysedArticle


class ArticleList(DataTable[Text]):
    """Every loaded article; cells are Text objects so titles are never parsed as markup."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.add_column("Outlet", key="source", width=14)
        self.add_column("Title", key="title")
        self.add_column("Date", key="date", width=10)
        self.add_column("Words", key="words", width=6)

    def show_articles(self, articles: tuple[AnalysedArticle, ...]) -> None:
        """Replace the rows with these articles."""
        self.clear()
        for item in articles:
            article = item.article
            self.add_row(
                Text(article.source or "—", no_wrap=True, overflow="ellipsis"),
                Text(article.title or f"({article.id})", no_wrap=True, overflow="ellipsis"),
                Text(article.date or "—"),
                Text(str(article.word_count), justify="right"),
                key=article.id,
            )
