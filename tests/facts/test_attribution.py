"""Subject attribution against the article's names: which names count, and how a person
addressed by title or quoted as a source is handled."""

from etl.facts import extract_facts
from etl.facts.facts import _doc_names, _name_like, _speaker_share, _title_aliases


def test_two_character_common_words_are_not_names():
    assert not _name_like("性能")
    assert not _name_like("租金")
    assert _name_like("赵刚")  # surname + given name
    assert _name_like("小林")  # nickname
    assert _name_like("蓝光电池")
    assert _name_like("安娜", "安娜·科娃说")  # first part of a transliterated name


def test_a_person_addressed_by_title_is_the_person_named_in_full():
    assert _title_aliases(["周海生", "周老师", "杭州"]) == {"周老师": "周海生"}
    # two people share the surname: no guess
    assert _title_aliases(["周海生", "周明", "周老师"]) == {}


def test_title_form_subject_is_expanded():
    body = (
        "周海生是一名乡村教师。周海生在山里教书二十年。周老师每天步行上课。周老师很少休息。"
        "周老师资助了30名学生。周老师说，这些孩子很努力。周海生很少休息。周海生住在学校。"
    )
    facts = extract_facts(body, "2020-05-01")
    f = next(f for f in facts if f.value == 30)
    assert f.subject == "周海生"


def test_a_quoted_source_is_not_the_topic():
    s = "王一凡表示，蓝光电池很好。王一凡说，蓝光电池续航长。王一凡称，蓝光电池便宜。蓝光电池发布。"
    assert _speaker_share(s, "王一凡") == 1.0
    assert _speaker_share(s, "蓝光电池") == 0.0
    assert _doc_names(s).topic != "王一凡"


def test_running_topic_must_be_a_name_or_entity():
    body = "接下来形势怎么样还不好说。有192家企业获得投资。"
    f = extract_facts(body, "2020-05-01")[0]
    assert f.subject != "接下来形势怎么样还不好说"


def test_a_repeated_attributive_phrase_is_not_an_entity():
    from etl.facts.facts import _anchored, _Names

    s = "巨大的市场机会来了。巨大的市场机会在哪里。"
    assert not _anchored(s, _Names([], None), "巨大的市场机会")
    assert _anchored(s, _Names([], None), "江南机械厂")  # an entity head noun


def test_home_place_is_not_a_count_of_counties():
    from etl.facts.facts import _home_place

    s = "全县投资增长，位列三县两区第一。位列三县两区第二。安吉县很大，安吉县很美。"
    assert _home_place(s, "县", {}) == "安吉县"
