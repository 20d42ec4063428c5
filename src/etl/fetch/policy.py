"""Run-wide fetch state shared by every batch: targets, host politeness, retry budget, robots.

A run fetches in several batches (one Prefect task each, each with its own event loop), so
anything that must hold "per run" lives here as plain data rather than in a Fetcher.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from urllib.robotparser import RobotFileParser

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
    """A run-wide cap on retries, shared across batches (thread-safe, loop-agnostic)."""

    def __init__(self, total: int = DEFAULT_RETRY_BUDGET) -> None:
        self.total = total
        self.used = 0
        self._lock = threading.Lock()

    def take(self) -> bool:
        """Spend one retry; False when the budget is gone."""
        with self._lock:
            if self.used >= self.total:
                return False
            self.used += 1
            return True


@dataclass
class RunState:
    """Everything a run's Fetchers share: per-host policies, retry budget, robots cache."""

    host_policies: dict[str, HostPolicy] = field(default_factory=dict)
    retry_budget: RetryBudget = field(default_factory=RetryBudget)
    obey_robots: bool = True
    # origin ("http://host:port") -> parsed robots.txt, or a reason string when the file
    # could not be read and the origin is treated as fully disallowed (RFC 9309 2.3.1.4).
    robots: dict[str, RobotFileParser | str] = field(default_factory=dict)
    robots_requests: int = 0


def as_target(item: Target | tuple[str, str]) -> Target:
    """Accept the older (url, source) pairs as well as Targets."""
    return item if isinstance(item, Target) else Target(url=item[0], source=item[1])
