"""HTML, Markdown and JSON articles load with their metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.models import Article
from reader.core.pipeline import analyse_corpus
from reader.core.text.cleaning import clean_corpus
from reader.sources.files import load_documents

HTML = """<!doctype html><html><head><title>Port strike ends | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Jo Bloggs">
<meta property="article:published_time" content="2024-03-14T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>Port strike ends after pay deal</h1>
<p>Dock workers voted on Thursday to accept a new pay offer, ending a strike that had
closed the port for nine days and stranded hundreds of containers on the quay.</p>
<p>"This is a fair deal for everyone who works here," union official Sam Reyes said
after the vote, adding that crews would return on Friday morning.</p>
<p>The port authority said shipping would be back to normal within a week.</p></article>
<footer>&copy; 2024 Harbour Gazette. All rights reserved.</footer></body></html>"""


def test_html_article_extracted_with_metadata(tmp_path: Path) -> None:
    (tmp_path / "strike.html").write_text(HTML)
    result = load_documents([tmp_path])
    assert not result.errors
    [article] = clean_corpus(result.documents)
    assert article.id == "strike"
    assert article.date == "2024-03-14"
    assert article.source == "Harbour Gazette"
    assert "Dock workers voted on Thursday" in article.text
    assert "fair deal for everyone" in article.text
    assert "Weather" not in article.text and "rights reserved" not in article.text


def test_html_without_article_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "blank.html").write_text("<html><body></body></html>")
    result = load_documents([tmp_path])
    assert [Path(e.path).name for e in result.errors] == ["blank.html"]
    assert result.errors[0].error == "no article text found in HTML"
    corpus = analyse_corpus(result.documents, result.errors)
    assert corpus.articles == ()
    assert [(Path(e.path).name, e.error) for e in corpus.errors] == [
        ("blank.html", "no article text found in HTML"),
        ("empty.html", "no article text found"),
    ]


def test_markdown_heading_becomes_title(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(
        "# Ferry timetable approved\n\nThe council **approved** the [timetable](http://x) "
        "on Thursday after months of debate.\n"
    )
    [article] = clean_corpus(load_documents([tmp_path]).documents)
    assert article.title == "Ferry timetable approved"
    assert article.text == "The council approved the timetable on Thursday after months of debate."


def test_json_records_and_jsonl(tmp_path: Path) -> None:
    records = [
        {"title": "One", "text": "First body sentence is long enough to be prose here.",
         "source": "Wire", "date": "2025-12-02T10:00:00", "url": "http://a"},
        {"title": "Two", "body": "Second body sentence is long enough to be prose too."},
        {"title": "No text"},
    ]
    (tmp_path / "batch.json").write_text(json.dumps({"articles": records}))
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records[:2]))
    result = load_documents([tmp_path])
    # The record without text is reported, not silently dropped.
    assert [(Path(e.path).name, e.error) for e in result.errors] == [
        ("batch.json", "record 3: no text field (text, body or content)")
    ]
    articles = clean_corpus(result.documents)
    assert [a.id for a in articles] == ["batch#1", "batch#2", "feed#1", "feed#2"]
    first = articles[0]
    assert (first.title, first.source, first.date, first.url) == (
        "One", "Wire", "2025-12-02", "http://a")
    assert articles[1].text == "Second body sentence is long enough to be prose too."


def test_jsonl_bad_lines_reported_with_their_numbers_and_the_rest_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = [json.dumps({"title": f"Story {n}", "text": f"Body of story {n} is plain prose."})
            for n in (1, 3, 6)]
    lines = [good[0], '{"title": "Broken", "text": "no closing', good[1], "",
             '["a list"]', good[2], '{"title": "Empty"}']
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    result = load_documents([tmp_path])
    assert [doc.title for doc in result.documents] == ["Story 1", "Story 3", "Story 6"]
    assert [doc.id for doc in result.documents] == ["feed#1", "feed#3", "feed#6"]
    errors = [(Path(e.path).name, e.error) for e in result.errors]
    assert [name for name, _ in errors] == ["feed.jsonl"] * 3
    assert [error.split(":")[0] for _, error in errors] == ["line 2", "line 5", "line 7"]
    assert errors[0][1].startswith("line 2: invalid JSON: Unterminated string")
    assert errors[1][1] == "line 5: not a JSON object"
    assert errors[2][1] == "line 7: no text field (text, body or content)"
    assert main(["analyze", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["articles"]) == 3
    assert [e["error"].split(":")[0] for e in data["errors"]] == ["line 2", "line 5", "line 7"]
    assert all(Path(e["path"]).name == "feed.jsonl" for e in data["errors"])


def test_jsonl_line_numbers_count_only_newlines(tmp_path: Path) -> None:
    # U+2028 is legal inside a JSON string; it must not shift the line count.
    lines = [json.dumps({"text": "One\u2028two is the first body."}, ensure_ascii=False),
             "not json", json.dumps({"text": "The third line is a good record."})]
    (tmp_path / "sep.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = load_documents([tmp_path])
    assert [doc.id for doc in result.documents] == ["sep#1", "sep#3"]
    assert [e.error.split(":")[0] for e in result.errors] == ["line 2"]


def test_invalid_json_is_reported(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json")
    result = load_documents([tmp_path])
    assert result.errors[0].error.startswith("invalid JSON")


PARAGRAPH = ("<p>Dock workers voted on Thursday to accept a new pay offer, ending a strike that "
             "had closed the port for nine days and stranded hundreds of containers.</p>")


def test_deeply_nested_html_keeps_its_text(tmp_path: Path) -> None:
    html = ("<html><head><title>Port strike ends</title><script>var menu = 'Subscribe';"
            "</script><style>p { color: red }</style></head><body><nav><a href='/'>Home</a> "
            "<a href='/sport'>Sport</a></nav>" + "<div>" * 10_000 + PARAGRAPH
            + "</div>" * 10_000 + "</body></html>")
    (tmp_path / "deep.html").write_text(html)
    result = load_documents([tmp_path])
    assert not result.errors
    [article] = clean_corpus(result.documents)
    assert article.text.startswith("Dock workers voted on Thursday")
    assert "stranded hundreds of containers." in article.text
    for chrome in ("Subscribe", "color", "Home", "Sport"):
        assert chrome not in article.text


def test_html_just_past_the_tree_depth_limit_keeps_its_text(tmp_path: Path) -> None:
    # 300 levels: lxml's tree stops short of the paragraph but still holds the menu.
    html = ("<html><body><nav><a href='/'>Home</a> <a href='/x'>Sport</a></nav>"
            + "<div>" * 300 + PARAGRAPH + "</div>" * 300 + "</body></html>")
    (tmp_path / "deep.html").write_text(html)
    [article] = clean_corpus(load_documents([tmp_path]).documents)
    assert article.text.startswith("Dock workers voted on Thursday")
    assert "Home" not in article.text


MARKDOWN_BODY = """The council approved the new timetable on Thursday after months of debate
between the operators and residents of the island, who had asked for more
sailings in the winter months and fewer in the summer.

## What changes in June
The first sailing leaves at six in the morning, half an hour earlier than now,
and the last one returns at eleven at night on Fridays and Saturdays.
Residents said the change was overdue.
"""


def load_markdown(tmp_path: Path, text: str) -> Article:
    (tmp_path / "ferry.md").write_text(text)
    result = load_documents([tmp_path])
    assert not result.errors
    [article] = clean_corpus(result.documents)
    return article


def blocks(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.span.start : b.span.end]) for b in article.blocks]


def test_markdown_front_matter_is_metadata(tmp_path: Path) -> None:
    article = load_markdown(tmp_path, (
        "---\n"
        'title: "Ferry timetable: approved at last"\n'
        "date: 2024-05-02\n"
        "outlet: 'Harbour Gazette'\n"
        "url: https://gazette.example/ferry\n"
        "author:\n  - Jo Bloggs\n  - Sam Reyes\n"
        "---\n" + MARKDOWN_BODY))
    assert article.title == "Ferry timetable: approved at last"
    assert (article.date, article.source, article.url, article.byline) == (
        "2024-05-02", "Harbour Gazette", "https://gazette.example/ferry",
        "Jo Bloggs, Sam Reyes")
    assert article.text.startswith("The council approved the new timetable")
    assert "title:" not in article.text and "---" not in article.text


def test_markdown_heading_stays_a_heading(tmp_path: Path) -> None:
    article = load_markdown(tmp_path, "# Ferry timetable approved\n\n" + MARKDOWN_BODY)
    assert article.title == "Ferry timetable approved"
    assert blocks(article)[1] == ("heading", "What changes in June")
    assert blocks(article)[2][1].startswith("The first sailing leaves at six")


def test_malformed_front_matter_keeps_the_body(tmp_path: Path) -> None:
    # Never closed: not front matter, so nothing under it is lost.
    article = load_markdown(tmp_path, "---\ntitle: Ferry timetable approved\n\n" + MARKDOWN_BODY)
    assert "The council approved the new timetable" in article.text
    assert "Residents said the change was overdue." in article.text
    # Closed, but holding prose: a rule above text, not metadata.
    article = load_markdown(tmp_path, "---\nA first paragraph of prose, not a key.\n---\n"
                            + MARKDOWN_BODY)
    assert "A first paragraph of prose, not a key." in article.text
    assert "The council approved the new timetable" in article.text


def test_csv_with_a_header_of_record_fields(tmp_path: Path) -> None:
    (tmp_path / "wire.csv").write_text(
        "title,text,source,date,url\n"
        'Port strike ends,"Dock workers voted on Thursday to accept a new pay offer, ending '
        'a strike.",Wire,2024-03-14,http://a\n'
        'Ferry timetable,"The council approved the timetable.\n\nIt starts in June.",Gazette,,\n'
    )
    result = load_documents([tmp_path])
    assert not result.errors
    articles = clean_corpus(result.documents)
    assert [(a.id, a.title, a.source) for a in articles] == [
        ("wire#2", "Port strike ends", "Wire"), ("wire#3", "Ferry timetable", "Gazette")]
    assert (articles[0].date, articles[0].url) == ("2024-03-14", "http://a")
    assert articles[1].text == "The council approved the timetable.\n\nIt starts in June."


def test_csv_bad_rows_reported_with_line_numbers(tmp_path: Path) -> None:
    (tmp_path / "wire.csv").write_text(
        "title,text\n"
        "One,The first body is fine.\n"
        "Two,too,many,fields\n"
        'Three,"quote "inside" wrong"\n'
        "Four,\n"
        "Five,The fifth body is fine too.\n"
    )
    result = load_documents([tmp_path])
    assert [doc.title for doc in result.documents] == ["One", "Five"]
    assert [e.error for e in result.errors] == [
        "line 3: 4 fields, the header has 2",
        "line 4: bad CSV row: ',' expected after '\"'",
        "line 5: no text field (text, body or content)",
    ]


def test_csv_without_a_text_column_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("name,role\nAnna,editor\n")
    result = load_documents([tmp_path])
    assert result.documents == ()
    assert [e.error for e in result.errors] == [
        "CSV header has no text column (text, body or content): name,role"]
