"""The reading screen: one article with its header, highlights, quote cursor and search."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from reader.core.models import Actor, AnalysedArticle
from reader.core.text import find_matches
from reader.ui.messages import CompareRequested
from reader.ui.widgets.actors_panel import ActorsPanel
from reader.ui.widgets.reading_view import Block, ReadingView


def article_header(item: AnalysedArticle) -> Content:
    """Title line and a details line: outlet, byline, date, origin credit, counts."""
    article = item.article
    details = [
        article.source or "unknown outlet",
        f"by {article.byline}" if article.byline else None,
        article.date,
        f"origin: {article.origin}" if article.origin else None,
        f"{article.word_count:,} words",
        f"{len(item.quotes)} quotes",
    ]
    title = Content.styled(article.title or f"({article.id}, untitled)", "bold")
    return Content("\n").join([title, Content(" · ".join(d for d in details if d))])


class ReadingScreen(Screen[None]):
    """Reads one article; n/N walk its quotes (or search matches while searching)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="read.back"),
        Binding("n", "next", "Next quote", id="read.next"),
        Binding("N", "previous", "Previous quote", id="read.previous"),
        Binding("slash", "find", "Find", id="read.find"),
        Binding("s", "compare", "Side by side", id="read.compare"),
        Binding("a", "toggle_actors", "Actors", id="read.actors"),
        Binding("j", "scroll_down", "Scroll down", show=False, id="read.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="read.up"),
    ]

    def __init__(self, item: AnalysedArticle, actors: dict[str, Actor]) -> None:
        super().__init__()
        self.item = item
        self.actors = actors

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(article_header(self.item), id="article-header")
        with Horizontal(id="reading-body"):
            yield ReadingView(id="reading-view")
            yield ActorsPanel(id="reading-actors")
        yield Input(placeholder="Find in article…", id="find")
        yield Static(Content("n / N: next or previous quote"), id="quote-bar")
        yield Footer()

    @property
    def reading_view(self) -> ReadingView:
        """The article body."""
        return self.query_one(ReadingView)

    @property
    def find_input(self) -> Input:
        """The in-article search box."""
        return self.query_one("#find", Input)

    async def on_mount(self) -> None:
        await self.reading_view.show(self.item)
        self.reading_view.focus()
        self.query_one(ActorsPanel).show_article_actors(self.item, self.actors)

    @property
    def searching(self) -> bool:
        """True while search matches are shown (n/N then walk the matches)."""
        return bool(self.reading_view.matches)

    def action_next(self) -> None:
        if self.searching:
            self.reading_view.move_match(1)
            self._show_match_position()
        else:
            self.reading_view.move_quote(1)

    def action_previous(self) -> None:
        if self.searching:
            self.reading_view.move_match(-1)
            self._show_match_position()
        else:
            self.reading_view.move_quote(-1)

    def action_find(self) -> None:
        self.find_input.add_class("-visible")
        self.find_input.focus()

    def action_back(self) -> None:
        if self.find_input.has_class("-visible") or self.searching:
            self.find_input.value = ""
            self.find_input.remove_class("-visible")
            self.reading_view.set_matches([])
            self.reading_view.focus()
            self._bar(Content("n / N: next or previous quote"))
        else:
            self.dismiss()

    def action_scroll_down(self) -> None:
        self.reading_view.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.reading_view.scroll_up(animate=False)

    def action_compare(self) -> None:
        self.post_message(CompareRequested(self.item.article.id))

    def action_toggle_actors(self) -> None:
        panel = self.query_one(ActorsPanel)
        panel.toggle_class("-visible")
        if panel.has_class("-visible"):
            panel.table.focus()
        else:
            self.reading_view.focus()

    @on(ActorsPanel.Selected)
    def _actor_selected(self, message: ActorsPanel.Selected) -> None:
        """List the actor's quotes in this article and scroll to its first mention."""
        self.query_one(ActorsPanel).show_quotes(message.actor_id, [self.item])
        article = self.item.article
        first = next((m.span for m in self.item.mentions if m.actor == message.actor_id), None)
        index = next((i for i, block in enumerate(article.paragraphs)
                      if first is not None and block.start <= first.start < block.end), None)
        if index is not None:
            self.reading_view.scroll_to_widget(self.query(Block)[index], animate=False,
                                               top=True)

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        self.reading_view.set_matches(find_matches(self.item.article.text, event.value))
        self._show_match_position()

    @on(Input.Submitted, "#find")
    def _find_submitted(self) -> None:
        self.reading_view.focus()

    def _show_match_position(self) -> None:
        view = self.reading_view
        query = self.find_input.value.strip()
        if not query:
            self._bar(Content("n / N: next or previous quote"))
        elif not view.matches:
            self._bar(Content.assemble("No match for “", query, "”"))
        else:
            self._bar(Content.assemble(
                f"Match {view.match_index + 1} of {len(view.matches)} for “", query,
                "” · n / N to move · escape to clear"))

    @on(ReadingView.QuoteChanged)
    def _quote_changed(self, message: ReadingView.QuoteChanged) -> None:
        quote = message.quote
        if quote is None:
            self._bar(Content("This article has no direct quotes."))
            return
        speaker = quote.speaker or "unattributed"
        actor = self.actors.get(quote.actor) if quote.actor else None
        if actor is not None and actor.name != quote.speaker:
            speaker = f"{speaker} ({actor.name})"
        kind = "term" if quote.kind == "term" else "statement"
        cue = f" · cue: {quote.cue}" if quote.cue else ""
        self._bar(Content.assemble(
            f"Quote {message.index + 1} of {message.total} · {kind} · speaker: ",
            (speaker, "bold"), cue))

    def _bar(self, content: Content) -> None:
        self.query_one("#quote-bar", Static).update(content)
