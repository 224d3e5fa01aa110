"""The reader's w key: a report rendered in a thread, then handed to Textual to deliver.

``App.deliver_text`` saves the file in a terminal (the downloads folder, or
``Config.reports``) and starts a download when the reader runs in a browser
(``newsroom serve``); ``ReaderApp`` says where it went once Textual reports back.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import UTC, datetime

from textual.screen import Screen
from textual.worker import get_current_worker

REPORT_DELIVERY = "report"
"""The delivery name ``ReaderApp`` tells report deliveries by."""
_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


def report_filename(title: str) -> str:
    """A file name for a report: the title's letters and digits, never a path."""
    slug = _UNSAFE.sub("-", title).strip("-")[:60].strip("-").lower()
    return f"newsroom-{slug or 'report'}.html"


def generated_now() -> str:
    """The report's "made at" line."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def write_report(screen: Screen[object], render: Callable[[], str], title: str) -> None:
    """Render a report off the UI thread, then deliver it as an HTML file.

    Args:
        screen: The screen whose key asked for it (owns the worker).
        render: Builds the document (pure: core results in, a string out).
        title: What the file is named after.
    """
    screen.notify("Writing the report…", markup=False, timeout=2)

    def work() -> None:
        document = render()
        if get_current_worker().is_cancelled:
            return
        screen.app.call_from_thread(_deliver, screen, document, title)

    screen.run_worker(work, thread=True, exclusive=True, group="report",
                      description="Writing a report", exit_on_error=False)


def _deliver(screen: Screen[object], document: str, title: str) -> None:
    from reader.ui.app import ReaderApp

    app = screen.app
    folder = app.config.reports if isinstance(app, ReaderApp) else None
    if not app.is_web:  # in a browser the file is downloaded, not saved here
        from platformdirs import user_downloads_path

        # Textual saves into the folder as it is: a machine without ~/Downloads (a
        # server, a fresh account) would get "No such file or directory".
        folder = folder or user_downloads_path()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            app.notify(f"Could not write the report: {error}", title="Report",
                       severity="error", markup=False)
            return
    app.deliver_text(io.StringIO(document), save_directory=folder,
                     save_filename=report_filename(title), mime_type="text/html",
                     name=REPORT_DELIVERY)
