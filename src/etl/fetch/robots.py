"""robots.txt: fetched once per origin per run, cached in the RunState, honoured.

Status handling follows RFC 9309 2.3.1: a 4xx robots.txt means "no rules" (allow all);
a 5xx or a network failure means the origin is treated as fully disallowed for this run.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

if TYPE_CHECKING:
    from etl.fetch.client import Fetcher

ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB


def origin(url: str) -> str:
    """scheme://host[:port] of a URL, the scope of one robots.txt."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class RobotsGate:
    """Answers "may we fetch this URL?" for one Fetcher, sharing the run's cache."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._locks: dict[str, asyncio.Lock] = {}

    async def disallowed(self, url: str) -> str | None:
        """None when robots.txt allows the URL, else the reason it is skipped."""
        state = self.fetcher.state
        if not state.obey_robots:
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
        fetcher = self.fetcher
        fetcher.state.robots_requests += 1
        parser = RobotFileParser(key + "/robots.txt")
        try:
            response, body, _ = await asyncio.wait_for(
                fetcher._follow(key + "/robots.txt", {}, ("",), ROBOTS_MAX_BYTES),
                fetcher.settings.total_timeout)
        except (httpx.TransportError, TimeoutError) as exc:
            return f"{type(exc).__name__} fetching robots.txt"
        except Exception as exc:  # noqa: BLE001 - redirect loop, bad encoding, too large...
            # Only "unavailable" (4xx) means allow-all; a file we could not read
            # (redirect loop, oversize, bad encoding) is treated conservatively.
            return f"{type(exc).__name__}: {exc}"
        status = response.status_code
        if 400 <= status < 500:
            parser.allow_all = True
        elif status >= 500:
            return f"robots.txt HTTP {status}"
        else:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser
