"""A subject the metric phrase swallowed: [subject][measure NP][verb][figure] (own sentences)."""

from __future__ import annotations

import pytest

from etl.facts import extract_facts
from etl.facts.metrics import split_measure

PUB = "2024-10-25"


def _pairs(body: str, unit: str) -> list[tuple[str | None, str | None]]:
    return [(f.subject, f.metric) for f in extract_facts(body, PUB) if f.unit == unit]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("蓝鲸最高日订单量", ("蓝鲸", "最高日订单量")),
        ("松江湖面阵风风力", ("松江湖面", "阵风风力")),
        ("X3芯片累计研发投入", ("X3芯片", "累计研发投入")),
        # only modifiers before the measure noun: nothing to split off
        ("同比增长率", None),
        ("最低气温", None),
        ("营收", None),
        # no measure noun at the end
        ("合同销售面积", None),
    ],
)
def test_split_measure(phrase: str, expected: tuple[str, str] | None) -> None:
    assert split_measure(phrase) == expected


@pytest.mark.parametrize(
    ("body", "unit", "expected"),
    [
        # a name the article repeats heads the measure phrase
        (
            "蓝鲸是一家外卖平台。蓝鲸去年扩张很快。2023年蓝鲸最高日订单量达90万单。",
            "单",
            [("蓝鲸", "最高日订单量")],
        ),
        # a surface area (湖面) names where the wind is measured
        ("受台风影响，明天松江湖面阵风风力可达9级。", "级", [("松江湖面", "阵风风力")]),
        # a Latin-lettered product
        ("据悉，X3芯片累计研发投入5亿元。", "元", [("X3芯片", "累计研发投入")]),
        # an industry before its growth rate; the qualifier after it belongs to neither
        ("其中，光伏制造业增速最高达到31.2%。", "%", [("光伏制造业", "增速")]),
    ],
)
def test_swallowed_subject(body: str, unit: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(body, unit) == expected


def test_plain_measure_is_not_split() -> None:
    # 固定资产 is part of the measure, not who it is measured for: the county heads it
    facts = extract_facts("今年前三季度，临川县固定资产投资完成88.5亿元。", PUB)
    assert [(f.subject, f.metric) for f in facts] == [("临川县", "固定资产投资")]
    # modifiers alone before the measure stay in the metric
    facts = extract_facts("明天夜间，最低气温零下3℃。", PUB)
    assert facts[0].metric == "最低气温"
