"""The main screen: the article list with search, sorting, filters and the actors panel."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from reader.core.text import counted
from reader.ui.messages import (
    CompareRequested,
    ErrorsRequested,
    FeedsUpdateRequested,
    OpenRequested,
    StateChangeRequested,
    StoryRequested,
)
from reader.ui.widgets.article_list import SORT_ORDERS, ArticleList
from reader.ui.widgets.list_filter import ListFilter
from reader.ui.widgets.story_list import STORY_ORDERS, StoryList

if TYPE_CHECKING:
    from collections.abc import Mapping

    from reader.core.models import AnalysedArticle, Corpus
    from reader.library.state import ArticleState
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.actors_panel import ActorsPanel


class MainScreen(Screen[None]):
    """Lists the loaded articles; enter opens one, s compares it with its closest source."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_article", "Open", id="main.open"),
        # Two bindings for one key (check_action lets one run), so the footer names the
        # view tab goes to.
        Binding("tab", "show_articles", "Articles", id="main.articles"),
        Binding("tab", "show_stories", "Stories", id="main.stories"),
        # Binding tab here hides Screen's own tab binding: moving focus stays the fallback.
        Binding("tab", "app.focus_next", "", show=False, id="main.focus_next"),
        Binding("slash", "search", "Search", id="main.search"),
        Binding("o", "cycle_sort", "Sort", id="main.sort"),
        Binding("O", "reverse_sort", "Reverse sort", show=False, id="main.reverse"),
        Binding("a", "toggle_actors", "Actors", id="main.actors"),
        Binding("s", "compare", "Side by side", id="main.compare"),
        # Kept out of the footer so q and ? fit at 80 columns: the status line says
        # "escape clears" while a filter is on and "N skipped (e)" when files were skipped.
        Binding("escape", "clear_filters", "Clear filters", show=False, id="main.clear"),
        Binding("e", "show_errors", "Errors", show=False, id="main.errors"),
        # Reading state, after newsboat: N toggles read, n jumps to the next unread.
        # Flagging is mutt's F (newsboat has no one-key flag); E edits the note.
        Binding("N", "toggle_read", "Read/unread", show=False, id="main.read"),
        Binding("n", "next_unread", "Next unread", show=False, id="main.next_unread"),
        Binding("F", "toggle_flag", "Flag", show=False, id="main.flag"),
        Binding("E", "edit_note", "Note", show=False, id="main.note"),
        Binding("u", "filter_unread", "Only unread", show=False, id="main.only_unread"),
        Binding("f", "filter_flagged", "Only flagged", show=False, id="main.only_flagged"),
        Binding("U", "update_feeds", "Update feeds", show=False, id="main.update_feeds",
                tooltip="Update the feeds, a progress bar a feed; over the library the new "
                "articles and stories appear when it ends"),
    ]

    NARROW = 100
    """Under this many columns the actors panel sits below the list, not beside it."""

    @property
    def corpus(self) -> Corpus:
        """The app's corpus: the list shows what the app has loaded so far."""
        return cast("ReaderApp", self.app).corpus

    def compose(self) -> ComposeResult:
        yield Header()
        # The search box and the actors panel are mounted on first use: start-up pays
        # only for what the first frame shows.
        with Horizontal(id="main-body"), Vertical(id="list-pane"):
            yield StoryList(id="stories")
            yield ArticleList(id="articles")
            yield Static("Loading…", id="list-status", markup=False)

    @property
    def article_list(self) -> ArticleList:
        """The article list widget."""
        return self.query_one(ArticleList)

    @property
    def story_list(self) -> StoryList:
        """The story list widget (shown once the stories are known)."""
        return self.query_one(StoryList)

    @property
    def showing_stories(self) -> bool:
        """True while the story list is shown instead of the article list."""
        return self.has_class("-stories")

    @property
    def actors_panel(self) -> ActorsPanel | None:
        """The actors panel, once it has been opened."""
        panels = self.query("#actors-panel")
        return cast("ActorsPanel", panels.first()) if panels else None

    @property
    def search_input(self) -> Input | None:
        """The incremental search box above the list, once it has been opened."""
        inputs = self.query("#list-search").results(Input)
        return next(inputs, None)

    async def _open_actors_panel(self) -> ActorsPanel:
        panel = self.actors_panel
        if panel is None:
            # Imported on first use: most sessions start without the panel.
            from reader.ui.widgets.actors_panel import ActorsPanel

            panel = ActorsPanel(id="actors-panel")
            await self.query_one("#main-body").mount(panel)
            self._fill_actors(panel)
        return panel

    def _fill_actors(self, panel: ActorsPanel) -> None:
        panel.show_corpus_actors(self.corpus.actors, len(self.corpus.articles))

    def on_mount(self) -> None:
        self.article_list.focus()

    def on_resize(self, event: events.Resize) -> None:
        # Beside an 80-column list the panel left the titles 16 cells; below, the
        # list keeps its width.
        self.set_class(event.size.width < self.NARROW, "-narrow")
        # Narrow, the footer drops its spacing so tab, q and ? still fit in 80 columns.
        for footer in self.query(Footer):
            footer.compact = self.has_class("-narrow")

    def show_footer(self) -> None:
        """Add the footer of keys, once: loading's first report (or failure) calls this.

        The footer (a widget per key) is the costliest part of the first frame, and
        built while the first files are read it takes the interpreter lock from the
        loader, so it joins once the first rows are in: 60-100 ms sooner on the seeds.
        """
        self.call_after_refresh(self._mount_footer)

    async def _mount_footer(self) -> None:
        if self.is_attached and not self.query(Footer):
            await self.mount(Footer(compact=self.has_class("-narrow")))
            self.refresh_bindings()  # a late footer has missed the first bindings signal

    def show_progress(self, stage: str, done: int, total: int) -> None:
        """Show loading progress under the list (the first report brings the footer)."""
        self.show_footer()
        share = done / total if total else 1.0
        self.query_one("#list-status", Static).update(
            Content(f"{stage} {done:,}/{total:,} ({share:.0%})…")
        )

    def add_articles(self, corpus: Corpus, added: int) -> None:
        """Rows for the ``added`` newest articles (the corpus is still loading)."""
        self.article_list.add_articles(corpus.articles[len(corpus.articles) - added :])
        self._update_status(loading=True)

    def show_early_stories(self, corpus: Corpus,
                           articles: Mapping[str, AnalysedArticle]) -> None:
        """Show the stories found while the articles are still being analysed."""
        self.story_list.set_stories(corpus.stories, articles, self.article_list.pending_ids)
        self.show_stories(True, focus=self.focused in (None, self.article_list))

    def show_corpus(self, corpus: Corpus) -> None:
        """Show the fully loaded corpus, stories first when it has any."""
        self.article_list.set_articles(corpus.articles)
        if corpus.stories:
            self.story_list.set_stories(corpus.stories,
                                        {item.article.id: item for item in corpus.articles})
            # Someone typing a search or in the actors panel keeps the focus.
            self.show_stories(True, focus=self.focused in (None, self.article_list))
        if self.actors_panel is not None:
            self._fill_actors(self.actors_panel)
        self._update_status(loading=False)

    def show_stories(self, stories: bool, *, focus: bool = True) -> None:
        """Show the story list (True) or the flat article list (False), focused."""
        self.set_class(stories, "-stories")
        if focus:
            self._focus_list()
        self.refresh_bindings()
        self._update_status()

    def _focus_list(self) -> None:
        (self.story_list if self.showing_stories else self.article_list).focus()

    def action_show_articles(self) -> None:
        self.show_stories(False)

    def action_show_stories(self) -> None:
        self.show_stories(True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Tab goes to the view not shown (to stories once they are known); reversing
        and side by side act on articles only."""
        if action in ("show_articles", "show_stories"):
            # In the actors panel tab moves between its table and its quotes.
            panel = self.actors_panel
            if panel is not None and self.focused in panel.query("*"):
                return False
        if action == "show_articles":
            return self.showing_stories
        if action == "show_stories":
            return not self.showing_stories and bool(self.corpus.stories)
        return not (action in ("reverse_sort", "compare") and self.showing_stories)

    def _update_status(self, *, loading: bool = False) -> None:
        corpus = self.corpus
        # Every filter change ends here: a story is listed if one of its articles passes.
        filtered = self.article_list.list_filter.active
        self.story_list.show_only(set(self.article_list.shown_ids) if filtered else None)
        shown = self.article_list.row_count
        parts = [f"{shown:,} of {counted(len(corpus.articles), 'article')}"]
        if self.showing_stories:
            stories = counted(len(corpus.stories), "story", "stories")
            parts = [f"{self.story_list.row_count:,} of {stories}"]
        description = self.article_list.list_filter.describe()
        if description:
            parts.append(f"{description} (escape clears)")
        if self.showing_stories:
            parts.append(f"{self.story_list.order_description} (o)")
        else:
            parts.append(f"sorted by {self.article_list.sort_description}")
        if corpus.errors:
            parts.append(f"{len(corpus.errors)} skipped (e)")
        if loading:
            parts.append("loading…")
        self.query_one("#list-status", Static).update(Content(" · ".join(parts)))

    def action_open_article(self) -> None:
        if self.showing_stories:
            story_id = self.story_list.current_id
            if story_id is not None:
                self.post_message(StoryRequested(story_id))
            return
        article_id = self.article_list.current_id
        if article_id is not None:
            self.post_message(OpenRequested(article_id))

    @on(ArticleList.Opened)
    def _open(self, message: ArticleList.Opened) -> None:
        message.stop()
        self.post_message(OpenRequested(message.article_id))

    @on(StoryList.Opened)
    def _open_story(self, message: StoryList.Opened) -> None:
        message.stop()
        self.post_message(StoryRequested(message.story_id))

    async def action_search(self) -> None:
        search = self.search_input
        if search is None:
            search = Input(placeholder="Search titles and text…", id="list-search")
            await self.query_one("#list-pane").mount(search, before=0)
        search.add_class("-visible")
        search.focus()

    @on(Input.Changed, "#list-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.article_list.set_filter(replace(self.article_list.list_filter, query=event.value))
        self._update_status()

    @on(Input.Submitted, "#list-search")
    def _search_done(self) -> None:
        self._focus_list()

    def action_cycle_sort(self) -> None:
        if self.showing_stories:
            current = STORY_ORDERS.index(self.story_list.order_by)
            self.story_list.set_sort(STORY_ORDERS[(current + 1) % len(STORY_ORDERS)])
            self._update_status()
            return
        current = SORT_ORDERS.index(self.article_list.order_by)
        self.sort_by(SORT_ORDERS[(current + 1) % len(SORT_ORDERS)])

    def sort_by(self, order: str) -> None:
        """Sort the list in the order's natural direction (also used by the palette)."""
        self.article_list.set_sort(order)
        self._update_status()

    def action_reverse_sort(self) -> None:
        """Turn the list's order the other way round."""
        self.article_list.set_sort(self.article_list.order_by,
                                   reverse=not self.article_list.reverse)
        self._update_status()

    def filter_outlet(self, outlet: str | None) -> None:
        """Show only one outlet's articles (None shows all)."""
        self.article_list.set_filter(replace(self.article_list.list_filter, outlet=outlet))
        self._update_status()

    async def filter_actor(self, actor_id: str | None, name: str | None = None) -> None:
        """Show only articles mentioning an actor, and list its quotes across sources."""
        self.article_list.set_filter(
            replace(self.article_list.list_filter, actor=actor_id, actor_name=name)
        )
        if actor_id is not None:
            panel = await self._open_actors_panel()
            panel.show_quotes(actor_id, self.corpus.articles)
        self._update_status()

    def action_clear_filters(self) -> None:
        if self.search_input is not None:
            self.search_input.value = ""
            self.search_input.remove_class("-visible")
        self.article_list.set_filter(ListFilter())
        self._focus_list()
        self._update_status()

    async def action_toggle_actors(self) -> None:
        panel = await self._open_actors_panel()
        panel.toggle_class("-visible")
        if panel.has_class("-visible"):
            panel.table.focus()
        else:
            self._focus_list()

    async def on_actors_panel_selected(self, message: ActorsPanel.Selected) -> None:
        """Filter the list by the actor picked in the panel."""
        actor = next((a for a in self.corpus.actors if a.id == message.actor_id), None)
        await self.filter_actor(message.actor_id, actor.name if actor else None)

    def action_compare(self) -> None:
        article_id = self.article_list.current_id
        if article_id is not None:
            self.post_message(CompareRequested(article_id))

    def action_show_errors(self) -> None:
        self.post_message(ErrorsRequested())

    def action_update_feeds(self) -> None:
        self.post_message(FeedsUpdateRequested())

    def clear_corpus(self) -> None:
        """Empty the lists before the corpus is loaded again (new articles fetched)."""
        self.article_list.set_articles(())
        self.story_list.set_stories((), {})

    # Reading state -------------------------------------------------------------------

    def _current_state(self) -> tuple[str, ArticleState] | None:
        article_id = self.article_list.current_id
        state = None if article_id is None else self.article_list.state_of(article_id)
        if article_id is None or state is None:
            if article_id is not None:
                self.notify("No library: reading state is not kept.", severity="warning",
                            markup=False)
            return None
        return article_id, state

    def action_toggle_read(self) -> None:
        """Mark the article under the cursor read, or unread again."""
        current = self._current_state()
        if current is not None:
            self.post_message(StateChangeRequested((current[0],), read=not current[1].read))

    def action_toggle_flag(self) -> None:
        """Flag (star) the article under the cursor, or take the flag off."""
        current = self._current_state()
        if current is not None:
            self.post_message(StateChangeRequested((current[0],),
                                                   flagged=not current[1].flagged))

    def action_edit_note(self) -> None:
        """Edit the note of the article under the cursor."""
        from reader.ui.screens.note import NoteScreen

        current = self._current_state()
        if current is None:
            return
        article_id, state = current
        item = next((i for i in self.corpus.articles if i.article.id == article_id), None)
        title = (item.article.title if item else None) or article_id

        def saved(note: str | None) -> None:
            if note is not None:
                self.post_message(StateChangeRequested((article_id,), note=note))

        self.app.push_screen(NoteScreen(title, state.note), saved)

    def action_next_unread(self) -> None:
        """Move to the next unread article below the cursor."""
        table = self.article_list
        ids = table.shown_ids
        start = table.cursor_row + 1
        for row, article_id in enumerate(ids[start:], start=start):
            state = table.state_of(article_id)
            if state is not None and not state.read:
                table.move_cursor(row=row)
                return
        self.notify("No unread article below.", markup=False)

    def action_filter_unread(self) -> None:
        """Show only unread articles, or all again."""
        wanted = self.article_list.list_filter
        self.article_list.set_filter(replace(wanted, unread=not wanted.unread))
        self._update_status()

    def action_filter_flagged(self) -> None:
        """Show only flagged articles, or all again."""
        wanted = self.article_list.list_filter
        self.article_list.set_filter(replace(wanted, flagged=not wanted.flagged))
        self._update_status()

    def move_to(self, article_id: str) -> None:
        """Put the cursor on an article, if it is listed."""
        if article_id in self.article_list.rows:
            self.article_list.move_cursor(row=self.article_list.get_row_index(article_id))
