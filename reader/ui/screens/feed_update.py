"""The feed update dialog: every feed followed with a progress bar, then what it brought."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from reader.core.text import counted, printable
from reader.ui.messages import FeedProgress, FeedsListed, FeedsUpdated

if TYPE_CHECKING:
    from reader.sources.web.fetch import FetchLimits


class FeedUpdateScreen(ModalScreen[None]):
    """Updates the feeds in a worker, one row a feed; escape closes it (the update then
    fetches no more pages), q quits as everywhere."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,U", "dismiss", "Close", id="feeds.close"),
        Binding("q", "app.quit", "Quit", id="feeds.quit"),
    ]

    def __init__(self, home: Path | None, limits: FetchLimits | None = None) -> None:
        super().__init__()
        self.home = home
        self.limits = limits
        self._rows: dict[str, int] = {}
        """Feed URL to its row number."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="feeds-body"):
            yield Static(Content("Updating feeds…"), id="feeds-title")

    def on_mount(self) -> None:
        self._update_feeds()

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False,
          description="Updating feeds")
    def _update_feeds(self) -> None:
        """Fetch every feed into the library, reporting each feed's progress."""
        from reader.library import Library, LibraryError, library_home
        from reader.library.feeds import FeedStore
        from reader.sources.web.update import update_feeds

        worker = get_current_worker()
        try:
            library = Library.open(library_home(self.home))
        except LibraryError as error:
            self.app.call_from_thread(self._say, f"The library cannot open: {error}")
            return
        try:
            store = FeedStore(library)
            self.post_message(FeedsListed(tuple(store.feeds())))
            reports = update_feeds(
                store, self.limits, stop=lambda: worker.is_cancelled,
                progress=lambda url, done, total: self.post_message(
                    FeedProgress(url, done, total)))
        except LibraryError as error:
            self.app.call_from_thread(self._say, f"Updating failed: {error}")
            return
        finally:
            library.close()
        # To the app, which reloads the corpus: it must hear even if this screen closed.
        self.app.post_message(FeedsUpdated(tuple(reports)))
        self.post_message(FeedsUpdated(tuple(reports)))

    def _say(self, text: str) -> None:
        self.query_one("#feeds-title", Static).update(Content(printable(text)))

    @on(FeedsListed)
    async def _listed(self, message: FeedsListed) -> None:
        body = self.query_one("#feeds-body", VerticalScroll)
        if not message.feeds:
            self._say("No feeds followed: add one with 'newsroom feeds add URL'.")
            return
        self._say(f"Updating {counted(len(message.feeds), 'feed')}…")
        rows = []
        for number, feed in enumerate(message.feeds):
            self._rows[feed.url] = number
            # Titles and URLs come from the feeds: plain Content, never markup.
            rows.append(Horizontal(
                Static(Content(printable(feed.title or feed.url)), classes="feed-name",
                       id=f"feed-name-{number}"),
                ProgressBar(total=None, show_eta=False, id=f"feed-bar-{number}"),
                Static(Content(""), classes="feed-status", id=f"feed-status-{number}"),
                classes="feed-row"))
        await body.mount_all(rows)

    @on(FeedProgress)
    def _progress(self, message: FeedProgress) -> None:
        number = self._rows.get(message.url)
        if number is not None:
            self.query_one(f"#feed-bar-{number}", ProgressBar).update(
                total=message.total, progress=message.done)

    @on(FeedsUpdated)
    def _updated(self, message: FeedsUpdated) -> None:
        message.stop()  # the app got its own copy
        if not self._rows:
            return  # no feeds: the title already says how to add one
        for report in message.reports:
            number = self._rows.get(report.url)
            if number is None:
                continue
            status = {"new": f"{report.new:,} new", "unchanged": "unchanged"}.get(
                report.status, f"error: {report.error or ''}")
            self.query_one(f"#feed-status-{number}", Static).update(Content(printable(status)))
            if report.title:  # a feed fetched for the first time has just told its title
                self.query_one(f"#feed-name-{number}", Static).update(
                    Content(printable(report.title)))
            self.query_one(f"#feed-bar-{number}", ProgressBar).update(total=1, progress=1)
        new = sum(report.new for report in message.reports)
        failed = sum(report.status == "error" for report in message.reports)
        summary = f"{counted(new, 'new article')} from {counted(len(message.reports), 'feed')}"
        if failed:
            summary += f", {counted(failed, 'feed')} failed"
        self._say(f"{summary}. escape closes.")
