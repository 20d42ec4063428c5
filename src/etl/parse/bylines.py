"""Bylines, editor lines, source lines and agency datelines."""

from __future__ import annotations

import re

from etl.parse import patterns as P

_SPLIT = re.compile(r"[\s、，,;；和及与/|｜&＆]+")
#: A Chinese personal name is 2-4 characters; longer tokens are outlets or phrases.
MAX_CJK_NAME = 5


def split_names(s: str) -> list[str]:
    """Split a run of names ("刘惟真、郭方达", "段彦超 廖艳") into a list, dropping non-names."""
    out: list[str] = []
    for tok in _SPLIT.split(s.strip()):
        tok = tok.strip("()（）[]【】:：")
        if not tok or tok in P.NOT_NAMES or P.ROLE_WORD_RE.fullmatch(tok):
            continue
        if P.CJK_RE.match(tok) and len(tok) > MAX_CJK_NAME:
            return []
        out.append(tok)
    return out


def byline_names(line: str) -> list[str] | None:
    """Names when ``line`` is a byline ("新华社记者刘惟真、郭方达", "文/李楠"), else None."""
    if len(line) > 60 or P.PHOTO_CREDIT_END_RE.search(line):
        return None  # "图片记者 某某、某某摄" credits the photographers, not the writers
    m = P.BYLINE_RE.match(line)
    if not m and len(line) <= 40:
        m = P.CREDIT_SUFFIX_RE.match(line) or P.SPOKESPERSON_RE.match(line)
        if m and any(w in m["names"] for w in ("记者", "本报", "本网", "编辑")):
            m = None
    if not m or m["names"].startswith(("自", "於", "于")):
        # "综合整理自某网、某报等" names sources, not writers
        return None
    names = split_names(m["names"])
    return names or None


def english_byline(line: str) -> list[str] | None:
    """Names of an English byline ("By Maria Lopez and Tom Baker, Staff Writers"), else None."""
    line = line.strip()
    if len(line) > 100:
        return None
    m = P.EN_BYLINE_RE.match(line)
    if not m:
        return None
    out: list[str] = []
    for i, seg in enumerate(re.split(r"\s*[,;|·•–—]\s*|\s+-\s+", m["names"])):
        parts = [x.strip() for x in re.split(r"\s+(?:and|&)\s+", seg) if x.strip()]
        if i > 0 and any(P.EN_ROLE_RE.search(x) for x in parts):
            break
        for x in parts:
            if P.EN_NAME_RE.match(x) and not P.EN_ROLE_RE.search(x):
                out.append(x)
    return out or None


def name_outlet(line: str) -> tuple[list[str], str] | None:
    """(names, outlet) for a "石佳/中国青年报"-style credit line, else None."""
    if len(line) > 40:
        return None
    m = P.NAME_OUTLET_RE.match(line.strip())
    if not m:
        return None
    names = split_names(m["names"] or m["names2"])
    if not names:
        return None
    return names, m["outlet"] or m["outlet2"]


def account_name(line: str) -> tuple[str, bool] | None:
    """The one unlabelled token of a short meta strip that carries a date
    ("原创 某某号 2019-09-04 22:18:34"): (token, is_outlet). Self-media pages credit the
    account this way; a token ending like an outlet (…网, …报) is a source instead."""
    if len(line) > 60:
        return None
    m = P.DATE_TIME_RE.search(line)
    if not m:
        return None
    before = P.ACCOUNT_LABEL_RE.sub("", line[: m.start()].strip()).strip()
    after = line[m.end():].strip()
    rest = (before + " " + after).strip()
    if not rest or not P.ACCOUNT_NAME_RE.match(rest) or rest.isdigit():
        return None
    if not P.CJK_RE.search(rest) and not any(c.isalpha() for c in rest):
        return None
    if rest in P.NOT_NAMES or re.search(r"来源|來源|编辑|編輯|阅读|閱讀|评论|評論|浏览|点击", rest):
        return None
    # "2019-11-25 18:57 某某" (name after the date) is a portal's source credit; self-media
    # strips put the account first ("某某号 2019-09-04 22:18")
    return rest, bool(not before or re.search(P.OUTLET_END + "$", rest) or is_org_name(rest))


def is_org_name(name: str) -> bool:
    """True when a credited name ends like an outlet or an organisation (…报, …局, …发布)."""
    return bool(re.search("(?:" + P.OUTLET_END + "|" + P.ORG_END + ")$", name))


def is_follow_button(line: str) -> bool:
    """A "关注"/"+关注" button (it sits next to a self-media account name)."""
    return bool(P.FOLLOW_RE.match(line.strip()))


def inline_byline_names(text: str) -> list[str]:
    """Names credited inside a lead paragraph: "新京报讯（记者 陆一夫）"."""
    m = P.INLINE_BYLINE_RE.search(text[:200])
    return split_names(m["names"]) if m else []


def editor_names(line: str) -> list[str] | None:
    """Names when ``line`` is an editor credit ("责任编辑：王某"), else None."""
    if len(line) > 60:
        return None
    m = P.EDITOR_RE.match(line)
    if not m:
        return None
    return split_names(m.group(1)) or [m.group(1).strip()]


def source_of(line: str) -> str | None:
    """The outlet named after 来源：, if any."""
    m = P.SOURCE_RE.search(line)
    if not m:
        return None
    src = (m.group(1) or m.group(2) or "").strip().strip("《》「」【】[]")
    if not src or P.NOT_A_SOURCE_RE.match(src):
        return None
    return src


def date_source(line: str) -> str | None:
    """The outlet a portal's meta strip names right after the date, before other widgets
    ("2019年09月11日01:53 某某科技 我有话说(1307人参与)", "2019-09-05 11:10 某某网[整理]")."""
    if len(line) > 80:
        return None
    m = P.DATE_TIME_RE.search(line)
    if not m or line[: m.start()].strip():
        return None
    after = line[m.end():].strip().lstrip("|｜/·").strip()
    t = P.DATE_SOURCE_RE.match(after)
    if not t or t[1].isdigit() or P.NOT_A_SOURCE_RE.match(t[1]) or _WIDGET_WORD.search(t[1]):
        return None
    rest = after[t.end():].strip()
    # what follows must be widgets (counters, brackets), not more names ("某某 张三 李四")
    if rest and not (rest[0] in "[【(（|｜" or re.search(r"\d", rest) or _WIDGET_WORD.search(rest)):
        return None
    return t[1]


_WIDGET_WORD = re.compile(r"来源|來源|编辑|編輯|阅读|閱讀|评论|評論|浏览|瀏覽|点击|點擊|星期|"
                          r"周[一二三四五六日]|字号|字號|作者|记者|記者|分享|收藏|举报|參與|参与")


def dateline(text: str) -> tuple[str, str | None, int, int] | None:
    """(agency, place, month, day) of a lead such as "新华社天津10月25日电"."""
    m = P.DATELINE_RE.match(text.strip())
    if not m:
        return None
    return m["agency"], m["place"], int(m["month"]), int(m["day"])


def meta_author_names(line: str) -> list[str]:
    """Writers named inside a short meta strip ("来源：某网作者：李在山")."""
    m = P.META_AUTHOR_RE.search(line)
    return split_names(m["names"]) if m else []


def trailing_credit(line: str) -> tuple[str, list[str]] | None:
    """(line without the credit, names) when a paragraph ends with "(李楠)"-style credit."""
    m = P.TRAILING_CREDIT_RE.search(line)
    if not m:
        return None
    names = split_names(m["names"])
    if not names:
        return None
    return line[: m.start()].rstrip(), names
