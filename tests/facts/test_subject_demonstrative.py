"""A demonstrative with a generic head (该小区, 该楼栋, 这家公司) opening a clause refers
back to the last entity of that kind the article named before it."""

from etl.facts import extract_facts


def _subject(body: str, text: str) -> str | None:
    return next(f.subject for f in extract_facts(body, "2021-05-01") if f.text == text)


def test_estate_named_in_quotes():
    body = "业主投诉的楼盘名为“翠湖雅苑”，开发商尚未回应。该小区绿化率仅为12%。"
    assert _subject(body, "12%") == "翠湖雅苑"


def test_building_named_after_a_verb():
    body = "市民王某路过东风路一大厦时听到呼救声。民警赶到现场。该楼栋总共31层。"
    assert _subject(body, "31层") == "东风路一大厦"


def test_company_named_earlier():
    body = "记者走访了星河电子公司。这家公司今年营收达到8亿元。"
    assert _subject(body, "8亿元") == "星河电子公司"


def test_project_named_in_an_earlier_clause_of_the_sentence():
    body = "去年交付的江城明珠花园项目出现漏水，该楼盘共有12栋住宅楼。"
    assert _subject(body, "12栋") == "江城明珠花园项目"


def test_no_named_entity_of_that_kind_gives_no_reference():
    # only generic mentions (一家公司) before: the reference stays unresolved, no name made up
    body = "他曾在一家公司工作。该公司今年营收达到8亿元。"
    assert _subject(body, "8亿元") != "一家公司"


def test_a_bare_generic_word_is_no_estate_name():
    body = "物业承诺改善小区环境。该小区共有12栋住宅楼。"
    assert _subject(body, "12栋") != "改善小区"
