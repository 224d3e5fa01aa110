"""App-level messages: what happened in a worker, posted to the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

# Types only: the model classes are built after the first frame (see ReaderApp.corpus).
if TYPE_CHECKING:
    from reader.core.models import Alignment, AnalysedArticle, Corpus, Story
    from reader.library.feeds import Feed
    from reader.library.state import ArticleState, Known, ReadingState
    from reader.sources.web.update import FeedReport


@dataclass
class IndirectToggled(Message):
    """The reader turned the highlighting of reported speech on or off (kept for the next
    article opened)."""

    shown: bool


@dataclass
class ArticlesAdded(Message):
    """A batch of articles was read and cleaned (quotes and actors come later)."""

    articles: tuple[AnalysedArticle, ...]


@dataclass
class ArticlesRevised(Message):
    """Listed articles were cleaned again once the corpus's templates were known."""

    articles: tuple[AnalysedArticle, ...]


@dataclass
class ArticlesAnalysed(Message):
    """Quotes and mentions were found for a batch of already listed articles."""

    articles: tuple[AnalysedArticle, ...]


@dataclass
class StoriesFound(Message):
    """The articles were grouped into stories (from their text, before their analysis
    is done: the story list shows them while quotes and actors are found)."""

    stories: tuple[Story, ...]


@dataclass
class CorpusLoaded(Message):
    """Every file was read and analysed and actors were merged across the corpus."""

    corpus: Corpus


@dataclass
class StatesLoaded(Message):
    """The library's reading state of the loaded articles, by article id."""

    state: ReadingState
    known: dict[str, Known]
    states: dict[str, ArticleState]
    cursor: str | None = None
    """The article the cursor was on when this folder was last closed."""


@dataclass
class StateChangeRequested(Message):
    """The user changed articles' reading state (None leaves that part as it is)."""

    article_ids: tuple[str, ...]
    read: bool | None = None
    flagged: bool | None = None
    note: str | None = None


@dataclass
class LoadProgress(Message):
    """How far loading is; a newer one replaces an unhandled older one."""

    stage: str
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadProgress)


@dataclass
class AlignmentReady(Message):
    """Two articles were aligned for the side-by-side screen."""

    alignment: Alignment


@dataclass
class AnalysisFailed(Message):
    """A worker failed; the message is one line for a notification."""

    what: str
    error: str


@dataclass
class OpenRequested(Message):
    """The user asked to read an article (at one of its quotes, by index, if given)."""

    article_id: str
    quote: int | None = None


@dataclass
class StoryRequested(Message):
    """The user asked to open a story."""

    story_id: str


@dataclass
class CompareRequested(Message):
    """The user asked to compare an article with another (None: the closest source)."""

    article_id: str
    other_id: str | None = None


class ErrorsRequested(Message):
    """The user asked to see the files that failed to load."""


@dataclass
class FeedsUpdateRequested(Message):
    """The reader asked to update the feeds (``U``)."""


@dataclass
class FeedsListed(Message):
    """The feeds an update is about to fetch."""

    feeds: tuple[Feed, ...]


@dataclass
class FeedProgress(Message):
    """How far one feed's update is; a newer one for the same feed replaces an older one."""

    url: str
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, FeedProgress) and message.url == self.url


@dataclass
class FeedsUpdated(Message):
    """Every feed was fetched (or failed); the library holds their new articles."""

    reports: tuple[FeedReport, ...]
