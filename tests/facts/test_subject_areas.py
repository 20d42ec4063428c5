"""Weather-report areas: where a figure is measured when its clause names no place (own
sentences)."""

from __future__ import annotations

from etl.facts import extract_facts

PUB = "2024-10-25"


def _subjects(body: str, unit: str) -> list[str | None]:
    return [f.subject for f in extract_facts(body, PUB) if f.unit == unit]


def test_partial_scope_before_metric() -> None:
    # 局地 heads [scope][metric][figure]: it is part of the area named before it
    body = "明天，寒潮继续东移，降温中心将位于闽北至赣南一带，局地降幅12℃以上。"
    assert _subjects(body, "℃") == ["闽北至赣南一带局地"]


def test_area_of_an_earlier_clause() -> None:
    body = "明天降温重心在皖南、浙西一带，降幅普遍在8℃以上。"
    assert _subjects(body, "℃") == ["皖南、浙西一带"]
    # a clause that places nothing in an area gives none
    body = "明天降温重心偏南，降幅普遍在8℃以上。"
    assert _subjects(body, "℃") == [None]


def test_cause_is_no_subject() -> None:
    # 受寒潮影响: the cold wave is the cause; the area the sentence names is the subject
    body = (
        "寒潮来袭。寒潮将持续。受较强寒潮影响，闽北、赣南地区将有大风，"
        "气温普遍下降6～9℃。"
    )
    assert _subjects(body, "℃") == ["闽北、赣南地区", "闽北、赣南地区"]


def test_cause_frame_skips_only_the_cause() -> None:
    from etl.facts.facts import _named_before, _Names

    doc = _Names(["寒潮"], None)
    s = "受较强寒潮影响，气温普遍下降6℃"
    assert _named_before(s, doc, 0, 8, len(s) - 2) is None
    # the same name outside the frame is the name the sentence gives
    s = "预计明天寒潮南下，气温普遍下降6℃"
    assert _named_before(s, doc, 0, 9, len(s) - 2) == "寒潮"
