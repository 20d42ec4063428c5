"""Units that name their measure, ratio splits, outlets and proper names (hand-written)."""

from __future__ import annotations

from etl.facts import extract_facts
from etl.facts.subjects import outlet_names, salient_terms

PUB = "2024-10-25"


def _facts(body: str):
    return extract_facts(body, PUB)


def test_wind_grade_is_wind_force():
    fs = _facts("明天江南北部将有5～6级、阵风7级偏北风。")
    assert [f.metric for f in fs][:2] == ["风力", "风力"]
    assert all(f.subject == "江南北部" for f in fs)


def test_temperature_without_a_measure_word():
    fs = _facts("长沙将由昨天的26℃降到今天的9℃。")
    assert [f.metric for f in fs] == ["气温", "气温"]
    assert [f.subject for f in fs] == ["长沙", "长沙"]


def test_nanometres_in_a_chip_article_are_the_process():
    assert _facts("新一代手机芯片采用5纳米打造。")[0].metric == "制程工艺"


def test_money_per_hour_is_a_rate():
    assert _facts("这里的自行车租金是3元每小时。")[0].metric == "每小时租金"


def test_three_sector_split_names_each_part():
    fs = _facts("该市三次产业结构由去年的5.2:40.1:54.7调整为4.9:39.8:55.3。")
    assert [f.metric[:4] for f in fs] == ["第一产业", "第二产业", "第三产业"] * 2


def test_listed_split_names_each_part():
    fs = _facts("农业、工业和服务业的比例为10:35:55。")
    assert [f.metric for f in fs] == ["农业比例", "工业比例", "服务业比例"]


def test_outlet_is_never_a_subject():
    body = (
        "据南方日报报道，新款手机已售出300万台。南方日报记者了解到，新款手机很受欢迎。"
        "南方日报记者还了解到，新款手机共有三种颜色。"
    )
    assert "南方日报" in outlet_names(body)
    assert all(not (f.subject or "").startswith("南方日报") for f in _facts(body))


def test_metric_before_figure_leaves_the_subject():
    f = _facts("恒生指数跌2%。")[0]
    assert (f.metric, f.subject) == ("跌", "恒生指数")


def test_interpunct_name_after_a_relative_clause():
    f = _facts("以宽敞舒适著称的远航邮轮·海之梦号长300米。远航邮轮·海之梦号将于明年首航。")[0]
    assert f.subject == "远航邮轮·海之梦号"


def test_long_repeated_name_is_not_cut():
    text = (
        "深圳前海国际会展中心今天开幕。深圳前海国际会展中心面积很大。"
        "深圳前海国际会展中心位于前海。市民可乘地铁前往深圳前海国际会展中心。"
    )
    assert "深圳前海国际会展中心" in salient_terms(text)


def test_storage_size_before_a_price():
    fs = [f for f in _facts("这款平板128GB售3299元，256GB售3799元。") if f.unit == "GB"]
    assert [f.metric for f in fs] == ["存储容量", "存储容量"]
