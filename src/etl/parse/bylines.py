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
        if not tok or tok in P.NOT_NAMES:
            continue
        if P.CJK_RE.match(tok) and len(tok) > MAX_CJK_NAME:
            return []
        out.append(tok)
    return out


def byline_names(line: str) -> list[str] | None:
    """Names when ``line`` is a byline ("新华社记者刘惟真、郭方达", "文/李楠"), else None."""
    if len(line) > 60:
        return None
    m = P.BYLINE_RE.match(line)
    if not m:
        return None
    names = split_names(m["names"])
    return names or None


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
    return m.group(1).strip() or None


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
