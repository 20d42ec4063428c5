"""A temp reports folder holding real workbooks written by etl.report.workbook."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from etl.report.build import parse_week
from etl.report.workbook import BriefingData, write_briefing

FORMULA_TITLE = '=HYPERLINK("http://evil.example","点击")<b>港口</b>数据'
TOKEN = "test-token-0123456789abcdef"


def briefing(week: str, articles: int) -> BriefingData:
    """A small week: one money figure (with a hostile article title) and one percent."""
    monday = parse_week(week)
    money = {"value": 5.1e12, "unit": "元", "approx": None, "metric": "营业收入",
             "subject": "京津冀三地规模以上工业企业", "period": "2024-H1", "text": "5.1万亿元",
             "sentence": "营业收入5.1万亿元", "article_title": FORMULA_TITLE,
             "published_date": monday, "url": "http://127.0.0.1:1/news/a.html"}
    pct = {**money, "value": 5.2, "unit": "%", "text": "5.2%", "metric": "同比增长",
           "article_title": "港口吞吐量"}
    return BriefingData(
        week=week, week_start=monday,
        summary={"count_articles": articles, "count_facts": 2, "count_quotes": 0,
                 "count_sources": 1, "count_failures": 0, "first_published_date": monday,
                 "last_published_date": monday + timedelta(days=2)},
        key_figures=[pct, money], quotes=[], articles=[], data_quality=[],
        generated_from="test")


def write_week(folder: Path, week: str, articles: int, manifest: bool = True) -> Path:
    """Write briefing-<week>.xlsx and, like build_report, its JSON manifest."""
    data = briefing(week, articles)
    path = write_briefing(data, folder / f"briefing-{week}.xlsx")
    if manifest:
        doc = {"week": week, "file": path.name, "size": path.stat().st_size,
               "generated_at": datetime(2024, 10, 28, 0, 5, tzinfo=UTC).isoformat(),
               **{k: (v.isoformat() if isinstance(v, date) else v)
                  for k, v in data.summary.items()}}
        path.with_suffix(".json").write_text(json.dumps(doc, ensure_ascii=False),
                                             encoding="utf-8")
    return path


@pytest.fixture
def reports_dir(tmp_path: Path) -> Path:
    """Weeks W42 and W43 with manifests, W41 without, plus files that must not be served."""
    folder = tmp_path / "reports"
    folder.mkdir()
    write_week(folder, "2024-W42", articles=3)
    write_week(folder, "2024-W43", articles=6)
    write_week(folder, "2024-W41", articles=1, manifest=False)
    (folder / "tmpab12cd.xlsx").write_bytes(b"half-written")  # an in-progress write
    (folder / "notes.txt").write_text("internal", encoding="utf-8")
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "briefing-2024-W40.xlsx").write_bytes(b"outside the reports folder")
    (folder / "briefing-2024-W40.xlsx").symlink_to(outside / "briefing-2024-W40.xlsx")
    return folder
