"""How figures read in the workbook: 亿/万 scaling for large amounts, percent formats."""

from __future__ import annotations

PERCENT_UNITS = frozenset({"%"})
# Scales Chinese readers expect for large amounts, largest first.
CN_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
NUMBER_FORMAT = "#,##0.##"
INTEGER_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0#%"


def _trim(x: float) -> str:
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text


def display_figure(value: float | None, unit: str | None, approx: str | None = None) -> str:
    """A figure as an analyst would write it: 5.1万亿元, 2,310亿元, 26.5%, >2,000家."""
    if value is None:
        return ""
    unit = unit or ""
    prefix = {">": "超", "<": "不到", "~": "约"}.get(approx or "", "")
    if unit in PERCENT_UNITS or unit == "个百分点":
        return f"{prefix}{_trim(value)}{unit}"
    for size, word in CN_SCALES:
        if abs(value) >= size and (abs(value) / size) >= 1:
            if word == "万" and abs(value) < 1e5:
                break  # 1.2万 reads fine, but 12,000 is as clear below 100,000
            return f"{prefix}{_trim(value / size)}{word}{unit}"
    return f"{prefix}{_trim(value)}{unit}"


def excel_value(value: float | None, unit: str | None) -> tuple[float | None, str]:
    """The number to store and its Excel format: percents as fractions shown with %."""
    if value is None:
        return None, NUMBER_FORMAT
    if unit in PERCENT_UNITS:
        return value / 100, PERCENT_FORMAT
    if float(value).is_integer():
        return value, INTEGER_FORMAT
    return value, NUMBER_FORMAT
