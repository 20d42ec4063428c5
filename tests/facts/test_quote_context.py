"""Quote attribution from context (paragraph lead, pronouns, earlier sentences), each on
sentences written for the test, with a counter-example."""

from __future__ import annotations

from etl.facts import extract_quotes


def _sp(body: str) -> list[tuple[str, str]]:
    return [(q.speaker, q.text[:4]) for q in extract_quotes(body)]


def test_paragraph_lead_speaker_goes_on():
    body = (
        "海川农机厂厂长邵文博介绍，近年来，工厂与南方市场往来日益密切。"
        "工厂在播种、收割等方面具有优势。"
        "“明年我们会继续扩大产能，把更多的农机卖到南方去。”"
    )
    assert _sp(body) == [("邵文博", "明年我们")]


def test_paragraph_lead_stops_when_someone_else_enters():
    body = (
        "邵文博说，工厂今年很忙。车间主任蒋立新也在车间加班。"
        "“机器一刻不停，我们轮流休息。”"
    )
    assert ("邵文博", "机器一刻") not in _sp(body)


def test_pronoun_prefers_the_subject_who_speaks():
    body = (
        "黎小军说，他会去图书馆。\n"
        "面对记者，小虎称，自己当时在写作业。被问为何拉黎小军的手，他说，"
        "当时门口很挤，“是想扶他一下的”。"
    )
    assert ("小虎", "是想扶他") in _sp(body)


def test_earlier_sentence_object_is_not_the_speaker():
    # '给对方' is an object: the earlier sentence's subject 韩立峰 speaks
    body = (
        "韩立峰说：“先把饭送过去。”\n"
        "不想再给对方添麻烦，韩立峰只好另想办法。\n"
        "“要是我自己租一个厨房，再去找免费的菜呢？”"
    )
    assert _sp(body)[-1] == ("韩立峰", "要是我自")


def test_earlier_sentence_generic_subject_blocks():
    body = "韩立峰说：“先把饭送过去。”\n一位网友看了很感动。\n“这样的人太少了，我要点赞！”"
    assert _sp(body) == [("韩立峰", "先把饭送")]


def test_words_received_or_believed_after_a_colon_are_not_speech():
    body = (
        "开学第一天，他收到一封请假信： “家里有事，我要回老家一趟。”\n"
        "比起分数，他更坚信一句话：\n“读书是为了明白事理。”"
    )
    assert extract_quotes(body) == []


def test_a_speech_verb_before_the_colon_still_quotes():
    body = "常立德说：“大家辛苦了。”\n常立德收到录取通知，他说：“明年还要努力。”"
    assert _sp(body) == [("常立德", "大家辛苦"), ("常立德", "明年还要")]


def test_descriptive_title_starts_after_the_verb():
    body = "这些歌都是出自国家一级作曲家、著名音乐家钟秋实之手。钟秋实说：“写歌要有童心。”"
    q = extract_quotes(body)[0]
    assert (q.speaker, q.role) == ("钟秋实", "国家一级作曲家")


def test_descriptive_title_without_a_verb_is_kept_whole():
    q = extract_quotes("业内资深人士严明说：“价格还会涨。”")[0]
    assert (q.speaker, q.role) == ("严明", "业内资深人士")


def test_children_shouting_are_not_the_person_named_before():
    body = (
        "钟秋实说：“写歌要有童心。”\n那时孩子们放学回家，"
        "回头挥着小手喊道，“明天见！明天见！”"
    )
    assert _sp(body) == [("钟秋实", "写歌要有")]


def test_post_given_in_an_apposition():
    body = (
        "她就是方雨桐，她是维也纳音乐学院的研究生。\n"
        "方雨桐说：“我每天练琴八个小时。”"
    )
    q = extract_quotes(body)[0]
    assert (q.speaker, q.role, q.org) == ("方雨桐", "研究生", "维也纳音乐学院")


def test_post_after_zuowei():
    body = "作为一家物流公司的副总裁，骆振华对此感受更深。“订单少了三成。”骆振华说。"
    q = extract_quotes(body)[0]
    assert (q.speaker, q.role, q.org) == ("骆振华", "副总裁", "物流公司")


def test_apposition_without_a_post_gives_no_role():
    body = "方雨桐是一个爱笑的女孩。方雨桐说：“我每天练琴八个小时。”"
    q = extract_quotes(body)[0]
    assert (q.speaker, q.role) == ("方雨桐", None)
