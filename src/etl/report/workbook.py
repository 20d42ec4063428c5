"""Build the weekly briefing workbook from the report queries in sql/reports."""

from __future__ import annotations

import os
import tempfile
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from etl.report.cells import header_cell, link_cell, text_cell, value_cell
from etl.report.xlsx_determinism import normalize_xlsx

NUMBER_FORMAT = "#,##0.####"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
TOP_FIGURES = 10
CURRENCY_UNITS = ("元", "美元", "欧元", "港元", "日元", "英镑", "USD", "$")


@dataclass(frozen=True)
class Column:
    """One column of a sheet: header, source field, width and how to write a value."""

    header: str
    field: str
    width: float = 14
    kind: str = "text"  # text | number | date | datetime | link


@dataclass(frozen=True)
class BriefingData:
    """Everything the workbook shows for one week."""

    week: str
    week_start: date
    summary: dict[str, Any]
    key_figures: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    data_quality: list[dict[str, Any]]
    generated_from: str


KEY_FIGURE_COLUMNS = [
    Column("Value", "value", 16, "number"), Column("Unit", "unit", 8),
    Column("Approx", "approx", 7), Column("Metric", "metric", 22),
    Column("Subject", "subject", 26), Column("Period", "period", 14),
    Column("As written", "text", 14), Column("Sentence", "sentence", 60),
    Column("Article", "article_title", 40), Column("Published", "published_date", 12, "date"),
    Column("Source link", "url", 40, "link"),
]
QUOTE_COLUMNS = [
    Column("Speaker", "speaker", 12), Column("Role", "role", 20), Column("Organisation", "org", 26),
    Column("Quote", "text", 70), Column("Article", "article_title", 40),
    Column("Published", "published_date", 12, "date"), Column("Source link", "url", 40, "link"),
]
ARTICLE_COLUMNS = [
    Column("Title", "title", 50), Column("Published", "published_at", 17, "datetime"),
    Column("Source", "source_name", 14), Column("Authors", "authors", 16),
    Column("Language", "language", 9), Column("Facts", "count_facts", 7, "number"),
    Column("Quotes", "count_quotes", 7, "number"), Column("Link", "url", 45, "link"),
]
QUALITY_COLUMNS = [
    Column("Stage", "stage", 10), Column("Outcome", "outcome", 12), Column("Reason", "reason", 30),
    Column("Pages", "count_pages", 8, "number"), Column("Example", "example_url", 50, "link"),
]


def _write_value(ws: Worksheet, column: Column, row: dict[str, Any]) -> WriteOnlyCell:
    value = row.get(column.field)
    if column.kind == "link":
        return link_cell(ws, value)
    if column.kind == "number":
        return value_cell(ws, value, NUMBER_FORMAT)
    if column.kind in ("date", "datetime"):
        if isinstance(value, datetime):
            value = value.replace(tzinfo=None)  # Excel has no time zones: local time shown
        return value_cell(ws, value, DATE_FORMAT if column.kind == "date" else DATETIME_FORMAT)
    return text_cell(ws, None if value is None else str(value))


def _table_sheet(wb: Workbook, title: str, columns: Sequence[Column],
                 rows: list[dict[str, Any]]) -> None:
    """A sheet holding one Excel table with filters, a frozen header and set widths."""
    ws = wb.create_sheet(title)
    for i, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = "A2"
    ws.append([header_cell(ws, c.header) for c in columns])
    for row in rows:
        ws.append([_write_value(ws, c, row) for c in columns])
    last = get_column_letter(len(columns))
    ref = f"A1:{last}{max(len(rows), 1) + 1}"
    table = Table(displayName=title.replace(" ", ""), ref=ref)
    table.tableColumns = [TableColumn(id=i + 1, name=c.header) for i, c in enumerate(columns)]
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    with warnings.catch_warnings():
        # openpyxl warns in write-only mode even when tableColumns are set, as they are here.
        warnings.filterwarnings("ignore", "In write-only mode", UserWarning)
        ws.add_table(table)


def top_figures(facts: list[dict[str, Any]], limit: int = TOP_FIGURES) -> list[dict[str, Any]]:
    """The week's headline figures: money first (largest first), then the rest in order."""
    money = [f for f in facts if f.get("unit") in CURRENCY_UNITS]
    money.sort(key=lambda f: (-(f.get("value") or 0), f.get("url") or "", f.get("text") or ""))
    rest = [f for f in facts if f.get("unit") not in CURRENCY_UNITS]
    return (money + rest)[:limit]


def _summary_sheet(wb: Workbook, data: BriefingData) -> None:
    ws = wb.create_sheet("Summary")
    for letter, width in zip("ABCDEF", (22, 16, 8, 22, 26, 45), strict=True):
        ws.column_dimensions[letter].width = width
    s = data.summary

    def line(label: str, value: Any, fmt: str | None = None) -> None:
        ws.append([header_cell(ws, label), value_cell(ws, value, fmt)])

    ws.append([text_cell(ws, f"Weekly briefing {data.week}")])
    line("Week", data.week)
    line("From", s.get("first_published_date") or data.week_start, DATE_FORMAT)
    line("To", s.get("last_published_date"), DATE_FORMAT)
    line("Articles", s.get("count_articles", 0))
    line("Facts", s.get("count_facts", 0))
    line("Quotes", s.get("count_quotes", 0))
    line("Sources", s.get("count_sources", 0))
    line("Fetch/parse failures (all time)", s.get("count_failures", 0))
    ws.append([])
    ws.append([text_cell(ws, "Top figures")])
    heads = ["Value", "Unit", "Approx", "Metric", "Subject", "Source link"]
    ws.append([header_cell(ws, h) for h in heads])
    for f in top_figures(data.key_figures):
        ws.append([value_cell(ws, f.get("value"), NUMBER_FORMAT), text_cell(ws, f.get("unit")),
                   text_cell(ws, f.get("approx")), text_cell(ws, f.get("metric")),
                   text_cell(ws, f.get("subject")),
                   link_cell(ws, f.get("url"), f.get("article_title"))])


def _about_sheet(wb: Workbook, data: BriefingData) -> None:
    ws = wb.create_sheet("About")
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 90
    rows = [
        ("Briefing", f"Weekly news-to-facts briefing for ISO week {data.week} (Asia/Shanghai)."),
        ("Data", data.generated_from),
        ("Method", "Pages fetched with httpx, parsed into articles, figures and quotes "
                   "extracted by rule, loaded into DuckDB and summarised by SQL in sql/."),
        ("Traceability", "Every figure and quote row links to the article it came from and "
                         "quotes the sentence it stands in."),
    ]
    for label, text in rows:
        ws.append([header_cell(ws, label), text_cell(ws, text)])


SHEETS: list[tuple[str, Callable[[Workbook, BriefingData], None]]] = [
    ("Summary", _summary_sheet),
    ("Key figures", lambda wb, d: _table_sheet(wb, "Key figures", KEY_FIGURE_COLUMNS,
                                               d.key_figures)),
    ("Quotes", lambda wb, d: _table_sheet(wb, "Quotes", QUOTE_COLUMNS, d.quotes)),
    ("Articles", lambda wb, d: _table_sheet(wb, "Articles", ARTICLE_COLUMNS, d.articles)),
    ("Data quality", lambda wb, d: _table_sheet(wb, "Data quality", QUALITY_COLUMNS,
                                                d.data_quality)),
    ("About", _about_sheet),
]


def write_briefing(data: BriefingData, path: Path) -> Path:
    """Write the workbook atomically (temp file, normalise, rename) and return its path."""
    wb = Workbook(write_only=True)
    for _, build in SHEETS:
        build(wb, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        normalize_xlsx(Path(tmp), datetime.combine(data.week_start, datetime.min.time()))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
