"""Reports: what each format shows of a pair and a story, and that outside text stays text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.core.align import alignment_to_json, layout_rows
from reader.core.models import Corpus
from reader.core.pipeline import analyse_corpus, compare_articles
from reader.core.report import (
    PairReport,
    StoryReport,
    format_for_path,
    render_pair,
    render_story,
)
from reader.core.report.markdown_report import escape_md
from reader.sources.files import load_documents

DATA = Path(__file__).resolve().parent.parent / "data"
HARBOUR = DATA / "report"
SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
HOSTILE = "<script>alert(1)</script> [bold]"


def corpus_of(path: Path) -> Corpus:
    result = load_documents([path])
    return analyse_corpus(result.documents, result.errors)


@pytest.fixture(scope="module")
def harbour() -> Corpus:
    return corpus_of(HARBOUR)


@pytest.fixture(scope="module")
def pair(harbour: Corpus) -> PairReport:
    a, b = harbour.articles
    return PairReport(compare_articles(a.article, b.article, harbour.actors), a, b,
                      "2026-03-04 10:00 UTC")


def story_report(corpus: Corpus) -> StoryReport:
    story = corpus.stories[0]
    by_id = {item.article.id: item for item in corpus.articles}
    return StoryReport(story, corpus.traces[0], tuple(by_id[a] for a in story.articles),
                       corpus.actors, "2026-03-04 10:00 UTC")


def test_pair_html_rows_marks_and_escaping(pair: PairReport) -> None:
    page = render_pair(pair, "html")
    rows = layout_rows(pair.alignment)
    assert page.count('<div class="row ') == len(rows)
    assert page.count('<div class="row pair">') == len(pair.alignment.pairs)
    # The quote B cut short: A's extra words are struck out on A's side.
    assert "<del>and our members will not wait any longer,&quot; </del>" in page
    assert '<span class="only">The port authority said' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [bold]" in page
    assert "<script" not in page
    # Only the http(s) URL becomes a link; the javascript: one is shown as text.
    assert re.findall(r'href="([^"#][^"]*)"', page) == [
        "https://example.org/news/strike?id=7&amp;ref=&quot;home&quot;"]
    assert "&lt;b&gt;badly&lt;/b&gt; [1]" in page
    assert "Maria Osei" in page.split('id="quotes"')[1]


def test_pair_html_loads_nothing_from_outside(pair: PairReport) -> None:
    page = render_pair(pair, "html")
    for outside in ("<link", "src=", "@import", "url(", "<script"):
        assert outside not in page
    assert "@media (max-width: 700px)" in page and "@media print" in page


def test_pair_markdown_escapes_and_marks(pair: PairReport) -> None:
    text = render_pair(pair, "md")
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[bold\\]" in text
    assert "\\[/red\\]" in text
    assert '~~and our members will not wait any longer,"~~' in text
    assert "~~" in text and "**" in text
    rows = [line for line in text.splitlines() if re.match(r"\| \d+ ", line)]
    assert len(rows) == len(layout_rows(pair.alignment))
    assert "javascript" not in text.split("## Coverage")[0].split("](")[-1]


def test_pair_json_is_the_align_contract_with_metadata(pair: PairReport) -> None:
    data = json.loads(render_pair(pair, "json"))
    assert data["schema"] == "newsroom-report/1"
    a, b = pair.a.article, pair.b.article
    assert data["alignment"] == json.loads(json.dumps(alignment_to_json(pair.alignment, a, b)))
    assert [m["title"] for m in data["articles"]] == [a.title, b.title]
    assert data["articles"][0]["source"] == "Coast Herald"


def test_story_html_links_resolve_inside_the_page() -> None:
    report = story_report(corpus_of(SEEDS))
    page = render_story(report, "html")
    targets = set(re.findall(r'href="#([^"]+)"', page))
    anchors = set(re.findall(r'id="([^"]+)"', page))
    assert targets and targets <= anchors
    assert page.count("<article ") == len(report.articles)
    assert report.trace is not None and report.trace.pairs
    assert page.count('class="reuse"') > 0
    # A truncated quote shows the words it left out.
    assert "truncated" in page and "<del>" in page.split('id="quotes"')[1]


def test_story_markdown_and_json() -> None:
    corpus = corpus_of(HARBOUR)
    report = story_report(corpus)
    text = render_story(report, "md")
    assert text.startswith("# &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[bold\\]")
    assert "(#article-2)" in text and '<a id="article-2"></a>' in text
    data = json.loads(render_story(report, "json"))
    assert data["schema"] == "newsroom-report/1"
    assert data["story"]["id"] == report.story.id
    assert [a["id"] for a in data["articles"]] == list(report.story.articles)
    assert HOSTILE in data["articles"][0]["title"]


@pytest.mark.parametrize(("text", "expected"), [
    ("- not a list", "\\- not a list"), ("1. not numbered", "1\\. not numbered"),
    ("[link](x) `code` *em* a|b", "\\[link\\]\\(x\\) \\`code\\` \\*em\\* a\\|b"),
    ("<b>&</b>", "&lt;b&gt;&amp;&lt;/b&gt;"), ("2026-03-02 a.b", "2026-03-02 a.b"),
])
def test_markdown_escaping(text: str, expected: str) -> None:
    assert escape_md(text) == expected


@pytest.mark.parametrize(("path", "expected"), [
    ("out.html", "html"), ("OUT.HTM", "html"), ("notes.md", "md"), ("x.json", "json"),
    ("report", "html"), (None, "html"),
])
def test_format_from_the_file_name(path: str | None, expected: str) -> None:
    assert format_for_path(path) == expected
