"""A week's headline numbers, read from the workbook's "Summary" sheet.

The sheet (written by etl.report.workbook) holds label/value lines, a blank row, then a
"Top figures" title, a header row and up to ten figure rows. Reading is read-only and
streaming, and stops early, so a large workbook costs no more than a small one.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

SUMMARY_SHEET = "Summary"
TOP_FIGURES_TITLE = "Top figures"
MAX_ROWS = 200  # the sheet has ~25 rows; never walk a tampered one to the end
MAX_CELL_CHARS = 500  # previews are short; the workbook has the full text


@dataclass(frozen=True)
class Preview:
    """The Summary sheet's label/value lines and its Top figures table."""

    facts: list[tuple[str, Any]] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    figures: list[list[Any]] = field(default_factory=list)
    error: str | None = None


def _clip(value: Any) -> Any:
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        return value[:MAX_CELL_CHARS] + "…"
    return value


def _trim(row: tuple[Any, ...]) -> list[Any]:
    cells = [_clip(v) for v in row]
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def parse_summary_rows(rows: list[list[Any]]) -> Preview:
    """Split the Summary sheet's rows into label/value lines and the Top figures block."""
    facts: list[tuple[str, Any]] = []
    headers: list[str] = []
    figures: list[list[Any]] = []
    state = "facts"
    for cells in rows:
        if state == "facts":
            if cells and cells[0] == TOP_FIGURES_TITLE:
                state = "headers"
            elif len(cells) >= 2 and isinstance(cells[0], str):
                facts.append((cells[0], cells[1]))
        elif state == "headers":
            headers = [str(c) if c is not None else "" for c in cells]
            state = "figures"
        elif not cells:
            break  # a blank row ends the block
        else:
            figures.append(cells + [None] * (len(headers) - len(cells)))
    return Preview(facts=facts, headers=headers, figures=figures)


@lru_cache(maxsize=64)
def _cached(path: str, mtime_ns: int, size: int) -> Preview:
    # Keyed on mtime and size so a rebuilt workbook (same name) is read again.
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        return Preview(error=f"cannot read the workbook: {type(exc).__name__}")
    try:
        if SUMMARY_SHEET not in wb.sheetnames:
            return Preview(error=f'the workbook has no "{SUMMARY_SHEET}" sheet')
        rows = []
        for i, row in enumerate(wb[SUMMARY_SHEET].iter_rows(values_only=True)):
            if i >= MAX_ROWS:
                break
            rows.append(_trim(row))
        return parse_summary_rows(rows)
    finally:
        wb.close()  # read-only mode keeps the zip open until closed


def read_preview(path: Path) -> Preview:
    """The Summary sheet of the workbook at ``path`` (cached per file version)."""
    stat = path.stat()
    return _cached(str(path), stat.st_mtime_ns, stat.st_size)
