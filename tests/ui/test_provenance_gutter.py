"""The reading view's provenance gutter and its keys: [ ] sentences, h/H only here, b."""

from __future__ import annotations

from reader.core.models import Article, SentenceProvenance, Span
from reader.ui.screens.compare import CompareScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.provenance_gutter import ProvenanceGutter, passages
from tests.ui.conftest import running, settle
from tests.ui.test_untrusted_names import screen_lines


def test_only_here_passages_join_consecutive_sentences() -> None:
    spans = [Span(0, 5), Span(6, 10), Span(11, 20), Span(21, 30)]
    kinds = ["only", "only", "reuse", "only"]
    assert passages(kinds, spans) == [Span(0, 10), Span(21, 30)]
    assert passages(["reuse"], spans[:1]) == []


def test_a_line_takes_the_mark_of_the_sentence_covering_most_of_it(
    seed_articles: dict[str, Article],
) -> None:
    article = seed_articles["001"]
    gutter = ProvenanceGutter(article, (SentenceProvenance(0, "reuse", ("a", "b")),
                                        SentenceProvenance(1, "paraphrase", ("a",))))
    first, second = article.sentences[0], article.sentences[1]
    assert gutter.mark(first.start, first.end).plain == "2= "
    assert gutter.mark(second.start, second.end).plain == "1≈ "
    third = article.sentences[2]
    assert gutter.mark(third.start, third.end).plain == " + "
    gutter.current = 0
    assert "reverse" in str(gutter.mark(first.start, first.end).spans[0].style)




async def test_gutter_marks_each_line_and_the_keys_walk_sentences() -> None:
    async with running() as (app, pilot):
        await pilot.press("j", "enter")  # 001: paraphrases, no copy
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReadingScreen) and screen.provenance is not None
        lines = [line.strip() for line in screen.reading_view.text_lines(marks=True)
                 if line.strip()]
        assert lines[0].startswith("1= Russian President Vladimir Putin")
        assert any(line.startswith("+ ") for line in lines)
        text = screen.reading_view.text_lines()[0]
        assert text.startswith("Russian President Vladimir Putin")
        assert "[ ] sentences" in screen_lines(app)[-2]
        await pilot.press("right_square_bracket")
        assert screen.provenance.current == 0
        bar = screen_lines(app)[-2]
        assert "Sentence 1 of" in bar and "shared wording with 1 article" in bar
        await pilot.press("h")
        current = screen.provenance.current
        assert current is not None and screen.provenance.kinds[current] == "only"
        assert "Only here: passage 1 of" in screen_lines(app)[-2]
        await pilot.press("H")
        assert "Only here: passage" in screen_lines(app)[-2]
        await pilot.press("b")
        assert "No other article tells this sentence." in screen_lines(app)[-2]
        await pilot.press("left_square_bracket")
        while screen.provenance.current and screen.provenance.kinds[
                screen.provenance.current] == "only":
            await pilot.press("left_square_bracket")
        record = screen.provenance.records[screen.provenance.current or 0]
        await pilot.press("b")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.alignment is not None
        assert app.screen.alignment.b_id in record.articles


async def test_an_article_alone_in_its_story_has_no_gutter(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "one.txt").write_text("A headline\n\nA paragraph of plain prose, long enough "
                                    "to count as the body of an article.\n")
    async with running((folder,)) as (app, pilot):
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReadingScreen) and screen.provenance is None
        assert not screen.check_action("next_only_here", ())
        assert screen.reading_view.text_lines()[0].startswith("A paragraph")
