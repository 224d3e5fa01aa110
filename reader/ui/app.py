"""The Textual app: loads the corpus in a worker and shows it."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.worker import get_current_worker

from reader.config import Config
from reader.core.models import Corpus
from reader.core.pipeline import analyse_corpus
from reader.sources.files import load_documents
from reader.ui.messages import CorpusLoaded
from reader.ui.screens.main import MainScreen


class ReaderApp(App[None]):
    """Newsroom Reader."""

    CSS_PATH = "app.tcss"
    TITLE = "Newsroom Reader"
    BINDINGS: ClassVar[list[Binding]] = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, config: Config) -> None:
        super().__init__()
        self.config = config
        self.corpus = Corpus()

    def on_mount(self) -> None:
        self.push_screen(MainScreen())
        self._load_corpus()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False,
          description="Loading articles")
    def _load_corpus(self) -> None:
        worker = get_current_worker()
        result = load_documents(self.config.paths, self.config.max_bytes,
                                progress=lambda done, total: not worker.is_cancelled)
        corpus = analyse_corpus(result.documents, result.errors)
        if not worker.is_cancelled:
            self.call_from_thread(self._corpus_ready, corpus)

    def _corpus_ready(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.screen.post_message(CorpusLoaded(corpus))
        for error in corpus.errors:
            self.notify(f"{error.path}: {error.error}", title="Skipped",
                        severity="warning", markup=False)


def make_app(config: Config | None = None) -> ReaderApp:
    """The one factory for the CLI and the tests."""
    return ReaderApp(config or Config())
