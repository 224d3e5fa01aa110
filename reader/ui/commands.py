"""Command palette: the actions of the screen in front, plus opening articles by title.

Each command acts on the screen the palette was opened over (``Provider.screen``): list
commands (sorts, filters, the list's actors panel) are offered only over the list, so
none of them changes a list the user cannot see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from reader.core.text import counted, printable
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_list import SORT_ORDERS

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

Command = tuple[str, str, Callable[[], object]]


class ReaderCommands(Provider):
    """Actions of the screen in front, outlet and actor filters, and articles to open."""

    @property
    def reader(self) -> ReaderApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def _commands(self) -> Iterator[Command]:
        app = self.reader
        screen = self.screen
        yield "Show keys (help)", "Every key of every screen", app.action_help
        yield "Show skipped files", "Files that failed to load and why", app.action_show_errors
        if isinstance(screen, MainScreen):
            yield from self._list_commands(screen)
        else:
            # The reading and side-by-side screens' own actions, where they have them.
            for action, name, help_text in (
                ("toggle_actors", "Toggle actors panel", "People, organisations and places"),
                ("compare", "Side by side with closest source", "Compare this article"),
            ):
                if hasattr(screen, f"action_{action}"):
                    yield name, help_text, partial(screen.run_action, action)
        for story in app.corpus.stories:
            yield (f"Open story: {printable(story.title)}",
                   f"{counted(len(story.articles), 'article')}, "
                   f"{printable(', '.join(story.outlets)) or 'no outlet named'}",
                   partial(app.open_story, story.id))
        for item in app.corpus.articles:
            title = printable(item.article.title or item.article.id)
            yield (f"Open: {title}", printable(item.article.source or item.article.id),
                   partial(app.open_article, item.article.id))

    def _list_commands(self, screen: MainScreen) -> Iterator[Command]:
        """What acts on the article list: filters, sorts, its actors panel."""
        yield "Clear filters", "Show every article again", screen.action_clear_filters
        yield "Only unread", "Show only unread articles (again: all)", screen.action_filter_unread
        yield ("Only flagged", "Show only flagged articles (again: all)",
               screen.action_filter_flagged)
        if app_stories := self.reader.corpus.stories:
            yield (("Show articles", "The flat article list", screen.action_show_articles)
                   if screen.showing_stories else
                   ("Show stories", f"{counted(len(app_stories), 'story', 'stories')}",
                    screen.action_show_stories))
        yield ("Toggle actors panel", "People, organisations and places",
               screen.action_toggle_actors)
        yield ("Side by side with closest source", "Compare the selected article",
               screen.action_compare)
        for order in SORT_ORDERS:
            yield f"Sort by {order}", f"Order the list by {order}", partial(screen.sort_by, order)
        yield "Reverse sort", "Order the list the other way round", screen.action_reverse_sort
        corpus = self.reader.corpus
        outlets = sorted({a.article.source for a in corpus.articles if a.article.source})
        # Outlets, names and titles come from files: shown through printable().
        for outlet in outlets:
            yield (f"Filter by outlet: {printable(outlet)}", "Show only this outlet's articles",
                   partial(screen.filter_outlet, outlet))
        for actor in sorted(corpus.actors, key=lambda a: -a.mentions)[:200]:
            yield (f"Filter by actor: {printable(actor.name)}",
                   f"{actor.kind}, {counted(actor.mentions, 'mention')}",
                   partial(screen.filter_actor, actor.id, actor.name))

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
