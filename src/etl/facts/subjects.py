"""Subject attribution: the noun phrase a figure is measured for.

Chinese news clauses follow [time] [topic NP] [verb] [metric NP] [figure]; a clause with no
topic of its own takes the topic of the sentence, and a sentence without one continues the
topic of the paragraph (zero anaphora); 其/该/他/她 refer back to it.  This module reads the
topic NP at the head of a clause (the words before its first verb or adverb) and keeps the
running topic of a paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from itertools import accumulate, compress

from etl.facts.patterns import ROLE_TITLES

#: Openers that are not part of the topic: connectives, evidential frames, time adverbs.
_LEAD = re.compile(
    r"^(?:其中|同时|此外|另外|而且|并且|不过|但是|然而|因此|所以|于是|随后|然后|之后|最终|"
    r"最后|当时|如今|目前|现在|近年来|近期|近日|日前|此前|以前|原本|据悉|据了解|据统计|"
    r"据介绍|记者了解到|数据显示|统计显示|资料显示|报告显示|结果显示|调查显示|截至目前|"
    r"今年以来|去年同期|同期|另|而|但|并|且|又|还|也|则|即|就|总体来看|整体来看|具体来看|"
    r"总的来看|从[^，,]{1,8}来看|在[^，,]{1,10}(?:中|上|里|方面|期间)|对于|关于|作为)+"
)
#: Words that end the topic NP: verbs, modals, adverbs and prepositions that open the
#: predicate.  Longer words first so that 已经 wins over 已.
_BOUNDARY = re.compile(
    r"此前|目前|如今|当时|近日|日前|今年|去年|明年|每年|每天|全年|继续|坦言|强调|告诉|发现|提到|解释|估计|预测|(?<![声宣号简职])称|(?<![小传听游演])说|实现|完成|达到|高达|多达|长达|超过|突破|增长|下降|上升|增加|减少|提高|提升|降低|回落|"
    r"上涨|下跌|下滑|攀升|扩大|缩小|拥有|获得|推出|开通|开启|开设|开出|开展|举办|举行|召开|"
    r"发布|宣布|公布|表示|认为|介绍|透露|显示|指出|需要|成为|属于|位列|位居|排名|共有|共计|"
    r"累计|合计|总计|同比|环比|预计|计划|已经|正在|曾经|可以|可能|能够|将会|仍然|依然|"
    r"分别|先后|一共|总共|只有|仅有|只是|仅为|约为|相当于|可(?=达|超|至|能|望)|"
    r"(?<![发到表传雷马抵送])达|将|已|曾|应当|应该|(?<![供反响效适相回答呼顺对感])应(?![用急变])|"
    r"基本上|大多(?!数)|大都(?!市|会)|普遍|通常|往往|逐渐|逐步|陆续|不断|持续|首次|率先|"
    r"一度|依旧|仍旧|始终|一直|随即|立即|纷纷|相继|接连|自动(?!化)|"
    r"(?<![现存所正实自])在|(?<![但就还也总可于硬])是|(?<![行认成因作])为|"
    r"(?<![所拥具持没现国共占含])有(?![限效])|把|被|(?<![面针相绝])对|从|(?<![方面导走意动倾])向|"
    r"(?<![自理经])由|(?<![关由对位属至等处用基])于|(?<![可所加予难得])以(?![上下内外来及后前])|"
    r"让|(?<!大)使(?![用命馆者])|给|也|(?<![首成京古])都|(?<![平人])均|还|就|又|再|仍|"
    r"降温|升温|出现|迎来|遭遇|受到|发生|占|获|约|近|超|逾|较|仅|只|最|更|每|各|"
    r"共(?=[0-9一二两三四五六七八九十]|$)|(?<![A-Za-z0-9 ])[0-9]+(?![0-9.]*[A-Za-z])|"
    r"(?<!第)[一二两三四五六七八九十](?![号代期])"
)
_NUMERAL = re.compile(r"[0-9一二两三四五六七八九十]")
_ROLE = re.compile("|".join(sorted(ROLE_TITLES, key=len, reverse=True)))
#: A head ending in a measure noun names the metric (营业额, 增速, 进出口), not the subject.
_MEASURE_END = re.compile(
    r"(?:[率额量值价费幅速重]|比例|比重|占比|成本|收入|利润|支出|规模|总数|人数|数量|次数|"
    r"进出口|出口|进口|产值|产量|销量|均价|售价|价格|面积|长度|高度|温度|气温|降温|风力|"
    r"降水|降雪|降雨|增加值|投资|营收|营业额|营业收入|净利润)$"
)
#: Where a product or company is sold or operates, after its name (X国内售价, X海外营收):
#: an adverbial, not part of the name.
_SCOPE_TAIL = re.compile(r"(?<=..)(?:国内|国外|海外|境内|境外|全球|全国)$")
#: Measure words of two characters or more; not 投资, which often ends an object noun
#: (固定资产投资), nor counts (会员人数, 游客数量: the noun before is what is counted).
_MEASURE_WORD_END = re.compile(
    r"(?:比例|比重|占比|成本|收入|利润|支出|产值|产量|销量|均价|售价|"
    r"价格|气温|风力|降水量|降雪量|降雨量|增加值|营收|营业额|营业收入|净利润|市值|股价)$"
)
#: A head ending in a localiser is a place or time adverbial (三年内, 闭幕式上).
_LOCALISER_END = re.compile(r"[上下内外中里间前后时]$")
#: Verbs of saying and forecasting: the noun phrase before them is a source, not a subject.
_SPEECH = re.compile(
    r"表示|认为|介绍|透露|指出|称|说|预计|预测|估计|坦言|强调|告诉|发现|显示|提到|分析|解释"
)
#: A verb of saying or announcing that ends a clause (X表示，…).
_SPEECH_END = re.compile(r"(?:表示|介绍|透露|指出|宣布|坦言|称|说)$")
#: A topic never starts with these: pronouns, demonstratives, prepositions, verbs.
_BAD_START = re.compile(
    r"^(?:[的我你他她它咱这那该此每各某哪谁啥一]|其(?!他|余|它)|会(?![议员计场所长展谈])|对|在|从|把|被|让|使|给|与|和|是|有|将|已|"
    r"本次|本届|本轮|本报|无论|值得|实际|算下来|外加|更是|不管|不论|只是|就是|还是|而是|"
    r"经常|常常|一直|始终|接着|后来|终于|甚至|便|才|看起来|似乎|其实|事实上|当年|那年|当天|"
    r"次日|此后|[以因据按依凭随经自当])"
)
_PRONOUN = re.compile(r"^(?:他们|她们|它们|他|她|它|其(?!他|余|它)|该|此|这)")
#: A topic must not contain these (it would be a clause, not a noun phrase).
_NOT_NP = re.compile(
    r"[，,。；;：:！？!?“”\"（）()《》]|[年月日]$|^[0-9一二三四五六七八九十]+号$|^\d(?![\d.]*[A-Za-z])|时候|时$|之后|以后|以来|期间|[了着过]|"
    r"^(?:支持|采用|使用|进入|通过|经过|根据|按照|随着|为了|由于|因为|如果|虽然|即使|只要|"
    r"不仅|除了|包括|其中|加上|再加上|还有|以及|甚至|比如|例如|尤其|特别)"
)
#: Heads that are not who or where a figure is measured for.
_NOT_TOPIC = frozenset(
    "记者 笔者 小编 网友 有人 大家 人们 专家 业内人士 分析人士 数据 报告 结果 调查 统计 "
    "研究 消息 文章 资料 图片 视频 当天 当日 今天 昨天 目前 现在 此外 同时 其中 对此 "
    "不少 很多 许多 一些 部分 所有 整体 总体 全年 上述 以上 以下 这里 那里 当地 其他 其余".split()
)
#: Determiners that open a noun phrase about the rest of a group (其他品牌, 其余城市).
_OTHER = frozenset(("其他", "其余", "其它"))
MAX_TOPIC = 18
#: A list of places or groups (华北、黄淮、江淮等地) may be longer.
MAX_LIST = 48
#: Longest item of such a list.
MAX_ITEM = 12


@lru_cache(maxsize=16384)
def head_np(text: str, need_verb: bool = True, metric: str | None = None) -> str | None:
    """The noun phrase at the head of a clause, before its first verb or adverb.

    '沪指收盘下跌' -> '沪指收盘'; '南京和长沙将由' -> '南京和长沙' (a list of places joined
    by 、 or 和 stays whole).  None when the head is not a noun phrase: a verb-initial clause
    (no verb after the head when ``need_verb``), an aspect marker (了, 着, 过) inside it, or a
    speaker or forecaster (X表示, X预计) rather than what is measured.  A ``metric`` the
    head ends with is cut off ('深成指跌幅' with metric '跌幅' -> '深成指').
    """
    t0 = text.strip()
    t = _LEAD.sub("", t0)
    if t.startswith("的") and len(t) < len(t0):
        t = t[1:]  # 随后的麒麟980, 如今的老城区: a time word modifying the head
    if not t:
        return None
    b0 = _BOUNDARY.match(t)
    if b0 is not None and not _NUMERAL.match(b0.group(0)):
        return None  # an adverb, modal or verb opens the clause: no noun phrase heads it
    b = _BOUNDARY.search(t, 1)
    if b is not None and b.start() == 1 and _NUMERAL.match(b.group(0)):
        return None  # 花一两元, 有3家: a one-character verb and its count
    while b is not None and b.start() < 2:
        b = _BOUNDARY.search(t, b.start() + 1)
    if b is None and need_verb:
        return None
    if b is not None and (sp := _SPEECH.match(t, b.start())):
        # 我们预计英国央行将降息: the speaker is no subject, but the clause it introduces
        # may open with one
        return head_np(t[sp.end() :], need_verb, metric) if sp.end() < len(t) else None
    np_ = t[: b.start()] if b else t
    if np_.endswith("的"):
        return None  # 建设的一期工程: an attributive clause, its head noun comes later
    np_ = np_.rstrip("、和与及 ")
    if metric and len(metric) >= 2:
        k = np_.find(metric)
        if k == 0 or (k < 0 and metric.find(np_) >= 0):
            return None
        if k > 0 and np_[:k] not in _OTHER:
            np_ = np_[:k].rstrip("的")  # (其他 before the metric's noun is no subject alone)
    r = _ROLE.search(np_)
    if r is not None and r.start() >= 2:
        np_ = np_[: r.start()]  # 华坚董事长张华荣: the organisation, not its officer
    limit = MAX_TOPIC
    if "、" in np_ and all(len(x) <= MAX_ITEM for x in np_.split("、")):
        limit = MAX_LIST
    if not (2 <= len(np_) <= limit):
        return None
    if _BAD_START.match(np_) or _NOT_NP.search(np_) or np_ in _NOT_TOPIC:
        return None
    np_ = _SCOPE_TAIL.sub("", np_)
    me = _MEASURE_WORD_END.search(np_)
    if me is not None and me.start() >= 2:
        # 海港集团营收, 江河湖面阵风风力: the name before a measure word is what it measures
        np_ = np_[: me.start()].rstrip("的")
    if _MEASURE_END.search(np_) or _LOCALISER_END.search(np_):
        return None
    return np_


def is_bare_name(text: str) -> bool:
    """The text is a name and nothing else: no verb, adverb or preposition after its first
    character (当升科技 opens with one that is part of the name), no pronoun, no clause."""
    t = text.strip()
    if len(t) < 2 or _PRONOUN.match(t) or t in _NOT_TOPIC or _NOT_NP.search(t):
        return False
    return _BOUNDARY.search(t, 1) is None and not _MEASURE_END.search(t)


def speaker_head(text: str) -> str | None:
    """'法国航空公司表示' -> '法国航空公司': a name alone before a verb of saying that ends
    the clause; the clauses after it without a subject of their own are about the speaker."""
    t = _LEAD.sub("", text.strip())
    m = _SPEECH_END.search(t)
    if m is None or not is_bare_name(t[: m.start()]):
        return None
    return t[: m.start()]


#: A set the figures after it are counted in: (在)[这些]X中, X holding a count (573家企业中,
#: 检测呈阳性的1300人中).
_PARTITIVE = re.compile(
    r"^(?:在|从)?(?:这些|这|上述)?([^，,。；;]{0,16}?[0-9一二两三四五六七八九十百千万]+"
    r"(?:家|名|人|个|位|所|户|款|座|只|辆)[^，,。；;]{0,12}?)(?:之)?中$"
)


#: A topic frame opening a sentence: 制造业方面，…; 从五大企业的产品来看，…; 就X而言，….
_FRAME = re.compile(
    r"^(?:从|就|对于|对|在)?([^，,。；;]{2,16}?)(?:方面|来看|看来|而言|来说)$"
)


def topic_frame(text: str) -> str | None:
    """'制造业方面' -> '制造业': the noun phrase a frame clause makes the topic of the rest
    of the sentence; None for frames that name no entity (总体来看, 从数据来看, 长期来看)."""
    m = _FRAME.match(text.strip())
    if m is None:
        return None
    np_ = m.group(1)
    if np_ in _NOT_TOPIC or _BAD_START.match(np_) or _NOT_NP.search(np_):
        return None
    if _FRAME_NOT.search(np_) or _BOUNDARY.search(np_, 1):
        return None
    return np_


#: Frames about time or the view taken, not an entity (长期来看, 整体而言, 目前来看).
_FRAME_NOT = re.compile(
    r"^(?:长期|短期|中长期|整体|总体|全局|当前|眼下|目前|现阶段|具体|客观|理论上|技术上|表面上)$|数据$"
)


def partitive_set(text: str) -> str | None:
    """'573家风控企业中' -> '573家风控企业': a counted set that the next clause takes its
    members from (有192家…, 71.5%的人…); None for other clauses ending in 中 (过程中)."""
    t = text.strip()
    m = _PARTITIVE.match(t) or _PARTITIVE.match(_LEAD.sub("", t))
    return m.group(1) if m else None


def is_pronoun_head(text: str) -> bool:
    """The clause opens with a pronoun or demonstrative (他, 其, 该公司): it refers back."""
    return bool(_PRONOUN.match(_LEAD.sub("", text.strip())))


_HEAD_PUNCT = frozenset("，。；！？\n：“,;!?:")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff·]{2,}")
#: Characters that never end or open a name-like term (particles, pronouns, verbs of saying).
_TERM_EDGE = frozenset(
    "的了是在和与及或也都还就又把被让对从向于为着过说称将已而但并其这那该此每各他她它我你们个年月日时"
)
_TERM_BAD = re.compile(
    r"[的了是着过说们]|记者|表示|目前|今年|去年|一个|没有|什么|如果|因为|所以|可以|已经|这个|这些|"
    r"自己|我们|他们"
)


#: Longest a repeated term is extended to.
_MAX_EXTENDED = 16
#: Share of a term's mentions the next character must follow in to extend it.
_EXTEND_SHARE = 0.75


def _extend_term(joined: str, g: str) -> str:
    """'广州南沙国际邮' -> '广州南沙国际邮轮母港': grow a term by the character that follows
    (then precedes) nearly all of its mentions."""
    for side in (1, -1):
        while len(g) < _MAX_EXTENDED:
            pos = []
            k = joined.find(g)
            while k != -1:
                pos.append(k)
                k = joined.find(g, k + 1)
            nxt = Counter(
                joined[k + len(g)] if side == 1 else joined[k - 1]
                for k in pos
                if (k + len(g) < len(joined) if side == 1 else k > 0)
            )
            if not nxt:
                break
            c, n = nxt.most_common(1)[0]
            if c == "|" or n < _EXTEND_SHARE * len(pos) or n < 2:
                break
            g = g + c if side == 1 else c + g
    return g


def salient_terms(s: str, min_count: int = 4, max_len: int = 7) -> dict[str, tuple[int, int]]:
    """Terms the article keeps repeating (汪勇, 共享充电宝, 台江民中): character n-grams of
    Chinese text seen ``min_count`` times or more, kept only when maximal (no longer term
    around them is nearly as frequent) and free of particles and function words.  Each term
    maps to (mentions, mentions opening a clause)."""
    # Level-wise counting: an n-gram can only be frequent where both (n-1)-grams inside it
    # are, so each length only looks at the positions that survived the length before.
    runs = []
    head_runs = []
    for m in _CJK_RUN.finditer(s):
        run = m.group(0)
        runs.append(run)
        if m.start() == 0 or s[m.start() - 1] in _HEAD_PUNCT:
            head_runs.append(run)
    # all runs in one string: no frequent n-gram spans a separator, as no bigram with one counts
    joined = "|".join(runs)
    grams = list(map(str.__add__, joined[:-1], joined[1:]))
    counts = {g: c for g, c in Counter(grams).items() if c >= min_count and "|" not in g}
    pos = list(compress(range(len(grams)), map(counts.__contains__, grams)))
    for n in range(3, max_len + 1):
        ok = set(pos)
        cand = [i for i in pos if i + 1 in ok]
        grams = [joined[i : i + n] for i in cand]
        freq_n = {g: c for g, c in Counter(grams).items() if c >= min_count}
        if not freq_n:
            break
        counts.update(freq_n)
        pos = list(compress(cand, map(freq_n.__contains__, grams)))
    freq = {
        g: c
        for g, c in counts.items()
        if g[0] not in _TERM_EDGE and g[-1] not in _TERM_EDGE and not _TERM_BAD.search(g)
    }
    dominated: set[str] = set()
    for h, ch in freq.items():
        if len(h) > 2:
            for g in (h[:-1], h[1:]):
                if g in freq and ch >= 0.75 * freq[g]:
                    dominated.add(g)
    kept = [g for g in freq if g not in dominated]
    # a term as long as the counting goes may be cut from a longer name (广州南沙国际邮):
    # extend it while the same character keeps following (or preceding) it
    ext: dict[str, str] = {}
    for g in kept:
        if len(g) == max_len:
            e = _extend_term(joined, g)
            if e != g and not _TERM_BAD.search(e) and e[-1] not in _TERM_EDGE:
                ext[g] = e
    if ext:
        kept = list(dict.fromkeys(ext.get(g, g) for g in kept))
        for g, e in ext.items():
            freq[e] = freq.pop(g)
    # first-mention order (run, length, offset), as a single left-to-right pass would give
    starts = list(accumulate((len(r) + 1 for r in runs[:-1]), initial=0))
    first: dict[str, tuple[int, int, int]] = {}
    for g in kept:
        k = joined.find(g)
        ri = bisect_right(starts, k) - 1
        first[g] = (ri, len(g), k - starts[ri])
    out = {g: freq[g] for g in sorted(kept, key=first.__getitem__)}
    heads: dict[str, int] = {}
    # terms opening a head run (a prefix of it, 2 .. max_len characters long)
    by_first: dict[str, list[str]] = {}
    for g in out:
        if 2 <= len(g) <= max_len:
            by_first.setdefault(g[0], []).append(g)
    for run in head_runs:
        for g in by_first.get(run[:1], ()):
            if run.startswith(g):
                heads[g] = heads.get(g, 0) + 1
    for e in ext.values():
        heads[e] = sum(1 for run in head_runs if run.startswith(e))
    return {g: (c, heads.get(g, 0)) for g, c in out.items()}


# --- outlets: the news source an article credits is never what it measures ----------------

_OUTLET_HEAD = (
    r"(?:新闻|网|报|社|科技|财经|日报|晚报|时报|商报|电视台|广播|频道|客户端|周刊|杂志|之家|头条)"
)
#: An outlet in a reporting frame: 据X报道, 向X表示, 告诉X, 面对X, 【X】, @X.
_OUTLET_BEFORE = re.compile(
    r"(?:据|向|对|告诉|面对|接受|@|【)([\u4e00-\u9fffA-Za-z]{1,6}?" + _OUTLET_HEAD + r")"
    r"(?=报道|消息|援引|表示|称|说|透露|介绍|回忆|证实|坦言|采访|记者|】|，|,|\s|\u3000)"
)
#: An outlet opening its own report: 新浪科技讯, X记者, X获悉, X查询.
_OUTLET_AFTER = re.compile(
    r"([\u4e00-\u9fffA-Za-z]{2,6}?" + _OUTLET_HEAD + r")"
    r"(?:讯|记者|报道称|采访|获悉|了解到|查询|注意到|多次|尝试|联系)"
)


#: Where an outlet's name may end: an outlet word before a reporting word or punctuation.
_OUTLET_END = re.compile(
    _OUTLET_HEAD + r"(?=讯|记者|报道|消息|援引|表示|称|说|透露|介绍|回忆|证实|坦言|采访|获悉|"
    r"了解到|查询|注意到|多次|尝试|联系|】|，|,|\s|\u3000)"
)
_OUTLET_SPAN = 10


def outlet_names(s: str) -> frozenset[str]:
    """Names of news outlets the article credits or quotes as its source (澎湃新闻, 新浪科技):
    a name ending in an outlet word (新闻, 网, 日报, 科技 ...) in a reporting frame."""
    out: set[str] = set()
    for e in _OUTLET_END.finditer(s):
        # only the few places where an outlet word ends a name are read closely
        lo = max(0, e.start() - _OUTLET_SPAN)
        win = s[lo : e.end() + 4]
        m = None
        for m in _OUTLET_BEFORE.finditer(win):
            out.add(m.group(1))
        for m in _OUTLET_AFTER.finditer(win):
            out.add(re.sub(r"^(?:据|向|对|由|经|和|与|及)", "", m.group(1)))
    return frozenset(
        o for o in out if len(o) >= 3 and o[0] != "于" and not re.search(r"[或和的与]", o)
    )


def is_outlet(name: str, outlets: frozenset[str]) -> bool:
    """The name is an outlet's name or contains one (澎湃新闻记者); a place inside an outlet's
    name (上海 in 上海证券报) is not the outlet."""
    return any(o in name for o in outlets)


# --- tidy: a subject is a noun phrase, never a clause fragment ---------------------------

#: Where a predicate starts inside what was taken for a noun phrase (陈立群几乎, 小温失联,
#: 江门警方共组织): an adverb, a verb of motion or cognition, a preposition after the name.
_PREDICATE_START = re.compile(
    r"几乎|按照|根据|通过|知道|希望|要求|声称|看到|告别|位于|采用|避免|失联|甚至|普遍|起码|"
    r"必须|开始|继续|打算|准备|接连|悉数|只能|亲自|独自|主动|立即|马上|随即|一直|始终|"
    r"(?<![理思感构梦])想(?![法象])|(?<!总)共(?![享和同产青识赢])|先(?![生锋进导驱行])|"
    r"(?<![体表发])现场"
)
#: A subject never opens with these: adverbs, verbs, prepositions and time words
#: (大约, 批准, 层层套路, 前几天, 接下来).
_JUNK_START = re.compile(
    r"^(?:大约|约|起码|至少|甚至|大多(?!数)|大都(?!市|会)|最|更|很|非常|十分|已|将|刚|才|也|还|就|又|再|仍|"
    r"被|把|让|使|对|从|向|在|于|按|据|若|占|为|是|有|没|不|别|要|该|"
    r"前几|接下来|层层|非法|合法|批准|变成|成为|招收|招募|建设|建成|培育|声称|看到|看见|听说|"
    r"知道|觉得|要求|具体|归属|资助|获取|获得|收购|发行|发布|推出|宣布|打造|提供|进入|通过|"
    r"一下子|一起|一共|总共|分别|先后|同时|继续|开始|目前|现在|当前|如今|此前|以后|之后|前往)"
)
#: Clause words that no noun phrase contains (不可避免, 会不会, 没有影响, 要求的).
_JUNK_INSIDE = re.compile(
    r"不[可会能足要用再]|会不会|能不能|是否|没有|没|觉得|认为|表示|"
    r"之后|以后|以前|之前|这个|那个|这些|那些|"
    r"[住缴比应先想说称去到]$|[上下里时]$"
)


def tidy_subject(subj: str | None) -> str | None:
    """The subject cut to its noun phrase, or None when it is a clause fragment.

    '陈立群几乎' -> '陈立群' (the name before an adverb or verb); '大约', '批准',
    '重量不可避免', '接下来监管会不会' -> None: a verb, adverb, negation or open quote shows
    the text is part of a predicate, and the caller falls back to the next candidate (the
    paragraph's name, the article's topic) rather than report junk.
    """
    if not subj:
        return None
    for m in _PREDICATE_START.finditer(subj):
        if m.start() >= 2:
            subj = subj[: m.start()]
            break
    subj = subj.strip(" 、，,的")
    if len(subj) < 2 or _JUNK_START.match(subj) or _JUNK_INSIDE.search(subj):
        return None
    if subj.count("“") != subj.count("”") or subj.count('"') % 2:
        return None  # 订单量“没有影响: a quotation cut in half is no name
    return subj


# --- institutions: who a count of people belongs to ------------------------------------

_INSTITUTION_END = re.compile(
    r"(?:中学|小学|大学|学校|学院|幼儿园|医院|卫生院|公司|集团|警方|公安局|分局|派出所|法院|"
    r"检察院|银行|协会|学会|委员会|研究所|研究院|基金会|俱乐部|福利院|养老院)"
)
_INSTITUTION_CORE = re.compile(r"^[\u4e00-\u9fff]+$")
#: Characters that never end the name part before an institution word (在台江中学, 的医院).
_INSTITUTION_BAD = re.compile(
    r"[的在了是和与及到从向对把被为给让这那该其每各全本我他她]|^[一二两三几多某数上下由用于经据以当跟同]"
)


def main_institution(s: str) -> str | None:
    """The institution the article keeps naming (台江民族中学, 滨江分局): the longest name
    (two to seven characters before an institution word) that recurs, the most frequent
    one winning; None when no institution is named twice."""
    counts: dict[str, int] = {}
    for m in _INSTITUTION_END.finditer(s):
        # grow the name leftwards while it recurs; a preposition or a particle stops it
        best = None
        for ln in range(2, 8):
            a = m.start() - ln
            core = s[a : m.start()] if a >= 0 else ""
            if not _INSTITUTION_CORE.match(core) or _INSTITUTION_BAD.search(core):
                break
            name = core + m.group(0)
            if s.count(name) >= 2:
                best = name
        if best:
            counts[best] = counts.get(best, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], len(k)))
