"""What the Prefect UI shows for a report run: the week's top figures and a download link."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote

from etl.report.formats import display_figure

# Where the download app (etl web) is reachable for people opening the Prefect UI.
DEFAULT_WEB_BASE_URL = "http://127.0.0.1:8000"


def download_link(file_name: str) -> str:
    """URL of a workbook on the download app (``ETL_WEB_BASE_URL`` overrides the host)."""
    base = os.environ.get("ETL_WEB_BASE_URL", DEFAULT_WEB_BASE_URL).rstrip("/")
    return f"{base}/download/{quote(file_name)}"


def top_figures_table(figures: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Rows for a Prefect table artifact (strings only, as the UI renders them)."""
    return [{"figure": display_figure(f.get("value"), f.get("unit"), f.get("approx")),
             "metric": f.get("metric") or "", "subject": f.get("subject") or "",
             "period": f.get("period") or "", "article": f.get("article_title") or "",
             "url": f.get("url") or ""} for f in figures]
