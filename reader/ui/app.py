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
    IndirectToggled,
    LoadProgress,
    OpenRequested,
    StateChangeRequested,
    StatesLoaded,
    StoryRequested,
)
from reader.ui.report_delivery import REPORT_DELIVERY
from reader.ui.screens.main import MainScreen

if TYPE_CHECKING:
    from reader.core.models import AnalysedArticle, Article, Corpus, Story, StoryTrace
    from reader.library.state import ArticleState, Known, ReadingState

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
        self._reading: ReadingState | None = None
        self._known: dict[str, Known] = {}
        self._states: dict[str, ArticleState] = {}
        self._resume: str | None = None
        self._story_index: dict[str, int] = {}
        """Article id to the index of its story, once the corpus is loaded."""

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
        self.main_screen.article_list.update_articles(
            message.articles, analysed=isinstance(message, ArticlesAnalysed)
        )

    @on(StatesLoaded)
    def _states_loaded(self, message: StatesLoaded) -> None:
        self._reading = message.state
        self._known = message.known
        self._states = message.states
        self._resume = message.cursor
        self.main_screen.article_list.set_states(message.states)

    def state_of(self, article_id: str) -> ArticleState | None:
        """An article's reading state, None when there is no library."""
        return self._states.get(article_id)

    @on(StateChangeRequested)
    def _state_change(self, message: StateChangeRequested) -> None:
        self.change_state(message.article_ids, read=message.read, flagged=message.flagged,
                          note=message.note)

    def change_state(self, article_ids: tuple[str, ...], *, read: bool | None = None,
                     flagged: bool | None = None, note: str | None = None) -> None:
        """Change articles' reading state on screen now and in the library in a worker."""
        from dataclasses import replace as replaced

        if self._reading is None:
            return
        ids = [i for i in article_ids if i in self._known]
        changed = {}
        for article_id in ids:
            state = self._states[article_id]
            changed[article_id] = replaced(
                state, read=state.read if read is None else read,
                flagged=state.flagged if flagged is None else flagged,
                note=state.note if note is None else note)
        self._states.update(changed)
        self.main_screen.article_list.set_states(changed)
        self._save_state(tuple(self._known[i] for i in ids), read, flagged, note)

    @work(thread=True, group="state", exit_on_error=False, description="Saving state")
    def _save_state(self, known: tuple[Known, ...], read: bool | None, flagged: bool | None,
                    note: str | None) -> None:
        """One short write transaction, off the UI thread (a second reader may hold the lock)."""
        from reader.library import LibraryError

        if self._reading is None:
            return
        try:
            self._reading.set(known, read=read, flagged=flagged, note=note)
        except LibraryError as error:
            self.post_message(AnalysisFailed("saving the reading state", str(error)))

    async def action_quit(self) -> None:
        """Remember the article under the cursor (the next start reopens there), then quit."""
        if self._reading is not None and self.is_running:
            from contextlib import suppress

            from reader.library import LibraryError
            from reader.ui.loading import remember_cursor

            # The cursor is a convenience: quitting must not fail over it.
            with suppress(LibraryError):
                current = self.main_screen.article_list.current_id
                remember_cursor(self._reading, self.config,
                                self._known.get(current) if current else None)
        # Notes and marks still being saved are written first (a few milliseconds).
        for worker in [w for w in self.workers if w.group == "state"]:
            await worker.wait()
        self.exit()

    @on(CorpusLoaded)
    def _corpus_loaded(self, message: CorpusLoaded) -> None:
        from reader.core.text import counted, printable

        self.corpus = message.corpus
        self._articles = {item.article.id: item for item in message.corpus.articles}
        from reader.ui.story_partner import story_index

        self._story_index = story_index(message.corpus)
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
        state = self._states.get(article_id)
        if state is not None and not state.read:
            self.change_state((article_id,), read=True)  # opening marks read
        screen = ReadingScreen(item, actors, indirect=self.indirect_shown)
        found = self.story_of(article_id)
        if found is not None and found[1] is not None:
            from reader.ui.screens.provenance import attach_story

            attach_story(screen, item.article, found[0], found[1], self._articles)
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

        corpus = self.corpus
        index = next((k for k, s in enumerate(corpus.stories) if s.id == story_id), None)
        if index is None:
            return
        trace = corpus.traces[index] if index < len(corpus.traces) else None
        self.push_screen(StoryScreen(corpus.stories[index], trace, self._articles,
                                     corpus.actors))

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

    def story_of(self, article_id: str) -> tuple[Story, StoryTrace | None] | None:
        """The story of an article and its trace, once stories are known."""
        from reader.ui.story_partner import story_of

        return story_of(self.corpus, self._story_index, article_id)

    def _story_partner(self, article_id: str) -> str | None:
        from reader.ui.story_partner import story_partner

        found = self.story_of(article_id)
        if found is None or found[1] is None:
            return None
        return story_partner(article_id, found[1])

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
