"""Attendees counted in a report on an event are the event's (own sentences)."""

from __future__ import annotations

from etl.facts import extract_facts

PUB = "2024-10-25"

LEAD = "6月3-5日，2024年东湖水资源论坛在武昌举行。本次论坛由湖城大学主办。"


def _subjects(body: str, unit: str) -> list[str | None]:
    return [f.subject for f in extract_facts(body, PUB) if f.unit == unit]


def test_members_by_example() -> None:
    body = LEAD + "在主旨报告环节，湖城大学张明教授、江城大学李华教授等8位专家作了报告。"
    assert _subjects(body, "人") == ["2024年东湖水资源论坛"]


def test_members_by_origin() -> None:
    body = LEAD + "来自湖城大学、江城大学等40余所高校的300余名学者参加了会议。"
    assert _subjects(body, "所") == ["2024年东湖水资源论坛"]
    assert _subjects(body, "人") == ["2024年东湖水资源论坛"]


def test_attendance_metric() -> None:
    body = "由湖城科技主办的第五届云安全峰会在杭州举行。活动吸引了众多企业，参会人数超过了900人。"
    assert _subjects(body, "人") == ["第五届云安全峰会"]


def test_no_event_no_change() -> None:
    # without an event the lead announces, the counted people keep their own subject
    body = "湖城大学今年新进教师。湖城大学张明、李华等8位教授入选。"
    assert _subjects(body, "人") == ["湖城大学张明、李华等"]


def test_other_counts_in_an_event_report() -> None:
    # a count that is neither of attendees nor given by members keeps its own subject
    body = LEAD + "湖城大学今年共有学生3万人。"
    assert _subjects(body, "人") == ["湖城大学"]
