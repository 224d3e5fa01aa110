"""App-level messages: what happened in a worker, posted to the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.core.models import Corpus


@dataclass
class CorpusLoaded(Message):
    """Every file under the configured paths was read, cleaned and analysed."""

    corpus: Corpus


@dataclass
class LoadProgress(Message):
    """Files read so far; a newer one replaces an unhandled older one."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadProgress)
