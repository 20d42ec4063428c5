"""Fixture tests for individual parser rules (one small hand-written page per rule)."""

from __future__ import annotations

from etl.parse import parse_page

P1 = ("近年来，随着三地共同打造产业集群，区域协同更加紧密，产业发展节节攀升。"
      "工信局发布的数据显示，今年上半年，三地规模以上工业企业营业收入5.1万亿元。")
P2 = ("走进科创园，工作人员正忙碌地对大模型展开调试。"
      "从去年9月正式入驻以来，企业发展迅速，一路疾驰，订单排到了明年。")


def html(body: str, title: str = "园区里的新变化_某某网", head: str = "") -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
            "<div class='nav'><a href='/'>首页</a> <a href='/a'>国内</a></div>"
            f"{body}<div class='footer'>Copyright © 某某网 版权所有</div></body></html>").encode()


def test_cms_post_classes_do_not_hide_the_article():
    body = ("<article class='post type-post hentry tag-finance tag-local category-news'>"
            f"<h1>园区里的新变化</h1><p>{P1}</p><p>{P2}(文/图 王小二 李小三)</p></article>")
    art = parse_page(html(body))
    assert "body-from-trafilatura" not in art.warnings
    assert P2 in art.body
    assert set(art.author) == {"王小二", "李小三"}


def test_name_slash_outlet_credit():
    body = (f"<h1>园区里的新变化</h1><div>张小明/某某青年报</div><div>2024-09-24 09:10</div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body))
    assert art.author == ["张小明"]
    assert art.source_name == "某某青年报"


def test_self_media_account_in_meta_strip():
    body = (f"<h1>园区里的新变化</h1><div class='sub'><span>原创</span> <span>科技小站</span> "
            "<span>2024-09-04 22:18:34</span></div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body))
    assert art.author == ["科技小站"]
    assert art.published.startswith("2024-09-04T22:18")


def test_meta_strip_outlet_token_is_source_not_author():
    body = (f"<h1>园区里的新变化</h1><div>2024-09-04 22:18 某某日报</div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body))
    assert art.author == []
    assert art.source_name == "某某日报"


def test_account_name_next_to_follow_button():
    body = (f"<h1>园区里的新变化</h1><div><a href='/u/1'>旅行的猫</a></div><div>关注</div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body))
    assert art.author == ["旅行的猫"]


def test_author_label_glued_to_name_in_meta_strip():
    body = ("<h1>园区里的新变化</h1>"
            "<div>发表于2014-08-24 21:30| 1164次阅读| 来源某网| 作者赵小六</div>"
            "<div class='author'>EXAMPLE.NET</div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body))
    assert art.author == ["赵小六"]


def test_compiler_credit_line():
    body = (f"<h1>园区里的新变化</h1><div class='content'><p>原创： 钱小七编译 某某研究</p>"
            f"<p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body))
    assert art.author == ["钱小七"]
    assert "编译" not in art.body


def test_spokesperson_heads_a_transcript():
    body = (f"<h1>园区里的新变化</h1><div class='content'><p>2012年6月24日</p>"
            f"<p>某某工程新闻发言人 孙小八</p><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body))
    assert art.author == ["孙小八"]


def test_comment_author_elements_and_site_name_meta_are_not_authors():
    head = "<meta name='author' content='某某网'>"
    body = (f"<div class='comments'><div class='tie-author'>网友甲</div><p>说得好。</p></div>"
            f"<h1>园区里的新变化</h1><div class='content'><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body, head=head))
    assert art.author == []


def test_headline_broken_over_lines_is_joined():
    body = ("<div class='hd'><p>关于批准某某工程建设及</p><p>调整2007年末预算限额的决定</p></div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div>"
            "<div class='foot'>关于批准某某工程建设及调整2007</div>")
    tt = "关于批准某某工程建设及调整2007　年末预算限额的决定__某某公报_某某网"
    art = parse_page(html(body, title=tt))
    assert art.title == "关于批准某某工程建设及调整2007年末预算限额的决定"


def test_title_tag_without_headline_uses_heading_above_article():
    body = ("<h2>学术年会在某地成功举行！</h2><div>发布时间：2019-05-18 来源：某某学会</div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div><h3>某某学会</h3>")
    art = parse_page(html(body, title="新闻动态--某某学会官网"))
    assert art.title == "学术年会在某地成功举行！"


def test_leading_bracket_label_dropped_from_headline():
    body = ("<h1>[某品牌]园区里的新变化与新气象</h1>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body, title="[某品牌]园区里的新变化与新气象-某某传媒"))
    assert art.title == "园区里的新变化与新气象"


def test_date_in_a_sentence_is_not_the_publication_date():
    body = (f"<h1>园区里的新变化</h1><div class='content'><p>2019年2月27日下午，{P1}</p>"
            f"<p>{P2}</p></div><div>发布日期：2019-03-06 责任编辑：某某</div>")
    art = parse_page(html(body))
    assert art.published == "2019-03-06"


def test_dated_resolution_note_is_not_the_publication_date():
    head = "<meta name='firstpublishedtime' content='2007-08-20'>"
    body = (f"<h1>园区里的新变化</h1><div>（2007年6月29日第十届某某会议通过）</div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body, head=head))
    assert art.published == "2007-08-20"


def test_compiled_from_sources_note_is_not_a_byline():
    body = (f"<h1>园区里的新变化</h1><div class='content'><p>{P1}</p><p>{P2}</p>"
            "<p>(综合整理自某某新闻、某某网等)</p></div>")
    art = parse_page(html(body))
    assert art.author == []


# --- captions, promotions and furniture inside the article --------------------------------

P3 = ("据介绍，项目建成后年通过能力将达到七十五万人次，周边配套也在同步推进。"
      "工作人员表示，下一步将加快设备调试，确保按期投入使用。")


def _body_of(inner: str) -> str:
    body = f"<h1>园区里的新变化</h1><div class='content'>{inner}</div>"
    return parse_page(html(body)).body


def test_bracketed_note_under_an_image_is_a_caption():
    text = _body_of(f"<p>{P1}</p><p><img src='a.jpg'></p><p>（某公司的部分报价单）</p>"
                    f"<p><img src='b.jpg'></p><p>清晨在公园锻炼的老人。（某图片社）</p><p>{P2}</p>")
    assert "报价单" not in text and "锻炼的老人" not in text
    assert P1 in text and P2 in text


def test_picture_credit_words_end_a_caption():
    text = _body_of(f"<p>{P1}</p><p>某报网站的报道截图。</p><p>现场纸团。某某分局供图</p>"
                    f"<p>{P2}</p>")
    assert "截图" not in text and "供图" not in text


def test_centred_label_under_an_image_is_a_caption_but_a_bold_subheading_stays():
    text = _body_of(f"<p>{P1}</p><p style='text-align:center'><img src='a.jpg'></p>"
                    "<p style='text-align: center'>河边的夜市一角</p>"
                    f"<p><strong>夜市带旺了周边</strong></p><p>{P2}</p>")
    assert "夜市一角" not in text
    assert "夜市带旺了周边" in text


def test_promotions_follow_buttons_and_date_fragments_are_furniture():
    text = _body_of("<p>点击上方蓝字关注我们</p>"
                    f"<p>“一张榜单看懂年度大势”！年度人物评选火热进行中！【点击投票】选出你心中的人物</p>"
                    f"<p>{P1}</p><p>关注</p><p>2019</p><p>09/07</p><p>19:02</p>"
                    f"<p>{P2}</p><p>安装某某财经客户端第一时间接收最全面的市场资讯→【下载地址】</p>")
    assert text.split("\n") == [P1, P2]


def test_section_numbers_are_not_date_fragments():
    text = _body_of(f"<p>{P1}</p><p>1</p><p>{P2}</p><p>2</p><p>{P3}</p>")
    assert text.split("\n") == [P1, "1", P2, "2", P3]


def test_gallery_counter_and_labelled_headline_repeat():
    text = _body_of(f"<p>原创园区里的新变化</p><p>1/10 {P1}</p><p>{P2}</p>")
    assert text.split("\n") == [P1, P2]


def test_last_line_without_full_stop_is_kept_when_it_is_prose():
    text = _body_of(f"<p>{P1}</p><p>{P2}</p><p>游戏在平台售价36元，支持两种系统，暂时没有中文</p>"
                    "<p>独立游戏</p>")
    assert text.endswith("暂时没有中文")


def test_stop_line_with_separators_ends_the_article():
    text = _body_of(f"<p>{P1}</p><p>{P2}</p><p>延伸 · 推荐</p>"
                    "<p>女警一天打100电话被停机 电信：核实后恢复</p>"
                    "<p>近日，某社区民警在核查工作时，平均每天拨打一百余个电话，随后被停机。</p>"
                    "<p>特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。</p>")
    assert text.split("\n") == [P1, P2]


def test_paragraph_beside_attachment_links_does_not_lose_its_siblings():
    text = _body_of(f"<p>各有关单位：</p><p>{P1}</p><p>{P2}</p><p>附件：</p>"
                    "<p><a href='/1.doc'>1. 某某年度重点实验室认定名单及说明材料.docx</a></p>"
                    "<p><a href='/2.xls'>2. 某某年度工程技术研究中心认定名单及说明.xlsx</a></p>")
    assert text.startswith("各有关单位：") and P2 in text
    assert ".docx" not in text


# --- who wrote it, who published it -------------------------------------------------------


def test_photographer_credit_is_not_a_byline():
    text_body = (f"<h1>园区里的新变化</h1><div class='content'><p>{P1}</p>"
                 f"<p>▲某某日报全媒体图片记者张小三、李小四摄</p><p>{P2}</p></div>")
    art = parse_page(html(text_body))
    assert art.author == []


def test_name_after_the_strip_date_is_the_source():
    body = (f"<h1>园区里的新变化</h1><div><a href='/'>2019年11月25日 18:57 某某消息</a></div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body))
    assert art.author == []
    assert art.source_name == "某某消息"


def test_names_after_the_strip_date_stay_authors():
    body = (f"<h1>园区里的新变化</h1><div>2020-06-05 20:35 叨叨姐 胡一刀</div>"
            f"<div class='content'><p>执笔/叨叨姐、胡一刀</p><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body))
    assert art.author == ["叨叨姐", "胡一刀"]


def test_organisation_account_is_not_an_author():
    body = (f"<h1>园区里的新变化</h1><div>2019-08-13 14:07来源：某某新闻·政务</div>"
            "<div class='news_author'><div class='name'>某某市发布</div></div>"
            "<div><a href='/u'>某某市发布</a></div><div>关注</div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body))
    assert art.author == []
    assert art.source_name == "某某新闻·政务"


def test_meta_author_the_page_never_shows_is_ignored():
    head = "<meta name='author' content='马小娟'>"
    body = f"<h1>园区里的新变化</h1><div class='content'><p>{P1}</p><p>{P2}</p></div>"
    assert parse_page(html(body, head=head)).author == []
    body2 = (f"<h1>园区里的新变化</h1><div>作者：马小娟 2024-01-02</div>"
             f"<div class='content'><p>{P1}</p><p>{P2}</p></div>")
    assert parse_page(html(body2, head=head)).author == ["马小娟"]


def test_compiled_from_the_web_is_not_a_writer():
    body = (f"<h1>园区里的新变化</h1><div>时间：2019-09-25 作者：网络整理 阅读：1644</div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p></div>")
    assert parse_page(html(body)).author == []


def test_source_label_variants():
    for strip, want in (("发布日期：2016-11-22 浏览次数： 信息来源：省某某委", "省某某委"),
                        ("来源于：某某办事处", "某某办事处"),
                        ("发表于2014-08-24 21:30| 1164次阅读| 来源某某网| 0 条评论", "某某网"),
                        ("来源：某某时报网作者：李小山", "某某时报网"),
                        ("2019-09-26 来源：网络", None)):
        body = (f"<h1>园区里的新变化</h1><div>{strip}</div>"
                f"<div class='content'><p>{P1}</p><p>{P2}</p></div>")
        assert parse_page(html(body)).source_name == want, strip


def test_site_name_meta_is_the_last_resort_source():
    head = "<meta property='og:site_name' content='某某新闻'>"
    body = f"<h1>园区里的新变化</h1><div class='content'><p>{P1}</p><p>{P2}</p></div>"
    assert parse_page(html(body, head=head)).source_name == "某某新闻"


# --- deep nesting ----------------------------------------------------------------------------


def test_deeply_nested_page_keeps_its_text_with_a_warning():
    n = 100_000
    body = ("<div class='wrap'>" * n + f"<h1>园区里的新变化</h1><p>{P1}</p><p>{P2}</p>"
            + "</div>" * n)
    art = parse_page(html(body))
    assert P1 in art.body and P2 in art.body
    assert art.title == "园区里的新变化"
    assert "deep-nesting-flattened" in art.warnings


def test_moderately_nested_page_parses_normally():
    n = 1000
    body = "<div>" * n + f"<h1>园区里的新变化</h1><p>{P1}</p><p>{P2}</p>" + "</div>" * n
    art = parse_page(html(body))
    assert P1 in art.body and P2 in art.body
    assert "deep-nesting-flattened" not in art.warnings


def test_pull_quote_repeating_a_sentence_is_dropped_but_quoted_subheading_stays():
    quote = "工作人员表示，下一步将加快设备调试，确保按期投入使用。"
    text = _body_of(f"<p>{P1}</p><blockquote>{quote}</blockquote><p>大模型调试加快进行</p>"
                    f"<p>{P2}</p><p>{P3}报道称此前“大模型调试加快进行”一说并不准确。</p>")
    assert quote not in text.split("\n")
    assert "大模型调试加快进行" in text.split("\n")
    assert P3 in text


def test_pointer_to_another_article_is_cut_from_the_paragraph_end():
    text = _body_of(f"<p>{P1}</p><p>{P2}（更多详情：园区招商推介会将于下月举行）</p><p>{P3}</p>")
    assert P2 in text.split("\n")
    assert "更多详情" not in text


def test_caption_credit_followed_by_outlet_and_data_source_note():
    text = _body_of(f"<p>{P1}</p><p>天降纸团。某某区公安分局供图 某某网发</p><p>{P2}</p>"
                    "<p>（资料来源：某某消息、某某网等）</p>")
    assert text.split("\n") == [P1, P2]


def test_sentence_mentioning_an_app_download_is_not_a_promotion():
    line = "市民也可以下载某某政务APP，在线办理公积金提取等业务。"
    text = _body_of(f"<p>{P1}</p><p>{line}</p><p>{P2}</p>")
    assert line in text.split("\n")


def test_traditional_byline_names_keep_the_page_spelling():
    body = (f"<h1>園區裡的新變化</h1><div class='txt'><p>【某報專訊】{P1}</p><p>{P2}</p>"
            "<p>（記者 陳大文）</p></div>")
    art = parse_page(html(body, title="園區裡的新變化 - 港聞 - 某某報"))
    assert art.author == ["陳大文"]


def test_writer_inside_a_strip_of_glued_spans():
    body = ("<h1>园区里的新变化</h1><div class='info'><span>作者：刘小六</span>"
            "<span>2024-03-05 10:00</span><span>阅读：1024</span></div>"
            f"<div class='c'><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body))
    assert art.author == ["刘小六"]
    assert art.published.startswith("2024-03-05T10:00")


def test_publication_label_wins_over_update_time_in_one_strip():
    body = ("<h1>园区里的新变化</h1><div class='i'>更新时间：2024-03-06 12:00 "
            f"发布时间：2024-03-05 09:00</div><div class='c'><p>{P1}</p><p>{P2}</p></div>")
    assert parse_page(html(body)).published.startswith("2024-03-05T09:00")


def test_outlet_after_a_strip_date_and_separator():
    body = ("<h1>园区里的新变化</h1><div class='i'>2024-03-05 09:12 | 某某新闻客户端</div>"
            f"<div class='c'><p>{P1}</p><p>{P2}</p></div>")
    art = parse_page(html(body))
    assert art.source_name == "某某新闻客户端" and art.author == []
