"""Page metadata: <meta> tags, JSON-LD, <title>, canonical link; and headline choice."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from lxml import etree

from etl.parse import patterns as P
from etl.parse.dom import norm_ws

_KEY = re.compile(r"[-_:.\s]")
#: A candidate found inside <title> must cover this share of the suffix-stripped <title>;
#: shorter matches are fragments (a line of a headline split by <br>, a site name).
MIN_TITLE_SHARE = 0.6


@dataclass(slots=True)
class PageMeta:
    """What the page's head and structured data say about the article."""

    title_tag: str | None = None
    metas: dict[str, str] = field(default_factory=dict)
    jsonld: list[dict] = field(default_factory=list)
    canonical: str | None = None
    h1: list[str] = field(default_factory=list)
    lang: str | None = None


def _key(s: str) -> str:
    return _KEY.sub("", s.lower())


def read_meta(root: etree._Element) -> PageMeta:
    """Collect metadata before noise is stripped from the tree."""
    pm = PageMeta()
    for t in root.iter("title"):
        txt = norm_ws(t.text_content() or "")
        if txt:
            pm.title_tag = txt
            break
    for m in root.iter("meta"):
        k = m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv")
        v = m.get("content")
        if k and v and v.strip():
            pm.metas.setdefault(_key(k), norm_ws(v))
    for s in root.iter("script"):
        if (s.get("type") or "").lower() == "application/ld+json" and s.text:
            try:
                data = json.loads(s.text)
            except ValueError:
                continue
            items = data if isinstance(data, list) else [data]
            for it in items:
                if isinstance(it, dict):
                    pm.jsonld.append(it)
                    graph = it.get("@graph")
                    if isinstance(graph, list):
                        pm.jsonld.extend(g for g in graph if isinstance(g, dict))
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            pm.canonical = link.get("href").strip()
            break
    if not pm.canonical and pm.metas.get("ogurl"):
        pm.canonical = pm.metas["ogurl"]
    for h in root.iter("h1"):
        txt = norm_ws(h.text_content() or "")
        if txt:
            pm.h1.append(txt)
    pm.lang = root.get("lang")
    return pm


def jsonld_value(pm: PageMeta, *keys: str) -> str | None:
    """First string value of any of ``keys`` in the page's JSON-LD objects."""
    for it in pm.jsonld:
        for k in keys:
            v = it.get(k)
            if isinstance(v, str) and v.strip():
                return v.strip()
            if isinstance(v, dict) and isinstance(v.get("name"), str):
                return v["name"].strip()
            if isinstance(v, list) and v:
                first = v[0]
                if isinstance(first, str):
                    return first
                if isinstance(first, dict) and isinstance(first.get("name"), str):
                    return first["name"].strip()
    return None


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def strip_site_suffix(title: str) -> str:
    """Drop trailing (or leading) site-name segments of a <title>, judged by length only."""
    parts = [p for p in P.TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) <= 1:
        return title.strip()
    # keep the longest segment and whatever longer neighbours hang on it
    longest = max(range(len(parts)), key=lambda i: len(parts[i]))
    return parts[longest].strip()


def _headline_over_lines(lines: list[str], target: str) -> str | None:
    """A headline broken over 2-3 consecutive lines (by <br> or spans) equal to ``target``."""
    if len(target) < 8:
        return None
    for i in range(len(lines)):
        acc = ""
        for k in range(i, min(i + 3, len(lines))):
            acc += _squash(lines[k])
            if not target.startswith(acc):
                break
            if acc == target and k > i:
                out = lines[i]
                for nxt in lines[i + 1: k + 1]:
                    sep = "" if (P.CJK_RE.match(out[-1:]) or P.CJK_RE.match(nxt[:1])) else " "
                    out += sep + nxt
                return out.strip()
    return None


def _drop_label(title: str | None) -> str | None:
    if not title:
        return title
    rest = P.TITLE_LABEL_RE.sub("", title)
    return rest if len(_squash(rest)) >= 6 else title


def choose_title(pm: PageMeta, heading_lines: list[str],
                 page_lines: list[str] | None = None, nearest: str | None = None) -> str | None:
    """The headline (see :func:`_choose_title`), without a leading "[label]"."""
    return _drop_label(_choose_title(pm, heading_lines, page_lines, nearest))


def _choose_title(pm: PageMeta, heading_lines: list[str],
                  page_lines: list[str] | None = None, nearest: str | None = None) -> str | None:
    """The headline: an h1/og:title/heading that the <title> contains; else a headline the
    page breaks over lines; else the h1; else the heading nearest above the article; else
    og:title or the <title> without its site-name segments."""
    tt = pm.title_tag or ""
    stt = _squash(tt)
    seg = _squash(strip_site_suffix(tt)) if tt else ""
    cands: list[str] = []
    cands += pm.h1
    for k in ("ogtitle", "twittertitle", "title", "headline"):
        if pm.metas.get(k):
            cands.append(pm.metas[k])
    ld = jsonld_value(pm, "headline", "name")
    if ld:
        cands.append(ld)
    cands += heading_lines
    cands += page_lines or []
    best = None
    if stt:
        for c in cands:
            sc = _squash(c).rstrip(".…")
            if len(sc) >= 4 and sc in stt and (best is None or len(sc) > len(_squash(best))):
                best = c
    if seg and page_lines and (best is None or len(_squash(best)) < len(seg)):
        joined = _headline_over_lines(page_lines, seg)
        if joined:
            return joined
    if best and len(_squash(best)) >= MIN_TITLE_SHARE * len(seg):
        return best.strip()
    for c in pm.h1:
        if len(_squash(c)) >= 6:
            return c.strip()
    for k in ("ogtitle", "twittertitle"):
        if pm.metas.get(k):
            return strip_site_suffix(pm.metas[k])
    if (nearest and len([x for x in P.TITLE_SEPARATORS.split(tt) if x.strip()]) > 1
            and seg not in {_squash(x) for x in page_lines or []}):
        return nearest.strip()
    if tt:
        return strip_site_suffix(tt)
    return None
