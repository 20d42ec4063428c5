"""Table rows written straight to a write-only sheet's XML, byte for byte as openpyxl would.

A week's Key figures sheet has ~100k rows; openpyxl spends ~15 µs a cell binding values
to ``Cell`` objects and streaming them through lxml, most of the workbook's time. Here
the common cells -- plain text, numbers and dates with a format, http(s) links -- are
serialised as strings in one pass, and everything else (text that could be read as a
formula, Excel error codes, empty styled cells...) still goes through openpyxl's own
cell writer, so the sheet's bytes do not change (tests/report compares both paths).

It relies on openpyxl 3.1's write-only internals (``WorksheetWriter``, ``ws._writer``,
``ws._rows``, ``ws._hyperlinks``); pyproject.toml pins that version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from io import BytesIO
from typing import IO, Any

from lxml.etree import xmlfile
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell._writer import write_cell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.packaging.relationship import Relationship
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter, create_temporary_file
from openpyxl.worksheet.hyperlink import Hyperlink

from etl.report.cells import FORMULA_TRIGGERS, clean_text

FLUSH_ROWS = 2000  # rows serialised per write to the sheet's temporary file
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# (record, cell reference like "B7", column number) -> the cell's XML, "" for no cell
CellEncoder = Callable[[dict, str, int], str]


def escape_text(text: str) -> str:
    """Element text as lxml writes it (before non-ASCII becomes character references)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def inline_string(ref: str, text: str, style: str = "") -> str:
    """An inline-string cell, as openpyxl's lxml cell writer serialises it."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{escape_text(text)}</t></is></c>'


class _Link:
    """A hyperlink of a fast-path cell: what openpyxl's ``Hyperlink`` would hold."""

    __slots__ = ("ref", "target")

    def __init__(self, ref: str, target: str) -> None:
        self.ref, self.target = ref, target


class _StreamWriter(WorksheetWriter):
    """openpyxl's sheet writer over a file object this module can also write rows into."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.path = create_temporary_file()
        self.file: IO[bytes] = open(self.path, "wb")  # noqa: SIM115 - closed in close()
        super().__init__(ws, out=self.path)

    def get_stream(self) -> Iterator[Any]:
        # openpyxl's stream, but over our file object, so raw rows can go in between.
        from openpyxl.xml.constants import SHEET_MAIN_NS

        with xmlfile(self.file) as xf:
            with xf.element("worksheet", xmlns=SHEET_MAIN_NS):
                try:
                    while True:
                        el = (yield)
                        if el is True:
                            yield xf
                        elif el is not None:
                            xf.write(el)
                except GeneratorExit:
                    pass

    def write_hyperlinks(self) -> None:
        links = self.ws._hyperlinks
        if not all(isinstance(link, _Link) for link in links):
            # a link openpyxl made (through TableRows.generic): let it write them all
            self.ws._hyperlinks = [Hyperlink(ref=link.ref, target=link.target)
                                   if isinstance(link, _Link) else link for link in links]
            super().write_hyperlinks()
            return
        parts = []
        for link in links:
            rel = Relationship(type="hyperlink", TargetMode="External", Target=link.target)
            self._rels.append(rel)
            parts.append(f'<hyperlink xmlns:r="{R_NS}" ref="{link.ref}" r:id="{rel.Id}"/>')
        if parts:
            self.raw("<hyperlinks>" + "".join(parts) + "</hyperlinks>")

    def raw(self, xml: str) -> None:
        """Append serialised XML at the stream's current position."""
        xf = self.xf.send(True)
        xf.flush()
        self.file.write(xml.encode("ascii", "xmlcharrefreplace"))
        self.xf.send(None)

    def close(self) -> None:
        super().close()
        if not self.file.closed:
            self.file.close()


class TableRows:
    """Writes all rows of a new write-only sheet: ``append`` cell values (what
    ``ws.append`` takes) or ``append_record`` a dict through per-column encoders.

    An encoder takes (record, cell reference like "B7", column number) and returns the
    cell's XML; ``original(record)`` is the cell the workbook code would have appended,
    which encoders fall back to outside their fast path."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        if ws._writer is not None:
            raise ValueError("TableRows must write a sheet's rows from the first one")
        self.ws = ws
        self.writer = _StreamWriter(ws)
        ws._writer = self.writer
        self.writer.write_top()
        self.row_idx = 0
        self._parts: list[str] = []
        self._styles: dict[tuple, str] = {}
        self._xf: Any = None
        ws._rows = self._stream()  # ws.close() (at save) ends sheetData through this
        next(ws._rows)

    def _stream(self) -> Iterator[None]:
        self._xf = self.writer.xf.send(True)
        with self._xf.element("sheetData"):
            try:
                while True:
                    yield
            except GeneratorExit:
                self._flush()
        self.writer.xf.send(None)

    def _flush(self) -> None:
        self._xf.flush()  # lxml's buffer (the sheetData tag) goes first
        self.writer.file.write("".join(self._parts).encode("ascii", "xmlcharrefreplace"))
        self._parts.clear()

    def _row(self, cells: list[str]) -> None:
        self._parts.append(f'<row r="{self.row_idx}">' + "".join(cells) + "</row>")
        if len(self._parts) >= FLUSH_ROWS:
            self._flush()

    def append(self, values: Sequence[Any]) -> None:
        """One row of values as ``ws.append`` takes them."""
        self.row_idx += 1
        row = str(self.row_idx)
        self._row([self.generic(v, _LETTERS[i] + row, i + 1) for i, v in enumerate(values)])

    def append_record(self, record: dict[str, Any], encoders: Sequence[CellEncoder]) -> None:
        """One row: column i is ``encoders[i](record, ref, i + 1)``."""
        self.row_idx += 1
        row = str(self.row_idx)
        self._row([enc(record, _LETTERS[i] + row, i + 1) for i, enc in enumerate(encoders)])

    def generic(self, value: Any, ref: str, col: int) -> str:
        """A value ``ws.append`` accepts, through openpyxl's own cell writer."""
        if value is None:
            return ""
        if isinstance(value, Cell):
            cell = value
        else:
            cell = WriteOnlyCell(self.ws)
            cell.value = value
        cell.column, cell.row = col, self.row_idx
        if cell.hyperlink is not None:
            cell.hyperlink.ref = ref
        if cell._value is None and not cell.has_style and not cell._comment:
            return ""
        out = BytesIO()
        with xmlfile(out) as xf:
            write_cell(xf, self.ws, cell, cell.has_style)
        return out.getvalue().decode("ascii")

    def _style(self, key: tuple, template: Callable[[], Cell]) -> str:
        """' s="n"' for cells like ``template()`` ("" if unstyled), registered when ``key``
        is first seen: in cell order, as openpyxl registers styles, so ids do not change."""
        found = self._styles.get(key)
        if found is None:
            cell = template()
            found = self._styles[key] = f' s="{cell.style_id}"' if cell.has_style else ""
        return found

    def text(self, get: Callable[[dict], Any], original: Callable[[dict], Any]) -> CellEncoder:
        """Scraped text, as ``cells.plain_text`` writes it."""
        def encode(record: dict, ref: str, col: int) -> str:
            value = get(record)
            if value is None:
                return ""
            text = clean_text(value)
            if not text or text.startswith(FORMULA_TRIGGERS) or text in ERROR_CODES:
                return self.generic(original(record), ref, col)
            return inline_string(ref, text)
        return encode

    def number(self, get: Callable[[dict], tuple[Any, str | None]],
               original: Callable[[dict], Any]) -> CellEncoder:
        """``get(record)`` -> (number or date, format), as ``cells.value_cell`` takes them;
        anything but a finite int/float or a date goes through ``original``."""
        epoch, iso_dates = self.ws.parent.epoch, self.ws.parent.iso_dates

        def encode(record: dict, ref: str, col: int) -> str:
            value, fmt = get(record)
            kind = type(value)
            if kind is int or (kind is float and value - value == 0):  # not nan or inf
                s = self._style((kind, fmt), lambda: original(record))
                return f'<c r="{ref}"{s} t="n"><v>{value:.16g}</v></c>'
            if (kind is date or kind is datetime) and not iso_dates:
                s = self._style((kind, fmt), lambda: original(record))
                return f'<c r="{ref}"{s} t="n"><v>{to_excel(value, epoch):.16g}</v></c>'
            return self.generic(original(record), ref, col)
        return encode

    def link(self, get: Callable[[dict], Any], original: Callable[[dict], Any]) -> CellEncoder:
        """An http(s) URL shown as itself, as ``cells.link_cell`` writes it."""
        def encode(record: dict, ref: str, col: int) -> str:
            url = get(record)
            if not (isinstance(url, str) and url.lower().startswith(("http://", "https://"))):
                return self.generic(original(record), ref, col)
            s = self._style(("link",), lambda: original(record))
            self.ws._hyperlinks.append(_Link(ref, url))
            return inline_string(ref, clean_text(url), s)
        return encode


_LETTERS = [get_column_letter(i) for i in range(1, 16385)]
