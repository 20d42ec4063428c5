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
