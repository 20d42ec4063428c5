"""Charset decisions: BOM, header, meta, detection, contradiction, never raising."""

from __future__ import annotations

import codecs
import time

from etl.parse.decode import decode_bytes

SIMP = "天津市工信局发布的数据显示，今年上半年，京津冀三地规模以上工业企业营业收入5.1万亿元。"
TRAD = "天津市工信局發布的數據顯示，今年上半年，京津冀三地規模以上工業企業營業收入5.1萬億元。"


def test_gbk_without_charset_is_detected() -> None:
    d = decode_bytes(SIMP.encode("gbk"))
    assert d.text == SIMP
    assert d.charset == "gb18030"


def test_header_utf8_contradicted_by_gbk_bytes() -> None:
    d = decode_bytes(SIMP.encode("gbk"), "utf-8")
    assert d.text == SIMP
    assert d.charset == "gb18030"
    assert d.decision.startswith("header:utf-8 contradicted -> gb18030")


def test_header_gb2312_read_as_gb18030() -> None:
    text = SIMP + "镕"  # outside GB2312, common on "gb2312" pages
    d = decode_bytes(text.encode("gb18030"), "GB2312")
    assert d.text == text
    assert d.charset == "gb18030"
    assert d.decision == "header:gb2312 as gb18030"


def test_big5_declared_and_undeclared() -> None:
    assert decode_bytes(TRAD.encode("big5"), "big5").text == TRAD
    d = decode_bytes(TRAD.encode("big5"))
    assert d.text == TRAD
    assert d.charset.startswith(("big5", "cp950"))


def test_declared_big5_but_gbk_bytes() -> None:
    d = decode_bytes(SIMP.encode("gbk"), "big5")
    assert d.text == SIMP
    assert "contradicted" in d.decision


def test_bom_wins_over_header() -> None:
    d = decode_bytes(codecs.BOM_UTF8 + SIMP.encode("utf-8"), "gbk")
    assert d.text == SIMP
    assert d.decision == "bom:utf-8"
    d16 = decode_bytes(TRAD.encode("utf-16"))
    assert d16.text == TRAD
    assert d16.decision.startswith("bom:utf-16")


def test_meta_charset_and_http_equiv() -> None:
    page = b'<html><head><meta charset="gbk"><title>t</title></head><body>' + SIMP.encode("gbk")
    d = decode_bytes(page)
    assert SIMP in d.text
    assert d.decision == "meta:gbk as gb18030"
    page = b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">' + SIMP.encode(
        "gbk"
    )
    d = decode_bytes(page, "iso-8859-1")  # a latin-1 server default on a CJK page
    assert SIMP in d.text
    assert d.charset == "gb18030"
    assert "contradicted" in d.decision


def test_xml_declaration() -> None:
    doc = (
        b'<?xml version="1.0" encoding="gb2312"?><rss><title>'
        + SIMP.encode("gbk")
        + b"</title></rss>"
    )
    assert SIMP in decode_bytes(doc).text


def test_meta_gb2312_on_utf8_page_is_overridden() -> None:
    page = b'<meta charset="gb2312">' + SIMP.encode("utf-8")
    d = decode_bytes(page)
    assert SIMP in d.text
    assert d.charset == "utf-8"


def test_latin1_header_on_utf8_page() -> None:
    d = decode_bytes(SIMP.encode("utf-8"), "ISO-8859-1")
    assert d.text == SIMP
    assert d.charset == "utf-8"


def test_real_latin1_page_stays_latin1() -> None:
    text = "Café au lait, crème brûlée and a naïve façade in the old town of Zürich."
    d = decode_bytes(text.encode("latin-1"), "iso-8859-1")
    assert d.text == text


def test_garbage_never_raises() -> None:
    for data, declared in [
        (bytes(range(256)) * 4, None),
        (bytes(range(256)) * 4, "utf-8"),
        (b"\xff\xfe\xfd" * 100, "no-such-charset"),
        (b"", None),
        (b"\x81", "gbk"),
    ]:
        d = decode_bytes(data, declared)
        assert isinstance(d.text, str)
        assert d.decision


def test_replace_is_recorded() -> None:
    data = SIMP.encode("utf-8")[:-1] + b"\xff\xfe" + SIMP.encode("utf-8")
    d = decode_bytes(data, "utf-8")
    assert isinstance(d.text, str)
    if "\ufffd" in d.text:
        assert "replace" in d.decision


def test_large_page_is_fast() -> None:
    page = ("<p>" + SIMP + "</p>\n").encode("gbk") * 200_000  # ~20 MB
    start = time.perf_counter()
    d = decode_bytes(page)
    assert time.perf_counter() - start < 2.0
    assert d.charset == "gb18030"
