"""Run the SQL layers (staging, marts), the data checks and the report queries."""

from __future__ import annotations

from typing import Any

import duckdb

from etl.errors import DataCheckFailed
from etl.store.db import read_sql, sql_dir

LAYERS = ("staging", "intermediate", "marts")  # applied in this order; alphabetical within a layer
CHECK_SAMPLE_ROWS = 5


def run_transforms(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create or replace every staging view and mart table; returns the files run."""
    ran = []
    for layer in LAYERS:
        for path in sorted((sql_dir() / layer).glob("*.sql")):
            con.execute(path.read_text(encoding="utf-8"))
            ran.append(f"{layer}/{path.name}")
    return ran


def run_checks(con: duckdb.DuckDBPyConnection) -> int:
    """Run every sql/checks query; raise DataCheckFailed naming the first that returns rows."""
    failures = []
    paths = sorted((sql_dir() / "checks").glob("*.sql"))
    for path in paths:
        cur = con.execute(path.read_text(encoding="utf-8"))
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
        if rows:
            sample = [dict(zip(cols, r, strict=True)) for r in rows[:CHECK_SAMPLE_ROWS]]
            failures.append(f"check {path.stem} failed ({len(rows)} rows), e.g. {sample}")
    if failures:
        raise DataCheckFailed("; ".join(failures))
    return len(paths)


def report_rows(con: duckdb.DuckDBPyConnection, name: str,
                params: dict[str, Any] | None = None) -> tuple[list[str], list[tuple]]:
    """Column names and rows of sql/reports/<name>.sql with named parameters."""
    cur = con.execute(read_sql(f"reports/{name}.sql"), params or {})
    cols = [d[0] for d in cur.description]
    return cols, cur.fetchall()
