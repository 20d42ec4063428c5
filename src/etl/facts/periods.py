"""Time expressions in a sentence, resolved against the publication date (SCHEMA rule 6)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from etl.facts.patterns import (
    CUM_QUARTERS,
    HALVES,
    HOLIDAY_USUAL,
    HOLIDAY_WEEKS,
    QUARTERS,
    REL_YEARS,
)

_CN_D = "〇零一二三四五六七八九十"
_YEAR = r"(?P<y>(?:19|20)\d{2})年|(?P<rel>今年|本年|去年|上年|前年|明年|后年)"
_AFTER_YEAR = (
    r"(?P<rest>(?P<m1>\d{1,2})\s*[-—至到~～]\s*(?P<m2>\d{1,2})月份?"
    r"|(?P<mon>\d{1,2})月份?(?:(?P<day>\d{1,2})[日号])?"
    r"|上半年|下半年|前三季度|前两季度|前二季度|第?[一二三四]季度|首季|年底|年末|底|末)?"
)
_TIME_RE = re.compile(
    rf"(?P<cut>截至|截止|截止到|截至到)?\s*(?:(?:{_YEAR}){_AFTER_YEAR}"
    r"|(?P<bm1>\d{1,2})\s*[-—至到~～]\s*(?P<bm2>\d{1,2})月份?"
    r"|(?P<bmon>\d{1,2})月份?(?:(?P<bday>\d{1,2})[日号])?"
    r"|(?P<bare>上半年|下半年|前三季度|第?[一二三四]季度))"
)
_YEAR_RANGE = re.compile(
    r"(?P<a>(?:19|20)\d{2})\s*年?\s*(?:[-—至到~～]|－)\s*(?P<b>(?:19|20)\d{2})\s*年"
)
#: A day range inside one month or across months: 5月20日至31日, 3月5日至9月1日, 10日至12日.
_DAY_RANGE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})年)?(?:(?P<m1>\d{1,2})月)?(?P<d1>\d{1,2})[日号]?"
    r"(?:\d{1,2}[时点])?\s*[-—至到~～]\s*"
    r"(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})[日号](?:\d{1,2}[时点])?"
)
#: Days named relative to publication (昨天, 今日 ...) and a bare day of the month (24日).
_REL_DAY = re.compile(r"前天|昨天|昨日|昨晚|昨夜|今天|今日|今晨|今早|今晚|今夜|明天|明日|明晨|后天")
_REL_DAY_OFF = {
    "前天": -2,
    "昨天": -1,
    "昨日": -1,
    "昨晚": -1,
    "昨夜": -1,
    "今天": 0,
    "今日": 0,
    "今晨": 0,
    "今早": 0,
    "今晚": 0,
    "今夜": 0,
    "明天": 1,
    "明日": 1,
    "明晨": 1,
    "后天": 2,
}
#: A week named relative to publication: Monday to Sunday of that week.
_REL_WEEK = re.compile(r"(?P<w>本周|这周|这一周|上周|下周)(?![一二三四五六日末])")
_REL_WEEK_OFF = {"本周": 0, "这周": 0, "这一周": 0, "上周": -1, "下周": 1}
#: A bare day of the month (24日), also with an hour after it (25日6时); not 5日10万.
_BARE_DAY = re.compile(r"(?<![\d月.])(?P<d>\d{1,2})[日号](?:(?![\d元])|(?=\d{1,2}[时点]))")
_CUTOFF_NOW = re.compile(r"截至目前|截止目前|截至发稿|截至今天|截至今日|目前为止|迄今|至今")


#: 以来 right after a time (up to a short verb phrase): a span from then to publication.
_SINCE = re.compile(r"[^，,。；;！？\d]{0,8}?以来")
#: 未来三年, 过去3年: a span of whole years after or before the publication year.
_SPAN_YEARS = re.compile(r"(?P<dir>未来|过去|今后)(?P<n>\d{1,2}|[一二两三四五六七八九十])年")
#: 截至当时: a cut-off at the time the sentence named before.
_CUTOFF_THEN = re.compile(r"(?:截至|截止|截止到)(?:当时|那时|彼时)")

#: A named holiday week: 国庆黄金周, 春节假期, 五一小长假, 十一长假, a bare 黄金周.
_HOLIDAY = re.compile(
    r"(?:(?P<hy>(?:19|20)\d{2})年)?(?:(?P<h>国庆|春节|五一|十一)(?:中秋|劳动)?节?"
    r"(?:黄金周|长假|小长假|假期|期间)|(?P<nd>国庆节|劳动节)|(?P<gw>黄金周))"
)
_HOLIDAY_NAME = {"十一": "国庆", "国庆节": "国庆", "劳动节": "五一"}

#: Cheap necessary conditions for the patterns above (each match contains one of these):
#: a sentence without any skips the pattern's scan.
_DASHES = "-—至到~～"
_HOLIDAY_WORDS = ("国庆", "春节", "五一", "十一", "劳动节", "黄金周")


def _has_any(text: str, parts) -> bool:
    return any(p in text for p in parts)


#: A character every time expression above contains: a sentence without one has none.
_ANY_TIME = re.compile(r"[\d年季天日截迄止今昨周节假]")


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A resolved period and where it stands in the text."""

    start: int
    end: int
    period: str
    year_only: bool
    base: bool = False  # a comparison base (比2017年, 较去年同期), not the figure's own period
    span: bool = False  # a named span (国庆黄金周) that also holds for figures before it


@lru_cache(maxsize=64)
def _pub(published: str | None) -> tuple[int, int, int] | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def publication_day(published: str | None) -> str | None:
    """'2024-10-25T10:23:00+08:00' -> '2024-10-25'."""
    p = _pub(published)
    return f"{p[0]:04d}-{p[1]:02d}-{p[2]:02d}" if p else None


def _suffix_period(y: int, rest: str | None, m: re.Match[str], pre: str) -> str:
    if not rest:
        return f"{y:04d}"
    if m.group(pre + "m1") if pre else m.group("m1"):
        a = int(m.group(pre + "m1") if pre else m.group("m1"))
        b = int(m.group(pre + "m2") if pre else m.group("m2"))
        return f"{y:04d}-{a:02d}..{y:04d}-{b:02d}"
    mon = m.group(pre + "mon") if pre else m.group("mon")
    if mon:
        day = m.group(pre + "day") if pre else m.group("day")
        if day:
            return f"{y:04d}-{int(mon):02d}-{int(day):02d}"
        return f"{y:04d}-{int(mon):02d}"
    if rest in HALVES:
        return f"{y:04d}-{HALVES[rest]}"
    if rest in CUM_QUARTERS:
        return f"{y:04d}-01..{y:04d}-{CUM_QUARTERS[rest]:02d}"
    if rest in QUARTERS:
        return f"{y:04d}-Q{QUARTERS[rest]}"
    if rest in ("年底", "年末", "底", "末"):
        return f"{y:04d}-12-31"
    return f"{y:04d}"


def find_times(text: str, published: str | None) -> list[TimeExpr]:
    """All time expressions in ``text`` (a sentence), in order, resolved to SCHEMA periods."""
    if not _ANY_TIME.search(text):
        return []
    return list(_find_times(text, published))


@lru_cache(maxsize=4096)
def _find_times(text: str, published: str | None) -> tuple[TimeExpr, ...]:
    """find_times, memoised (sentences are looked up several times per article)."""
    return tuple(_find_times_uncached(text, published))


def _find_times_uncached(text: str, published: str | None) -> list[TimeExpr]:
    pub = _pub(published)
    out: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for m in _YEAR_RANGE.finditer(text) if "年" in text else ():
        out.append(TimeExpr(m.start(), m.end(), f"{m.group('a')}..{m.group('b')}", True))
        taken.append((m.start(), m.end()))
    if pub:
        import datetime as _dt

        for m in _DAY_RANGE.finditer(text) if _has_any(text, _DASHES) else ():
            if any(a <= m.start() < b for a, b in taken):
                continue
            y = int(m.group("y") or pub[0])
            m1 = int(m.group("m1") or 0)
            m2 = int(m.group("m2") or m1 or 0)
            if not m1 and not m.group("m2"):
                m1 = m2 = pub[1]
            d1, d2 = int(m.group("d1")), int(m.group("d2"))
            if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and 1 <= d1 <= 31 and 1 <= d2 <= 31):
                continue
            if (m1, d1) >= (m2, d2):
                continue
            period = f"{y:04d}-{m1:02d}-{d1:02d}..{y:04d}-{m2:02d}-{d2:02d}"
            out.append(TimeExpr(m.start(), m.end(), period, False))
            taken.append((m.start(), m.end()))
        for m in _REL_DAY.finditer(text):
            d = _dt.date(*pub) + _dt.timedelta(days=_REL_DAY_OFF[m.group(0)])
            out.append(TimeExpr(m.start(), m.end(), d.isoformat(), False))
            taken.append((m.start(), m.end()))
        for m in _REL_WEEK.finditer(text):
            monday = _dt.date(*pub) - _dt.timedelta(days=_dt.date(*pub).weekday())
            a = monday + _dt.timedelta(weeks=_REL_WEEK_OFF[m.group("w")])
            b = a + _dt.timedelta(days=6)
            out.append(TimeExpr(m.start(), m.end(), f"{a.isoformat()}..{b.isoformat()}", False))
            taken.append((m.start(), m.end()))
        for m in _BARE_DAY.finditer(text) if "日" in text or "号" in text else ():
            if any(a <= m.start() < b for a, b in taken):
                continue
            day = int(m.group("d"))
            if 1 <= day <= 31 and text[m.start() - 1 : m.start()] != "个":
                mon = pub[1] if day <= pub[2] + 7 else pub[1] - 1 or 12
                yy = pub[0] if not (mon == 12 and pub[1] == 1) else pub[0] - 1
                out.append(TimeExpr(m.start(), m.end(), f"{yy:04d}-{mon:02d}-{day:02d}", False))
                taken.append((m.start(), m.end()))
    if pub:
        for m in _HOLIDAY.finditer(text) if _has_any(text, _HOLIDAY_WORDS) else ():
            if any(a <= m.start() < b for a, b in taken):
                continue
            period = _holiday(m, pub)
            if period:
                out.append(TimeExpr(m.start(), m.end(), period, False, span=True))
                taken.append((m.start(), m.end()))
    for m in _CUTOFF_NOW.finditer(text):
        if pub:
            out.append(TimeExpr(m.start(), m.end(), f"..{publication_day(published)}", False))
    for m in _TIME_RE.finditer(text) if _has_any(text, "年月季") else ():
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in taken):
            continue
        # a month/day number must not be part of a longer number or a duration (3个月)
        if s > 0 and (text[s - 1].isdigit() or text[s - 1] == "."):
            continue
        if e < len(text) and text[e - 1] == "月" and text[e : e + 1] in ("份", "薪"):
            pass
        period: str | None = None
        if m.group("y") or m.group("rel"):
            if m.group("y"):
                y = int(m.group("y"))
            elif pub:
                y = pub[0] + REL_YEARS[m.group("rel")]
            else:
                continue
            rest = m.group("rest")
            period = _suffix_period(y, rest, m, "")
            year_only = not rest
        elif m.group("bm1"):
            if not pub:
                continue
            a, b = int(m.group("bm1")), int(m.group("bm2"))
            if not (1 <= a <= 12 and 1 <= b <= 12 and a < b):
                continue
            period = f"{pub[0]:04d}-{a:02d}..{pub[0]:04d}-{b:02d}"
            year_only = False
        elif m.group("bmon"):
            if not pub:
                continue
            mon = int(m.group("bmon"))
            if not 1 <= mon <= 12:
                continue
            day = m.group("bday")
            if day:
                if not 1 <= int(day) <= 31:
                    continue
                period = f"{pub[0]:04d}-{mon:02d}-{int(day):02d}"
            else:
                if text[s - 1 : s] == "个":
                    continue
                period = f"{pub[0]:04d}-{mon:02d}"
            year_only = False
        elif m.group("bare"):
            if not pub:
                continue
            rest = m.group("bare")
            if rest in HALVES:
                period = f"{pub[0]:04d}-{HALVES[rest]}"
            elif rest in CUM_QUARTERS:
                period = f"{pub[0]:04d}-01..{pub[0]:04d}-{CUM_QUARTERS[rest]:02d}"
            else:
                period = f"{pub[0]:04d}-Q{QUARTERS[rest.lstrip('第')]}"
            year_only = False
        if period is None:
            continue
        if m.group("cut"):
            end = period.split("..")[-1]
            period = f"..{end}"
        elif period.endswith("-12-31") and m.group("rest") in ("年底", "年末", "底", "末"):
            if text[max(0, s - 1) : s] in ("到", "至"):
                period = period[:7]  # 到2019年底: a target for December
            else:
                period = period[:4]  # 2007年末余额: the year's closing figure
        if pub and not period.startswith("..") and _SINCE.match(text, e):
            # 今年4月上线以来: from then up to publication, at the same precision
            start = period.split("..")[0]
            period = f"{start}..{_at_precision(pub, start)}"
        base = text[max(0, s - 1) : s] in ("比", "较", "与", "同") or text[max(0, s - 2) : s] in (
            "相比",
            "对比",
        )
        out.append(TimeExpr(s, e, period, year_only, base))
    if pub:
        for m in _SPAN_YEARS.finditer(text):
            n = _cn_small(m.group("n"))
            if not n or n > 50:
                continue
            if m.group("dir") == "未来":
                period = f"{pub[0] + 1}..{pub[0] + n}"
            else:
                period = f"{pub[0] - n}..{pub[0] - 1}"
            out.append(TimeExpr(m.start(), m.end(), period, True))
    out.sort(key=lambda t: t.start)
    for m in _CUTOFF_THEN.finditer(text):
        prev = [t for t in out if t.end <= m.start() and not t.period.startswith("..")]
        if prev:
            end = prev[-1].period.split("..")[-1]
            out.append(TimeExpr(m.start(), m.end(), f"..{end}", False))
    out.sort(key=lambda t: t.start)
    return out


def _holiday(m: re.Match[str], pub: tuple[int, int, int]) -> str | None:
    """The days of a named holiday week in the year named, else the publication's year."""
    name = m.group("h") or m.group("nd")
    if name is None:
        # a bare 黄金周: the holiday week nearest the publication month
        name = "春节" if pub[1] <= 3 else "五一" if pub[1] <= 7 else "国庆"
    name = _HOLIDAY_NAME.get(name, name)
    y = int(m.group("hy")) if m.group("hy") else pub[0]
    if not m.group("hy") and name == "春节" and pub[1] >= 11:
        y += 1  # 春节 talked about in November or December is the coming one
    days = HOLIDAY_WEEKS.get(name, {}).get(y) or HOLIDAY_USUAL.get(name)
    if days is None:
        return None
    return f"{y:04d}-{days[0]}..{y:04d}-{days[1]}"


def _at_precision(pub: tuple[int, int, int], like: str) -> str:
    """The publication date written at the precision of ``like`` (2019, 2019-04, ...)."""
    if len(like) == 4:
        return f"{pub[0]:04d}"
    if len(like) == 7 and like[4] == "-" and like[5].isdigit():
        return f"{pub[0]:04d}-{pub[1]:02d}"
    return f"{pub[0]:04d}-{pub[1]:02d}-{pub[2]:02d}"


def _cn_small(t: str) -> int | None:
    if t.isdigit():
        return int(t)
    v = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if t in v:
        return v[t]
    if t == "十":
        return 10
    return None


def shift_year(period: str, delta: int) -> str:
    """Move every year in a period string by ``delta`` (for 去年同期)."""
    return re.sub(r"(?:19|20)\d{2}", lambda m: str(int(m.group(0)) + delta), period)
