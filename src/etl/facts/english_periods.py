"""Time expressions in an English sentence, resolved against the publication date.

Periods follow gold/SCHEMA.md and match what the Chinese rules emit for the same
expression: a year ``2024``, half ``2024-H1``, quarter ``2024-Q3``, month ``2024-09``, day
``2024-09-30``, a range ``2024-01..2024-09`` / ``2013..2023`` and an open cut-off
``..2024-10-25``.  "So far this year" / "year to date" has a known start (January) and
so is a month range up to the publication month (``2024-01..2024-10``); "so far" and
"to date" alone have none and are a cut-off at the publication day, as 截至目前 is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.facts.periods import publication_day

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
#: Month names as a page writes them (capitalised); bare "May" is handled apart (a verb).
MON = (
    r"(?:January|February|March|April|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_MON_ANY = rf"(?:{MON}|May)"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
#: Number words up to twelve (also the base of english.py's number words).
COUNT_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_N = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_YEAR = r"(?:19|20)\d{2}"
#: The year a half, quarter or month belongs to, when the phrase names it.
_OF_YEAR = (
    rf"(?:,?\s+(?:of\s+)?(?:(?P<y>{_YEAR})\b|(?P<rel>this|last|next|the\s+current|the\s+previous)"
    r"\s+year|the\s+year))?"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "year_range",
        re.compile(
            rf"\b(?:from\s+|between\s+)?(?P<a>{_YEAR})\s*(?:to|and|through|-|–|—)\s*(?P<b>{_YEAR})\b"
        ),
    ),
    (
        "month_range",
        re.compile(
            rf"\b(?:from\s+|between\s+)?(?P<m1>{_MON_ANY})\s*(?:-|–|—|to|through|and)\s*"
            rf"(?P<m2>{_MON_ANY})(?![a-z]){_OF_YEAR}"
        ),
    ),
    (
        "first_months",
        re.compile(rf"\b(?:the\s+)?first\s+(?P<n>{_N})\s+(?P<u>months|quarters){_OF_YEAR}", re.I),
    ),
    (
        "half",
        re.compile(
            rf"\b(?:the\s+)?(?P<h>first|second)[\s-]half{_OF_YEAR}"
            rf"|\bH(?P<hn>[12])(?:\s+(?P<hy>{_YEAR}))?\b",
            re.I,
        ),
    ),
    (
        "quarter",
        re.compile(
            rf"\b(?:the\s+)?(?P<q>first|second|third|fourth)[\s-]quarter{_OF_YEAR}"
            rf"|\bQ(?P<qn>[1-4])(?:\s+(?P<qy>{_YEAR}))?\b",
            re.I,
        ),
    ),
    (
        "ytd",
        re.compile(
            r"\b(?:so\s+far\s+this\s+year|(?:the\s+)?year[\s-]to[\s-]date|since\s+the\s+"
            r"(?:start|beginning)\s+of\s+(?:the|this)\s+year)\b",
            re.I,
        ),
    ),
    ("since_month", re.compile(rf"\bsince\s+(?P<m>{_MON_ANY})(?![a-z])(?!\s+\d)")),
    (
        "cutoff",
        re.compile(
            rf"\b(?P<kw>as\s+of|as\s+at|by|at|until)\s+the\s+end\s+of\s+(?:(?P<m>{_MON_ANY})"
            rf"(?:\s+(?P<my>{_YEAR}))?|(?P<y>{_YEAR})|(?P<rel>this|last|next)\s+year)"
            rf"|\b(?P<kw2>as\s+of|by)\s+end-(?P<y2>{_YEAR})",
            re.I,
        ),
    ),
    ("now", re.compile(r"\b(?:so\s+far|to\s+date|as\s+of\s+now|up\s+to\s+now)\b", re.I)),
    (
        "day",
        re.compile(
            rf"\b(?P<m>{_MON_ANY})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_YEAR}))?"
            rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MON_ANY})(?![a-z])(?:,?\s+(?P<y2>{_YEAR}))?"
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?P<m>{MON})(?![a-z])(?:,?\s+(?P<y>{_YEAR}))?"
            rf"|\b(?:in|of|since|until|by|during)\s+May\b(?:,?\s+(?P<my>{_YEAR}))?"
            rf"|\bMay\s+(?P<my2>{_YEAR})\b"
        ),
    ),
    ("next_years", re.compile(rf"\b(?:the\s+)?(?:next|coming)\s+(?P<n>{_N})\s+years\b", re.I)),
    (
        "rel_month",
        re.compile(r"\b(?P<rel>this|last|next)\s+month\b", re.I),
    ),
    (
        "rel_year",
        re.compile(
            r"\b(?P<rel>this|last|next|the\s+previous|the\s+current)\s+year\b"
            r"|\b(?P<ago>a\s+year\s+(?:earlier|ago|before))\b",
            re.I,
        ),
    ),
    ("since_year", re.compile(rf"\bsince\s+(?P<y>{_YEAR})\b(?![,.]\d)")),
    (
        "year",
        re.compile(rf"(?<![\d$€£¥.,])\b(?:fiscal\s+|full-year\s+)?(?P<y>{_YEAR})\b(?![,.]?\d|%)"),
    ),
]
#: Words before a time that make it the base of a comparison, not the figure's own period.
_BASE_BEFORE = re.compile(
    r"(?:compared\s+(?:with|to)|from|than|versus|vs\.?|over|against|on)\s+"
    r"(?:the\s+)?(?:same\s+(?:period|quarter|month|time)\s+(?:(?:of|in)\s+)?)?$",
    re.I,
)
_REL_DELTA = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "next": 1}


@dataclass(frozen=True, slots=True)
class EnTime:
    """A resolved period and where it stands in the sentence."""

    start: int
    end: int
    period: str
    base: bool  # a comparison base ("from a year earlier"), not the figure's own period


def _pub_ymd(published: str | None) -> tuple[int, int, int] | None:
    day = publication_day(published)
    if day is None:
        return None
    y, m, d = (int(x) for x in day.split("-"))
    return y, m, d


def _rel(rel: str | None, y: int) -> int:
    return y + _REL_DELTA[re.sub(r"\s+", " ", rel.lower())] if rel else y


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _year_for(m: re.Match[str], pub_y: int, first_month: int, pub_m: int) -> int:
    """The year named in the phrase, else the publication year, or the year before when a
    period with no year starts after publication (a March report on "the fourth quarter")."""
    y = m.groupdict().get("y")
    if y:
        return int(y)
    rel = m.groupdict().get("rel")
    if rel:
        return _rel(rel, pub_y)
    return pub_y - 1 if first_month > pub_m else pub_y


def _resolve(kind: str, m: re.Match[str], pub: tuple[int, int, int]) -> str | None:
    py, pm, pd = pub
    g = m.groupdict()
    if kind == "year_range":
        a, b = int(g["a"]), int(g["b"])
        return f"{a}..{b}" if a < b else None
    if kind == "month_range":
        a, b = _month(g["m1"]), _month(g["m2"])
        if a >= b:
            return None
        y = _year_for(m, py, a, pm)
        return f"{y}-{a:02d}..{y}-{b:02d}"
    if kind == "first_months":
        n = int(g["n"]) if g["n"].isdigit() else COUNT_WORDS[g["n"].lower()]
        last = n * 3 if g["u"].lower() == "quarters" else n
        if not 1 <= last <= 12:
            return None
        y = _year_for(m, py, 1, pm)
        return f"{y}-01..{y}-{last:02d}"
    if kind == "half":
        h = 1 if (g["h"] or "").lower() == "first" or g["hn"] == "1" else 2
        y = int(g["hy"]) if g["hy"] else _year_for(m, py, 1 + 6 * (h - 1), pm)
        return f"{y}-H{h}"
    if kind == "quarter":
        q = _ORDINALS[g["q"].lower()] if g["q"] else int(g["qn"])
        y = int(g["qy"]) if g["qy"] else _year_for(m, py, 3 * q - 2, pm)
        return f"{y}-Q{q}"
    if kind == "ytd":
        return f"{py}-01..{py}-{pm:02d}" if pm > 1 else f"{py}-01"
    if kind == "since_month":
        a = _month(g["m"])
        return f"{py}-{a:02d}..{py}-{pm:02d}" if a < pm else None
    if kind == "cutoff":
        if g["y2"]:
            return f"..{g['y2']}-12-31"
        past = g["kw"].lower() != "by"
        if g["m"]:
            mo = _month(g["m"])
            y = int(g["my"]) if g["my"] else (py - 1 if mo > pm else py)
            return f"..{y}-{mo:02d}" if past or (y, mo) < (py, pm) else f"{y}-{mo:02d}"
        y = int(g["y"]) if g["y"] else _rel(g["rel"], py)
        # by the end of 2026 is a target (2026-12), as 到2026年底 is
        return f"..{y}-12-31" if past or y < py else f"{y}-12"
    if kind == "now":
        return f"..{py}-{pm:02d}-{pd:02d}"
    if kind == "day":
        mo = _month(g["m"] or g["m2"])
        d = int(g["d"] or g["d2"])
        ys = g["y"] or g["y2"]
        y = int(ys) if ys else (py - 1 if (mo, d) > (pm, pd) else py)
        return f"{y}-{mo:02d}-{d:02d}" if 1 <= d <= 31 else None
    if kind == "month":
        if g["m"]:
            mo = _month(g["m"])
            ys = g["y"]
        else:
            mo, ys = 5, g["my"] or g["my2"]
        y = int(ys) if ys else (py - 1 if mo > pm else py)
        return f"{y}-{mo:02d}"
    if kind == "next_years":
        n = int(g["n"]) if g["n"].isdigit() else COUNT_WORDS[g["n"].lower()]
        return f"{py + 1}..{py + n}" if n > 1 else str(py + 1)
    if kind == "rel_month":
        k = py * 12 + pm - 1 + _REL_DELTA[g["rel"].lower()]
        return f"{k // 12}-{k % 12 + 1:02d}"
    if kind == "rel_year":
        return str(py - 1) if g["ago"] else str(_rel(g["rel"], py))
    if kind == "since_year":
        return f"{g['y']}..{py}" if int(g["y"]) < py else None
    return g["y"]  # kind == "year"


def find_times(sentence: str, published: str | None) -> list[EnTime]:
    """Every time expression in ``sentence``, longest first where two overlap, in order.

    Without a publication date only expressions that name their own year resolve."""
    pub = _pub_ymd(published)
    taken: list[EnTime] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(sentence):
            if any(t.start < m.end() and m.start() < t.end for t in taken):
                continue
            if pub is None:
                if kind not in ("year_range", "year"):
                    continue
                period = _resolve(kind, m, (0, 12, 31))
            else:
                period = _resolve(kind, m, pub)
            if period is None:
                continue
            base = (
                (
                    _BASE_BEFORE.search(sentence, max(0, m.start() - 40), m.start()) is not None
                    and kind not in ("year_range", "month_range", "ytd", "now", "next_years")
                )
                or kind == "rel_year"
                and bool(m.group("ago"))
            )
            taken.append(EnTime(m.start(), m.end(), period, base))
    return sorted(taken, key=lambda t: t.start)
