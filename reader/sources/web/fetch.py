"""HTTP fetching as a polite, bounded client: timeouts, a size cap, few connections.

One ``Fetcher`` (an httpx async client) serves a whole update. At most ``connections``
requests run at once and ``per_host`` to one server, so a hundred feeds on one site do
not hammer it. Each response is streamed and dropped as soon as it passes
``max_bytes`` (counted after gzip/deflate, so a compressed bomb stops too). Redirects
are followed by hand, at most ``redirects``, so a redirect to ``file:`` or any other
non-http(s) scheme is refused before anything is asked of it. Every failure is a
``FetchError`` whose message is one line for the user.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from reader import __version__

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"newsroom-reader/{__version__}"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchLimits:
    """How patient and how greedy a fetch may be (tests shrink these)."""

    connect_seconds: float = 10.0
    read_seconds: float = 10.0
    # A whole response, however it trickles in: a server sending a byte a second
    # would otherwise never meet the read timeout.
    total_seconds: float = 60.0
    max_bytes: int = 20 * 1024 * 1024
    connections: int = 8
    per_host: int = 2
    redirects: int = 5


class FetchError(Exception):
    """A URL could not be fetched; the message is one line saying why."""


@dataclass(frozen=True)
class Fetched:
    """A response: 200 with its body, or 304 (not modified) with none."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """The server said the resource has not changed since the validators sent."""
        return self.status == 304


def check_url(url: str) -> str:
    """The URL if it is one we fetch (http or https with a host), else FetchError."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise FetchError(f"not fetched: only http and https URLs are ({scheme})")
    if not parts.hostname:
        raise FetchError("not a URL: no host")
    return url.strip()


class Fetcher:
    """An async HTTP client bounded by ``limits``; use as ``async with Fetcher() as f``."""

    def __init__(self, limits: FetchLimits | None = None) -> None:
        self.limits = limits or FetchLimits()
        self._client: httpx.AsyncClient | None = None
        self._all: asyncio.Semaphore | None = None
        self._hosts: dict[str, asyncio.Semaphore] = {}

    async def __aenter__(self) -> Fetcher:
        import httpx  # lazy: the reader starts without it

        limits = self.limits
        self._client = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT},
            timeout=httpx.Timeout(connect=limits.connect_seconds, read=limits.read_seconds,
                                  write=limits.read_seconds, pool=None),
            limits=httpx.Limits(max_connections=limits.connections,
                                max_keepalive_connections=limits.connections),
            follow_redirects=False,
            # No proxy or .netrc from the environment: what is fetched is what was asked.
            trust_env=False,
        )
        self._all = asyncio.Semaphore(limits.connections)
        return self

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        traceback: TracebackType | None) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def get(self, url: str, *, etag: str | None = None,
                  last_modified: str | None = None) -> Fetched:
        """GET a URL, following redirects by hand; conditional when validators are given.

        Raises:
            FetchError: For a refused URL, a timeout, an HTTP error status, too many
                redirects or a body over the size cap.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = check_url(url)
        for _ in range(self.limits.redirects + 1):
            try:
                async with asyncio.timeout(self.limits.total_seconds):
                    result = await self._get_once(current, headers)
            except TimeoutError:
                raise FetchError(f"timed out: no complete response within "
                                 f"{self.limits.total_seconds:g} s") from None
            if isinstance(result, Fetched):
                return result
            target = urljoin(current, result)
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                raise FetchError(f"redirect to a non-http(s) URL refused ({target[:80]})")
            current = target
        raise FetchError(f"too many redirects (more than {self.limits.redirects})")

    async def _get_once(self, url: str, headers: dict[str, str]) -> Fetched | str:
        """One request: the response, or the Location of a redirect."""
        import httpx

        assert self._client is not None and self._all is not None, "use 'async with'"
        host = urlsplit(url).netloc.lower()
        per_host = self._hosts.setdefault(host, asyncio.Semaphore(self.limits.per_host))
        limits = self.limits
        try:
            async with per_host, self._all, self._client.stream("GET", url,
                                                                headers=headers) as response:
                if response.status_code in _REDIRECTS:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(f"HTTP {response.status_code} redirect without "
                                         "a Location")
                    return str(location)
                if response.status_code == 304:
                    return _fetched(response, b"")
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code} "
                                     f"{response.reason_phrase}".strip())
                stated = response.headers.get("content-length", "")
                if stated.isdigit() and int(stated) > limits.max_bytes:
                    raise _too_large(limits.max_bytes)
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > limits.max_bytes:
                        raise _too_large(limits.max_bytes)
                return _fetched(response, bytes(body))
        except httpx.ConnectTimeout:
            raise FetchError(f"timed out connecting (after {limits.connect_seconds:g} s)"
                             ) from None
        except httpx.TimeoutException:
            raise FetchError(f"timed out: the server sent nothing for "
                             f"{limits.read_seconds:g} s") from None
        except httpx.ConnectError as error:
            raise FetchError(f"cannot connect: {_one_line(error)}") from None
        except httpx.DecodingError:
            raise FetchError("the response's compression is broken") from None
        except httpx.HTTPError as error:
            raise FetchError(f"{type(error).__name__}: {_one_line(error)}") from None


def _fetched(response: httpx.Response, body: bytes) -> Fetched:
    content_type = response.headers.get("content-type", "")
    return Fetched(
        url=str(response.url), status=response.status_code, body=body,
        content_type=content_type.split(";")[0].strip().lower(),
        charset=response.charset_encoding,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


def _too_large(limit: int) -> FetchError:
    return FetchError(f"too large: more than {limit / 1_048_576:g} MB (the limit)")


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__
