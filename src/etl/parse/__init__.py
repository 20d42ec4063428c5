"""Article parser: raw page bytes (HTML or plain text) → :class:`etl.records.Article`.

Public API: :func:`parse_page` and :func:`parse_path`. Neither raises: failures end up in
``Article.warnings``.
"""

from __future__ import annotations

import re
from pathlib import Path

from etl.records import Article

__all__ = ["parse_page", "parse_path"]

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def parse_page(data: bytes, *, url: str | None = None, content_type: str | None = None,
               path: str | None = None) -> Article:
    """Parse one page's raw bytes.

    ``content_type`` is the HTTP header value ("text/html; charset=gbk", "text/plain"); None
    means sniff. ``url`` helps with dates and is recorded as the article's path unless
    ``path`` is given. Never raises: problems are reported in ``Article.warnings``.
    """
    where = path or url or ""
    try:
        from etl.parse.pipeline import parse_any

        return parse_any(data if isinstance(data, bytes | bytearray) else bytes(data or b""),
                         url=url, content_type=content_type, where=where)
    except Exception as exc:  # noqa: BLE001 - the contract is: never raise
        return Article(path=where, warnings=[f"parse-failed: {type(exc).__name__}: {exc}"[:300]])


def parse_path(path: str | Path) -> Article:
    """Parse a saved page (.html/.htm → HTML, .txt → plain text); never raises."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        return Article(path=str(path), warnings=[f"read-failed: {exc}"])
    ctype = "text/plain" if p.suffix.lower() in (".txt", ".text") else None
    if p.suffix.lower() in (".html", ".htm", ".xhtml", ".shtml"):
        ctype = "text/html"
    return parse_page(data, content_type=ctype, path=str(path))


def declared_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value."""
    if not content_type:
        return None
    m = _CHARSET.search(content_type)
    return m.group(1) if m else None
