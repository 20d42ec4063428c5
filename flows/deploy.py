"""Deployments: what runs on a schedule, when, and with which parameters.

The two scheduled flows keep the names of the flows they wrap (``ingest`` and
``weekly-report``), so runs started by `etl ingest`/`etl report`, by a schedule and by
``prefect deployment run 'weekly-report/weekly' -p week=2024-W43`` all sit under one flow
in the Prefect UI. The wrappers add only what a schedule needs and a CLI call does not:
reading the sources file at run time, and picking "the week that just ended".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger
from prefect.deployments.runner import EntrypointType, RunnerDeployment
from prefect.schedules import Cron

from etl.fetch.config import load_sources
from flows.ingest import ingest
from flows.weekly_report import weekly_report

TIMEZONE = "Asia/Shanghai"  # the briefing's readers and its ISO weeks are Beijing time
INGEST_CRON = "0 * * * *"  # hourly, on the hour
REPORT_CRON = "0 8 * * 1"  # Monday 08:00: the week just ended is complete by then
INGEST_DEPLOYMENT = "hourly"
REPORT_DEPLOYMENT = "weekly"


@dataclass(frozen=True)
class ServeOptions:
    """What `etl serve` was told: sources, warehouse, reports folder and schedules."""

    sources_file: Path | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    allow_hosts: tuple[str, ...] = ()
    db: Path | None = None
    reports_dir: Path | None = None
    ingest_cron: str = INGEST_CRON
    report_cron: str = REPORT_CRON
    timezone: str = TIMEZONE
    tags: tuple[str, ...] = field(default=("news-etl",))


def previous_iso_week(now: datetime | None = None, tz: str = TIMEZONE) -> str:
    """The ISO week that ended most recently in ``tz``, e.g. '2024-W43' on 2024-10-28."""
    local = (now or datetime.now(ZoneInfo(tz))).astimezone(ZoneInfo(tz))
    year, week, _ = (local.date() - timedelta(days=7)).isocalendar()
    return f"{year}-W{week:02d}"


@flow(name="ingest", log_prints=True)
def scheduled_ingest(sources_file: str | None = None, feeds: list[str] | None = None,
                     sitemaps: list[str] | None = None, urls: list[str] | None = None,
                     allow_hosts: list[str] | None = None, db: str | None = None,
                     reparse: bool = False) -> dict[str, Any]:
    """The hourly ingest: the sources file (docs/sources.md, re-read every run so edits
    need no restart) plus any ad-hoc feeds/sitemaps/urls.

    With no enabled source at all the run is a logged no-op, not a failure: serving
    without sources is how the weekly report alone is scheduled.
    """
    logger = get_run_logger()
    enabled = [s for s in load_sources(sources_file) if s.enabled] if sources_file else []
    if not (enabled or feeds or sitemaps or urls or reparse):
        reason = ("no sources configured (no enabled source in the sources file, no --feed/"
                  "--sitemap/--url given to `etl serve`); nothing to ingest")
        logger.info(reason)
        return {"skipped": True, "reason": reason}
    # .fn runs the ingest body inside this flow run: one run in the UI, same tasks.
    return ingest.fn(feeds=feeds, sitemaps=sitemaps, urls=urls, db=db,
                     allow_hosts=allow_hosts, reparse=reparse, sources_file=sources_file)


@flow(name="weekly-report", log_prints=True)
def scheduled_weekly_report(week: str | None = None, db: str | None = None,
                            reports_dir: str | None = None) -> dict[str, Any]:
    """The Monday report: ``week`` if given, else the ISO week just ended (Asia/Shanghai).

    `etl report` defaults to the latest complete week *in the data*; a schedule must not
    quietly rebuild an older week when last week had no articles, so it fails instead.
    """
    week = week or previous_iso_week()
    get_run_logger().info("building the briefing for %s", week)
    return weekly_report.fn(week=week, db=db, reports_dir=reports_dir)


def _absolute(path: Path | None) -> str | None:
    # Flow runs start in the serve process's working directory; absolute paths keep the
    # deployment's parameters meaningful if it is later served from somewhere else.
    return str(path.resolve()) if path else None


def _compact(params: dict[str, Any]) -> dict[str, Any]:
    """Drop unset parameters so the flow's own defaults (and env settings) apply."""
    return {k: v for k, v in params.items() if v not in (None, [], ())}


def build_deployments(options: ServeOptions) -> list[RunnerDeployment]:
    """The hourly ingest and the weekly report, with schedules, parameters and limits."""
    ingest_params = _compact({
        "sources_file": _absolute(options.sources_file),
        "feeds": list(options.feeds), "sitemaps": list(options.sitemaps),
        "urls": list(options.urls), "allow_hosts": list(options.allow_hosts),
        "db": _absolute(options.db),
    })
    report_params = _compact({"db": _absolute(options.db),
                              "reports_dir": _absolute(options.reports_dir)})
    common: dict[str, Any] = {
        # One run at a time per deployment: DuckDB allows a single writer, and an
        # overlapping ingest would only fight the running one for the file lock.
        "concurrency_limit": 1,
        "tags": list(options.tags),
        # Module paths resolve through the installed package, whatever the cwd is.
        "entrypoint_type": EntrypointType.MODULE_PATH,
    }
    return [
        scheduled_ingest.to_deployment(
            name=INGEST_DEPLOYMENT,
            schedule=Cron(options.ingest_cron, timezone=options.timezone),
            parameters=ingest_params,
            description="Fetch new articles from the configured sources and load them.",
            **common),
        scheduled_weekly_report.to_deployment(
            name=REPORT_DEPLOYMENT,
            schedule=Cron(options.report_cron, timezone=options.timezone),
            parameters=report_params,
            description="Build reports/briefing-<week>.xlsx for the ISO week just ended.",
            **common),
    ]
