"""Publication time: candidates from meta/JSON-LD, visible date lines, JS variables, URL."""

from __future__ import annotations

import datetime as dt
import re

from etl.parse import patterns as P

_CN = dt.timezone(dt.timedelta(hours=8))


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return 1990 <= y <= 2100


def format_date(y: int, m: int, d: int, hh: int | None = None, mm: int | None = None,
                ss: int | None = None, tz: str | None = None) -> str | None:
    """ISO string in Asia/Shanghai local time; date only when no time is known."""
    if not _valid(y, m, d):
        return None
    if hh is None or mm is None or hh > 23 or mm > 59:
        return f"{y:04d}-{m:02d}-{d:02d}"
    ss = ss if ss is not None and ss <= 59 else 0
    t = dt.datetime(y, m, d, hh, mm, ss, tzinfo=_CN)
    if tz:
        if tz == "Z":
            off = dt.timedelta(0)
        else:
            sign = -1 if tz[0] == "-" else 1
            digits = tz[1:].replace(":", "")
            off = sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        t = dt.datetime(y, m, d, hh, mm, ss, tzinfo=dt.timezone(off)).astimezone(_CN)
    return t.isoformat()


def parse_date(s: str) -> str | None:
    """First date (with time when given) in ``s``; None when there is none."""
    if not s:
        return None
    s = s.strip()
    if re.fullmatch(r"1\d{9}(?:\d{3})?", s):
        return from_timestamp(int(s[:10]))
    m = P.DATE_TIME_RE.search(s)
    if not m:
        return None
    g = m.groupdict()
    return format_date(int(g["y"]), int(g["m"]), int(g["d"]),
                       int(g["H"]) if g["H"] else None, int(g["M"]) if g["M"] else None,
                       int(g["S"]) if g["S"] else None, g["tz"])


def from_timestamp(ts: int) -> str | None:
    """Unix seconds → local ISO time."""
    try:
        return dt.datetime.fromtimestamp(ts, tz=_CN).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def has_time(iso: str | None) -> bool:
    """True when the ISO string carries a time of day."""
    return bool(iso) and "T" in iso


def from_url(url: str | None) -> str | None:
    """Date found in a URL path."""
    if not url:
        return None
    m = P.URL_DATE_RE.search(url)
    if not m:
        return None
    return format_date(int(m["y"]), int(m["m"]), int(m["d"]))


#: Necessary parts of a JS_DATE_RE / JS_TS_RE match, cheap to look for: the case-blind
#: keyword alternations are slow to search a whole page with, so they run only when the
#: value they need is there.
_JS_DATE_VALUE = re.compile(r"[\"'](?:19|20)\d{2}[-/年]")
_JS_TS_VALUE = re.compile(r"1[0-9]{9}")


#: Longest keyword of JS_DATE_RE / JS_TS_RE plus the quotes that may follow it, and a margin.
_JS_KEY_REACH = 16


def _js_search(rx: re.Pattern[str], values: re.Pattern[str], group: str, html: str,
               quote_before: bool) -> re.Match[str] | None:
    """``rx.search(html)``, found by looking only around the values it needs.

    Every match of ``rx`` is ``keyword ["'] \\s* [=:] \\s* ["']? value``, with its value
    at an occurrence of ``values``; a match's start is therefore within a bounded reach of
    its value (the keyword is short and the separator is only whitespace around one = or
    :), and matches with later values start later. So the leftmost match is the first one
    found, value by value, searching from that reach back of the value.
    """
    for v in values.finditer(html):
        p = v.start()
        k = p
        if quote_before and k > 0 and html[k - 1] in "\"'":
            k -= 1
        while k > 0 and html[k - 1].isspace():
            k -= 1
        if k == 0 or html[k - 1] not in "=:":
            continue
        k -= 1
        while k > 0 and html[k - 1].isspace():
            k -= 1
        m = rx.search(html, max(0, k - _JS_KEY_REACH), p + 48)
        if m is not None and m.start(group) == (p + 1 if not quote_before else p):
            return m
    return None


def from_js(html: str) -> str | None:
    """Publication time held in an inline script variable (timestamp or date string)."""
    m = _js_search(P.JS_DATE_RE, _JS_DATE_VALUE, "v", html, False)
    if m:
        v = parse_date(m["v"])
        if v:
            return v
    m = _js_search(P.JS_TS_RE, _JS_TS_VALUE, "ts", html, True)
    if m:
        return from_timestamp(int(m["ts"]))
    return None


def month_day_with_year(month: int, day: int, year_hint: int | None) -> str | None:
    """A dateline's month/day completed with the year taken from context."""
    if year_hint is None:
        return None
    return format_date(year_hint, month, day)


#: Words that may follow a date in a meta strip ("2019年08月16日 来源：…").
_STRIP_NEXT = re.compile(r"(?:来源|來源|作者|编辑|編輯|责任|責任|浏览|瀏覽|阅读|閱讀|发布|發佈|"
                         r"字号|字號|"
                         r"点击|點擊|评论|評論|星期|周|週|[上下]午|\d)")


def strip_date(s: str) -> str | None:
    """The date of a date strip ("2019-03-06 10:23 来源：…"), None for a date inside a
    sentence ("2019年2月27日下午，某某一行到…"; "（2007年6月29日第十届…会议通过）")."""
    if not s or len(s) > 150:
        return None
    m = P.DATE_TIME_RE.search(s)
    if not m:
        return None
    if sum(1 for ch in s if ch in "，。！？；") >= 1 and len(s) > 40:
        return None
    nxt = s[m.end():].lstrip()
    if nxt and not m["H"] and P.CJK_RE.match(nxt) and not _STRIP_NEXT.match(nxt):
        return None
    if nxt.startswith(("下午", "上午")) and not m["H"]:
        return None
    return _labelled_choice(s) or parse_date(s)


def _labelled_choice(s: str) -> str | None:
    """In a strip with several dates ("更新时间：… 发布时间：…"), the one labelled as the
    publication; an update/modification date is taken only when nothing else is there."""
    ms = list(P.DATE_TIME_RE.finditer(s))
    if len(ms) < 2:
        return None
    keep = []
    for m in ms:
        label = s[max(0, m.start() - 8): m.start()]
        if P.PUBLISH_LABEL_RE.search(label):
            return parse_date(m.group(0))
        if not P.UPDATE_LABEL_RE.search(label):
            keep.append(m)
    return parse_date(keep[0].group(0)) if keep else None
