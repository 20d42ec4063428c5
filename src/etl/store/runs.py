"""The runs table: one summary row per flow run."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import duckdb


def save_run(con: duckdb.DuckDBPyConnection, run_id: str, flow: str, started: float,
             summary: dict[str, Any]) -> None:
    """Record a finished run with its summary (pages, facts, failures, duration)."""
    con.execute(
        "insert or replace into runs (run_id, flow, started_at, finished_at, summary) "
        "values (?, ?, ?, ?, ?)",
        [run_id, flow, datetime.fromtimestamp(started, UTC), datetime.now(UTC),
         json.dumps(summary, ensure_ascii=False, default=str)],
    )
