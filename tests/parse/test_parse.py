"""Tests for etl.parse: fixture pages for each pathology, the seed capture, and a fuzz test."""

from __future__ import annotations

import json
import os
import time
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.parse import parse_page, parse_path
from etl.parse.dates import parse_date

SHARED = Path(__file__).parents[2] / "../shared"

PARA = (
    "近年来，随着京津冀三地共同打造产业集群，区域协同更加紧密，产业发展节节攀升。"
    "天津市工信局发布的数据显示，今年上半年，三地规模以上工业企业营业收入5.1万亿元。"
)
PARA2 = (
    "走进科创园，工作人员正忙碌地对大模型展开调试。"
    "从去年9月正式入驻以来，企业发展迅速，一路疾驰。"
)


def page(body: str, title: str = "共育新链群 同绘新图景_某某网", head: str = "") -> bytes:
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/a'>国内</a> <a href='/b'>国际</a></div>"
        f"{body}"
        "<div class='footer'>Copyright © 2001-2024 某某网 版权所有</div></body></html>"
    ).encode()


ARTICLE = (
    "<h1>共育新链群 同绘新图景</h1>"
    "<div class='info'>2024年10月25日 10:23 来源：新华社</div>"
    "<div class='article'>"
    "<p>新华社记者 刘惟真、郭方达</p>"
    f"<p>新华社天津10月25日电 {PARA}</p>"
    "<p><img src='a.jpg'></p><p>天开高教科创园一景。新华社记者 赵子硕 摄</p>"
    "<p>携手育链，布局新兴产业</p>"
    f"<p>{PARA2}</p>"
    "<p>责任编辑：王小明</p>"
    "<div>相关新闻</div><ul><li><a href='/1'>另一条新闻的标题很长很长的</a></li>"
    "<li><a href='/2'>第二条相关新闻的标题也很长</a></li></ul>"
    "</div>"
)


def bigram_f1(pred: str, gold: str) -> float:
    def norm(s: str) -> str:
        return "".join(unicodedata.normalize("NFKC", s).split())

    p = Counter(zip(norm(pred), norm(pred)[1:], strict=False))
    g = Counter(zip(norm(gold), norm(gold)[1:], strict=False))
    ov = sum((p & g).values())
    if not ov:
        return 0.0
    pr, rc = ov / sum(p.values()), ov / sum(g.values())
    return 2 * pr * rc / (pr + rc)


def test_title_strips_site_suffix():
    art = parse_page(page(ARTICLE))
    assert art.title == "共育新链群 同绘新图景"


def test_title_without_h1_uses_generic_suffix_split():
    body = f"<div><p>{PARA}</p><p>{PARA2}</p></div>"
    art = parse_page(page(body, title="头条标题在这里 - 某某网"))
    assert art.title == "头条标题在这里"


def test_byline_with_several_names_and_editor():
    art = parse_page(page(ARTICLE))
    assert art.author == ["刘惟真", "郭方达"]
    assert art.editors == ["王小明"]
    assert "王小明" not in art.body and "刘惟真" not in art.body


def test_caption_moved_and_subheading_kept():
    art = parse_page(page(ARTICLE))
    assert any("摄" in c for c in art.captions)
    assert "摄" not in art.body
    assert "携手育链，布局新兴产业" in art.body.split("\n")


def test_related_list_nav_and_footer_removed():
    art = parse_page(page(ARTICLE))
    assert "相关新闻" not in art.body
    assert "另一条新闻" not in art.body
    assert "首页" not in art.body and "Copyright" not in art.body


def test_published_source_agency_dateline():
    art = parse_page(page(ARTICLE))
    assert art.published == "2024-10-25T10:23:00+08:00"
    assert art.source_name == "新华社"
    assert art.agency == "新华社"
    assert art.dateline_place == "天津"
    assert art.body.startswith("新华社天津10月25日电")


def test_dateline_year_from_context_when_no_other_date():
    body = f"<div><p>新华社北京3月5日电 {PARA}</p><p>{PARA2}</p></div>"
    art = parse_page(page(body), url="http://example.org/a.html")
    assert art.published is not None and art.published.endswith("03-05")


def test_inline_and_trailing_credits():
    body = (f"<div><p>新京报讯（记者 陆一夫）{PARA}</p><p>{PARA2}(李楠)</p></div>")
    art = parse_page(page(body))
    assert "李楠" not in art.body
    assert set(art.author) == {"李楠"} or set(art.author) == {"陆一夫"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2019年08月16日 10:23", "2019-08-16T10:23:00+08:00"),
        ("发布时间：2019-08-16 10:23:05", "2019-08-16T10:23:05+08:00"),
        ("2019/8/16", "2019-08-16"),
        ("2019-08-16T02:23:00Z", "2019-08-16T10:23:00+08:00"),
        ("1565922180", "2019-08-16T10:23:00+08:00"),
        ("no date here", None),
    ],
)
def test_date_formats(text, want):
    assert parse_date(text) == want


def test_url_date():
    art = parse_page(page(f"<div><p>{PARA}</p></div>"), url="http://x.org/2019/08/16/a.html")
    assert art.published == "2019-08-16"


def test_english_page():
    para = ("The central bank kept its key rate unchanged on Thursday, citing slowing growth. "
            "Analysts had expected the decision, which follows months of weak data. ")
    html = (f"<html><head><title>Bank holds rates | Example News</title></head><body>"
            f"<h1>Bank holds rates</h1><article><p>{para}</p><p>{para}</p></article></body></html>")
    art = parse_page(html.encode(), content_type="text/html; charset=utf-8")
    assert art.title == "Bank holds rates"
    assert "central bank" in art.body


def test_plain_text_capture():
    text = (
        "新华社天津10月25日电 题：共育新链群 同绘新图景\n新华社记者刘惟真、郭方达\n"
        f"{PARA}\n天开高教科创园一景。新华社记者 赵子硕 摄\n{PARA2}\n"
        "Copyright © 2001-2024 某某网 All Rights Reserved\n关于我们 - 版权声明 - 合作咨询\n"
    )
    art = parse_page(text.encode(), content_type="text/plain")
    assert art.title == "共育新链群 同绘新图景"
    assert art.author == ["刘惟真", "郭方达"]
    assert art.published == "2024-10-25"
    assert art.body.split("\n") == [PARA, PARA2]
    assert len(art.captions) == 1


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00\xff\xfe" * 100, b"<html><body><div>", b"<div>" * 5000 + PARA.encode(),
     b"<html><body></body></html>", b"\xef\xbb\xbf<p>" + PARA.encode()],
)
def test_never_raises_on_pathological_input(data):
    art = parse_page(data)
    assert isinstance(art.warnings, list)


def test_large_page_is_bounded():
    big = page(f"<div><p>{PARA}</p></div>" + "<p>填充内容，测试。</p>" * 200_000)
    art = parse_page(big)
    assert isinstance(art.body, str)


def test_20mb_page_is_truncated_with_warning_and_finishes():
    block = f"<div><p>{PARA}</p><a href='/x'>相关链接</a></div>"
    big = page(block * (20_000_000 // len(block.encode())))
    assert len(big) >= 19_000_000
    t0 = time.monotonic()
    art = parse_page(big, content_type="text/html; charset=utf-8")
    assert time.monotonic() - t0 < 60
    assert any(w.startswith("input-truncated") for w in art.warnings)
    assert PARA in art.body


@pytest.mark.parametrize(
    "data",
    [
        ("<div>" * 100_000 + PARA + "</div>" * 100_000).encode(),
        ("<html><body>" + "<div><span>" * 50_000 + PARA).encode(),
        b"<html><head><title>\xe6\xa0\x87\xe9\xa2\x98</title></head></html>",
        page(f"<div><p>{PARA}</p><p>{PARA2}</p></div>")[:400],
        bytes(range(256)) * 400,
    ],
    ids=["nested-100k", "unclosed-100k", "no-body", "truncated", "binary"],
)
def test_pathological_pages_finish_quickly(data):
    t0 = time.monotonic()
    art = parse_page(data)
    assert time.monotonic() - t0 < 10
    assert not any(w.startswith("parse-failed") for w in art.warnings)


#: Fuzz size: short in CI; run longer locally with e.g.
#: ``PARSE_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/parse -k fuzz``.
FUZZ_EXAMPLES = int(os.environ.get("PARSE_FUZZ_EXAMPLES", "200"))


@settings(max_examples=FUZZ_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=2000),
    st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<a href=x>", "</a>", "<br>",
                              "<h1>", "</h1>", "<script>", "来源：", "记者 张三", "责任编辑：",
                              "2019年8月16日", "。", "，", PARA, "<title>", "</title>", "&amp;"]),
             max_size=60).map(lambda xs: "".join(xs).encode()),
))
def test_fuzz_parse_page_never_raises(data):
    """Random bytes and random tag soup never make the parser raise or report a failure.

    200 examples by default (CI); set ``PARSE_FUZZ_EXAMPLES`` to run longer locally.
    """
    art = parse_page(data)
    assert isinstance(art.body, str)
    assert not any(w.startswith("parse-failed") for w in art.warnings)


@pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="needs /work/shared (seed + gold)")
def test_seed_body_f1_high():
    gold = json.loads((SHARED / "gold/seed/xinhua-tianjin-industrial-chains.json").read_text())
    art = parse_path(SHARED / "seed/xinhua-tianjin-industrial-chains.txt")
    assert bigram_f1(art.body, gold["body"]) >= 0.9
    assert art.captions
