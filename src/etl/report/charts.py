"""Charts on the Summary sheet, drawn from small blocks of rows written there."""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.worksheet.worksheet import Worksheet

CHART_WIDTH_CM = 16
CHART_HEIGHT_CM = 7.5


def _add(ws: Worksheet, chart: BarChart | LineChart, title: str, header_row: int,
         last_row: int, anchor: str) -> None:
    """Plot column B (header in header_row) over the labels in column A and place it."""
    chart.title = title
    chart.legend = None
    chart.width, chart.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
    chart.add_data(Reference(ws, min_col=2, min_row=header_row, max_row=last_row),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    ws.add_chart(chart, anchor)


def add_bar_chart(ws: Worksheet, title: str, header_row: int, last_row: int,
                  anchor: str) -> None:
    """Horizontal bar chart of column B against labels in column A."""
    chart = BarChart()
    chart.type = "bar"
    _add(ws, chart, title, header_row, last_row, anchor)


def add_line_chart(ws: Worksheet, title: str, header_row: int, last_row: int,
                   anchor: str) -> None:
    """Line chart (straight segments) of column B over the labels in column A."""
    chart = LineChart()
    _add(ws, chart, title, header_row, last_row, anchor)
    for series in chart.series:
        series.smooth = False  # LibreOffice draws unset smoothing as curves
