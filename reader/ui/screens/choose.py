"""A picker for the other side of the side-by-side view: type to filter, closest first."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

# As a module: the name printable is also its submodule's, which import-linter protects.
from reader.core.text import counted, printable

# An option list of thousands of rows takes about half a second to rebuild, and each
# batch of shares reorders it: only the closest rows are listed; typing finds the rest.
SHOWN = 100

if TYPE_CHECKING:
    from reader.core.align import PartnerShare
    from reader.core.models import Actor, Article


class ChooseArticleScreen(ModalScreen[str | None]):
    """Lists the other articles by the share of this one's text they hold.

    Shares fill in from a worker (estimates first, marked "~", then exact figures for
    the closest); typing filters by title or outlet; enter picks, escape cancels.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choose.cancel"),
        # q is a letter of the filter here, so quitting takes ctrl+q (the footer says so).
        Binding("ctrl+q", "app.quit", "Quit", id="choose.quit"),
        Binding("down", "cursor_down", "Down", show=False, id="choose.down"),
        Binding("up", "cursor_up", "Up", show=False, id="choose.up"),
    ]

    @dataclass
    class SharesFound(Message):
        """A batch of candidates' shares is known."""

        shares: list[PartnerShare]

    @dataclass
    class SharesDone(Message):
        """Every share the worker computes is known."""

    def __init__(
        self, current: Article, articles: dict[str, Article], actors: Sequence[Actor] = (),
        story: Collection[str] = (),
    ) -> None:
        super().__init__()
        self.current = current
        self.story = frozenset(story)
        """Ids of the current article's story: listed first, marked ◆."""
        self.candidates = [a for a in articles.values() if a.id != current.id]
        self._haystacks = {a.id: f"{a.title or a.id} {a.source or ''}".casefold()
                           for a in self.candidates}
        self._order = {a.id: k for k, a in enumerate(self.candidates)}
        self.actors = actors
        self.shares: dict[str, PartnerShare] = {}
        self.done = False
        self.cursor_moved = False
        """Once the user moves the cursor it stays on their article as the order changes."""

    def compose(self) -> ComposeResult:
        title = printable(self.current.title or self.current.id)
        yield Static(Content.assemble("Compare ", (title, "bold"), " with…"),
                     id="choose-title")
        yield Input(placeholder="type to filter by title or outlet", id="choose-filter")
        yield OptionList(id="choose-list")
        yield Static(Content(""), id="choose-status")

    def on_mount(self) -> None:
        self._fill()
        self._rank()

    @property
    def option_list(self) -> OptionList:
        """The candidates shown."""
        return self.query_one(OptionList)

    @work(thread=True, exclusive=True, group="choose", exit_on_error=False,
          description="Finding shared text")
    def _rank(self) -> None:
        from reader.core.align import rank_partners
        from reader.core.pipeline import name_aliases

        worker = get_current_worker()
        aliases = name_aliases(self.actors)  # name variants count as equal, as side by side
        for shares in rank_partners(self.current, self.candidates, aliases):
            if worker.is_cancelled:
                return
            self.post_message(self.SharesFound(shares))
        self.post_message(self.SharesDone())

    @on(SharesFound)
    def _shares_found(self, message: SharesFound) -> None:
        self.shares.update({share.article_id: share for share in message.shares})
        self._fill()

    @on(SharesDone)
    def _shares_done(self) -> None:
        self.done = True
        self._fill()

    @on(Input.Changed)
    def _filter_changed(self) -> None:
        self._fill()

    def _fill(self) -> None:
        """Show the candidates matching the filter, closest first.

        The cursor stays on the top row (the closest) until the user moves it, then on
        the article they moved to.
        """
        query = self.query_one(Input).value.casefold().strip()
        shown = [a for a in self.candidates if query in self._haystacks[a.id]]
        shown.sort(key=lambda a: (a.id not in self.story, -self._share_of(a.id),
                                  self._order[a.id]))
        options = self.option_list
        highlighted = options.highlighted_option
        keep = highlighted.id if highlighted is not None and self.cursor_moved else None
        listed = shown[:SHOWN]
        options.set_options(Option(self._prompt(a), id=a.id) for a in listed)
        ids = [a.id for a in listed]
        options.highlighted = ids.index(keep) if keep in ids else (0 if ids else None)
        known = sum(1 for a in self.candidates if a.id in self.shares)
        status = counted(len(shown), "article") + (
            f" of {len(self.candidates)}" if query else ""
        )
        if len(shown) > SHOWN:
            status += f" · the closest {SHOWN} listed, type to find others"
        if not self.done:
            status += f" · finding shared text ({known} of {len(self.candidates)})"
        else:
            status += " · closest first"
        if len(self.story) > 1:
            status += " · ◆ this story's articles first"
        self.query_one("#choose-status", Static).update(Content(status))

    def _share_of(self, article_id: str) -> float:
        share = self.shares.get(article_id)
        return -1.0 if share is None else share.share

    def _prompt(self, article: Article) -> Content:
        share = self.shares.get(article.id)
        if share is None:
            figure = "    …"
        else:
            figure = f"{'' if share.exact else '~'}{share.share:.0%}".rjust(5)
        return Content.assemble(
            (figure, "bold" if share is not None and share.exact else "$text-muted"),
            " ◆ " if article.id in self.story else "   ",
            (printable(article.source or "—"), "$text-muted"), "  ",
            printable(article.title or article.id),
        )

    @on(Input.Submitted)
    def _submitted(self) -> None:
        highlighted = self.option_list.highlighted_option
        if highlighted is not None:
            self.dismiss(highlighted.id)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_cursor_down(self) -> None:
        self.cursor_moved = True
        self.option_list.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.cursor_moved = True
        self.option_list.action_cursor_up()
