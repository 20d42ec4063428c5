"""Figures in English articles: value, unit, approx, metric, subject and period.

The Chinese rules read a sentence character by character and make junk of English, so an
article whose text is mostly Latin script (:func:`is_english`) is read here instead, one
sentence at a time, with compact rules for English news numbers.

Units use the SCHEMA's normalised names, so figures from English and Chinese pages sum
and compare: currencies are the Chinese currency names the Chinese path emits ($ and
US$ -> 美元, yuan -> 元, HK$ -> 港元, € -> 欧元, £ -> 英镑, yen -> 日元), ``%``,
``个百分点`` for percentage points and ``个基点`` for basis points.  A measure written as a
word maps to the Chinese unit (tonnes -> 吨, TEUs -> 标箱, kilometres -> 公里,
kilowatt-hours -> 千瓦时), a symbol keeps the page's spelling (km, GW, kWh), and a word
with only an SI symbol takes the symbol (gigawatts -> GW).  A count of things takes the
Chinese classifier for its noun (firms -> 家, vehicles -> 辆, ships -> 艘; people are
always 人) and the general classifier 个 for any other noun; the counted noun phrase
itself ("tech firms") is the metric, so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.facts.english_periods import COUNT_WORDS, MON, EnTime, find_times
from etl.facts.patterns import EN_MULTIPLIERS
from etl.records import Fact

#: Below this share of CJK among letters an article is English (a Chinese page naming a
#: "Galaxy S20" or quoting English code stays far above it).
_CJK_SHARE = 0.1
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")

_CURRENCY_BEFORE = {
    "US$": "美元",
    "$": "美元",
    "HK$": "港元",
    "€": "欧元",
    "£": "英镑",
    "¥": "元",
    "RMB": "元",
    "CNY": "元",
    "USD": "美元",
    "EUR": "欧元",
    "GBP": "英镑",
    "HKD": "港元",
}
_WORD_NUMBERS = {
    **COUNT_WORDS,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
_NUM = re.compile(
    r"(?<![\w.$€£¥-])(?P<cur>(?:US|HK)\$|\$|€|£|¥|(?:RMB|CNY|USD|EUR|GBP|HKD)\s?)?"
    r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|\b(?:{'|'.join(_WORD_NUMBERS)})\b)"
    r"(?P<ord>st\b|nd\b|rd\b|th\b)?"
    r"(?:\s?(?P<mult>thousand|million|billion|trillion|bn|mn|m|k)\b)?",
    re.I,
)
#: Units written after the number (and its multiplier), longest spellings first.
_UNITS_AFTER: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, f), u)
    for p, u, f in (
        (r"\s?(?:%|per\s?cent\b|pct\b)", "%", re.I),
        (r"\s(?:percentage\s+points?|ppts?|pp)\b", "个百分点", re.I),
        (r"\s(?:basis\s+points?|bps|bp)\b", "个基点", re.I),
        (r"\s(?:yuan|renminbi|RMB|CNY)\b", "元", re.I),
        (r"\s(?:Hong\s+Kong|HK)\s+dollars?\b|\sHKD\b", "港元", 0),
        (r"\s(?:US\s+|U\.S\.\s+)?dollars?\b|\sUSD\b", "美元", re.I),
        (r"\s(?:euros?|EUR)\b", "欧元", re.I),
        (r"\s(?:pounds?\s+sterling|pounds?|GBP)\b", "英镑", 0),
        (r"\s(?:yen|JPY)\b", "日元", 0),
        (r"\s(?:metric\s+)?(?:tonnes?|tons?)\b", "吨", re.I),
        (r"\s?(?:TEUs?|twenty-foot\s+equivalent\s+units)\b", "标箱", 0),
        (r"[\s-](?:kilowatt[\s-]hours?)\b", "千瓦时", re.I),
        (r"\s(?:square\s+kilomet(?:er|re)s?|sq\s?km)\b", "平方公里", re.I),
        (r"\s(?:square\s+met(?:er|re)s?|sq\s?m|sqm)\b", "平方米", re.I),
        (r"\s(?:cubic\s+met(?:er|re)s?)\b", "立方米", re.I),
        (r"[\s-](?:kilomet(?:er|re)s?)\b", "公里", re.I),
        (r"[\s-](?:met(?:er|re)s?)\b", "米", re.I),
        (r"\s(?:hectares?)\b", "公顷", re.I),
        (r"\smu\b", "亩", 0),
        (r"\s(?:barrels?)\b", "桶", re.I),
        (r"[\s-](?:gigawatts?)\b", "GW", re.I),
        (r"[\s-](?:megawatts?)\b", "MW", re.I),
        (
            r"\s(?:passenger|visitor|person)[\s-](?:trips|times|visits)\b|\s(?:trips|visits)\b",
            "人次",
            re.I,
        ),
        (r"-fold\b", "倍", re.I),
        (r"\s?(?:GWh|MWh|TWh|kWh|GW|MW|kW|km|GB|TB|mAh)\b", "", 0),
    )
]
#: Counted nouns (plural) whose Chinese classifier is not the general 个.
_CLASSIFIERS: dict[str, str] = {}
for _unit, _words in {
    "人": "people persons workers employees staff residents visitors tourists students "
    "teachers doctors nurses farmers migrants patients users customers passengers members "
    "volunteers officials engineers researchers scientists graduates professionals talents "
    "entrepreneurs experts children adults seniors drivers villagers athletes participants "
    "attendees jobseekers job-seekers personnel",
    "家": "firms companies enterprises businesses startups start-ups banks manufacturers "
    "suppliers makers exporters importers retailers stores shops restaurants hotels "
    "factories hospitals institutions brands operators developers",
    "辆": "vehicles cars trucks buses",
    "艘": "ships vessels boats",
    "列": "trains",
    "架": "aircraft planes jets drones",
    "所": "schools universities colleges",
    "户": "households families",
    "台": "robots machines units sets computers turbines",
    "套": "homes houses apartments flats",
    "条": "routes lines roads",
    "项": "items",
    "件": "patents cases",
    "张": "beds",
}.items():
    for _w in _words.split():
        _CLASSIFIERS[_w] = _unit
#: Nouns after a number that do not make it a count: durations, ages, multiples, scores.
_NOT_COUNTED = frozenset(
    "years months weeks days hours minutes seconds decades centuries times points cents "
    "percent others ones pages".split()
)
#: Plural-looking words that are not nouns heading a counted phrase.
_NOT_PLURAL = frozenset("has was is does its this thus across plus us less as his yes".split())
#: Words that end a noun phrase read after or before a figure.
_STOP = frozenset(
    "the a an and or but of in on at by for with from to into over under about around "
    "than as per via across through since during between among after before until "
    "is are was were be been being has have had will would could can may might should "
    "do does did said says say according that which who whose while when where it its "
    "they their them we our he she his her this these those there here also now still "
    "up down not no more less only just some all each every both than other "
    "rose grew fell jumped climbed surged increased decreased declined dropped gained "
    "reached hit totaled totalled stood amounted accounted reported posted recorded "
    "expects expected plans plan planned added add handled moved settled employ employs "
    "employed secured signed attracted invested invest set cut saw make made".split()
)
_CHANGE_VERBS = (
    r"(?:rose|rise|rises|rising|risen|grew|grow|grows|growing|grown|increased|increase|"
    r"increases|increasing|jumped|jump|jumps|climbed|climb|climbs|surged|surge|surges|soared|"
    r"soar|gained|gain|gains|expanded|expand|expands|advanced|fell|fall|falls|falling|fallen|"
    r"declined|decline|declines|declining|dropped|drop|drops|decreased|decrease|decreases|"
    r"slid|slide|slipped|slip|shrank|shrink|shrinks|contracted|contract|plunged|plunge|"
    r"tumbled|eased|ease|cut|cuts|reduced|reduce|up|down|higher|lower)"
)
_APPROX_BEFORE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p + r"\s*$", re.I), a)
    for p, a in (
        (
            r"\b(?:more\s+than|over|above|at\s+least|upwards\s+of|in\s+excess\s+of|exceeding|"
            r"exceeded|exceed|exceeds|surpassing|topping|north\s+of)",
            ">",
        ),
        (
            r"\b(?:less\s+than|fewer\s+than|under|below|not\s+more\s+than|no\s+more\s+than|"
            r"not\s+quite)",
            "<",
        ),
        (
            r"\b(?:about|around|approximately|roughly|some|nearly|almost|close\s+to|an\s+estimated|"
            r"estimated|approx\.?|an?\s+approximate)",
            "~",
        ),
    )
]
_APPROX_AFTER = re.compile(r"\s*(?:\+|-plus\b|\s?or\s+more\b|\s?or\s+so\b)", re.I)
#: The change a figure states: "<verb> [by] [approx]" right before it.
_CHANGE_BEFORE = re.compile(
    rf"\b(?P<verb>(?:(?:has|have|had|was|were|is|are|will|would|could|may)\s+(?:been\s+)?)?"
    rf"{_CHANGE_VERBS})\s+(?:by\s+)?(?:(?:more\s+than|over|about|around|nearly|almost|"
    r"roughly|some|less\s+than|just|only|a\s+further|an?\s+)\s*)?$",
    re.I,
)
_YOY_AFTER = re.compile(
    r"\s*(?:year[\s-]on[\s-]year|year[\s-]over[\s-]year|from\s+a\s+year\s+(?:earlier|ago)|"
    r"month[\s-]on[\s-]month|quarter[\s-]on[\s-]quarter|annually|a\s+year)\b",
    re.I,
)
#: A level stated after a linking word: revenue of/was/reached/totalled ... $5.1 billion.
_LEVEL_LINK = re.compile(
    r"(?:\b(?:of|at|was|were|is|are|reached|reach|reaching|hit|totaled|totalled|totaling|"
    r"totalling|total|amounted\s+to|amounting\s+to|stood\s+at|came\s+in\s+at|worth|"
    r"valued\s+at|exceeded|exceed|topped|surpassed|to|by)\s+"
    r"(?:(?:more\s+than|over|about|around|nearly|almost|roughly|some|less\s+than|"
    r"a\s+record|an\s+estimated|at\s+least)\s+)?)$",
    re.I,
)
#: Verbs whose object amount names what was measured through a noun.
_VERB_NOUNS = {
    "invest": "investment",
    "invested": "investment",
    "investing": "investment",
    "export": "exports",
    "exported": "exports",
    "import": "imports",
    "imported": "imports",
    "sold": "sales",
    "sell": "sales",
    "earned": "earnings",
    "earn": "earnings",
    "spent": "spending",
    "spend": "spending",
    "raised": "funds raised",
    "raise": "funds raised",
    "lost": "loss",
    "handled": "throughput",
    "produced": "output",
    "produce": "output",
    "generated": "output",
    "attracted": "investment attracted",
    "hired": "hires",
    "hire": "hires",
    "borrowed": "borrowing",
}
_VERB_OBJECT = re.compile(
    rf"\b(?P<v>{'|'.join(_VERB_NOUNS)})\s+(?:(?:more\s+than|over|about|around|nearly|"
    r"almost|roughly|some|a\s+total\s+of|a\s+record)\s+)?$",
    re.I,
)
#: Words that introduce reported speech: the clause after them has its own subject.
_REPORTED = re.compile(
    r"\b(?:said|says|noted|added|estimated|estimates|expects|expected|predicted|showed|shows|"
    r"according\s+to\s+[^,]+,)\s+(?:that\s+)?",
    re.I,
)
_DATELINE = re.compile(rf"^[A-Z][A-Z .'-]+,\s+{MON}\s+\d{{1,2}}\s*(?:—|–|--|-)\s*")
_SENT_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n")
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Corp|Inc|Co|Ltd|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|"
    r"Dec|No|vs|U\.S|U\.K|a\.m|p\.m|e\.g|i\.e)\.$"
)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,4}\)[\s-]?)?\d{2,4}(?:[\s-]\d{3,4}){1,3}\b")
_PHONE_CUE = re.compile(r"(?:tel|phone|hotline|call|fax|dial)\b[^\d]{0,12}$", re.I)
_AGE = re.compile(r"\b(?:aged|age|ages)\s+$", re.I)
_AGE_AFTER = re.compile(r"(?:-|\s)years?(?:-|\s)old\b|-year-old\b", re.I)
_TIME_AFTER = re.compile(r":\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&.-]*[A-Za-z]|[A-Za-z]")
_POSSESSIVE = re.compile(r"^(?P<who>.+?)['’]s?\s+(?P<what>.+)$")
#: Prepositions after a metric noun that introduce who or where it is measured for.
_FOR_WHOM = re.compile(
    r"\s+(?:at|in|of|for|from|by)\s+(?P<who>(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+"
    r"(?:[A-Z][\w&.'’-]*|of|and|&))*|the\s+[a-z]+)$"
)
_LEAD_ADVERBIAL = re.compile(
    r"^(?:(?:In|During|For|By|As\s+of|Since|Over|So\s+far)\b[^,]{0,60},\s*|"
    r"(?:Meanwhile|However|Overall|Still|Separately|Also|In\s+total|"
    r"In\s+addition|By\s+contrast),\s*)+"
)
_PRONOUNS = frozenset("it they he she we this that these those its their".split())


def is_english(body: str) -> bool:
    """True when the article is written in English: Latin letters with next to no Chinese."""
    latin = len(_LATIN.findall(body))
    cjk = len(_CJK.findall(body))
    return latin > 0 and cjk < _CJK_SHARE * (cjk + latin)


@dataclass(slots=True)
class _Fig:
    start: int  # offsets in the sentence
    end: int
    num_start: int
    value: float
    unit: str | None
    approx: str | None
    noun: str | None  # the counted noun phrase, for a count of things
    mult: str


def _sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans, not cut after abbreviations (Corp., Oct.) or inside decimals."""
    spans: list[tuple[int, int]] = []
    last = 0
    for m in _SENT_END.finditer(body):
        if m.group(0) != "\n" and _ABBREV.search(body, max(0, m.start() - 6), m.start()):
            continue
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(body)))
    return [(a, b) for a, b in spans if body[a:b].strip()]


def _count_noun(sent: str, pos: int) -> tuple[str, str, int] | None:
    """(noun phrase, classifier, end) of the plural noun phrase counted at ``pos``."""
    words = []
    for m in _WORD.finditer(sent, pos):
        gap = sent[words[-1][2] if words else pos : m.start()]
        if gap.strip(" \"“”'‘’") or len(words) == 4:
            break
        words.append((m.group(0), m.start(), m.end()))
    best = None
    for i, (w, _, e) in enumerate(words):
        lw = w.lower()
        if lw in _STOP:
            break
        plural = lw in _CLASSIFIERS or (
            lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and lw not in _NOT_PLURAL
        )
        if plural:
            best = (i, e)
    if best is None:
        return None
    i, e = best
    head = words[i][0].lower()
    if head in _NOT_COUNTED or words[0][0].lower() in _NOT_COUNTED:
        return None
    if sent[e : e + 1] in '"”’' and sent[words[0][1] : e].count(sent[e]) % 2 == 1:
        e += 1  # 43 inland "dry ports": the closing quote ends the text too
    phrase = sent[words[0][1] : e].strip("\"“”'‘’ ")
    return (
        phrase.replace("“", "").replace("”", "").replace('"', ""),
        _CLASSIFIERS.get(head, "个"),
        e,
    )


def _scan(sent: str, times: list[EnTime]) -> list[_Fig]:
    """Figures in one sentence, with ranges split and dates, ages and codes left out."""
    phones = [
        (m.start(), m.end())
        for m in _PHONE.finditer(sent)
        if len(re.sub(r"\D", "", m.group(0))) >= 7
        and (
            "+" in m.group(0)
            or "(" in m.group(0)
            or m.group(0).count("-") + m.group(0).count(" ") >= 2
            or _PHONE_CUE.search(sent, max(0, m.start() - 20), m.start())
        )
    ]
    out: list[_Fig] = []
    for m in _NUM.finditer(sent):
        ns, ne = m.start("n"), m.end("n")
        if m.group("ord") or any(a <= ns < b for a, b in phones):
            continue
        if any(t.start <= ns < t.end for t in times):
            continue  # part of a date or period
        raw = m.group("n")
        is_word = raw[0].isalpha()
        if is_word and m.group("cur"):
            continue
        value = float(_WORD_NUMBERS[raw.lower()]) if is_word else float(raw.replace(",", ""))
        end = m.end()
        mult_word = m.group("mult") or ""
        if (
            mult_word.lower() in ("m", "k")
            and m.group("cur") is None
            and not _UNITS_AFTER_ANY(sent, end)
        ):
            # "10 m" without a currency is metres or noise, not a multiplier
            mult_word, end = "", ne
        mult = EN_MULTIPLIERS.get(mult_word.lower(), 1e6 if mult_word.lower() == "mn" else 1.0)
        if sent[end : end + 1].isalpha() and not mult_word:
            if not re.match(r"(?:%|GW|MW|kW|km|GB|TB|mAh|kWh|GWh|MWh|TWh|TEU)", sent[end:]):
                continue  # 5G, 3D, a model code
        if _AGE.search(sent, max(0, ns - 8), m.start()) or _AGE_AFTER.match(sent, ne):
            continue
        if _TIME_AFTER.match(sent, ne) or (ns and sent[ns - 1] == ":"):
            continue
        if ns and (sent[ns - 1].isalpha() or sent[max(0, ns - 2) : ns] in ("No", "o.")):
            continue
        unit: str | None = None
        if m.group("cur"):
            unit = _CURRENCY_BEFORE[m.group("cur").strip()]
            um = None
        else:
            um = _match_unit(sent, end)
        noun = None
        if um is not None:
            unit = um[0] or um[2].strip(" -")
            end = um[1]
        elif unit is None:
            cn = _count_noun(sent, end)
            if cn is not None:
                noun, unit, end = cn
                if unit == "个" and not mult_word and value < 2:
                    continue
        # a number without a unit stays only as the first end of a range ("3 to 5 billion")
        if (
            unit is not None
            and not is_word
            and not m.group("cur")
            and not mult_word
            and _is_year(raw)
            and noun
        ):
            continue
        approx = None
        for rx, a in _APPROX_BEFORE:
            if rx.search(sent, max(0, m.start() - 24), m.start()):
                approx = a
                break
        am = _APPROX_AFTER.match(sent, end)
        if am and unit is not None:
            approx = ">" if "so" not in am.group(0) else "~"
        out.append(_Fig(m.start(), end, ns, value * mult, unit, approx, noun, mult_word))
    return _ranges(sent, out)


def _UNITS_AFTER_ANY(sent: str, pos: int) -> bool:  # noqa: N802 - reads as a predicate
    return _match_unit(sent, pos) is not None


def _match_unit(sent: str, pos: int) -> tuple[str, int, str] | None:
    for rx, u in _UNITS_AFTER:
        um = rx.match(sent, pos)
        if um:
            return u, um.end(), um.group(0)
    return None


def _is_year(raw: str) -> bool:
    return re.fullmatch(r"(?:19|20)\d{2}", raw) is not None


_RANGE_MID = re.compile(r"\s*(?:to|-|–|—|and)\s*$", re.I)


def _ranges(sent: str, figs: list[_Fig]) -> list[_Fig]:
    """ "3 to 5 billion yuan", "between 10 and 12 percent": the first end takes the second's
    multiplier and unit; a figure with no unit that is not such an end is dropped."""
    out: list[_Fig] = []
    for i, f in enumerate(figs):
        if f.unit is None and i + 1 < len(figs):
            nxt = figs[i + 1]
            mid = sent[f.end : nxt.start]
            if (
                nxt.unit
                and _RANGE_MID.fullmatch(mid)
                and (
                    "and" not in mid.lower()
                    or re.search(r"\bbetween\s+(?:\w+\s+)?$", sent[: f.start], re.I)
                )
            ):
                scale = EN_MULTIPLIERS.get(nxt.mult.lower(), 1.0) if not f.mult else 1.0
                approx = nxt.approx if nxt.approx else f.approx
                out.append(
                    _Fig(
                        f.start,
                        f.end,
                        f.num_start,
                        f.value * scale,
                        nxt.unit,
                        approx,
                        nxt.noun,
                        f.mult or nxt.mult,
                    )
                )
                continue
        if f.unit is not None:
            out.append(f)
    return out


#: Verbs that end the subject noun phrase of a clause, beyond the stop words.
_VERB_ED = re.compile(r"^[a-z]+ed$")
_NOT_VERB_ED = frozenset("need seed speed feed red bed hundred shed".split())
_MORE_VERBS = frozenset(
    "broke launched opened built signed approved announced completed started began won "
    "received registered welcomed created provided supported plans aims hopes wants "
    "employs handles sells sold earns reports posts runs operates holds "
    "owns houses hosts lost spent will expect".split()
)


def _is_verb(w: str) -> bool:
    lw = w.lower()
    return (
        lw in _STOP
        or lw in _MORE_VERBS
        or (_VERB_ED.match(w) is not None and lw not in _NOT_VERB_ED)
    )


def _clause_subject(sent: str, cstart: int, limit: int) -> str | None:
    """The noun phrase a clause opens with (before its verb), without leading adverbials."""
    text = sent[cstart:limit]
    lead = _LEAD_ADVERBIAL.match(text.lstrip())
    offset = len(text) - len(text.lstrip()) + (lead.end() if lead else 0)
    words: list[str] = []
    last_end = None
    for m in re.finditer(r"[A-Za-z][A-Za-z'’&.-]*|\d[\d,.]*%?|[^\sA-Za-z\d]", text[offset:]):
        w = m.group(0)
        if w in ("'s", "’s") or (words and w.lower() in ("at", "of", "in", "and", "&")):
            words.append(w)
            last_end = m.end()
            continue
        if not w[0].isalpha() or (
            _is_verb(w)
            and w.lower() not in ("the", "a", "an")
            or (words and w.lower() in ("the",) and words[-1].lower() not in ("at", "of", "in"))
        ):
            if words or w.lower() not in ("the", "a", "an"):
                break
        words.append(w)
        last_end = m.end()
    if not words or last_end is None:
        return None
    while words and words[-1].lower() in ("at", "of", "in", "and", "&"):
        words.pop()
    np_ = " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")
    return np_ or None


def _split_np(np_: str) -> tuple[str | None, str | None]:
    """(what, who) of a subject noun phrase: "Revenue at Acme Corp" -> (revenue, Acme Corp),
    "Hebei's power generation" -> (power generation, Hebei)."""
    pm = _POSSESSIVE.match(np_)
    if pm and "'" in np_ or pm and "’" in np_:
        return _lower_first(pm.group("what")), pm.group("who")
    fm = _FOR_WHOM.search(np_)
    if fm:
        return _lower_first(np_[: fm.start()]), fm.group("who")
    cap = re.match(r"^((?:[A-Z][\w&.-]*\s+)+)([a-z].*)$", np_)
    if cap and not re.match(r"^(?:The|A|An)\s", np_):
        return cap.group(2), cap.group(1).strip()
    return _lower_first(np_), None


def _lower_first(t: str) -> str:
    """Sentence-initial capital off a common noun (Revenue -> revenue), not off a name."""
    t = re.sub(r"^(?:the|a|an)\s+", "", t.strip(), flags=re.I)
    if re.match(r"^[A-Z][a-z-]+(?:\s+[a-z]|$)", t):
        return t[0].lower() + t[1:]
    return t


def _np_before(sent: str, pos: int) -> str | None:
    """The noun phrase ending right before ``pos`` ("total investment" of "...with total
    investment of")."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", sent[:pos][-60:])
    if not words or not re.search(r"[A-Za-z]\s*$", sent[:pos]):
        return None
    out: list[str] = []
    for w in reversed(words):
        if _is_verb(w) or len(out) == 4:
            break
        out.append(w)
    return " ".join(reversed(out)) or None


def _np_after(sent: str, pos: int) -> str | None:
    """The noun phrase starting at ``pos`` (up to four words, "the" left out)."""
    words: list[str] = []
    for m in re.finditer(r"\s*([A-Za-z][A-Za-z'’-]*)", sent[pos:]):
        w = m.group(1)
        if _is_verb(w) and w.lower() not in ("the",) or len(words) == 4:
            break
        words.append(w)
        if not sent[pos + m.end() :].startswith(" "):
            break
    return " ".join(w for w in words if w.lower() != "the") or None


_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")
_WHERE_AFTER = re.compile(
    r"\b(?:in|at|across)\s+(?P<w>the\s+[a-z]+(?:\s+[a-z]+)?(?=[\s,.;]|$)|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)


_AUX_END = re.compile(r"(?:\s+(?:to|will|would|could|has|have|had|is|are|was|were|be|now))+\s*$")


def _the(np_: str) -> str:
    """A sentence-initial article in lower case: "The port" -> "the port"."""
    return re.sub(r"^(The|A|An)\s", lambda m: m.group(1).lower() + " ", np_)


def _attribute(
    sent: str, f: _Fig, prev: tuple[str | None, str | None] | None
) -> tuple[str | None, str | None]:
    """(metric, subject) of one figure in its sentence; ``prev`` is the figure before it
    in the sentence."""
    left = sent[: f.start]
    cstart = left.rfind(";") + 1
    for rm in _REPORTED.finditer(left, cstart):
        cstart = rm.end()
    np_ = _clause_subject(sent, cstart, f.start)
    what, who = _split_np(np_) if np_ else (None, None)
    if np_ and np_.split()[0].lower() in _PRONOUNS:
        what, who = None, None
    if f.noun:
        if (
            np_ is None
            or not re.search(r"[A-Za-z]", sent[cstart : f.start])
            or (
                re.fullmatch(
                    r"\W*(?:about|around|some|nearly|almost|over|more than|more|than|"
                    r"roughly|approximately|at least|fewer than|less than|under|only|"
                    r"just|an estimated)?\W*",
                    sent[cstart : f.start],
                    re.I,
                )
            )
        ):
            wm = _WHERE_AFTER.search(sent, f.end)
            return f.noun, (wm.group("w") if wm else None)
        return f.noun, (_the(np_) if np_ and np_.split()[0].lower() not in _PRONOUNS else None)
    subject = who or (_the(np_) if np_ and what is None else None)
    if sent[f.start - 1 : f.start] == "(" and prev is not None:
        return prev  # 34.5 billion yuan ($4.8 billion): the same amount converted
    if re.search(r"\d-[A-Za-z]+$", sent[f.start : f.end]):
        after = _np_after(sent, f.end)
        if after:
            return after, subject  # a 4.5-kilometer dedicated line
    cm = _CHANGE_BEFORE.search(left)
    if cm and f.unit in ("%", "个百分点", "个基点", "倍"):
        verb = cm.group("verb")
        yoy = _YOY_AFTER.match(sent, f.end)
        metric = " ".join(x for x in (what, verb, yoy.group(0).strip() if yoy else None) if x)
        return metric, subject
    om = _OF_AFTER.match(sent, f.end)
    if om:
        after = _np_after(sent, om.end())
        if after:
            return ("share of " + after if f.unit == "%" else after), subject or (
                _the(np_) if np_ else None
            )
    vm = _VERB_OBJECT.search(left)
    if vm:
        return _VERB_NOUNS[vm.group("v").lower()], who or (_the(np_) if np_ else None)
    lm = _LEVEL_LINK.search(left)
    if lm:
        head = _AUX_END.sub("", left[: lm.start()])
        if np_ and head.rstrip().endswith(np_.split()[-1]) and len(head) - len(np_) <= cstart + 40:
            return what, subject  # Volume at Tianjin Port reached 912,000 TEUs
        before = _np_before(sent, len(head))
        if before:
            b_what, b_who = _split_np(before)
            return b_what, b_who or who or (_the(np_) if np_ else None)
        return what, subject
    before = _np_before(sent, f.start)
    if before:
        return _lower_first(before), subject or (_the(np_) if np_ else None)
    return what, subject


def extract_english(body: str, published: str | None) -> list[Fact]:
    """Every figure in an English ``body`` as a :class:`Fact` (SCHEMA.md rules).

    A figure takes the period its sentence names (not a comparison base), else the one the
    paragraph named last; offsets are into ``body`` and the sentence is stripped, as the
    Chinese rules give them."""
    facts: list[Fact] = []
    para_period: str | None = None
    for lo, hi in _sentences(body):
        if lo == 0 or "\n" in body[max(0, lo - 2) : lo]:
            para_period = None
        sent = body[lo:hi]
        dm = _DATELINE.match(sent)
        if dm:
            sent = " " * dm.end() + sent[dm.end() :]  # keeps offsets
        times = find_times(sent, published)
        own = [t for t in times if not t.base]
        prev: tuple[str | None, str | None] | None = None
        for f in _scan(sent, times):
            metric, subject = _attribute(sent, f, prev)
            prev = (metric, subject)
            before = [t for t in own if t.end <= f.start]
            after = [t for t in own if t.start >= f.end]
            t = before[-1] if before else (after[0] if after else None)
            period = t.period if t else para_period
            facts.append(
                Fact(
                    text=body[lo + f.start : lo + f.end],
                    value=_round(f.value),
                    unit=f.unit or "",
                    approx=f.approx,
                    metric=metric or None,
                    subject=subject or None,
                    period=period,
                    sentence=sent.strip() if not dm else body[lo:hi].strip(),
                    start=lo + f.start,
                    end=lo + f.end,
                )
            )
        if own:
            para_period = own[-1].period
    return facts


def _round(v: float) -> float:
    r = round(v, 6)
    return float(int(r)) if r == int(r) else r
