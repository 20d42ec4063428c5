"""Direct speech in quotation marks attributed to a named person."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from etl.facts import patterns as P
from etl.facts import quote_patterns as Q
from etl.facts.textnorm import fold
from etl.records import Quote

_TITLES = sorted(set(P.ROLE_TITLES) | set(Q.EXTRA_TITLES), key=len, reverse=True)
_TITLES_T = tuple(_TITLES)
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
_STRIP_TAIL = re.compile(
    r"(?:" + _FILLER.pattern[3:-2] + "|" + Q.FILLER_RE[3:-2] + "|" + _VERB_RE.pattern + r")$"
)
#: First characters of words that may follow a name (adverbs, speech verbs): a given name
#: does not run on into them.
_NAME_END = (
    "则还也又曾更就便却都随当今昨此近日再进同在于对向接开笑激无坦"
    "表说称指介认强透回告解补感提谈道写呼承宣叮问答分建讲记沉引"
)
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z]+$|[a-z]{4,}$")
_OPEN = {"“": "”", "「": "」", "『": "』"}
_APPOS_AFTER = re.compile(r"[，,]?[他她]?(?:是|系)([^，。；！？,;\n“”□]{2,24})[，。；,;]")
_APPOS_BEFORE = re.compile(r"作为([^，。；！？,;\n“”□]{2,24})[，,]")
_INDEFINITE = re.compile(r"^(?:一家|一所|一个|某)")
#: Verbs and particles that end the clause before a descriptive title ('出自…作曲家').
_DESC_CUT = "是自在由从为被把给了着过"
#: '升职为部门经理' : the verb before a post is not part of the organisation
_POST_VERB = re.compile(r"^(?:升职为|提拔为|升任|出任|担任|成为|作为|身为|为|任|是)")


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
        if role in Q.DESCRIPTIVE_TITLES and org and not org.endswith(P.ORG_SUFFIXES):
            # '都是出自国家一级作曲家' : the phrase starts after the last verb or particle
            desc = seg[: m.end()]
            cut = max(desc.rfind(ch, 0, m.start()) for ch in _DESC_CUT) + 1
            return desc[cut:], None
        if org:
            org = _POST_VERB.sub("", org) or None
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
    got = _speaker_parts(text)
    if got is None:
        return None
    name, role, org, off = got
    return _Person(name, role, org, base + off)


@lru_cache(maxsize=8192)
def _speaker_parts(text: str) -> tuple[str, str | None, str | None, int] | None:
    """(name, role, org, offset of the name) of the speaker in ``text``, or None."""
    # strip trailing fillers
    t = text.strip()
    while True:
        m = _STRIP_TAIL.search(t)
        if not m or m.start() == len(t):
            break
        t = t[: m.start()]
    if not t:
        return None
    lm = _LATIN_NAME.search(t)
    if lm:
        return lm.group(0), None, None, lm.start()
    for pron in P.PRONOUNS:
        if t.endswith(pron) and (len(t) == len(pron) or t[-len(pron) - 1] in "，,。"):
            return pron, None, None, 0
    # try name lengths 3, 2, 4 at the end; the rest is the role chain
    for ln in (3, 2, 4):
        if len(t) < ln:
            continue
        i = len(t) - ln
        nm = _name_at(t, i, len(t))
        if nm != t[i:]:
            continue
        if ln == 3 and t.endswith(_TITLES_T, 0, i + 1):
            continue
        chain = t[:i]
        if chain and not (
            chain.endswith(_TITLES_T)
            or chain[-1] in "、的，"
            or chain.endswith(P.ORG_SUFFIXES)
        ):
            if ln == 3 and len(t) > 3:
                continue
            if len(chain) > 0 and ln == 2 and not _TITLE_RE.search(chain):
                continue
        role, org = _split_chain(chain) if chain else (None, None)
        return nm, role, org, i
    if 2 <= len(t) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in t):
        return t, None, None, 0
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
    next_open = _SPAN_OPEN.search
    while i < n:
        # characters that cannot open a quotation are skipped in C
        mo = next_open(s, i)
        if mo is None:
            break
        i = mo.start()
        ch = s[i]
        if ch in _OPEN or (ch == '"' and _is_open_ascii(s, i)):
            close_ch = _OPEN.get(ch, '"')
            j = i + 1
            depth_end = -1
            next_stop = _SPAN_STOP[ch].search
            while j < n:
                # only a closing mark, a straight quote (inside “…”) or a line break matter
                ms = next_stop(s, j)
                if ms is None:
                    j = n
                    break
                j = ms.start()
                if s[j] == close_ch:
                    depth_end = j
                    break
                if ch == "“" and s[j] == '"':
                    eol = s.find("\n", j)
                    eol = n if eol == -1 else eol
                    if "”" not in s[j:eol] and s.count('"', i, eol) % 2 == 1:
                        depth_end = j  # '“…"' : typed with a straight closing mark
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


_NOT_NEWLINE = re.compile(r"[^\n]")
_SPAN_OPEN = re.compile("[" + re.escape("".join(_OPEN)) + '"]')
_SPAN_STOP = {
    ch: re.compile("[" + re.escape(_OPEN.get(ch, '"') + ('"' if ch == "“" else "")) + "\n]")
    for ch in (*_OPEN, '"')
}


def _is_open_ascii(s: str, i: int) -> bool:
    line_start = s.rfind("\n", 0, i) + 1
    return s.count('"', line_start, i) % 2 == 0 and bool(
        re.match(r'"[^"\n]*[\u4e00-\u9fff]', s[i:])
        or re.match(r'"[^"\n]*[A-Za-z]{2}[^"\n]*"', s[i:])
    )


_ALL_VERBS = sorted(
    {v for v in (*P.SPEECH_VERBS, *Q.EXTRA_VERBS) if v != "道"}, key=len, reverse=True
)
_VERB_ANY = re.compile("|".join(map(re.escape, _ALL_VERBS)))
_FILLER_TAIL = re.compile(Q.FILLER_RE + r"$")
_GENERIC = sorted(Q.GENERIC_PERSONS, key=len, reverse=True)
_TERMINAL = "。！？!?…"
_SAYINGS = r"的?[\u4e00-\u9fff]{0,4}?(?:" + "|".join(Q.SAYINGS) + ")"
_CLOSERS = '”」』"'
_INTAKE = re.compile("|".join(Q.INTAKE_VERBS))
#: Characters right before a mention that make it an object ('给对方', '等方面', '向他').
_OBJ_MARK = "给向对把被让跟与和等从为替"


def _object_at(m: str, i: int) -> bool:
    """Whether the mention at ``i`` follows a preposition or 等 (an object, not a subject)."""
    return i > 0 and m[i - 1] in _OBJ_MARK


def _verb_ok(m: str, i: int, v: str) -> bool:
    """Whether the verb ``v`` found at ``i`` of the masked text is a speech verb here."""
    if len(v) == 1 or v in ("表示", "认为"):
        if m[i - 1 : i] and any(m[max(0, i - len(b)) : i] == b for b in Q.VERB_BLOCK_BEFORE):
            return False
        if any(m.startswith(a, i + len(v)) for a in Q.VERB_BLOCK_AFTER):
            return False
    return True


def extract_quotes(body: str) -> list[Quote]:
    """Quoted speech with its speaker, role and organisation; never raises."""
    try:
        return _extract(body or "")
    except Exception:  # noqa: BLE001 - one bad article must not stop the pipeline
        return []


@dataclass(slots=True)
class _Tok:
    pos: int
    end: int
    kind: str  # "name" | "generic" | "pron"
    name: str


@lru_cache(maxsize=16384)
def _clean_name(t: str) -> str | None:
    """A bare token (茉莉, Gweilo) that can stand as a name, or None."""
    if not t:
        return None
    if re.fullmatch(r"[A-Za-z][A-Za-z.\-']{2,}", t):
        return t
    if not (2 <= len(t) <= 3) or not all("\u4e00" <= c <= "\u9fff" for c in t):
        return None
    if any(c in Q.NOT_IN_NAME for c in t) or any(g in t for g in _GENERIC):
        return None
    if any(w in t for w in Q.NOT_NAME_WORDS) or t[-1] in "家们方":
        return None
    if t.endswith(P.ORG_SUFFIXES) or _TITLE_RE.search(t):
        return None
    return t


#: A surname and an honorific (李女士, 王老师): a name the article uses for a person.
_SURNAME_HONORIFIC = re.compile(
    r"(?<![\u4e00-\u9fff])?([" + P.SURNAMES + r"])("
    + "|".join(sorted(map(re.escape, P.NAME_HONORIFICS), key=len, reverse=True))
    + r")"
)
#: Every surname followed by two characters (overlapping): candidate three-character names.
_SURNAME_THREE = re.compile(r"(?=([" + P.SURNAMES + r"][\u4e00-\u9fff]{2}))")
_IS_ROLE = re.compile(r"是([^，。,;；“”\n]{2,20})")


def _occurrences(m: str, word: str) -> list[int]:
    """Start offsets of the non-overlapping occurrences of ``word`` in ``m`` (str.find: no
    per-name regex to compile, which churned the re cache on every article)."""
    out = []
    k = m.find(word)
    while k != -1:
        out.append(k)
        k = m.find(word, k + len(word))
    return out


def _learn(m: str, spans) -> tuple[dict[str, _Person], set[str]]:
    """Names in the article: role chains, speakers next to a speech verb, (化名), 李女士."""
    known: dict[str, _Person] = {}
    for p in _people(m):
        known.setdefault(p.name, p)
    for vm in _VERB_ANY.finditer(m):
        if not _verb_ok(m, vm.start(), vm.group(0)):
            continue
        head = _chain_before(m, vm.start())
        p = _speaker_from(head, vm.start() - len(head), m)
        if p is None or p.name in P.PRONOUNS:
            continue
        nm = p.name
        if _LATIN_NAME.fullmatch(nm) is None:
            nm2 = _clean_name(nm) if len(nm) <= 3 and not p.role else nm
            if nm2 is None:
                continue
        if any(m.startswith(k, p.pos + len(nm)) for k in Q.KIN):
            continue
        if nm not in known or (p.role and not known[nm].role):
            known[nm] = _Person(nm, p.role, p.org, p.pos)
    for mm in re.finditer(r"([\u4e00-\u9fff]{2,3})[（(]化名[）)]", m):
        t = mm.group(1)
        for cut in (t, t[1:]):
            if _clean_name(cut) and (cut[0] in P.NAME_PREFIXES or cut[0] in P.SURNAMES):
                known.setdefault(cut, _Person(cut, None, None, mm.start()))
                break
    for mm in _SURNAME_HONORIFIC.finditer(m):
        if mm.group(2) in ("总", "老"):
            continue
        nm = mm.group(0)
        known.setdefault(nm, _Person(nm, mm.group(2), None, mm.start()))
    # names that recur: a surname and two characters, or a word after a title, seen 3+ times
    cands: dict[str, int] = {}
    for mm in _SURNAME_THREE.finditer(m):
        cands[mm.group(1)] = 0
    for tm in _TITLE_RE.finditer(m):
        for ln in (2, 3):
            cands[m[tm.end() : tm.end() + ln]] = 0
    for c in cands:
        if c in known or len(c) < 2 or c[-1] in _NAME_END or c[-1] in "集时家团司报网社党局":
            continue
        if m.count(c) < 2 or not _clean_name(c):
            continue
        hits = _occurrences(m, c)
        nxts = {m[k + len(c) : k + len(c) + 1] for k in hits}
        if len(nxts) == 1 and all("\u4e00" <= x <= "\u9fff" for x in nxts):
            continue  # always followed by the same character: part of a longer word
        n = 0
        for k in hits:
            nxt = m[k + len(c) : k + len(c) + 1]
            prv = m[k - 1 : k]
            open_left = not prv or not "\u4e00" <= prv <= "\u9fff"
            left = (
                open_left
                or prv in "的和与是在了到给由被对向从为将把请让叫"
                or m.endswith(_TITLES_T, 0, k)
            )
            right = not nxt or nxt in _NAME_END or not "\u4e00" <= nxt <= "\u9fff"
            if left and (right or open_left):
                n += 1
        if n >= 2:
            known[c] = _Person(c, None, None, m.find(c))
    # role and organisation from the first "title + name" or "name是…title" anywhere
    for n, p in list(known.items()):
        if p.role:
            continue
        for st in _occurrences(m, n):
            tt = next((x for x in _TITLES if m.endswith(x, 0, st)), None)
            if tt:
                role, org = _split_chain(_chain_before(m, st))
                known[n] = _Person(n, role or tt, org, p.pos)
                break
            end = st + len(n)
            sm = _IS_ROLE.match(m[end : end + 22])
            if sm and _TITLE_RE.search(sm.group(1)):
                seg = sm.group(1)
                tm = list(_TITLE_RE.finditer(seg))[-1]
                seg = seg[: tm.end()]
                role, org = _split_chain(seg)
                known[n] = _Person(n, role, org, p.pos)
                break
    for n, p in list(known.items()):
        h = next((h for h in P.NAME_HONORIFICS if n.endswith(h) and len(n) > len(h)), None)
        if h and len(h) >= 2 and p.role != h:
            chain = _chain_before(m, m.find(n)) if n in m else ""
            known[n] = _Person(n, h, (p.org or (chain.rstrip("的") or None)), p.pos)
    for n, p in list(known.items()):
        if p.role:
            continue
        # '刘明老师' : a title written right after the name
        k = m.find(n)
        while k != -1:
            mm = _TITLE_RE.match(m, k + len(n))
            nx = m[mm.end() : mm.end() + 1] if mm else ""
            if mm and (not "\u4e00" <= nx <= "\u9fff" or nx in _NAME_END):
                known[n] = _Person(n, mm.group(0), p.org, p.pos)
                break
            k = m.find(n, k + 1)
    # '李四，她是某大学音乐学院的研究生。' / '作为某公司的副总裁，李四…' : a post given in
    # an apposition
    zuowei = [(am.end(), am.group(1)) for am in _APPOS_BEFORE.finditer(m)]
    for n, p in list(known.items()):
        if p.role:
            continue
        phrases = [ph for e, ph in zuowei if m.startswith(n, e)]
        k = m.find(n)
        while k != -1 and not phrases:
            am = _APPOS_AFTER.match(m, k + len(n))
            if am is not None:
                phrases.append(am.group(1))
            k = m.find(n, k + 1)
        for ph in phrases:
            role, org = _split_chain(ph)
            if role and role.endswith(_TITLES_T):
                org = _INDEFINITE.sub("", org or "") or None
                known[n] = _Person(n, role, org, p.pos)
                break
    for n, p in list(known.items()):
        if p.org and p.org.startswith("该") and len(p.org) >= 2:
            # '该院副主任医师' : the organisation named before with the same ending
            where = m.find(p.org + (p.role or ""))
            known[n] = _Person(n, p.role, _antecedent_org(m, p.org[1:], where), p.pos)
    honor = {n for n in known if any(n.endswith(h) for h in P.NAME_HONORIFICS) and len(n) >= 3}
    return known, honor


_TALK_TAIL = re.compile(_FILLER.pattern + _VERB_RE.pattern)


def _talks(m: str, name: str) -> bool:
    """Whether ``name`` stands right before a speech verb somewhere (a speaker)."""
    k = m.find(name)
    while k != -1:
        if _TALK_TAIL.match(m, k + len(name)):
            return True
        k = m.find(name, k + 1)
    return False


def _antecedent_org(m: str, suffix: str, before: int) -> str | None:
    """'…去禹州市人民医院检查。…该院' -> 禹州市人民医院 (the last organisation ending in
    ``suffix`` before ``before``); None when there is none."""
    if before <= 0:
        return None
    k = m.rfind(suffix, 0, before)
    while k > 0:
        e = k + len(suffix)
        j = k
        while j > 0 and e - j < 16 and m[j - 1] not in "，。！？；：,;:!?\n“”（）()、 □":
            if m[j - 1] in "去到在于的和与从把被向给往为由及":
                break
            j -= 1
        if e - j >= len(suffix) + 2 and not m[j:e].startswith("该"):
            return m[j:e]
        k = m.rfind(suffix, 0, k)
    return None


#: Generic persons and pronouns at every position (a lookahead, so overlapping starts are
#: all seen); the first alternative matching at a position is the one a plain alternation
#: would take there.
_GENERIC_AHEAD = re.compile(
    "(?=(" + "|".join([re.escape(g) for g in _GENERIC] + ["他(?!们)", "她(?!们)"]) + "))"
)


def _token_matches(m: str, names: list[str]) -> list[tuple[int, str]]:
    """(start, text) of the non-overlapping leftmost matches of the alternation
    names | generic persons | 他/她 (names first, in the order given), scanned left to right
    as ``re.finditer`` would, without compiling a pattern per article."""
    at: dict[int, str] = {}
    for n in names:
        k = m.find(n)
        while k != -1:
            if k not in at:
                at[k] = n
            k = m.find(n, k + 1)
    for mm in _GENERIC_AHEAD.finditer(m):
        k = mm.start()
        if k not in at:
            at[k] = mm.group(1)
    out: list[tuple[int, str]] = []
    end = 0
    for k in sorted(at):
        if k >= end:
            t = at[k]
            out.append((k, t))
            end = k + len(t)
    return out


def _tokens(m: str, known: dict[str, _Person]) -> list[_Tok]:
    names = sorted(known, key=len, reverse=True)
    if "" in known:  # an empty alternative matches everywhere: keep the regex's behaviour
        pats = [re.escape(n) for n in names] + [re.escape(g) for g in _GENERIC]
        rx = re.compile("|".join([*pats, "他(?!们)", "她(?!们)"]))
        matches = [(mm.start(), mm.group(0)) for mm in rx.finditer(m)]
    else:
        matches = _token_matches(m, names)
    out: list[_Tok] = []
    for a, t in matches:
        b = a + len(t)
        if t == "方面" and a > 0 and m[a - 1] in "一另多各两几这那":
            continue  # '一方面' : an adverb, not '公司方面'
        if t == "朋友" and m[b : b + 1] == "圈":
            continue
        if t in ("他", "她"):
            if m[a - 1 : a] in "其吉":
                continue
            out.append(_Tok(a, b, "pron", t))
        elif t in known:
            kind = "generic" if any(m.startswith(k, b) for k in Q.KIN) else "name"
            out.append(_Tok(a, b, kind, t))
        else:
            out.append(_Tok(a, b, "generic", t))
    keep: list[_Tok] = []
    for i, t in enumerate(out):
        nx = out[i + 1] if i + 1 < len(out) else None
        if (
            t.kind == "generic"
            and nx is not None
            and nx.kind == "name"
            and 0 <= nx.pos - t.end <= 12
            and not re.search(r"[，。、,：:；;\s“”]", m[t.end : nx.pos])
        ):
            continue
        keep.append(t)
    return keep


def _extract(body: str) -> list[Quote]:
    s = fold(body)
    spans = _spans(s)
    # masked text: quoted words hidden so attribution never looks inside a quotation
    # (spans are in order and do not overlap)
    parts: list[str] = []
    last = 0
    for _o, a, b, _c in spans:
        parts.append(s[last:a])
        parts.append(_NOT_NEWLINE.sub("□", s[a:b]))
        last = b
    parts.append(s[last:])
    m = "".join(parts)
    known, honor = _learn(m, spans)
    talkers = {n for n in known if _talks(m, n)}
    # 陈校长 -> the full name with that surname, when the article has one
    full_of: dict[str, str] = {}
    for h in honor:
        fulls = [
            n
            for n in known
            if n[0] == h[0]
            and n not in honor
            and len(n) in (2, 3)
            and _LATIN_NAME.fullmatch(n) is None
        ]
        if not fulls:
            cnt: dict[str, int] = {}
            for mm in re.finditer(re.escape(h[0]) + r"[\u4e00-\u9fff]{2}", m):
                c = mm.group(0)
                if _clean_name(c) and c not in honor and not c.endswith(h[1:3]):
                    cnt[c] = cnt.get(c, 0) + 1
            fulls = [c for c, k in cnt.items() if k >= 2]
        if len(fulls) == 1:
            full_of[h] = fulls[0]
            known.setdefault(fulls[0], known[h])
    toks = _tokens(m, known)
    quotes, en_done = _extract_en(s, body, m, spans)

    def canon(n: str) -> str:
        return full_of.get(n, n)

    def subject_like(u: _Tok) -> bool:
        """A generic mention standing as a clause subject ('一名从业者感慨'), not an object
        ('她所在的公司') and not a back-reference ('这位加拿大大叔')."""
        k = u.pos
        while k > 0 and u.pos - k <= 5 and m[k - 1] not in "，。！？；：,;:!?\n“”":
            k -= 1
        lead = m[k : u.pos]
        if len(lead) > 4 or any(ch in lead for ch in "的、他她我你向对给和跟与把被让从"):
            return False
        return not lead.startswith(Q.BACK_REFERENCE)

    def name_subject(u: _Tok) -> bool:
        """A name opening its clause, maybe after a role chain or a connective ('小强称',
        '学校校长王五拒绝'), not an object ('没碰小花眼睛')."""
        k = u.pos
        while k > 0 and u.pos - k <= 30 and m[k - 1] not in "，。！？；：,;:!?\n“”":
            k -= 1
        lead = m[k : u.pos]
        return not lead or lead.endswith(_TITLES_T) or lead in Q.CONNECTIVES

    def resolve(t: _Tok | None, before: int) -> str | None:
        if t is None:
            return None
        if t.kind == "name":
            return canon(t.name)
        if t.kind == "generic":
            return ""
        # a pronoun: the last person named before it, preferring people who speak, and
        # among them one standing as a clause subject ('小强称…被问为何拉小花手，他说')
        for u in reversed(toks):
            if u.pos >= t.pos or u.kind == "pron":
                continue
            if t.pos - u.pos > 400 or (u.kind == "generic" and subject_like(u)):
                break
            if u.kind == "name" and canon(u.name) in talkers and name_subject(u):
                return canon(u.name)
        first_name: str | None = None
        for u in reversed(toks):
            if u.pos >= t.pos or u.kind == "pron":
                continue
            if t.pos - u.pos > 400:
                break
            if u.kind == "name":
                if canon(u.name) in talkers:
                    return canon(u.name)
                if first_name is None:
                    first_name = canon(u.name)
            elif subject_like(u):
                return first_name if first_name is not None else ""
        return first_name

    def toks_in(a: int, b: int) -> list[_Tok]:
        return [t for t in toks if a <= t.pos and t.end <= b]

    def sent_start(i: int) -> int:
        k = i
        while k > 0:
            ch = m[k - 1]
            if ch in "。！？!?\n;；":
                break
            if ch in _CLOSERS and k >= 2 and s[k - 2] in _TERMINAL:
                break
            k -= 1
        return k

    def head_speaker(a: int, v: int) -> tuple[bool, str | None]:
        """Speaker of a clause m[a:v] that ends at a speech verb: (found, name or '')."""
        head = m[a:v]
        fm = _FILLER_TAIL.search(head)
        core_end = a + (fm.start() if fm else len(head))
        ts = toks_in(a, v)
        tail = [t for t in ts if t.end == core_end]
        if tail:
            return True, resolve(tail[-1], v)
        p = _speaker_from(m[a:core_end], a, m) if core_end > a else None
        if p is not None and p.name not in P.PRONOUNS:
            nm = p.name if (p.role or _LATIN_NAME.fullmatch(p.name)) else _clean_name(p.name)
            if nm:
                return True, canon(nm)
        if ts:
            return True, resolve(ts[0], v)
        return False, None

    def after_seg(c: int) -> tuple[int, str]:
        k = c + 1
        while k < len(m) and k < c + 3 and m[k] in "，,。 ":
            k += 1
        return k, re.match(r"[^，。！？；：:“\n,!?;]*", m[k : k + 60]).group(0)

    def after_verb(c: int) -> tuple[bool, str | None]:
        """Attribution after the quote: ”张凡说 / ”，DCCI院长刘兴亮表示."""
        k, seg = after_seg(c)
        for x in _VERB_ANY.finditer(seg):
            if _verb_ok(m, k + x.start(), x.group(0)):
                return head_speaker(k, k + x.start())
        return False, None

    def para_lead(ss: int) -> str | None:
        """The named speaker of a paragraph opening 'X(role)…说，' when no one else speaks
        between that clause and ``ss``; None otherwise."""
        ps = m.rfind("\n", 0, ss) + 1
        cm = re.search(r"[，,：:。]", m[ps:ss])
        if cm is None or cm.group(0) == "。":
            return None
        e = ps + cm.start()
        vm = None
        for x in _VERB_ANY.finditer(m, ps, e):
            vm = x
        if vm is None or vm.end() != e or not _verb_ok(m, vm.start(), vm.group(0)):
            return None
        found, lead = head_speaker(ps, vm.start())
        if not found or not lead or (known.get(lead) is None and lead not in full_of.values()):
            return None
        for u in toks_in(e, ss):
            # someone else enters the paragraph: the quotation may be theirs
            if u.kind != "pron" and canon(u.name) != lead and not _object_at(m, u.pos):
                return None
        for x in _VERB_ANY.finditer(m, e, ss):
            if not _verb_ok(m, x.start(), x.group(0)):
                continue
            cl = x.start()
            while cl > e and m[cl - 1] not in "，,、：:。！？":
                cl -= 1
            f2, other = head_speaker(cl, x.start())
            if f2 and other != lead:
                return None
        return lead

    def emit(speaker: str, a: int, b: int, core: str) -> None:
        if core.startswith(speaker):
            return
        kp = known.get(speaker)
        if kp is None:
            for n, p in known.items():
                if canon(n) == speaker:
                    kp = p
                    break
        role = kp.role if kp else None
        org = kp.org if kp else None
        text = body[a:b].replace("\n“", "\n").replace("\n「", "\n")
        quotes.append(
            Quote(
                speaker=fold(speaker),
                role=fold(role) if role else None,
                org=fold(org) if org else None,
                text=text,
                start=a,
                end=b,
            )
        )

    def strong_of(core: str) -> bool:
        return bool(re.search(r"[，。！？,!?；;…]", core)) or bool(re.search(r"[我咱你]", core))

    # lists of quotations '“…”、“…”' share the speaker of the first one
    head_of: dict[int, int] = {}
    group_strong: dict[int, bool] = {}
    prev: tuple[int, int] | None = None
    for o, a, b, c in spans:
        if prev is not None and s[prev[1] + 1 : o].strip() == "、":
            head_of[o] = head_of.get(prev[0], prev[0])
        h = head_of.get(o, o)
        group_strong[h] = group_strong.get(h, False) or strong_of(s[a:b].strip())
        prev = (o, c)
    outcome: dict[int, str | None] = {}

    for o, a, b, c in spans:
        if o in en_done:
            continue
        inner = s[a:b]
        core = inner.strip()
        if not core:
            continue
        ho = head_of.get(o)
        if ho is not None and ho in outcome:
            outcome[o] = outcome[ho]
            if outcome[o]:
                emit(outcome[o], a, b, core)
            continue
        strong = strong_of(core) or group_strong.get(o, False)
        if "、" in core and not re.search(r"[，。！？,!?；;…：:我你咱]", core):
            if all(len(x) <= 6 for x in core.split("、")):
                continue  # a list of words in quotation marks
        after = m[c + 1 : c + 4]
        if any(after.startswith(x) for x in Q.AFTER_NOUN) and not core.endswith(tuple(_TERMINAL)):
            continue
        pre_all = m[max(0, o - 8) : o].rstrip(" ：:，,")
        if any(pre_all.endswith(x) for x in Q.TITLE_MARKERS) or s[o - 1 : o] == "《":
            continue
        ss = sent_start(o)
        pre = m[ss:o]
        speaker: str | None = None
        decided = False
        # verb or colon right before the quote
        vpos = -1
        for vm in _VERB_ANY.finditer(pre):
            if _verb_ok(m, ss + vm.start(), vm.group(0)):
                vpos = ss + vm.start()
                vend = ss + vm.end()
        colon = pre.rstrip(" ").endswith((":", "︰", "：")) or bool(re.search(r"[:：︰]\s*$", pre))
        ce = o
        while ce > 0 and m[ce - 1] in " \n":
            ce -= 1
        if m[ce - 1 : ce] in ("：", ":", "︰"):
            # '他收到一封信：“…”', '他坚信一句话：⏎“…”' : words received or believed,
            # not said
            cs = ce
            while cs > 0 and m[cs - 1] not in "，,；;。！？!?\n":
                cs -= 1
            clause = m[cs:ce]
            if _INTAKE.search(clause) and not _VERB_ANY.search(clause):
                continue
        adj_verb = bool(pre) and any(pre.rstrip(" ，,：:︰").endswith(x) for x in Q.ADJACENT_VERBS)
        # '张凡透露，…，“设备成本…各占一半”。' : a quotation that is a whole clause after a
        # speech verb of the same sentence is that speaker's, however far from the verb
        nxt = after[:1]
        clause_q = m[o - 1 : o] in ("，", ",") and (
            nxt in ("", "。", "，", ",", "；", ";", "！", "？", "\n")
        )
        if vpos >= 0:
            dist = o - vend
            if not strong and dist > 4 and not clause_q:
                vpos = -1
        if not strong and vpos < 0 and not colon and not adj_verb and not pre.strip():
            # '“涨价是必然的”，刘兴亮表示' : a named speaker and verb right after the quote
            k, seg = after_seg(c)
            ts = toks_in(k, k + len(seg))
            if ts and ts[0].pos == k and ts[0].kind == "name" and m[c + 1 : c + 2] in "，,":
                found, sp = after_verb(c)
                if found and sp:
                    strong = True
        if not strong:
            if vpos < 0 and not colon and not adj_verb:
                continue
            if m[o - 1 : o] == "的" or (after[:1] and after[:1] not in "。，,、！？!?；;：:)）\n "):
                continue
        inner_marks = core.replace("\n“", "\n").replace("\n「", "\n")
        if re.search(r"[“”]", inner_marks) or (o < len(s) and s[o] != '"' and core.count('"') % 2):
            continue  # a broken span (nested ASCII pairs inside “…” are fine)
        if vpos >= 0 and not colon and o - vend > 2 and m[c + 1 : c + 2] in ("，", ","):
            # '甲向乙强调，…，“…”，丙介绍' : the speaker named right after the quote wins
            found, sp = after_verb(c)
            if found and sp:
                speaker, decided = sp, True
        if not decided and (vpos >= 0 or colon or adj_verb):
            vv = vpos if vpos >= 0 else o
            if vpos < 0 and adj_verb:
                vv = ss + len(pre.rstrip(" ，,：:︰")) - 1
            cl = vv
            while cl > ss and m[cl - 1] not in "，,、：:":
                cl -= 1
            found, speaker = head_speaker(cl, vv)
            if not found and cl > ss and m[cl - 1] in "，,":
                # '…的吴亚军，在业绩会上表示' : the clause before names the speaker
                fm = _FILLER_TAIL.search(m[cl:vv])
                if fm is not None and fm.start() == 0:
                    pc = cl - 1
                    while pc > ss and m[pc - 1] not in "，,、：:":
                        pc -= 1
                    p = _speaker_from(m[pc : cl - 1], pc, m)
                    if p is not None and p.name not in P.PRONOUNS:
                        nm = p.name if p.role else _clean_name(p.name)
                        if nm and _name_at(nm, 0, len(nm)) == nm:
                            found, speaker = True, canon(nm)
            if not found:
                ts = toks_in(ss, vv)
                if ts:
                    # the subject of the clause nearest the verb or colon
                    # ('他失联的第三天，温先生发了一条朋友圈：“…”')
                    pick = next((t for t in reversed(ts) if subject_like(t)), ts[0])
                    found, speaker = True, resolve(pick, vv)
            decided = found
        if not decided:
            # attribution after the quote: ”张凡说 / ”，DCCI院长刘兴亮表示 / ”刘兴亮劝导…
            k, seg = after_seg(c)
            found, sp = after_verb(c)
            if found:
                speaker, decided = sp, True
            if not decided and strong:
                ts = toks_in(k, k + len(seg))
                if ts and ts[0].pos == k:
                    speaker, decided = resolve(ts[0], k), True
            if not decided and strong and not pre.strip():
                # '“…”⏎说这话的大叔张三是…' : the person named in the clause that follows
                sm = re.match(r"\n?说(?:这|此|这番|这句|上述)话的", m[c + 1 : c + 10])
                if sm:
                    e = c + 1 + sm.end()
                    ts = [t for t in toks_in(e, e + 20) if t.kind == "name"]
                    if ts:
                        speaker, decided = canon(ts[0].name), True
            if not decided and strong and not pre.strip() and core.endswith(tuple(_TERMINAL)):
                # “…。”谈起…，…副总经理徐孟俭感到… : the person the next sentence is about
                e = k
                while e < len(m) and e < k + 120 and m[e] not in "。！？!?\n“":
                    e += 1
                ts = [t for t in toks_in(k, e) if t.kind != "pron"]
                if ts:
                    speaker, decided = resolve(ts[0], k), True
        alone = not pre.strip() and m[c + 1 : c + 3].lstrip("。.")[:1] in ("\n", "")
        if not decided and core.endswith(("?", "？")):
            pl = s[s.rfind("\n", 0, max(0, o - 1)) + 1 : o].strip()
            answer = pl.startswith("“") and pl.endswith(("？”", "?”"))  # follows a question
            if "你" in core or (
                alone and not answer and m[c + 1 :].lstrip("。.\n").startswith("“")
            ):
                continue  # an unattributed question to someone: the interviewer's words
        if not decided and strong and not pre.strip():
            # '…领导最终批复：⏎“…”' : a colon line naming someone without a name
            pk = ss
            while pk > 0 and m[pk - 1] in "\n ":
                pk -= 1
            if pk > 0 and m[pk - 1] in "：:":
                ps = sent_start(pk - 1)
                if any(t.kind == "generic" for t in toks_in(ps, pk)):
                    continue
        if not decided and strong:
            # '整理了张三的主持语录，其中有“…”' : the person whose sayings are listed
            for t in toks_in(ss, o):
                if t.kind == "name" and re.match(_SAYINGS, m[t.end : t.end + 12]):
                    speaker, decided = canon(t.name), True
                    break
        if not decided and strong and not pre.strip():
            # '陈某介绍，…。“…”' : a paragraph opened by a speaker goes on in their words
            lead = para_lead(ss)
            if lead:
                speaker, decided = lead, True
        if not decided and strong:
            # the subject of this sentence, or of the last sentence naming someone (a
            # person, not an object such as '等方面' or '给对方')
            ts = toks_in(ss, o)
            if ts:
                speaker, decided = resolve(ts[0], o), True
            else:
                k = ss
                lim = max(0, o - 300)
                while k > lim and not decided:
                    ps = sent_start(k - 1)
                    ts = toks_in(ps, k)
                    pick = next((u for u in ts if not _object_at(m, u.pos)), None)
                    if pick is not None:
                        speaker, decided = resolve(pick, k), True
                    k = ps
        outcome[o] = speaker
        if not speaker:
            continue
        emit(speaker, a, b, core)
    quotes.sort(key=lambda q: q.start)
    return quotes


# --- English ---------------------------------------------------------------------------

_EN_VERB = r"(?:" + "|".join(sorted(Q.EN_VERBS, key=len, reverse=True)) + r")"
_EN_TOK = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)"
_EN_PARTICLE = r"(?:de|da|van|von|der|del|bin|al|le|la)"
_EN_NAME = _EN_TOK + r"(?:\s+(?:" + _EN_PARTICLE + r"\s+)?" + _EN_TOK + r"){0,3}"
#: '…, said John Smith, the mayor of Springfield.' / '…, he said.'
_EN_AFTER_VS = re.compile(
    r"\s*,?\s*" + _EN_VERB + r"\s+(?P<subj>(?:[a-z]+\s+){0,3}?" + _EN_NAME + r"|he|she)"
    r"(?:\s*,\s*(?P<app>[^,.;:\n]{2,80}))?"
)
#: '…,' John Smith, the mayor, said. / '…,' he said.
_EN_AFTER_SV = re.compile(
    r"\s*,?\s*(?P<subj>[^,.;:!?\n]{1,60}?)(?:\s*,\s*(?P<app>[^,.;:\n]{2,80}),)?"
    r"\s+(?:[a-z]+ly\s+)?" + _EN_VERB + r"\b"
)
#: 'John Smith, the mayor, said: “…' / 'He told reporters that “…'
_EN_BEFORE = re.compile(
    r"(?P<subj>[^,.;:!?\n“”\"]{1,60}?)(?:\s*,\s*(?P<app>[^,.;:\n“”\"]{2,80}),)?"
    r"\s+(?:[a-z]+ly\s+)?" + _EN_VERB + r"(?:\s+[^,.;:!?\n“”\"]{0,40}?)?\s*[,:]?\s*(?:that\s*)?$"
)
_EN_ACCORDING = re.compile(
    r"[Aa]ccording to (?P<subj>" + _EN_NAME + r")(?:\s*,\s*(?P<app>[^,]{2,80}),)?\s*$"
)
#: Words of a written statement: the source is an organisation, not a person.
_EN_STATEMENT = re.compile(r"\b(?:statement|filing|press release|news release)\b")
_EN_TITLE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, Q.EN_TITLES), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def _en_role(phrase: str) -> tuple[str | None, str | None]:
    """'the mayor of Springfield' -> ('mayor', 'Springfield'); 'Acme chief executive' ->
    ('chief executive', 'Acme')."""
    t = re.sub(r"^(?:the|a|an|former|now)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    t = t.strip()
    if not t or re.fullmatch(r"\d+", t):
        return None, None
    pm = re.match(r"(?P<org>.+?)['’]s\s+(?P<role>.+)$", t)
    if pm and _EN_TITLE_RE.search(pm.group("role")):
        return pm.group("role").strip(), pm.group("org").strip()
    om = re.match(r"(?P<role>.+?)\s+(?:of|at|for|with|from)\s+(?:the\s+)?(?P<org>.+)$", t)
    if om and _EN_TITLE_RE.search(om.group("role")):
        return om.group("role").strip(), om.group("org").strip()
    tm = list(_EN_TITLE_RE.finditer(t))
    if tm:
        first = tm[0]
        org = t[: first.start()].strip() or None
        return t[first.start() :].strip(), org
    return None, None


def _en_split_run(toks: list[str]) -> tuple[list[str], list[str]]:
    """'Springfield Mayor Alice Green' -> (['Springfield', 'Mayor'], ['Alice', 'Green'])."""
    lead: list[str] = []
    ti = max((i for i, x in enumerate(toks) if _EN_TITLE_RE.fullmatch(x)), default=-1)
    if ti >= 0:
        lead, toks = toks[: ti + 1], toks[ti + 1 :]
    while toks and toks[0] in Q.EN_NOT_NAME:
        if toks[0] in Q.EN_HONORIFICS:
            toks = toks[1:]
            continue
        lead.append(toks.pop(0))
    if any(x.strip(".") in Q.EN_ORG_WORDS or x in Q.EN_NOT_NAME for x in toks):
        return lead, []  # 'Acme Corp', 'White House': not a person
    return lead, toks


def _en_subject(subj: str, known: list[str]) -> tuple[str | None, str | None, str | None]:
    """Name, role prefix and org from a subject such as 'Acme chief executive John Smith'."""
    t = subj.strip()
    if t.lower() in ("he", "she"):
        return t.lower(), None, None
    runs = list(re.finditer(_EN_NAME + r"$", t))
    if not runs:
        return None, None, None
    run = runs[0]
    toks = run.group(0).split()
    start = run.start()
    # leading title words inside the capitalised run: 'Mayor John Smith'
    lead, toks = _en_split_run(toks)
    if not toks:
        return None, None, None
    before = (t[:start] + " ".join(lead)).strip()
    if re.search(r"[a-z]", before) and not _EN_TITLE_RE.search(before):
        if re.search(r"\b(?:the|a|an|whose|who|which|that)\b", before) or len(before.split()) > 4:
            return None, None, None
    name = " ".join(toks)
    if len(toks) == 1:
        full = next((k for k in known if k.split()[-1] == name), None)
        if full is None:
            return None, None, None
        name = full
    role, org = _en_role(before) if before else (None, None)
    return name, role, org


def _en_known(m: str) -> list[str]:
    out: list[str] = []
    for mm in re.finditer(_EN_NAME, m):
        _lead, toks = _en_split_run(mm.group(0).split())
        if len(toks) >= 2:
            nm = " ".join(toks)
            if nm not in out:
                out.append(nm)
    return out


def _en_attr(s: str, m: str, o: int, c: int, known: list[str]):
    """(name, role, org) for an English quotation at m[o] .. m[c]; name may be he/she."""
    line_end = m.find("\n", c)
    post = m[c + 1 : line_end if line_end != -1 else len(m)]
    k = o
    while k > 0 and m[k - 1] != "\n" and not (m[k - 1] == " " and m[k - 2 : k - 1] in ".!?"):
        k -= 1
    pre = m[k:o]
    before: list[tuple[str, str | None]] = []
    for rx in (_EN_BEFORE, _EN_ACCORDING):
        bm = rx.search(pre)
        if bm and not _EN_STATEMENT.search(bm.group(0)):
            before.append((bm.group("subj"), bm.group("app")))
    after: list[tuple[str, str | None]] = []
    inner = s[o + 1 : c].rstrip()
    # '“….” She added' starts a new sentence: only '“…,” she said' / '“…?” he asked' attach
    if not inner.endswith((".", "。")) or post.lstrip().startswith(","):
        for rx in (_EN_AFTER_VS, _EN_AFTER_SV):
            pm = rx.match(post)
            if pm and not _EN_STATEMENT.search(post[: pm.end() + 30]):
                after.append((pm.group("subj"), pm.group("app")))
    intro = bool(re.search(r"[,:]\s*$", pre))
    cands = before + after if intro else after + before
    for subj, app in cands:
        subj = re.sub(r"^(?:[A-Z][a-z]+ly|And|But|So|Then|Later)\s+", "", subj.strip())
        name, role, org = _en_subject(subj, known)
        if name is None:
            continue
        if app:
            r2, o2 = _en_role(app)
            if r2:
                role, org = r2, o2
        return name, role, org
    return None


def _extract_en(s: str, body: str, m: str, spans) -> tuple[list[Quote], set[int]]:
    """English quotations ('…,' said John Smith / John Smith, the mayor, said: '…')."""
    known = _en_known(m)
    roles: dict[str, tuple[str | None, str | None]] = {}
    out: list[Quote] = []
    found: list[tuple[str, int, int]] = []
    for nm in known:  # 'John Smith, the mayor of Springfield, visited …'
        am = re.search(re.escape(nm) + r"\s*,\s*([^,.;:\n“”\"]{2,80}),", m)
        if am and _EN_TITLE_RE.search(am.group(1)):
            r2, o2 = _en_role(am.group(1))
            if r2:
                roles.setdefault(nm, (r2, o2))
    done: set[int] = set()
    last: str | None = None
    last_end = -1
    for o, a, b, c in spans:
        inner = s[a:b]
        if re.search(r"[\u4e00-\u9fff]", inner) or len(re.findall(r"[A-Za-z]+", inner)) < 2:
            continue
        ls = m.rfind("\n", 0, o) + 1
        le = m.find("\n", c)
        if re.search(r"[\u4e00-\u9fff]", m[ls : le if le != -1 else len(m)]):
            continue  # an English phrase inside Chinese text: the Chinese rules decide
        done.add(o)
        got = _en_attr(s, m, o, c, known)
        name = None
        if got is not None:
            name, role, org = got
            if name in ("he", "she"):
                name = last
            elif role or org:
                roles.setdefault(name, (role, org))
        elif last and last_end >= 0 and "\n" not in m[last_end:o] and len(inner.split()) >= 3:
            name = last  # the same speaker goes on in the same paragraph
        if not name:
            continue
        last, last_end = name, c
        found.append((name, a, b))
    for name, a, b in found:  # a title given anywhere in the article
        role, org = roles.get(name, (None, None))
        out.append(Quote(speaker=name, role=role, org=org, text=body[a:b], start=a, end=b))
    return out, done
