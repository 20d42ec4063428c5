"""Figure extraction: every quantity with unit, approx, metric, subject and period."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from etl.facts import gazetteer
from etl.facts import metrics as M
from etl.facts import patterns as P
from etl.facts.english import extract_english, is_english
from etl.facts.numbers import multiplier_value, parse_arabic, parse_cn
from etl.facts.periods import TimeExpr, find_times, publication_day, shift_year
from etl.facts.subjects import (
    MAX_TOPIC,
    head_np,
    is_bare_name,
    is_outlet,
    is_pronoun_head,
    main_institution,
    outlet_names,
    partitive_set,
    salient_terms,
    speaker_head,
    tidy_subject,
    topic_frame,
)
from etl.facts.textnorm import fold
from etl.records import Fact

_CN_NUM = "零〇一二两三四五六七八九十百千万亿"
_NUM_RE = re.compile(
    r"(?P<frac>(?P<den>[一二三四五六七八九十百千万\d]+)分之(?P<nom>[一二三四五六七八九十\d.]+))"
    r"|(?P<pct>百分之(?P<pctn>[零一二两三四五六七八九十百点.\d]+))"
    r"|(?P<ar>\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?P<cn>[{_CN_NUM}]+)"
)
_UNIT_KEYS = sorted(P.UNITS, key=len, reverse=True)
_APPROX_BEFORE_KEYS = sorted(P.APPROX_BEFORE, key=len, reverse=True)
_APPROX_AFTER_KEYS = sorted(P.APPROX_AFTER, key=len, reverse=True)


def _index_by(keys: list[str], at: int) -> dict[str, list[str]]:
    """Keys grouped by their first (at=0) or last (at=-1) character, order kept."""
    out: dict[str, list[str]] = {}
    for k in keys:
        out.setdefault(k[at], []).append(k)
    return out


_UNIT_BY_FIRST = _index_by(_UNIT_KEYS, 0)
_APPROX_BEFORE_BY_LAST = _index_by(_APPROX_BEFORE_KEYS, -1)
_APPROX_AFTER_BY_FIRST = _index_by(_APPROX_AFTER_KEYS, 0)
#: Idioms by each character they contain: only those can cover a figure starting there.
_IDIOMS_BY_CHAR: dict[str, list[str]] = {}
for _idiom in P.IDIOMS:
    for _c in dict.fromkeys(_idiom):
        _IDIOMS_BY_CHAR.setdefault(_c, []).append(_idiom)
_SENT_SPLIT = re.compile(r"[。！？；!?;\n]")
_CLAUSE_SPLIT = "，,；;。！？!?\n：:（）()"
_RANGE_CONN = re.compile(r"\s*(?:[至到~～\-—－]|、)\s*(?:零下)?")
_EN_MONEY = re.compile(
    r"(?P<cur>US\$|HK\$|\$|€|£|¥|RMB\s?|USD\s?|EUR\s?)\s?(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s?(?P<m>thousand|million|billion|trillion|bn|m|k)\b)?",
)
_EN_QTY = re.compile(
    r"\b(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<m>thousand|million|billion|trillion)?\s?"
    r"(?P<u>yuan|dollars|euros|people|tons|tonnes|percent|per cent|percentage points|"
    r"companies|vehicles)\b",
    re.I,
)
_EN_UNITS = {
    "yuan": "元",
    "dollars": "美元",
    "euros": "欧元",
    "people": "人",
    "tons": "吨",
    "tonnes": "吨",
    "percent": "%",
    "per cent": "%",
    "percentage points": "个百分点",
    "companies": "家",
    "vehicles": "辆",
}
_EN_CUR = {
    "US$": "美元",
    "$": "美元",
    "HK$": "港元",
    "€": "欧元",
    "£": "英镑",
    "¥": "元",
    "RMB": "元",
    "USD": "美元",
    "EUR": "欧元",
}

#: Filler between a metric and its number (营业收入为, 达到, 共计 ...), stripped off the metric.
_METRIC_TRAIL = re.compile(
    r"(?:分别为|分别是|分别|仅为|仅有|只有|约为|约有|高达|多达|达到了|达到|达|为|是|共计|合计|总计|累计|共有|共|"
    r"约|有|了|已经|已|仅|只|将|在|的|增至|降至|升至|提高至|提升至|至|到|由|从|就|也|还|再|保持着|保持在|"
    r"保持|处于|一直|降到|卖到|下探到|下探|可提升|提升|仅需|需要|需|相当于|不能小于|不能大于|小于|大于|"
    r"高于|低于|可达|将达|可能|可以|会|能|要|用|以|外加|肯定|大概|大多|基本上|靠|采用|卖|售|收|"
    r"降|升|涨|跌|拿下|总|共|全部|一共|超|近|达到|约合|各|折合|人民币|处于|位于|介于|于|却|则|更|更是|"
    r"都|均|又|甚至|甚|普遍|大多|基本|仍|仍然|依然|还是|原本|大概率|通常|一般|往往|或将|有望|预计|"
    r"占据|占有|占|可)$"
)
#: Two-character words whose second character is also a filler word (费用, 零售, 下降): the
#: filler is not stripped off them.
_TRAIL_WORDS = frozenset(
    "费用 使用 作用 应用 信用 零售 销售 出售 营收 税收 回收 创收 增收 下降 上升 上涨 下跌 "
    "升降 涨跌 汇总 公共 附近 最近 接近 将近 可能 功能 性能 产能 技能 效能 动能 储能 热能 "
    "核能 所有 拥有 持有 具有 现有 没有 占有 许可 认可 不可 宁可".split()
)


def _strip_trail(m: str) -> str:
    """Filler words off the end of a metric, one at a time, sparing whole words (费用)."""
    while m:
        t = _METRIC_TRAIL.search(m)
        if t is None:
            break
        if len(t.group(0)) == 1 and m[-2:] in _TRAIL_WORDS and t.group(0) not in "的了":
            break
        m = m[: t.start()]
    return m


#: Units that measure rather than count: the words after them are rarely what was measured.
_NOT_COUNT_UNITS = frozenset(
    [
        "%",
        "个百分点",
        "个基点",
        "元",
        "美元",
        "欧元",
        "港元",
        "日元",
        "英镑",
        "倍",
        "℃",
        "度",
        "级",
        "点",
    ]
)
#: Verbs that separate a subject (before) from the thing counted (after) in the text before
#: a number: 天大智图推出了 | 两款大语言模型, 公司实现 | 营业收入.
_SPLIT_VERBS = re.compile(
    r"(?:实现|完成|推出|吸引|设立|开行|开设|拥有|抓获|捣毁|引入|培育|发布|新增|收到|举办|录得|建成|"
    r"吸纳|带动|带来|签下|售出|卖出|交付|招聘|聘请|接待|覆盖|聚集|入驻|落户|"
    r"走访|访谈|派出|获得|赢得|斩获|投入|募集|筹集|捐赠|出资|拿出|提供|装下|放下|组织|开展|"
    r"举行|召开|帮助|救助|培训|处理|开出|产生|造成|导致|涉及|包括|出现|缴获|查获|破获|查处|"
    r"发放|发行|立案|受理|收集|采集|回收|销毁|种植|栽种|修建|新建|改造|收获|生产)(?![率量额值面])(?:了|过)?"
)
#: A name paying an amount for what the verb after the figure names (A以20亿美元收购B).
_BY_AMOUNT = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z])(?:以|斥资|耗资)$")
#: Deal verbs right after a paid amount: the metric the amount is the price of.
_DEAL_VERB = re.compile(r"\s*(收购|并购|购买|买下|入股|竞得|拍得|认购|增持|控股|购入|租下)")
#: Endings of a subject noun phrase (organisation, place, sector), used to split
#: "京津冀三地规模以上工业企业营业收入" into subject and metric.
_SUBJECT_END = re.compile(
    r".*(?:企业|公司|集团|园区|园|(?<![上超门股城夜])市(?![场值民])|省(?![钱])|县|区(?![域间别])|局(?![面势部地])|中心|行业|"
    r"产业|银行|大学|医院|等地|全国|全市|全省|全县|全区|我国|中国|全球|国内|海外|美国|欧盟|日本|韩国|英国|"
    r"城市|地区|平台|股份|控股)(?![的])"
)
_LEAD_NOISE = re.compile(
    r"^(?:其中|同时|此外|另外|而且|并且|而|但|并|且|据|数据显示|统计显示|资料显示|报告显示|"
    r"记者了解到|据了解|据统计|据悉|截至目前|目前|如今|此前|近年来|今年以来|以来|去年同期|同期|"
    r"业内预计|预计|算下来|然后|随后|以前|现在|当时|之后|最终|最后|其余|其他|剩余)+"
)
_CHANGE = re.compile(
    r"(?:同比|环比|比上年|比去年|较上年|较去年|较去年同期|比去年同期|较上月|年均|平均)?"
    r"(?:增长率|增速|增幅|降幅|涨幅|跌幅|增长|下降|上升|增加|减少|提高|提升|降低|回落|上涨|下跌|下滑|"
    r"扩大|缩小|攀升|拉升|下调|上调|降息|加息|降价|涨价|提价|下探)"
)
_SHARE_CN = "一二两三四五六七八九十"
#: Single-character units that measure (not classifiers): 二 before them is a cardinal.
_MEASURE_UNITS = frozenset("元吨米克斤亩升度倍")
#: Unit placeholder for a large amount written without a unit (20亿, 十万): resolved from the
#: clause (money words -> 元, a people noun after it -> 人) or dropped.
_IMPLICIT = "?"
_MONEY_CUES = re.compile(
    r"元|价|金|钱|资|费|薪|售|销|营收|收入|利润|补贴|投资|融资|募|债|成交|悬赏|估值|市值|贷|预算|税|"
    r"产值|GDP|赔偿|罚款|奖励|买|卖|花|赚|亏"
)
_PEOPLE_AFTER = re.compile(
    r"(?:人|用户|网友|民众|居民|市民|游客|观众|听众|读者|大军|华商|华人|华侨|员工|职工|学生|"
    r"患者|粉丝|选民|农民|工人|儿童|老人|家庭|港人|移民)"
)
_RANGE_TAIL = re.compile(r"\s*[至到~～\-—－]\s*[\d.一二三四五六七八九十]+(?:%|成)")
_MONEY_UNITS = frozenset(["元", "美元", "欧元", "港元", "日元", "英镑"])
_CHENG_BLOCK = "为功本立果员长交型绩熟就效品都年人家效份分绩"
#: Numbers this long without separators, multiplier or decimals are codes, not figures.
_MAX_PLAIN_DIGITS = 9
#: Longest metric kept when it is read from the words after a figure.
_MAX_METRIC_AFTER = 14
#: Longest metric kept when it is read from the words before a figure.
_MAX_METRIC_BEFORE = 16
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_LATIN = re.compile(r"[A-Za-z]")


def _all_cjk(t: str) -> bool:
    """Every character is a CJK ideograph (True for ""), like all(_CJK.match(c) for c in t)."""
    return not t or _CJK_ONLY.fullmatch(t) is not None


@dataclass(slots=True)
class _Num:
    start: int  # start of the figure text (incl. approx prefix)
    num_start: int
    num_end: int  # end of numeral + inner approx + multiplier
    end: int  # end of the figure text (incl. unit and approx suffix)
    value: float | None
    unit: str | None
    approx: str | None
    mult: float
    kind: str  # "ar" | "cn" | "share" | "en"
    single_one: bool = False


def _match_unit(s: str, i: int) -> tuple[str, int] | None:
    j = i
    if j < len(s) and s[j] == " ":
        j += 1
    for key in _UNIT_BY_FIRST.get(s[j : j + 1], ()):
        if s.startswith(key, j):
            if j > i and key not in P.SYMBOL_UNITS:
                continue
            nxt = s[j + len(key) : j + len(key) + 1]
            if key.isascii() and key[-1].isalpha() and nxt.isascii() and nxt.isalpha():
                continue
            block = P.UNIT_BLOCKERS.get(key)
            if block and nxt and nxt in block:
                continue
            return P.UNITS[key], j + len(key)
    return None


def _approx_before(s: str, i: int) -> tuple[str | None, int]:
    j = i
    if j > 0 and s[j - 1] == "了":
        j -= 1
    for key in _APPROX_BEFORE_BY_LAST.get(s[j - 1 : j] if j > 0 else "", ()):
        k = j - len(key)
        if k >= 0 and s.startswith(key, k):
            prev = s[k - 1 : k]
            if key == "过" and prev in "经通度越穿跨错不为超太":
                continue
            if key == "近" and prev in "最附将接靠":
                continue
            if key == "破" and prev in "突打":
                continue
            return P.APPROX_BEFORE[key], k
    return None, i


def _scan(s: str) -> list[_Num]:
    """All candidate figures in the folded text, left to right."""
    out: list[_Num] = []
    consumed = 0
    for m in _NUM_RE.finditer(s):
        ns, ne = m.start(), m.end()
        if ns < consumed:
            continue
        prev = s[ns - 1 : ns]
        if m.group("frac"):
            den = (
                parse_cn(m.group("den")) if not m.group("den").isdigit() else float(m.group("den"))
            )
            nom_s = m.group("nom")
            nom = parse_arabic(nom_s) if nom_s[0].isdigit() else parse_cn(nom_s)
            if not den or nom is None:
                continue
            out.append(_Num(ns, ns, ne, ne, round(nom / den * 100, 2), "%", None, 1, "share"))
            continue
        if m.group("pct"):
            t = m.group("pctn")
            if "点" in t:
                a, _, b = t.partition("点")
                va, vb = parse_cn(a), "".join(str(P.CN_DIGITS.get(c, "")) for c in b)
                val = (va or 0) + (float("0." + vb) if vb else 0)
            else:
                val = parse_arabic(t) if t[0].isdigit() else parse_cn(t)
            if val is None or s[ns - 1 : ns] == "百" or t == "百":
                continue
            out.append(_Num(ns, ns, ne, ne, val, "%", None, 1, "share"))
            continue
        if m.group("ar"):
            raw = m.group("ar")
            if prev and (prev.isascii() and (prev.isalpha() or prev in "._/#-+")):
                if not (prev == "-" and s[ns - 2 : ns - 1].isdigit()):
                    continue
            val = parse_arabic(raw)
            kind = "ar"
            j = ne
        else:
            raw = m.group("cn")
            # a run of digit characters that is not a place-value numeral: keep the last digit,
            # or read "五六千" as a range handled below
            kind = "cn"
            if len(raw) >= 2 and raw[0] in P.CN_DIGITS and raw[1] in P.CN_DIGITS:
                a, b = P.CN_DIGITS[raw[0]], P.CN_DIGITS[raw[1]]
                if b == a + 1 and (len(raw) == 2 or raw[2] not in P.CN_DIGITS):
                    rest = raw[2:]
                    tail = _parse_tail(s, ns + len(raw))
                    if tail:
                        unit, uend, inner, mult_extra = tail
                        mv = parse_cn("一" + rest) if rest else 1.0
                        mv = (mv or 1.0) * mult_extra
                        for d, off in ((a, 0), (b, 1)):
                            out.append(
                                _Num(
                                    ns + off,
                                    ns + off,
                                    ns + len(raw),
                                    uend,
                                    d * mv,
                                    unit,
                                    inner,
                                    mv,
                                    "cn",
                                )
                            )
                    continue
                if len(raw) == 2 and raw[0] == raw[1]:
                    ns += 1
                    raw = raw[1:]
                    prev = s[ns - 1]
                elif all(c in P.CN_DIGITS for c in raw):
                    continue
            if raw == "零" and s[ne : ne + 1] == "下":
                continue  # 零下: "below zero", read with the number after it
            if prev in "数几" or (prev == "上" and raw[0] in "十百千万亿"):
                continue
            if prev == "第" or s[ns - 2 : ns] in ("成千", "千千"):
                continue
            val = parse_cn(raw)
            j = ne
        if val is None:
            continue
        if prev == "第" or s[max(0, ns - 2) : ns] in ("排名", "位列", "排第"):
            continue
        if s[max(0, ns - 1) : ns] == "前":
            continue  # 前20, 前三届: a rank
        tail = _parse_tail(s, j, allow_mult=kind == "ar")
        if tail is None and kind == "cn" and len(raw) >= 2 and raw[-1] in "万亿":
            # "十万悬赏", "百亿补贴": a Chinese numeral ending in a large multiplier, no unit
            if not re.match(r"[A-Za-z0-9]", s[j : j + 1]):
                ap, jj = _after_approx(s, j)
                tail = (_IMPLICIT, jj, ap, 1.0)
        approx, fstart = _approx_before(s, ns)
        if s[max(0, fstart - 2) : fstart] == "零下" and val is not None:
            val, fstart = -val, fstart - 2  # "零下5℃"
        if tail is None:
            # no unit: maybe the first end of a range whose unit comes later
            consumed = j
            while consumed < len(s) and s[consumed] in "十百千万亿兆余多":
                consumed += 1
            out.append(
                _Num(
                    fstart,
                    ns,
                    j,
                    j,
                    val,
                    None,
                    approx,
                    1.0,
                    kind,
                    single_one=(kind == "cn" and raw == "一"),
                )
            )
            continue
        unit, uend, inner, mult = tail
        consumed = uend
        if kind == "cn" and raw == "二" and len(unit) == 1 and unit not in _MEASURE_UNITS:
            continue  # 二期, 二次, 二人: 二 before a measure word names a term or an ordinal
        if unit == "届" and re.match(r"[一二三四五六七八九]中全会|全国|人大|政协|中央", s[uend:]):
            continue  # 十九届四中全会: the numbering of a congress
        if s.startswith(("年头", "钟头"), uend):
            continue  # 四个年头, 两个钟头: durations
        if (
            kind == "ar"
            and "." not in raw
            and "," not in raw
            and len(raw) > _MAX_PLAIN_DIGITS
            and mult == 1
        ):
            continue
        a2 = approx or inner
        out.append(
            _Num(
                fstart,
                ns,
                j,
                uend,
                val * mult,
                unit,
                a2,
                mult,
                kind,
                single_one=(kind == "cn" and raw == "一" and mult <= 1),
            )
        )
    return out


def _parse_tail(
    s: str, j: int, allow_mult: bool = True
) -> tuple[str, int, str | None, float] | None:
    """Inner approx, multiplier, unit and approx-after following a numeral at ``j``."""
    inner: str | None = None
    if allow_mult and s[j : j + 1] == " " and _CJK.match(s[j + 1 : j + 2]):
        j += 1  # "6.2 英寸", "1200 万像素": a space between digits and Chinese text
    if j < len(s) and s[j] in P.APPROX_INNER and s[j] != "几":
        inner = P.APPROX_INNER[s[j]]
        j += 1
    elif s[j : j + 1] == "几":
        inner = ">"
        j += 1
    mult_s = ""
    if allow_mult or inner:
        k = j
        while k < len(s) and s[k] in "十百千万亿兆":
            k += 1
        mult_s = s[j:k]
        # "千瓦时", "千克", "千米", "万人次" are units or unit prefixes, not multipliers
        for unit_key in ("千瓦时", "千瓦", "千克", "千米", "百分点") if mult_s else ():
            if s.startswith(unit_key, k - 1) and mult_s.endswith(unit_key[0]):
                mult_s = mult_s[:-1]
                k -= 1
                break
        j = k
    if mult_s and s[j : j + 1] in P.APPROX_INNER and s[j] != "来":
        inner = inner or P.APPROX_INNER[s[j]]
        j += 1
    # shares: 四成, 3成, 5折
    if s[j : j + 1] in ("成", "折") and not mult_s:
        nxt = s[j + 1 : j + 2]
        if s[j] == "成" and nxt and nxt in _CHENG_BLOCK:
            return None
        return (
            ("%", j + 1, inner, 10.0)
            if _after_approx(s, j + 1)[0] is None
            else ("%", _after_approx(s, j + 1)[1], inner or _after_approx(s, j + 1)[0], 10.0)
        )
    u = _match_unit(s, j)
    mult = multiplier_value(mult_s)
    if u is None:
        if mult_s and mult >= 1e4 and not re.match(r"[A-Za-z0-9]", s[j : j + 1]):
            # "募资20亿", "带领千万网友": a large amount whose unit the context gives
            ap, jj = _after_approx(s, j)
            return _IMPLICIT, jj, ap or inner, mult
        return None
    unit, uend = u
    factor = P.UNIT_FACTORS.get(s[j:uend].strip())
    if factor:
        mult *= factor
    ap, uend2 = _after_approx(s, uend)
    return unit, uend2, ap or inner, mult


def _after_approx(s: str, j: int) -> tuple[str | None, int]:
    for key in _APPROX_AFTER_BY_FIRST.get(s[j : j + 1], ()):
        if s.startswith(key, j):
            if key == "多" and s[j + 1 : j + 2] in ("个", "家", "年", "元", "次"):
                continue
            if key == "上下" and s[j + 2 : j + 3] in ("游", "班", "车", "级"):
                continue
            return P.APPROX_AFTER[key], j + len(key)
    return None, j


def _stitch_ranges(s: str, nums: list[_Num]) -> list[_Num]:
    """Give the first end of a range (3至5亿元, 一到两次, 1.35-2.7%) the unit of the second."""
    out: list[_Num] = []
    for i, n in enumerate(nums):
        if n.unit is None and i + 1 < len(nums):
            nx = nums[i + 1]
            gap = s[n.num_end : nx.num_start]
            if (
                nx.unit
                and _RANGE_CONN.fullmatch(gap)
                and nx.value is not None
                and n.value is not None
            ):
                val = n.value
                if n.mult == 1 and nx.mult != 1:
                    val *= nx.mult
                elif (
                    gap.strip() == "、"
                    and n.kind == "cn"
                    and nx.kind == "cn"
                    and n.value < 10 <= nx.value
                ):
                    val = n.value * 10 ** (len(str(int(nx.value))) - 1)
                if nx.unit == "%" and nx.kind == "cn" and n.kind == "cn" and nx.mult == 10:
                    val = n.value * 10
                out.append(
                    _Num(
                        n.start,
                        n.num_start,
                        n.num_end,
                        n.num_end,
                        val,
                        nx.unit,
                        n.approx,
                        nx.mult,
                        n.kind,
                    )
                )
                continue
        if n.unit is not None:
            out.append(n)
    return out


_SUMMARY_LABEL = re.compile(
    r"^[ \t【\[]*(?:" + "|".join(sorted(P.SUMMARY_LABELS, key=len, reverse=True)) + r")"
    r"[】\]]?\s*[:：]?[ \t]*",
    re.M,
)
_SUMMARY_FIRST_LINES = 3
_SUMMARY_MAX_ITEMS = 5


def _summary_box(s: str) -> tuple[int, int] | None:
    """Span of a summary box that opens the article (摘要：…, or 划重点： and its items)."""
    lim = 0
    for _ in range(_SUMMARY_FIRST_LINES):
        k = s.find("\n", lim)
        lim = len(s) if k == -1 else k + 1
    m = _SUMMARY_LABEL.search(s, 0, lim)
    if m is None:
        return None
    eol = s.find("\n", m.end())
    eol = len(s) if eol == -1 else eol
    if s[m.end() : eol].strip():
        return m.start(), eol
    end = eol
    for _ in range(_SUMMARY_MAX_ITEMS):
        k = s.find("\n", end + 1)
        if k == -1:
            break
        end = k
    return m.start(), end


#: X人一桌, 两人一组, 一人一票: a distribution, not a count.
_DISTRIBUTIVE = re.compile(r"[一每][\u4e00-\u9fff]")


#: 1.1:50.3:48.6 after 占比/比例/结构: a split of a whole into shares that sum to 100.
_RATIO = re.compile(r"(?<![\d.:：])\d+(?:\.\d+)?(?:[:：]\d+(?:\.\d+)?){2,}(?![\d.:：])")
_RATIO_CUE = re.compile(r"比|结构|构成")


def _scan_ratios(s: str) -> list[_Num]:
    out: list[_Num] = []
    for m in _RATIO.finditer(s):
        lo = max(0, m.start() - 24)
        if not _RATIO_CUE.search(s, lo, m.start()):
            continue
        parts = re.split(r"[:：]", m.group(0))
        vals = [float(x) for x in parts]
        if not 99.0 <= sum(vals) <= 101.0:
            continue
        k = m.start()
        for x, v in zip(parts, vals, strict=True):
            out.append(_Num(k, k, k + len(x), k + len(x), v, "%", None, 1.0, "ratio"))
            k += len(x) + 1
    return out


#: The three sectors of an economy named as one: 三次产业, 三大产业, 一二三产业.
_THREE_SECTORS = re.compile(r"三次产业|三大产业|一(?:、)?二(?:、)?三产业?")
_SECTOR_NAMES = ("第一产业", "第二产业", "第三产业")
#: What ends the name of a split before its figures: 占比由, 比例为, 结构调整为.
_RATIO_VERB = re.compile(r"由|为|是|从|调整|分别|变为|达到|之比")


def _ratio_part(s: str, lo: int, start: int) -> str | None:
    """The metric of one share in 'A、B、C比例为a:b:c' or '三次产业投资占比为a:b:c': the part's
    name, with the measure the sentence gives (第二产业投资占比)."""
    m = _RATIO.search(s, max(lo, start - 40), start + 40)
    while m is not None and m.end() <= start:
        m = _RATIO.search(s, m.end(), start + 40)
    if m is None or m.start() > start:
        return None
    idx = s.count(":", m.start(), start) + s.count("：", m.start(), start)
    parts = len(re.split(r"[:：]", m.group(0)))
    cl = m.start()
    while cl > lo and s[cl - 1] not in "，,；;。！？!?\n":
        cl -= 1  # the colons of an earlier split do not end the clause
    head = s[cl : m.start()]
    sec = _THREE_SECTORS.search(head)
    if sec and parts == 3:
        name = _SECTOR_NAMES[idx]
        tail = head[sec.end() :]
    else:
        lst = re.search(
            r"([\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+(?:和|与|及)?[\u4e00-\u9fff]{0,8})",
            head,
        )
        if not lst:
            return None
        items = re.split(r"、|和|与|及", lst.group(1))
        if len(items) != parts:
            return None
        last = items[-1]
        cue = re.search(r"的?(?:比例|占比|比重|结构|构成|之比|比)", last)
        if cue:
            items[-1] = last[: cue.start()]
            tail = last[cue.start() :].lstrip("的")
        else:
            tail = head[lst.end() :]
        name = items[idx]
    v = _RATIO_VERB.search(tail)
    tail = tail[: v.start()] if v else tail
    tail = re.sub(r"[^\u4e00-\u9fff]", "", tail)
    return name + (tail if 2 <= len(tail) <= 8 else "占比")


#: An event held over several days: "5月10-12日，…年会在重庆举行".
_EVENT_NOUN = r"(?:大会|会议|年会|论坛|峰会|展会|博览会|交易会|展览会|运动会|赛事|活动|比赛)"
_EVENT_HELD = re.compile(_EVENT_NOUN + r"[^，。；]{0,20}?(?:举行|召开|举办|开幕|开展|拉开帷幕)")
_DAYS_SPAN = re.compile(r"\d{1,2}[日号]?\s*[-—至到~～]\s*(?:\d{1,2}月)?\d{1,2}[日号]")
_DAY_SPAN_PERIOD = re.compile(r"\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}")
#: The event itself named again: 本次大会, 本届展会, 此次会议, a bare 大会.
_EVENT_REF = re.compile(
    r"(?:本次|本届|此次|这次|该)" + _EVENT_NOUN + r"|大会|年会|展会|博览会|与会|会上|会议期间"
)


def _event_span(s: str, sents: list[tuple[int, int]], published: str | None) -> str | None:
    """The days of the event an article reports on, when it states them as a span."""
    for lo, hi in sents:
        if _DAYS_SPAN.search(s, lo, hi) and _EVENT_HELD.search(s, lo, hi):
            for t in find_times(s[lo:hi], published):
                if _DAY_SPAN_PERIOD.fullmatch(t.period):
                    return t.period
    return None


#: How far into an article the event it reports on is announced (its lead sentence).
_EVENT_LEAD = 300
#: A date opening the event's clause (5月10-12日): no part of its name.
_LEAD_DATE = re.compile(r"^(?:\d{1,2}月)?\d{1,2}(?:\s*[-—至到~～]\s*\d{1,2})?[日号]")
#: A count of people or institutions given by example members (A、B等12位专家) or from
#: where they came (来自A、B等120余所高校): the members are no subject.
_MEMBERS = re.compile(r"^\s*来自|等\s*$")
#: Metrics that count those attending an event (参会人数, 与会代表, 参赛选手).
_ATTENDANCE = re.compile(r"参会|与会|参赛|参展|出席|到场")
#: Units that count attendees: people and the institutions they came from.
_ATTENDEE_UNITS = frozenset(("人", "名", "位", "所", "家"))


def _event_name(s: str) -> str | None:
    """'2019年中国人文地理学术年会在重庆举行' -> '2019年中国人文地理学术年会': the event an
    article's lead announces as held (a relative clause before it, 由X主办的, is dropped)."""
    m = _EVENT_HELD.search(s, 0, _EVENT_LEAD)
    if m is None:
        return None
    end = re.match(_EVENT_NOUN, s[m.start() :])
    a = _clause_start(s, 0, m.start())
    name = s[a : m.start() + (end.end() if end else 0)]
    name = _LEAD_DATE.sub("", name[name.rfind("的") + 1 :].strip())
    # (a year opening the name, 2019年…年会, is part of it, though no noun starts so)
    core = re.sub(r"^\d{4}年", "", name)
    if not (4 <= len(core) <= MAX_TOPIC) or not is_bare_name(core):
        return None
    return name


def _in_idiom(s: str, pos: int) -> bool:
    for idiom in _IDIOMS_BY_CHAR.get(s[pos : pos + 1], ()):
        lo = max(0, pos - len(idiom) + 1)
        k = s.find(idiom, lo, pos + len(idiom))
        if k != -1 and k <= pos < k + len(idiom):
            return True
    return False


def _sentences(s: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in _SENT_SPLIT.finditer(s):
        spans.append((last, m.end() if m.group(0) not in "\n" else m.start()))
        last = m.end()
    spans.append((last, len(s)))
    return [(a, b) for a, b in spans if b > a]


def _clause_start(s: str, lo: int, pos: int) -> int:
    k = pos
    while k > lo and s[k - 1] not in _CLAUSE_SPLIT:
        k -= 1
    # a parenthesis closed right before the figure is an aside inside the clause:
    # "共收到学术论文（含摘要）300余篇"
    if k == pos and k > lo and s[k - 1] in "）)":
        o = max(s.rfind("（", lo, k), s.rfind("(", lo, k))
        if o > lo and k - o <= 12:
            return _clause_start(s, lo, o)
    return k


def _clause_end(s: str, pos: int, hi: int) -> int:
    k = pos
    while k < hi and s[k] not in _CLAUSE_SPLIT:
        k += 1
    return k


def _aside_before(
    s: str, lo: int, cl: int, pos: int, times: list[TimeExpr]
) -> tuple[int, str] | None:
    """The clause around a bracketed aside when only filler stands between the aside and the
    figure: '严重下滑（超过30%）仅占6.5%' -> (start of 严重下滑, '严重下滑仅占'); else None."""
    if cl <= lo or s[cl - 1] not in "）)":
        return None
    o = max(s.rfind("（", lo, cl), s.rfind("(", lo, cl))
    if o <= lo or cl - o > _MAX_ASIDE or _clean_metric(_strip_times(s[cl:pos], times, cl)):
        return None
    outer = _clause_start(s, lo, o)
    return outer, _strip_times(s[outer:o], times, outer) + _strip_times(s[cl:pos], times, cl)


#: Longest bracketed aside read through (（超过30%）, （含摘要）).
_MAX_ASIDE = 16


_QUOTE_WS = re.compile(r"[“”\"'‘’「」《》【】]|\s+")
_TRAIL_PARTICLES = re.compile(r"(?:的|由|从|在)+$")
_METRIC_OPENER = re.compile(
    r"^(?:[这那该此][款个家台辆种批](?!人)|这些|这一|那一|每个|已经|累计|合计|总计|共计|"
    r"一共|总共|先后|分别|其|该|这|此|各|共|已|并|还|也|在|对|将|又|把)(?=..)"
)


def _strip_times(text: str, times: list[TimeExpr], offset: int) -> str:
    out = text
    n = len(text)
    for t in times:
        a, b = max(t.start - offset, 0), min(t.end - offset, n)
        if a < b:
            out = out[:a] + " " * (b - a) + out[b:]
    out = _QUOTE_WS.sub("", out)
    # _TRAIL_PARTICLES: the text has no whitespace left, so no newline for $ to stop before
    return out.rstrip("的由从在")


def _clean_metric(m: str) -> str:
    prev = None
    while prev != m:
        prev = m
        m = _strip_trail(m)
        m = _LEAD_NOISE.sub("", m)
        m = _METRIC_OPENER.sub("", m)
    return m


#: A phrase whose quotation marks all close inside it (“动物系”网贷平台): kept as written.
_BALANCED_QUOTES = re.compile(r'[^“”"《》]*(?:(?:“[^“”]*”|"[^"]*"|《[^《》]*》)[^“”"《》]*)*')

#: A localiser right after a figure that frames a group (51人中有, 10家里就): "among".
_AMONG = re.compile(r"[中里](?:有|的|就|共|仅|只|至少|超过|近)")
#: A phrase that is one quotation and nothing else (“赞”).
_ONE_QUOTE = re.compile(r'“[^“”]*”|"[^"]*"|《[^《》]*》')


def _after_metric(s: str, pos: int, hi: int) -> str:
    """Noun phrase right after a unit: '2000余家|科创企业落地' -> '科创企业'."""
    if s[pos : pos + 1] == " ":
        pos += 1  # "25W 快充": symbol units are often followed by a space
    if s[pos : pos + 1] == "钱" and s[pos - 1 : pos] in "元块毛角分":
        pos += 1  # "2万元钱": 钱 after a money unit repeats the unit
    de = s[pos : pos + 1] == "的"
    if de:
        pos += 1  # "6万平方米的航站楼": the thing measured follows the attributive 的
    k = pos
    while (
        k < hi
        and k - pos < _MAX_METRIC_AFTER
        and (_CJK.match(s[k]) or s[k].isalnum() or s[k] in '“”"《》')
        and s[k] not in "，。、；"
        and not (s[k].isdigit() and _CJK.match(s[k - 1]))
    ):
        k += 1
    m = s[pos:k]
    if not _BALANCED_QUOTES.fullmatch(m) or _ONE_QUOTE.fullmatch(m):
        # a quotation cut off by the phrase end is no longer a name, and a phrase that is
        # one quotation (“赞”) only marks a word: drop the marks, keep them inside a phrase
        m = re.sub(r"[“”\"《》]", "", m)
    bare = re.sub(r"[“”\"《》]", "", m)
    if not bare or (bare[0].isdigit() and s[pos : pos + 1] not in '“"《'):
        return ""  # a quoted name may open with digits (“12306账号”)
    if m[0] == "处" and len(m) >= 3:
        m = m[1:]  # "400米处停泊点": 处 makes the distance a place, the noun follows it
    skip = 1 if m[0] == "被" else 0  # "被调查者": 被 opens a noun
    if de and m[0] == "人" and len(m) >= 3:
        m = m[1:]  # "71.5%的人表示发烧": what the people did is what was counted
        skip = 1
    if m in ("上", "下", "中", "里") or _AMONG.match(m):
        return ""  # "51人中有45名": 中 makes the figure a group, the words after are no noun
    cuts = re.finditer(
        r"(?:落地|落户|参加|参与|获得|获|成立|完成|提供|进入|实现|加入|发表|是|在|被|将|已|和|与|"
        r"及|等|都|均|正|也|还|就|了|中|里|上|下|分别|之|左右|以上|的|来|去|到|至|从|为|对|因|"
        r"组成|成为|接连|全部|悉数|跻身|助力|一起|认为|成功|表示|称|并|各|有可能|可能|进行|"
        r"数[十百千万]|几[十百千万]|[长高深宽远]达)",
        m[skip:],
    )
    # a localiser (上, 中 ...) opens words too (上市, 中心): it ends the phrase only after a noun
    cut = next((c for c in cuts if c.start() > 0 or c.group(0) not in "上下中里"), None)
    if cut and cut.start() + skip >= 2:
        m = m[: cut.start() + skip]
    elif cut:
        m = ""
    r = m.find("率", 1)
    if r > 0:
        m = m[: r + 1]  # "120Hz刷新率三星屏幕": a rate noun ends the phrase
    return m


def _shared_noun_at(s: str, pos: int, unit: str) -> int:
    """Where the noun shared by coordinated figures starts: '22.5万总吨|和10万总吨|邮轮泊位',
    '70%|、80%|资源' (a noun after the last conjunct is the head of all of them); ``pos``
    when no figure of the same unit follows."""
    end, stop = pos, pos + 40
    while (m := _JOINED_FIGURE.match(s, end, stop)) is not None and s.startswith(unit, m.end()):
        if m.end() + len(unit) > stop:
            break  # the unit runs past the window the phrase is read in
        end = m.end() + len(unit)
    return end


#: A conjunction and a further figure ('和10万', '、80'); its unit is checked by the caller.
_JOINED_FIGURE = re.compile(
    r"\s*(?:以及|[、和及与或])\s*(?:约|近)?[\d.,一二两三四五六七八九十百千万亿零]+(?:多|余)?\s*"
)

#: Nouns that name a measure (覆盖率, 比重, 成本): a metric before the figure that ends in one
#: is kept even when a noun follows the figure.
_MEASURE_NOUN_END = re.compile(r"[率比例重额度幅速量值数价费本入润息金资薪]$")
#: A metric that is a change (ends with its change verb), not a level.
_CHANGE_END = re.compile(
    r"(?:增长|下降|上升|增加|减少|提高|提升|降低|回落|上涨|下跌|下滑|扩大|缩小|攀升|下调|上调)$"
)
#: A change verb then 至/到 right before a figure: the figure is the new level.
_LEVEL_TAIL = re.compile(
    r"(?:(?:同比|环比)?(?:增长|增加|提高|提升|上升|下降|减少|降低|回落|扩大|缩小|上涨|下跌|下滑|"
    r"攀升|增|降|升|涨|跌|翻)了?)(?:至|到)了?$|^(?:至|到)了?$"
)
#: Only a currency conversion before the figure (约合人民币, 折合).
_CONVERSION = re.compile(r"(?:约合|折合|合|相当于|约)?(?:人民币)?")
#: A comparison frame "A 仅有/相当于/不及/占 B 的 figure": the figure measures A.
_COMPARE = re.compile(r"(?:仅有|仅为|只有|只是|仅是|相当于|不及|不到|不足|保持在|维持在|占)")


def _split_subject(phrase: str) -> tuple[str | None, str | None]:
    """'全县固定资产投资' -> ('全县', '固定资产投资'); 'A的使用时长' -> ('A', '使用时长')."""
    if not phrase:
        return None, None
    k = phrase.rfind("的")
    if 2 <= k and len(phrase) - k - 1 >= 2:
        return phrase[:k], phrase[k + 1 :]
    sm = _SUBJECT_END.match(phrase)
    if sm and len(phrase) - sm.end() >= 2:
        return phrase[: sm.end()], phrase[sm.end() :]
    return None, phrase


def _change_metric(prefix: str) -> str | None:
    found = list(_CHANGE.finditer(prefix))
    m = found[-1] if found else None
    if m and "占" in prefix[m.end() :]:
        return None  # "大幅下降的仅占3.5%": a share of those that changed, not the change
    if m and (prefix.endswith(m.group(0)) or len(prefix) - m.end() <= 3):
        # filler after the change word is dropped, the change word itself is kept whole
        return m.group(0) + _strip_trail(prefix[m.end() :])
    return None


_CUM_CLAUSE = r"累计|已经|已|迄今|至今|以来|截至|先后|共计|总计|合计|一共|总共"
#: A change verb with its result marker: what follows is the new, current level.
_CHANGED_TO = re.compile(
    r"(?:调整|变|增|升|降|提高|提升|下降|增长|上升|减少|扩大|缩小|回落|攀升)(?:为|至|到)"
)


def _resolve_period(
    times: list[TimeExpr],
    sent_lo: int,
    fact_pos: int,
    clause_lo: int,
    sent_text_before: str,
    metric: str,
    published: str | None,
    carry: str | None = None,
) -> str | None:
    is_change = bool(metric) and bool(_CHANGE.search(metric))
    adjacent = [
        t
        for t in times
        if t.end <= fact_pos
        and re.fullmatch(r"的?", sent_text_before[t.end - sent_lo : fact_pos - sent_lo])
    ]
    if adjacent and adjacent[-1].base and adjacent[-1].year_only:
        # "2018年增速比上年的26.1%": the base's figure, a year before the year just named
        t = adjacent[-1]
        word = sent_text_before[t.start - sent_lo : t.end - sent_lo]
        own = [x for x in times if x.end <= t.start and not x.base and x.year_only]
        if word in ("上年", "上一年", "前一年") and own and re.fullmatch(r"\d{4}", own[-1].period):
            return shift_year(own[-1].period, -1)
        return t.period
    if adjacent and not is_change:
        # "比2017年的2073.5亿元": a time right before the figure is its own, even a base
        return adjacent[-1].period
    before = [t for t in times if t.end <= fact_pos and not (is_change and t.base)]
    if any(not t.base for t in before):
        before = [t for t in before if not t.base]
    if metric and ("年均" in metric or "平均" in metric):
        years = [t for t in times if re.fullmatch(r"\d{4}", t.period)]
        if len(years) >= 2:
            return f"{years[0].period}..{years[-1].period}"
        ranges = [t for t in times if re.fullmatch(r"\d{4}\.\.\d{4}", t.period)]
        if ranges:
            return ranges[-1].period
    if before:
        t = before[-1]
        if _CHANGED_TO.search(sent_text_before, t.end - sent_lo):
            # "由去年同期的1.1%调整为0.7%": the figure after the change is the current one
            return None
        # 去年同期 next to a current period: the same span one year earlier
        if "同期" in sent_text_before[t.end - sent_lo : t.end - sent_lo + 2] and not t.base:
            others = [
                x for x in times if x is not t and not x.base and not x.period.startswith("..")
            ]
            if others:
                return shift_year(others[0].period, -1) if t.year_only else t.period
            if carry and t.year_only and not carry.startswith(".."):
                # the span the article is about, one year earlier
                return shift_year(carry, -1)
        return t.period
    clause_text = sent_text_before[clause_lo - sent_lo :]
    later = [t for t in times if t.span and t.start >= fact_pos]
    if later:
        # "6亿人次在黄金周期间出行": a named span later in the sentence holds for the figure
        return later[0].period
    pub = publication_day(published)
    if pub and re.search(
        r"截至目前|截止目前|累计|已经|已|迄今|至今|以来|先后|目前", sent_text_before
    ):
        if (
            re.search(_CUM_CLAUSE, clause_text)
            or re.search(r"截至目前|截止目前|以来", sent_text_before)
            or re.search(r"目前.*?(?:共|累计|总计|合计)", sent_text_before)
        ):
            # "目前，警方共组织宣传700余次，入户5万余人次": totals up to publication
            return f"..{pub}"
    return None


#: Words for a survey or poll: its figures are a snapshot at its time.
_SURVEY = re.compile(r"调研|调查|问卷|民调|抽查|抽样|受访")


def extract_facts(body: str, published: str | None, title: str | None = None) -> list[Fact]:
    """Every figure in ``body`` as a :class:`Fact` (SCHEMA.md rules); never raises.

    The ``title`` only helps resolve references to the article's own place (全县, 本市)
    when the body never names it."""
    try:
        if is_english(body or ""):
            return extract_english(body, published)
        return _extract(body or "", published, fold(title or ""))
    except Exception:  # noqa: BLE001 - one bad article must not stop the pipeline
        return []


def _extract(body: str, published: str | None, title: str = "") -> list[Fact]:
    s = fold(body)
    nums = _stitch_ranges(s, _scan(s))
    nums += _scan_english(s)
    if ":" in s or "：" in s:
        nums += _scan_ratios(s)
    nums.sort(key=lambda n: n.num_start)
    facts: list[Fact] = []
    sents = _sentences(s)
    si = 0
    topic = _Topic()
    carry_period: tuple[int, str] | None = None
    carry_cut: tuple[int, str] | None = None
    figure_sents: set[int] = set()
    sent_cache: dict[int, list[TimeExpr]] = {}
    prev_in_sentence: dict[int, tuple[int, str | None, str | None, str]] = {}
    # per sentence, a coordinated metric 分别 distributes and the conjunct last used
    resp: dict[int, tuple[str, int]] = {}
    doc = _doc_names(s)
    last_level_metric: str | None = None
    place_cache: dict[str, str | None] = {}
    box = _summary_box(s)
    event: str | None = None
    chip = "纳米" in s and bool(M.CHIP_CONTEXT.search(s))
    held: str | None = None
    if _EVENT_HELD.search(s):
        event = _event_span(s, sents, published)
        held = _event_name(s)
    for n in nums:
        if n.value is None or n.unit is None:
            continue
        if box and box[0] <= n.start < box[1] and s.find(s[n.start : n.end], box[1]) != -1:
            continue  # a summary box restates a figure the article gives below
        if n.unit == _IMPLICIT:
            unit = _implicit_unit(s, n)
            if unit is None:
                continue
            n = replace(n, unit=unit)
        if n.single_one and not re.search(
            r"(?:其中|只有|仅有|仅|唯一|只剩下?|最少时?|从)$", s[: n.start]
        ):
            continue
        if n.unit in ("点",) and not re.search(
            r"(?:报|收于|收报|至|达)$", s[max(0, n.start - 3) : n.start]
        ):
            continue
        if n.unit in ("度",) and n.kind != "cn":
            continue
        if n.unit == "度" and _CJK.match(s, n.end) and s[n.end] not in "的左上以之":
            # 两度做客, 三度夺冠: 度 before a verb counts occasions
            n = replace(n, unit="次")
        if n.unit == "级" and n.num_start == n.start and s[n.num_start] in "十百千万亿":
            continue  # 千亿级, 千万级: an order of magnitude, not a grade
        if n.unit == "人" and _DISTRIBUTIVE.match(s, n.end):
            continue  # 两人一桌: a distribution, not a count
        if (
            n.unit == "%"
            and n.value == 100
            and _CJK.match(s, n.end)
            and s[n.end] not in "的以左"
            and _clause_start(s, 0, n.start) == n.start
        ):
            continue  # 100%舒适: an intensifier, not a share
        if _in_idiom(s, n.num_start):
            continue
        if s[n.end : n.end + 1] == "+" or s[n.start - 1 : n.start] == "+":
            continue
        if "×" in s[max(0, n.start - 1) : n.start] + s[n.end : n.end + 1]:
            continue  # 161.9×73.7×7.8mm: dimensions of a device
        if n.unit == "%" and re.search(
            r"\(-?[\d.]+,\s*-?[\d.]+,\s*$", s[max(0, n.start - 30) : n.start]
        ):
            continue  # 贝莱德(431.2, 7.37, 1.74%): an inline stock quote
        while si + 1 < len(sents) and sents[si][1] <= n.num_start:
            topic = _update_topic(s, sents[si], sent_cache, si, published, topic)
            if si not in figure_sents:
                # a sentence without figures still sets the time later sentences continue
                own = [t.period for t in sent_cache[si] if not t.base and t.period[:2] != ".."]
                precise = [p for p in own if len(p) > 4] or own
                if precise:
                    carry_period = (s.rfind("\n", 0, sents[si][0]), precise[-1])
                    carry_cut = None
            si += 1
        lo, hi = sents[si]
        if si not in sent_cache:
            sent_cache[si] = find_times(s[lo:hi], published)
        times = [
            TimeExpr(t.start + lo, t.end + lo, t.period, t.year_only, t.base, t.span)
            for t in sent_cache[si]
        ]
        if any(t.start <= n.num_start < t.end for t in times):
            continue
        cl = _clause_start(s, lo, n.start)
        ce = _clause_end(s, n.end, hi)
        # a previous figure in the same clause: the metric is what stands between them
        prev = prev_in_sentence.get(si)
        list_item = False
        aside = _aside_before(s, lo, cl, n.start, times)
        if aside is not None and prev and prev[0] > aside[0]:
            # "严重下滑（超过30%）仅占6.5%": a figure in a closed aside is not the figure
            # before this one; the clause reads on without the brackets
            prev = None
        if prev and prev[0] > cl:
            between = s[prev[0] : n.start]
            if re.fullmatch(r"\s*(?:[、和及与或]|以及)?\s*", between) or (
                prev[3] == n.unit and re.fullmatch(r"\s*[至到~～\-—－]\s*", between)
            ):
                list_item = True
            cl2 = prev[0]
        else:
            cl2 = cl
        prefix = _strip_times(s[cl2 : n.start], times, cl2)
        if aside is not None:
            cl2, prefix = aside
        metric: str | None = None
        subject: str | None = None
        change = _change_metric(prefix)
        level = _LEVEL_TAIL.search(prefix)
        compare = _COMPARE.search(prefix) if s[cl2 : n.start].rstrip().endswith("的") else None
        bracket = not prefix and cl > lo and s[cl - 1] in "（(" and M.bracket_term(s, lo, cl - 1)
        after_raw = s[n.end : ce].strip()
        if list_item and prev:
            metric, subject = prev[1], prev[2]
        elif bracket:
            # "局地有大雨(25～40毫米)", "严重下滑（超过30%）": the term the brackets qualify
            metric = bracket
        elif n.unit == "点" and (close := M.CLOSE.search(prefix)):
            # "沪指收报2929点": the closing level
            metric = "收盘"
            subject = _clean_metric(prefix[: close.start()]) or None
        elif (
            (pas := M.PASSIVE.search(_clean_metric(prefix)))
            and n.unit not in ("%", "倍")
            and not (n.unit not in _NOT_COUNT_UNITS and _after_metric(s, n.end, ce))
        ):
            # (被细分为43个项目: a count of the noun after it, not a loss)
            # "被骗走139万元", "被扣了12元": what was lost
            metric = "被" + pas.group(1)
        elif n.unit in _MONEY_UNITS and n.mult < 1e8 and (sale := M.SALE_BEFORE.search(prefix)):
            # "64GB售5499元", "卖到6199元": a bare sale verb names the price
            metric = "售价"
            subject = _clean_metric(prefix[: sale.start()]) or None
        elif (
            n.unit in _MONEY_UNITS
            and (by := _BY_AMOUNT.search(prefix))
            and (deal := _DEAL_VERB.match(s, n.end, ce))
            and is_bare_name(payer := _clean_metric(prefix[: by.start()]))
        ):
            # "阿里巴巴以20亿美元收购考拉": the name before 以 pays the amount for the deal
            # the verb after it names (以5元的价格出售 is a manner, no deal verb follows)
            subject = payer
            metric = deal.group(1)
        elif level and (prev or level.start() > 0):
            # "由71.2亿元增长至748.7亿元", "同比增长35.7%至35.9亿元": the new level, measured by
            # the noun before the change verb, or by the last level figure's metric
            head = _clean_metric(re.sub(r"(?:由|从)$", "", prefix[: level.start()]))
            if len(head) >= 2 and not _CHANGE_END.search(head):
                subject, metric = _split_subject(head)
            elif prev and prev[1] and not _CHANGE_END.search(prev[1]):
                metric, subject = prev[1], prev[2]
            else:
                metric = last_level_metric
        elif (
            prefix
            and _CONVERSION.fullmatch(prefix)
            and prev
            or (prev and prev[1] and re.fullmatch(r"(?:比|较|相比|与|同|对比)", prefix))
        ):
            # "约合人民币7000元", "比2017年的2073.5亿元": the same quantity as the last figure
            # "售价999美元，约合人民币7000元": the same quantity in another currency
            metric, subject = prev[1], prev[2]
        elif compare and n.unit in ("%", "倍") and compare.start() >= 2:
            # "A的使用时长仅有B的三分之一": the share or multiple measures A
            subject, metric = _split_subject(_clean_metric(prefix[: compare.start()]))
        elif change:
            metric = change
        elif n.unit in ("%", "个百分点") and (move := M.MARKET_MOVE.search(prefix)):
            # "创业板指跌近3%": a one-character market verb is the change
            metric = move.group(0).rstrip("了")
        elif n.unit == "倍" and len(after_b := _after_metric(s, n.end, ce)) >= 2:
            # "3倍光学变焦": the multiple qualifies the noun after it
            metric = after_b
        elif n.unit not in _NOT_COUNT_UNITS and (
            after0 := _after_metric(s, n.end, ce)
            or _after_metric(s, _shared_noun_at(s, n.end, n.unit), ce)
        ):
            metric = M.counted_people(after_raw, n.unit) or after0
            pre = _clean_metric(prefix)
            vm = _SPLIT_VERBS.search(pre)
            subject = _clean_metric(pre[: vm.start()]) if vm is not None else None
        else:
            pre = _clean_metric(prefix)
            # "15%至20%的运力": the noun after a range belongs to both of its ends
            rng = _RANGE_TAIL.match(s, n.end, ce) if n.unit == "%" else None
            a_end = rng.end() if rng else n.end
            after = _after_metric(s, a_end, ce)
            # "70%、80%资源": coordinated figures share the noun after the last one, unless
            # the words before them name the measure (票价为50元和80元)
            sh = _shared_noun_at(s, n.end, n.unit)
            shared = not after and sh > n.end and not _MEASURE_NOUN_END.search(pre)
            if shared:
                after = _after_metric(s, sh, ce)
                if after[:1] in _SHARE_CN:
                    after = ""  # "50元和80元两档": a count of the figures, not their noun
            bawei = prefix.endswith("把")
            vm = _SPLIT_VERBS.search(pre)
            if vm is not None:
                subj_part = _clean_metric(pre[: vm.start()])
                obj = pre[vm.end() :]
                obj = _clean_metric(obj)
                if M.ORDINAL_ONLY.fullmatch(obj) or obj in ("上", "中", "里"):
                    # "完成了新一轮3000万元融资": the noun comes after the figure;
                    # "投入上已超过": a localiser is no object
                    obj = ""
                nominal = not obj and not after and M.NOMINAL_VERB.match(vm.group(0))
                # (the aspect marker is checked in the text: the cleaned prefix lost it)
                marked = nominal and re.search(re.escape(vm.group(0)) + "[了过]", prefix)
                if nominal and not marked:
                    # "研发投入10亿美元", "公司出资500万元": the verb is also the noun
                    # naming the amount, the head of the phrase before the figure
                    subj_part = pre[: vm.end()]
                subject = subj_part or None
                if marked:
                    # "他募集了2万元": with its aspect marker it is a verb, naming the amount
                    metric = vm.group(0).rstrip("了过")
                elif not obj and not after and len(subj_part) >= 2:
                    # "固定资产投资完成246.79亿元": the verb has no object, the noun before
                    # it names what was measured
                    subject, metric = _split_subject(subj_part)
                else:
                    metric = obj or after or vm.group(0).rstrip("了过")
            elif (
                pre
                and after
                and (
                    prefix.endswith("、")
                    or shared
                    or bawei
                    or re.match(
                        r"[^，。；、]{1,14}、\s*[\d一二三四五六七八九十]", s[n.end : ce + 1]
                    )
                    or (s[a_end : a_end + 1] == "的" and not _MEASURE_NOUN_END.search(pre))
                )
            ):
                # "全球25%智能手机、20%毛衣", "保证15%的运力": the share is of the noun after it
                metric = after
                if bawei:
                    # "把20万元奖金捐出来": 把 fronts the object, the verb and its
                    # complement follow it
                    metric = M.BA_VERB_END.sub("", metric) or metric
                subject = _clean_metric(pre.rstrip("、")) if prefix.endswith("、") else None
            elif pre:
                sm = _SUBJECT_END.match(pre)
                if sm and len(pre) - sm.end() >= 2:
                    subject = pre[: sm.end()]
                    metric = _clean_metric(pre[sm.end() :])
                else:
                    own, metric = _split_subject(pre)
                    subject = subject or own
                if after and len(metric or "") <= 1:
                    metric = after
            else:
                metric = after or None
            if after and M.PRICE_BAND.fullmatch(after):
                # "大多在5000元档位": a price band after the figure names what it measures
                metric = after
            if metric and len(metric) > _MAX_METRIC_BEFORE:
                metric = metric[-_MAX_METRIC_BEFORE:]
        if not metric and n.unit == "人":
            # "过去三年有12人获奖", "7104人为阳性": the people counted are those who did it
            metric = M.counted_people(after_raw, n.unit)
        if (
            (not metric or M.BARE_PREDICATE.fullmatch(metric))
            and (not (bare := _clean_metric(prefix)) or M.BARE_PREDICATE.fullmatch(bare))
            and not (prev and prev[0] > cl)
            and cl > lo
            and s[cl - 1] in "，,"
            and not _after_metric(s, n.end, ce)
        ):
            # "进口继续扩大，突破3000亿美元": a clause of only a verb and its figure continues
            # the noun phrase the clause before it opened with
            pc = _clause_start(s, lo, cl - 1)
            metric = M.clause_head(_strip_times(s[pc : cl - 1], times, pc)) or metric
        if (
            subject is None
            and metric
            and (sp := M.split_measure(M.tidy(metric)))
            and _swallowed(s, sp[0], doc)
        ):
            # "街电最高日订单量达180万单": the name heading the measure phrase is the subject,
            # the measure with its modifiers the metric (a qualifier after it, 增速最高, is
            # no part of either)
            subject, metric = sp
        if metric and (lat := M.LATIN_HEAD.match(metric)):
            # "GalaxyS20Ultra售价": the model is who the price is for
            subject = subject or lat.group(0)
            metric = metric[lat.end() :]
        if n.kind == "ratio":
            metric = _ratio_part(s, lo, n.num_start) or metric
        metric = M.unit_measure(n.unit, metric, prefix, after_raw, chip)
        if (
            held
            and n.unit in _ATTENDEE_UNITS
            and (_MEMBERS.search(s[cl : n.start]) or _ATTENDANCE.search(metric or ""))
        ):
            # 来自A、B等120余所高校的600余名专家学者, A等12位专家, 参会人数超过700人: in a
            # report on an event, the attendees counted are the event's
            subject = held
        else:
            subject = _attribute(s, doc, lo, cl, n.start, times, subject, metric, topic, n.unit)
        if subject and doc.outlets and is_outlet(subject, doc.outlets):
            subject = doc.topic
        if subject and doc.alias:
            subject = _unalias(subject, doc.alias)
        if subject and subject[:1] in "全本" and subject[1:] in _SCOPE_PLACE:
            # 全县, 本市: the county or city the article is about
            subject = _home_place(s, subject[1:], place_cache, title) or subject
        if (
            metric
            and subject
            and metric.startswith(subject)
            and len(metric) > len(subject)
            and len(subject) >= 2
        ):
            metric = metric[len(subject) :]  # "海之梦号长": the name is the subject, not the metric
        if metric and not (list_item and prev):
            metric = M.after_le(metric)
            if (tidied := M.tidy(metric)) != metric:
                metric = _clean_metric(tidied) or (metric if tidied else "")
        if metric and metric[0] == "的" and len(metric) > 2:
            metric = metric[1:]  # "（超过30%）的企业": the attributive 的 opens no noun
        if metric is not None and not metric:
            metric = None
        # "营业成本和营业支出增幅分别高达100.5%和149%": each figure takes its own conjunct
        # (the coordinated metric stays what later figures and the subject are read from)
        own_metric = None
        if metric and not list_item and "分别" in prefix:
            own_metric = M.respective(metric, 0)
            if own_metric:
                resp[si] = (metric, 0)
        elif list_item and si in resp and metric == resp[si][0]:
            own_metric = M.respective(metric, resp[si][1] + 1)
            resp[si] = (metric, resp[si][1] + 1)
        period = _resolve_period(
            times,
            lo,
            n.num_start,
            cl,
            s[lo : n.num_start],
            metric or "",
            published,
            carry_period[1] if carry_period else None,
        )
        para = s.rfind("\n", 0, n.num_start)
        if (
            period is None
            and event
            and _EVENT_REF.search(s, lo, hi)
            and not (
                carry_period
                and carry_period[0] == para
                and event[:10] <= carry_period[1] <= event[12:]
            )
        ):
            # "本次大会共收到论文300余篇": a figure about the event takes the event's days,
            # unless its paragraph is about one day of it (5月12日下午，大会闭幕式…)
            period = event
        elif period is None and carry_cut and carry_cut[0] == para:
            # 截至8月25日，A…；B…: a cut-off holds for the rest of its paragraph
            period = carry_cut[1]
        elif period is None and carry_period:
            # the last period named, carried on from earlier sentences and paragraphs
            period = carry_period[1]
        elif (
            period is not None
            and not period.startswith("..")
            and not (carry_period and period == shift_year(carry_period[1], -1))
        ):
            # (the base of a 去年同期 comparison does not move the article's period)
            carry_period = (para, period)
            carry_cut = None
        elif period is not None and any(t.period == period for t in times):
            carry_cut = (para, period)
        if (
            period
            and period.startswith("..")
            and period != f"..{publication_day(published)}"
            and _SURVEY.search(s, lo, hi)
        ):
            # 截至8月中旬，一份调研显示…占24.6%: a survey's shares hold at that time, they
            # are not totals accumulated up to it
            period = period[2:]
        prev_in_sentence[si] = (n.end, metric, subject, n.unit)
        figure_sents.add(si)
        if metric and n.unit not in ("%", "个百分点", "倍") and not _CHANGE_END.search(metric):
            last_level_metric = metric
        facts.append(
            Fact(
                text=body[n.start : n.end],
                value=_round(n.value),
                unit=n.unit,
                approx=n.approx,
                metric=own_metric or metric,
                subject=subject,
                period=period,
                sentence=body[lo:hi].strip(),
                start=n.start,
                end=n.end,
            )
        )
    _spread_years(facts)
    if facts and any(f.period is None for f in facts):
        # a figure before any time expression: the first one the article names
        first = next((f.period for f in facts if f.period), None)
        if first is None:
            for lo, hi in sents:
                ts = find_times(s[lo:hi], published)
                if ts:
                    first = ts[0].period
                    break
        facts = [f if f.period else replace(f, period=first) for f in facts]
    return facts


_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\.\.((?:19|20)\d{2})")


def _spread_years(facts: list[Fact]) -> None:
    """'2016年至2018年营收分别为A、B、C': one year each, in order, when the count fits."""
    i = 0
    while i < len(facts):
        f = facts[i]
        m = _YEAR_SPAN.fullmatch(f.period or "")
        if not m or "分别" not in f.sentence:
            i += 1
            continue
        j = i
        while (
            j + 1 < len(facts)
            and facts[j + 1].sentence == f.sentence
            and facts[j + 1].unit == f.unit
            and facts[j + 1].period == f.period
        ):
            j += 1
        a, b = int(m.group(1)), int(m.group(2))
        if j - i == b - a:
            for k in range(i, j + 1):
                facts[k] = replace(facts[k], period=str(a + k - i))
        i = j + 1


def _unalias(subject: str, alias: dict[str, str]) -> str:
    """A person addressed by title (陈校长) is named in full (陈立群)."""
    for short, full in alias.items():
        if short in subject:
            return subject.replace(short, full)
    return subject


_SCOPE_PLACE = ("县", "市", "省", "区", "镇")


#: Weight of a place named in the title against its mentions in the body.
_TITLE_PLACE_WEIGHT = 2


def _home_place(s: str, suffix: str, cache: dict[str, str | None], title: str = "") -> str | None:
    """The place with this suffix the article names most often (德清县 for 全县), if any;
    a place in the title counts as two mentions (the body of a local report often never
    names its own county)."""
    if suffix not in cache:
        counts: dict[str, int] = {}
        for text, weight in ((s, 1), (title, _TITLE_PLACE_WEIGHT)):
            for m in re.finditer(suffix, text):
                for ln in (2, 3):
                    name = text[max(0, m.start() - ln) : m.end()]
                    if len(name) == ln + 1 and _all_cjk(name[:-1]):
                        if name[0] not in "全本该各每我其年月日号" and name[-2] not in _SHARE_CN:
                            counts[name] = counts.get(name, 0) + weight
        two = [k for k in counts if len(k) == 3]
        best = max(two, key=lambda k: counts[k], default=None)
        if best:
            longer = [k for k in counts if len(k) == 4 and k.endswith(best)]
            if longer and counts[max(longer, key=lambda k: counts[k])] == counts[best]:
                best = max(longer, key=lambda k: counts[k])
        cache[suffix] = best if best and counts[best] >= 2 else None
    return cache[suffix]


def _implicit_unit(s: str, n: _Num) -> str | None:
    """元 when the clause talks money, 人 when a people noun follows, else None (not a fact)."""
    lo = _clause_start(s, 0, n.start)
    hi = _clause_end(s, n.end, len(s))
    if _PEOPLE_AFTER.match(s, n.end) or _PEOPLE_AFTER.match(s, n.end + 1):
        return "人"
    if _MONEY_CUES.search(s, lo, hi):
        return "元"
    return None


def _round(v: float) -> float:
    r = round(v, 6)
    return float(int(r)) if r == int(r) else r


def _scan_english(s: str) -> list[_Num]:
    out: list[_Num] = []
    for m in _EN_MONEY.finditer(s):
        v = parse_arabic(m.group("n"))
        if v is None:
            continue
        mult = P.EN_MULTIPLIERS.get((m.group("m") or "").lower(), 1.0)
        cur = _EN_CUR.get(m.group("cur").strip(), "美元")
        out.append(_Num(m.start(), m.start("n"), m.end(), m.end(), v * mult, cur, None, mult, "en"))
    for m in _EN_QTY.finditer(s):
        v = parse_arabic(m.group("n"))
        if v is None:
            continue
        mult = P.EN_MULTIPLIERS.get((m.group("m") or "").lower(), 1.0)
        out.append(
            _Num(
                m.start(),
                m.start("n"),
                m.end(),
                m.end(),
                v * mult,
                _EN_UNITS[m.group("u").lower()],
                None,
                mult,
                "en",
            )
        )
    return out


# --- document names and topic (subjects) -------------------------------------------------

_MODEL_NAME = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z0-9][A-Za-z0-9+\-]*(?: [A-Za-z0-9+][A-Za-z0-9+\-]*)*"
)
#: A Chinese brand name followed by a model number (麒麟990, 含光800).
_CN_MODEL = re.compile(r"(?<=[\u4e00-\u9fff])\d{2,4}(?![\d.年月日号%])")
_NAME_SUFFIX_RE = re.compile(
    "|".join(sorted(P.NAME_SUFFIXES, key=len, reverse=True)).replace("市", "市(?![场值民面])")
)


#: What a product or brand name looks like: a word and a model number (Galaxy S20, Mate20),
#: several words (FreeCell Quest), or a capitalised word with lower case (Steam, Galaxy).
_PRODUCT_SHAPE = re.compile(
    r"^(?:[A-Za-z][A-Za-z\-]*\d[\w+\-]*|.+ .+|[A-Z][a-z][A-Za-z]{3,}|[a-z]+[A-Z][A-Za-z0-9]*)$"
)


_DOT_PART = 8


def _dot_names(s: str) -> set[str]:
    """Proper names joined by an interpunct, a transliterated person (茉莉·西尔斯) or a brand and
    its product (歌诗达邮轮·新浪漫号), mentioned at least twice: each side is the longest run
    of Chinese characters around the dot that the article repeats."""
    out: set[str] = set()
    k = s.find("·")
    while k != -1:
        best = None
        for a in range(min(_DOT_PART, k), 1, -1):
            left = s[k - a : k + 1]
            if _all_cjk(left[:-1]) and s.count(left) >= 2:
                best = left
                break
        if best:
            name = None
            for b in range(_DOT_PART, 1, -1):
                cand = best + s[k + 1 : k + 1 + b]
                if len(cand) == len(best) + b and _all_cjk(cand[len(best) :]):
                    if s.count(cand) >= 2:
                        name = cand
                        break
            if name:
                out.add(name)
        k = s.find("·", k + 1)
    return out


#: A repeated term is a name candidate when it opens a clause this often.
_MIN_HEAD_USES = 2
#: A quoted term (“…”) of CJK and Latin letters that names something: no clause, no number
#: alone (“714”), no punctuation inside.
_QUOTED_TERM = re.compile(r"“((?=[^”]*[\u4e00-\u9fffA-Za-z])[\u4e00-\u9fffA-Za-z0-9·]{2,12})”")
#: A quoted term is a name when the article quotes it this often.
_MIN_QUOTED_USES = 3
#: Scope words (中国, 全球) name the article's topic only when nothing else competes.
_SCOPE_WEIGHT = 0.3
#: Function characters never inside the short form of a name (拒绝了省州县 is no 绝了省).
_TERM_FUNCTION = re.compile(r"[了着过的是在和与及或就都也还又把被让对]")


def _name_like(term: str, s: str | None = None) -> bool:
    """A repeated term may be a name when it is longer than a common two-character word
    (共享充电宝, 台江民中) or is a two-character personal name or nickname (汪勇, 小温):
    two-character common words repeated in subject position (性能, 存储, 租金, 行业) are
    aspects of the topic, not who a figure is measured for."""
    if len(term) >= 3:
        return True
    return term[0] in P.SURNAMES or term[0] in "小老阿" or (s is not None and term + "·" in s)


@dataclass(slots=True)
class _Names:
    names: list[str]  # every name found, longest first
    topic: str | None
    alias: dict[str, str] = field(default_factory=dict)  # 陈校长 -> 陈立群
    outlets: frozenset[str] = frozenset()  # 澎湃新闻, 新浪科技: sources, never subjects
    institution: str | None = None  # 台江民族中学: read on first need ("" when none)


#: A name quoted this much more rarely scores as the article's topic.
_SPEAKER_WEIGHT = 0.2
_SPEAKER_AFTER = re.compile(
    r"(?:[\u4e00-\u9fff]{0,6}?)(?:表示|说|称|介绍|指出|认为|透露|坦言|告诉|强调|解释|回忆)"
)


def _speaker_share(s: str, nm: str) -> float:
    """Share of a name's mentions that open a verb of saying (张建锋表示, 张建锋称)."""
    n = said = 0
    k = s.find(nm)
    while k >= 0:
        n += 1
        end = k + len(nm)
        if _SPEAKER_AFTER.match(s, end) and _SPEAKER_AFTER.match(s, end).end() - end <= 8:
            said += 1
        k = s.find(nm, end)
    return said / n if n else 0.0


#: Forms of address after a surname (陈校长, 李女士, 冯警官): the person is named in full
#: elsewhere in the article.
_ADDRESS = frozenset(P.ROLE_TITLES) | frozenset(
    "先生 女士 小姐 老师 校长 院长 主任 医生 大夫 教授 警官 师傅 阿姨 大爷 书记 老板 总".split()
)


def _title_aliases(names: list[str]) -> dict[str, str]:
    """'陈校长' -> '陈立群' when the article names exactly one person with that surname."""
    out: dict[str, str] = {}
    for nm in names:
        if len(nm) < 3 or nm[0] not in P.SURNAMES or nm[1:] not in _ADDRESS:
            continue
        full = [
            k
            for k in names
            if len(k) in (2, 3)
            and k[0] == nm[0]
            and k[1:] not in _ADDRESS
            and not any(k.endswith(a) for a in _ADDRESS)
        ]
        if len(full) == 1:
            out[nm] = full[0]
    return out


def _product_names(s: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """Product and model names (Galaxy Z Flip, 麒麟990 is not) in s[lo:hi], with offsets:
    Latin words shaped like a name, not a spec (256GB, LPDDR5, AMOLED)."""
    out = []
    for m in _MODEL_NAME.finditer(s, lo, hi):
        t = m.group(0).strip()
        if not _LATIN.search(t) or len(t) < 3:
            continue
        if re.search(r"\d\s?(?:[GMTK]B|IPS|W|Hz|mAh|ms|nm)\b", t) or t.isupper() and len(t) <= 4:
            continue  # a quantity with a symbol unit (256GB) or a spec acronym (LPDDR5)
        if not _PRODUCT_SHAPE.match(t):
            continue  # 60FPS, 8mm, ToF, AMOLED: a spec, not a product or brand
        out.append((m.start(), t))
    return out


def _doc_names(s: str) -> _Names:
    """Names the article repeats (products, organisations, places, people) and its topic."""
    counts: dict[str, int] = {}
    first_para = s[: max(s.find("\n"), 200)]
    # product and model names: Latin letters and digits (Galaxy S20, 麒麟990, 5G手机 is not)
    for _, t in _product_names(s, 0, len(s)):
        if not _TECH_CODE.fullmatch(t):
            counts[t] = counts.get(t, 0) + 1
    counts = {k: v for k, v in counts.items() if v >= 2}
    for m in _CN_MODEL.finditer(s):
        for ln in (2, 3):
            nm = s[max(0, m.start() - ln) : m.end()]
            if len(nm) == ln + len(m.group(0)) and _all_cjk(nm[:ln]):
                n = s.count(nm)
                if n >= 3:
                    counts[nm] = n
    # names joined by an interpunct (茉莉·西尔斯, 歌诗达邮轮·新浪漫号): proper names
    if "·" in s:
        for nm in _dot_names(s):
            counts.setdefault(nm, s.count(nm))
    # short forms of organisation and place names
    for m in _NAME_SUFFIX_RE.finditer(s):
        best = None
        for ln in (2, 3, 4):
            a = m.start() - ln
            if a < 0:
                continue
            core = s[a : m.start()]
            if not _all_cjk(core) or core[-1] in "的在和与及、" + _SHARE_CN:
                continue
            n = s.count(core)
            if n >= 3 and (best is None or n >= 0.85 * best[1]):
                best = (core, n)
        if best and best[0] not in P.NOT_NAMES and not _TERM_FUNCTION.search(best[0]):
            counts[best[0]] = s.count(best[0])
    for nm in P.SCOPE_NAMES:
        n = s.count(nm)
        if n:
            counts[nm] = n
    # a term the article quotes again and again (“COVID症状研究”应用程序, “某某计划”) is
    # the name of an app, a programme or a campaign, even when its letters read like words
    quoted: dict[str, int] = {}
    for m in _QUOTED_TERM.finditer(s):
        quoted[m.group(1)] = quoted.get(m.group(1), 0) + 1
    for nm, n in quoted.items():
        if n >= _MIN_QUOTED_USES and nm not in P.NOT_NAMES:
            counts.setdefault(nm, s.count(nm))
    # terms the article keeps repeating in subject position (汪勇, 共享充电宝)
    heads: dict[str, int] = {}
    for nm, (n, h) in salient_terms(s).items():
        if (
            h >= _MIN_HEAD_USES
            and nm not in P.NOT_NAMES
            and _name_like(nm, s)
            and head_np(nm, need_verb=False) == nm
        ):
            counts.setdefault(nm, n)
            heads[nm] = h
    outlets = outlet_names(s)
    if outlets:
        # the outlet that reports or interviews is never what the article measures
        counts = {k: v for k, v in counts.items() if not is_outlet(k, outlets)}
    # a repeated phrase that is a name and its predicate (小温失联) names nothing
    counts = {k: v for k, v in counts.items() if tidy_subject(k) == k}
    # drop a name inside a longer one that is as frequent (麒麟990 inside 麒麟990 5G)
    names = sorted(counts, key=len, reverse=True)
    keep = []
    for nm in names:
        if any(nm != k and nm in k and counts[k] >= counts[nm] for k in keep):
            continue
        keep.append(nm)
    topic = None
    if keep:

        def score(nm: str) -> float:
            sc = counts[nm] * (2.0 if nm in first_para else 1.0) * (1 + heads.get(nm, 0))
            if _speaker_share(s, nm) >= 0.5:
                sc *= _SPEAKER_WEIGHT  # a source the article quotes, not what it reports on
            return sc * (_SCOPE_WEIGHT if nm in _SCOPE else 1.0)

        best = max(keep, key=score)
        if counts[best] >= 3 and not best.startswith("全"):
            topic = best
    alias = _title_aliases(keep)
    if topic in alias:
        topic = alias[topic]
    return _Names(keep, topic, alias, outlets)


def _pick_subject(
    s: str, doc: _Names, lo: int, pos: int, local: str | None, fallback: str | None
) -> str | None:
    """The clause's own subject (X的Y), a name the sentence gives before the figure, its own
    short subject, the name last mentioned in the paragraph, or the article's topic."""
    own = _de_subject(s, lo, pos)
    if own:
        return own
    best = -1
    named = None
    for nm in doc.names:
        k = s.rfind(nm, lo, pos)
        if k > best:
            best, named = k, nm
    if named:
        return named
    if local and len(local) <= 10 and not re.search(r"[年月季]|期$|目前|今天|当天", local):
        return local
    para = s.rfind("\n", 0, lo) + 1
    best = -1
    for nm in doc.names:
        k = s.rfind(nm, para, lo)
        if k > best:
            best, named = k, nm
    if named:
        return named
    return doc.topic or local or fallback


#: Two-character verbs that open a relative clause before 的 (建设的, 生产的, 使用的).
_BARE_VERB = re.compile(
    r"(?:建设|生产|使用|制造|开发|研发|销售|购买|经营|运营|投资|提供|出售|出口|进口|安装|参与|"
    r"参加|计划|规划|设计|发布|推出|采用|搭载|支持|拥有|获得|实现|完成|达到|形成|组成|构成)"
)
_DE_SUBJ = re.compile(r"([\u4e00-\u9fffA-Za-z0-9“”\"·+ ]{2,12}?)的")
_NOT_SUBJ_START = re.compile(
    r"^(?:其|这|那|该|此|我|你|他|她|它|每|各|对|在|从|比|较|与|和|同|把|被|让|使|是|有)"
)


def _de_subject(s: str, lo: int, pos: int) -> str | None:
    """'23家银行的拨备覆盖率超过200%' -> '23家银行': the possessor at the head of the clause."""
    cl = _clause_start(s, lo, pos)
    head = _LEAD_NOISE.sub("", s[cl:pos])
    m = _DE_SUBJ.match(head)
    if not m:
        return None
    subj = m.group(1).strip()
    if (
        _NOT_SUBJ_START.match(subj)
        or _SPLIT_VERBS.search(subj)
        or re.search(r"\d{4}|[年月日]", subj)
    ):
        return None
    if re.search(r"[为是在将已被了]", subj) or subj.endswith("目"):
        return None  # (目的地: 的 inside a word)
    if _SPLIT_VERBS.fullmatch(subj) or _CHANGE.fullmatch(subj) or _BARE_VERB.fullmatch(subj):
        return None  # 建设的一期工程: a verb before 的 opens a relative clause
    return subj


def _name_after_de(s: str, doc: _Names, lo: int, pos: int) -> str | None:
    """'以优雅意式风情主打的歌诗达邮轮·新浪漫号长220.6米': a clause before 的 modifies the name
    after it, and the name is what the figure measures."""
    cl = _clause_start(s, lo, pos)
    k = s.find("的", cl, pos)
    if k < 0:
        return None
    k += 1
    while k < pos and s[k] == " ":
        k += 1  # 尺寸居中的 Galaxy S20+: a space before a Latin name
    for nm in doc.names:
        if s.startswith(nm, k) and k + len(nm) < pos:
            return nm
    return None


# --- subject attribution: clause head, sentence head, running topic ----------------------


@dataclass(slots=True)
class _Topic:
    """The running topic: the last sentence-head noun phrase and the paragraph it opened."""

    np: str | None = None
    para: int = -1


def _sentence_head(s: str, span: tuple[int, int], times: list[TimeExpr]) -> str | None:
    lo, hi = span
    ce = _clause_end(s, lo, hi)
    return head_np(_strip_times(s[lo:ce], times, lo))


def _update_topic(
    s: str,
    span: tuple[int, int],
    cache: dict[int, list[TimeExpr]],
    si: int,
    published: str | None,
    topic: _Topic,
) -> _Topic:
    """A sentence that opens with its own noun phrase makes it the topic that later
    sentences without a subject continue."""
    lo, hi = span
    if si not in cache:
        cache[si] = find_times(s[lo:hi], published)
    times = [
        TimeExpr(t.start + lo, t.end + lo, t.period, t.year_only, t.base, t.span) for t in cache[si]
    ]
    h = _sentence_head(s, span, times)
    if h:
        return _Topic(h, s.rfind("\\n", 0, lo))
    return topic


def _attribute(
    s: str,
    doc: _Names,
    lo: int,
    cl: int,
    pos: int,
    times: list[TimeExpr],
    local: str | None,
    metric: str | None,
    topic: _Topic,
    unit: str | None = None,
) -> str | None:
    """Who or where a figure is measured for: the clause's possessor (X的Y), the subject the
    metric analysis split off, the noun phrase heading the clause, a name the sentence gives;
    a pronoun refers back to the running topic; else the name last seen in the paragraph
    (zero anaphora) or the article's topic."""
    for i, cand in enumerate(_candidates(s, doc, lo, cl, pos, times, local, metric, topic)):
        cand = tidy_subject(cand)
        if not cand or cand in _COMPONENTS:
            continue  # (主屏为6.7英寸: a part of a product is measured for the product)
        if cand in _SELF_INSTITUTION or (
            i >= _FALLBACK_FROM and unit in _PEOPLE_UNITS and _is_person(cand, doc)
        ):
            # 全校885名学生, 3000多名学生 in an article about a headmaster: people are
            # counted for the institution they belong to, not for the protagonist
            if doc.institution is None:
                doc.institution = main_institution(s) or ""
            return doc.institution or cand
        return cand
    return None


def _candidates(
    s: str,
    doc: _Names,
    lo: int,
    cl: int,
    pos: int,
    times: list[TimeExpr],
    local: str | None,
    metric: str | None,
    topic: _Topic,
) -> Iterator[str | None]:
    """The candidates :func:`_attribute` tries, best first; computed lazily, as the first
    one that is a noun phrase wins."""
    # one yield per kind of candidate, None when there is none, so that the position of a
    # candidate tells its kind (see _FALLBACK_FROM)
    own = _de_subject(s, lo, pos)
    yield (_name_after_de(s, doc, lo, pos) or own) if own else None
    # 【某某网】: an outlet's bracketed credit opening a headline is no part of its head
    c0 = s.find("】", cl, pos) + 1 if s.startswith("【", cl) else cl
    clause = _strip_times(s[c0 or cl : pos], times, c0 or cl)
    ref = _demonstrative_ref(s, cl, clause)
    pron = ref is None and is_pronoun_head(clause)
    # 南昌由25℃降至10℃: a preposition right before the figure opens the predicate, though
    # _strip_times drops it from the clause
    prep = s[cl:pos].rstrip()[-1:] in _PREP_BEFORE_FIGURE
    h = None if pron else head_np(clause, need_verb=not prep, metric=metric)
    if h is None and not pron:
        # 全城16条地铁线路, 南京、武汉等7个城市: no verb between the head and the figure, so
        # only a head that names an entity (a list, a name, a place) is taken
        h = head_np(clause, need_verb=False, metric=metric)
        if h is not None and not _entity_like(h, doc):
            h = None
    if (
        h is None
        and not pron
        and metric
        and clause.startswith(metric)
        and (metric in doc.names or _ENTITY_HEAD.search(metric))
    ):
        h = metric  # 甲队和乙队共9人: a group or name taken for the metric still heads the clause
    if h is None and not pron and (nw := _NEW_PREFIX.match(clause)):
        # 新增地方政府债券28951亿元: 新增 qualifies the noun right before the figure
        rest = clause[nw.end() :]
        # (新增企业中外资企业: a set and a part of it name no single subject)
        h = rest if head_np(rest, need_verb=False) == rest and "中" not in rest else None
    if h is None and not pron and cl > lo and s[cl - 1] in "()（）":
        h = _paren_head(s, doc, lo, cl, times)
    if h is None and clause.lstrip()[:2] in _SELF_INSTITUTION:
        h = clause.lstrip()[:2]  # 全校800名学生: the figure follows the reference at once
    if h and _SPLIT_VERBS.fullmatch(h):
        h = None  # 建成22.5万总吨和: a verb heading the clause names no one
    h = ref or h
    yield _scope_region(s, lo, cl, h) if h else None
    h = None
    if not pron and metric and clause.endswith(metric) and len(clause) > len(metric) + 1:
        # "创业板指跌近3%": [subject][metric][figure], the metric right before the figure
        h = head_np(clause[: -len(metric)], need_verb=False)
        if h and (_SPLIT_VERBS.fullmatch(h) or _CHANGE.fullmatch(h) or metric in h):
            # (X出货量不及Y出货量的1%: a head holding the metric spans a comparison)
            h = None
    # (局地降幅10℃以上: a partial scope is part of the area named before it, as above)
    yield _scope_region(s, lo, cl, h) if h else None
    h = head_np(local, need_verb=False) if local else None
    yield _scope_region(s, lo, cl, h) if h else None
    yield _colon_head(s, lo, cl) or _named_before(s, doc, lo, cl, pos)
    yield None if pron else _earlier_head(s, doc, lo, cl, times)
    if cl > lo and not pron:
        pron = is_pronoun_head(s[lo : _clause_end(s, lo, pos)])
    tnp = topic.np if topic.np and _anchored(s, doc, topic.np) else None
    if pron and tnp is None:
        # 这是一款云端芯片: a demonstrative opening a sentence points at what the sentence
        # before introduced last (发布了首款芯片“含光800”)
        tnp = _last_introduced(s, doc, lo)
    yield tnp if pron else None
    para = s.rfind("\n", 0, lo) + 1
    best, named = -1, None
    for nm in doc.names:
        if nm in _VAGUE_SCOPE:
            continue  # 全球最快, 国内市场: a scope the paragraph mentions is no protagonist
        k = s.rfind(nm, para, lo)
        if k > best:
            best, named = k, nm
    if _LATIN.search(s, para, pos):
        # a product the paragraph introduces once as a clause subject (折叠屏手机 Galaxy
        # Z Flip 也一并发布) is what its specifications are for; a component named
        # as an object (搭载骁龙 855 Plus 处理器) is not
        for k, nm in _product_names(s, para, pos):
            if k > best and _PRODUCT_SUBJECT.match(s, k + len(nm)):
                best, named = k, nm
    yield named  # (the fallbacks start here, at _FALLBACK_FROM)
    # a running topic continued without a pronoun must name an entity by its form; a
    # sentence head like 蓬勃发展的武汉 or 存储方面 is carried on too easily
    yield tnp if tnp and _entity_like(tnp, doc) else None
    yield doc.topic


#: A predicate right after a product name: the name is the subject of its clause.
_PRODUCT_SUBJECT = re.compile(
    r"\s*(?:也|将|已|于|在|正|还|则|发布|推出|亮相|上市|开售|首发|采用|搭载|配备|拥有)"
)

#: Parts and aspects of a device that head its specifications (主屏为6.7英寸, 存储为8GB,
#: 后置的相机模组内拥有三颗摄像头): the product they belong to is the subject.
_COMPONENTS = frozenset(
    "主屏 副屏 外屏 内屏 屏幕 存储 内存 机身 电池 处理器 前置 后置 摄像头 镜头 续航 快充".split()
)
#: Verbs that qualify the noun after them as new or added (新增贷款, 新签合同).
_NEW_PREFIX = re.compile(r"(?:累计)?(?:新增|新签|新建|新开工|新发放|新注册)")
#: Prepositions that _strip_times drops from the end of a clause.
_PREP_BEFORE_FIGURE = frozenset("由从在")
#: A line label before a colon that names no entity (原标题：, 具体如下：, 来源：).
_NOT_COLON_NAME = re.compile(
    r"(?:标题|如下|以下|来源|作者|编辑|记者|时间|地址|电话|备注|链接|提示|结果|决定|规定|通知|"
    r"公告|要求|提出|强调|指出|获悉|了解到|显示|质疑|回应|回复|反映|说明|呼吁|称|说|道|问|答)$"
)
#: A name alone before a colon: Chinese or Latin letters and digits, nothing else.
_COLON_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9 ]{2,10}")


def _colon_head(s: str, lo: int, cl: int) -> str | None:
    """'恒远科技：5000万元竞得一宗工业用地': a name standing alone before a colon (a list or
    headline line about a company or place) is the subject of the figures its sentence gives
    after it; a speaker (他说：), a decision (会议决定：) or a label (原标题：) is not."""
    k = max(s.rfind(":", lo, cl), s.rfind("：", lo, cl))
    if k < 0 or re.search(r"[)）]", s[k:cl]):
        return None  # (第二名：15012): a label inside an aside
    name = s[_clause_start(s, lo, k) : k].strip()
    if not _COLON_NAME.fullmatch(name) or _NOT_COLON_NAME.search(name):
        return None
    # (运达股份: a company suffix marks a name whose inner characters read like a verb)
    return name if is_bare_name(name) or _SWALLOWED_END.search(name) else None


#: A demonstrative and a generic head opening a clause (该小区, 这栋大楼, 此公司): it refers
#: back to the last entity of that kind the article named.
_DEMONSTRATIVE = re.compile(
    r"(?:该|此|这(?:个|家|座|栋|幢|处)?)(小区|楼盘|楼栋|大楼|写字楼|大厦|公司|企业)"
)
#: Names of each kind, found before the reference: a residential estate (quoted, or a
#: development named as a 项目: 南京某某项目), a building, a company.  The part before the
#: head may run into the words before the name; :func:`_demonstrative_ref` trims it at the
#: last function character.  (改善小区, 进入小区: a bare 小区 is no estate's name.)
_ESTATE_NAME = re.compile(
    r"“([^“”，。]{2,12}(?:城|苑|园|府|湾|庭|邸|居|公馆|小区))”|([\u4e00-\u9fff]{4,12}项目)"
)
_BUILDING_NAME = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{1,10}(?:写字楼|大厦|大楼|商厦))")
_COMPANY_NAME = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{1,10}(?:公司|集团))")
_REF_KINDS = {
    "小区": _ESTATE_NAME,
    "楼盘": _ESTATE_NAME,
    "楼栋": _BUILDING_NAME,
    "大楼": _BUILDING_NAME,
    "写字楼": _BUILDING_NAME,
    "大厦": _BUILDING_NAME,
    "公司": _COMPANY_NAME,
    "企业": _COMPANY_NAME,
}
#: The heads the names of :data:`_REF_KINDS` end with, longest first.
_REF_SUFFIXES = (
    "写字楼",
    "公馆",
    "小区",
    "大厦",
    "大楼",
    "商厦",
    "公司",
    "集团",
    "项目",
    *"城苑园府湾庭邸居",
)
#: A project is an estate's name only with a name of some length before it (南京某某项目,
#: not 涉事项目 or 多地项目).
_REF_MIN_CORE = {"项目": 4}
#: Characters a name does not contain: the verb or preposition before it (途经, 位于, 的).
_REF_BOUNDARY = re.compile(r".*[的在于到经从至往是为了过着和与及把被向对将入进、“”《》]")
#: How far back the named entity is looked for.
_REF_WINDOW = 1500
#: Generic words a name of a kind never is (一家公司, 这栋大楼, 上市公司).
_REF_GENERIC = re.compile(r"^(?:[一这那该此每各某本][个家座栋幢所]?|上市|母|子|分|总|相关|部分)?$")


def _demonstrative_ref(s: str, cl: int, clause: str) -> str | None:
    """'该小区燃气出气口…仅约50公分' after '涉事项目为“龙湖水晶郦城”': a demonstrative
    with a generic head (该小区, 该楼栋, 这家公司) opening the clause names the last entity
    of that kind before the clause at ``cl`` (龙湖水晶郦城, 新桥新街一写字楼); None when the clause
    opens otherwise or the article names no such entity."""
    m = _DEMONSTRATIVE.match(_LEAD_NOISE.sub("", clause.lstrip()))
    if not m:
        return None
    found = list(_REF_KINDS[m.group(1)].finditer(s, max(0, cl - _REF_WINDOW), cl))
    for last in reversed(found):
        name = next(g for g in last.groups() if g)
        cut = _REF_BOUNDARY.match(name)
        if cut:
            name = name[cut.end() :]
        suffix = next(x for x in _REF_SUFFIXES if name.endswith(x))
        core = name[: -len(suffix)]
        if _REF_GENERIC.match(core) or len(core) < _REF_MIN_CORE.get(suffix, 2):
            continue  # 一家公司, 该大楼, 涉事项目: only the kind again, no name
        return name
    return None


#: Characters that end a sentence.
_SENTENCE_END = "。！？!?\n"
#: Scope words that name no place the article can be about (unlike 全县, 本市).
_VAGUE_SCOPE = frozenset(("全球", "全国", "国内", "海外"))
#: Index of the first fallback :func:`_candidates` yields (a name seen earlier in the
#: paragraph, the running topic, the article's topic), not given by the sentence itself.
_FALLBACK_FROM = 7
#: A technical code of Latin letters joined by hyphens and ending in a number (SARS-CoV-2,
#: COVID-19, IEEE-754): a virus, a disease or a standard the article is about, not an
#: actor or a product its figures are measured for.
_TECH_CODE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*-\d+")
#: Units that count people.
_PEOPLE_UNITS = frozenset(("人", "名", "位"))
#: The institution the article is about, referred to from inside (全校, 本校, 该校).
_SELF_INSTITUTION = frozenset(("全校", "本校", "该校", "全院", "本院", "该院"))


def _is_person(name: str, doc: _Names) -> bool:
    """A personal name the article repeats (陈立群, 小温): a surname and a given name, a
    nickname, or the full name a title addresses; a place (江门) is none."""
    if name in doc.alias.values():
        return True
    if name not in doc.names or _ENTITY_HEAD.search(name) or gazetteer.load().lookup(name):
        return False
    return (len(name) == 3 and name[0] in P.SURNAMES) or (len(name) == 2 and name[0] in "小老阿")


#: Clauses an earlier clause head is looked for in (a long sentence is usually a list).
_MAX_EARLIER_CLAUSES = 6


def _earlier_head(s: str, doc: _Names, lo: int, cl: int, times: list[TimeExpr]) -> str | None:
    """'蓬江警方共组织宣传700余次，入户宣传5万余人次': a clause without a topic of its own
    continues the entity heading the nearest earlier clause of the same sentence and line
    (an organisation, place or name; aspects such as 前置 or 入户走访 are passed over)."""
    end = cl - 1
    for _ in range(_MAX_EARLIER_CLAUSES):
        if end <= lo or s[end] in "\n：:":
            return None
        start = _clause_start(s, lo, end)
        text = _strip_times(s[start:end], times, start)
        part = partitive_set(text) or topic_frame(s[start:end])
        if part:
            # 573家企业中，有192家…: the figures count members of that set; 制造业方面，…:
            # the frame's noun phrase is the topic of the rest of the sentence
            return part
        lead = _LEAD_NOISE.sub("", text.lstrip())
        if lead[:1] in "全本" and lead[1:2] in _SCOPE_PLACE:
            # 全县固定资产投资完成246.79亿元，同比增长15.3%: a whole place heading an earlier
            # clause (its measure noun is no entity head) is the scope of the clauses after it
            return lead[:2]
        h = tidy_subject(head_np(text))
        if h is None and end == cl - 1:
            # 航空公司表示，10日将取消…: the speaker of the clause right before is the
            # subject of what it announces
            h = speaker_head(text)
        if h and not _PARTIAL_SCOPE.match(h):
            if _ENTITY_HEAD.search(h) or any(nm in h for nm in doc.names):
                return h
        if area := _AREA_AFTER_PREP.search(text):
            # 降温重心在江淮、江南一带，降幅普遍在10℃以上: the area an earlier clause
            # places its topic in is where the figures after it are measured
            return area.group(1)
        end = start - 1
    return None


#: An area list a clause ends with, after the preposition placing something in it.
_AREA_AFTER_PREP = re.compile(r"[在于到]([^在于到，。；\s]{2,30}?(?:等地|一带))$")
#: Heads that name only part of an area given before (局地降幅达16℃, 部分地区暴雨).
_PARTIAL_SCOPE = re.compile(r"(?:^|(?<=部))(?:局地|局部地区|部分地区|部分地方|不少地方|个别地方)")
#: The end of an area list (华北、黄淮等地, 江南至华南一带).
_AREA_END = re.compile(r"(?:等地|一带)")
#: Where an area phrase starts: a clause boundary or the preposition before a place.
_AREA_OPEN = frozenset("，,。；;：:！？!?、（(\n 在于到")


def _scope_region(s: str, lo: int, cl: int, h: str) -> str:
    """'局地' after '华北、黄淮等地降温6～12℃，' -> '华北、黄淮等地局地': a partial scope is
    part of the last area list the sentence named before the clause."""
    if not _PARTIAL_SCOPE.match(h):
        return h
    end = None
    for m in _AREA_END.finditer(s, lo, cl):
        end = m.end()
    if end is None:
        return h
    a = end - 2
    while a > lo and (s[a - 1] not in _AREA_OPEN or s[a - 1] == "、"):
        a -= 1
    area = _LEAD_NOISE.sub("", s[a:end])
    area = re.sub(r"^(?:\d+日|[今明昨]天|[今明昨]日)", "", area)
    return area + h if len(area) >= 4 else h


#: Heads of noun phrases that name an entity (an organisation, place, group or product line).
_ENTITY_HEAD = re.compile(
    r"(?:企业|公司|集团|园区|(?<![上超门股城夜])市|省|县|区|镇|村|局|中心|行业|产业|银行|大学|学校|中学|"
    r"小学|医院|平台|股份|控股|政府|部门|机构|协会|用户|居民|市民|学生|患者|城市|地区|地方|国家|"
    r"警方|法院|队|(?<![机社体约聚宴理])会|所|院|厂|店|馆|站|港|号|系列|版)$"
)


def _paren_head(s: str, doc: _Names, lo: int, cl: int, times: list[TimeExpr]) -> str | None:
    """The head of the clause a parenthesis interrupts: '局地有大雪（5～9毫米）' (the figure
    in brackets after its clause), '等地出现降雪（雨）或雨夹雪2～12毫米' (an aside before
    the figure)."""
    end = cl - 1
    if s[end] in ")）":
        end = max(s.rfind("(", lo, end), s.rfind("（", lo, end))
        if end < 0:
            return None
    a = _clause_start(s, lo, end)
    text = _strip_times(s[a:end], times, a)
    h = head_np(text) or head_np(text, need_verb=False)
    if h is None:
        return None
    # only an area or an entity: the clause may be a comparison or a label (比同行高（…）)
    if _PARTIAL_SCOPE.search(h) or _AREA_END.search(h) or _entity_like(h, doc):
        return h
    return None


def _last_introduced(s: str, doc: _Names, lo: int) -> str | None:
    """The name the sentence before ``lo`` mentions last (a name the article repeats)."""
    b = lo
    while b > 0 and s[b - 1] in _SENTENCE_END:
        b -= 1
    a = max(s.rfind(c, 0, b) for c in _SENTENCE_END) + 1
    best, named = -1, None
    for nm in doc.names:
        k = s.rfind(nm, a, b)
        if k > best and nm not in _VAGUE_SCOPE:
            best, named = k, nm
    return named


def _entity_like(np_: str, doc: _Names) -> bool:
    """A noun phrase that names an entity by its form: an entity head (公司, 市, 队), a list
    (南京、武汉等), a name the article repeats, or a place (巴黎, 全县)."""
    if _ENTITY_HEAD.search(np_) or "、" in np_ or np_.endswith("等"):
        return True
    if any(len(nm) >= 2 and nm in np_ for nm in doc.names):
        return True
    if np_[0] in "全本" and _all_cjk(np_[1:]) and np_ not in _SCOPE:
        return True  # 全城, 本市: the whole of a place
    return bool(gazetteer.load().lookup(np_))


#: Ends of words naming an organisation, a place or a surface area (沿海, 湖面): what a
#: measure noun after them is measured for.
_SWALLOWED_END = re.compile(
    r"(?:公司|集团|企业|银行|平台|股份|控股|政府|机构|协会|(?<![上超门股城夜])市|省|县|镇|"
    r"地区|沿海|山区|海域|流域|[湖海江水]面|制造业|服务业)$"
)


#: A short word repeated this often is a name (a brand, a product, a site).
_MAX_SHORT_NAME = 4
_MIN_NAME_USES = 3


def _swallowed(s: str, np_: str, doc: _Names) -> bool:
    """The words before a measure phrase name who or where it is measured for: a name the
    article repeats, a place, a Latin-lettered product (5G芯片), an organisation or an area;
    not a plain noun that is part of the measure (固定资产投资, 居民人均收入)."""
    if not is_bare_name(np_) or "的" in np_ or M.PEOPLE_NOUN.fullmatch(np_):
        return False
    if np_ in doc.names or _LATIN.search(np_) or _SWALLOWED_END.search(np_):
        return True
    if len(np_) <= _MAX_SHORT_NAME and s.count(np_) >= _MIN_NAME_USES:
        return True  # a short word the article keeps repeating (街电): a name
    return bool(gazetteer.load().lookup(np_))


def _anchored(s: str, doc: _Names, np_: str) -> bool:
    """A noun phrase the article treats as an entity: repeated, a name, or an entity head."""
    if (s.count(np_) >= 2 and "的" not in np_) or _ENTITY_HEAD.search(np_):
        return True
    return any(len(nm) >= 2 and (nm in np_ or np_ in nm) for nm in doc.names)


_SCOPE = frozenset(P.SCOPE_NAMES)


#: The frame 受X影响 (under the influence of X) around a name: X is a cause.
_CAUSE_BEFORE = re.compile(r"受[\u4e00-\u9fff]{0,2}$")
_CAUSE_AFTER = re.compile(r"影响")


def _named_before(s: str, doc: _Names, lo: int, cl: int, pos: int) -> str | None:
    """The name the sentence gives last before the figure; a scope word (全球, 中国) only
    when it heads the clause, not as a modifier (全球最快的)."""
    best, named = -1, None
    for nm in doc.names:
        k = s.rfind(nm, lo, pos)
        if k <= best:
            continue
        if nm in _SCOPE and k != cl:
            continue
        if _CAUSE_AFTER.match(s, k + len(nm)) and _CAUSE_BEFORE.search(s, max(lo, k - 3), k):
            continue  # 受较强冷空气影响: a cause, not what the figures are measured for
        best, named = k, nm
    if named and best < cl:
        # 神舟九号逐渐接近天宫一号，至140米停泊点: a name an earlier clause ends with is its
        # object; the name opening that clause is its subject, which the figure continues
        # (杭州市学军中学校长陈立群要退休了: a name inside the head noun phrase is no object)
        start = _clause_start(s, lo, best)
        h = head_np(s[start : _clause_end(s, best, cl)])
        opening = _LEAD_NOISE.sub("", s[start:best])
        if h and named not in h:
            for nm in doc.names:
                if (
                    nm != named
                    and nm not in _SCOPE
                    and named not in nm
                    and opening.startswith(nm)
                    and (h.startswith(nm) or nm.startswith(h))
                ):
                    return nm
    return named
