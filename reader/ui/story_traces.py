"""Each story's trace, made the first time the reader needs it and kept for the session.

The reader loads its corpus untraced (``pipeline.grouped_corpus``): a folder of 10,000
articles has over a thousand stories, and tracing them all costs seconds and tens of
megabytes for the few a reader opens. ``StoryTraces`` is pure Python over core types,
safe to call from the app's thread workers; ``trace_or_defer`` runs one in a worker.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App

    from reader.core.models import AnalysedArticle, Corpus, Story, StoryTrace

# A story of this many articles or fewer is traced on the spot (the seeds' five take
# about 20 ms); a bigger one in a worker, so a key never waits for it.
TRACE_INLINE_ARTICLES = 6


class StoryTraces:
    """A corpus's stories by article, and their traces, each made at most once."""

    def __init__(self, corpus: Corpus) -> None:
        self._stories = {story.id: story for story in corpus.stories}
        self._story_of = {a: story for story in corpus.stories for a in story.articles}
        self._items: dict[str, AnalysedArticle] = {i.article.id: i for i in corpus.articles}
        self._actors = corpus.actors
        self._aliases: dict[str, str] | None = None
        self._kept: dict[str, StoryTrace] = {trace.story: trace for trace in corpus.traces}
        self._lock = threading.Lock()

    def story_of(self, article_id: str) -> Story | None:
        """The story an article belongs to (None before stories are known)."""
        return self._story_of.get(article_id)

    def kept(self, story_id: str) -> StoryTrace | None:
        """The story's trace when it is made already, else None."""
        return self._kept.get(story_id)

    def quick(self, story: Story) -> bool:
        """Whether tracing this story is quick enough to do while a key waits."""
        return story.id in self._kept or len(story.articles) <= TRACE_INLINE_ARTICLES

    def trace(self, story_id: str) -> StoryTrace | None:
        """The story's trace, made now if need be; None for a story not in the corpus."""
        story = self._stories.get(story_id)
        if story is None:
            return None
        with self._lock:  # two workers asking for one story trace it once
            found = self._kept.get(story_id)
            if found is None:
                from reader.core.pipeline import name_aliases
                from reader.core.stories import trace_story

                if self._aliases is None:
                    self._aliases = name_aliases(self._actors)
                members = [self._items[a] for a in story.articles if a in self._items]
                found = self._kept[story_id] = trace_story(story, members, self._aliases)
            return found


def trace_or_defer(app: App[None], traces: StoryTraces, story: Story,
                   then: Callable[[], None]) -> StoryTrace | None:
    """The story's trace when it is made or quick to make; else None, and a worker
    traces it and then calls ``then`` on the app's thread (a newer request cancels it)."""
    if traces.quick(story):
        return traces.trace(story.id)
    from textual.worker import get_current_worker

    from reader.ui.messages import AnalysisFailed

    app.notify(f"Tracing the story's {len(story.articles)} articles…", markup=False,
               timeout=2)

    def trace() -> None:
        try:
            traces.trace(story.id)
        except Exception as error:  # a failed trace must not take the app down
            app.post_message(AnalysisFailed("tracing", f"{type(error).__name__}: {error}"))
            return
        if not get_current_worker().is_cancelled:
            app.call_from_thread(then)

    app.run_worker(trace, thread=True, exclusive=True, group="trace", exit_on_error=False,
                   description="Tracing a story")
    return None
