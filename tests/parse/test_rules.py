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
