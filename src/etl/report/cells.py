"""Cell writing for scraped text: always a string, never a formula or DDE payload."""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

# A leading character that spreadsheet programs may read as the start of a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
LINK_FONT = Font(color="0563C1", underline="single")
# Excel's own limit per cell; longer text is cut (with an ellipsis) rather than corrupt.
MAX_CELL_CHARS = 32000


def clean_text(value: object) -> str:
    """Text that fits a cell: XML-illegal control characters dropped, length capped."""
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if len(text) > MAX_CELL_CHARS:
        text = text[:MAX_CELL_CHARS] + "…"
    return text


def plain_text(ws: Worksheet, value: str | None) -> str | WriteOnlyCell | None:
    """Scraped text for ws.append: a plain string when it cannot be read as a formula
    (cheap: openpyxl reuses one cell for plain values), else a guarded text_cell."""
    if value is None:
        return None
    text = clean_text(value)
    if text.startswith(FORMULA_TRIGGERS):
        return text_cell(ws, text)
    return text


def text_cell(ws: Worksheet, value: str | None) -> WriteOnlyCell:
    """A string cell; text that looks like a formula is kept as literal text."""
    cell = WriteOnlyCell(ws)
    if value is None:
        return cell
    text = clean_text(value)
    # Assigning through .value would turn "=..." into a formula; set the raw string type.
    cell._value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True  # Excel shows it as text even after the cell is edited
    return cell


def value_cell(ws: Worksheet, value: Any, number_format: str | None = None) -> WriteOnlyCell:
    """A number/date cell with an optional number format; strings go through text_cell."""
    if isinstance(value, str):
        return text_cell(ws, value)
    cell = WriteOnlyCell(ws, value=value)
    if number_format:
        cell.number_format = number_format
    return cell


def link_cell(ws: Worksheet, url: str | None, label: str | None = None) -> WriteOnlyCell:
    """A hyperlink cell to an http(s) URL; other schemes are written as plain text."""
    cell = text_cell(ws, label or url)
    if url and url.lower().startswith(("http://", "https://")):
        cell.hyperlink = url
        cell.font = LINK_FONT
    return cell


def header_cell(ws: Worksheet, name: str) -> WriteOnlyCell:
    """A bold header cell."""
    cell = text_cell(ws, name)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    return cell


def section_cell(ws: Worksheet, title: str, size: int = 12) -> WriteOnlyCell:
    """A bold heading above a block of rows."""
    cell = text_cell(ws, title)
    cell.font = Font(bold=True, size=size)
    return cell
