"""The reading screen: one article with its header, highlights, quote cursor and search."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Header, Input, Static
from textual.worker import get_current_worker

from reader.core.models import Actor, AnalysedArticle, Span
from reader.core.text import MATCH_LIMIT, counted, iter_match_batches, printable
from reader.ui.messages import CompareRequested, IndirectToggled
from reader.ui.screens.provenance import PROVENANCE_HINT, ProvenanceScreen
from reader.ui.widgets.actors_panel import ActorsPanel
from reader.ui.widgets.reading_view import ReadingView

QUOTE_HINT = "n / N: next or previous quote"
MOMENT = 0.3
"""Seconds a layout may take before the screen says how far it has got."""
FIRST_RESULTS = 0.05
"""Seconds of searching after which the matches found so far are shown."""


def article_header(item: AnalysedArticle) -> Content:
    """Title line, a details line (outlet, byline, date, origin, counts), path and URL.

    Everything from the file passes through ``printable``: a name or title holding
    escape sequences or newlines must not reach the terminal as commands or cut the
    header short.
    """
    article = item.article
    details = [
        printable(article.source) if article.source else "unknown outlet",
        f"by {printable(article.byline)}" if article.byline else None,
        printable(article.date) if article.date else None,
        f"origin: {printable(article.origin)}" if article.origin else None,
        counted(article.word_count, "word"),
        counted(len(item.speech), "quote"),
        f"{sum(q.kind == 'indirect' for q in item.quotes):,} reported (r)",
        f"{counted(len(article.removed), 'line')} removed (d)" if article.removed else None,
    ]
    title = printable(article.title) if article.title else f"({printable(article.id)}, untitled)"
    where = [printable(shown_path(article.path)),
             printable(article.url) if article.url else None]
    return Content("\n").join([
        Content.styled(title, "bold"),
        Content(" · ".join(d for d in details if d)),
        Content.styled(" · ".join(w for w in where if w), "$text-muted"),
    ])


def shown_path(path: str) -> str:
    """The path relative to the current folder when it is inside it (as typed), else whole."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


def web_address(url: str | None) -> str | None:
    """The URL if a browser should open it (http or https), else None."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


class ReadingScreen(ProvenanceScreen):
    """Reads one article; n/N walk its quotes (or search matches while searching)."""

    # n and N have two bindings each, for quotes and for matches; check_action lets only
    # the one for the current mode run and show in the footer. Back, N, s and o stay out
    # of the footer (the help lists them) so r, q and ? fit in 80 columns.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", show=False, id="read.back"),
        Binding("n", "next_quote", "Next quote", id="read.next"),
        Binding("N", "previous_quote", "Previous quote", show=False, id="read.previous"),
        Binding("n", "next_match", "Next match", id="read.next_match"),
        Binding("N", "previous_match", "Previous match", show=False, id="read.previous_match"),
        Binding("slash", "find", "Find", id="read.find"),
        Binding("s", "compare", "Side by side", show=False, id="read.compare"),
        Binding("a", "toggle_actors", "Actors", id="read.actors"),
        Binding("r", "toggle_indirect", "Reported", id="read.indirect",
                tooltip="Reported speech (no quote marks): highlight it and walk it with n/N, "
                        "or not (off at first)"),
        Binding("d", "toggle_removed", "Removed lines", show=False, id="read.removed",
                tooltip="Show the lines the cleaner removed (menus, share rows, bylines), "
                        "dimmed where they stood, or hide them again"),
        Binding("o", "open_url", "Open in browser", show=False, id="read.open"),
        Binding("j", "scroll_down", "Scroll down", show=False, id="read.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="read.up"),
    ]

    @dataclass
    class MatchesFound(Message):
        """Matches of search ``generation`` so far; ``final`` when the search is over."""

        generation: int
        query: str
        matches: list[Span]
        final: bool
        capped: bool

    def __init__(
        self, item: AnalysedArticle, actors: dict[str, Actor], *, indirect: bool = False
    ) -> None:
        super().__init__()
        self.item = item
        self.actors = actors
        self.indirect = indirect
        """Reported speech is highlighted when the screen opens."""
        self._search = 0  # generation of the latest search; older results are dropped
        self._search_done = True
        self._capped = False
        self._shown = 0  # generation of the search whose matches are on screen

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(article_header(self.item), id="article-header")
        yield Static(id="reading-progress")
        with Horizontal(id="reading-body"):
            yield ReadingView(id="reading-view")
            yield ActorsPanel(id="reading-actors")
        yield Input(placeholder="Find in article…", id="find")
        yield Static(Content(QUOTE_HINT), id="quote-bar")
        yield Footer()

    @property
    def reading_view(self) -> ReadingView:
        """The article body."""
        return self.query_one(ReadingView)

    @property
    def find_input(self) -> Input:
        """The in-article search box."""
        return self.query_one("#find", Input)

    def on_mount(self) -> None:
        self.reading_view.provenance = self.provenance
        if self.provenance is not None:
            self._bar(Content(f"{QUOTE_HINT} · {PROVENANCE_HINT}"))
        self.reading_view.show(self.item, indirect=self.indirect)
        self.reading_view.focus()
        self.query_one(ActorsPanel).show_article_actors(self.item, self.actors)

    @property
    def searching(self) -> bool:
        """True while search matches are shown (n/N then walk the matches)."""
        return bool(self.reading_view.matches)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """n/N run (and show in the footer) as quote or match moves, by mode."""
        if action in ("next_quote", "previous_quote"):
            return not self.searching
        if action in ("next_match", "previous_match"):
            return self.searching
        return super().check_action(action, parameters)

    def action_next_quote(self) -> None:
        self.reading_view.move_quote(1)

    def action_previous_quote(self) -> None:
        self.reading_view.move_quote(-1)

    def action_next_match(self) -> None:
        self.reading_view.move_match(1)
        self._show_match_position()

    def action_previous_match(self) -> None:
        self.reading_view.move_match(-1)
        self._show_match_position()

    def action_find(self) -> None:
        self.find_input.add_class("-visible")
        self.find_input.focus()

    def action_back(self) -> None:
        if self.find_input.has_class("-visible") or self.searching:
            self._search += 1
            self.workers.cancel_group(self, "find")
            with self.find_input.prevent(Input.Changed):
                self.find_input.value = ""
            self.find_input.remove_class("-visible")
            self._set_matches([])
            self.reading_view.focus()
            self._bar(Content(QUOTE_HINT))
        else:
            self.dismiss()

    def action_scroll_down(self) -> None:
        self.reading_view.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.reading_view.scroll_up(animate=False)

    def action_compare(self) -> None:
        self.post_message(CompareRequested(self.item.article.id))

    def action_toggle_indirect(self) -> None:
        shown = not self.reading_view.indirect_shown
        self.reading_view.set_indirect(shown)
        self._bar(Content("Reported speech " + ("shown: n / N walk it too" if shown
                                                 else "hidden")))
        self.post_message(IndirectToggled(shown))

    def action_toggle_removed(self) -> None:
        removed = len(self.item.article.removed)
        if not removed:
            self._bar(Content("The cleaner removed no line of this article."))
            return
        shown = not self.reading_view.removed_shown
        self.reading_view.set_removed(shown)
        lines = counted(removed, "removed line")
        self._bar(Content(f"{lines} shown, dimmed: d hides them" if shown
                          else f"{lines} hidden: d shows them"))

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
        first = next((m.span for m in self.item.mentions if m.actor == message.actor_id), None)
        if first is not None:
            self.reading_view.reveal(first, to_top=True)

    def action_open_url(self) -> None:
        """Open the article's web address in the browser, if it has one."""
        url = web_address(self.item.article.url)
        if url is None:
            self.notify("This article has no web address to open.", severity="warning",
                        markup=False)
            return
        self.app.open_url(url)
        self.notify(f"Opening {printable(url)}", markup=False)

    # Find ----------------------------------------------------------------------------

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        self._search += 1
        query = event.value.strip()
        if not query:
            self.workers.cancel_group(self, "find")
            self._set_matches([])
            self._bar(Content(QUOTE_HINT))
            return
        self._search_done = False
        self._bar(Content.assemble("Searching for “", query, "”…"))
        self._find(self.item.article.text, query, self._search)

    @work(thread=True, exclusive=True, group="find", exit_on_error=False,
          description="Finding in the article")
    def _find(self, text: str, query: str, generation: int) -> None:
        """Search window by window, so a newer key cancels this one within a window."""
        worker = get_current_worker()
        started = time.monotonic()
        found: list[Span] = []
        shown = False
        for batch in iter_match_batches(text, query, limit=MATCH_LIMIT):
            if worker.is_cancelled:
                return
            found.extend(batch)
            if not shown and found and time.monotonic() - started > FIRST_RESULTS:
                shown = True
                self.post_message(self.MatchesFound(generation, query, list(found),
                                                    final=False, capped=False))
        capped = len(found) > MATCH_LIMIT
        self.post_message(self.MatchesFound(generation, query, found[:MATCH_LIMIT],
                                            final=True, capped=capped))

    @on(MatchesFound)
    def _matches_found(self, message: MatchesFound) -> None:
        if message.generation != self._search:
            return  # a key typed since, or escape, made this search stale
        self._search_done = message.final
        self._capped = message.capped
        # More matches of the search on screen leave the cursor; a new search starts
        # again at its first match.
        self._set_matches(message.matches, keep_cursor=message.generation == self._shown)
        self._shown = message.generation
        self._show_match_position()

    def _set_matches(self, matches: list[Span], *, keep_cursor: bool = False) -> None:
        was_searching = self.searching
        self.reading_view.set_matches(matches, keep_cursor=keep_cursor and was_searching)
        if self.searching != was_searching:
            self.refresh_bindings()  # n/N switch between quotes and matches

    @on(Input.Submitted, "#find")
    def _find_submitted(self) -> None:
        self.reading_view.focus()

    def _show_match_position(self) -> None:
        view = self.reading_view
        query = self.find_input.value.strip()
        if not query:
            self._bar(Content(QUOTE_HINT))
        elif not view.matches:
            self._bar(Content.assemble("No match for “", query, "”"))
        else:
            if not self._search_done:
                total = f"{len(view.matches):,} so far"
            elif self._capped:
                total = f"{MATCH_LIMIT:,}+"
            else:
                total = f"{len(view.matches):,}"
            self._bar(Content.assemble(
                f"Match {view.match_index + 1:,} of {total} for “", query,
                "” · n / N to move · escape to clear"))

    # Quotes and progress ------------------------------------------------------------

    @on(ReadingView.LayoutProgress)
    def _layout_progress(self, message: ReadingView.LayoutProgress) -> None:
        progress = self.query_one("#reading-progress", Static)
        busy = message.done < message.total and message.elapsed > MOMENT
        if busy != progress.has_class("-visible"):  # a class change restyles the screen
            progress.set_class(busy, "-visible")
        if busy:
            progress.update(Content(
                f"Laying out the article… {message.done * 100 // message.total}%"),
                layout=False)

    @on(ReadingView.QuoteChanged)
    def _quote_changed(self, message: ReadingView.QuoteChanged) -> None:
        quote = message.quote
        if quote is None:
            hidden = not self.reading_view.indirect_shown and any(
                q.kind == "indirect" for q in self.item.quotes)
            self._bar(Content("This article has no direct quotes"
                              + ("; r shows its reported speech." if hidden else ".")))
            return
        speaker = quote.speaker or "unattributed"
        actor = self.actors.get(quote.actor) if quote.actor else None
        if actor is not None and actor.name != quote.speaker:
            speaker = f"{speaker} ({actor.name})"
        kind = quote.kind
        cue = f" · cue: {quote.cue}" if quote.cue else ""
        self._bar(Content.assemble(
            f"Quote {message.index + 1} of {message.total} · {kind} · speaker: ",
            (speaker, "bold"), cue))

    def _bar(self, content: Content) -> None:
        # One line high, so a new text needs no new layout of the screen (a layout
        # costs tens of milliseconds, more than the rest of a key).
        self.query_one("#quote-bar", Static).update(content, layout=False)
