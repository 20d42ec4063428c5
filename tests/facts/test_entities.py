"""Entity extraction: gazetteer, province mapping, organisations, people, English."""

from __future__ import annotations

import time

import pytest

from etl.facts import entities, gazetteer
from etl.facts.entities import extract_entities
from etl.facts.textnorm import fold
from etl.records import Entity, Quote


def _by_kind(ents: list[Entity], kind: str) -> dict[str, Entity]:
    return {e.name: e for e in ents if e.kind == kind}


def _places(text: str) -> dict[tuple[str, str | None], int]:
    return {(e.name, e.province): e.mentions for e in extract_entities(text) if e.kind == "place"}


# --- gazetteer ---------------------------------------------------------------------------


def test_gazetteer_ships_all_levels() -> None:
    gaz = gazetteer.load()
    levels = [d.level for d in gaz.divisions]
    assert levels.count("province") == 34
    assert 330 <= levels.count("city") <= 350
    assert levels.count("county") > 2800
    assert all(d.province for d in gaz.divisions)


@pytest.mark.parametrize(
    ("alias", "name", "province"),
    [
        ("宝坻区", "宝坻区", "天津市"),
        ("天津", "天津市", "天津市"),
        ("河北", "河北省", "河北省"),
        ("邢台", "邢台市", "河北省"),
        ("邢台市", "邢台市", "河北省"),
        ("广西", "广西壮族自治区", "广西壮族自治区"),
        ("延边", "延边朝鲜族自治州", "吉林省"),
        ("六盘水", "六盘水市", "贵州省"),
        ("苏州工业园区", "苏州工业园区", "江苏省"),
        ("雄安", "雄安新区", "河北省"),
        ("浦东", "浦东新区", "上海市"),
    ],
)
def test_alias_maps_to_province(alias: str, name: str, province: str) -> None:
    first = gazetteer.load().lookup(alias)[0]
    assert (first.name, first.province) == (name, province)


def test_no_short_forms_for_counties_and_word_like_cities() -> None:
    gaz = gazetteer.load()
    assert gaz.lookup("宝坻") == ()  # county: full name only
    assert gaz.lookup("白银") == ()  # silver, not 白银市
    assert gaz.lookup("城区") == ()  # downtown, not 长治市城区
    assert gaz.lookup("吉林")[0].level == "province"  # 吉林省 before 吉林市


def test_heuristic_tables_are_not_empty() -> None:
    for table in (
        entities.ORG_SUFFIXES_STRONG,
        entities.ORG_SUFFIXES_WEAK,
        entities.ORG_BOUNDARY_WORDS,
        entities.GENERIC_PREFIXES,
        entities.KNOWN_ORGS,
        entities.AFTER_NAME_WORDS,
        entities.EN_ORG_TAILS,
        gazetteer.FALSE_PLACE_WORDS,
        gazetteer.CITY_SHORT_BLOCKLIST,
    ):
        assert table and all(table)
    with pytest.raises(ValueError):
        entities._alt([])


# --- places ------------------------------------------------------------------------------


def test_places_longest_match_and_counts() -> None:
    text = "在天津市宝坻区举行的会上,来自邢台、石家庄的企业代表与天津企业签约。邢台市将扩大合作。"
    places = _places(text)
    assert places[("天津市", "天津市")] == 2  # 天津市 + 天津
    assert places[("宝坻区", "天津市")] == 1
    assert places[("邢台市", "河北省")] == 2  # short and full form merge
    assert places[("石家庄市", "河北省")] == 1
    assert ("河北省", "河北省") not in places  # not named, only implied


def test_false_place_words_and_county_words() -> None:
    places = _places("他去了北海道,买了三明治,加强管理县域经济和相应县级单位。")
    assert places == {}


def test_ambiguous_district_takes_province_from_context() -> None:
    assert _places("南京鼓楼区新开一家书店。") == {("南京市", "江苏省"): 1, ("鼓楼区", "江苏省"): 1}
    # Named alone, 鼓楼区 is in three provinces: no province is guessed.
    assert _places("鼓楼区新开一家书店。") == {("鼓楼区", None): 1}
    # Another place in the article settles it.
    assert _places("福建省的鼓楼区新开一家书店。")[("鼓楼区", "福建省")] == 1


def test_traditional_gives_same_entities_as_simplified() -> None:
    trad = (
        "天津市工信局局長尹繼輝說,寶坻區與河北邢臺的企業合作,中國鐵路北京局集團有限公司開行班列。"
    )
    simp = fold(trad)
    assert simp != trad
    assert extract_entities(trad) == extract_entities(simp)
    ents = extract_entities(trad)
    assert _by_kind(ents, "person")["尹继辉"].mentions == 1
    assert _by_kind(ents, "place")["邢台市"].province == "河北省"
    assert "中国铁路北京局集团有限公司" in _by_kind(ents, "org")


# --- organisations ---------------------------------------------------------------------


def test_org_suffixes_and_prefix_trimming() -> None:
    text = (
        "记者走进星河(苏州)智能装备有限公司,看到该公司与苏州大学联合研发的设备。"
        "星河智能装备负责人说,江苏省商务厅和国家统计局的数据都很好。星河公司还与中国工商银行签约。"
    )
    orgs = _by_kind(extract_entities(text), "org")
    assert set(orgs) >= {
        "星河(苏州)智能装备有限公司",
        "苏州大学",
        "江苏省商务厅",
        "国家统计局",
        "中国工商银行",
        "星河公司",
    }
    assert "该公司" not in orgs


def test_generic_phrases_are_not_orgs() -> None:
    text = (
        "该公司与多家单位签约,这家企业表示将与有关部门和地方政府合作,"
        "打造综合服务中心,并向各级政府、相关银行和当地医院通报。"
    )
    assert _by_kind(extract_entities(text), "org") == {}


def test_department_counts_for_its_parent_and_legal_tail_extends() -> None:
    text = (
        "天津市工信局发布数据。天津市工信局规划发展处处长孙洪磊说,"
        "中国铁路北京局集团有限公司已开行班列。"
    )
    orgs = _by_kind(extract_entities(text), "org")
    assert orgs["天津市工信局"].mentions == 2
    assert "天津市工信局规划发展处" not in orgs
    assert "中国铁路北京局" not in orgs
    assert orgs["中国铁路北京局集团有限公司"].mentions == 1


def test_company_short_head_counts_as_mention() -> None:
    text = "星河(苏州)智能装备有限公司成立于2019年。去年,星河推出新品,星河的订单增长。"
    assert _by_kind(extract_entities(text), "org")["星河(苏州)智能装备有限公司"].mentions == 3


# --- people ------------------------------------------------------------------------------


def test_people_after_titles_without_splitting_places() -> None:
    text = (
        "天津市宝坻区副区长王浩表示,合作顺利。市交通局局长欧阳明远说,道路通畅。"
        "业务指导李哲说,班列很快。李哲还说,货源更多。记者陈静在天津报道。"
    )
    ents = extract_entities(text)
    people = _by_kind(ents, "person")
    assert set(people) == {"王浩", "欧阳明远", "李哲", "陈静"}
    assert people["李哲"].mentions == 2
    assert _by_kind(ents, "place")["宝坻区"].province == "天津市"


def test_quote_speakers_are_people() -> None:
    text = "“我们很有信心。”天开公司总经理贾明说。贾明认为前景很好。"
    quotes = [Quote(speaker="賈明", role="总经理", org=None, text="我们很有信心。", start=1, end=8)]
    people = _by_kind(extract_entities(text, quotes), "person")
    assert people["贾明"].mentions == 2


def test_function_word_surname_needs_confirmation() -> None:
    # 和 is a surname too, but "老师和学生" is no person.
    assert _by_kind(extract_entities("老师和学生们一起参观。"), "person") == {}


# --- English -----------------------------------------------------------------------------


def test_english_sentence() -> None:
    text = (
        "Northwind Robotics Inc. opened a plant in Tianjin with the Agricultural Bank of China, "
        'Mr Zhang said. "Demand is strong," said Mary Chen, CEO of Bluefin Technologies. '
        "The Ministry of Commerce welcomed the deal in Hebei."
    )
    ents = extract_entities(text)
    assert set(_by_kind(ents, "org")) == {
        "Northwind Robotics Inc.",
        "Agricultural Bank of China",
        "Bluefin Technologies",
        "Ministry of Commerce",
    }
    assert set(_by_kind(ents, "person")) == {"Zhang", "Mary Chen"}
    assert _places(text) == {("天津市", "天津市"): 1, ("河北省", "河北省"): 1}


# --- contract ----------------------------------------------------------------------------


def test_order_is_deterministic() -> None:
    text = "天津市工信局局长尹继辉说,天津、北京和天津港合作。天津市交通运输委员会也参与。"
    ents = extract_entities(text)
    assert ents == sorted(ents, key=lambda e: (e.kind, -e.mentions, e.name, e.province or ""))
    assert ents == extract_entities(text)


@pytest.mark.parametrize("bad", ["", "   ", "\x00\ufffd" * 50, "局" * 500, "(((((公司"])
def test_never_raises(bad: str) -> None:
    assert isinstance(extract_entities(bad), list)


def test_failure_inside_gives_empty_list(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("broken")

    monkeypatch.setattr(entities, "_extract", boom)
    assert extract_entities("天津") == []


def test_fast_on_a_typical_article() -> None:
    para = (
        "天津市工信局发布的数据显示,京津冀三地规模以上工业企业营业收入5.1万亿元。"
        "天大智图(天津)科技有限公司总经理贾勇哲说,企业正在邢台、石家庄布局。"
        "中国铁路北京局集团有限公司已累计开行港城班列934列。"
    )
    body = para * 30  # ~3,700 characters
    extract_entities(body)  # warm the caches
    t = time.perf_counter()
    for _ in range(10):
        extract_entities(body)
    per_article = (time.perf_counter() - t) / 10
    assert per_article < 0.05  # generous for CI; measured ~3 ms
