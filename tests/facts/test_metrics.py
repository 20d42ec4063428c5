"""Metric attribution rules (etl.facts.metrics) on hand-written sentences."""

from __future__ import annotations

import pytest

from etl.facts import extract_facts

PUB = "2024-10-25"


def _metrics(body: str, unit: str | None = None) -> list[str | None]:
    return [f.metric for f in extract_facts(body, PUB) if unit is None or f.unit == unit]


@pytest.mark.parametrize(
    ("body", "unit", "expected"),
    [
        # a bracketed figure qualifies the term before the bracket
        ("明天山东南部局地有暴雨(50～80毫米)。", "毫米", ["暴雨", "暴雨"]),
        ("调查中，大幅增长（超过20%）的企业仅占一成。", "%", ["大幅增长", "企业"]),
        # a head count followed by a verb: the people who did it
        ("今年共有35人获奖。", "人", ["获奖"]),
        ("检测结果：820人为阳性。", "人", ["阳性"]),
        ("这所乡村小学每年都有二十多名学生转学。", "人", ["转学学生"]),
        ("镇上每年有十几位医生离职。", "人", ["离职医生"]),
        # a bare sale verb names the price
        ("该款耳机标准版售899元。", "元", ["售价"]),
        ("降价之后的旗舰机卖到4999元。", "元", ["售价"]),
        # one-character market verbs before a share
        ("深证成指跌近2%。", "%", ["跌"]),
        ("午后券商股大涨5%。", "%", ["大涨"]),
        # a multiple before the noun it qualifies
        ("新机支持 5 倍光学变焦。", "倍", ["光学变焦"]),
        # a clause of only a verb and its figure continues the noun phrase before it
        ("去年该省粮食产量继续增加，达到3500万吨。", "吨", ["该省粮食产量"]),
        # an ordinal between the verb and the figure is not what was measured
        ("这家初创公司完成了新一轮5000万元融资。", "元", ["融资"]),
        # a Latin model name at the head of a metric is the subject
        ("Pixel 9 Pro 售价 999 美元起。", "美元", ["售价"]),
        # totals: 合计 is filler before the measure noun
        ("两市合计成交超过8000亿元。", "元", ["成交"]),
        # a rate noun ends the phrase after a symbol unit
        ("配备 144Hz 刷新率高清屏幕。", "Hz", ["刷新率"]),
        # the noun after a range of shares belongs to both ends
        ("高峰期地铁只能保证30%至40%的运力。", "%", ["运力", "运力"]),
        # a passive loss: the verb with its 被
        ("这位老人被骗走了26万元。", "元", ["被骗"]),
        ("他的账户上个月被扣了45元。", "元", ["被扣"]),
        # a market close
        ("深成指收报9876.5点。", "点", ["收盘"]),
        # 了 closes the verb: its object names the figure
        ("她放弃了年薪80万元的职位。", "元", ["年薪"]),
    ],
)
def test_metric_rules(body, unit, expected):
    assert _metrics(body, unit) == expected


def test_latin_model_becomes_subject():
    f = [x for x in extract_facts("Pixel 9 Pro 售价 999 美元起。", PUB) if x.unit == "美元"][0]
    assert f.subject and "Pixel" in f.subject


def test_large_sale_is_not_a_price():
    # a large amount after 卖 is a sales total, not a price
    assert _metrics("这家基金公司一天卖了300亿元。", "元") != ["售价"]
