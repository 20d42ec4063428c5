"""Fetch many URLs concurrently with httpx: bounded, polite, retried, size-limited, guarded.

Redirects are followed by hand so that every hop passes the address guard; bodies are
decoded by :mod:`etl.fetch.bodies` so size limits apply to decoded bytes; robots.txt is
read once per origin per run (:mod:`etl.fetch.robots`) and checked for every hop.

Connections go to the address the guard vetted (:class:`etl.fetch.guard.AddressBook`),
never to a second DNS answer; use :func:`open_fetcher` (or :func:`make_client` with the
Fetcher's address book) to get that pinning.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from etl.errors import BlockedURL, FetchError
from etl.fetch.bodies import ACCEPT_ENCODING, BadEncoding, TooLarge, read_decoded
from etl.fetch.guard import AddressBook, PinnedBackend, Resolver, vet_url_async
from etl.fetch.policy import HostPolicy, RunState, Target, as_target
from etl.fetch.robots import RobotsGate
from etl.records import FetchAttempt, FetchedPage
from etl.settings import Settings

__all__ = ["Fetcher", "TooLarge", "BadEncoding", "fetch_all", "fetch_all_async",
           "make_client", "open_fetcher", "ACCEPTED_TYPES", "LISTING_TYPES"]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml",
                  "text/xml", "application/rss+xml", "application/atom+xml")
# Feeds and sitemaps are also served gzipped as files (sitemap.xml.gz).
LISTING_TYPES = ACCEPTED_TYPES + ("application/x-gzip", "application/gzip",
                                  "application/octet-stream")
BACKOFF_BASE = 0.5  # seconds; doubled per retry, with jitter
MAX_RETRY_AFTER = 30.0  # a server asking for a longer pause than this is not retried


class RedirectLoop(FetchError):
    """A redirect chain came back to a URL it had already visited."""


class RobotsDisallowed(FetchError):
    """A redirect led to a URL that robots.txt disallows (or whose robots.txt is down)."""


class _Retry(Exception):
    """Internal: this attempt failed in a way the retry policy covers."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        return max((parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds(), 0.0)
    except (TypeError, ValueError):
        return None


def _accepted(content_type: str | None, accept: Sequence[str]) -> bool:
    media = (content_type or "").split(";")[0].strip().lower()
    return not media or media.startswith(tuple(accept))


def _describe(exc: BaseException, settings: Settings) -> str:
    """A reason a person can act on (httpx's messages are often just 'timed out')."""
    if isinstance(exc, TimeoutError):
        return f"TotalTimeout: response not complete within {settings.total_timeout}s"
    if isinstance(exc, httpx.ConnectTimeout):
        return f"ConnectTimeout: no connection within {settings.connect_timeout}s"
    if isinstance(exc, httpx.ReadTimeout):
        return f"ReadTimeout: no data for {settings.read_timeout}s"
    return f"{type(exc).__name__}: {exc}"


class Fetcher:
    """Fetches URLs with global and per-host limits, a per-host delay and a run state.

    ``book`` is the address book the client's transport connects by (see make_client);
    without one, URLs are still vetted but the connection resolves the name again.
    ``resolver`` replaces the system resolver for the address guard (tests)."""

    def __init__(self, settings: Settings, client: httpx.AsyncClient,
                 state: RunState | None = None, book: AddressBook | None = None,
                 resolver: Resolver | None = None) -> None:
        self.settings = settings
        self.client = client
        self.state = state or RunState()
        self.state.retry_budget.configure(settings.retry_budget)
        self.book = book
        self.resolver = resolver
        self._global = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._next_slot: dict[str, float] = {}
        self.robots = RobotsGate(self)

    def policy(self, host: str) -> HostPolicy:
        """Politeness for a host: a source's override, else the run settings."""
        policies = self.state.host_policies
        labels = host.split(".")
        for i in range(len(labels)):  # www.example.com, then example.com, then com
            found = policies.get(".".join(labels[i:]))
            if found:
                return found
        return HostPolicy(self.settings.per_host_delay, self.settings.per_host_concurrency)

    async def fetch(self, url: str, source: str,
                    accept: Sequence[str] = ACCEPTED_TYPES) -> FetchedPage:
        """Fetch one URL (see :meth:`fetch_target`)."""
        return await self.fetch_target(Target(url, source), accept)

    async def fetch_target(self, target: Target,
                           accept: Sequence[str] = ACCEPTED_TYPES) -> FetchedPage:
        """Fetch one target with retries; always returns a FetchedPage, never raises."""
        page = FetchedPage(url=target.url, source=target.source, outcome="failed")
        try:
            await self.vet(target.url)
            blocked = await self.robots.disallowed(target.url)
        except BlockedURL as exc:
            page.outcome, page.reason = "skipped", f"BlockedURL: {exc}"
            return page
        if blocked:
            page.outcome, page.reason = "skipped", blocked
            return page
        headers = {}
        if target.may_change and target.etag:
            headers["If-None-Match"] = target.etag
        if target.may_change and target.last_modified:
            headers["If-Modified-Since"] = target.last_modified
        for retry in range(self.settings.max_retries + 1):
            try:
                await self._attempt(page, retry, headers, accept)
                return page
            except _Retry as wanted:
                page.outcome, page.reason = "failed", str(wanted)
                delay = self._backoff(retry, wanted.retry_after)
                if isinstance(delay, str):
                    page.reason = f"{page.reason} ({delay})"
                    return page
                await asyncio.sleep(delay)
        return page

    async def _attempt(self, page: FetchedPage, retry: int, headers: dict[str, str],
                       accept: Sequence[str]) -> None:
        """One request (plus its redirect hops); raises _Retry when it should be repeated."""
        host = urlsplit(page.url).hostname or ""
        started = time.perf_counter()
        attempted_at = _now()
        try:
            async with self._global, self._host_gate(host):
                await self._polite_wait(host)
                response, body, skipped = await asyncio.wait_for(
                    self._follow(page.url, headers, accept, vetted=retry == 0),
                    self.settings.total_timeout)
        except (httpx.TransportError, TimeoutError) as exc:
            self._record(page, attempted_at, retry, None, 0, started, exc)
            raise _Retry(_describe(exc, self.settings)) from exc
        except Exception as exc:  # noqa: BLE001 - a page never crashes the run
            self._record(page, attempted_at, retry, None, 0, started, exc)
            skipped = isinstance(exc, BlockedURL | RobotsDisallowed)
            page.outcome = "skipped" if skipped else "failed"
            page.reason = _describe(exc, self.settings)
            return
        status = response.status_code
        self._record(page, attempted_at, retry, status, len(body), started, None)
        page.status = status
        if status in RETRY_STATUSES:
            raise _Retry(f"HTTP {status}", _retry_after(response.headers.get("retry-after")))
        page.final_url = str(response.url)
        page.headers = {k.lower(): v for k, v in response.headers.items()}
        page.content_type = response.headers.get("content-type", "")
        page.fetched_at = attempted_at
        if status >= 400:
            page.outcome, page.reason = "failed", f"HTTP {status}"
        elif status == 304:
            page.outcome, page.reason = "unchanged", "HTTP 304 (not modified)"
        elif skipped:
            page.outcome, page.reason = "skipped", skipped
        elif not body.strip():
            page.outcome, page.reason, page.body = "failed", "empty body", body
        elif 300 <= status < 400:
            page.outcome, page.reason = "failed", f"HTTP {status} without Location"
        else:
            page.outcome, page.reason, page.body = "fetched", None, body

    def _backoff(self, retry: int, retry_after: float | None) -> float | str:
        """Seconds to wait before the next try, or why there is no next try."""
        if retry >= self.settings.max_retries:
            return f"gave up after {retry + 1} attempts"
        if retry_after is not None and retry_after > MAX_RETRY_AFTER:
            return f"Retry-After {retry_after:.0f}s exceeds {MAX_RETRY_AFTER:.0f}s"
        if not self.state.retry_budget.take():
            return f"run retry budget of {self.state.retry_budget.total} exhausted"
        if retry_after is not None:
            return retry_after
        return BACKOFF_BASE * (2**retry) * (0.5 + random.random())

    def _host_gate(self, host: str) -> asyncio.Semaphore:
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(max(1, self.policy(host).concurrency))
        return self._hosts[host]

    async def _polite_wait(self, host: str) -> None:
        delay = self.policy(host).delay
        if delay <= 0:
            return
        # Reserve the next free slot before sleeping, so concurrent requests to one host
        # are spaced ``delay`` apart rather than all waking at once.
        now = time.monotonic()
        slot = max(now, self._next_slot.get(host, 0.0))
        self._next_slot[host] = slot + delay
        if slot > now:
            await asyncio.sleep(slot - now)

    async def vet(self, url: str) -> None:
        """The address guard for one request: raises BlockedURL, pins the vetted address."""
        address = await vet_url_async(url, self.settings.allow_hosts, self.resolver)
        if self.book is not None:
            self.book.pin(url, address)

    async def _follow(self, url: str, headers: dict[str, str], accept: Sequence[str],
                      limit: int | None = None, check_robots: bool = True,
                      vetted: bool = False) -> tuple[httpx.Response, bytes, str | None]:
        """GET following redirects by hand; (final response, decoded body, skip reason).

        Every hop is vetted by the address guard right before its request; every hop
        after the first is also checked against its origin's robots.txt (the first was
        checked by fetch_target), unless this is itself a robots.txt fetch. ``vetted``:
        the first URL was vetted (and pinned) just now, don't resolve it again."""
        seen = {url}
        for hop in range(self.settings.max_redirects + 1):
            if hop or not vetted:
                await self.vet(url)
            if hop and check_robots:
                blocked = await self.robots.disallowed(url)
                if blocked:
                    raise RobotsDisallowed(f"redirect to {url}: {blocked}")
            async with self.client.stream("GET", url, headers=headers) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    if url in seen:
                        raise RedirectLoop(f"redirect loop back to {url}")
                    seen.add(url)
                    continue
                ctype = response.headers.get("content-type", "")
                if response.status_code < 300 and not _accepted(ctype, accept):
                    # Not a page we parse: don't download it at all.
                    return response, b"", f"content type {ctype!r} not fetched"
                body = await self._read_limited(response, limit)
                return response, body, None
        raise FetchError(f"more than {self.settings.max_redirects} redirects")

    async def _read_limited(self, response: httpx.Response, limit: int | None) -> bytes:
        limit = limit or self.settings.max_body_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise TooLarge(f"Content-Length {declared} exceeds {limit} bytes")
        return await read_decoded(response.aiter_raw(),
                                  response.headers.get("content-encoding"), limit)

    @staticmethod
    def _record(page: FetchedPage, attempted_at: str, retry: int, status: int | None,
                size: int, started: float, exc: BaseException | None) -> None:
        page.attempts.append(FetchAttempt(
            url=page.url, attempted_at=attempted_at, retry=retry, status=status, bytes=size,
            elapsed_ms=round((time.perf_counter() - started) * 1000, 1),
            error_class=type(exc).__name__ if exc else None,
            error_message=(str(exc) or type(exc).__name__) if exc else None))


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport whose connection pool opens TCP connections to the address
    book's vetted addresses. The pool is still keyed by host name, so a kept-alive TLS
    connection is only reused for the name its certificate was checked against."""

    def __init__(self, book: AddressBook, verify: object = True,
                 limits: httpx.Limits | None = None) -> None:
        limits = limits or httpx.Limits()
        super().__init__(verify=verify, limits=limits)  # type: ignore[arg-type]
        self.book = book
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify),  # type: ignore[arg-type]
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=PinnedBackend(book))


def make_client(settings: Settings, book: AddressBook | None = None,
                verify: object = True) -> httpx.AsyncClient:
    """An AsyncClient with the run's timeouts and User-Agent; redirects handled by Fetcher.

    With ``book``, connections go only to addresses the Fetcher's guard vetted (pass the
    same book to the Fetcher). Environment proxies are not used either way: a proxy would
    resolve names itself, behind the guard's back."""
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    limits = httpx.Limits(max_connections=settings.concurrency,
                          max_keepalive_connections=settings.concurrency)
    transport = (PinnedTransport(book, verify, limits) if book is not None
                 else httpx.AsyncHTTPTransport(verify=verify, limits=limits))  # type: ignore[arg-type]
    return httpx.AsyncClient(timeout=timeout, follow_redirects=False, transport=transport,
                             headers={"User-Agent": settings.user_agent,
                                      "Accept-Encoding": ACCEPT_ENCODING})


@asynccontextmanager
async def open_fetcher(settings: Settings, state: RunState | None = None,
                       resolver: Resolver | None = None,
                       verify: object = True) -> AsyncIterator[Fetcher]:
    """A Fetcher with its own client, connecting only to addresses its guard vetted."""
    book = AddressBook(settings.allow_hosts)
    async with make_client(settings, book, verify) as client:
        yield Fetcher(settings, client, state, book=book, resolver=resolver)


async def fetch_all_async(targets: Sequence[Target | tuple[str, str]], settings: Settings,
                          progress: Callable[[FetchedPage], None] | None = None,
                          state: RunState | None = None,
                          resolver: Resolver | None = None) -> list[FetchedPage]:
    """Fetch targets (or (url, source) pairs) concurrently; results in input order."""
    async with open_fetcher(settings, state, resolver) as fetcher:

        async def one(target: Target) -> FetchedPage:
            page = await fetcher.fetch_target(target)
            if progress:
                progress(page)
            return page

        return list(await asyncio.gather(*(one(as_target(t)) for t in targets)))


def fetch_all(targets: Sequence[Target | tuple[str, str]], settings: Settings,
              progress: Callable[[FetchedPage], None] | None = None,
              state: RunState | None = None,
              resolver: Resolver | None = None) -> list[FetchedPage]:
    """Synchronous wrapper around fetch_all_async (runs its own event loop)."""
    return asyncio.run(fetch_all_async(targets, settings, progress, state, resolver))
