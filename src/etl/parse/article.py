"""Assemble an Article from lines: classify header/body/footer lines, pick date and people."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from etl.parse import bylines as B
from etl.parse import dates as D
from etl.parse import patterns as P
from etl.parse.body import _run_weight, is_caption, is_furniture
from etl.parse.dom import Line

_SQ = re.compile(r"\s+")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
#: A meta line (date/source/author strip) is short; longer lines are prose.
META_LINE_MAX = 90


def squash(s: str | None) -> str:
    """Text without whitespace, for comparisons."""
    return _SQ.sub("", s or "")


@dataclass(slots=True)
class Sorted:
    """Lines of a page sorted into article parts."""

    body: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    source: str | None = None
    dates: list[str] = field(default_factory=list)


def _is_meta_line(t: str) -> bool:
    """A short strip of date / source / author / views with no prose."""
    if len(t) > META_LINE_MAX:
        return False
    if P.DATE_TIME_RE.search(t) and sum(1 for ch in t if ch in "。！？") == 0:
        rest = P.DATE_TIME_RE.sub("", t)
        return len(squash(rest)) <= 45
    return False


def sort_lines(lines: list[Line], simp: list[str], title: str | None) -> Sorted:
    """Split container lines into body, captions, bylines, editors, source and date hints."""
    out = Sorted()
    st = squash(title)
    segments: list[list[str]] = [[]]
    for line, s in zip(lines, simp, strict=False):
        t = line.text
        gm = P.GALLERY_COUNTER_RE.match(t)
        if gm and 0 < int(gm["i"]) <= int(gm["n"]):
            t = t[gm.end():]
        sq = squash(t)
        if len(s) <= META_LINE_MAX and (P.STOP_LINE_RE.match(s)
                                        or P.STOP_LINE_RE.match(P.STOP_SEP_RE.sub("", s))):
            names = B.editor_names(s)
            if names:
                out.editors += names
            segments.append([])
            continue
        if st and (sq == st or (line.heading and len(sq) >= 4 and sq in st)
                   or squash(P.HEADLINE_LABEL_RE.sub("", t)) == st):
            continue
        names = B.editor_names(s)
        if names is not None:
            out.editors += names
            continue
        if P.EDITOR_INLINE_RE.search(s) and len(s) <= 40 and not _prose(s):
            m = P.EDITOR_INLINE_RE.search(s)
            out.editors.append(m.group(1))
            continue
        names = B.byline_names(s)
        if names is not None:
            out.authors += [n for n in _originals(names, s, t) if n not in out.authors]
            continue
        src = B.source_of(s) if len(s) <= META_LINE_MAX else None
        meta = src is not None and not _prose(s)
        if meta or _is_meta_line(s):
            if meta:
                out.source = out.source or src
            d = D.parse_date(s)
            if d:
                out.dates.append(d)
            # a writer named inside the strip ("作者：某某 2024-03-05 阅读：1024")
            out.authors += [n for n in _originals(B.meta_author_names(s), s, t)
                            if n not in out.authors]
            continue
        if is_caption(Line(s, line.link_chars, line.caption, after_img=line.after_img,
                           centered=line.centered)):
            out.captions.append(t)
            continue
        if is_furniture(Line(s, line.link_chars, line.caption, line.heading, line.furniture,
                             line.after_img)):
            continue
        pm = P.TRAILING_POINTER_RE.search(t)
        if pm and pm.start() > 0:
            t = t[: pm.start()].rstrip()
        segments[-1].append(t)
    out.body = _drop_pull_quotes(max(segments, key=_segment_weight))
    _trim_tail(out)
    if out.body:
        em = P.TRAILING_EDITOR_RE.search(out.body[-1])
        if em:
            out.editors += B.split_names(em["names"]) or [em["names"]]
            rest = out.body[-1][: em.start()].rstrip()
            if rest:
                out.body[-1] = rest
            else:
                out.body.pop()
    if out.body:
        tc = B.trailing_credit(out.body[-1])
        if tc:
            rest, names = tc
            out.authors += [n for n in names if n not in out.authors]
            if rest:
                out.body[-1] = rest
            else:
                out.body.pop()
    return out


def _originals(names: list[str], simp: str, orig: str) -> list[str]:
    """Names found in the simplified copy of a line, spelt as the page spells them (the
    conversion keeps character positions)."""
    if simp == orig or len(simp) != len(orig):
        return names
    out = []
    for n in names:
        i = simp.find(n)
        out.append(orig[i: i + len(n)] if i >= 0 else n)
    return out


def _drop_pull_quotes(lines: list[str]) -> list[str]:
    """Drop sentences repeated inside a longer line of the same article (pull quotes, summary
    boxes); a paragraph repeated whole, and a subheading quoted in the text, are kept."""
    if len(lines) < 3:
        return lines
    sq = [squash(t) for t in lines]
    out = []
    for i, t in enumerate(lines):
        s = sq[i]
        if len(s) >= P.PULL_QUOTE_MIN and P.SENTENCE_END_RE.search(s) and any(
                j != i and len(o) > len(s) and s in o for j, o in enumerate(sq)):
            continue
        out.append(t)
    return out


def _segment_weight(seg: list[str]) -> float:
    """Prose evidence of a run of lines between stop lines (see body._run_weight)."""
    return sum(_run_weight(t, False) for t in seg)


def _prose(t: str) -> bool:
    return sum(1 for ch in t if ch in "，。！？；") >= 2


def _trim_tail(out: Sorted) -> None:
    """Drop trailing lines that are not prose (footers, link labels) after the last sentence."""
    while out.body:
        t = out.body[-1]
        if t and (t[-1] in P.END_PUNCT or len(t) > 60 or (len(t) >= 20 and _prose(t))):
            break
        if len(out.body) == 1:
            break
        out.body.pop()


def year_hint(text: str, extra: list[str]) -> int | None:
    """The publication year for a month/day dateline: the latest plausible year the page shows."""
    years = [int(y) for y in _YEAR.findall(text)]
    years += [int(e[:4]) for e in extra if e]
    this_year = dt.date.today().year
    years = [y for y in years if 1990 <= y <= this_year]
    return max(years) if years else None


def pick_date(near: list[str], meta: list[str], other: list[str]) -> str | None:
    """Timed dates first (visible near the headline, then meta), then bare dates."""
    near, meta, other = [c for c in near if c], [c for c in meta if c], [c for c in other if c]
    order = (
        [c for c in near if D.has_time(c)]
        + [c for c in meta if D.has_time(c)]
        + [c for c in near if not D.has_time(c)]
        + [c for c in other if D.has_time(c)]
        + [c for c in meta if not D.has_time(c)]
        + [c for c in other if not D.has_time(c)]
    )
    return order[0] if order else None
