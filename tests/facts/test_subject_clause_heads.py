"""Clause-local subjects win over the article's topic: heads that open with 其他, a 5G-style
word or a Latin model name, heads before a modal or adverb, the clause a forecast verb
introduces, a preposition right before the figure, and a name alone before a colon."""

from etl.facts import extract_facts
from etl.facts.subjects import head_np, is_bare_name

# a paragraph that makes 云帆手机 the article's topic, the fallback the tests must beat
_TOPIC = "云帆手机今年发布了新机。云帆手机很轻。云帆手机卖得很好。云帆手机已经上市。\n"


def _subject(body: str, text: str) -> str | None:
    return next(f.subject for f in extract_facts(body, "2021-05-01") if f.text == text)


def test_other_and_rest_open_a_noun_phrase():
    assert head_np("其余国产平板也大多在") == "其余国产平板"
    assert head_np("其他城市普遍在") == "其他城市"
    # 其 alone still refers back, and 其他 alone names nothing
    assert head_np("其销量达到") is None
    assert head_np("其他也在") is None


def test_digit_latin_words_open_a_noun_phrase_but_numbers_do_not():
    assert head_np("8K电视基本上要卖") == "8K电视"
    assert head_np("3D打印机普遍在") == "3D打印机"
    assert head_np("2019年销量达到") is None
    assert head_np("300家企业都在") is None


def test_subject_before_a_modal_or_adverb():
    assert head_np("央行应将存款利率下调至") == "央行"
    assert head_np("湖面阵风可达") is not None
    assert head_np("感应器将") == "感应器"  # 应 inside a word is no modal
    body = _TOPIC + "其余国产手机也大多在2000元档位。"
    assert _subject(body, "2000元") == "其余国产手机"


def test_forecast_verb_introduces_the_subject_clause():
    assert head_np("分析师预计北海银行将在下月降息") == "北海银行"
    assert head_np("他认为") is None
    body = _TOPIC + "我们预计北海银行将在下月降息50个基点。"
    assert _subject(body, "50个基点") == "北海银行"


def test_a_place_is_not_part_of_a_model_name():
    body = _TOPIC + "星河S9 5G版国内售价6999元。"
    assert (_subject(body, "6999元") or "").replace(" ", "") == "星河S95G版"


def test_preposition_before_the_figure_ends_the_head():
    body = _TOPIC + "青州由28℃降至12℃。"
    assert _subject(body, "28℃") == "青州"


def test_coordinated_heads_before_a_total():
    assert head_np("蓝鹰救援队和雪豹救援队共") == "蓝鹰救援队和雪豹救援队"
    assert head_np("共") is None


def test_name_before_a_colon_heads_its_line():
    body = _TOPIC + "恒远科技：5000万元竞得一宗工业用地。北辰股份：中标一项工程，中标价3亿元。"
    assert _subject(body, "5000万元") == "恒远科技"
    assert _subject(body, "3亿元") == "北辰股份"


def test_labels_and_speakers_before_a_colon_name_nothing():
    assert not is_bare_name("他说")
    assert not is_bare_name("营业收入")
    body = _TOPIC + "检测结果：7000人为阳性。"
    assert _subject(body, "7000人") != "检测结果"
    assert is_bare_name("当升新材")
    body = _TOPIC + "会议决定：发行3000亿元债券。"
    assert _subject(body, "3000亿元") != "会议决定"
    body = _TOPIC + "云帆手机的跑分比对手(第二名：15000)高3倍。"
    assert _subject(body, "3倍") != "第二名"


def test_entity_head_right_before_the_figure():
    # no verb between the head and the figure: a list, a place or an entity head is taken
    body = _TOPIC + "合肥、南昌、长沙等5个城市气温偏低。"
    assert _subject(body, "5个") == "合肥、南昌、长沙等"
    body = _TOPIC + "全伦敦12条地铁线路有9条停运。"
    assert _subject(body, "12条") == "全伦敦"
    # a bare verb is no head
    body = _TOPIC + "管理三个营业网点。"
    assert _subject(body, "三个") == "云帆手机"


def test_adverb_ends_the_head():
    assert head_np("天舟二号逐渐接近空间站") == "天舟二号"  # (a numbered name is no date)
    assert head_np("五号将") is None


def test_speaker_is_the_subject_of_what_it_announces():
    body = _TOPIC + "北海航空公司表示，12日将取消三分之一的航班。"
    assert _subject(body, "三分之一") == "北海航空公司"
    # a clause with a head of its own keeps it
    body = _TOPIC + "北海航空公司表示，全城20条公交线路停运。"
    assert _subject(body, "20条") == "全城"


def test_a_group_taken_for_the_metric_still_heads_the_clause():
    body = _TOPIC + "蓝鹰救援队和雪豹救援队共11人赶到现场。"
    assert _subject(body, "11人") == "蓝鹰救援队和雪豹救援队"


def test_a_counted_set_is_the_subject_of_its_members():
    from etl.facts.subjects import partitive_set

    assert partitive_set("在接种疫苗的2400人中") == "接种疫苗的2400人"
    assert partitive_set("这120家物流企业中") == "120家物流企业"
    assert partitive_set("在调查过程中") is None  # no count: no set
    body = _TOPIC + "调查显示，860家零售企业中，有210家企业获得融资，融资金额超过50亿元。"
    assert _subject(body, "210家") == "860家零售企业"
    assert _subject(body, "超过50亿元") == "860家零售企业"


def test_bracketed_outlet_credit_is_no_part_of_the_head():
    body = _TOPIC + "【远山晚报】海港集团前三季度营收增长12%。"
    assert _subject(body, "12%") == "海港集团"


def test_a_name_before_a_measure_word_is_the_subject():
    body = _TOPIC + "海港集团营收增长12%。"
    assert _subject(body, "12%") == "海港集团"
    assert head_np("营业收入增长") is None  # a measure word alone names no subject


def test_a_vague_scope_in_the_paragraph_is_no_protagonist():
    body = (
        "青禾公司发布新品。青禾公司很大。青禾公司很忙。青禾公司已上市。\n"
        "青禾公司是一家芯片企业，全球销量很好，全球用户很多，全球市场很大。"
        "拥有3.1Gbps峰值下载速率。"
    )
    assert _subject(body, "3.1Gbps") == "青禾公司"


def test_a_time_word_modifying_the_head_is_dropped():
    assert head_np("随后的天枢X3芯片分别实现了") == "天枢X3芯片"
    assert head_np("的天枢X3芯片分别实现了") is None  # 的 alone still opens no head


def test_a_topic_frame_heads_the_rest_of_the_sentence():
    from etl.facts.subjects import topic_frame

    assert topic_frame("纺织业方面") == "纺织业"
    assert topic_frame("从三大运营商的套餐来看") == "三大运营商的套餐"
    assert topic_frame("长期来看") is None
    assert topic_frame("总体来看") is None
    body = _TOPIC + "纺织业方面，预计约40%由民营企业贡献。"
    assert _subject(body, "约40%") == "纺织业"


def test_an_adverb_is_no_subject():
    from etl.facts.subjects import tidy_subject

    assert tidy_subject("大多采用") is None
    assert tidy_subject("大多数企业") == "大多数企业"


def test_a_parenthesis_does_not_cut_the_clause_from_its_head():
    body = _TOPIC + "预计明天，雪峰县、云岭县等地出现降雪(雨)或雨夹雪3～8毫米。"
    assert _subject(body, "8毫米") == "雪峰县、云岭县等地"
    body = _TOPIC + "其中，北岭南部局地有暴雪(10～15毫米)。"
    assert _subject(body, "15毫米") == "北岭南部局地"
    # a comparison or a label before the brackets is no head
    body = _TOPIC + "续航比同类产品(第二名)高3倍。"
    assert _subject(body, "3倍") == "云帆手机"


def test_a_running_topic_without_an_entity_form_is_not_carried_on():
    body = (
        "青禾物流发布了年报。青禾物流很大。青禾物流在扩张。青禾物流在招人。\n"
        "问题很快出现了。后来又招了300名员工。"
    )
    assert _subject(body, "300名") == "青禾物流"  # not the sentence head 问题
    body = (
        "青禾物流发布了年报。青禾物流很大。青禾物流在扩张。青禾物流在招人。\n"
        "白沙镇政府已经同意。后来又修了3条道路。"
    )
    assert _subject(body, "3条") == "白沙镇政府"  # an entity head is carried on


def test_new_qualifies_the_noun_before_the_figure():
    body = _TOPIC + "今年前三季度，新增专项债券3200亿元。"
    assert _subject(body, "3200亿元") == "专项债券"
    body = _TOPIC + "新增注册企业中外资企业超50家。"
    assert _subject(body, "超50家") != "注册企业中外资企业"


def test_a_device_part_is_measured_for_its_product():
    body = (
        "Nova X3 今天发布。Nova X3 很轻。Nova X3 可以折叠。Nova X3 已开售。\n"
        "主屏是一块展开后 7.2 英寸屏幕，存储为 12GB。"
    )
    assert _subject(body, "12GB") == "Nova X3"
    assert _subject(body, "7.2 英寸") == "Nova X3"
    # a company is no part: it stays the subject of its own clause
    body = _TOPIC + "青禾电池公司营收增长12%。"
    assert _subject(body, "12%") == "青禾电池公司"


def test_a_demonstrative_points_at_what_the_sentence_before_introduced():
    body = (
        "昨天，在青禾大会上，青禾集团总裁发布了首款芯片启明100。\n"
        "这是一款推理芯片，峰值性能为5万IPS。启明100已量产。启明100很省电。\n"
        "青禾集团很大。青禾集团在扩张。青禾集团在招人。"
    )
    assert _subject(body, "5万IPS") == "启明100"
