"""The story list: one row a story (title, articles, outlets, dates, quotes), sortable."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from reader.ui.render import Cell
from reader.ui.widgets.story_table import StoryTable

if TYPE_CHECKING:
    from reader.core.models import AnalysedArticle, Story

STORY_ORDERS: tuple[str, ...] = ("size", "date", "title")
# How each order reads, for the status line.
STORY_ORDER_NAMES = {"size": "biggest first", "date": "newest first", "title": "title A–Z"}


def date_range(story: Story) -> str:
    """``first – last`` (one date when they agree, a dash when the story has none).

    The last date drops the year the first already gives ("2025-12-02 – 12-05"), so a
    range fits in 18 cells beside the titles at 80 columns.
    """
    first, last = story.first_date, story.last_date
    if first is None:
        return "—"
    if last in (None, first):
        return first
    assert last is not None
    if len(first) == len(last) == 10 and first[:5] == last[:5]:
        last = last[5:]
    return f"{first} – {last}"


def _story_key(order: str) -> Callable[[Story], tuple[object, ...]]:
    """Sort keys; the story id settles ties so the order is the same every run."""
    if order == "date":
        # Newest first: an ISO date's characters inverted sort descending; undated last.
        return lambda s: (s.last_date is None, [-ord(c) for c in s.last_date or ""],
                          -len(s.articles), s.id)
    if order == "title":
        return lambda s: (s.title.lower(), s.id)
    return lambda s: (-len(s.articles), [-ord(c) for c in s.last_date or ""], s.id)


class StoryList(StoryTable):
    """Every story of the corpus; cells are ``Cell`` objects, so titles are never markup."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="stories.down"),
        Binding("k", "cursor_up", "Up", show=False, id="stories.up"),
        Binding("g,home", "scroll_top", "First story", show=False, id="stories.top"),
        Binding("G,end", "scroll_bottom", "Last story", show=False, id="stories.bottom"),
    ]

    @dataclass
    class Opened(Message):
        """The user asked to open a story (enter or click)."""

        story_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._stories: list[Story] = []
        self._quotes: dict[str, int] = {}
        self._story_of: dict[str, str] = {}
        # While loading: each article's quotes counted so far, and the articles whose
        # analysis has not arrived, by story (their quote cells end in "…").
        self._counted: dict[str, int] = {}
        self._waiting: dict[str, set[str]] = {}
        self._only: Collection[str] | None = None
        self.order_by = "size"
    def on_mount(self) -> None:
        # Text labels: DataTable parses a string label as markup.
        self.add_column(Text("Story"), key="title", width=40)
        self.add_column(Text("Articles"), key="articles", width=8)
        self.add_column(Text("Outlets"), key="outlets", width=14)
        self.add_column(Text("Dates"), key="dates", width=18)
        self.add_column(Text("Quotes"), key="quotes", width=6)
        self._fit_title(self.screen.size.width or self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        if self._fit_title(event.size.width):
            self._require_update_dimensions = True
            self.refresh()

    def _fit_title(self, width: int) -> bool:
        """Give the title what the other columns leave; True if its width changed."""
        title = self.columns[ColumnKey("title")]
        others = sum(c.get_render_width(self) for k, c in self.columns.items()
                     if k != ColumnKey("title"))
        fitted = max(16, width - others - 2 * self.cell_padding - 2)
        if fitted == title.width:
            return False
        title.width = fitted
        return True

    @property
    def shown_ids(self) -> list[str]:
        """Ids of the stories listed, in order."""
        return [str(key.value) for key in self.rows]

    @property
    def current_id(self) -> str | None:
        """Id of the story under the cursor."""
        if not self.row_count:
            return None
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)

    @property
    def order_description(self) -> str:
        """The current order, for the status line."""
        return STORY_ORDER_NAMES[self.order_by]

    def set_stories(self, stories: Sequence[Story], articles: Mapping[str, AnalysedArticle],
                    pending: Collection[str] = ()) -> None:
        """Show ``stories``; quote counts are summed over each story's articles.

        Args:
            stories: The stories.
            articles: Their articles, by id.
            pending: Articles whose analysis is still to come (``count_quotes`` adds
                them as it arrives).
        """
        self._stories = list(stories)
        self._story_of = {a: story.id for story in stories for a in story.articles}
        self._counted = {a: len(item.speech) for a, item in articles.items()
                         if a not in pending}
        self._waiting = {}
        for article_id in pending:
            story_id = self._story_of.get(article_id)
            if story_id is not None:
                self._waiting.setdefault(story_id, set()).add(article_id)
        self._quotes = {
            story.id: sum(self._counted.get(a, 0) for a in story.articles) for story in stories
        }
        self._refresh_rows()

    def count_quotes(self, items: Sequence[AnalysedArticle]) -> None:
        """Add the quotes of newly analysed articles to their stories' counts."""
        changed = set()
        for item in items:
            article_id = item.article.id
            story_id = self._story_of.get(article_id)
            if story_id is None:
                continue
            count = len(item.speech)
            self._quotes[story_id] += count - self._counted.get(article_id, 0)
            self._counted[article_id] = count
            self._waiting.get(story_id, set()).discard(article_id)
            changed.add(story_id)
        for story_id in changed:  # cell by cell: a batch touches a few dozen stories
            if story_id in self.rows:
                self.update_cell(story_id, "quotes", self._quote_cell(story_id))

    def _quote_cell(self, story_id: str) -> Cell:
        more = "…" if self._waiting.get(story_id) else ""
        return Cell(f"{self._quotes.get(story_id, 0):,}{more}", justify="right")

    def set_sort(self, order: str) -> None:
        """Sort by one of ``STORY_ORDERS``."""
        self.order_by = order
        self._refresh_rows()

    def show_only(self, article_ids: Collection[str] | None) -> None:
        """List only stories with one of ``article_ids`` (None: every story)."""
        if article_ids == self._only:
            return  # the status line asks after every change, most not to the filter
        self._only = article_ids
        self._refresh_rows()

    def _refresh_rows(self) -> None:
        current = self.current_id
        self.clear()
        only = self._only
        shown = [s for s in self._stories
                 if only is None or any(a in only for a in s.articles)]
        shown.sort(key=_story_key(self.order_by))
        for story in shown:
            self.add_row(
                Cell(story.title),
                Cell(f"{len(story.articles):,}", justify="right"),
                Cell(", ".join(story.outlets) or "—"),
                Cell(date_range(story)),
                self._quote_cell(story.id),
                key=story.id,
            )
        if current is not None and current in self.rows:
            self.move_cursor(row=self.get_row_index(current))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Opened(str(event.row_key.value)))
