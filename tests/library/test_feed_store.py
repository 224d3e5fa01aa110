"""The library's feeds and fetched articles: de-duplication, summary upgrades, migration."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.feeds import FeedStore
from reader.library.store import DATABASE_NAME, MIGRATIONS, SCHEMA_VERSION
from reader.sources.web.articles import FetchedArticle
from tests.web.server import seeds

FULL = "\n\n".join(seeds()[0].paragraphs)
OTHER = "\n\n".join(seeds()[1].paragraphs)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[FeedStore]:
    library = Library.open(tmp_path)
    yield FeedStore(library)
    library.close()


def test_an_article_is_known_by_guid_then_url_then_text(store: FeedStore) -> None:
    assert store.save(FetchedArticle(url="http://a/1", text=FULL, guid="g1", feed_url="f"))
    # Same guid in the same feed, new URL (the feed moved its links): the same article.
    assert not store.save(FetchedArticle(url="http://a/moved", text=OTHER, guid="g1",
                                         feed_url="f"))
    # The same guid in another feed is another article (guids are the feed's own).
    assert not store.needs_page("f", "g1", "http://a/moved")
    assert store.needs_page("other", "g1", "http://c/1")
    # No guid, same URL.
    assert not store.save(FetchedArticle(url="http://a/1", text=OTHER))
    # Another URL and guid, the same text (a second outlet's copy of a wire story).
    assert not store.save(FetchedArticle(url="http://b/9", text=FULL, guid="b9"))
    assert store.save(FetchedArticle(url="http://b/2", text=OTHER, guid="b2"))
    assert store.count() == 2


def test_a_summary_is_replaced_by_the_full_text_once(store: FeedStore) -> None:
    summary = seeds()[0].paragraphs[0][:120]
    assert store.save(FetchedArticle(url="http://a/1", text=summary, guid="g", feed_url="f",
                                     summary_only=True, title="Feed title"))
    assert store.needs_page("f", "g", "http://a/1")
    assert not store.save(FetchedArticle(url="http://a/1", text=summary, guid="g",
                                         feed_url="f", summary_only=True))
    assert store.save(FetchedArticle(url="http://a/1", text=FULL, guid="g", feed_url="f",
                                     extracted=True))
    assert not store.needs_page("f", "g", "http://a/1")
    [document] = store.documents()
    assert (document.text, document.title, document.extracted) == (FULL, "Feed title", True)
    assert store.summary_only("f") == []


def test_documents_are_named_by_site_and_row(store: FeedStore) -> None:
    store.save(FetchedArticle(url="https://news.example/a?b=1", text=FULL, outlet="Example"))
    [document] = store.documents()
    assert (document.id, document.path, document.url, document.source) == (
        "news.example/1", "https://news.example/a?b=1", "https://news.example/a?b=1",
        "Example")


def test_feeds_keep_the_order_they_were_added_and_their_validators(store: FeedStore) -> None:
    assert store.add("http://z/feed") and store.add("http://a/feed", "A")
    assert not store.add("http://z/feed", "ignored")
    [z, _] = store.feeds()
    store.mark_fetched(z, title="Zed", etag='"1"', last_modified="Fri, 05 Dec 2025 09:00:00 GMT")
    assert [(f.url, f.title, f.etag) for f in store.feeds()] == [
        ("http://z/feed", "Zed", '"1"'), ("http://a/feed", "A", None)]
    assert store.remove("http://z/feed") and not store.remove("http://z/feed")


def test_a_library_of_the_first_schema_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / DATABASE_NAME)
    connection.executescript(MIGRATIONS[0])
    connection.execute("INSERT INTO session (key, value) VALUES ('k', 'v')")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    library = Library.open(tmp_path)
    with library.read() as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        assert db.execute("SELECT value FROM session").fetchall() == [("v",)]
    assert FeedStore(library).save(FetchedArticle(url="http://a/1", text=FULL))
    library.close()


def test_a_failed_write_leaves_nothing_behind(store: FeedStore) -> None:
    with pytest.raises(RuntimeError), store.library.write() as db:
        db.execute("INSERT INTO feeds (url) VALUES ('http://half/feed')")
        raise RuntimeError("interrupted")
    assert store.feeds() == []
