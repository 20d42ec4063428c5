"""Subject attribution: clause heads, speakers, pronouns and the article's repeated terms."""

from etl.facts import extract_facts
from etl.facts.subjects import head_np, is_pronoun_head, salient_terms


def test_head_np_stops_at_first_verb_or_adverb():
    assert head_np("南京和长沙将由") == "南京和长沙"
    assert head_np("其中第三产业企业完成") == "第三产业企业"


def test_head_np_cuts_the_metric_off():
    assert head_np("深成指跌幅达到", metric="跌幅") == "深成指"
    assert head_np("营业额同比增长", metric="营业额") is None


def test_head_np_rejects_verbs_adverbs_speakers_and_metrics():
    assert head_np("支持快充") is None  # verb-initial, no noun phrase
    assert head_np("最多一天出了") is None  # adverb first
    assert head_np("花一两元") is None  # a verb and its count
    assert head_np("分析师预计") is None  # a forecaster, not what is measured
    assert head_np("进出口同比增长") is None  # the head is the metric
    assert head_np("三年内增幅") is None  # a time adverbial


def test_head_np_keeps_place_lists_and_drops_officers():
    assert head_np("华北、黄淮、江淮等地降温") == "华北、黄淮、江淮等地"
    assert head_np("远航集团董事长李明表示") is None  # speaker
    assert head_np("远航集团董事长李明在") == "远航集团"


def test_pronoun_heads():
    assert is_pronoun_head("他拒绝了")
    assert is_pronoun_head("其中该公司")
    assert not is_pronoun_head("公司营收")


def test_salient_terms_are_maximal_repeats():
    text = "绿舟书店开业。绿舟书店位于河边。绿舟书店卖书。读者喜欢绿舟书店。"
    terms = salient_terms(text)
    assert terms["绿舟书店"] == (4, 3)
    assert "绿舟" not in terms


def test_clause_head_is_the_subject():
    f = extract_facts("市场普遍走弱，深成指跌幅达到2.13%。", "2024-01-05")[0]
    assert f.subject == "深成指"


def test_scope_word_used_as_modifier_is_not_the_subject():
    text = "远航X9手机发布。远航X9拥有全球最快的2.3Gbps下载速率。"
    f = [x for x in extract_facts(text, "2024-01-05") if x.unit == "Gbps"][0]
    assert f.subject != "全球"


def test_head_np_never_opens_with_de_or_a_modal():
    # the attributive 的 and the modal 会 open no noun phrase; 会议 and 会员 still do
    assert head_np("的麒麟芯片分别实现了") is None
    assert head_np("会给三成到") is None
    assert head_np("会员人数达到") == "会员人数" or head_np("会员人数达到") is None


def test_salient_terms_counts_repeated_names():
    text = "共享充电宝涨价。共享充电宝普及。共享充电宝收费。共享充电宝被骂。共享充电宝上市。"
    terms = salient_terms(text)
    assert "共享充电宝" in terms and terms["共享充电宝"][0] == 5
