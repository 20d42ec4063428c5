"""Organisations, people and places named in an article.

:func:`extract_entities` works on the simplified fold of the body (so traditional and
simplified text give the same entities) and combines three cheap passes:

* places: the administrative-division gazetteer (:mod:`etl.facts.gazetteer`), longest
  match first; an ambiguous name (鼓楼区 is in three provinces) takes the province the
  article otherwise names, or none;
* organisations: a name ending in an organisation suffix (公司, 集团, 局 ...) with a bounded
  prefix cut at punctuation and verbs; weak suffixes (局, 中心, 政府 ...) must start with a
  place or a national word, so 综合服务中心 or 该公司 are not organisations;
* people: quote speakers, names right after a role title (局长尹继辉), and in English
  "Mr X", "X said", "said X".

Heuristics are the module-level tables below; the code only loops over them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from etl.facts import gazetteer
from etl.facts.patterns import ROLE_TITLES, SPEECH_VERBS, SURNAMES, SURNAMES_COMPOUND
from etl.facts.textnorm import fold
from etl.records import Entity, Quote

# --- organisations (Chinese) ------------------------------------------------------------

#: Suffixes that end an organisation name by themselves: the prefix only has to be two or
#: more characters of name (天大智图(天津)科技有限公司, 中国工商银行).
ORG_SUFFIXES_STRONG: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "银行", "大学", "学院",
    "研究院", "研究所", "研究中心", "交易所", "医院", "协会", "学会", "商会", "基金会",
    "联合会", "研究会", "实验室", "出版社", "通讯社", "电视台", "报社", "法院", "检察院",
    "科学院", "工程院", "证券", "保险", "控股", "航空", "铁路局",
)  # fmt: skip
#: Suffixes that also end ordinary phrases (全部, 中心城区, 地方政府): the name must start
#: with a place (天津市工信局) or an ANCHOR_WORD (国家统计局).
ORG_SUFFIXES_WEAK: tuple[str, ...] = (
    "管理委员会", "委员会", "管委会", "办公室", "人民政府", "政府", "中心", "总局", "分局",
    "公安局", "局", "厅", "部", "委", "署", "办", "院", "所",
)  # fmt: skip
#: Characters right after a suffix that make it part of another word (局长, 部门, 院士,
#: 公司法, 大学生): suffix -> forbidden next characters.
ORG_SUFFIX_BLOCKERS: dict[str, str] = {
    "局": "长面势部限",
    "总局": "长",
    "分局": "长",
    "公安局": "长",
    "部": "长门分署委落队件位属",
    "厅": "长",
    "委": "员托屈婉会书",
    "署": "长名",
    "办": "公理法事",
    "院": "长士校子落线",
    "所": "长有以在谓得属",
    "中心": "城区主点",
    "政府": "性",
    "公司": "法",
    "银行": "业卡家",
    "大学": "生城",
    "学院": "长派",
    "医院": "长",
    "集团": "化军",
    "证券": "化法市业",
    "保险": "业费金",
    "航空": "器",
}
#: Words an organisation name may start with instead of a place (weak suffixes only).
ANCHOR_WORDS: tuple[str, ...] = ("国家", "中国", "中华", "中央", "中共", "全国", "国务院")
#: Tokens that cannot be inside an organisation name: the prefix starts after the last one.
ORG_BOUNDARY_WORDS: tuple[str, ...] = (
    "的", "了", "在", "是", "和", "与", "及", "或", "从", "向", "对", "由", "被", "把", "将",
    "为", "于", "等", "这", "那", "其", "此", "我", "你", "他", "她", "它", "们", "也", "都",
    "就", "还", "又", "并", "而", "但", "让", "给", "到", "说", "自", "以", "跟", "即", "如",
    "据", "经", "获", "走进", "入驻", "来自", "发布", "推出", "成立", "加入", "携手", "位于",
    "举办", "开展", "召开", "支持", "打造", "建设", "包括", "落户", "进入", "依托", "通过",
    "组织", "牵头", "主办", "承办", "设立", "成为", "作为", "联手", "会同", "签约", "签署",
    "收购", "投资", "参观", "考察", "前往", "访问", "走访", "实现", "开行", "表示", "指出",
    "近日", "日前", "此前", "目前", "今年", "去年", "记者", "客户", "旗下", "合作伙伴",
)  # fmt: skip
#: Determiners that make a name generic (该公司, 这家银行, 多家单位, 各级政府): stripped from
#: the start; what remains must still be a name.
GENERIC_PREFIXES: tuple[str, ...] = (
    "这家", "那家", "该", "本", "多家", "一家", "几家", "数家", "各家", "各级", "各", "其他",
    "其它", "相关", "有关", "上述", "部分", "所有", "多个", "一些", "某", "当地", "地方",
    "全国各", "每家", "两家", "三家", "首家",
)  # fmt: skip
#: Organisation names written without a suffix we could anchor (ministries by their short
#: names, agencies, media): matched verbatim.
KNOWN_ORGS: tuple[str, ...] = (
    "国务院", "全国人大", "全国政协", "中共中央", "外交部", "国防部", "国家发改委", "发改委",
    "教育部", "科技部", "工信部", "公安部", "民政部", "司法部", "财政部", "人社部", "自然资源部",
    "生态环境部", "住建部", "交通运输部", "水利部", "农业农村部", "商务部", "文旅部",
    "国家卫健委", "卫健委", "应急管理部", "中国人民银行", "人民银行", "央行", "审计署",
    "国资委", "海关总署", "市场监管总局", "国家统计局", "国家金融监督管理总局", "证监会",
    "国家外汇管理局", "外汇局", "国家税务总局", "新华社", "人民日报", "中央广播电视总台",
    "联合国", "世界银行", "国际货币基金组织", "世界贸易组织", "世贸组织",
)  # fmt: skip
#: Longest an organisation prefix may reach back (characters before the suffix).
ORG_MAX_PREFIX: int = 16
#: Tails that extend the same organisation (北京局 -> 北京局集团有限公司) rather than name
#: one of its departments (工信局 -> 工信局规划发展处, which stays counted as 工信局).
LEGAL_TAIL_RE: re.Pattern[str] = re.compile(r"^(?:集团|控股|股份|有限|责任|公司|总公司)+$")

# --- people (Chinese) -------------------------------------------------------------------

#: Extra titles before a name, besides patterns.ROLE_TITLES.
EXTRA_TITLES: tuple[str, ...] = ("通讯员", "主持人", "总书记", "委员", "代表", "村民", "市民")
#: What may directly follow a name: a two-character name is cut here (王浩表示, not 王浩表).
AFTER_NAME_WORDS: tuple[str, ...] = (
    *SPEECH_VERBS,
    "的", "在", "等", "和", "与", "及", "也", "都", "就", "还", "又", "是", "为", "对", "向",
    "将", "把", "被", "带", "率", "曾", "已", "正", "则", "今", "接受", "一行", "同志", "先生",
    "女士", "出席", "主持", "参加", "调研", "会见", "陪同", "感到", "来到", "提出", "认为",
    "看来", "告诉", "介绍", "说", "称", "表示", "不", "没", "未", "很", "会", "要", "能", "受",
    "多次", "经", "，", "。", "、", "：", "；", "”", "（", "(",
    ",", ":", ";", " ",
)  # fmt: skip
#: Surnames that are also common function words (和, 向, 时, 都 ...): only a name when the
#: person pattern is unambiguous (given name followed by an AFTER_NAME_WORD).
AMBIGUOUS_SURNAMES: str = "曾任龙余和向时由解应都来利但於信展那相初门云容敬平计宣战公区海花强支国"
#: Titles that are also plain nouns (学生单独..., 民警符合...): a name after them counts only
#: when a speech verb or punctuation follows it.
WEAK_TITLES: frozenset[str] = frozenset(
    "学生 研究生 老师 教师 专家 学者 医生 医师 律师 民警 警官 博士 村民 市民 代表 委员 负责人 "
    "主管 经理 首席 艺人".split()
)
#: Strings a role title may be followed by that look like names but are not.
NOT_NAMES: frozenset[str] = frozenset(("王府", "高新", "高端", "高质量", "万元", "江湖"))
#: Pronouns and placeholders that quote extractors may return as a speaker.
NOT_SPEAKERS: frozenset[str] = frozenset(("他", "她", "其", "他们", "她们", "记者", "有关负责人"))

# --- English ----------------------------------------------------------------------------

EN_ORG_TAILS: tuple[str, ...] = (
    "Inc", "Ltd", "Co", "Corp", "Corporation", "Group", "Holdings", "Bank", "University",
    "Ministry", "Commission", "Agency", "Institute", "Association", "Council", "Authority",
    "Company", "Exchange", "Bureau", "Administration", "Federation", "Foundation",
    "Committee", "Department", "Academy", "College", "Fund", "Organization", "Organisation",
    "Airlines", "Motors", "Technologies", "Technology", "Securities", "Partners",
)  # fmt: skip
#: Capitalised words at a sentence start that are not part of a name.
EN_LEADING_NOISE: frozenset[str] = frozenset(
    "The A An In At On For From By With And But As Of To Its Their Our This That".split()
)
EN_TITLES: tuple[str, ...] = (
    "President", "Premier", "Vice Premier", "Minister", "Chairman", "Chairwoman", "CEO",
    "spokesperson", "spokesman", "spokeswoman", "Governor", "Mayor", "Secretary",
    "Director", "director", "Professor", "professor", "analyst", "economist", "founder",
)  # fmt: skip
#: Organisation tails written with a full stop that is part of the name.
EN_ABBREVIATIONS: frozenset[str] = frozenset(("Inc", "Ltd", "Co", "Corp"))
EN_HONORIFICS: tuple[str, ...] = ("Mr", "Ms", "Mrs", "Dr", "Prof")
EN_SPEECH: tuple[str, ...] = ("said", "says", "told", "added", "noted")


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first (so the longest one wins)."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    if not items:  # an empty group would match everywhere
        raise ValueError("empty word list")
    return "|".join(re.escape(w) for w in items)


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern[str]]:
    """Compile every pattern once, on first use."""
    cap = r"[A-Z][A-Za-z&'\-]*"
    name = r"[A-Z][a-z]+(?:[ \-][A-Z][a-z'\-]+){0,2}"
    surname = f"(?:{_alt(SURNAMES_COMPOUND)}|[{SURNAMES}])"
    return {
        "suffix": re.compile(_alt((*ORG_SUFFIXES_STRONG, *ORG_SUFFIXES_WEAK))),
        "boundary": re.compile(
            r"[\s，。、；：！？,.;:!?“”‘’\"'《》〈〉【】\[\]…—·/|]|" + _alt(ORG_BOUNDARY_WORDS)
        ),
        "known": re.compile(_alt(KNOWN_ORGS)),
        "title": re.compile(rf"(?:{_alt((*ROLE_TITLES, *EXTRA_TITLES))})(?={surname})"),
        "surname": re.compile(surname),
        "after_name": re.compile(_alt(AFTER_NAME_WORDS)),
        "title_at": re.compile(_alt((*ROLE_TITLES, *EXTRA_TITLES))),
        "speech_or_punct": re.compile(rf"{_alt(SPEECH_VERBS)}|[，。、；：,;:（(“”]"),
        "en_org": re.compile(
            rf"\b((?:{cap}\s+(?:(?:of|and|for|the|&)\s+)?){{0,5}}(?:{_alt(EN_ORG_TAILS)})\b\.?"
            rf"(?:\s+of(?:\s+the)?(?:\s+(?:and\s+)?{cap})+)?)"
        ),
        "en_honorific": re.compile(rf"\b(?:{_alt(EN_HONORIFICS)})\.?\s+({name})"),
        "en_said_after": re.compile(rf"\b(?:{_alt(EN_SPEECH)})\s+({name})\b"),
        "en_said_before": re.compile(rf"\b({name}),?\s+(?:{_alt(EN_SPEECH)})\b"),
        "en_title": re.compile(rf"\b(?:{_alt(EN_TITLES)})\s+({name})\b"),
        "ascii_word": re.compile(r"[A-Za-z]{3}"),
    }


# --- places ------------------------------------------------------------------------------


def _places(
    text: str, rx: dict[str, re.Pattern[str]]
) -> tuple[list[gazetteer.PlaceMatch], Counter[tuple[str, str | None]]]:
    """Place matches and their counts by (canonical name, province)."""
    gaz = gazetteer.load()
    matches = gaz.scan(text)
    if rx["ascii_word"].search(text):
        matches += gaz.scan_english(text)
    known: set[str] = set()
    for m in matches:
        if len({d.province for d in m.candidates}) == 1:
            known.add(m.candidates[0].province)
    counts: Counter[tuple[str, str | None]] = Counter()
    prev: gazetteer.PlaceMatch | None = None
    for m in matches:
        cands, last, prev = m.candidates, prev, m
        first = cands[0]
        if len(cands) == 1 or first.level != cands[1].level:
            counts[(first.name, first.province)] += 1  # unique, or the higher level wins
            continue
        # Written right after its city or province (南京鼓楼区): that one decides.
        if last is not None and last.end == m.start:
            near = [d for d in cands if d.province == last.candidates[0].province]
            if near:
                counts[(near[0].name, near[0].province)] += 1
                continue
        in_context = [d for d in cands if d.province in known]
        if len({d.province for d in in_context}) == 1:
            counts[(in_context[0].name, in_context[0].province)] += 1
        elif len({d.province for d in cands}) == 1:
            counts[(first.name, first.province)] += 1
        else:
            counts[(first.name, None)] += 1  # 鼓楼区 with no province in sight
    return matches, counts


# --- organisations -----------------------------------------------------------------------


def _strip_generic(prefix: str) -> str:
    changed = True
    while changed and prefix:
        changed = False
        for g in GENERIC_PREFIXES:
            if prefix.startswith(g):
                prefix = prefix[len(g) :]
                changed = True
                break
    return prefix


def _orgs_zh(
    text: str, rx: dict[str, re.Pattern[str]], place_starts: set[int]
) -> list[tuple[int, int]]:
    """Spans of Chinese organisation names, with department tails folded into the parent."""
    weak = set(ORG_SUFFIXES_WEAK)
    spans: list[tuple[int, int]] = []
    for m in rx["suffix"].finditer(text):
        suf, s, e = m.group(), m.start(), m.end()
        if text[e : e + 1] and text[e] in ORG_SUFFIX_BLOCKERS.get(suf, ""):
            continue
        lo = max(0, s - ORG_MAX_PREFIX)
        window = text[lo:s]
        cut = 0
        for b in rx["boundary"].finditer(window):
            cut = b.end()
        start = lo + cut
        # An unclosed bracket in the prefix belongs to the text around the name.
        head = text[start:s]
        for opener, closer in (("(", ")"), ("（", "）")):
            if opener in head and closer not in head[head.rfind(opener) :]:
                start += head.rfind(opener) + 1
                head = text[start:s]
        head = head.lstrip(")）")
        start = s - len(head)
        core = _strip_generic(head)
        start = s - len(core)
        if len(core) < 2 or not re.search(r"[\u4e00-\u9fffA-Za-z]", core):
            continue
        if suf in weak and start not in place_starts and not core.startswith(ANCHOR_WORDS):
            continue
        spans.append((start, e))
    for m in rx["known"].finditer(text):
        spans.append((m.start(), m.end()))
    return _merge_org_spans(text, spans)


def _merge_org_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep one span per organisation mention.

    Spans sharing a start are one name read to different suffixes: a legal-form tail
    extends it (北京局 + 集团有限公司), anything else is a department and the parent stays.
    Spans nested inside another are dropped.
    """
    by_start: dict[int, list[int]] = {}
    for s, e in spans:
        by_start.setdefault(s, []).append(e)
    chosen: list[tuple[int, int]] = []
    for s, ends in by_start.items():
        ends = sorted(set(ends))
        best = ends[0]
        for e in ends[1:]:
            if LEGAL_TAIL_RE.match(text[best:e]):
                best = e
        chosen.append((s, best))
    chosen.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    out: list[tuple[int, int]] = []
    for s, e in chosen:
        if out and s < out[-1][1]:
            continue  # overlaps or nests in the previous name
        out.append((s, e))
    return out


def _orgs_en(text: str, rx: dict[str, re.Pattern[str]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in rx["en_org"].finditer(text):
        s, e = m.span(1)
        words = text[s:e].split()
        # Sentence-initial words, titles and connectors before the name (CEO of Acme Ltd).
        while words and (
            words[0] in EN_LEADING_NOISE or words[0] in EN_TITLES or words[0][0].islower()
        ):
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
            words = words[1:]
        # A full stop belongs to the name only after an abbreviation (Inc., Co.).
        if words and words[-1].endswith(".") and words[-1][:-1] not in EN_ABBREVIATIONS:
            e -= 1
        if len(words) >= 2:
            out.append((s, e))
    return out


# --- people ------------------------------------------------------------------------------


def _person_after_title(text: str, pos: int, rx: dict[str, re.Pattern[str]]) -> str | None:
    """The name starting at ``pos`` (right after a title), or None."""
    m = rx["surname"].match(text, pos)
    if m is None:
        return None
    g = m.end()
    c1 = text[g : g + 1]
    if not c1 or not ("\u4e00" <= c1 <= "\u9fff") or rx["after_name"].match(text, g):
        return None
    if c1 == "某":  # anonymised: 杨某
        return text[pos : g + 1]
    if rx["after_name"].match(text, g + 1) or not ("\u4e00" <= text[g + 1 : g + 2] <= "\u9fff"):
        name = text[pos : g + 1]
        confirmed = True
    else:
        name = text[pos : g + 2]
        confirmed = bool(rx["after_name"].match(text, g + 2))
    # A name never contains what follows names or a title (陆林教授 -> 陆林, 宣布 -> none).
    for k in range(1, len(name)):
        if rx["after_name"].match(text, pos + k) or rx["title_at"].match(text, pos + k):
            name = name[:k]
            break
    if len(name) < 2 or name in NOT_NAMES or rx["speech_or_punct"].match(name):
        return None
    if m.group() in AMBIGUOUS_SURNAMES and not confirmed:
        return None
    return name


def _people_zh(text: str, rx: dict[str, re.Pattern[str]], taken: list[tuple[int, int]]) -> set[str]:
    names: set[str] = set()
    strict = rx["speech_or_punct"]
    for m in rx["title"].finditer(text):
        name = _person_after_title(text, m.end(), rx)
        if not name or _overlaps(m.end(), m.end() + len(name), taken):
            continue
        if m.group() in WEAK_TITLES and not strict.match(text, m.end() + len(name)):
            continue
        names.add(name)
    return names


def _people_en(text: str, rx: dict[str, re.Pattern[str]]) -> set[str]:
    names: set[str] = set()
    for key in ("en_honorific", "en_said_after", "en_said_before", "en_title"):
        for m in rx[key].finditer(text):
            words = m.group(1).split()
            while words and (words[0] in EN_LEADING_NOISE or words[0] in EN_HONORIFICS):
                words = words[1:]
            if words and words[-1] not in EN_ORG_TAILS:
                names.add(" ".join(words))
    return names


# --- counting ----------------------------------------------------------------------------


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < se and ss < e for ss, se in spans)


def _count_outside(text: str, name: str, spans: list[tuple[int, int]]) -> int:
    """Occurrences of ``name`` not inside an organisation or place span."""
    n, i = 0, text.find(name)
    while i >= 0:
        if not _overlaps(i, i + len(name), spans):
            n += 1
        i = text.find(name, i + len(name))
    return n


def _org_short_name(name: str) -> str | None:
    """The head a company goes by after its full name.

    天大智图(天津)科技有限公司 -> 天大智图.
    """
    for opener in ("(", "（"):
        i = name.find(opener)
        if i >= 2:
            return name[:i]
    return None


def extract_entities(body: str, quotes: list[Quote] | None = None) -> list[Entity]:
    """Organisations, people and places named in ``body``, with their mention counts.

    Names are simplified; places are canonical division names with their province.  The
    order is (kind, -mentions, name).  Never raises: a failure gives an empty list.
    """
    try:
        return _extract(body or "", quotes or [])
    except Exception:  # noqa: BLE001 - entity extraction must never stop the pipeline
        return []


def _extract(body: str, quotes: list[Quote]) -> list[Entity]:
    text = fold(body)
    rx = _regexes()
    place_matches, place_counts = _places(text, rx)
    place_spans = [(m.start, m.end) for m in place_matches]
    org_spans = _orgs_zh(text, rx, {m.start for m in place_matches})
    org_spans += _orgs_en(text, rx) if rx["ascii_word"].search(text) else []
    org_counts: Counter[str] = Counter(text[s:e] for s, e in org_spans)
    taken = org_spans + place_spans
    # A company is named in full once, then by its head (天大智图): count those too.
    for org in list(org_counts):
        short = _org_short_name(org)
        if short:
            org_counts[org] += _count_outside(text, short, taken)

    people = _people_zh(text, rx, taken)
    if rx["ascii_word"].search(text):
        people |= _people_en(text, rx)
    for q in quotes:
        speaker = fold(q.speaker or "").strip()
        if 2 <= len(speaker) <= 30 and speaker not in NOT_SPEAKERS:
            people.add(speaker)
    people -= set(org_counts)
    people -= {name for name, _ in place_counts}

    entities = [Entity("org", name, n) for name, n in org_counts.items()]
    for name in people:
        n = _count_outside(text, name, taken)
        entities.append(Entity("person", name, max(n, 1)))
    entities += [Entity("place", name, n, prov) for (name, prov), n in place_counts.items()]
    entities.sort(key=lambda e: (e.kind, -e.mentions, e.name, e.province or ""))
    return entities
