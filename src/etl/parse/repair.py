"""Text repair before parsing (placeholder: to be completed)."""

from __future__ import annotations

from etl.records import Repair


def repair_text(text: str) -> tuple[str, list[Repair]]:
    """Return the repaired text and the repairs made (mojibake, pinyin annotations)."""
    return text, []
