"""Fetch many URLs concurrently with httpx: bounded, retried, size-limited, guarded.

Redirects are followed by hand so that every hop passes the address guard.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from etl.errors import BlockedURL, FetchError
from etl.fetch.guard import check_url
from etl.records import FetchAttempt, FetchedPage
from etl.settings import Settings

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml",
                  "text/xml", "application/rss+xml", "application/atom+xml")
BACKOFF_BASE = 0.5  # seconds; doubled per retry, with jitter
MAX_RETRY_AFTER = 30.0  # never sleep longer than this on a server's say-so


class TooLarge(FetchError):
    """The body exceeded the configured maximum size."""


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return min(float(value), MAX_RETRY_AFTER)
    except ValueError:
        pass
    try:
        delta = (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()
    except (TypeError, ValueError):
        return None
    return min(max(delta, 0.0), MAX_RETRY_AFTER)


class Fetcher:
    """Fetches URLs with global and per-host concurrency limits and a per-host delay."""

    def __init__(self, settings: Settings, client: httpx.AsyncClient) -> None:
        self.settings = settings
        self.client = client
        self._global = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(settings.per_host_concurrency))
        self._last_hit: dict[str, float] = {}

    async def fetch(self, url: str, source: str) -> FetchedPage:
        """Fetch one URL with retries; always returns a FetchedPage, never raises."""
        page = FetchedPage(url=url, source=source, outcome="failed")
        for retry in range(self.settings.max_retries + 1):
            delay = await self._attempt(page, retry)
            if delay is None:
                return page
            await asyncio.sleep(delay)
        return page

    async def _attempt(self, page: FetchedPage, retry: int) -> float | None:
        """One attempt; returns the delay before the next one, or None when done."""
        host = urlsplit(page.url).hostname or ""
        started = time.perf_counter()
        attempted_at = _now()
        status: int | None = None
        body = b""
        try:
            async with self._global, self._hosts[host]:
                await self._polite_wait(host)
                response, body = await asyncio.wait_for(
                    self._get_following_redirects(page.url), self.settings.total_timeout)
            status = response.status_code
        except (BlockedURL, TooLarge, FetchError) as exc:
            self._record(page, attempted_at, retry, status, 0, started, exc)
            page.outcome, page.reason = ("skipped" if isinstance(exc, BlockedURL) else "failed",
                                         f"{type(exc).__name__}: {exc}")
            return None
        except (httpx.TransportError, TimeoutError, httpx.DecodingError) as exc:
            self._record(page, attempted_at, retry, status, 0, started, exc)
            page.outcome = "failed"
            page.reason = f"{type(exc).__name__}: {exc or 'timed out'}"
            return self._backoff(retry, None)
        self._record(page, attempted_at, retry, status, len(body), started, None)
        page.status = status
        if status in RETRY_STATUSES:
            page.outcome, page.reason = "failed", f"HTTP {status}"
            return self._backoff(retry, _retry_after(response.headers.get("retry-after")))
        page.final_url = str(response.url)
        page.headers = {k.lower(): v for k, v in response.headers.items()}
        page.content_type = response.headers.get("content-type", "")
        page.fetched_at = attempted_at
        if status >= 400:
            page.outcome, page.reason = "failed", f"HTTP {status}"
        elif status == 304:
            page.outcome, page.reason = "unchanged", "HTTP 304"
        elif not _accepted(page.content_type):
            page.outcome, page.reason = "skipped", f"content type {page.content_type!r}"
        elif not body.strip():
            page.outcome, page.reason = "failed", "empty body"
            page.body = body
        else:
            page.outcome, page.reason, page.body = "fetched", None, body
        return None

    def _backoff(self, retry: int, retry_after: float | None) -> float | None:
        if retry >= self.settings.max_retries:
            return None
        if retry_after is not None:
            return retry_after
        return BACKOFF_BASE * (2**retry) * (0.5 + random.random())

    async def _polite_wait(self, host: str) -> None:
        delay = self.settings.per_host_delay
        if delay <= 0:
            return
        wait = self._last_hit.get(host, 0.0) + delay - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        self._last_hit[host] = time.monotonic()

    async def _get_following_redirects(self, url: str) -> tuple[httpx.Response, bytes]:
        for _ in range(self.settings.max_redirects + 1):
            check_url(url, self.settings.allow_hosts)
            async with self.client.stream("GET", url) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                body = await self._read_limited(response)
                return response, body
        raise FetchError(f"more than {self.settings.max_redirects} redirects")

    async def _read_limited(self, response: httpx.Response) -> bytes:
        limit = self.settings.max_body_bytes
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise TooLarge(f"Content-Length {declared} exceeds {limit} bytes")
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise TooLarge(f"body exceeds {limit} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    @staticmethod
    def _record(page: FetchedPage, attempted_at: str, retry: int, status: int | None,
                size: int, started: float, exc: BaseException | None) -> None:
        page.attempts.append(FetchAttempt(
            url=page.url, attempted_at=attempted_at, retry=retry, status=status, bytes=size,
            elapsed_ms=round((time.perf_counter() - started) * 1000, 1),
            error_class=type(exc).__name__ if exc else None,
            error_message=str(exc) if exc else None))


def _accepted(content_type: str | None) -> bool:
    media = (content_type or "").split(";")[0].strip().lower()
    return not media or media.startswith(ACCEPTED_TYPES)


def make_client(settings: Settings) -> httpx.AsyncClient:
    """An AsyncClient with the run's timeouts and User-Agent; redirects handled by Fetcher."""
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    limits = httpx.Limits(max_connections=settings.concurrency,
                          max_keepalive_connections=settings.concurrency)
    return httpx.AsyncClient(timeout=timeout, limits=limits, follow_redirects=False,
                             headers={"User-Agent": settings.user_agent})


async def fetch_all_async(targets: list[tuple[str, str]], settings: Settings,
                          progress: Callable[[FetchedPage], None] | None = None
                          ) -> list[FetchedPage]:
    """Fetch (url, source) pairs concurrently; results in input order."""
    async with make_client(settings) as client:
        fetcher = Fetcher(settings, client)

        async def one(url: str, source: str) -> FetchedPage:
            page = await fetcher.fetch(url, source)
            if progress:
                progress(page)
            return page

        return list(await asyncio.gather(*(one(u, s) for u, s in targets)))


def fetch_all(targets: list[tuple[str, str]], settings: Settings,
              progress: Callable[[FetchedPage], None] | None = None) -> list[FetchedPage]:
    """Synchronous wrapper around fetch_all_async (runs its own event loop)."""
    return asyncio.run(fetch_all_async(targets, settings, progress))


async def fetch_listing(url: str, settings: Settings) -> FetchedPage:
    """Fetch one feed or sitemap document (same guards and retries as pages)."""
    async with make_client(settings) as client:
        return await Fetcher(settings, client).fetch(url, source=url)
