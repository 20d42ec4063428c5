"""Subjects are noun phrases: clause fragments are cut or rejected, and clauses without a
topic continue the entity an earlier clause of the sentence opened with."""

from etl.facts import extract_facts
from etl.facts.subjects import tidy_subject


def _subject(body: str, text: str) -> str | None:
    return next(f.subject for f in extract_facts(body, "2021-05-01") if f.text == text)


def test_tidy_cuts_the_predicate_after_a_name():
    assert tidy_subject("林晓峰几乎") == "林晓峰"
    assert tidy_subject("青禾物流共组织") == "青禾物流"
    assert tidy_subject("阿梅知道自己必须坚持") == "阿梅"
    assert tidy_subject("滨江分局现场缴") == "滨江分局"


def test_tidy_rejects_verbs_adverbs_and_cut_quotes():
    for junk in (
        "大约",
        "批准",
        "起码",
        "前几天",
        "接下来审核会不会",
        "续航不可避免",
        "销量“没有变化",
    ):
        assert tidy_subject(junk) is None, junk


def test_tidy_keeps_names_that_look_like_verbs_inside():
    for name in (
        "共享单车",
        "先进制造业",
        "未来科学大奖",
        "以色列",
        "都江堰市",
        "希望小学",
        "台江民中",
    ):
        assert tidy_subject(name) == name, name


def test_junk_subject_falls_back_to_the_article_topic():
    body = (
        "云帆手机今年发布了新机。云帆手机很轻。云帆手机卖得很好。云帆手机已经上市。\n"
        "重量不可避免的来到了220克。"
    )
    assert _subject(body, "220克") == "云帆手机"


def test_clause_continues_the_entity_an_earlier_clause_opened():
    body = "今年以来，滨江分局共组织宣讲300余场，入户走访2万余人次，发放手册5万余份。"
    assert _subject(body, "2万余人次") == "滨江分局"
    assert _subject(body, "5万余份") == "滨江分局"


def test_an_earlier_aspect_is_not_continued():
    # 前置 is an aspect of the phone, not an entity: the later clause keeps the phone
    body = (
        "星河X5手机今天发布。星河X5手机很轻。星河X5手机很薄。\n"
        "前置有1000万像素摄像头，电池容量为4000mAh。"
    )
    assert _subject(body, "4000mAh") != "前置"


def test_people_counted_belong_to_the_institution_not_the_protagonist():
    body = (
        "王建华是青松镇中学的校长。王建华来到青松镇中学已经五年。王建华每天早起。"
        "王建华说，孩子们需要机会。\n"
        "今年，有320名学生考上了高中。王建华为此捐出了2万元。"
    )
    assert _subject(body, "320名") == "青松镇中学"
    assert _subject(body, "2万元") == "王建华"  # money he gave stays his


def test_whole_school_refers_to_the_institution():
    body = "晨光小学位于河边。晨光小学建于1950年。\n去年，全校800名学生参加了运动会。"
    assert _subject(body, "800名") == "晨光小学"


def test_main_institution_grows_the_name_but_not_over_a_preposition():
    from etl.facts.subjects import main_institution

    s = "由远山医院牵头。远山医院很大。患者来到远山医院。"
    assert main_institution(s) == "远山医院"
    assert main_institution("今天天气很好。") is None


def test_whole_county_resolves_to_the_county_in_the_title():
    body = "1-6月，全县工业产值完成88.5亿元，同比增长6.1%。"
    facts = extract_facts(body, "2021-07-10", title="1-6月青山县工业稳中有进")
    assert facts[0].subject == "青山县"
    # without a title the collective reference stays as written
    assert extract_facts(body, "2021-07-10")[0].subject == "全县"


def test_specs_follow_a_product_the_paragraph_introduces_once():
    body = (
        "Nova X1 今天发布。Nova X1 很轻。Nova X1 的屏幕很大。Nova X1 支持快充。\n"
        "此外，平板电脑 Nova Pad Pro 也同时亮相，搭载骁龙 888 Plus 处理器，"
        "电池容量为 8000mAh，价格为 499 美元。"
    )
    assert _subject(body, "8000mAh") == "Nova Pad Pro"
    assert _subject(body, "499 美元") == "Nova Pad Pro"  # not the chip named as an object
