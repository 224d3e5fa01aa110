"""A real HTTP server on 127.0.0.1 for the web tests: feeds and pages built from the seeds.

Each route answers as set: a body with its type (gzip or deflate compressed if asked), a status,
validators for conditional GET, a redirect, a stall before answering, or a body of
many megabytes streamed in chunks. The server counts requests per path, so tests can
tell what a client asked for.
"""

from __future__ import annotations

import gzip
import threading
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@dataclass
class Route:
    """How one path answers."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    stall: float = 0.0  # seconds to wait before answering
    streamed_bytes: int = 0  # send this many bytes of filler instead of ``body``
    encoding: str | None = None  # "gzip" or "deflate": the body is sent compressed


class FeedServer:
    """A threaded HTTP server on 127.0.0.1 and a port of its own; a context manager."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []
        self.peak = 0  # the most requests handled at once
        self._active = 0
        self._count = threading.Lock()
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer((host, 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT``."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        """The full URL of a path on this server."""
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **options: object) -> str:
        """Serve ``body`` at ``path`` (see ``Route`` for the options); returns its URL."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()  # stalled handlers give up
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the tests read the counters, not a log."""

            def do_GET(self) -> None:
                with server._count:
                    server._active += 1
                    server.peak = max(server.peak, server._active)
                try:
                    self._get()
                finally:
                    with server._count:
                        server._active -= 1

            def _get(self) -> None:
                path = self.path.split("?")[0]
                server.hits[path] += 1
                server.agents.append(self.headers.get("User-Agent", ""))
                route = server.routes.get(path)
                if route is None:
                    self._answer(404, b"not found", "text/plain")
                    return
                if route.stall and server._stop.wait(route.stall):
                    return
                if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                        route.last_modified
                        and self.headers.get("If-Modified-Since") == route.last_modified):
                    self.send_response(304)
                    self._validators(route)
                    self.end_headers()
                    return
                if route.streamed_bytes:
                    self._stream(route)
                    return
                body = route.body
                if route.encoding == "gzip":
                    body = gzip.compress(body)
                elif route.encoding == "deflate":
                    body = zlib.compress(body)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(body)))
                if route.encoding:
                    self.send_header("Content-Encoding", route.encoding)
                self._validators(route)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def _validators(self, route: Route) -> None:
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)

            def _stream(self, route: Route) -> None:
                # No Content-Length: the client learns the size only by reading on.
                self.send_response(200)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"<p>" + b"x" * 65_530 + b"</p>\n"
                sent = 0
                try:
                    while sent < route.streamed_bytes and not server._stop.is_set():
                        self.wfile.write(chunk)
                        sent += len(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: what the size cap is for

            def _answer(self, status: int, body: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler


@dataclass(frozen=True)
class Seed:
    """A seed article: its title, paragraphs and a date."""

    name: str
    title: str
    paragraphs: tuple[str, ...]
    date: datetime


def seeds() -> list[Seed]:
    """The five seed articles (first line the title, the rest paragraphs)."""
    found = []
    for day, path in enumerate(sorted(SEEDS.glob("*.txt")), start=1):
        lines = [line.strip() for line in path.read_text().splitlines() if line.strip()]
        found.append(Seed(path.stem, lines[0], tuple(lines[1:]),
                          datetime(2025, 12, day, 9, 0, tzinfo=UTC)))
    return found


def article_page(seed: Seed, outlet: str = "Seed Times") -> str:
    """An outlet's page for the article: a menu, the article, a footer."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in seed.paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{escape(seed.title)}</title>"
            f'<meta property="og:site_name" content="{outlet}">'
            f'<meta name="author" content="Ann Reporter"></head><body>'
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(seed.title)}</h1>{body}</article>"
            f"<footer>Copyright {outlet}</footer></body></html>")


def rss_feed(base: str, items: list[Seed], title: str = "Seed Times") -> str:
    """An RSS 2.0 feed whose items link to ``/articles/NAME.html`` with a short summary."""
    entries = "".join(
        f"<item><title>{escape(s.title)}</title>"
        f"<link>{base}/articles/{s.name}.html</link>"
        f'<guid isPermaLink="false">seed-{s.name}</guid>'
        f"<pubDate>{format_datetime(s.date)}</pubDate>"
        f"<description>{escape(s.paragraphs[0][:120])}</description></item>"
        for s in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>{base}/</link><description>News</description>"
            f"{entries}</channel></rss>")


def atom_feed(base: str, items: list[Seed], title: str = "Seed Wire") -> str:
    """An Atom feed of the same shape."""
    entries = "".join(
        f"<entry><title>{escape(s.title)}</title>"
        f'<link rel="alternate" href="{base}/articles/{s.name}.html"/>'
        f"<id>urn:seed:{s.name}</id><updated>{s.date.isoformat()}</updated>"
        f"<author><name>Ann Reporter</name></author>"
        f"<summary>{escape(s.paragraphs[0][:120])}</summary></entry>"
        for s in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>'
            f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
            f"<id>urn:seed:wire</id><updated>2025-12-05T09:00:00Z</updated>{entries}</feed>")


def rdf_feed(base: str, items: list[Seed], title: str = "Seed Digest") -> str:
    """An RSS 1.0 (RDF) feed of the same shape."""
    entries = "".join(
        f'<item rdf:about="{base}/articles/{s.name}.html"><title>{escape(s.title)}</title>'
        f"<link>{base}/articles/{s.name}.html</link>"
        f"<description>{escape(s.paragraphs[0][:120])}</description></item>"
        for s in items)
    return ('<?xml version="1.0" encoding="utf-8"?>'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/">'
            f'<channel rdf:about="{base}/rdf.xml"><title>{title}</title>'
            f"<link>{base}/</link><description>News</description></channel>"
            f"{entries}</rdf:RDF>")


def serve_seed_site(server: FeedServer) -> None:
    """The seeds as an outlet: ``/rss.xml`` (seeds 0-2), ``/atom.xml`` (3-4), their pages,
    and ``/`` (a home page naming the Atom feed in ``<link rel="alternate">``)."""
    found = seeds()
    for seed in found:
        server.add(f"/articles/{seed.name}.html", article_page(seed))
    server.add("/rss.xml", rss_feed(server.base, found[:3]),
               content_type="application/rss+xml", etag='"rss-1"')
    server.add("/atom.xml", atom_feed(server.base, found[3:]),
               content_type="application/atom+xml",
               last_modified="Fri, 05 Dec 2025 09:00:00 GMT")
    server.add("/", '<!DOCTYPE html><html><head><title>Seed Wire</title>'
               '<link rel="alternate" type="application/atom+xml" title="Wire" '
               'href="/atom.xml"></head><body><p>Home</p></body></html>')
