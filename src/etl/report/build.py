"""The weekly report stage: transforms, checks, then the workbook for one ISO week."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb

from etl.errors import NoDataForWeek
from etl.parse.script import to_simplified
from etl.report.workbook import BriefingData, top_figures, write_briefing
from etl.settings import Settings
from etl.store.db import connect
from etl.store.transform import report_rows, run_checks, run_transforms

WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True)
class ReportResult:
    """Where the workbook went and what it holds."""

    path: Path
    week: str
    summary: dict[str, Any]
    top_figures: list[dict[str, Any]]


def parse_week(week: str) -> date:
    """Monday of an ISO week label like '2024-W43'; ValueError on a malformed label."""
    m = WEEK_RE.match(week.strip())
    if not m:
        raise ValueError(f"week must look like 2024-W43, got {week!r}")
    return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)


def _dicts(con: duckdb.DuckDBPyConnection, name: str,
           params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    cols, rows = report_rows(con, name, params)
    # Each row gets its own copy of a repeated string from DuckDB (a title, URL or sentence
    # repeats on every figure of its article): share one object per distinct string, which
    # halves the memory of the key-figures rows at the report's peak.
    shared: dict[str, str] = {}
    return [
        dict(zip(cols, (shared.setdefault(v, v) if type(v) is str else v for v in r), strict=True))
        for r in rows
    ]


def latest_complete_week(con: duckdb.DuckDBPyConnection) -> str | None:
    """The newest ISO week with articles that has already ended (local time)."""
    rows = _dicts(con, "rpt_latest_complete_week")
    return rows[0]["week"] if rows else None


def report_path(reports_dir: Path, week: str) -> Path:
    """reports/briefing-<ISO year>-W<week>.xlsx"""
    return reports_dir / f"briefing-{week}.xlsx"


def build_report(settings: Settings, week: str | None = None) -> ReportResult:
    """Run transforms and checks, then write the briefing for ``week`` (default: the
    latest complete week in the data)."""
    with connect(settings.db_path) as con:
        run_transforms(con)
        run_checks(con)
        week = week or latest_complete_week(con)
        if not week:
            raise NoDataForWeek("no complete ISO week with articles in the warehouse yet")
        week_start = parse_week(week)
        summary = _dicts(con, "rpt_summary", {"week": week})[0]
        if not summary["count_articles"]:
            raise NoDataForWeek(f"no articles published in {week}")
        wk = {"week": week}
        previous = (week_start - timedelta(days=7)).isocalendar()
        entity_params = {**wk, "previous_week": f"{previous[0]}-W{previous[1]:02d}"}
        data = BriefingData(
            week=week, week_start=week_start, summary=summary,
            key_figures=_dicts(con, "rpt_key_figures", wk),
            quotes=_dicts(con, "rpt_quotes", wk),
            articles=_dicts(con, "rpt_articles", wk),
            data_quality=_dicts(con, "rpt_data_quality"),
            generated_from=f"DuckDB warehouse {settings.db_path.name}, "
                           f"{summary['count_articles']} articles of {week}",
            trends=_dicts(con, "rpt_trends", wk),
            organisations=_dicts(con, "rpt_entities", {**entity_params, "kind": "org"}),
            people=_dicts(con, "rpt_entities", {**entity_params, "kind": "person"}),
            places=_dicts(con, "rpt_entities", {**entity_params, "kind": "place"}),
            province_mentions=_dicts(con, "rpt_province_mentions", wk),
            tracked_metric=_dicts(con, "rpt_tracked_metric", wk),
            simplify=to_simplified,
        )
    path = write_briefing(data, report_path(settings.reports_dir, week))
    _write_manifest(path, week, summary)
    return ReportResult(path, week, summary, top_figures(data.key_figures))


def _write_manifest(path: Path, week: str, summary: dict[str, Any]) -> None:
    """A small JSON beside the workbook, so readers need not open the warehouse."""
    manifest = {
        "week": week, "file": path.name, "size": path.stat().st_size,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **{k: (v.isoformat() if isinstance(v, date) else v) for k, v in summary.items()},
    }
    path.with_suffix(".json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                         encoding="utf-8")
