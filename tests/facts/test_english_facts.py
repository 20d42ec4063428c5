"""English figures: value, unit, approx, metric, subject and period on invented sentences."""

from __future__ import annotations

from etl.facts import extract_facts
from etl.facts.english import is_english

PUB = "2024-10-25 09:30"


def _facts(body: str) -> list[tuple[str, float, str, str | None]]:
    return [(f.text, f.value, f.unit, f.approx) for f in extract_facts(body, PUB)]


def test_change_and_level_with_subject_and_half_year():
    body = (
        "Revenue at Acme Corp rose 12.5% to $5.1 billion in the first half of 2024, "
        "the company said."
    )
    pct, money = extract_facts(body, PUB)
    assert (pct.value, pct.unit, pct.metric, pct.subject) == (
        12.5,
        "%",
        "revenue rose",
        "Acme Corp",
    )
    assert (money.value, money.unit, money.metric) == (5.1e9, "美元", "revenue")
    assert money.period == pct.period == "2024-H1"
    assert body[money.start : money.end] == money.text == "$5.1 billion"
    assert money.sentence == body


def test_count_of_firms_with_approx_and_place():
    f = extract_facts("About 2,000 tech firms have settled in the park.", PUB)[0]
    assert (f.value, f.unit, f.approx, f.metric, f.subject) == (
        2000,
        "家",
        "~",
        "tech firms",
        "the park",
    )


def test_people_are_ren_and_other_nouns_take_ge():
    facts = extract_facts("The plant employs 300 workers and runs 12 assembly halls.", PUB)
    assert [(f.value, f.unit, f.metric) for f in facts] == [
        (300, "人", "workers"),
        (12, "个", "assembly halls"),
    ]


def test_multipliers_and_currencies():
    got = _facts(
        "Exports reached 3.4 bn yuan. Imports were HK$820m. Sales hit €1.2 trillion. "
        "Profit was £45,000. The fund holds 7.5 million euros."
    )
    assert [(v, u) for _, v, u, _ in got] == [
        (3.4e9, "元"),
        (820e6, "港元"),
        (1.2e12, "欧元"),
        (45000, "英镑"),
        (7.5e6, "欧元"),
    ]


def test_measures_words_and_symbols():
    got = _facts(
        "The port handled 45,000 TEU and 1.2 million tonnes of grain, and a 10 km line opened."
    )
    assert [(v, u) for _, v, u, _ in got] == [(45000, "标箱"), (1.2e6, "吨"), (10, "km")]


def test_percentage_points_and_basis_points():
    got = _facts(
        "The jobless rate fell 0.3 percentage points; the bank cut rates by 25 basis points."
    )
    assert [(v, u) for _, v, u, _ in got] == [(0.3, "个百分点"), (25, "个基点")]


def test_ranges_are_two_facts():
    got = _facts("The project will cost 3 to 5 billion yuan.")
    assert [(v, u) for _, v, u, _ in got] == [(3e9, "元"), (5e9, "元")]
    got = _facts("Growth is expected to be between 10 and 12 percent.")
    assert [(v, u) for _, v, u, _ in got] == [(10, "%"), (12, "%")]


def test_approx_words():
    got = _facts(
        "More than 500 companies joined. Fewer than 40 vessels called. "
        "Nearly 80% agreed. Upwards of $2 billion flowed in. Under 5% left."
    )
    assert [a for *_, a in got] == [">", "<", "~", ">", "<"]


def test_periods_resolved_against_publication():
    cases = {
        "In the third quarter, exports rose 8%.": "2024-Q3",
        "Exports rose 8% in September.": "2024-09",
        "Exports rose 8% last year.": "2023",
        "Exports rose 8% in 2013.": "2013",
        "Exports have risen 8% so far this year.": "2024-01..2024-10",
        "Exports rose 8% from 2013 to 2023.": "2013..2023",
        "Exports rose 8% in January-September.": "2024-01..2024-09",
        "In H1, exports rose 8%.": "2024-H1",
        "Exports rose 8% in the first nine months of this year.": "2024-01..2024-09",
    }
    for body, period in cases.items():
        f = extract_facts(body, PUB)[0]
        assert (f.value, f.period) == (8, period), body


def test_comparison_base_is_not_the_period():
    f = extract_facts("Exports in Q2 rose 6% from a year earlier.", PUB)[0]
    assert f.period == "2024-Q2"
    assert f.metric == "exports rose from a year earlier"


def test_not_facts_dates_ages_ordinals_phones_years():
    body = (
        "On October 12, 2024, the 45-year-old manager, aged 45, opened the 26th fair at "
        "10:30 a.m. for the third time in 2023. Call +86 22 2345 6789 for details. "
        "The Galaxy S20 and A320 were shown."
    )
    assert extract_facts(body, PUB) == []


def test_converted_amount_in_brackets_shares_the_metric():
    body = "The province approved total investment of 34.5 billion yuan ($4.8 billion)."
    a, b = extract_facts(body, PUB)
    assert (a.unit, b.unit) == ("元", "美元")
    assert a.metric == b.metric == "total investment"


def test_dispatch_by_script_share():
    assert is_english("Revenue rose 5% to $3 billion.")
    assert not is_english("三星Galaxy S20系列手机销量达到1000万台。")
    f = extract_facts("三星Galaxy S20系列手机销量达到1000万台。", PUB)[0]
    assert (f.value, f.unit) == (1e7, "台")
