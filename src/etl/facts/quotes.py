"""Direct speech in quotation marks attributed to a named person."""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.facts import patterns as P
from etl.facts.textnorm import fold
from etl.records import Quote

_TITLES = sorted(P.ROLE_TITLES, key=len, reverse=True)
_TITLE_RE = re.compile("|".join(re.escape(t) for t in _TITLES))
_VERB_RE = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, set(P.SPEECH_VERBS)), key=len, reverse=True)) + r")"
)
#: Words between a name and its speech verb (王哲则表示, 马化腾当时说, 张磊今天在发言中表示).
_FILLER = re.compile(
    r"(?:则|还|也|又|曾|更|就|便|却|都|随后|当时|今天|昨天|此前|近日|日前|再次|进一步|同时|"
    r"(?:在|于)[^，。“”]{0,10}(?:上|中|时)|对[^，。“”]{0,8}(?:记者|媒体|新闻)|向[^，。“”]{0,6}记者|"
    r"接受[^，。“”]{0,10}采访时?|开玩笑地|笑着|激动地|无奈地|坦言|沉默了一会)*"
)
#: First characters of words that may follow a name (adverbs, speech verbs): a given name
#: does not run on into them.
_NAME_END = (
    "则还也又曾更就便却都随当今昨此近日再进同在于对向接开笑激无坦"
    "表说称指介认强透回告解补感提谈道写呼承宣叮问答分建讲记沉"
)
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z]+$|[a-z]{4,}$")
_OPEN = {"“": "”", "「": "」", "『": "』"}


@dataclass(slots=True)
class _Person:
    name: str
    role: str | None
    org: str | None
    pos: int


def _name_at(s: str, i: int, limit: int) -> str | None:
    """A Chinese personal name starting at ``i`` (surname + one or two characters)."""
    j = i
    if s.startswith(P.SURNAMES_COMPOUND, j):
        j += 2
    elif j < limit and s[j] in P.SURNAMES:
        j += 1
    else:
        return None
    for hon in P.NAME_HONORIFICS:
        if s.startswith(hon, j) and len(hon) >= 2:
            return s[i : j + len(hon)]
    given = 0
    while j + given < limit and given < 2 and "\u4e00" <= s[j + given] <= "\u9fff":
        given += 1
    if given == 0:
        return None
    if given == 2 and s[j + 1] in _NAME_END:
        given = 1
    return s[i : j + given]


def _split_chain(chain: str) -> tuple[str | None, str | None]:
    """'天津市宝坻区副区长、京津中关村科技城党工委书记' -> ('副区长', '天津市宝坻区')."""
    seg = chain.split("、")[0].strip("，, 的")
    if not seg:
        return None, None
    found = list(_TITLE_RE.finditer(seg))
    m = found[-1] if found else None
    if m is not None and m.end() >= len(seg) - 1:
        role = seg[m.start() : m.end()]
        org = seg[: m.start()].rstrip("的") or None
        return role, org
    # no known title: split after the last organisation suffix
    best = -1
    for suf in P.ORG_SUFFIXES:
        k = seg.rfind(suf)
        if k != -1 and k + len(suf) < len(seg) and k + len(suf) > best:
            best = k + len(suf)
    if best > 0:
        return seg[best:] or None, seg[:best]
    return (seg if len(seg) <= 8 else None), None


def _chain_before(s: str, end: int) -> str:
    k = end
    while k > 0 and s[k - 1] not in '，。！？；：:,\n“”「」（）()?!;"':
        k -= 1
    return s[k:end]


def _speaker_from(text: str, base: int, s: str) -> _Person | None:
    """Speaker in an attribution like '天大智图总经理贾勇哲' (text ends just before the verb)."""
    # strip trailing fillers
    t = text.strip()
    while True:
        m = re.search(r"(?:" + _FILLER.pattern[3:-2] + "|" + _VERB_RE.pattern + r")$", t)
        if not m or m.start() == len(t):
            break
        t = t[: m.start()]
    if not t:
        return None
    lm = _LATIN_NAME.search(t)
    if lm:
        return _Person(lm.group(0), None, None, base + lm.start())
    for pron in P.PRONOUNS:
        if t.endswith(pron) and (len(t) == len(pron) or t[-len(pron) - 1] in "，,。"):
            return _Person(pron, None, None, base)
    # try name lengths 3, 2, 4 at the end; the rest is the role chain
    for ln in (3, 2, 4):
        if len(t) < ln:
            continue
        i = len(t) - ln
        nm = _name_at(t, i, len(t))
        if nm != t[i:]:
            continue
        chain = t[:i]
        if chain and not (
            any(chain.endswith(x) for x in _TITLES)
            or chain[-1] in "、的，"
            or any(chain.endswith(x) for x in P.ORG_SUFFIXES)
        ):
            if ln == 3 and len(t) > 3:
                continue
            if len(chain) > 0 and ln == 2 and not _TITLE_RE.search(chain):
                continue
        role, org = _split_chain(chain) if chain else (None, None)
        return _Person(nm, role, org, base + i)
    if 2 <= len(t) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in t):
        return _Person(t, None, None, base)
    return None


def _people(s: str) -> list[_Person]:
    """Role-chain mentions anywhere: '…局长尹继辉' -> 尹继辉 (局长, …局)."""
    out: list[_Person] = []
    for m in _TITLE_RE.finditer(s):
        nm = _name_at(s, m.end(), min(len(s), m.end() + 4))
        if not nm:
            continue
        nxt = s[m.end() + len(nm) : m.end() + len(nm) + 1]
        if nxt and "\u4e00" <= nxt <= "\u9fff" and nxt not in _NAME_END:
            continue
        chain = _chain_before(s, m.end())
        role, org = _split_chain(chain)
        out.append(_Person(nm, role, org, m.end()))
    return out


def _spans(s: str) -> list[tuple[int, int, int, int]]:
    """(open, inner_start, inner_end, close) of each quotation, joining paragraphs that
    continue a quote (a paragraph ending unclosed and the next opening with a mark)."""
    out: list[tuple[int, int, int, int]] = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch in _OPEN or (ch == '"' and _is_open_ascii(s, i)):
            close_ch = _OPEN.get(ch, '"')
            j = i + 1
            depth_end = -1
            while j < n:
                if s[j] == close_ch:
                    depth_end = j
                    break
                if s[j] == "\n":
                    if s[j + 1 : j + 2] == ch:
                        j += 2
                        continue
                    break
                j += 1
            if depth_end == -1:
                depth_end = j
            out.append((i, i + 1, depth_end, depth_end))
            i = depth_end + 1
            continue
        i += 1
    return out


def _is_open_ascii(s: str, i: int) -> bool:
    line_start = s.rfind("\n", 0, i) + 1
    return s.count('"', line_start, i) % 2 == 0 and bool(
        re.match(r'"[^"\n]*[\u4e00-\u9fff]', s[i:])
    )


def extract_quotes(body: str) -> list[Quote]:
    """Quoted speech with its speaker, role and organisation; never raises."""
    try:
        return _extract(body or "")
    except Exception:  # noqa: BLE001 - one bad article must not stop the pipeline
        return []


def _extract(body: str) -> list[Quote]:
    s = fold(body)
    people = _people(s)
    known: dict[str, _Person] = {}
    for p in people:
        known.setdefault(p.name, p)
    quotes: list[Quote] = []
    last: _Person | None = None
    pi = 0
    for o, a, b, c in _spans(s):
        inner = s[a:b]
        while pi < len(people) and people[pi].pos < o:
            last = people[pi]
            pi += 1
        speaker: _Person | None = None
        # 1. attribution before: "王小云说：“" / "马化腾表示，“"
        pre_full = s[max(0, o - 40) : o]
        mv = re.search(r"(" + _VERB_RE.pattern + r")(?:道|称)?[：:，,\s]*$", pre_full)
        if mv:
            head_end = o - (len(pre_full) - mv.start())
            head = _chain_before(s, head_end)
            speaker = _speaker_from(head, head_end - len(head), s)
            if (
                speaker is None
                and head_end - len(head) > 0
                and s[head_end - len(head) - 1] in "，,"
            ):
                h2_end = head_end - len(head) - 1
                h2 = _chain_before(s, h2_end)
                speaker = _speaker_from(h2, h2_end - len(h2), s)
        # 2. attribution after: "”天大智图总经理贾勇哲说"
        if speaker is None:
            post = s[c + 1 : c + 60]
            post = post.lstrip("，, ")
            off = c + 1 + (len(s[c + 1 : c + 60]) - len(post))
            seg = re.match(r"[^，。！？；：:“\n]*", post).group(0)
            vm = _VERB_RE.search(seg)
            if vm:
                speaker = _speaker_from(seg[: vm.start()], off, s)
            elif seg and not inner.rstrip().endswith(("。", "！", "？", "…")):
                pass
        # 3. a role chain in the text right after the quote (…”谈起…，…副总经理徐孟俭感到…)
        if speaker is None and inner.rstrip()[-1:] in "。！？…":
            nxt_end = min(len(s), c + 80)
            k = s.find("。", c + 1, nxt_end)
            window_end = k if k != -1 else nxt_end
            for p in people:
                if c < p.pos < window_end and "\n" not in s[c : p.pos]:
                    speaker = p
                    break
        if speaker is not None and speaker.name in P.PRONOUNS:
            speaker = last if last is not None and o - last.pos <= P.SPEAKER_CARRY_WINDOW else None
        # 4. no attribution next to it: the last named speaker, for speech-like quotes
        if speaker is None:
            speechy = len(inner) >= P.MIN_CONTEXT_QUOTE_CHARS and re.search(r"[，。！？,]", inner)
            if speechy and last is not None and o - last.pos <= P.SPEAKER_CARRY_WINDOW:
                speaker = last
        if speaker is None:
            continue
        k = known.get(speaker.name)
        role = speaker.role or (k.role if k else None)
        org = speaker.org or (k.org if k else None)
        if speaker.name not in known:
            known[speaker.name] = speaker
        last = _Person(speaker.name, role, org, c)
        text = body[a:b].replace("\n“", "\n").replace("\n「", "\n")
        quotes.append(
            Quote(
                speaker=fold(speaker.name),
                role=fold(role) if role else None,
                org=fold(org) if org else None,
                text=text,
                start=a,
                end=b,
            )
        )
    return quotes
