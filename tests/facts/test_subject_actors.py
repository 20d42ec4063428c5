"""Subjects given by who acts with an amount, a colon headline, or a whole place heading an
earlier clause (own sentences)."""

from __future__ import annotations

from etl.facts import extract_facts

PUB = "2024-10-25"


def _facts(body: str, unit: str) -> list[tuple[str | None, str | None]]:
    return [(f.subject, f.metric) for f in extract_facts(body, PUB) if f.unit == unit]


def test_payer_of_a_deal() -> None:
    body = "今年5月，星河电器以8亿元收购一家海外家电品牌。"
    assert _facts(body, "元") == [("星河电器", "收购")]
    body = "青松资本斥资3亿元入股一家电池厂。"
    assert _facts(body, "元") == [("青松资本", "入股")]


def test_manner_amount_is_no_deal() -> None:
    # 以5元的价格出售: no deal verb follows the amount, the payer rule does not apply
    body = "这批水果以5元的价格出售。"
    assert all(subj != "这批水果" or metric != "出售" for subj, metric in _facts(body, "元"))


def test_colon_company_with_verb_like_character() -> None:
    # 远达股份: 达 reads like a verb, the company suffix marks the name
    body = "公告速递。远达股份：确定为两座风电场的设备供应商，中标价5亿元。"
    assert [s for s, _ in _facts(body, "元")] == ["远达股份"]


def test_colon_label_is_no_subject() -> None:
    body = "他说：确定为设备供应商，中标价5亿元。"
    assert [s for s, _ in _facts(body, "元")] != ["他说"]


def test_whole_place_heads_later_clauses() -> None:
    body = (
        "今年1-9月，全市社会消费品零售总额完成120亿元，同比增长8.5%。"
        "青原市是本省的商贸中心。青原市人口多。"
    )
    subjects = [s for s, _ in _facts(body, "%")]
    assert subjects == ["青原市"]
    # a clause not opened by a whole place gives no such scope
    body = "今年1-9月，消费品零售总额完成120亿元，同比增长8.5%。"
    assert [s for s, _ in _facts(body, "%")] != ["全市"]


def test_subject_of_earlier_clause_beats_its_object() -> None:
    body = (
        "天舟12发射成功。天宫88在轨运行。随后，天舟12逐渐接近天宫88，至80米处悬停。"
        "天宫88状态良好。天舟12状态良好。"
    )
    assert [s for s, _ in _facts(body, "米")] == ["天舟12"]


def test_earlier_clause_without_a_named_opener() -> None:
    # no name opens the earlier clause: the name it gives stays the subject
    body = (
        "天舟12发射成功。天宫88在轨运行。随后，飞船逐渐接近天宫88，至80米处悬停。"
        "天宫88状态良好。天舟12状态良好。"
    )
    assert [s for s, _ in _facts(body, "米")] == ["天宫88"]
