"""The fetcher against a real server on 127.0.0.1: limits, redirects, errors, validators."""

from __future__ import annotations

import asyncio

import pytest

from reader import __version__
from reader.sources.web.fetch import Fetched, Fetcher, FetchError, FetchLimits
from tests.web.server import FeedServer

FAST = FetchLimits(connect_seconds=0.5, read_seconds=0.5, total_seconds=5.0,
                   max_bytes=1_048_576)


def fetch(url: str, limits: FetchLimits = FAST, **validators: str) -> Fetched:
    async def run() -> Fetched:
        async with Fetcher(limits) as fetcher:
            return await fetcher.get(url, **validators)

    return asyncio.run(run())


@pytest.fixture
def server() -> FeedServer:
    with FeedServer() as running:
        yield running


def test_a_page_is_fetched_with_the_apps_user_agent(server: FeedServer) -> None:
    url = server.add("/page.html", "<p>Hello</p>")
    fetched = fetch(url)
    assert fetched.status == 200 and fetched.body == b"<p>Hello</p>"
    assert fetched.content_type == "text/html" and fetched.charset == "utf-8"
    assert server.agents == [f"newsroom-reader/{__version__}"]


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_compressed_bodies_arrive_decompressed(server: FeedServer, encoding: str) -> None:
    url = server.add("/zipped.html", "<p>" + "compressed words " * 200 + "</p>",
                     encoding=encoding)
    assert fetch(url).body.count(b"compressed words") == 200


def test_a_compressed_body_over_the_cap_is_aborted(server: FeedServer) -> None:
    """The cap counts what the body decompresses to: 2 MB of zeros gzip to 2 KB."""
    url = server.add("/bomb.html", b"\0" * (2 * 1_048_576), encoding="gzip")
    with pytest.raises(FetchError, match="too large"):
        fetch(url)


@pytest.mark.parametrize("status, reason", [(404, "HTTP 404 Not Found"),
                                            (500, "HTTP 500 Internal Server Error")])
def test_an_error_status_is_one_line(server: FeedServer, status: int, reason: str) -> None:
    url = server.add("/broken", "oops", status=status)
    with pytest.raises(FetchError, match=f"^{reason}$"):
        fetch(url)


def test_a_stalled_response_times_out(server: FeedServer) -> None:
    url = server.add("/stalled", "late", stall=5.0)
    with pytest.raises(FetchError, match=r"timed out: the server sent nothing for 0\.5 s"):
        fetch(url)


def test_a_body_over_the_cap_is_aborted(server: FeedServer) -> None:
    url = server.add("/huge", streamed_bytes=30 * 1_048_576)
    with pytest.raises(FetchError, match="too large: more than 1 MB"):
        fetch(url)


def test_a_stated_length_over_the_cap_is_refused_before_reading(server: FeedServer) -> None:
    url = server.add("/big", b"x" * (2 * 1_048_576))
    with pytest.raises(FetchError, match="too large"):
        fetch(url)


def test_redirects_are_followed_up_to_five(server: FeedServer) -> None:
    for hop in range(5):
        server.add(f"/hop{hop}", status=302, headers={"Location": f"/hop{hop + 1}"})
    server.add("/hop5", "<p>arrived</p>")
    fetched = fetch(server.url("/hop0"))
    assert fetched.body == b"<p>arrived</p>" and fetched.url == server.url("/hop5")


def test_a_redirect_loop_stops(server: FeedServer) -> None:
    server.add("/a", status=302, headers={"Location": "/b"})
    server.add("/b", status=301, headers={"Location": "/a"})
    with pytest.raises(FetchError, match=r"too many redirects \(more than 5\)"):
        fetch(server.url("/a"))
    assert server.hits["/a"] + server.hits["/b"] == 6


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://x"])
def test_a_redirect_off_http_is_refused(server: FeedServer, target: str) -> None:
    url = server.add("/sneaky", status=302, headers={"Location": target})
    with pytest.raises(FetchError, match="redirect to a non-http"):
        fetch(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed", "feed.xml"])
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url)


def test_etag_and_last_modified_give_304(server: FeedServer) -> None:
    url = server.add("/feed.xml", "<rss/>", etag='"v1"', last_modified="Fri, 05 Dec 2025 "
                     "09:00:00 GMT")
    first = fetch(url)
    assert first.etag == '"v1"' and first.last_modified.startswith("Fri, 05 Dec")
    assert fetch(url, etag='"v1"').not_modified
    assert fetch(url, last_modified=first.last_modified).not_modified
    assert fetch(url, etag='"v0"').status == 200


def test_a_refused_connection_is_one_line() -> None:
    with FeedServer() as gone:
        url = gone.url("/x")
    with pytest.raises(FetchError, match=r"^cannot connect"):
        fetch(url)


def test_two_requests_at_most_go_to_one_host(server: FeedServer) -> None:
    urls = [server.add(f"/slow{n}", "<p>x</p>", stall=0.2) for n in range(6)]

    async def run() -> list[Fetched]:
        async with Fetcher(FAST) as fetcher:
            return list(await asyncio.gather(*(fetcher.get(url) for url in urls)))

    assert all(f.status == 200 for f in asyncio.run(run()))
    assert server.peak == 2
