"""HTML for the reports site: plain server-rendered pages, no scripts.

Every value that comes from a file (manifest, workbook cells) is escaped; scraped article
titles end up in the Top figures block, so they are untrusted text.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from etl.web.catalog import ReportEntry
from etl.web.preview import Preview

DISPLAY_TZ = ZoneInfo("Asia/Shanghai")  # the briefing's readers are on Beijing time
STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2rem;
color:#1f2933;max-width:72rem}
h1{font-size:1.5rem}table{border-collapse:collapse;width:100%}
th,td{padding:.4rem .6rem;border-bottom:1px solid #d9e2ec;text-align:left}
th{background:#305496;color:#fff}td.n{text-align:right;font-variant-numeric:tabular-nums}
.weeks tr:first-child td{font-weight:600}a{color:#0563c1}.muted{color:#627d98}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def fmt_size(size: int) -> str:
    """Bytes as '26.1 KB' / '1.2 MB'."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def fmt_when(when: datetime | None) -> str:
    """A timestamp in Beijing time, minutes precision."""
    return when.astimezone(DISPLAY_TZ).strftime("%Y-%m-%d %H:%M") if when else ""


def fmt_value(value: Any) -> str:
    """Numbers like the workbook's '#,##0.####' format; anything else as text."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int | float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d") if value.time() == datetime.min.time() \
            else value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _count(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _page(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{_e(title)}</title><style>{STYLE}</style></head>"
            f"<body>{body}</body></html>")


def download_href(entry: ReportEntry) -> str:
    """Where a workbook is downloaded from (relative to the site root)."""
    return f"/download/{quote(entry.file)}"


def index_page(entries: list[ReportEntry]) -> str:
    """The list of weekly workbooks, newest first."""
    if not entries:
        return _page("Weekly briefings", "<h1>Weekly briefings</h1>"
                     '<p class="muted">No briefings yet: the weekly report writes them '
                     "here every Monday.</p>")
    rows = "".join(
        f'<tr data-week="{_e(e.week)}"><td><a href="/week/{quote(e.week)}">{_e(e.week)}</a>'
        f"</td><td>{_e(fmt_when(e.generated_at))}</td>"
        f'<td class="n">{_e(fmt_size(e.size))}</td>'
        f'<td class="n">{_count(e.count_articles)}</td>'
        f'<td class="n">{_count(e.count_facts)}</td>'
        f'<td class="n">{_count(e.count_quotes)}</td>'
        f'<td><a class="download" href="{download_href(e)}">{_e(e.file)}</a></td></tr>'
        for e in entries)
    return _page("Weekly briefings", (
        "<h1>Weekly briefings</h1><table><thead><tr><th>Week</th>"
        "<th>Generated (Beijing time)</th><th>Size</th><th>Articles</th><th>Facts</th>"
        f"<th>Quotes</th><th>Workbook</th></tr></thead><tbody class=\"weeks\">{rows}</tbody>"
        "</table>"))


def preview_page(entry: ReportEntry, preview: Preview) -> str:
    """One week's summary lines and Top figures, with the download link."""
    facts = "".join(f"<dt>{_e(k)}</dt><dd>{_e(fmt_value(v))}</dd>" for k, v in preview.facts)
    if preview.error:
        figures = f'<p class="muted">No preview: {_e(preview.error)}.</p>'
    elif not preview.figures:
        figures = '<p class="muted">No figures this week.</p>'
    else:
        head = "".join(f"<th>{_e(h)}</th>" for h in preview.headers)
        body = "".join(
            "<tr>" + "".join(
                f'<td class="n">{_e(fmt_value(v))}</td>' if isinstance(v, int | float)
                and not isinstance(v, bool) else f"<td>{_e(fmt_value(v))}</td>"
                for v in row) + "</tr>"
            for row in preview.figures)
        figures = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return _page(f"Briefing {entry.week}", (
        f'<p><a href="/">← All weeks</a></p><h1>Weekly briefing {_e(entry.week)}</h1>'
        f"<dl>{facts}</dl>"
        f'<p><a class="download" href="{download_href(entry)}">Download {_e(entry.file)}</a>'
        f' <span class="muted">({_e(fmt_size(entry.size))}, generated '
        f"{_e(fmt_when(entry.generated_at))})</span></p><h2>Top figures</h2>{figures}"))
