"""The Textual app: owns the corpus, runs the analysis workers, routes between screens."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import get_current_worker

from reader.config import Config
from reader.ui.commands import ReaderCommands
from reader.ui.messages import (
    AlignmentReady,
    AnalysisFailed,
    ArticlesAdded,
    ArticlesAnalysed,
    ArticlesRevised,
    CompareRequested,
    CorpusLoaded,
    ErrorsRequested,
    FeedsUpdated,
    FeedsUpdateRequested,
    IndirectToggled,
    LoadProgress,
    OpenRequested,
    StateChangeRequested,
    StatesLoaded,
    StoriesFound,
    StoryRequested,
)
from reader.ui.report_delivery import REPORT_DELIVERY
from reader.ui.screens.main import MainScreen

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.core.models import AnalysedArticle, Article, Corpus, Story, StoryTrace
    from reader.library.state import ArticleState
    from reader.ui.reading_states import ReadingStates
    from reader.ui.story_traces import StoryTraces

# The analysis core (NER model, aligner, rapidfuzz) and the staged loader are imported
# inside the workers, and screens other than the list when first opened, so the first
# paint waits for none of them.

class ReaderApp(App[None]):
    """Newsroom Reader: the article list, the reading view and side-by-side comparison."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "Newsroom Reader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    def __init__(self, config: Config) -> None:
        super().__init__()
        self.config = config
        self._corpus: Corpus | None = None
        self._articles: dict[str, AnalysedArticle] = {}
        # Off at first: whole clauses in colour drown the direct quotes and the actor
        # marks, and about a quarter of what is found is not attributed speech.
        self.indirect_shown = False
        """Reading screens open with reported speech highlighted."""
        # The library's reading state, once the loader has opened it (None without one).
        self._reading: ReadingStates | None = None
        self._resume: str | None = None
        self._stories: StoryTraces | None = None
        """Stories by article and their traces, once the corpus is loaded."""

    @property
    def corpus(self) -> Corpus:
        """Everything loaded so far: empty until the first batch is read."""
        if self._corpus is None:
            # Imported on first use, after the first frame: creating the models' 13
            # dataclasses costs about 20 ms, a twentieth of the reader's start-up.
            from reader.core.models import Corpus

            self._corpus = Corpus()
        return self._corpus

    @corpus.setter
    def corpus(self, corpus: Corpus) -> None:
        self._corpus = corpus

    def get_default_screen(self) -> MainScreen:
        """The list is the app's base screen (no extra screen switch at start-up)."""
        return MainScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(self._load_corpus)

    @property
    def main_screen(self) -> MainScreen:
        """The list screen at the bottom of the stack."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    # Loading -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False,
          description="Loading articles")
    def _load_corpus(self) -> None:
        """Read, clean and analyse in stages so the list fills in as it goes."""
        from reader.ui.loading import load_corpus

        worker = get_current_worker()
        try:
            load_corpus(self.config, self.post_message, lambda: worker.is_cancelled)
        except Exception as error:  # a bug in one stage must not leave a traceback
            self.post_message(AnalysisFailed("loading", f"{type(error).__name__}: {error}"))

    @on(LoadProgress)
    def _progress(self, message: LoadProgress) -> None:
        self.main_screen.show_progress(message.stage, message.done, message.total)

    @on(ArticlesAdded)
    def _articles_added(self, message: ArticlesAdded) -> None:
        self.corpus = replace(self.corpus, articles=(*self.corpus.articles, *message.articles))
        self._articles.update({item.article.id: item for item in message.articles})
        self.main_screen.add_articles(self.corpus, len(message.articles))

    @on(ArticlesAnalysed)
    @on(ArticlesRevised)
    def _articles_changed(self, message: ArticlesAnalysed | ArticlesRevised) -> None:
        self._articles.update({item.article.id: item for item in message.articles})
        analysed = isinstance(message, ArticlesAnalysed)
        self.main_screen.article_list.update_articles(message.articles, analysed=analysed)
        if analysed and self.corpus.stories:
            self.main_screen.story_list.count_quotes(message.articles)

    @on(StoriesFound)
    def _stories_found(self, message: StoriesFound) -> None:
        if self._stories is not None:
            return  # the whole corpus came from the library before the grouping ended
        self.corpus = replace(self.corpus, stories=message.stories)
        self.main_screen.show_early_stories(self.corpus, self._articles)

    @on(StatesLoaded)
    def _states_loaded(self, message: StatesLoaded) -> None:
        from reader.ui.reading_states import ReadingStates

        self._reading = ReadingStates(message.state, message.known, message.states)
        self._resume = message.cursor
        self.main_screen.article_list.set_states(message.states)

    def state_of(self, article_id: str) -> ArticleState | None:
        """An article's reading state, None when there is no library."""
        return None if self._reading is None else self._reading.states.get(article_id)

    @on(StateChangeRequested)
    def _state_change(self, message: StateChangeRequested) -> None:
        self.change_state(message.article_ids, read=message.read, flagged=message.flagged,
                          note=message.note)

    def change_state(self, article_ids: tuple[str, ...], *, read: bool | None = None,
                     flagged: bool | None = None, note: str | None = None) -> None:
        """Change articles' reading state on screen now and in the library in a worker."""
        if self._reading is not None:
            changed = self._reading.change(self, article_ids, read=read, flagged=flagged,
                                           note=note)
            self.main_screen.article_list.set_states(changed)

    async def action_quit(self) -> None:
        """Remember the article under the cursor (the next start reopens there), then quit."""
        if self._reading is not None and self.is_running:
            from contextlib import suppress

            from reader.library import LibraryError
            from reader.ui.loading import remember_cursor

            # The cursor is a convenience: quitting must not fail over it.
            with suppress(LibraryError):
                current = self.main_screen.article_list.current_id
                remember_cursor(self._reading.library, self.config,
                                self._reading.known.get(current) if current else None)
        # Notes and marks still being saved are written first (a few milliseconds).
        for worker in [w for w in self.workers if w.group == "state"]:
            await worker.wait()
        self.exit()

    @on(CorpusLoaded)
    def _corpus_loaded(self, message: CorpusLoaded) -> None:
        from reader.core.text import counted, printable

        self.corpus = message.corpus
        self._articles = {item.article.id: item for item in message.corpus.articles}
        from reader.ui.story_traces import StoryTraces

        self._stories = StoryTraces(message.corpus)
        self.main_screen.show_corpus(message.corpus)
        if self._resume is not None:
            self.main_screen.move_to(self._resume)
            self._resume = None
        errors = message.corpus.errors
        if errors:
            # One notice for them all (a folder can skip hundreds); e lists every one.
            first = f"{printable(errors[0].path)}: {printable(errors[0].error)}"
            more = f" and {len(errors) - 1} more" if len(errors) > 1 else ""
            self.notify(f"{first}{more}; press e for details.",
                        title=f"{counted(len(errors), 'file')} skipped", severity="warning",
                        markup=False)
        if not message.corpus.articles:
            self.notify("No articles loaded.", severity="error", markup=False)

    @on(FeedsUpdateRequested)
    def action_update_feeds(self) -> None:
        """Update the feeds in a dialog with a progress bar a feed."""
        from reader.ui.screens.feed_update import FeedUpdateScreen

        self.push_screen(FeedUpdateScreen(self.config.home))

    @on(FeedsUpdated)
    def _feeds_updated(self, message: FeedsUpdated) -> None:
        """Load the library again when it got new articles and is what the reader shows."""
        from reader.core.models import Corpus
        from reader.core.text import counted

        new = sum(report.new for report in message.reports)
        if not new:
            return
        if not self.config.library:
            self.notify(f"{counted(new, 'new article')} in the library: 'newsroom "
                        "--library' reads them.", markup=False)
            return
        self.corpus, self._articles, self._stories = Corpus(), {}, None
        self.main_screen.clear_corpus()
        self._load_corpus()

    # Routing ---------------------------------------------------------------------------

    @on(OpenRequested)
    def _open_requested(self, message: OpenRequested) -> None:
        self.open_article(message.article_id, message.quote)

    def open_article(self, article_id: str, quote: int | None = None) -> None:
        """Push the reading screen for an article (with the cursor on a quote, if given)."""
        from reader.ui.screens.reading import ReadingScreen

        item = self._articles.get(article_id)
        if item is None:
            return
        actors = {actor.id: actor for actor in self.corpus.actors}
        state = self.state_of(article_id)
        if state is not None and not state.read:
            self.change_state((article_id,), read=True)  # opening marks read
        story = self.story_of(article_id)
        trace = None
        if story is not None:
            trace = self._trace_now(story, lambda: self.open_article(article_id, quote))
            if trace is None:
                return  # opened once the story is traced
        screen = ReadingScreen(item, actors, indirect=self.indirect_shown)
        if story is not None and trace is not None:
            from reader.ui.screens.provenance import attach_story

            attach_story(screen, item.article, story, trace, self._articles)
        self.push_screen(screen)
        if quote is not None:
            def to_quote() -> None:
                screen.reading_view.quote_index = quote - 1  # the step below lands on it
                screen.reading_view.move_quote(1)

            self.call_after_refresh(to_quote)

    @on(StoryRequested)
    def _story_requested(self, message: StoryRequested) -> None:
        self.open_story(message.story_id)

    def open_story(self, story_id: str) -> None:
        """Push the story screen for a story."""
        from reader.ui.screens.story import StoryScreen

        story = next((s for s in self.corpus.stories if s.id == story_id), None)
        if story is None:
            return
        if self._stories is None:  # listed early, while the articles are analysed
            self.notify("Quotes and actors are still being found: stories open once "
                        "loading is done.", severity="warning", markup=False)
            return
        trace = self._trace_now(story, lambda: self.open_story(story_id))
        if trace is not None:
            self.push_screen(StoryScreen(story, trace, self._articles, self.corpus.actors))

    def _trace_now(self, story: Story, then: Callable[[], None]) -> StoryTrace | None:
        """The story's trace when it is at hand or quick to make; else None, and ``then``
        is called once a worker has traced it."""
        from reader.ui.story_traces import trace_or_defer

        assert self._stories is not None  # stories exist only once the corpus is loaded
        return trace_or_defer(self, self._stories, story, then)

    @on(IndirectToggled)
    def _indirect_toggled(self, message: IndirectToggled) -> None:
        self.indirect_shown = message.shown

    @on(CompareRequested)
    def _compare_requested(self, message: CompareRequested) -> None:
        self.compare(message.article_id, message.other_id)

    def compare(self, article_id: str, other_id: str | None = None) -> None:
        """Open (or update) the side-by-side screen and align in a worker."""
        from reader.ui.screens.compare import CompareScreen

        item = self._articles.get(article_id)
        if item is None:
            return
        if len(self._articles) < 2:
            self.notify("Side by side needs at least two articles.", severity="warning",
                        markup=False)
            return
        if not isinstance(self.screen, CompareScreen):
            articles = {key: value.article for key, value in self._articles.items()}
            self.push_screen(CompareScreen(item.article, articles))
        self._align(item.article, other_id)

    @work(thread=True, exclusive=True, group="align", exit_on_error=False,
          description="Aligning articles")
    def _align(self, article: Article, other_id: str | None) -> None:
        from reader.core.pipeline import best_partner, compare_articles

        worker = get_current_worker()
        try:
            others = [i.article for i in self._articles.values() if i.article.id != article.id]
            # The default partner comes from the article's own story when it has one.
            other_id = other_id or self._story_partner(article.id)
            other = self._articles[other_id].article if other_id else best_partner(article,
                                                                                  others)
            alignment = compare_articles(article, other, self.corpus.actors)
        except Exception as error:  # one failed alignment must not take the app down
            self.post_message(AnalysisFailed("alignment", f"{type(error).__name__}: {error}"))
            return
        if not worker.is_cancelled:
            self.post_message(AlignmentReady(alignment))

    def story_of(self, article_id: str) -> Story | None:
        """The story of an article, once stories are known."""
        return None if self._stories is None else self._stories.story_of(article_id)

    def story_trace(self, story_id: str) -> StoryTrace | None:
        """A story's trace, made now if need be (in a worker for a big story)."""
        return None if self._stories is None else self._stories.trace(story_id)

    def _story_partner(self, article_id: str) -> str | None:
        """Called in the alignment worker, where tracing the story may take its time."""
        from reader.ui.story_partner import story_partner

        story = self.story_of(article_id)
        trace = None if story is None else self.story_trace(story.id)
        return None if trace is None else story_partner(article_id, trace)

    @on(AlignmentReady)
    async def _alignment_ready(self, message: AlignmentReady) -> None:
        from reader.ui.screens.compare import CompareScreen

        if isinstance(self.screen, CompareScreen):
            await self.screen.show_alignment(message.alignment)

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        self.main_screen.show_footer()
        self.notify(message.error, title=f"{message.what} failed", severity="error",
                    markup=False)

    @on(events.DeliveryComplete)
    def _report_delivered(self, event: events.DeliveryComplete) -> None:
        if event.name == REPORT_DELIVERY:
            where = f"saved to {event.path}" if event.path else "sent to your browser"
            self.notify(f"Report {where}", title="Report", markup=False)

    @on(events.DeliveryFailed)
    def _report_failed(self, event: events.DeliveryFailed) -> None:
        if event.name == REPORT_DELIVERY:
            self.notify(f"Could not write the report: {event.exception}", title="Report",
                        severity="error", markup=False)

    @on(ErrorsRequested)
    def action_show_errors(self) -> None:
        """List the files that failed to load."""
        from reader.ui.screens.errors import ErrorsScreen

        self.push_screen(ErrorsScreen(self.corpus.errors))

    # Help ------------------------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key."""
        from reader.ui.screens.compare import CompareScreen
        from reader.ui.screens.help import HelpScreen, binding_rows
        from reader.ui.screens.reading import ReadingScreen
        from reader.ui.screens.story_help import story_sections
        from reader.ui.widgets.actors_panel import ActorsPanel

        if isinstance(self.screen, HelpScreen):
            return
        sections = [
            ("Everywhere", binding_rows(self.BINDINGS, self.get_key_display)),
            ("Article list", [*binding_rows(MainScreen.BINDINGS, self.get_key_display),
                              ("j, k, ↑, ↓", "Move"), ("g, G, home, end", "First, last article"),
                              ("ctrl+p", "Command palette")]),
            ("Actors panel (a)", [
                ("enter", "List the actor: filter the list by it (list) or scroll to it "
                          "(reading view), and show its quotes"),
                *binding_rows(ActorsPanel.BINDINGS, self.get_key_display),
                ("g, G, home, end", "First, last actor"),
                ("tab", "To the quotes (j, k, g, G scroll them)"),
            ]),
            ("Reading view", [*binding_rows(ReadingScreen.BINDINGS, self.get_key_display),
                              ("j, k, ↑, ↓", "Scroll")]),
            *story_sections(self.get_key_display),
            ("Side by side", [*binding_rows(CompareScreen.BINDINGS, self.get_key_display),
                              ("j, k, ↑, ↓", "Scroll")]),
        ]
        self.push_screen(HelpScreen(sections))


def make_app(config: Config | None = None) -> ReaderApp:
    """The one factory for the CLI and the tests."""
    return ReaderApp(config or Config())
