"""Offset-preserving text folding: full-width ASCII to ASCII, traditional to simplified."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str] | None:
    try:
        import opencc  # type: ignore[import-untyped]

        for cfg in ("t2s", "t2s.json"):
            try:
                conv = opencc.OpenCC(cfg)
                conv.convert("測試")
                return conv.convert
            except Exception:  # noqa: BLE001 - try the next config name
                continue
    except Exception:  # noqa: BLE001 - opencc missing: no folding
        return None
    return None


_FW = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FW[0x3000] = 0x20  # ideographic space
_FW[0xFFE5] = ord("¥")
_FW[0x2236] = ord(":")  # ratio colon


_SHORT = 64


def fold(text: str) -> str:
    """Return ``text`` with full-width ASCII made ASCII and traditional made simplified.

    The result has exactly the same length as ``text`` so offsets carry over; where the
    phrase-level converter changes the length, the text is converted character by character.
    """
    if len(text) <= _SHORT:
        return _fold_short(text)
    return _fold_long(text)


@lru_cache(maxsize=8192)
def _fold_short(text: str) -> str:
    """Names, roles and metrics recur across articles."""
    return _fold(text)


@lru_cache(maxsize=4)
def _fold_long(text: str) -> str:
    """The figure, quote and entity extractors each fold the same article body."""
    return _fold(text)


def _fold(text: str) -> str:
    s = text.translate(_FW)
    conv = _t2s()
    if conv is None:
        return s
    out = conv(s)
    if len(out) == len(s):
        return out
    chars = []
    for ch in s:
        c = conv(ch)
        chars.append(c if len(c) == 1 else ch)
    return "".join(chars)


def to_simplified(text: str | None) -> str | None:
    """Simplified form of a short string (metric, subject, name); None stays None."""
    if text is None:
        return None
    return fold(text)
