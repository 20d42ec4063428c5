"""Periods: spans since a time, past/future year spans, cut-offs carried and 截至当时."""

from etl.facts import extract_facts
from etl.facts.periods import find_times


def _periods(text: str, pub: str = "2021-06-15") -> list[str]:
    return [t.period for t in find_times(text, pub)]


def test_since_a_month_runs_to_publication():
    assert _periods("今年3月开业以来，门店客流明显增加") == ["2021-03..2021-06"]


def test_future_and_past_year_spans():
    assert _periods("未来5年内将建设新校区") == ["2022..2026"]
    assert _periods("过去两年共修路") == ["2019..2020"]


def test_year_end_target_is_december():
    assert _periods("到2022年底，覆盖率将达到九成") == ["2022-12"]
    assert _periods("2020年末余额为50亿元") == ["2020"]


def test_cutoff_then_refers_to_the_time_named_before():
    ps = _periods("据2020年9月发布的报告，截至当时，全国门店已有300家")
    assert ps[-1] == "..2020-09"


def test_cutoff_holds_for_the_rest_of_its_paragraph():
    text = "截至5月31日，全区受理案件120宗；办结98宗，同比上升4%。\n6月，新增案件20宗。"
    fs = extract_facts(text, "2021-06-15")
    by_text = {f.text: f.period for f in fs}
    assert by_text["98宗"] == "..2021-05-31"
    assert by_text["20宗"] == "2021-06"


def test_time_of_a_sentence_without_figures_carries_to_the_next():
    text = "6月3日至5日，2021年滨江读书节在市图书馆举行。来自全市的80所学校参加。"
    f = [x for x in extract_facts(text, "2021-06-15") if x.unit == "所"][0]
    assert f.period == "2021-06-03..2021-06-05"


def test_forecast_window_across_two_days_is_a_day_range():
    ts = find_times("中央气象台预计，12日08时至13日08时，西北地区有小雪", "2021-03-12")
    assert [t.period for t in ts] == ["2021-03-12..2021-03-13"]


def test_this_morning_and_last_night_are_days():
    assert [t.period for t in find_times("今晨气温下降", "2021-03-12")] == ["2021-03-12"]
    assert [t.period for t in find_times("昨晚风很大", "2021-03-12")] == ["2021-03-11"]


def test_this_week_is_monday_to_sunday():
    # 2021-03-12 is a Friday
    assert [t.period for t in find_times("本周气温偏低", "2021-03-12")] == [
        "2021-03-08..2021-03-14"
    ]
    assert [t.period for t in find_times("上周销量下滑", "2021-03-12")] == [
        "2021-03-01..2021-03-07"
    ]


def test_a_day_followed_by_an_hour_is_a_day():
    assert [t.period for t in find_times("市气象台12日6时发布预报", "2021-03-12")] == ["2021-03-12"]


def test_a_survey_at_a_cut_off_is_a_snapshot():
    body = "截至5月上旬，一份对300家企业的问卷调查显示，订单减少的占41.5%。"
    f = next(f for f in extract_facts(body, "2021-06-15") if f.value == 41.5)
    assert f.period == "2021-05"


def test_a_base_of_the_year_before_follows_the_year_named():
    body = "2016年，全省软件业收入增速为18.2%，增速比上年的21.4%有所回落。"
    f = next(f for f in extract_facts(body, "2018-03-01") if f.value == 21.4)
    assert f.period == "2015"
