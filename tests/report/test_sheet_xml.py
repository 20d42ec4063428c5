"""Rows serialised by sheet_xml.TableRows are byte for byte what openpyxl writes."""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from etl.report.cells import header_cell
from etl.report.sheet_xml import TableRows, escape_text
from etl.report.workbook import Column, _cell, _encoder

COLUMNS = [
    Column("Text", "text"), Column("Figure", "value", kind="figure"),
    Column("Unit", "unit"), Column("Number", "number", kind="number"),
    Column("Integer", "integer", kind="integer"), Column("Ratio", "ratio", kind="ratio"),
    Column("Date", "day", kind="date"), Column("Time", "at", kind="datetime"),
    Column("Link", "url", kind="link"),
]
TEXTS = ["plain", "a & b < c > d \"q\" 'q'", "line\r\nbreak\ttab", " padded ", "\u3000全角 ",
         "", "#N/A", "#DIV/0!", "=SUM(A1)", "=", "-5%", "+1", "@cmd", "\tx", "\rx",
         "控制\x01字符\x1f", "emoji 😀 and \U00020000", "\x7f\x80\xff", "]]>", "x" * 33000,
         "=HYPERLINK(\"http://evil.example\",\"点击\")", "&#20013;", 12345, None]
VALUES = [1, 1.5, 0.1 + 0.2, 1e20, -0.0, 5.1e12, 12345678901234567, float("nan"),
          float("inf"), None, True, Decimal("2.5"), "12", "=1+1"]
FIGURES = [v for v in VALUES if not isinstance(v, str)]  # the loader's values are numbers
DAYS = [date(2024, 10, 21), datetime(2024, 10, 21, 9, 30), None, "2024-10-21", "=NOW()"]
TIMES = [datetime(2024, 10, 21, 9, 30, 15, tzinfo=UTC),
         datetime(2024, 10, 21, 9, 30, tzinfo=timezone(timedelta(hours=8))),
         datetime(2024, 1, 1), date(2024, 1, 2), None, "yesterday"]
URLS = ["http://127.0.0.1:1/news/a.html", "HTTPS://Example.com/a?b=1&c=<2>",
        "https://example.com/ä/中文 space", "ftp://example.com/x", "javascript:alert(1)",
        "=HYPERLINK(\"x\")", "", None]


def records() -> list[dict[str, Any]]:
    rows = []
    for i in range(max(len(TEXTS), len(VALUES), len(DAYS), len(TIMES), len(URLS))):
        rows.append({
            "text": TEXTS[i % len(TEXTS)], "value": FIGURES[i % len(FIGURES)],
            "unit": ("%", "元", None, "家")[i % 4], "number": VALUES[(i + 3) % len(VALUES)],
            "integer": VALUES[(i + 5) % len(VALUES)], "ratio": VALUES[(i + 7) % len(VALUES)],
            "day": DAYS[i % len(DAYS)], "at": TIMES[i % len(TIMES)], "url": URLS[i % len(URLS)],
        })
    return rows


def saved(build: Any, path: Path) -> dict[str, bytes]:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Table")
    build(ws)
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def test_table_rows_match_openpyxl(tmp_path: Path) -> None:
    rows = records()

    def with_openpyxl(ws: Any) -> None:
        ws.append([header_cell(ws, c.header) for c in COLUMNS])
        for row in rows:
            ws.append([_cell(ws, c, row) for c in COLUMNS])

    def with_table_rows(ws: Any) -> None:
        out = TableRows(ws)
        out.append([header_cell(ws, c.header) for c in COLUMNS])
        encoders = [_encoder(out, ws, c) for c in COLUMNS]
        for row in rows:
            out.append_record(row, encoders)

    expected = saved(with_openpyxl, tmp_path / "expected.xlsx")
    got = saved(with_table_rows, tmp_path / "got.xlsx")
    assert got.keys() == expected.keys()
    for name, content in expected.items():
        assert got[name] == content, name


def test_escape_text_matches_lxml() -> None:
    from lxml.etree import Element, tostring

    for text in TEXTS[:-2]:
        el = Element("t")
        el.text = "".join(ch for ch in text if ch >= " " or ch in "\t\n\r")
        want = tostring(el).decode("ascii")[3:-4]
        assert escape_text(el.text).encode("ascii", "xmlcharrefreplace").decode() == want


def test_links_of_cells_openpyxl_writes_are_kept(tmp_path: Path) -> None:
    # hyperlink cells appended as cells (openpyxl writes them) between fast-path links
    from etl.report.cells import link_cell

    link = Column("Link", "url", kind="link")
    rows = [{"url": "http://127.0.0.1:1/a"}, {"url": "https://127.0.0.1:1/b?x=1&y=2"}]

    def with_openpyxl(ws: Any) -> None:
        for row in rows:
            ws.append([_cell(ws, link, row)])
            ws.append([link_cell(ws, "http://127.0.0.1:1/c", "标签")])

    def with_table_rows(ws: Any) -> None:
        out = TableRows(ws)
        encoders = [_encoder(out, ws, link)]
        for row in rows:
            out.append_record(row, encoders)
            out.append([link_cell(ws, "http://127.0.0.1:1/c", "标签")])

    got = saved(with_table_rows, tmp_path / "got.xlsx")
    assert got == saved(with_openpyxl, tmp_path / "want.xlsx")
    assert b"rId4" in got["xl/worksheets/_rels/sheet1.xml.rels"]
