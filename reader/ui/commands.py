"""Command palette: every action of the reader, plus opening and filtering by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from reader.core.text import printable

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

Command = tuple[str, str, Callable[[], object]]


class ReaderCommands(Provider):
    """Actions, sorts, outlet and actor filters, and articles to open."""

    @property
    def reader(self) -> ReaderApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def _commands(self) -> Iterator[Command]:
        app = self.reader
        yield "Show keys (help)", "Every key of every screen", app.action_help
        yield "Show skipped files", "Files that failed to load and why", app.action_show_errors
        yield "Clear filters", "Show every article again", app.action_clear_filters
        yield "Toggle actors panel", "People, organisations and places", app.action_actors
        yield ("Side by side with closest source", "Compare the selected article",
               app.action_compare_current)
        for order in ("date", "outlet", "title", "size", "file"):
            yield f"Sort by {order}", f"Order the list by {order}", partial(app.sort_by, order)
        corpus = app.corpus
        outlets = sorted({a.article.source for a in corpus.articles if a.article.source})
        # Outlets, names and titles come from files: shown through printable().
        for outlet in outlets:
            yield (f"Filter by outlet: {printable(outlet)}", "Show only this outlet's articles",
                   partial(app.filter_outlet, outlet))
        for actor in sorted(corpus.actors, key=lambda a: -a.mentions)[:200]:
            yield (f"Filter by actor: {printable(actor.name)}",
                   f"{actor.kind}, {actor.mentions} mentions",
                   partial(app.filter_actor, actor.id, actor.name))
        for item in corpus.articles:
            title = printable(item.article.title or item.article.id)
            yield (f"Open: {title}", printable(item.article.source or item.article.id),
                   partial(app.open_article, item.article.id))

    async def discover(self) -> Hits:
        for name, help_text, callback in islice(self._commands(), 12):
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                # Content(name), not matcher.highlight(name): titles are untrusted and
                # highlight() would parse them as markup.
                yield Hit(score, Content(name), callback, text=name, help=help_text)
