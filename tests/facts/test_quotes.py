"""Quote extractor rules, each on a sentence written for the test."""

from __future__ import annotations

from etl.facts import extract_quotes


def _sp(body: str) -> list[tuple[str, str]]:
    return [(q.speaker, q.text[:4]) for q in extract_quotes(body)]


def test_titles_and_scare_quotes_are_not_speech():
    body = (
        "该市启动了题为“智慧城市建设”的论坛，被誉为“东方明珠”。周建国说，企业有了“加速度”的感觉。"
    )
    assert extract_quotes(body) == []


def test_generic_speaker_blocks_fallback():
    body = "赵明远说：“今年订单很好，我们很满意。”\n一位网友留言：“价格太贵了，我买不起。”"
    assert _sp(body) == [("赵明远", "今年订单")]


def test_kinship_after_name_is_not_the_name():
    body = "小军（化名）说：“我没有拿，真的。”小军奶奶说：“孩子平时很乖，不会撒谎。”"
    assert _sp(body) == [("小军", "我没有拿")]


def test_honorific_refers_back_to_full_name():
    body = (
        "林建华来到山区任教。林建华到任后整顿学风，林建华很快赢得了尊重。\n"
        "林校长笑着说：“孩子们进步很快，我很高兴。”"
    )
    assert _sp(body) == [("林建华", "孩子们进")]


def test_sentence_subject_without_speech_verb():
    body = "郑先生松了口气，“至少今天没有下雨，搜救可以继续。”"
    assert _sp(body) == [("郑先生", "至少今天")]


def test_previous_sentence_subject_for_opening_quote():
    body = "郑先生对此并不意外。“这个结果我们早就想到了。”\n"
    assert _sp(body) == [("郑先生", "这个结果")]


def test_quote_followed_by_person_sentence():
    body = "“我们的产品已经出口到二十多个国家。”回顾过去五年，海川科技公司总经理柯文涛感到很自豪。"
    q = extract_quotes(body)[0]
    assert (q.speaker, q.role) == ("柯文涛", "总经理")


def test_pronoun_resolves_to_last_named_person():
    body = "记者见到了韩立平，韩立平在这里工作了十年。他表示：“明年我们还要扩大规模，争取翻一番。”"
    assert _sp(body) == [("韩立平", "明年我们")]


def test_short_quote_needs_adjacent_verb_and_no_noun_after():
    assert _sp("周建国坦言：“很难。”") == [("周建国", "很难。")]
    assert extract_quotes("周建国介绍，“外挂”芯片的功耗更高。") == []


def test_apposition_generic_then_name():
    body = "孩子母亲方女士表示，她会一直等下去。“只要还有希望，我就不会离开这里。”"
    assert _sp(body) == [("方女士", "只要还有")]


def test_address_in_question_is_not_the_answerer():
    body = (
        "宋立军组织了车队，宋立军每天都很忙。\n“宋立军，你为什么要这样做？”\n"
        "“因为大家需要帮助，我能做一点是一点。”"
    )
    assert _sp(body) == [("宋立军", "因为大家")]


def test_adjacent_verb_is_not_part_of_the_name():
    body = "尹文博上台后说，今天很高兴。听到嘉宾抱怨很累，尹文博直接回“那还好吧”。"
    assert _sp(body) == [("尹文博", "那还好吧")]


def test_filler_before_verb_and_title_words():
    assert _sp("孟海涛在比赛开始前叮嘱道：“放轻松，别着急。”") == [("孟海涛", "放轻松，")]
    assert _sp("“市场会好起来。”程立对《财经周刊》表示。") == [("程立", "市场会好")]
    q = extract_quotes("前自由党党魁葛文森引用一句老话说：“冬天总会过去。”")[0]
    assert (q.speaker, q.role) == ("葛文森", "党魁")


def test_speaker_in_clause_before_the_verb_clause():
    body = "曾带领团队扭亏为盈的邵红梅，在年度股东会上表示，“我们不会追求规模，只求稳健。”"
    assert _sp(body) == [("邵红梅", "我们不会")]


def test_nested_ascii_quotes_inside_a_quote():
    body = '“骗子自称是"王科长"，让老人把钱转走。”民警童晓峰介绍。'
    assert _sp(body) == [("童晓峰", "骗子自称")]


def test_name_right_after_quote_beats_far_verb():
    body = (
        "骗子向罗大爷强调，这件事必须保密，“他们都说这是秘密调查，不能告诉家人”，民警童晓峰介绍。"
    )
    assert _sp(body) == [("童晓峰", "他们都说")]


def test_colon_line_naming_an_unnamed_person_is_not_the_main_speaker():
    body = "钱家豪四处奔走，钱家豪终于找到了办法。\n街道领导最后批复：\n“可以开工，但要注意安全。”"
    assert extract_quotes(body) == []


def test_standalone_question_before_an_answer_is_the_interviewer():
    body = (
        "钱家豪每天给医院送饭，钱家豪从不收钱。\n“这样做图什么呢？”\n"
        "“他们太辛苦了，我帮一点是一点。”"
    )
    assert _sp(body) == [("钱家豪", "他们太辛")]


def test_whole_clause_quote_after_a_distant_verb():
    body = "葛振东透露，一套设备的价格在两三千元之间，“材料和人工几乎各占一半”。"
    assert _sp(body) == [("葛振东", "材料和人")]


def test_pronoun_skips_objects_and_back_references():
    body = (
        "在一家工厂做会计的苗晓燕（化名）最近辞职了。她所在的公司经营困难。\n"
        "“日子越来越难过。”她对记者表示。"
    )
    assert _sp(body) == [("苗晓燕", "日子越来")]
    body = (
        "冯德利表示，他来这里已经五年了。这位退休老人每天都去公园，因为他认为“这里的人真的很友善”。"
    )
    assert _sp(body) == [("冯德利", "这里的人")]


def test_list_of_quotations_shares_one_speaker():
    body = (
        "霍文涛表示会继续努力。观众整理了霍文涛的口误集锦，其中有“我忘词了，对不起”、“这里是哪儿？”"
        "大家纷纷吐槽“太尴尬了”、“念都念不顺，怎么选的人”。"
    )
    assert _sp(body) == [("霍文涛", "我忘词了"), ("霍文涛", "这里是哪")]


def test_list_of_words_in_marks_is_not_speech():
    assert extract_quotes("石海峰说，城市交通经历了“步行、马车、电车、地铁”四个阶段。") == []


def test_sentence_after_a_question_in_quotes_starts_fresh():
    body = "邱明辉问道：“你们还好吗？”众人纷纷回答：“很好，谢谢关心。”"
    assert _sp(body) == [("邱明辉", "你们还好")]


def test_self_description_verb_and_adverb_fangmian():
    body = "“以前一块钱就够了，现在要五块。”贺明轩自称是公交车的常客。"
    assert _sp(body) == [("贺明轩", "以前一块")]
    body = "贺明轩表示，一方面这说明市场变大了。\n他说：“价格还会再涨，很正常。”"
    assert _sp(body) == [("贺明轩", "价格还会")]


def test_who_said_this_in_the_next_paragraph():
    body = (
        "“我很喜欢这座城市，这里很有活力。”\n"
        "说这话的老人鲁德明来自外地。鲁德明笑着说，他会一直住下去。"
    )
    assert _sp(body) == [("鲁德明", "我很喜欢")]


def test_short_quote_with_named_speaker_right_after():
    body = "“降价只是暂时的手段”，樊志刚提醒消费者理性看待价格。"
    assert _sp(body) == [("樊志刚", "降价只是")]


def test_colon_takes_the_subject_of_the_nearest_clause():
    body = (
        "邵立新说，孩子失联已经十天了。"
        "他失联的第十天，邵立新发了一条朋友圈：“儿子快回家，爸爸等你。”"
    )
    assert _sp(body) == [("邵立新", "儿子快回")]
    body = "他最放心不下年迈的母亲，老母亲得知消息后非常支持：“家里有我，你放心去吧。”"
    assert extract_quotes(body) == []


def test_descriptive_title_is_the_whole_phrase():
    q = extract_quotes("业内资深人士郝建平坦言，“租金普遍上调了，现在起码三元一小时。”")[0]
    assert (q.speaker, q.role, q.org) == ("郝建平", "业内资深人士", None)


def test_gai_organisation_resolves_to_the_one_named_before():
    body = (
        "家人带他去江城市第二人民医院做了检查。\n"
        "次日，该院主治医师蔡文昌回忆，“眼睛没有大问题，开了点药就回去了。”"
    )
    q = extract_quotes(body)[0]
    assert (q.speaker, q.role, q.org) == ("蔡文昌", "主治医师", "江城市第二人民医院")


def test_straight_closing_mark_after_curly_opening():
    body = '接到班主任“孩子摔倒了"通知后，家长赶到学校。\n戴振宇说，“当时没有人看见。”'
    assert _sp(body) == [("戴振宇", "当时没有")]


def test_title_after_the_name():
    body = "这封信是邬建国老师写的。邬建国坦言：“工资太低，我养不起家。”"
    q = extract_quotes(body)[0]
    assert (q.speaker, q.role) == ("邬建国", "老师")
