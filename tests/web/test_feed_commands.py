"""``newsroom feeds ...``, ``newsroom url`` and ``--library`` against a server on 127.0.0.1."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.config import Config
from reader.library import Library
from reader.library.feeds import FeedStore
from tests.web.server import FeedServer, seeds, serve_seed_site


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        serve_seed_site(running)
        yield running


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_add_two_feeds_update_and_update_again(server: FeedServer,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "feeds", "add", server.url("/rss.xml"), server.url("/"))
    assert status == 0
    assert f"added {server.url('/rss.xml')} (Seed Times)" in out
    assert f"added {server.url('/atom.xml')} (Seed Wire), found on {server.url('/')}" in out
    status, out, _ = run(capsys, "feeds", "update", "--json")
    assert status == 0
    reports = sorted(json.loads(out)["feeds"], key=lambda r: r["url"])
    assert reports == [
        {"url": server.url("/atom.xml"), "title": "Seed Wire", "status": "new", "new": 2,
         "error": None},
        {"url": server.url("/rss.xml"), "title": "Seed Times", "status": "new", "new": 3,
         "error": None},
    ]
    status, out, _ = run(capsys, "feeds", "update")
    assert status == 0
    assert out.count("unchanged") == 2 and "0 new articles from 2 feeds" in out
    status, out, _ = run(capsys, "analyze", "--library", "--json")
    assert status == 0
    titles = sorted(article["title"] for article in json.loads(out)["articles"])
    assert titles == sorted(seed.title for seed in seeds())


def test_update_exits_1_when_a_feed_failed(server: FeedServer, library_home: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    server.add("/fails.xml", "oops", status=500)
    run(capsys, "feeds", "add", server.url("/rss.xml"))
    library = Library.open(library_home)
    FeedStore(library).add(server.url("/fails.xml"))
    library.close()
    status, out, _ = run(capsys, "feeds", "update", "--json")
    assert status == 1
    by_url = {r["url"]: r for r in json.loads(out)["feeds"]}
    assert by_url[server.url("/fails.xml")] == {
        "url": server.url("/fails.xml"), "title": None, "status": "error", "new": 0,
        "error": "HTTP 500 Internal Server Error"}
    assert by_url[server.url("/rss.xml")]["new"] == 3


@pytest.mark.parametrize("args", [["feeds"], ["feeds", "update", "--bogus"],
                                  ["feeds", "fetch"], ["url"],
                                  ["feeds", "add", "--timeout", "0", "http://x/"]])
def test_bad_usage_exits_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2


def test_analyze_with_paths_and_library_is_bad_usage(capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    status, _, err = run(capsys, "analyze", "--library", "seeds")
    assert status == 2 and "not both" in err


def test_opml_import_list_export_and_remove(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head>'
                    '<body><outline text="News"><outline type="rss" text="One" '
                    'xmlUrl="http://127.0.0.1:9/one.xml"/><outline type="rss" text="Two" '
                    'xmlUrl="http://127.0.0.1:9/two.xml"/></outline></body></opml>')
    status, out, _ = run(capsys, "feeds", "import", str(opml))
    assert (status, out) == (0, "imported 2 feeds (0 already followed)\n")
    assert run(capsys, "feeds", "import", str(opml))[1] == (
        "imported 0 feeds (2 already followed)\n")
    status, out, _ = run(capsys, "feeds", "list", "--json")
    assert [(f["url"], f["title"]) for f in json.loads(out)["feeds"]] == [
        ("http://127.0.0.1:9/one.xml", "One"), ("http://127.0.0.1:9/two.xml", "Two")]
    status, out, _ = run(capsys, "feeds", "export")
    exported = tmp_path / "again.opml"
    exported.write_text(out)
    assert 'xmlUrl="http://127.0.0.1:9/two.xml"' in out and out.startswith("<?xml")
    assert run(capsys, "feeds", "remove", "http://127.0.0.1:9/one.xml")[0] == 0
    status, _, err = run(capsys, "feeds", "remove", "http://127.0.0.1:9/one.xml")
    assert status == 1 and "not followed" in err
    assert run(capsys, "feeds", "import", str(exported))[1] == (
        "imported 1 feed (1 already followed)\n")


def test_a_bad_opml_file_is_one_line(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline")
    status, _, err = run(capsys, "feeds", "import", str(bad))
    assert status == 1 and "not OPML: malformed XML" in err and err.count("\n") == 1
    status, _, err = run(capsys, "feeds", "import", str(tmp_path / "none.opml"))
    assert status == 1 and err.endswith("no such file or folder\n")


def test_feed_titles_and_urls_are_printed_without_control_characters(
        server: FeedServer, library_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = Library.open(library_home)
    FeedStore(library).add("http://127.0.0.1:9/x\x1b[2J.xml", "Evil\x1b]8;;http://e\x07 title")
    library.close()
    status, out, _ = run(capsys, "feeds", "list")
    assert status == 0 and "\x1b" not in out and "\x07" not in out and "Evil" in out
    status, _, err = run(capsys, "feeds", "add", server.url("/\x1b[31mred"))
    assert status == 1 and "\x1b" not in err and err.count("\n") == 1


def test_url_fetches_pages_into_the_library(server: FeedServer,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    first = seeds()[0]
    page = server.url(f"/articles/{first.name}.html")
    status, out, err = run(capsys, "url", page, server.url("/gone.html"))
    assert status == 1
    assert out.startswith(f"stored {page}") and "HTTP 404 Not Found" in err
    status, out, _ = run(capsys, "url", page)
    assert status == 0 and out.startswith("already in the library:")
    status, out, _ = run(capsys, "stories", "--library")
    assert status == 0 and "1 story of 1 article" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_arguments_opens_the_library_once_it_holds_articles(
        server: FeedServer, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Config] = []

    class FakeApp:
        def __init__(self, config: Config) -> None:
            opened.append(config)

        def run(self) -> None:
            """Nothing to draw: the test reads the config."""

    monkeypatch.setattr("reader.ui.app.make_app", FakeApp)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert main([]) == 0
    assert not opened[-1].library
    main(["url", server.url(f"/articles/{seeds()[0].name}.html")])
    assert main([]) == 0
    assert opened[-1].library


def test_timeout_option_bounds_a_stalled_feed(server: FeedServer, library_home: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    server.add("/stalled.xml", stall=5.0)
    library = Library.open(library_home)
    FeedStore(library).add(server.url("/stalled.xml"))
    library.close()
    status, out, _ = run(capsys, "feeds", "update", "--timeout", "0.5")
    assert status == 1
    assert "error: timed out: the server sent nothing for 0.5 s" in out
