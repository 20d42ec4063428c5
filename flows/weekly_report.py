"""The weekly report flow: SQL transforms and checks -> briefing workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from etl.report.build import build_report
from etl.settings import Settings, load_settings


@task(cache_policy=NO_CACHE)
def make_workbook(settings: Settings, week: str | None) -> dict[str, Any]:
    """Transform, check and write the workbook for one week."""
    result = build_report(settings, week)
    return {"path": str(result.path), "week": result.week, **result.summary}


@flow(name="weekly-report", log_prints=True)
def weekly_report(week: str | None = None, db: str | None = None,
                  reports_dir: str | None = None) -> dict[str, Any]:
    """Build the briefing for an ISO week (default: the latest complete week in the data)."""
    settings = load_settings(db_path=Path(db) if db else None,
                             reports_dir=Path(reports_dir) if reports_dir else None)
    result = make_workbook(settings, week)
    get_run_logger().info("workbook for %s written to %s", result["week"], result["path"])
    return result
