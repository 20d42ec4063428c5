"""Deployments built without serving: schedules, time zone, parameters, limits; and the
scheduled wrappers' own logic (sources file, the week just ended, the no-op ingest)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from etl.cli import build_parser
from flows.deploy import (
    ServeOptions,
    build_deployments,
    previous_iso_week,
    scheduled_ingest,
)

pytestmark = pytest.mark.slow
SHANGHAI = ZoneInfo("Asia/Shanghai")


def by_name(options: ServeOptions) -> dict[str, object]:
    return {f"{d.flow_name}/{d.name}": d for d in build_deployments(options)}


def test_schedules_timezone_and_limits(tmp_path: Path) -> None:
    deps = by_name(ServeOptions())
    assert set(deps) == {"ingest/hourly", "weekly-report/weekly"}
    ingest, weekly = deps["ingest/hourly"], deps["weekly-report/weekly"]
    for dep, cron in ((ingest, "0 * * * *"), (weekly, "0 8 * * 1")):
        [schedule] = dep.schedules
        assert schedule.schedule.cron == cron
        assert schedule.schedule.timezone == "Asia/Shanghai"
        assert schedule.active
        assert dep.concurrency_limit == 1
        assert not dep.paused
    assert ingest.entrypoint == "flows.deploy.scheduled_ingest"
    assert weekly.entrypoint == "flows.deploy.scheduled_weekly_report"
    # No week parameter: each scheduled run picks the week just ended; -p week= overrides.
    assert weekly.parameters == {} and ingest.parameters == {}


def test_parameters_carry_sources_and_absolute_paths(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    sources = tmp_path / "sources.toml"
    sources.write_text(ALL_DISABLED, encoding="utf-8")
    deps = by_name(ServeOptions(sources_file=Path("sources.toml"),
                                feeds=("https://b.example/feed",), allow_hosts=("127.0.0.1",),
                                db=Path("data/etl.duckdb"), reports_dir=Path("out")))
    assert deps["ingest/hourly"].parameters == {
        "sources_file": str(sources), "feeds": ["https://b.example/feed"],
        "allow_hosts": ["127.0.0.1"], "db": str(tmp_path / "data/etl.duckdb")}
    assert deps["weekly-report/weekly"].parameters == {
        "db": str(tmp_path / "data/etl.duckdb"), "reports_dir": str(tmp_path / "out")}


def test_schedules_can_be_changed_from_the_cli() -> None:
    args = build_parser().parse_args(["serve", "--ingest-cron", "*/15 * * * *",
                                      "--report-cron", "30 9 * * 1", "--timezone", "UTC"])
    assert (args.ingest_cron, args.report_cron, args.timezone) == (
        "*/15 * * * *", "30 9 * * 1", "UTC")
    deps = by_name(ServeOptions(ingest_cron=args.ingest_cron, report_cron=args.report_cron,
                                timezone=args.timezone))
    assert deps["weekly-report/weekly"].schedules[0].schedule.cron == "30 9 * * 1"
    assert deps["ingest/hourly"].schedules[0].schedule.timezone == "UTC"


@pytest.mark.parametrize(("now", "week"), [
    (datetime(2024, 10, 28, 8, 0, tzinfo=SHANGHAI), "2024-W43"),  # the scheduled Monday
    (datetime(2024, 10, 27, 20, 0, tzinfo=UTC), "2024-W43"),  # Monday 04:00 in Shanghai
    (datetime(2024, 10, 27, 15, 0, tzinfo=UTC), "2024-W42"),  # still Sunday in Shanghai
    (datetime(2025, 1, 6, 8, 0, tzinfo=SHANGHAI), "2025-W01"),
    (datetime(2025, 1, 1, 8, 0, tzinfo=SHANGHAI), "2024-W52"),
    (datetime(2021, 1, 4, 8, 0, tzinfo=SHANGHAI), "2020-W53"),  # a 53-week year
])
def test_previous_iso_week(now: datetime, week: str) -> None:
    assert previous_iso_week(now) == week


ALL_DISABLED = """
[[source]]
name = "paused feed"
kind = "feed"
url = "https://news.example/rss.xml"
enabled = false
"""


@pytest.mark.parametrize("with_file", [False, True])
def test_ingest_without_sources_is_a_logged_no_op(tmp_path: Path, with_file: bool) -> None:
    from prefect.logging import disable_run_logger

    sources = tmp_path / "sources.toml"
    sources.write_text(ALL_DISABLED, encoding="utf-8")
    with disable_run_logger():
        result = scheduled_ingest.fn(sources_file=str(sources) if with_file else None,
                                     db=str(tmp_path / "x.duckdb"))
    assert result["skipped"] is True and "no sources configured" in result["reason"]
    assert not (tmp_path / "x.duckdb").exists()  # never touched the warehouse


def test_a_broken_sources_file_fails_the_run_with_its_line(tmp_path: Path) -> None:
    from prefect.logging import disable_run_logger

    from etl.fetch.config import SourcesFileError

    sources = tmp_path / "sources.toml"
    sources.write_text(ALL_DISABLED.replace("enabled", "enabeld"), encoding="utf-8")
    with disable_run_logger(), pytest.raises(SourcesFileError, match="enabeld"):
        scheduled_ingest.fn(sources_file=str(sources))
