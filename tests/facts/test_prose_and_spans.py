"""Figures outside prose or in fixed phrases, share splits, event and holiday spans."""

from etl.facts import extract_facts


def _facts(body: str, pub: str = "2021-06-15"):
    return extract_facts(body, pub)


def _texts(body: str, pub: str = "2021-06-15") -> list[str]:
    return [f.text for f in _facts(body, pub)]


def test_summary_box_figure_repeated_below_is_one_mention():
    body = (
        "划重点：\n某市今年新开门店120家，客流回升。\n"
        "记者从市商务局获悉，某市今年新开门店120家，另有30家正在装修。"
    )
    assert _texts(body) == ["120家", "30家"]


def test_summary_line_with_label_only_skips_restated_figures():
    body = "摘要：本届比赛吸引了超过300人报名。\n本届比赛吸引了超过300人报名，创历年新高。"
    assert _texts(body) == ["超过300人"]


def test_idioms_and_fixed_terms_are_not_counts():
    assert _texts("他上场后判若两人，状态极好。") == []
    assert _texts("坚持“三个代表”重要思想。") == []
    assert _texts("开展金融知识进万家宣传。") == []


def test_du_before_a_verb_counts_occasions():
    f = _facts("该选手两度夺得冠军。")
    assert [(x.value, x.unit) for x in f] == [(2, "次")]


def test_magnitude_tier_is_not_a_grade():
    assert _texts("这是一家千万级的网红店。") == []
    assert [f.unit for f in _facts("当地发生6.2级地震。")] == ["级"]


def test_distributive_people_is_not_a_count():
    assert _texts("教室里学生四人一组讨论。") == []


def test_hundred_percent_as_intensifier():
    assert _texts("面料柔软，100%好穿。") == []
    assert _texts("完成率达到100%。") == ["100%"]


def test_ratio_split_into_shares():
    f = _facts("1-5月，三次产业增加值占比为8.5:40.2:51.3。")
    assert [(x.value, x.unit) for x in f] == [(8.5, "%"), (40.2, "%"), (51.3, "%")]
    assert _texts("会议时间为10:30:45。") == []


def test_base_of_same_period_last_year_follows_the_article_period():
    body = "1-9月，全市完成投资120亿元。投资结构由去年同期的2.1:40.5:57.4调整为1.9:41.1:57。"
    got = [(f.value, f.period) for f in _facts(body, "2018-10-20")]
    assert got[1] == (2.1, "2017-01..2017-09")
    assert got[4] == (1.9, "2018-01..2018-09")


def test_currently_with_total_is_a_cutoff():
    f = _facts("目前，当地警方共开展宣传300余次，发放传单2万余份。", "2021-06-15")
    assert [x.period for x in f] == ["..2021-06-15", "..2021-06-15"]


def test_holiday_week_from_the_table_and_later_in_the_sentence():
    f = _facts("预计约有5亿人次在国庆黄金周期间出游。", "2019-09-28")
    assert f[0].period == "2019-10-01..2019-10-07"
    f = _facts("今年春节假期，全市接待游客80万人次。", "2021-02-18")
    assert f[0].period == "2021-02-11..2021-02-17"


def test_figures_about_the_event_take_its_days():
    body = (
        "6月3日至5日，第五届某某产业博览会在成都举行。\n"
        "6月4日上午，大会举行了签约仪式。\n"
        "本届博览会共吸引参展企业800余家，与会嘉宾作了40场报告。"
    )
    f = _facts(body, "2021-06-08")
    assert [(x.text, x.period) for x in f] == [
        ("800余家", "2021-06-03..2021-06-05"),
        ("40场", "2021-06-03..2021-06-05"),
    ]
