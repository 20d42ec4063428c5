"""Metric noun phrases: where the phrase naming a figure starts and stops (own sentences)."""

from __future__ import annotations

import pytest

from etl.facts import extract_facts

PUB = "2024-10-25"


def _metrics(body: str, unit: str | None = None) -> list[str | None]:
    return [f.metric for f in extract_facts(body, PUB) if unit is None or f.unit == unit]


@pytest.mark.parametrize(
    ("body", "unit", "expected"),
    [
        # coordinated figures share the noun after the last conjunct
        ("该港区新建5万吨和3万吨散货泊位各2个。", "吨", ["散货泊位", "散货泊位"]),
        ("两家厂商40%、50%的研发经费都投向了芯片。", "%", ["研发经费", "研发经费"]),
        # ... but not when a measure noun before them names what they measure
        ("景区门票价格为50元和80元。", "元", ["门票价格", "门票价格"]),
        ("门票为50元和80元两档。", "元", ["门票", "门票"]),
        # a trailing distributive 各 is not part of the noun
        ("该港区新建5万吨和3万吨散货泊位各2个。", "个", ["散货泊位"]),
        # quotation marks inside a phrase are kept as written; a phrase that is one
        # quotation only marks a word
        ("全市约20个“智慧”社区在年底前建成。", "个", ["“智慧”社区"]),
        ("网友留下了3000多条“点赞”。", "条", ["点赞"]),
        # the noun after a figure stops before a modal, 进行 or another quantity
        ("12个城市有可能出现降雪。", "个", ["城市"]),
        ("专家组对6个试点县进行了评估。", "个", ["试点县"]),
        ("我们与30多家企业数百名员工交流。", "家", ["企业"]),
        # 处 after a distance makes it a place: the noun follows
        ("船只停在距岸边300米处锚地。", "米", ["锚地"]),
    ],
)
def test_metric_phrase(body: str, unit: str, expected: list[str | None]) -> None:
    assert _metrics(body, unit) == expected


@pytest.mark.parametrize(
    ("body", "unit", "expected"),
    [
        # a demonstrative is no part of the noun
        ("那一数字已接近30%。", "%", ["数字"]),
        # a localiser closing the phrase, a source phrase or an extreme are cut off
        ("这家工厂在节能改造上的累计投入上已超过2亿元。", "元", ["投入"]),
        ("门票的售价从每张5元到20元不等。", "元", ["售价", "售价"]),
        ("能耗指标可能最多还有两项。", "项", ["能耗指标"]),
        # ... but words ending in a localiser character are kept
        ("网上售价为99元。", "元", ["网上售价"]),
        # a spending verb without 了 is the noun naming the amount; with 了 it is the verb
        ("新能源电池研发投入8亿元。", "元", ["新能源电池研发投入"]),
        ("他们筹集了50万元。", "元", ["筹集"]),
        ("该公司出资300万元。", "元", ["出资"]),
        # 把 fronts the object: the noun after the figure, without its verb
        ("她把10万元积蓄捐出来。", "元", ["积蓄"]),
        # 翻到 gives the new level of what the clause opened with
        ("销量从30多台翻到200多台。", "台", ["销量", "销量"]),
        # a passive before a counted noun is not a loss; a passive loss still is
        ("该课程被分为12个单元。", "个", ["单元"]),
        ("他被骗走了8万元。", "元", ["被骗"]),
        # 元钱: 钱 repeats the unit, it is not what was measured
        ("他筹集了3万元钱。", "元", ["筹集"]),
    ],
)
def test_metric_edges(body: str, unit: str, expected: list[str | None]) -> None:
    assert _metrics(body, unit) == expected


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("这一比例", "比例"),
        ("是上一代", "上一代"),
        ("累计投入上", "累计投入"),
        ("价格从每项", "价格"),
        ("车流长达创纪录", "车流长达"),
        ("补贴形式可能最少", "补贴形式"),
        # words that end in a localiser or a preposition character stay whole
        ("高中", "高中"),
        ("网上售价", "网上售价"),
        ("理由", "理由"),
        ("申请的理由", "申请的理由"),
        ("资金集中", "资金集中"),
        ("每公里", "每公里"),
        ("是否达标", "是否达标"),
        ("其中", "其中"),
    ],
)
def test_tidy(metric: str, expected: str) -> None:
    from etl.facts import metrics as M

    assert M.tidy(metric) == expected


@pytest.mark.parametrize(
    ("body", "unit", "expected"),
    [
        # 降到了: the new level of what the clause measured before
        ("其手机的电量从90%降到了40%。", "%", ["电量", "电量"]),
        # a bracketed aside between the term and its share is read through
        ("大幅下降（超过20%）仅占3.5%。", "%", ["大幅下降", "大幅下降"]),
        # ... while a term inside the clause after the bracket still names its figure
        ("受访者（共300人）中，满意度为85%。", "%", ["满意度"]),
        # a partial scope before a bracketed weather term is where it falls
        ("西部山区局地大雪(5～8毫米)。", "毫米", ["大雪", "大雪"]),
        ("东南部部分地区暴雨（50～80毫米）。", "毫米", ["暴雨", "暴雨"]),
    ],
)
def test_metric_clauses(body: str, unit: str, expected: list[str | None]) -> None:
    assert _metrics(body, unit) == expected


@pytest.mark.parametrize(
    ("body", "unit", "expected"),
    [
        # a price band after a money figure names what it measures
        ("多数平板都在2000元档位，销量平平。", "元", ["档位"]),
        ("这款手机售价2000元，销量平平。", "元", ["手机售价"]),
        # a demonstrative with its classifier is no part of the noun; 项目 stays whole
        ("该项目总投资5亿元。", "元", ["项目总投资"]),
        # a clause of an adverb and a verb continues the noun the clause before names
        ("——车队人数，迅速扩展到30人。", "人", ["车队人数"]),
        ("由此产生的贸易逆差创下新高，达到800亿美元。", "美元", ["贸易逆差"]),
        ("他创作的大量歌曲，有两百余首获奖。", "首", ["歌曲"]),
        # ... but not a clause that names no measure and has no attributive noun
        ("李明开通网银，转走了两万元。", "元", ["转走"]),
    ],
)
def test_metric_anaphora(body: str, unit: str, expected: list[str | None]) -> None:
    assert _metrics(body, unit) == expected


@pytest.mark.parametrize(
    ("body", "unit", "expected"),
    [
        # 分别 gives each figure its own conjunct, with the measure noun they share
        (
            "出口、进口和转口规模分别为1亿元、2亿元和3亿元。",
            "元",
            ["出口规模", "进口规模", "转口规模"],
        ),
        ("毛利率和净利率分别为30%和12%。", "%", ["毛利率", "净利率"]),
        # ... but coordinated owners of one measure keep it (they are subjects)
        ("张三和李四的工资分别为3000元、4000元。", "元", ["工资", "工资"]),
        # without 分别 the coordinated phrase is one measure
        ("出口和进口总额为5亿元。", "元", ["出口和进口总额"]),
    ],
)
def test_metric_respective(body: str, unit: str, expected: list[str | None]) -> None:
    assert _metrics(body, unit) == expected


@pytest.mark.parametrize(
    ("metric", "index", "expected"),
    [
        ("营业成本和营业支出增幅", 0, "营业成本增幅"),
        ("营业成本和营业支出增幅", 1, "营业支出增幅"),
        ("营业成本和营业支出增幅", 2, None),
        ("增幅", 0, None),
    ],
)
def test_respective(metric: str, index: int, expected: str | None) -> None:
    from etl.facts import metrics as M

    assert M.respective(metric, index) == expected


def test_among_frame() -> None:
    # "N人中有M名": 中 makes the first figure a group; a localiser alone is never a metric
    assert _metrics("该班级40人中有32名通过考试。") == ["班级", "通过考试"]
    assert _metrics("首批学员40人中有32名。") == ["首批学员", None]
    # ... while a noun opening with 中 after a figure is kept
    assert _metrics("全市有10个中心城区。") == ["中心城区"]
