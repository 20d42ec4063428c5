"""Run-wide fetch state shared by every batch: targets, host politeness, retry budget, robots.

A run fetches in several batches (one Prefect task each, each with its own event loop), so
anything that must hold "per run" lives here as plain data rather than in a Fetcher.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.robotparser import RobotFileParser

if TYPE_CHECKING:
    from etl.records import FetchedPage

DEFAULT_RETRY_BUDGET = 200  # retries per run, all URLs together: a dying site can't stall us


@dataclass(frozen=True, slots=True)
class Target:
    """One URL to fetch, the source it came from, and what we know from earlier runs."""

    url: str
    source: str
    may_change: bool = False
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class HostPolicy:
    """Politeness for one host: minimum delay between requests and parallel requests."""

    delay: float
    concurrency: int


class RetryBudget:
    """A run-wide cap on retries, shared across batches (thread-safe, loop-agnostic).

    Without a total, the first Fetcher of the run sets it from ``Settings.retry_budget``."""

    def __init__(self, total: int | None = None) -> None:
        self.total = total
        self.used = 0
        self._lock = threading.Lock()

    def configure(self, total: int) -> None:
        """Set the total unless one was given explicitly."""
        with self._lock:
            if self.total is None:
                self.total = total

    def take(self) -> bool:
        """Spend one retry; False when the budget is gone."""
        with self._lock:
            if self.used >= (DEFAULT_RETRY_BUDGET if self.total is None else self.total):
                return False
            self.used += 1
            return True


@dataclass
class RunState:
    """Everything a run's Fetchers share: per-host policies, retry budget, robots cache."""

    host_policies: dict[str, HostPolicy] = field(default_factory=dict)
    retry_budget: RetryBudget = field(default_factory=RetryBudget)
    obey_robots: bool | None = None  # None: Settings.obey_robots decides
    # origin ("http://host:port") -> parsed robots.txt, or a reason string when the file
    # could not be read and the origin is treated as fully disallowed (RFC 9309 2.3.1.4).
    robots: dict[str, RobotFileParser | str] = field(default_factory=dict)
    robots_requests: int = 0
    # robots.txt fetches (one page each, with its attempts) not yet stored; discovery
    # hands them to the flow with the listings (see etl.fetch.sources).
    robots_pages: list[FetchedPage] = field(default_factory=list)

    def take_robots_pages(self) -> list[FetchedPage]:
        """The robots.txt fetches made since the last call (each is returned once)."""
        taken = self.robots_pages[:]
        del self.robots_pages[:len(taken)]
        return taken


def as_target(item: Target | tuple[str, str]) -> Target:
    """Accept the older (url, source) pairs as well as Targets."""
    return item if isinstance(item, Target) else Target(url=item[0], source=item[1])
