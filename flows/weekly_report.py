"""The weekly report flow: SQL transforms and checks -> briefing workbook -> artifacts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_link_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from etl.report.artifacts import download_link, top_figures_table
from etl.report.build import build_report
from etl.settings import Settings, load_settings


@task(cache_policy=NO_CACHE, retries=1, retry_delay_seconds=10)
def make_workbook(settings: Settings, week: str | None) -> dict[str, Any]:
    """Transform, check and write the workbook for one week."""
    result = build_report(settings, week)
    return {"path": str(result.path), "week": result.week, **result.summary,
            "top_figures": result.top_figures}


@task(cache_policy=NO_CACHE)
def publish_artifacts(result: dict[str, Any]) -> None:
    """Show the week's top figures and a download link on the flow run's page."""
    name = Path(result["path"]).name
    create_table_artifact(key="weekly-top-figures",
                          table=top_figures_table(result["top_figures"]),
                          description=f"Top figures of {result['week']}")
    create_link_artifact(key="weekly-briefing", link=download_link(name), link_text=name,
                         description=f"Briefing workbook for {result['week']}")


@flow(name="weekly-report", log_prints=True)
def weekly_report(week: str | None = None, db: str | None = None,
                  reports_dir: str | None = None) -> dict[str, Any]:
    """Build the briefing for an ISO week (default: the latest complete week in the data)."""
    settings = load_settings(db_path=Path(db) if db else None,
                             reports_dir=Path(reports_dir) if reports_dir else None)
    result = make_workbook(settings, week)
    publish_artifacts(result)
    get_run_logger().info("workbook for %s written to %s", result["week"], result["path"])
    return result
