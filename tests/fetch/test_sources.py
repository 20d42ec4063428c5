"""Sources file validation, discovery over loopback, and incremental refetching."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from etl import stages
from etl.fetch.config import Source, SourcesFileError, load_sources, parse_sources
from etl.fetch.policy import RunState
from etl.fetch.sources import SourceSpec, discover
from etl.settings import Settings
from tests.loopback import LoopbackServer, respond

PAGE = "<html><head><title>标题</title></head><body><p>正文内容。</p></body></html>".encode()
XML = {"Content-Type": "application/xml"}


def settings(**kw: object) -> Settings:
    return Settings(allow_hosts=frozenset({"127.0.0.1"}), max_retries=0, read_timeout=1,
                    total_timeout=3).with_overrides(**kw)


def ok(h: BaseHTTPRequestHandler, n: int) -> None:
    respond(h, 200, PAGE)


def static(body: bytes, headers: dict[str, str] | None = None):  # noqa: ANN201
    def route(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, body, headers)
    return route


# --- the sources file ---------------------------------------------------------------------

GOOD = """\
[[source]]
name = "feed"
kind = "feed"
url = "https://example.com/rss.xml"

[[source]]
name = "list"
kind = "list"
url = "https://example.com/news/"
include = ['/news/\\d+\\.html$']
delay = 2.0
concurrency = 1
may_change = true
"""


def test_example_sources_file_validates() -> None:
    sources = load_sources(Path(__file__).resolve().parents[2] / "sources.example.toml")
    kinds = {s.kind for s in sources}
    assert {"feed", "sitemap", "list", "urls"} <= kinds
    assert any(s.url and ".cn/" in s.url for s in sources)  # Chinese sources too


def test_good_file_parses() -> None:
    feed, listing = parse_sources(GOOD)
    assert feed.hosts() == {"example.com"} and not feed.may_change
    assert listing.allows("https://www.example.com/news/12.html") is None
    assert "include" in (listing.allows("https://example.com/about.html") or "")
    assert "allowed hosts" in (listing.allows("https://evil.test/news/1.html") or "")


@pytest.mark.parametrize(("text", "expected"), [
    (GOOD.replace("delay = 2.0", "delay = -1"),
     "<sources>:11: source #2 ('list'), key 'delay': Input should be greater than or equal"),
    (GOOD.replace('kind = "feed"', 'kind = "rss"'),
     "<sources>:3: source #1 ('feed'), key 'kind': Input should be 'feed'"),
    (GOOD.replace("may_change = true", "may_chnage = true"),
     "<sources>:13: source #2 ('list'), key 'may_chnage': Extra inputs are not permitted"),
    (GOOD.replace("include = ['/news/\\d+\\.html$']", "include = ['(']"),
     "<sources>:10: source #2 ('list'), key 'include': bad regular expression"),
    (GOOD.replace('url = "https://example.com/rss.xml"', 'url = "ftp://example.com/x"'),
     "<sources>:4: source #1 ('feed'), key 'url': 'ftp://example.com/x' is not an absolute"),
    (GOOD.replace('url = "https://example.com/rss.xml"\n', ""),
     "<sources>:1: source #1 ('feed'): kind 'feed' needs 'url'"),
    (GOOD.replace('name = "list"', 'name = "feed"'), "source names must be unique"),
    ("[[source]\nname = 1", "not valid TOML"),
])
def test_bad_files_name_key_and_line(text: str, expected: str) -> None:
    with pytest.raises(SourcesFileError) as err:
        parse_sources(text)
    assert expected in str(err.value)


# --- discovery ----------------------------------------------------------------------------

def test_feed_with_entity_expansion_is_refused_and_other_sources_still_run() -> None:
    laughs = (b'<?xml version="1.0"?>\n<!-- ' + b"x" * 5000 + b' -->\n<!DOCTYPE rss ['
              b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
              b"<rss><channel><item><title>&c;</title><link>/a</link></item></channel></rss>")
    routes = {"/bad.xml": static(laughs, XML), "/a": ok}
    with LoopbackServer(routes) as srv:
        spec = SourceSpec(feeds=(srv.url("/bad.xml"),), urls=(srv.url("/a"),))
        found = discover(spec, settings())
    assert [t.url for t in found.targets] == [srv.url("/a")]
    [(name, reason)] = found.problems
    assert name == srv.url("/bad.xml") and "entity-expansion" in reason


def test_sitemap_index_that_includes_itself_is_read_once() -> None:
    def index(h: BaseHTTPRequestHandler, n: int) -> None:
        me, child = h.server.url("/index.xml"), h.server.url("/news.xml")  # type: ignore[attr-defined]
        respond(h, 200, (
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
            f'sitemap/0.9"><sitemap><loc>{me}</loc></sitemap>'
            f"<sitemap><loc>{child}</loc></sitemap></sitemapindex>").encode(), XML)

    def news(h: BaseHTTPRequestHandler, n: int) -> None:  # a Google News sitemap
        a = h.server.url("/a")  # type: ignore[attr-defined]
        respond(h, 200, (
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
            f"<loc>{a}</loc><news:news><news:publication><news:name>X</news:name>"
            "</news:publication><news:publication_date>2024-10-25T08:00:00+08:00"
            "</news:publication_date><news:title>T</news:title></news:news></url>"
            "</urlset>").encode(), XML)

    with LoopbackServer({"/index.xml": index, "/news.xml": news}) as srv:
        srv._server.url = srv.url  # type: ignore[attr-defined]  # routes need absolute URLs
        found = discover(SourceSpec(sitemaps=(srv.url("/index.xml"),)), settings())
    assert srv.hits["/index.xml"] == 1 and srv.hits["/news.xml"] == 1
    assert [t.url for t in found.targets] == [srv.url("/a")]
    assert found.problems == []


def test_list_page_links_picked_by_include_and_exclude() -> None:
    listing = (b'<html><body><a href="/news/1.html">one</a><a href="/news/2.html?utm_source=x">'
               b'two</a><a href="/news/2.html">two again</a><a href="/about.html">about</a>'
               b'<a href="/news/3.html#c">three</a><a href="/news/ad-4.html">ad</a>'
               b'<a href="http://other.test/news/5.html">elsewhere</a></body></html>')
    with LoopbackServer({"/news/": static(listing)}) as srv:
        source = Source(name="list", kind="list", url=srv.url("/news/"),
                        include=(r"/news/[\w-]+\.html$",), exclude=(r"/ad-",))
        found = discover([source], settings())
    assert [t.url for t in found.targets] == [srv.url(f"/news/{i}.html") for i in (1, 2, 3)]
    report = found.reports["list"]
    assert report.duplicates == 1  # 2.html with and without utm_source: listed once
    assert report.dropped == {"matches no include pattern": 1, "matches an exclude pattern": 1,
                              "host 'other.test' not in the source's allowed hosts": 1}


def test_disabled_source_is_not_read() -> None:
    with LoopbackServer({"/f.xml": ok}) as srv:
        found = discover([Source(name="off", kind="feed", url=srv.url("/f.xml"),
                                 enabled=False)], settings())
    assert srv.hits["/f.xml"] == 0 and not found.reports["off"].enabled


# --- incremental: fetched once, conditional GET for may-change sources -------------------

def test_same_article_with_and_without_utm_is_fetched_once(db_path: Path) -> None:
    with LoopbackServer({"/a": ok}) as srv:
        spec = SourceSpec(urls=(srv.url("/a?utm_source=rss&utm_medium=x"), srv.url("/a"),
                                srv.url("/a#comments")))
        cfg = settings(db_path=db_path)
        found = discover(spec, cfg)
        todo = stages.new_targets(found.targets, cfg)
        stages.fetch_and_store(todo, cfg, "r1")
        again = stages.new_targets(discover(spec, cfg).targets, cfg)
    assert len(found.targets) == 1 and srv.hits["/a"] == 1
    assert again == []  # known URL, source may not change: not fetched again


def test_may_change_source_uses_conditional_get_and_records_304(db_path: Path) -> None:
    def etagged(h: BaseHTTPRequestHandler, n: int) -> None:
        if h.headers.get("If-None-Match") == '"v1"':
            h.send_response(304)
            h.send_header("ETag", '"v1"')
            h.send_header("Content-Length", "0")
            h.end_headers()
        else:
            respond(h, 200, PAGE, {"ETag": '"v1"', "Last-Modified":
                                   "Mon, 21 Oct 2024 01:00:00 GMT"})

    cfg = settings(db_path=db_path)
    with LoopbackServer({"/live": etagged}) as srv:
        source = Source(name="live", kind="urls", urls=(srv.url("/live"),), may_change=True)
        first = stages.fetch_and_store(
            stages.new_targets(discover([source], cfg).targets, cfg), cfg, "r1")
        found = discover([source], cfg)
        todo = stages.new_targets(found.targets, cfg)
        second = stages.fetch_and_store(todo, cfg, "r2", RunState())
        summary = stages.source_summary(found, todo, second)
    assert first.outcomes == {"fetched": 1}
    assert todo[0].etag == '"v1"' and todo[0].last_modified.startswith("Mon, 21 Oct")
    assert srv.requests[-1][1]["if-none-match"] == '"v1"'
    assert second.outcomes == {"unchanged": 1}
    assert second.pages[0]["reason"].startswith("HTTP 304")
    assert summary["live"]["unchanged"] == 1 and summary["live"]["new"] == 0


def test_failing_source_is_summarised_not_raised(db_path: Path) -> None:
    cfg = settings(db_path=db_path)
    with LoopbackServer({"/a": ok}) as srv:
        sources = [Source(name="dead", kind="feed", url=srv.url("/gone.xml")),
                   Source(name="ok", kind="urls", urls=(srv.url("/a"), srv.url("/b")))]
        found = discover(sources, cfg)
        todo = stages.new_targets(found.targets, cfg)
        fetched = stages.fetch_and_store(todo, cfg, "r1")
    summary = stages.source_summary(found, todo, fetched)
    assert summary["dead"]["problems"] == [f"{srv.url('/gone.xml')}: HTTP 404"]
    assert summary["ok"]["new"] == 1 and summary["ok"]["failed"] == 1
    assert summary["ok"]["reasons"] == {"HTTP 404": 1}
