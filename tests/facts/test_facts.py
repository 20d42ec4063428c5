"""Rule tests for etl.facts on hand-written sentences, plus the seed gold page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.facts import EXTRACTOR_VERSION, extract_facts, extract_quotes

PUB = "2024-10-25"


def _one(body: str, unit: str | None = None):
    facts = extract_facts(body, PUB)
    if unit:
        facts = [f for f in facts if f.unit == unit]
    assert facts, f"no fact in {body!r}"
    return facts


def test_version():
    assert EXTRACTOR_VERSION


def test_multipliers_and_offsets():
    body = "今年上半年，该省规模以上工业企业营业收入5.1万亿元。"
    f = _one(body)[0]
    assert f.value == 5.1e12 and f.unit == "元"
    assert body[f.start : f.end] == f.text
    assert "营业收入" in (f.metric or "")
    assert f.period == "2024-H1"


def test_chinese_numerals_and_measure_words():
    f = _one("公司先后推出了两款新产品。")[0]
    assert (f.value, f.unit) == (2, "款")
    f = _one("该项目带动就业一百三十多万人。")[0]
    assert (f.value, f.unit, f.approx) == (1_300_000, "人", ">")


def test_fullwidth_and_thousands():
    f = _one("全年接待游客１２,５００人次。")[0]
    assert (f.value, f.unit) == (12500, "人次")


def test_people_units_fold_to_ren():
    units = {f.unit for f in extract_facts("共有9名嫌疑人和12位专家参加。", PUB)}
    assert units == {"人"}


def test_approx_words():
    assert _one("园区已吸引2000余家企业。")[0].approx == ">"
    assert _one("京冀企业超200家。")[0].approx == ">"
    assert _one("参会者不到300人。")[0].approx == "<"
    assert _one("销售额约50万元。")[0].approx == "~"
    assert _one("成本在1000元左右。")[0].approx == "~"


def test_range_shares_multiplier_and_unit():
    vals = sorted(f.value for f in extract_facts("预计投资3至5亿元。", PUB))
    assert vals == [3e8, 5e8]
    vals = sorted(f.value for f in extract_facts("每周训练一到两次。", PUB))
    assert vals == [1, 2]


def test_shares_as_percent():
    f = _one("其中四成企业获得投资。")[0]
    assert (f.value, f.unit) == (40, "%")
    f = _one("使用时长只有原来的三分之一。")[0]
    assert (f.value, f.unit) == (33.33, "%")


def test_multiples():
    f = _one("性能提升了3倍。")[0]
    assert (f.value, f.unit) == (3, "倍")


def test_change_metric_and_percent():
    facts = extract_facts("营业额385.7亿元，同比增长42.2%。", PUB)
    pct = [f for f in facts if f.unit == "%"][0]
    assert pct.value == 42.2 and "同比增长" in (pct.metric or "")


def test_percentage_points():
    f = _one("毛利率下滑4.51个百分点。")[0]
    assert (f.value, f.unit) == (4.51, "个百分点")


def test_change_from_to_has_own_periods():
    body = "技术合同成交额由2013年的71.2亿元增长至2023年的748.7亿元，年均增长率26.5%。"
    facts = extract_facts(body, PUB)
    by_val = {f.value: f for f in facts}
    assert by_val[7.12e9].period == "2013"
    assert by_val[7.487e10].period == "2023"
    assert by_val[26.5].period == "2013..2023"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("前三季度，全市实现产值100亿元。", "2024-01..2024-09"),
        ("1-9月，全市实现产值100亿元。", "2024-01..2024-09"),
        ("三季度，全市实现产值100亿元。", "2024-Q3"),
        ("9月，全市实现产值100亿元。", "2024-09"),
        ("去年，全市实现产值100亿元。", "2023"),
        ("截至目前，园区已吸引200家企业。", "..2024-10-25"),
    ],
)
def test_periods(text, period):
    assert _one(text)[0].period == period


def test_not_facts():
    body = (
        "七年前开工建设。第二十六届博览会于2024年10月25日10时举行。一年多以来，"
        "他今年35岁。通过打破一亩三分地，企业有了“1+1大于2”的感受。电话010-12345678。"
    )
    assert extract_facts(body, PUB) == []


def test_traditional_and_simplified_same_metric():
    a = extract_facts("京津冀三地規模以上工業企業營業收入5.1萬億元。", PUB)[0]
    b = extract_facts("京津冀三地规模以上工业企业营业收入5.1万亿元。", PUB)[0]
    assert (a.value, a.unit, a.metric, a.subject) == (b.value, b.unit, b.metric, b.subject)
    assert "營業收入" in a.sentence


def test_english_figures():
    facts = extract_facts("The company raised $1.2 billion, up 12.5% from last year.", PUB)
    got = {(f.value, f.unit) for f in facts}
    assert (1.2e9, "美元") in got and (12.5, "%") in got


def test_never_raises():
    assert extract_facts("", None) == []
    assert extract_facts("今年营业收入5亿元。", None)[0].period is None
    assert extract_quotes("") == []


def test_quote_after_with_role_chain():
    body = "“园区提供了良好的环境，让我们更有信心。”天大智图总经理贾勇哲说，环境正吸引人才。"
    q = extract_quotes(body)[0]
    assert (q.speaker, q.role, q.org) == ("贾勇哲", "总经理", "天大智图")
    assert body[q.start : q.end] == q.text


def test_quote_long_role_chain():
    body = (
        "“我们已经初步形成了四大产业集群。”天津市宝坻区副区长、京津中关村科技城党工委书记王浩表示。"
    )
    q = extract_quotes(body)[0]
    assert q.speaker == "王浩" and q.role == "副区长" and q.org == "天津市宝坻区"


def test_quote_before_and_repeated_name():
    body = (
        "铁路物流中心业务指导王哲说，班列开行数量不断提升。\n"
        "“货源品类也从钢材、小麦，发展为多个新品类。”王哲说。\n"
        "李明表示：“我们会继续努力，做好服务。”"
    )
    qs = extract_quotes(body)
    assert [q.speaker for q in qs] == ["王哲", "李明"]
    assert qs[0].role == "业务指导"


def test_quote_spanning_paragraphs():
    body = "张伟说：“第一段话，我们很高兴。\n“第二段话，我们会继续。”\n其他内容。"
    q = extract_quotes(body)[0]
    assert q.speaker == "张伟" and "第二段话" in q.text and "“" not in q.text


def test_traditional_quote():
    q = extract_quotes("「我們將串珠成鏈，聚鏈成群。」天津市工信局局長尹繼輝說。")[0]
    assert q.speaker == "尹继辉" and q.role == "局长"


def test_scare_quotes_are_not_speech():
    assert extract_quotes("三地共同打造“六链五群”，在发展的“快车道”上疾驰。") == []


SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.mark.skipif(
    not (SHARED / "gold" / "seed").is_dir(),
    reason="/work/shared gold seed not present (run inside the project workspace)",
)
def test_seed_all_facts_and_quotes():
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    score._init_t2s()
    for f in sorted((SHARED / "gold" / "seed").glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        pf = [x.as_dict() for x in extract_facts(g["body"], g["published"])]
        pq = [x.as_dict() for x in extract_quotes(g["body"])]
        assert len(score.match_facts(g["facts"], pf)) == len(g["facts"])
        assert len(score.match_quotes(g["quotes"], pq)) == len(g["quotes"])


def test_subject_from_article_name():
    body = (
        "星河集团今天发布年报。星河集团去年营收增长较快。\n"
        "报告显示，全年实现营业收入120亿元。星河的员工总数达到3000人。"
    )
    facts = extract_facts(body, PUB)
    assert all("星河" in (f.subject or "") for f in facts)


def test_subject_from_possessor_at_clause_head():
    f = _one("数据显示，12家城市商业银行的不良贷款率降至1.5%。", "%")[0]
    assert f.subject == "12家城市商业银行"


def test_subject_scope_word_in_sentence():
    f = _one("今年前三季度，全国新能源汽车销量达到800万辆。", "辆")[0]
    assert f.subject == "全国"


def test_period_day_range_and_relative_days():
    f = _one("6月3日至9日，展会共接待观众12万人次。", "人次")[0]
    assert f.period == "2024-06-03..2024-06-09"
    f = _one("昨天，全市共发放消费券5000张。", "张")[0]
    assert f.period == "2024-10-24"
    f = _one("22日，该站降雨量达到80毫米。", "毫米")[0]
    assert f.period == "2024-10-22"


def test_period_respectively_spreads_years():
    facts = extract_facts("2021年至2023年，该公司净利润分别为1亿元、2亿元、3亿元。", PUB)
    assert [f.period for f in facts] == ["2021", "2022", "2023"]


def test_period_carried_to_next_paragraph_and_base_skipped():
    body = "2023年，全省粮食产量达到600亿斤。\n其中，水稻种植面积为200万亩。"
    assert _one(body, "亩")[0].period == "2023"
    f = _one("今年上半年，该行净息差较去年同期下降0.2个百分点。", "个百分点")[0]
    assert f.period == "2024-H1"


# --- metric rules --------------------------------------------------------------------


def _by_text(body: str) -> dict[str, object]:
    return {f.text: f for f in extract_facts(body, PUB)}


def test_range_second_end_shares_metric():
    fs = extract_facts("受寒潮影响，华北等地最低气温下降5～9℃。", PUB)
    assert [f.value for f in fs] == [5, 9]
    assert all("下降" in (f.metric or "") for f in fs)
    fs = extract_facts("一次检测的费用是200元到300元不等", PUB)
    assert [f.metric for f in fs] == ["一次检测的费用"] * 2 or all(
        "费用" in (f.metric or "") for f in fs
    )


def test_figure_at_end_of_text_is_kept():
    fs = extract_facts("最低气温2-6℃", PUB)
    assert [f.value for f in fs] == [2, 6]


def test_level_after_change_verb_is_not_a_change():
    fs = extract_facts("该市旅游收入由2019年的30亿元增长至2023年的52亿元。", PUB)
    assert all(f.metric and "旅游收入" in f.metric for f in fs)
    fs = extract_facts("该行净利润为20亿元，同比增长12%至22.4亿元。", PUB)
    last = [f for f in fs if f.value == 2.24e9][0]
    assert "增长" not in (last.metric or "")


def test_verb_without_object_takes_noun_before_it():
    f = _one("今年全区社会消费品零售总额完成88.5亿元。")[0]
    assert f.metric == "社会消费品零售总额" and f.subject == "全区"


def test_currency_conversion_keeps_metric():
    fs = extract_facts("这款手表售价999美元，约合人民币7100元。", PUB)
    assert fs[1].metric == fs[0].metric and "售价" in (fs[1].metric or "")


def test_comparison_frame_measures_first_noun():
    f = _one("折叠屏手机的出货量仅有直板手机的十分之一。")[0]
    assert f.metric == "出货量"


def test_metric_after_attributive_de_and_space():
    assert _one("建成建筑面积约3万平方米的展馆。")[0].metric in ("展馆", "建筑面积")
    assert _one("这款手机支持 65W 快充。")[0].metric == "快充"


def test_share_of_the_noun_after_it():
    assert _one("全国铁路仅能保证30%的运力。")[0].metric == "运力"
    fs = extract_facts("全球15%手表、40%雨伞均产自该镇。", PUB)
    assert [f.metric for f in fs] == ["手表", "雨伞"]
    assert _one("调查显示，62.5%的人表示愿意续订。")[0].metric == "表示愿意续订"


def test_measure_noun_before_share_is_kept():
    fs = extract_facts("12家城商行的不良贷款率超过3%", PUB)
    pct = [f for f in fs if f.unit == "%"][0]
    assert "不良贷款率" in (pct.metric or "")


def test_parenthesis_inside_clause_is_skipped():
    f = _one("本届论坛共收到投稿（含海报）420余篇。")[0]
    assert "投稿" in (f.metric or "")


def test_adverbs_and_filler_are_trimmed():
    fs = extract_facts("单个用户的获客成本普遍在5元—8元之间", PUB)
    assert all(f.metric and f.metric.endswith("成本") for f in fs)
    f = _one("欧洲央行可以再降息10个基点。")[0]
    assert f.metric == "降息"


def test_one_char_noun_after_count():
    assert _one("他一生写过23本书。")[0].metric == "书"


# --- recall and precision rules --------------------------------------------------------


def test_space_between_digits_and_chinese_unit():
    fs = extract_facts("这款平板重量为 480 克，售价 3299 元，后置 5000 万像素摄像头。", PUB)
    assert [(f.value, f.unit) for f in fs] == [(480, "克"), (3299, "元"), (5e7, "像素")]


def test_large_amount_without_unit_takes_unit_from_context():
    f = _one("这家初创公司完成新一轮融资8亿。")[0]
    assert (f.value, f.unit) == (8e8, "元")
    f = _one("活动吸引了30多万游客前来。")[0]
    assert (f.value, f.unit, f.approx) == (300000, "人", ">")
    assert extract_facts("这条视频播放量达到了3万。", PUB) == []


def test_below_zero_and_small_coins():
    fs = extract_facts("夜间最低气温零下6到零下2℃。", PUB)
    assert [f.value for f in fs] == [-6, -2]
    f = _one("每条短信收费5毛钱。")[0]
    assert (f.value, f.unit) == (0.5, "元")


def test_not_figures():
    for body in (
        "该小区二期工程明年交付。",
        "补充侦查以二次为限。",
        "全会审议通过了十九届四中全会的决定。",
        "学生们四处奔走。",
        "这家企业已经走过了五个年头。",
        "他身高1米8。",
        "机身尺寸为 158.2×73.4×8.1mm。",
        "摩根士丹利(55.21, 0.31, 0.56%)首席经济学家表示",
        "他在《一分钱》中唱道",
        "预计前三届的冠军都会参赛。",
    ):
        assert extract_facts(body, PUB) == [], body


def test_seizure_verbs_split_subject_from_object():
    f = _one("警方现场查获了作案手机35部。")[0]
    assert f.metric == "作案手机"


def test_share_verb_is_not_metric():
    f = _one("其中新能源汽车占据12.5%。")[0]
    assert f.metric == "新能源汽车"


def test_comparison_base_figure():
    fs = extract_facts("2023年全市税收收入为820亿元，比2022年的760亿元有所增加。", PUB)
    base = [f for f in fs if f.value == 7.6e10][0]
    assert base.period == "2022" and base.metric == fs[0].metric


def test_whole_county_resolves_to_the_named_county():
    body = "记者来到安吉县采访。安吉县今年发展良好，全县工业投资完成80.5亿元。"
    f = _one(body)[0]
    assert f.subject == "安吉县"
