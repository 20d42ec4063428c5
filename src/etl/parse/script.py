"""Script/language detection and simplified folding (placeholder: to be completed)."""

from __future__ import annotations


def to_simplified(text: str) -> str:
    """Fold traditional characters to simplified (OpenCC t2s)."""
    return text


def detect_language(text: str) -> str:
    """One of "zh-Hans", "zh-Hant", "en", "other"."""
    return "zh-Hans"
