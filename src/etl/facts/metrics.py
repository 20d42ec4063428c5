"""Metric attribution helpers: what a figure measures, read from the words around it.

Each rule follows a pattern of Chinese news writing:

* a figure in brackets after a term qualifies that term: 局地有大雨(25～40毫米);
* a head count followed by a verb counts the people who did it: 12人获奖, 百余名学生辍学
  (the people who dropped out: 辍学学生);
* a bare sale verb before a price names the price: 64GB售5499元, 卖到6199元;
* a one-character market verb before a share is the change: 跌近3%, 大涨5%;
* a clause that is only a verb and its figure (，突破3000亿美元) continues the noun phrase
  the clause before it opened with;
* a model name written in Latin letters at the head of a metric is who it is measured for
  (Galaxy S20 售价: the price, of the Galaxy S20).
"""

from __future__ import annotations

import re

from etl.facts.subjects import _BOUNDARY, _LEAD

#: Nouns for groups of people: the head of a head count (百余名学生, 十几位教师).
PEOPLE_NOUN = re.compile(
    r"(?:学生|教师|老师|医生|护士|医护人员|员工|职工|工人|农民|村民|居民|市民|网友|用户|游客|"
    r"观众|听众|读者|患者|儿童|老人|志愿者|党员|干部|选手|运动员|乘客|旅客|考生|毕业生|"
    r"家长|孩子|民众|群众|士兵|官兵|警察|民警|队员|成员|代表|嫌疑人)"
)
#: Copulas and adverbs between a head count and its verb (7104人为阳性, 300人都参加).
_COUNT_LINK = re.compile(r"^(?:为|是|都|均|也|已|已经|先后|共|全部|仍|还)")
#: A verb phrase short enough to be what the counted people did (获奖, 辍学, 参加).
_MAX_DEED = 4


def counted_people(after: str, unit: str) -> str | None:
    """The metric of a head count from the words after it, or None.

    '学生辍学' -> '辍学学生' (a short verb after the noun: the people who did it);
    '网友走进皓月集团' -> '网友' (a longer predicate: the noun alone);
    with no noun, for a count of people: '获奖' -> '获奖', '为阳性' -> '阳性'.
    """
    t = re.sub(r"[“”\"]", "", after)
    m = PEOPLE_NOUN.match(t)
    if m:
        rest = t[m.end() :]
        if (
            1 <= len(rest) <= 3
            and re.fullmatch(r"[\u4e00-\u9fff]+", rest)
            and rest[0] not in ("的中等里们和与及")
        ):
            return rest + m.group(0)
        return m.group(0)
    if unit != "人":
        return None
    t = _COUNT_LINK.sub("", t)
    if 2 <= len(t) <= _MAX_DEED and re.fullmatch(r"[\u4e00-\u9fff]+", t):
        return t
    return None


#: A partial scope before a weather term (局地大雪, 部分地区暴雨): where, not what falls.
_PARTIAL_PLACE = re.compile(r".*(?:局地|局部地区|局部|部分地区|部分地方|个别地方)")
#: The term before an opening bracket, ended by the last verb of existence before it.
_EXIST = re.compile(r".*(?:有|出现|为|是|呈)")


def bracket_term(s: str, lo: int, open_at: int) -> str | None:
    """'西藏西南部局地有大雪(5～9毫米)' -> '大雪': the term a bracketed figure qualifies."""
    k = open_at
    while k > lo and s[k - 1] not in "，,；;。！？!?\n：:（）()":
        k -= 1
    text = re.sub(r"\s+", "", s[k:open_at])
    m = _EXIST.match(text)
    if m and len(text) - m.end() >= 2:
        text = text[m.end() :]
    sc = _PARTIAL_PLACE.match(text)
    if sc and len(text) - sc.end() >= 2:
        text = text[sc.end() :]  # "局地大雪(5～6毫米)": where it falls, not what falls
    return text if 2 <= len(text) <= 12 else None


#: A sale verb right before a price: 售5499元, 卖到6199元, 售出了.
SALE_BEFORE = re.compile(r"(?<![销出零])(?:售|卖)(?:到|至|了)?$")
#: A one-character market verb right before a share (跌近3%, 大涨5%), with its adverb.
MARKET_MOVE = re.compile(r"(?:[大暴狂微小齐]?)(?:涨|跌)(?:了)?$")
#: A Latin-script model name opening a metric (GalaxyS20Ultra售价, iPhone11版价格).
LATIN_HEAD = re.compile(r"^[A-Za-z][A-Za-z0-9+\-.]*(?:[版款型代])?(?=[\u4e00-\u9fff]{2})")
#: Only a determiner or an ordinal between a verb and its figure (完成了新一轮3000万元融资).
ORDINAL_ONLY = re.compile(
    r"(?:新|首|本|这|该|此|上|下)?第?[一二两三四五六七八九十\d]*[轮期批次笔项个届]"
)


def clause_head(text: str) -> str | None:
    """The noun phrase a clause opens with, before its first verb or adverb (no checks on
    what it names): '进口继续扩大' -> '进口'; a clause with no verb is all noun phrase when
    it names a measure ('——车队人数'); an attributive 的 leaves its head
    ('由此产生的逆差创下新高' -> '逆差')."""
    t = _LEAD.sub("", text.strip().lstrip('—－-·…“”"')).rstrip('”"')
    b = _BOUNDARY.search(t, 1)
    while b is not None and b.start() < 2:
        b = _BOUNDARY.search(t, b.start() + 1)
    end = b.start() if b else len(t)
    rec = _RECORD_VERB.search(t, 2)
    if rec and rec.start() < end:
        end = rec.start()
    head = t[:end]
    if end == len(t) and not _MEASURE_END.search(head) and "的" not in head[1:]:
        # a clause without a verb heads the next one only when it is plainly a noun phrase:
        # a measure (车队人数) or an attributive (创作的歌曲)
        return None
    if "的" in head[1:]:
        head = _QUANTIFIER.sub("", head[head.rfind("的") + 1 :])
    if 2 <= len(head) <= 10 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", head):
        return head
    return None


#: The last character of a noun naming a measure (人数, 逆差额, 增速, 规模).
_MEASURE_END = re.compile(r"[率比例重额度幅速量值数价费本入润息金资薪模差]$")
#: Verbs of setting a record (逆差创下新高, 刷新纪录): they end the noun phrase before them.
_RECORD_VERB = re.compile(r"创下|创出|再创|刷新|创(?=新|历史|纪录|记录)")
#: A vague quantity before a noun (大量歌曲, 众多企业): the figure after gives the amount.
_QUANTIFIER = re.compile(r"^(?:大量|许多|众多|不少|诸多|大批)(?=..)")
#: A predicate that is only an adverb of manner or degree and its verb (迅速扩展, 继续扩大):
#: a clause made of one has no noun of its own, it continues the one before it.
BARE_PREDICATE = re.compile(
    r"(?:迅速|快速|继续|进一步|逐步|逐渐|大幅|稳步|持续|再次|一度|迅猛|急剧|明显|显著|不断)"
    r"[\u4e00-\u9fff]{1,2}"
)


#: Verbs of spending or raising that also name the amount (研发投入, 出资): a figure right
#: after one measures it.
NOMINAL_VERB = re.compile(r"(?:投入|出资|募集|筹集)")
#: A verb with its result or direction complement ending the object of 把 (奖金捐出, 钱花光).
BA_VERB_END = re.compile(r"(?<=..).(?:出|进|回|过|起|走|掉|完|光|给|成|到)$")
#: Nouns for a price band (3000元价位, 千元档): the figure measures the band.
PRICE_BAND = re.compile(r"(?:价位|档位|档次|价格档|价格段|价位段|价格区间|档)")
#: A passive loss before a figure (被骗走, 被扣了, 被罚): the verb with its 被 is the metric.
PASSIVE = re.compile(r"被([\u4e00-\u9fff]{1,2}?)(?:走|掉|去|了)*$")
#: A market close before an index level (收报, 收于, 报收).
CLOSE = re.compile(r"(?:收报|收于|报收)$")


def after_le(metric: str) -> str:
    """'他拒绝了年薪' -> '年薪': the aspect marker 了 closes the verb; its object follows."""
    k = metric.rfind("了")
    if k >= 0 and len(metric) - k - 1 >= 2 and metric[k + 1] not in "解":
        return metric[k + 1 :]
    return metric


# --- units that name their measure ---------------------------------------------------------

#: Words a temperature metric already names (气温, 降温, 降幅, 升温 ...).
_TEMP_WORD = re.compile(r"温|降|升|幅|热|冷|差|度")
#: Wind named near a grade: 4～5级偏北风, 阵风6～7级, 风力可达7级.
_WIND_AFTER = re.compile(
    r"[\d.～~\-—至到一二三四五六七八九十、，级阵偏东南西北转的]{0,12}?风(?![险格光景采味波声气])"
)
#: A chip or semiconductor context: a nanometre figure is a process node there.
CHIP_CONTEXT = re.compile(r"芯片|处理器|制程|晶圆|半导体|SoC|代工")
_PROCESS_WORD = re.compile(r"制程|工艺|节点|技术")
#: A money figure per unit of time or per item: 8元每小时, 2元/天.
_PER_AFTER = re.compile(
    r"(?:[至到~～\-—][\d.]+[元块角毛])?(?:钱)?(?:每|/|一)(小时|天|日|月|年|次|人|晚|份|台|件|个)"
)
_MONEY_NOUN_END = re.compile(
    r"(?:租金|收费|价格|费用|收入|工资|薪水|票价|单价|成本|定价|售价|房价|成本价)$"
)
_PER_TIME = frozenset("小时 天 日 月 年 晚".split())


def unit_measure(unit: str, metric: str | None, prefix: str, after: str, chip: bool) -> str | None:
    """A metric implied by the unit when the words around the figure give none: a
    temperature (℃) is a 气温 unless a change word names it; a grade before or after 风 is a
    风力; a storage size before a price (64GB售5499元) is the 存储容量; a nanometre figure in
    a chip article is the process node (制程工艺); a money figure followed by 每小时 or /天
    is a rate (每小时, 每小时租金)."""
    if unit == "℃":
        if not metric or not _TEMP_WORD.search(metric):
            return "气温"
        return metric
    if unit == "级":
        if (metric and "风" in metric) or "风" in prefix[-3:]:
            return (metric or "").lstrip("、，,") or "风力"
        if _WIND_AFTER.match(after):
            return "风力"
        return metric
    if unit in ("GB", "TB") and (not metric or metric in ("售", "卖", "售价")):
        # "64GB售5499元": a capacity before a price names the storage version
        return "存储容量"
    if unit == "纳米" and chip and not (metric and _PROCESS_WORD.search(metric)):
        return "制程工艺"
    if unit in ("元", "美元", "欧元", "港元", "英镑", "日元"):
        pm = _PER_AFTER.match(after)
        if pm:
            rate = "每" + pm.group(1)
            nm = _MONEY_NOUN_END.search(metric) if metric else None
            if pm.group(1) not in _PER_TIME:
                # 16元一份: a price per item keeps the price noun the clause gives
                return nm.group(0) if nm else rate
            return rate + nm.group(0) if nm else rate
    if "/" in unit and unit.split("/", 1)[0] in ("元", "美元", "欧元", "港元"):
        rate = "每" + unit.split("/", 1)[1]
        if metric and (nm := _MONEY_NOUN_END.search(metric)):
            return rate + nm.group(0)
        return rate
    return metric


# --- words around a noun phrase that are not part of it -------------------------------------

#: A demonstrative, copula, preposition or the end of a place phrase opening a metric:
#: 这一比例, 是第二名, (对)于超过, (改造)上的投入.
_NP_OPENER = re.compile(
    r"^(?:这一|那一|这个|那个|这些|那些|这|那|是(?!否)|于|[上中里内下]的)(?=..)"
)
#: Localisers that end a place phrase (投入上, 记录中); words that end in one are spared.
_LOCALISER_END = re.compile(
    r"(?<![以之其高初线网心年月手集空途公英千国省市区境室体早晚马海身基])[上中里内]$"
)
#: A preposition opening a source or a distributive (价格从每项, 比例由): not the noun.
_PREP_TAIL = re.compile(r"(?<=..)(?<![理自缘来经跟服听遵无])(?:从|由)(?:每.{0,2}|.?)$")
#: An extreme or a record that qualifies the figure (最少还有三类, 长达创纪录的631公里).
_QUALIFIER_END = re.compile(
    r"(?:可能|或将|将)?(?:至少|最少|最多|最高|最低)$|创(?:历史)?(?:纪录|新高|新低)$"
)


def tidy(metric: str) -> str:
    """A metric without the words around its noun phrase: '这一比例' -> '比例', '累计投入上'
    -> '累计投入', '价格从每项' -> '价格', '形式可能最少' -> '形式'. A demonstrative, copula
    or preposition is no part of a noun, nor is a localiser, a source phrase or a qualifier
    of the figure after it."""
    prev = None
    while prev != metric:
        prev = metric
        metric = _NP_OPENER.sub("", metric)
        if len(metric) >= 3:
            metric = _LOCALISER_END.sub("", metric)
        metric = _PREP_TAIL.sub("", metric)
        if len(metric) >= 4:
            metric = _QUALIFIER_END.sub("", metric)
    return "" if metric in ("上", "下", "中", "里", "内") else metric  # a localiser alone


# --- respective figures (分别) ----------------------------------------------------------------

#: Coordinators between the nouns that 分别 distributes figures over.
_CONJ = re.compile(r"以及|[和与及、]")
#: Measure nouns that coordinated nouns can share (营业成本和营业支出增幅: 增幅 of each).
_SHARED_HEAD = re.compile(
    r"(?:增长率|增幅|增速|涨幅|降幅|跌幅|占比|比重|比例|增加值|总额|金额|规模|数量|产量|销量|"
    r"收入|利润|成交额|市场份额|份额)$"
)


def respective(metric: str, index: int) -> str | None:
    """The metric of the ``index``-th figure after 分别 when ``metric`` coordinates nouns:
    ('营业成本和营业支出增幅', 0) -> '营业成本增幅' (a measure noun closing the last conjunct
    is shared by all of them), ('毛利率和净利率', 1) -> '净利率'; None when ``metric`` is no
    coordination or has fewer conjuncts."""
    parts = _CONJ.split(metric)
    if len(parts) < 2 or index >= len(parts) or any(len(p) < 2 for p in parts):
        return None
    head = _SHARED_HEAD.search(parts[-1])
    if head is None or head.start() == 0 or _SHARED_HEAD.search(parts[0]):
        return parts[index]
    return parts[index] if index == len(parts) - 1 else parts[index] + head.group(0)


# --- a subject the metric phrase swallowed ---------------------------------------------------

#: Nouns that head a measure phrase (日订单量, 阵风风力, 研发投入): the words before them
#: qualify the measure or name what it is measured for.
_MEASURE_HEAD = re.compile(
    r"(?:订单量|出货量|销售量|销量|产量|交易量|成交量|吞吐量|发电量|用电量|客流量|降水量|"
    r"销售额|营业额|成交额|交易额|出口额|进口额|营收|收入|净利润|利润|市值|股价|估值|"
    r"增速|增幅|降幅|涨幅|跌幅|增长率|占比|比重|市场份额|份额|售价|均价|价格|"
    r"风力|气温|投入|投资额|功耗|续航|坡度|海拔|人数)$"
)
#: Modifiers between a subject and its measure noun (最高日订单量, 累计研发投入, 阵风风力).
_MEASURE_MOD = re.compile(
    r"(?:最高|最低|平均|累计|单日|日均|月均|年均|全年|年度|同比|环比|人均|阵风|研发|"
    r"总|日|月|年)$"
)


def split_measure(phrase: str) -> tuple[str, str] | None:
    """'街电最高日订单量' -> ('街电', '最高日订单量'), '江河湖面阵风风力' -> ('江河湖面',
    '阵风风力'): a noun phrase ending in a measure noun, with words before the measure and its
    modifiers; None when nothing stands before them.  The caller decides whether those words
    name an entity (a phrase like 固定资产投资 is one measure, not a subject and a metric)."""
    m = _MEASURE_HEAD.search(phrase)
    if m is None:
        return None
    k = m.start()
    # (all the modifiers go: 同比增长率, 最低气温 are measures with nothing before them)
    while k > 0 and (mod := _MEASURE_MOD.search(phrase, 0, k)) is not None:
        k = mod.start()
    if k < 2:
        return None
    return phrase[:k], phrase[k:]
