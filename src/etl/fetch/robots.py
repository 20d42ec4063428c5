"""robots.txt: fetched once per origin per run, cached in the RunState, honoured.

Status handling follows RFC 9309 2.3.1: a 4xx robots.txt means "no rules" (allow all);
a 5xx or a network failure means the origin is treated as fully disallowed for this run.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from etl.errors import BlockedURL
from etl.records import FetchedPage

if TYPE_CHECKING:
    from etl.fetch.client import Fetcher

ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
ROBOTS_SOURCE = "robots.txt"  # the source name robots.txt fetches are stored under


def origin(url: str) -> str:
    """scheme://host[:port] of a URL, the scope of one robots.txt."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class RobotsGate:
    """Answers "may we fetch this URL?" for one Fetcher, sharing the run's cache."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._locks: dict[str, asyncio.Lock] = {}

    @property
    def enabled(self) -> bool:
        """The run state's choice if it made one, else Settings.obey_robots."""
        chosen = self.fetcher.state.obey_robots
        return self.fetcher.settings.obey_robots if chosen is None else chosen

    async def disallowed(self, url: str) -> str | None:
        """None when robots.txt allows the URL, else the reason it is skipped."""
        state = self.fetcher.state
        if not self.enabled:
            return None
        key = origin(url)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:  # one fetch per origin even with many URLs waiting on it
            if key not in state.robots:
                state.robots[key] = await self._load(key)
        rules = state.robots[key]
        if isinstance(rules, str):
            return f"robots.txt unavailable, origin treated as disallowed: {rules}"
        if not rules.can_fetch(self.fetcher.settings.user_agent, url):
            return f"disallowed by robots.txt ({key}/robots.txt)"
        return None

    async def _load(self, key: str) -> RobotFileParser | str:
        """Fetch and parse one origin's robots.txt; the request is kept as a page (with
        its attempt) in ``state.robots_pages`` so it is stored like a listing fetch."""
        fetcher = self.fetcher
        fetcher.state.robots_requests += 1
        url = key + "/robots.txt"
        parser = RobotFileParser(url)
        page = FetchedPage(url=url, source=ROBOTS_SOURCE, outcome="failed")
        fetcher.state.robots_pages.append(page)
        started, attempted_at = time.perf_counter(), datetime.now(UTC).isoformat()
        try:
            response, body, _ = await asyncio.wait_for(
                fetcher._follow(url, {}, ("",), ROBOTS_MAX_BYTES, check_robots=False),
                fetcher.settings.total_timeout)
        except (httpx.TransportError, TimeoutError) as exc:
            fetcher._record(page, attempted_at, 0, None, 0, started, exc)
            page.reason = f"{type(exc).__name__} fetching robots.txt"
            return page.reason
        except Exception as exc:  # noqa: BLE001 - redirect loop, bad encoding, too large...
            # Only "unavailable" (4xx) means allow-all; a file we could not read
            # (redirect loop, oversize, bad encoding) is treated conservatively.
            fetcher._record(page, attempted_at, 0, None, 0, started, exc)
            page.reason = f"{type(exc).__name__}: {exc}"
            if isinstance(exc, BlockedURL):
                page.outcome = "skipped"
            return page.reason
        status = response.status_code
        fetcher._record(page, attempted_at, 0, status, len(body), started, None)
        page.status, page.final_url = status, str(response.url)
        page.content_type = response.headers.get("content-type", "")
        page.headers = {k.lower(): v for k, v in response.headers.items()}
        page.fetched_at = attempted_at
        if 400 <= status < 500:
            page.reason = f"HTTP {status} (no robots.txt: all allowed)"
            parser.allow_all = True
        elif status >= 500:
            page.reason = f"robots.txt HTTP {status}"
            return page.reason
        else:
            page.outcome, page.body = "fetched", body
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser
