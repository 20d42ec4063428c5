"""Bytes -> text with a recorded charset decision (placeholder: to be completed)."""

from __future__ import annotations

from etl.records import Decoded


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode raw page bytes. ``declared`` is the charset from the HTTP header, if any."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        return Decoded(data.decode("gb18030", errors="replace"), "gb18030", "fallback")
