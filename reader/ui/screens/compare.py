"""The side-by-side screen: the current article and another, aligned row by row."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from reader.core.align import layout_rows, swap
from reader.core.models import Alignment, Article

# As a module: the name printable is also its submodule's, which import-linter protects.
from reader.core.text import counted, printable
from reader.ui.messages import CompareRequested, OpenRequested
from reader.ui.render import diff_legend
from reader.ui.widgets.compare_view import CompareView

STACK_BELOW = 100
NO_PARTNER = "No article shares text with this one"
CHOOSE_HINT = "press c to choose one to compare with"
_NEED_PARTNER = {"next_pair", "previous_pair", "switch_side", "swap", "write_report"}


class CompareScreen(Screen[None]):
    """Two sources side by side; stacks the columns on terminals under 100 columns."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="compare.back"),
        Binding("n", "next_pair", "Next pair", id="compare.next"),
        Binding("N", "previous_pair", "Previous pair", id="compare.previous"),
        Binding("tab", "switch_side", "Switch side", id="compare.side"),
        Binding("x", "swap", "Swap sides", id="compare.swap"),
        Binding("c", "choose", "Choose other", id="compare.choose"),
        Binding("w", "write_report", "Write report", id="compare.report",
                tooltip="Save the two sides as one HTML page (downloads it in a browser)"),
        Binding("enter", "open_side", "Read side", id="compare.open"),
        Binding("j", "scroll_down", "Scroll down", show=False, id="compare.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="compare.up"),
    ]

    def __init__(self, a: Article, articles: dict[str, Article]) -> None:
        super().__init__()
        self.a = a
        self.b: Article | None = None
        self.articles = articles
        self.alignment: Alignment | None = None
        self.active_side = "a"
        self.partner_chosen = False
        """True once the user picked the other side (False: the closest source)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="compare-header"):
            yield Static(Content(""), id="header-a", classes="side-header -active")
            yield Static(Content(""), id="header-b", classes="side-header")
        title = printable(self.a.title or self.a.id)
        yield Static(Content.assemble("Aligning ", (title, "bold"), "…"), id="compare-status")
        yield CompareView(id="compare-view")
        yield Footer()

    @property
    def compare_view(self) -> CompareView:
        """The aligned rows."""
        return self.query_one(CompareView)

    def on_mount(self) -> None:
        self.compare_view.focus()
        self._apply_width(self.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        stacked = 0 < width < STACK_BELOW
        self.set_class(stacked, "-stacked")
        if self.alignment is not None:
            self._status()

    async def show_alignment(self, alignment: Alignment) -> None:
        """Show an alignment whose A side is this screen's article (or its swap)."""
        if alignment.a_id != self.a.id:
            alignment = swap(alignment)
        if not alignment.pairs and not self.partner_chosen:
            # The closest source shares nothing, so none does: showing it would mislead.
            await self._show_no_partner()
            return
        self.alignment = alignment
        self.b = self.articles[alignment.b_id]
        header_a = self._side_header(self.a, alignment.coverage_a, "A")
        header_b = self._side_header(self.b, alignment.coverage_b, "B")
        self.query_one("#header-a", Static).update(header_a)
        self.query_one("#header-b", Static).update(header_b)
        await self.compare_view.show(self.a, self.b, layout_rows(alignment))
        self._status()
        self.refresh_bindings()  # the keys that need a second side may have been greyed out

    async def _show_no_partner(self) -> None:
        self.alignment, self.b = None, None
        if self.active_side == "b":
            self.action_switch_side()
        self.query_one("#header-a", Static).update(self._side_header(self.a, 0.0, "A"))
        self.query_one("#header-b", Static).update(
            Content.assemble(("B: ", "bold"), NO_PARTNER, "\n", CHOOSE_HINT)
        )
        await self.compare_view.show_notice(
            Content.assemble((NO_PARTNER, "bold"), "\n", CHOOSE_HINT.capitalize(), ".")
        )
        self.query_one("#compare-status", Static).update(
            Content(f"{NO_PARTNER} · {CHOOSE_HINT}")
        )
        self.refresh_bindings()

    @staticmethod
    def _side_header(article: Article, coverage: float, label: str) -> Content:
        title = printable(article.title or article.id)
        outlet = printable(article.source or "unknown outlet")
        return Content.assemble(
            (f"{label}: ", "bold"), (title, "bold"), "\n",
            f"{outlet} · {coverage:.0%} shared with the other side",
        )

    def _status(self, extra: str = "") -> None:
        assert self.alignment is not None
        pairs = len(self.alignment.pairs)
        moved = sum(1 for p in self.alignment.pairs if p.moved)
        parts = [counted(pairs, "aligned pair"), f"{moved} moved",
                 counted(len(self.alignment.unique_a), "passage only in A",
                         "passages only in A"),
                 f"{len(self.alignment.unique_b)} only in B"]
        if self.has_class("-stacked"):
            parts.append(f"stacked: the terminal is under {STACK_BELOW} columns")
        if not pairs:
            parts.insert(0, "These two articles share no text")
        if extra:
            parts.insert(0, extra)
        status = Content.assemble(" · ".join(parts), "   words: ", diff_legend())
        self.query_one("#compare-status", Static).update(status)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that need the other side are greyed out while there is none."""
        if action in _NEED_PARTNER and self.b is None:
            return None
        return True

    def action_next_pair(self) -> None:
        self._move(1)

    def action_previous_pair(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        if self.alignment is None:
            return
        index = self.compare_view.move_pair(step)
        if index >= 0:
            self._status(self._pair_position(index))

    def _pair_position(self, index: int) -> str:
        return f"pair {index + 1} of {len(self.compare_view.pair_rows)}"

    def action_switch_side(self) -> None:
        self.active_side = "b" if self.active_side == "a" else "a"
        self.query_one("#header-a").set_class(self.active_side == "a", "-active")
        self.query_one("#header-b").set_class(self.active_side == "b", "-active")
        self.compare_view.set_class(self.active_side == "b", "-active-b")

    async def action_swap(self) -> None:
        if self.alignment is None or self.b is None:
            return
        view = self.compare_view
        # Keep the place: the same pair (current or at the top), now seen from the other side.
        anchor, current = view.anchor(), view.pair_index >= 0
        self.a, self.b = self.b, self.a
        await self.show_alignment(swap(self.alignment))
        if anchor is not None:
            index = view.restore(anchor.b, anchor.a, current=current)
            if index >= 0:
                self._status(self._pair_position(index))

    def action_choose(self) -> None:
        from reader.ui.app import ReaderApp
        from reader.ui.screens.choose import ChooseArticleScreen

        def chosen(other_id: str | None) -> None:
            if other_id is not None and other_id != self.a.id:
                self.partner_chosen = True
                self.query_one("#compare-status", Static).update(Content("Aligning…"))
                self.post_message(CompareRequested(self.a.id, other_id))

        app = self.app
        actors = app.corpus.actors if isinstance(app, ReaderApp) else ()
        found = app.story_of(self.a.id) if isinstance(app, ReaderApp) else None
        story = found.articles if found else ()
        self.app.push_screen(ChooseArticleScreen(self.a, self.articles, actors, story), chosen)

    def action_write_report(self) -> None:
        from reader.core.models import AnalysedArticle
        from reader.core.report import PairReport, render_pair
        from reader.ui.app import ReaderApp
        from reader.ui.report_delivery import generated_now, write_report

        if self.alignment is None or self.b is None:
            return
        # The analysed articles carry the quotes; a side not analysed yet has none.
        analysed = ({item.article.id: item for item in self.app.corpus.articles}
                    if isinstance(self.app, ReaderApp) else {})
        a, b = (analysed.get(side.id) or AnalysedArticle(side) for side in (self.a, self.b))
        report = PairReport(self.alignment, a, b, generated_now())
        write_report(self, lambda: render_pair(report),
                     f"{self.a.title or self.a.id} vs {self.b.title or self.b.id}")

    def action_open_side(self) -> None:
        article = self.a if self.active_side == "a" else self.b
        if article is not None:
            self.post_message(OpenRequested(article.id))

    def action_scroll_down(self) -> None:
        self.compare_view.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.compare_view.scroll_up(animate=False)
