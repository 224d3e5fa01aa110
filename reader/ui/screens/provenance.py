"""Provenance keys of the reading screen: a sentence cursor, only-here passages, best source.

The reading screen derives from ``ProvenanceScreen``, so these keys (and the gutter they
move over) live apart from its quote and search keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from reader.core.text import counted, printable
from reader.ui.messages import CompareRequested
from reader.ui.widgets.provenance_gutter import ProvenanceGutter
from reader.ui.widgets.reading_view import ReadingView

if TYPE_CHECKING:
    from collections.abc import Mapping

    from reader.core.models import AnalysedArticle, Article, Story, StoryTrace

PROVENANCE_HINT = "[ ] sentences and who shares them · h only here · b best source"
KIND_WORDS = {"reuse": "shared wording with", "paraphrase": "the same fact, in other words, in"}


class ProvenanceScreen(Screen[None]):
    """A screen over a ``ReadingView`` whose article has a story (and so a gutter)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "next_sentence", "Next sentence", show=False,
                id="read.next_sentence"),
        Binding("left_square_bracket", "previous_sentence", "Previous sentence", show=False,
                id="read.previous_sentence"),
        Binding("h", "next_only_here", "Next only-here passage", show=False,
                id="read.only_here"),
        Binding("H", "previous_only_here", "Previous only-here passage", show=False,
                id="read.previous_only_here"),
        Binding("b", "compare_best", "Side by side with the best source of the sentence",
                show=False, id="read.best"),
    ]

    provenance: ProvenanceGutter | None = None
    """The article's provenance (None when it has no story: the keys then do nothing)."""
    others: dict[str, Article] = {}  # noqa: RUF012 - replaced per instance, never mutated
    """The story's other articles, to name them in the bar."""
    partner_rank: dict[str, int] = {}  # noqa: RUF012 - as others
    """The story's articles by how much text they share with this one, closest 0."""

    def _view(self) -> ReadingView:
        return self.query_one(ReadingView)

    def _say(self, content: Content) -> None:
        self.query_one("#quote-bar", Static).update(content, layout=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_sentence", "previous_sentence", "next_only_here",
                      "previous_only_here", "compare_best"):
            return self.provenance is not None
        return True

    def _move_to(self, sentence: int) -> None:
        gutter = self.provenance
        assert gutter is not None
        previous = gutter.current
        gutter.current = sentence
        view = self._view()
        view.redraw([gutter.span(previous) if previous is not None else None,
                     gutter.span(sentence)])
        view.reveal(gutter.span(sentence))
        self._describe(sentence)

    def _start(self) -> int:
        """Where a step starts: the cursor's sentence, else the top line's."""
        gutter = self.provenance
        assert gutter is not None
        if gutter.current is not None:
            return gutter.current
        view = self._view()
        top = int(view.scroll_y)
        layout = view.laid_out
        offset = layout.starts[top] if top < len(layout) else 0
        return (gutter.sentence_at(offset) or 0) - 1

    def action_next_sentence(self) -> None:
        if self.provenance is not None and self.provenance.sentences:
            self._move_to(min(self._start() + 1, len(self.provenance.sentences) - 1))

    def action_previous_sentence(self) -> None:
        if self.provenance is not None and self.provenance.sentences:
            self._move_to(max(self._start() - 1, 0))

    def _step_only_here(self, step: int) -> None:
        gutter = self.provenance
        if gutter is None:
            return
        runs = gutter.only_here
        if not runs:
            self._say(Content("Every sentence here is told by another article of the story."))
            return
        here = gutter.span(gutter.current).start if gutter.current is not None else -1
        ahead = [k for k, run in enumerate(runs) if (run.start > here if step > 0
                                                    else run.start < here)]
        index = (ahead[0] if step > 0 else ahead[-1]) if ahead else (
            0 if step > 0 else len(runs) - 1)
        sentence = gutter.sentence_at(runs[index].start)
        if sentence is not None:
            self._move_to(sentence)
            self._say(Content(f"Only here: passage {index + 1} of {len(runs)}, what this "
                              "source alone reports · h / H next or previous"))

    def action_next_only_here(self) -> None:
        self._step_only_here(1)

    def action_previous_only_here(self) -> None:
        self._step_only_here(-1)

    def _describe(self, sentence: int) -> None:
        """The bar names the articles that share the sentence."""
        assert self.provenance is not None
        record = self.provenance.records.get(sentence)
        where = f"Sentence {sentence + 1} of {len(self.provenance.sentences)}: "
        if record is None:
            self._say(Content(where + "only here"))
            return
        names = [printable(self.others[a].source or self.others[a].title or a)
                 if a in self.others else printable(a) for a in record.articles]
        self._say(Content(f"{where}{KIND_WORDS[record.kind]} "
                          f"{counted(len(names), 'article')}: {', '.join(names)} · "
                          "b side by side with the closest"))

    def action_compare_best(self) -> None:
        gutter = self.provenance
        if gutter is None or gutter.current is None:
            self._say(Content("Pick a sentence first ([ or ]), or h for an only-here one."))
            return
        record = gutter.records.get(gutter.current)
        view = self._view()
        if record is None or view.item is None:
            self._say(Content("No other article tells this sentence."))
            return
        # Records list articles by id: the best is the one the story pairs most closely.
        rank = self.partner_rank
        best = min(record.articles, key=lambda a: (rank.get(a, len(rank)), a))
        self.post_message(CompareRequested(view.item.article.id, best))


def attach_story(screen: ProvenanceScreen, article: Article, story: Story, trace: StoryTrace,
                 articles: Mapping[str, AnalysedArticle]) -> None:
    """Give a reading screen its article's provenance, when its story has other articles."""
    from reader.ui.story_partner import partner_rank

    if len(story.articles) < 2:
        return
    screen.provenance = ProvenanceGutter(article, trace.provenance.get(article.id, ()))
    screen.others = {a: articles[a].article for a in story.articles
                     if a in articles and a != article.id}
    screen.partner_rank = partner_rank(article.id, trace)
