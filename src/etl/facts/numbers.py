"""Parsing of Arabic, Chinese and mixed numerals."""

from __future__ import annotations

from etl.facts.patterns import CN_DIGITS, CN_SMALL_UNITS

_BIG = {"万": 10_000, "亿": 100_000_000, "兆": 1_000_000_000_000}


def parse_arabic(s: str) -> float | None:
    """'1,234.5' -> 1234.5; None when it is not a number."""
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def parse_cn(s: str) -> float | None:
    """Chinese numeral with place values: '一百三十' -> 130, '两万' -> 20000, '百' -> 100.

    A run of bare digits ('二〇二四') is read digit by digit.
    """
    if not s:
        return None
    if all(ch in CN_DIGITS for ch in s):
        if len(s) == 1:
            return float(CN_DIGITS[s])
        return float("".join(str(CN_DIGITS[ch]) for ch in s))
    total = 0.0
    section = 0.0
    num = 0.0
    for ch in s:
        if ch in CN_DIGITS:
            num = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            section += (num or 1) * CN_SMALL_UNITS[ch]
            num = 0
        elif ch in _BIG:
            unit = _BIG[ch]
            if ch == "万":
                total += (section + num or (0 if (section or total) else 1)) * unit
            else:
                total = (total + section + num or 1) * unit
            section = 0
            num = 0
        else:
            return None
    return total + section + num


def multiplier_value(s: str) -> float:
    """'万亿' -> 1e12, '千万' -> 1e7, '' -> 1."""
    v = 1.0
    for ch in s:
        v *= {"十": 10, "百": 100, "千": 1000, "万": 1e4, "亿": 1e8, "兆": 1e12}[ch]
    return v
