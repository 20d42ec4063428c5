"""End to end: demo site over loopback -> ingest flow -> weekly report flow -> workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from etl.demo import catalog
from etl.demo.server import DemoSite

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_run(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> dict:
    from flows.ingest import ingest
    from flows.weekly_report import weekly_report

    tmp = tmp_path_factory.mktemp("e2e")
    db, reports = tmp / "etl.duckdb", tmp / "reports"
    with DemoSite() as site:
        first = ingest(feeds=[site.feed_url], sitemaps=[site.sitemap_url], db=str(db),
                       allow_hosts=["127.0.0.1"])
        second = ingest(feeds=[site.feed_url], db=str(db), allow_hosts=["127.0.0.1"])
        base_url = site.base_url
    report = weekly_report(week="2024-W43", db=str(db), reports_dir=str(reports))
    default = weekly_report(db=str(db), reports_dir=str(reports))
    return {"first": first, "second": second, "report": report, "default": default,
            "base_url": base_url, "db": db}


def test_ingest_fetches_every_article_once(demo_run: dict) -> None:
    first, second = demo_run["first"], demo_run["second"]
    assert first["fetch"] == {"fetched": len(catalog())}
    assert first["articles_parsed"] == len(catalog())
    assert first["facts"] > 0 and first["quotes"] > 0
    assert second["new"] == 0 and second["articles_parsed"] == 0  # idempotent rerun


def test_workbook_has_sheets_and_a_known_figure(demo_run: dict) -> None:
    path = Path(demo_run["report"]["path"])
    assert path.name == "briefing-2024-W43.xlsx"
    wb = load_workbook(path)
    assert {"Summary", "Key figures", "Quotes", "Articles"} <= set(wb.sheetnames)
    ws = wb["Key figures"]
    headers = [c.value for c in ws[1]]
    rows = [dict(zip(headers, r, strict=True)) for r in ws.iter_rows(min_row=2)]
    week_articles = [e for e in catalog() if e.iso_week == "2024-W43" and e.key_facts]
    expected = week_articles[0].key_facts[0]
    match = [r for r in rows if r["Value"].value == pytest.approx(expected.value)
             and r["Unit"].value == expected.unit]
    assert match, f"{expected} not in the Key figures sheet"
    row = match[0]
    assert row["Period"].value == expected.period
    assert row["Source link"].hyperlink.target.startswith(demo_run["base_url"])
    titles = {r[0].value for r in wb["Articles"].iter_rows(min_row=2)}
    assert titles == {e.title for e in catalog() if e.iso_week == "2024-W43"}


def test_default_week_is_latest_complete_week(demo_run: dict) -> None:
    latest = max(e.iso_week for e in catalog())
    assert demo_run["default"]["week"] == latest


def test_report_publishes_top_figures_and_download_link(demo_run: dict) -> None:
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    async def read() -> list:
        async with get_client() as client:
            return await client.read_artifacts(artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=["weekly-briefing", "weekly-top-figures"])))

    artifacts = {a.key: a for a in asyncio.run(read())}
    assert "briefing-2024-W43.xlsx" in str(artifacts["weekly-briefing"].data)
    assert artifacts["weekly-top-figures"].type == "table"
