"""Run settings: defaults, overridden by environment variables, then by CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_DB = Path("data/etl.duckdb")
DEFAULT_REPORTS_DIR = Path("reports")
DEFAULT_USER_AGENT = "news-etl/0.1 (+https://example.invalid/news-etl; briefing crawler)"


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know; one object passed down the stages."""

    db_path: Path = DEFAULT_DB
    reports_dir: Path = DEFAULT_REPORTS_DIR
    user_agent: str = DEFAULT_USER_AGENT
    # Timeouts in seconds; the total timeout bounds a whole response, drips included.
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0
    max_body_bytes: int = 10 * 1024 * 1024  # news pages are < 1 MB; 10 MB leaves headroom
    max_redirects: int = 5
    concurrency: int = 16
    per_host_concurrency: int = 4
    per_host_delay: float = 0.0
    max_retries: int = 2
    retry_budget: int = 200  # retries per run, all URLs together (a dying site can't stall us)
    obey_robots: bool = True  # False only for sites you own (etl ingest --ignore-robots)
    allow_hosts: frozenset[str] = field(default_factory=frozenset)

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with the given non-None fields replaced."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_settings(**overrides: object) -> Settings:
    """Defaults, then ``ETL_DB`` / ``ETL_REPORTS_DIR`` / ``ETL_USER_AGENT`` /
    ``ETL_RETRY_BUDGET`` / ``ETL_IGNORE_ROBOTS``, then overrides."""
    env: dict[str, object] = {}
    if os.environ.get("ETL_DB"):
        env["db_path"] = Path(os.environ["ETL_DB"])
    if os.environ.get("ETL_REPORTS_DIR"):
        env["reports_dir"] = Path(os.environ["ETL_REPORTS_DIR"])
    if os.environ.get("ETL_USER_AGENT"):
        env["user_agent"] = os.environ["ETL_USER_AGENT"]
    if os.environ.get("ETL_RETRY_BUDGET"):
        env["retry_budget"] = int(os.environ["ETL_RETRY_BUDGET"])
    if os.environ.get("ETL_IGNORE_ROBOTS", "").lower() in ("1", "true", "yes"):
        env["obey_robots"] = False
    return Settings().with_overrides(**env).with_overrides(**overrides)
