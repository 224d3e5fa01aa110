"""Feeds into the library against a real server on 127.0.0.1, built from the seeds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.feeds import FeedStore
from reader.sources.web.feeds import FeedError, feed_links, parse_feed
from reader.sources.web.fetch import FetchLimits
from reader.sources.web.update import add_feeds, fetch_pages, update_feeds
from tests.web.server import (
    FeedServer,
    article_page,
    atom_feed,
    rdf_feed,
    rss_feed,
    seeds,
    serve_seed_site,
)

FAST = FetchLimits(connect_seconds=0.5, read_seconds=0.5, total_seconds=5.0,
                   max_bytes=1_048_576)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        serve_seed_site(running)
        yield running


@pytest.fixture
def store(tmp_path: Path) -> Iterator[FeedStore]:
    library = Library.open(tmp_path / "home")
    yield FeedStore(library)
    library.close()


def test_rss_atom_and_rdf_parse_to_the_same_items() -> None:
    found = seeds()
    for feed in (rss_feed("http://h", found[:2]), atom_feed("http://h", found[:2]),
                 rdf_feed("http://h", found[:2])):
        parsed = parse_feed(feed.encode(), "http://h/feed")
        assert [item.url for item in parsed.items] == [f"http://h/articles/{s.name}.html"
                                                       for s in found[:2]]
        assert parsed.items[0].title == found[0].title
        assert parsed.items[0].summary == found[0].paragraphs[0][:120]


def test_feed_dates_guids_and_bylines_come_through() -> None:
    found = seeds()
    rss = parse_feed(rss_feed("http://h", found[:1]).encode(), "http://h/rss").items[0]
    atom = parse_feed(atom_feed("http://h", found[:1]).encode(), "http://h/atom").items[0]
    assert (rss.guid, rss.date) == (f"seed-{found[0].name}", "2025-12-01")
    assert (atom.guid, atom.date, atom.byline) == (f"urn:seed:{found[0].name}",
                                                    "2025-12-01", "Ann Reporter")


def test_a_page_of_html_is_no_feed() -> None:
    with pytest.raises(FeedError, match=r"^not a feed: the server sent an HTML page$"):
        parse_feed(article_page(seeds()[0]).encode(), "http://h/feed", "text/html")


def test_malformed_xml_is_an_error_not_junk_items() -> None:
    broken = rss_feed("http://h", seeds()[:2]).replace("</item>", "", 1)
    with pytest.raises(FeedError, match=r"^malformed XML: "):
        parse_feed(broken.encode(), "http://h/feed", "application/rss+xml")


def test_a_wrong_charset_is_read_anyway() -> None:
    feed = rss_feed("http://h", seeds()[:1], title="Café Noticias").replace(
        'encoding="utf-8"', 'encoding="iso-8859-1"')
    parsed = parse_feed(feed.encode("utf-8"), "http://h/feed",
                        "application/rss+xml; charset=iso-8859-1")
    assert parsed.title is not None and parsed.title.startswith("Caf")
    assert len(parsed.items) == 1


def test_feed_links_are_found_on_a_page() -> None:
    page = ('<html><head><link rel="stylesheet" href="/s.css">'
            '<link rel="alternate" type="application/rss+xml" href="/rss.xml">'
            '<link rel="alternate" type="application/atom+xml" href="https://o/atom">'
            '<link rel="alternate" hreflang="fr" href="/fr/"></head></html>')
    assert feed_links(page, "http://site/news/") == ["http://site/rss.xml", "https://o/atom"]


def test_update_stores_full_articles_with_the_feeds_metadata(server: FeedServer,
                                                              store: FeedStore) -> None:
    store.add(server.url("/rss.xml"))
    store.add(server.url("/atom.xml"))
    reports = update_feeds(store, FAST)
    assert [(r.status, r.new, r.error) for r in reports] == [("new", 3, None), ("new", 2, None)]
    assert [r.title for r in reports] == ["Seed Times", "Seed Wire"]
    # The two feeds are fetched at once: which stores first is not fixed.
    documents = sorted(store.documents(), key=lambda d: d.date or "")
    found = seeds()
    assert [d.title for d in documents] == [s.title for s in found]
    assert [d.source for d in documents] == ["Seed Times"] * 3 + ["Seed Wire"] * 2
    assert documents[0].date == "2025-12-01" and documents[4].byline == "Ann Reporter"
    # The page's whole text, not the feed's 120-character summary.
    assert found[0].paragraphs[-1] in documents[0].text
    assert len(documents[0].text) > 1000


def test_updating_twice_stores_nothing_twice(server: FeedServer, store: FeedStore) -> None:
    store.add(server.url("/rss.xml"))
    store.add(server.url("/atom.xml"))
    update_feeds(store, FAST)
    pages = sum(hits for path, hits in server.hits.items() if path.startswith("/articles/"))
    second = update_feeds(store, FAST)
    assert [(r.status, r.new) for r in second] == [("unchanged", 0), ("unchanged", 0)]
    assert store.count() == 5
    # Both feeds answered 304 (ETag, then Last-Modified), and no page was asked again.
    assert sum(h for p, h in server.hits.items() if p.startswith("/articles/")) == pages


def test_a_feed_without_validators_is_parsed_again_but_stores_nothing(
        server: FeedServer, store: FeedStore) -> None:
    server.add("/plain.xml", rss_feed(server.base, seeds()), content_type="text/xml")
    store.add(server.url("/plain.xml"))
    assert update_feeds(store, FAST)[0].new == 5
    assert [(r.status, r.new) for r in update_feeds(store, FAST)] == [("unchanged", 0)]
    assert store.count() == 5


def test_an_article_in_two_feeds_is_stored_once(server: FeedServer, store: FeedStore) -> None:
    server.add("/digest.rdf", rdf_feed(server.base, seeds()[:2]))
    store.add(server.url("/rss.xml"))
    update_feeds(store, FAST)
    store.add(server.url("/digest.rdf"))
    reports = update_feeds(store, FAST)
    assert reports[1].status == "unchanged" and store.count() == 3


def test_a_bad_feed_is_one_error_and_the_others_still_store(server: FeedServer,
                                                            store: FeedStore) -> None:
    server.add("/html-feed", article_page(seeds()[0]))
    server.add("/broken.xml", rss_feed(server.base, seeds()).replace("</channel>", ""),
               content_type="application/rss+xml")
    server.add("/stalled.xml", stall=5.0)
    server.add("/fails.xml", "oops", status=500)
    for path in ("/html-feed", "/broken.xml", "/stalled.xml", "/fails.xml", "/missing.xml",
                 "/rss.xml"):
        store.add(server.url(path))
    errors = {r.url.rsplit("/", 1)[1]: r.error for r in update_feeds(store, FAST)}
    assert errors == {
        "html-feed": "not a feed: the server sent an HTML page",
        "broken.xml": errors["broken.xml"],
        "stalled.xml": "timed out: the server sent nothing for 0.5 s",
        "fails.xml": "HTTP 500 Internal Server Error",
        "missing.xml": "HTTP 404 Not Found",
        "rss.xml": None,
    }
    assert errors["broken.xml"].startswith("malformed XML")
    assert store.count() == 3


def test_a_page_that_fails_keeps_the_summary_and_is_retried(server: FeedServer,
                                                             store: FeedStore) -> None:
    first = seeds()[0]
    page = server.routes.pop(f"/articles/{first.name}.html")
    store.add(server.url("/rss.xml"))
    assert update_feeds(store, FAST)[0].new == 3
    kept = store.summary_only(server.url("/rss.xml"))
    assert [a.text for a in kept] == [first.paragraphs[0][:120]]
    server.routes[f"/articles/{first.name}.html"] = page
    # The feed answers 304 now, and the page is asked for again all the same.
    report = update_feeds(store, FAST)[0]
    assert (report.status, report.new) == ("new", 1)
    assert store.summary_only(server.url("/rss.xml")) == []
    assert store.count() == 3
    assert any(first.paragraphs[-1] in d.text for d in store.documents())


def test_a_page_with_less_text_than_the_summary_keeps_the_summary(server: FeedServer,
                                                                   store: FeedStore) -> None:
    first = seeds()[0]
    server.add(f"/articles/{first.name}.html", "<html><body><p>Subscribe.</p></body></html>")
    store.add(server.url("/rss.xml"))
    update_feeds(store, FAST)
    assert [a.text for a in store.summary_only(server.url("/rss.xml"))] == [
        first.paragraphs[0][:120]]


def test_a_file_link_in_a_feed_is_never_fetched(server: FeedServer, store: FeedStore,
                                                tmp_path: Path) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text("<p>" + "private words " * 100 + "</p>")
    feed = rss_feed(server.base, seeds()[:1]).replace(
        f"{server.base}/articles/{seeds()[0].name}.html", secret.as_uri())
    server.add("/local.xml", feed, content_type="application/rss+xml")
    store.add(server.url("/local.xml"))
    update_feeds(store, FAST)
    assert all("private words" not in d.text for d in store.documents())
    kept = [a.url for a in store.summary_only(server.url("/local.xml"))]
    assert len(kept) == 1 and kept[0].startswith("file:") and kept[0].endswith("secret.html")


def test_a_feed_over_the_size_cap_is_an_error(server: FeedServer, store: FeedStore) -> None:
    server.add("/huge.xml", streamed_bytes=30 * 1_048_576, content_type="application/rss+xml")
    store.add(server.url("/huge.xml"))
    assert update_feeds(store, FAST)[0].error == "too large: more than 1 MB (the limit)"


def test_adding_a_site_finds_its_feed(server: FeedServer, store: FeedStore) -> None:
    reports = add_feeds(store, [server.url("/"), server.url("/rss.xml"),
                                server.url("/articles/none.html")], FAST)
    assert [(r.feed_url, r.title, r.added) for r in reports[:2]] == [
        (server.url("/atom.xml"), "Seed Wire", True), (server.url("/rss.xml"), "Seed Times",
                                                       True)]
    assert reports[2].error == "HTTP 404 Not Found"
    page = add_feeds(store, [server.url(f"/articles/{seeds()[0].name}.html")], FAST)[0]
    assert page.error == 'not a feed, and the page names none (no <link rel="alternate">)'
    assert {f.url for f in store.feeds()} == {server.url("/atom.xml"), server.url("/rss.xml")}
    assert not add_feeds(store, [server.url("/rss.xml")], FAST)[0].added


def test_a_page_in_another_charset_than_it_says_is_read(server: FeedServer,
                                                        store: FeedStore) -> None:
    seed = seeds()[0]
    page = article_page(seed).replace(seed.paragraphs[0], "Le café de Zoë. " + seed.paragraphs[0])
    url = server.add("/cp1252.html", page.encode("cp1252", "replace"),
                     content_type="text/html; charset=utf-8")
    assert fetch_pages(store, [url], FAST)[0].status == "new"
    assert "Le café de Zoë." in store.documents()[0].text


def test_single_pages_are_fetched_once(server: FeedServer, store: FeedStore) -> None:
    urls = [server.url(f"/articles/{s.name}.html") for s in seeds()[:2]]
    reports = fetch_pages(store, [*urls, server.url("/gone.html")], FAST)
    assert [r.status for r in reports] == ["new", "new", "error"]
    assert [r.status for r in fetch_pages(store, urls, FAST)] == ["known", "known"]
    assert [d.source for d in store.documents()] == ["Seed Times", "Seed Times"]
