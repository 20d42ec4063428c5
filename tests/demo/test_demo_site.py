"""The demo site over real loopback HTTP: feed, sitemap, encodings, pathologies, 404."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime

import feedparser
import httpx
import pytest
from pypinyin import Style, pinyin

from etl.demo import CatalogEntry, DemoSite, catalog
from etl.demo.articles import ARTICLES
from etl.demo.render import render_bytes

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# A reading glued after a CJK character: lower-case letters with tone marks only, so
# "(AI)", "(LNG)" and full-width "（天津）" never match.
PINYIN_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)")


@pytest.fixture(scope="module")
def site() -> Iterator[DemoSite]:
    with DemoSite() as s:
        yield s


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    # trust_env=False: never route loopback requests through a proxy from the environment.
    with httpx.Client(timeout=10, trust_env=False) as c:
        yield c


def _one(pathology: str) -> CatalogEntry:
    (entry,) = [e for e in catalog() if pathology in e.pathologies]
    return entry


def test_base_url_is_loopback_with_ephemeral_port(site: DemoSite) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", site.base_url)
    assert site.port > 0
    assert site.feed_url == site.base_url + "/feed.xml"
    assert len(site.article_urls) == len(catalog()) >= 14


def test_feed_lists_every_article(site: DemoSite, client: httpx.Client) -> None:
    resp = client.get(site.feed_url)
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "application/rss+xml; charset=utf-8"
    feed = feedparser.parse(resp.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    links = {e.link for e in feed.entries}
    assert links == set(site.article_urls)
    by_link = {e.link: e for e in feed.entries}
    for entry in catalog():
        item = by_link[entry.url(site.base_url)]
        assert item.title == entry.title
        assert item.published.endswith("+0800")
        # feedparser normalises to UTC; compare instants.
        published = datetime.fromisoformat(entry.published)
        assert item.published_parsed[:6] == published.utctimetuple()[:6]


def test_sitemap_lists_every_article(site: DemoSite, client: httpx.Client) -> None:
    resp = client.get(site.sitemap_url)
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "application/xml"
    root = ET.fromstring(resp.content)
    locs = [u.findtext("sm:loc", namespaces=SITEMAP_NS) for u in root.findall("sm:url", SITEMAP_NS)]
    assert sorted(locs) == sorted(site.article_urls)
    lastmods = root.findall("sm:url/sm:lastmod", SITEMAP_NS)
    assert all(m.text and m.text.endswith("+08:00") for m in lastmods)


def test_robots_and_index(site: DemoSite, client: httpx.Client) -> None:
    robots = client.get(site.robots_url)
    assert robots.status_code == 200
    assert "Allow: /" in robots.text
    assert f"Sitemap: {site.sitemap_url}" in robots.text
    index = client.get(site.base_url + "/")
    assert index.status_code == 200
    for entry in catalog():
        assert f'href="{entry.path}"' in index.text


def test_every_article_served_with_its_content_type(site: DemoSite, client: httpx.Client) -> None:
    for entry in catalog():
        resp = client.get(entry.url(site.base_url))
        assert resp.status_code == 200, entry.path
        assert resp.headers["content-type"] == entry.content_type
        text = resp.content.decode(entry.encoding)
        assert entry.title.replace("&", "&amp;") in text
        assert entry.published_shown in text
        for para in entry.body:
            assert para.replace("&", "&amp;") in text


def test_gbk_page_has_no_charset_anywhere(site: DemoSite, client: httpx.Client) -> None:
    entry = _one("gbk-no-charset")
    resp = client.get(entry.url(site.base_url))
    assert resp.headers["content-type"] == "text/html"
    assert "charset" not in str(resp.headers).lower()
    raw = resp.content
    assert b"charset" not in raw.lower()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gbk")
    assert entry.body[0] in text


def test_big5_page_declares_big5_in_header(site: DemoSite, client: httpx.Client) -> None:
    entry = _one("big5")
    resp = client.get(entry.url(site.base_url))
    assert resp.headers["content-type"] == "text/html; charset=big5"
    with pytest.raises(UnicodeDecodeError):
        resp.content.decode("utf-8")
    text = resp.content.decode("big5")
    assert entry.lang == "zh-Hant"
    assert "記者" in text and entry.title in text


def test_pinyin_page_has_readings_and_real_parentheses(
    site: DemoSite, client: httpx.Client
) -> None:
    entry = _one("pinyin")
    text = client.get(entry.url(site.base_url)).text
    assert "(dòng)" in text
    assert "推動(dòng)產(chǎn)業(yè)鏈" in text
    assert "(AI)" in text and "（天津）" in text
    # Every glued reading is a real reading of the character before it, so a repair
    # step that checks readings (e.g. with pypinyin) can recognise them all.
    body = "\n".join(entry.body)
    notes = list(PINYIN_NOTE.finditer(body))
    assert len(notes) >= 8
    for m in notes:
        char = body[m.start() - 1]
        readings = set(pinyin(char, style=Style.TONE, heteronym=True)[0])
        assert m.group(1) in readings, (char, m.group(1), readings)


def test_formula_headline_is_served_verbatim(site: DemoSite, client: httpx.Client) -> None:
    entry = _one("formula-title")
    assert entry.title.startswith("=")
    text = client.get(entry.url(site.base_url)).text
    assert f"<h1>{entry.title}</h1>" in text
    assert f"<title>{entry.title}_渤海经济网</title>" in text


def test_plain_text_article(site: DemoSite, client: httpx.Client) -> None:
    entry = _one("plain-text")
    assert entry.path.endswith(".txt")
    resp = client.get(entry.url(site.base_url))
    assert resp.headers["content-type"] == "text/plain; charset=utf-8"
    assert resp.text.startswith(entry.title + "\n")
    assert "<" not in resp.text


def test_languages_and_mix() -> None:
    entries = catalog()
    langs = [e.lang for e in entries]
    assert langs.count("zh-Hant") >= 3
    assert langs.count("en") >= 2
    assert langs.count("zh-Hans") > len(entries) // 2


def test_dates_span_three_consecutive_iso_weeks() -> None:
    weeks: dict[str, int] = {}
    for e in catalog():
        published = datetime.fromisoformat(e.published)
        assert published.utcoffset() is not None
        assert published.utcoffset().total_seconds() == 8 * 3600
        weeks[e.iso_week] = weeks.get(e.iso_week, 0) + 1
    assert sorted(weeks) == ["2024-W41", "2024-W42", "2024-W43"]
    assert all(n >= 3 for n in weeks.values())


def test_unknown_path_is_404(site: DemoSite, client: httpx.Client) -> None:
    for path in ("/nope", "/news/2024/10/21/no-such-article.html", "/feed.xml/x"):
        assert client.get(site.base_url + path).status_code == 404


def test_key_facts_appear_in_their_article() -> None:
    for e in catalog():
        body = "\n".join(e.body)
        for fact in e.key_facts:
            assert fact.sentence in body, (e.slug, fact.sentence)
            assert fact.text in body, (e.slug, fact.text)


def test_article_text_encodes_strictly_and_bytes_are_deterministic() -> None:
    for a in ARTICLES:
        for s in (a.title, a.byline, *a.paragraphs):
            s.encode(a.encoding)  # no reference-replacement inside article text
        assert render_bytes(a) == render_bytes(a)


def test_start_stop_are_idempotent() -> None:
    s = DemoSite()
    with pytest.raises(RuntimeError):
        _ = s.base_url
    s.start()
    s.start()
    try:
        with httpx.Client(trust_env=False) as c:
            assert c.get(s.feed_url).status_code == 200
    finally:
        s.stop()
        s.stop()
