"""The loader groups stories before the analysis ends and hands the reader untraced stories."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from reader.config import Config
from reader.ui.loading import load_corpus
from reader.ui.messages import ArticlesAnalysed, CorpusLoaded, StoriesFound

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories"


def load(config: Config) -> list[Message]:
    messages: list[Message] = []
    load_corpus(config, messages.append, lambda: False)
    return messages


def test_stories_are_posted_once_grouped_and_the_corpus_keeps_them_untraced() -> None:
    messages = load(Config(paths=(STORIES,), use_cache=False))
    [found] = [m for m in messages if isinstance(m, StoriesFound)]
    [loaded] = [m for m in messages if isinstance(m, CorpusLoaded)]
    assert messages.index(found) < messages.index(loaded)
    corpus = loaded.corpus
    assert found.stories == corpus.stories and len(corpus.stories) == 3
    # The reader traces a story when it is opened, not all of them at load.
    assert corpus.traces == ()
    assert any(isinstance(m, ArticlesAnalysed) for m in messages)


def test_a_folder_seen_before_comes_whole_from_the_library_without_grouping_again() -> None:
    first = load(Config(paths=(STORIES,)))
    again = load(Config(paths=(STORIES,)))
    assert any(isinstance(m, StoriesFound) for m in first)
    assert not any(isinstance(m, StoriesFound | ArticlesAnalysed) for m in again)
    [before] = [m.corpus for m in first if isinstance(m, CorpusLoaded)]
    [after] = [m.corpus for m in again if isinstance(m, CorpusLoaded)]
    assert after.stories == before.stories and after.actors == before.actors
