"""Build the weekly briefing workbook from rows of the report queries in sql/reports."""

from __future__ import annotations

import os
import tempfile
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from etl.report.cells import (
    header_cell,
    link_cell,
    plain_text,
    section_cell,
    text_cell,
    value_cell,
)
from etl.report.charts import add_bar_chart, add_line_chart
from etl.report.formats import INTEGER_FORMAT, NUMBER_FORMAT, display_figure, excel_value
from etl.report.sheet_xml import CellEncoder, TableRows
from etl.report.xlsx_determinism import normalize_xlsx

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
RATIO_FORMAT = "+0.0%;-0.0%;0.0%"
TOP_FIGURES = 10
CURRENCY_UNITS = ("元", "美元", "欧元", "港元", "日元", "英镑", "USD", "$")


@dataclass(frozen=True)
class Column:
    """One column of a table sheet: header, source field, width and value kind."""

    header: str
    field: str
    width: float = 14
    kind: str = "text"  # text | number | integer | ratio | date | datetime | link | figure


@dataclass(frozen=True)
class BriefingData:
    """Everything the workbook shows for one week (rows are dicts from sql/reports)."""

    week: str
    week_start: date
    summary: dict[str, Any]
    key_figures: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    data_quality: list[dict[str, Any]]
    generated_from: str
    trends: list[dict[str, Any]] = field(default_factory=list)
    organisations: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    province_mentions: list[dict[str, Any]] = field(default_factory=list)
    tracked_metric: list[dict[str, Any]] = field(default_factory=list)
    simplify: Callable[[str], str] | None = None  # folds traditional text for the extra column


KEY_FIGURE_COLUMNS = [
    Column("Figure", "_figure", 16), Column("Value", "value", 16, "figure"),
    Column("Unit", "unit", 8), Column("Approx", "approx", 7), Column("Metric", "metric", 22),
    Column("Subject", "subject", 26), Column("Period", "period", 14),
    Column("As written", "text", 14), Column("Sentence", "sentence", 60),
    Column("Sentence (simplified)", "_sentence_simplified", 40),
    Column("Article", "article_title", 40), Column("Outlets", "outlets", 20),
    Column("Published", "published_date", 12, "date"), Column("Source link", "url", 40, "link"),
]
TREND_COLUMNS = [
    Column("Metric", "metric", 22), Column("Subject", "subject", 26), Column("Unit", "unit", 8),
    Column("Week", "published_week", 10), Column("Latest value", "latest_value", 16, "figure"),
    Column("Period", "latest_period", 14), Column("Previous value", "previous_value", 16,
                                                  "figure"),
    Column("Change", "change_ratio", 10, "ratio"), Column("Mentions", "count_mentions", 9,
                                                          "integer"),
    Column("Source link", "latest_url", 40, "link"),
]
QUOTE_COLUMNS = [
    Column("Speaker", "speaker", 12), Column("Role", "role", 20), Column("Organisation", "org", 26),
    Column("Quote", "text", 70), Column("Quote (simplified)", "_text_simplified", 40),
    Column("Article", "article_title", 40), Column("Published", "published_date", 12, "date"),
    Column("Source link", "url", 40, "link"),
]
ENTITY_COLUMNS = [
    Column("Name", "name", 28), Column("Province", "province", 12),
    Column("Mentions", "count_mentions", 10, "integer"),
    Column("Stories", "count_stories", 9, "integer"),
    Column("Previous week", "previous_mentions", 13, "integer"),
    Column("Change", "change", 9, "integer"),
]
ARTICLE_COLUMNS = [
    Column("Title", "title", 50), Column("Title (simplified)", "_title_simplified", 30),
    Column("Published", "published_at", 17, "datetime"), Column("Source", "source_name", 14),
    Column("Authors", "authors", 16), Column("Language", "language", 9),
    Column("Facts", "count_facts", 7, "integer"), Column("Quotes", "count_quotes", 7, "integer"),
    Column("Copies", "count_copies", 7, "integer"), Column("Outlets", "outlets", 24),
    Column("Link", "url", 45, "link"),
]
QUALITY_COLUMNS = [
    Column("Stage", "stage", 10), Column("Outcome", "outcome", 12), Column("Reason", "reason", 30),
    Column("Pages", "count_pages", 8, "integer"), Column("Example", "example_url", 50, "link"),
]


def _cell(ws: Worksheet, column: Column, row: dict[str, Any]) -> WriteOnlyCell | str | None:
    value = row.get(column.field)
    if column.kind == "link":
        return link_cell(ws, value)
    if column.kind == "figure":
        number, fmt = excel_value(value, row.get("unit"))
        return value_cell(ws, number, fmt)
    if column.kind == "number":
        return value_cell(ws, value, NUMBER_FORMAT)
    if column.kind == "integer":
        return value_cell(ws, value, INTEGER_FORMAT)
    if column.kind == "ratio":
        return value_cell(ws, value, RATIO_FORMAT)
    if column.kind in ("date", "datetime"):
        if isinstance(value, datetime):
            value = value.replace(tzinfo=None)  # Excel has no time zones: local time shown
        return value_cell(ws, value, DATE_FORMAT if column.kind == "date" else DATETIME_FORMAT)
    return plain_text(ws, None if value is None else str(value))


def _encoder(out: TableRows, ws: Worksheet, column: Column) -> CellEncoder:
    """What ``_cell`` writes for ``column``, serialised directly where that is simple
    (sheet_xml.py); ``_cell`` itself makes every other cell."""
    name = column.field

    def original(row: dict[str, Any]) -> WriteOnlyCell | str | None:
        return _cell(ws, column, row)

    if column.kind == "link":
        return out.link(lambda row: row.get(name), original)
    if column.kind == "figure":
        return out.number(lambda row: excel_value(row.get(name), row.get("unit")), original)
    if column.kind in ("number", "integer", "ratio"):
        fmt = {"number": NUMBER_FORMAT, "integer": INTEGER_FORMAT,
               "ratio": RATIO_FORMAT}[column.kind]
        return out.number(lambda row: (row.get(name), fmt), original)
    if column.kind in ("date", "datetime"):
        fmt = DATE_FORMAT if column.kind == "date" else DATETIME_FORMAT

        def when(row: dict[str, Any]) -> tuple[Any, str]:
            value = row.get(name)
            if isinstance(value, datetime):
                value = value.replace(tzinfo=None)
            return value, fmt
        return out.number(when, original)
    return out.text(lambda row: row.get(name), original)


# Sheets narrower than this (in character widths) print on one page across; wider ones
# (Key figures) would shrink to an unreadable size, so they print across several pages.
PRINT_FIT_MAX_WIDTH = 260


def _print_setup(ws: Worksheet, fit_width: bool) -> None:
    ws.page_setup.orientation = "landscape"
    if fit_width:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True


def _table_sheet(wb: Workbook, title: str, columns: Sequence[Column],
                 rows: Iterable[dict[str, Any]]) -> None:
    """A sheet holding one Excel table with filters, a frozen header and set widths."""
    ws = wb.create_sheet(title)
    for i, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = "A2"
    _print_setup(ws, fit_width=sum(c.width for c in columns) <= PRINT_FIT_MAX_WIDTH)
    out = TableRows(ws)
    out.append([header_cell(ws, c.header) for c in columns])
    encoders = [_encoder(out, ws, c) for c in columns]
    count = 0
    for row in rows:  # rows may be a generator: large weeks stream through
        out.append_record(row, encoders)
        count += 1
    table = Table(displayName=title.replace(" ", ""),
                  ref=f"A1:{get_column_letter(len(columns))}{max(count, 1) + 1}")
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
    for letter, width in zip("ABCDEFG", (34, 20, 22, 18, 8, 40, 4), strict=True):
        ws.column_dimensions[letter].width = width
    _print_setup(ws, fit_width=True)
    s = data.summary
    rows_written = 0

    def append(cells: list[Any]) -> None:
        nonlocal rows_written
        ws.append(cells)
        rows_written += 1

    def line(label: str, value: Any, fmt: str | None = None) -> None:
        append([header_cell(ws, label), value_cell(ws, value, fmt)])

    append([section_cell(ws, f"Weekly briefing {data.week}", size=14)])
    line("Week", data.week)
    line("From", s.get("first_published_date") or data.week_start, DATE_FORMAT)
    line("To", s.get("last_published_date"), DATE_FORMAT)
    line("Articles", s.get("count_articles", 0), INTEGER_FORMAT)
    line("Stories (syndicated copies merged)", s.get("count_stories", 0), INTEGER_FORMAT)
    line("Figures (once per story)", s.get("count_figures", 0), INTEGER_FORMAT)
    line("Fact mentions", s.get("count_facts", 0), INTEGER_FORMAT)
    line("Quotes", s.get("count_quotes", 0), INTEGER_FORMAT)
    line("Sources", s.get("count_sources", 0), INTEGER_FORMAT)
    line("Fetch/parse failures (all time)", s.get("count_failures", 0), INTEGER_FORMAT)
    append([])
    append([section_cell(ws, "Top figures")])
    append([header_cell(ws, h) for h in ("Figure", "Metric", "Subject", "Period", "Unit",
                                         "Article")])
    for f in top_figures(data.key_figures):
        append([text_cell(ws, display_figure(f.get("value"), f.get("unit"), f.get("approx"))),
                text_cell(ws, f.get("metric")), text_cell(ws, f.get("subject")),
                text_cell(ws, f.get("period")), text_cell(ws, f.get("unit")),
                link_cell(ws, f.get("url"), f.get("article_title"))])
    if data.province_mentions:
        append([])
        append([section_cell(ws, "Mentions by province")])
        first = rows_written + 1
        append([header_cell(ws, "Province"), header_cell(ws, "Mentions")])
        for r in data.province_mentions:
            append([text_cell(ws, r["province"]), value_cell(ws, r["count_mentions"])])
        add_bar_chart(ws, "Mentions by province", first, rows_written, anchor="H2")
    if len(data.tracked_metric) >= 1:
        m = data.tracked_metric[0]
        append([])
        label = f"{m['metric']} {m.get('subject') or ''} ({m['unit']})".replace("  ", " ")
        append([section_cell(ws, f"Tracked metric: {label}")])
        first = rows_written + 1
        append([header_cell(ws, "Week"), header_cell(ws, "Value")])
        for r in data.tracked_metric:
            append([text_cell(ws, r["published_week"]),
                    value_cell(ws, r["latest_value"], NUMBER_FORMAT)])
        add_line_chart(ws, f"{label} by week", first, rows_written, anchor="H20")


def _about_sheet(wb: Workbook, data: BriefingData) -> None:
    ws = wb.create_sheet("About")
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 100
    rows = [
        ("Briefing", f"Weekly news-to-facts briefing for ISO week {data.week} "
                     "(weeks run Monday to Sunday, Asia/Shanghai time)."),
        ("Generated from", data.generated_from),
        ("Sources", ", ".join(sorted({r.get("outlets") or "" for r in data.articles} - {""}))
         or "none"),
        ("Method", "Pages are fetched with httpx (raw bytes kept), decoded and repaired "
                   "(mis-declared charsets, byte-shifted GB18030, pinyin annotations), parsed "
                   "into articles; figures, quotes and names are extracted by rule and loaded "
                   "into DuckDB; SQL in sql/ builds the sheets."),
        ("Syndication", "Copies of one story on several outlets (near-duplicate bodies, "
                        "MinHash) are one story: a figure is counted once per story and the "
                        "outlets that carried it are listed."),
        ("Traceability", "Every figure and quote row links to its article and quotes the "
                         "sentence it stands in; 'simplified' columns fold traditional text."),
        ("Figures", "Value holds the number (percentages as percentages); Figure shows it "
                    "scaled as written in Chinese (万, 亿, 万亿). Approx: > more than, "
                    "< less than, ~ about."),
    ]
    for label, text in rows:
        ws.append([header_cell(ws, label), text_cell(ws, text)])


def _with_simplified(rows: Iterable[dict[str, Any]], source: str, target: str,
                     simplify: Callable[[str], str] | None) -> Iterator[dict[str, Any]]:
    """Add the simplified form of ``source`` under ``target`` where it differs."""
    for row in rows:
        text = row.get(source) or ""
        folded = simplify(text) if simplify and text else text
        yield {**row, target: folded if folded != text else None}


def _key_figure_rows(data: BriefingData) -> Iterator[dict[str, Any]]:
    rows = _with_simplified(data.key_figures, "sentence", "_sentence_simplified", data.simplify)
    for r in rows:  # each a fresh copy (_with_simplified): filled in place
        r["_figure"] = display_figure(r.get("value"), r.get("unit"), r.get("approx"))
        yield r


SHEETS: list[Callable[[Workbook, BriefingData], None]] = [
    _summary_sheet,
    lambda wb, d: _table_sheet(wb, "Key figures", KEY_FIGURE_COLUMNS, _key_figure_rows(d)),
    lambda wb, d: _table_sheet(wb, "Trends", TREND_COLUMNS, d.trends),
    lambda wb, d: _table_sheet(wb, "Quotes", QUOTE_COLUMNS, _with_simplified(
        d.quotes, "text", "_text_simplified", d.simplify)),
    lambda wb, d: _table_sheet(wb, "Organisations", ENTITY_COLUMNS, d.organisations),
    lambda wb, d: _table_sheet(wb, "People", ENTITY_COLUMNS, d.people),
    lambda wb, d: _table_sheet(wb, "Places", ENTITY_COLUMNS, d.places),
    lambda wb, d: _table_sheet(wb, "Articles", ARTICLE_COLUMNS, _with_simplified(
        d.articles, "title", "_title_simplified", d.simplify)),
    lambda wb, d: _table_sheet(wb, "Data quality", QUALITY_COLUMNS, d.data_quality),
    _about_sheet,
]


def write_briefing(data: BriefingData, path: Path) -> Path:
    """Write the workbook atomically (temp file, normalise, rename) and return its path."""
    wb = Workbook(write_only=True)
    for build in SHEETS:
        build(wb, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        # Stored, not deflated: normalize_xlsx compresses every entry again anyway, so
        # openpyxl's own pass (wb.save) would be wasted work on ~100 MB of sheet XML.
        wb.properties.modified = datetime.now(UTC).replace(tzinfo=None)
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            ExcelWriter(wb, archive).save()
        normalize_xlsx(Path(tmp), datetime.combine(data.week_start, datetime.min.time()))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
