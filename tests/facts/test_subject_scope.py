"""Subject rules: partial scopes take the area named before; no name from a verb phrase."""

from etl.facts.facts import _doc_names, _scope_region, extract_facts


def test_partial_scope_takes_the_area_list_before_it() -> None:
    s = "昨天，山东西部、河南北部等地气温下降5～9℃，局地降幅达12℃。"
    cl = s.index("局地")
    assert _scope_region(s, 0, cl, "局地") == "山东西部、河南北部等地局地"


def test_partial_scope_without_area_stays() -> None:
    s = "受寒潮影响，局地降幅达12℃。"
    assert _scope_region(s, 0, s.index("局地"), "局地") == "局地"
    assert _scope_region(s, 0, s.index("局地"), "北京") == "北京"


def test_partial_scope_in_extracted_fact() -> None:
    body = "昨天，山东西部、河南北部等地气温下降5～9℃，局地降幅达12℃。"
    facts = [f for f in extract_facts(body, "2023-11-20") if f.value == 12]
    assert facts and facts[0].subject and "山东西部、河南北部等地" in facts[0].subject


def test_short_name_never_spans_a_function_character() -> None:
    body = (
        "他推掉了省里的邀请，又推掉了市里的安排。"
        "后来他再次推掉了县里的挽留。"
        "他谢绝了省里的好意，也谢绝了市里的好意，谢绝了县里的好意。"
    )
    assert not any("了" in nm for nm in _doc_names(body).names)
