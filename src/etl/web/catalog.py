"""The reports folder as a catalogue: which weekly workbooks exist, and safe paths to them.

Everything here reads the files the report flow wrote (workbook + JSON manifest), never
the DuckDB warehouse: DuckDB allows one writer, and a web server holding the file would
make the next ingest fail on the lock.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# The only names ever served. An allow-list, not a deny-list: "..", "/", "%2F", NUL and
# absolute paths cannot match it, so traversal is refused before touching the disk.
WORKBOOK_RE = re.compile(r"briefing-(\d{4}-W\d{2})\.xlsx")
WEEK_RE = re.compile(r"\d{4}-W\d{2}")
MAX_MANIFEST_BYTES = 1_000_000  # manifests are ~1 KB; refuse anything absurd


@dataclass(frozen=True)
class ReportEntry:
    """One weekly workbook as listed on the index page."""

    week: str
    file: str
    size: int
    generated_at: datetime | None
    count_articles: int | None
    count_facts: int | None
    count_quotes: int | None
    manifest: dict[str, Any]


def workbook_name(week: str) -> str | None:
    """'briefing-<week>.xlsx' for a well-formed ISO week label, else None."""
    return f"briefing-{week}.xlsx" if WEEK_RE.fullmatch(week) else None


def safe_file(reports_dir: Path, name: str, pattern: re.Pattern[str] = WORKBOOK_RE
              ) -> Path | None:
    """The regular file ``name`` directly inside ``reports_dir``, or None.

    The name must match ``pattern``; symlinks are followed only when their target is
    itself directly inside the (resolved) reports folder.
    """
    if not pattern.fullmatch(name):
        return None
    try:
        base = reports_dir.resolve(strict=True)
        real = (base / name).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, dangling link, or a symlink loop
        return None
    if real.parent != base or not real.is_file():
        return None
    return real


def read_manifest(reports_dir: Path, week: str) -> dict[str, Any]:
    """The JSON manifest beside a week's workbook, or {} when absent or unreadable."""
    path = safe_file(reports_dir, f"briefing-{week}.json",
                     re.compile(r"briefing-\d{4}-W\d{2}\.json"))
    if path is None or path.stat().st_size > MAX_MANIFEST_BYTES:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _when(value: Any, fallback: float) -> datetime:
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.fromtimestamp(fallback, UTC)


def entry_for(reports_dir: Path, name: str) -> ReportEntry | None:
    """The catalogue entry of one workbook file name, or None if it is not servable."""
    path = safe_file(reports_dir, name)
    if path is None:
        return None
    week = WORKBOOK_RE.fullmatch(name).group(1)  # type: ignore[union-attr]  # checked above
    manifest = read_manifest(reports_dir, week)
    stat = path.stat()
    return ReportEntry(
        week=week, file=name,
        # The file's own size, not the manifest's: it is what the download will be.
        size=stat.st_size,
        generated_at=_when(manifest.get("generated_at"), stat.st_mtime),
        count_articles=_int(manifest.get("count_articles")),
        count_facts=_int(manifest.get("count_facts")),
        count_quotes=_int(manifest.get("count_quotes")),
        manifest=manifest,
    )


def list_reports(reports_dir: Path) -> list[ReportEntry]:
    """Every servable weekly workbook, newest week first.

    Temp files of an in-progress write (``tmpXXXX.xlsx``) do not match the name pattern,
    so a half-written workbook never shows up.
    """
    if not reports_dir.is_dir():
        return []
    entries = [e for p in reports_dir.iterdir() if (e := entry_for(reports_dir, p.name))]
    # ISO week labels sort correctly as text ("2025-W01" > "2024-W52").
    entries.sort(key=lambda e: (e.week, e.generated_at or datetime.min.replace(tzinfo=UTC)),
                 reverse=True)
    return entries
