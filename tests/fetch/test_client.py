"""The fetch fault matrix, against a real loopback server (no mocked transport).

Every case fetches the faulty page next to a healthy one and checks: the run finishes,
the faulty page's outcome and reason, the healthy page is untouched, and the server saw
no more requests than the retry policy allows. Timeouts are small to keep this fast.
"""

from __future__ import annotations

import gzip
import time
import zlib
from http.server import BaseHTTPRequestHandler

import pytest

from etl.fetch.client import fetch_all
from etl.fetch.policy import RetryBudget, RunState
from etl.fetch.urls import canonical_url
from etl.parse import parse_page
from etl.records import FetchedPage
from etl.settings import Settings
from tests.loopback import LoopbackServer, Route, reset, respond, send_chunk, send_head

PAGE = "<html><head><title>t</title></head><body><p>正文内容。</p></body></html>".encode()


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backoff of 20-60 ms instead of 0.25-0.75 s: same policy, faster suite."""
    monkeypatch.setattr("etl.fetch.client.BACKOFF_BASE", 0.04)


def settings(**kw: object) -> Settings:
    base = Settings(allow_hosts=frozenset({"127.0.0.1"}), max_retries=2, read_timeout=1,
                    connect_timeout=1, total_timeout=3)
    return base.with_overrides(**kw)


def ok(h: BaseHTTPRequestHandler, n: int) -> None:
    respond(h, 200, PAGE)


def fetch_with_ok(routes: dict[str, Route], path: str, **kw: object
                  ) -> tuple[FetchedPage, LoopbackServer]:
    """Fetch ``path`` and a healthy /ok page in one run; assert /ok came through."""
    state = RunState(retry_budget=RetryBudget(kw.pop("budget", 100)))  # type: ignore[arg-type]
    with LoopbackServer({**routes, "/ok": ok}) as srv:
        page, healthy = fetch_all([(srv.url(path), "t"), (srv.url("/ok"), "t")],
                                  settings(**kw), state=state)
    assert healthy.outcome == "fetched" and healthy.body == PAGE
    assert srv.hits["/ok"] == 1
    assert len(page.attempts) == srv.hits[path]  # every request is an attempt row
    return page, srv


# --- slow, flaky and throttling servers -------------------------------------------------

def test_response_slower_than_read_timeout_fails_after_bounded_retries() -> None:
    def slow(h: BaseHTTPRequestHandler, n: int) -> None:
        time.sleep(1.0)
        respond(h, 200, PAGE)

    page, srv = fetch_with_ok({"/slow": slow}, "/slow", read_timeout=0.2, max_retries=1)
    assert page.outcome == "failed" and page.reason.startswith("ReadTimeout")
    assert srv.hits["/slow"] == 2  # 1 try + 1 retry


def test_500_twice_then_200_is_fetched_in_three_attempts() -> None:
    def flaky(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 500 if n < 2 else 200, PAGE)

    page, srv = fetch_with_ok({"/a": flaky}, "/a")
    assert page.outcome == "fetched"
    assert [a.status for a in page.attempts] == [500, 500, 200]
    assert srv.hits["/a"] == 3


def test_429_honours_retry_after() -> None:
    def throttled(h: BaseHTTPRequestHandler, n: int) -> None:
        if n == 0:
            respond(h, 429, b"slow down", {"Retry-After": "1"})
        else:
            respond(h, 200, PAGE)

    started = time.monotonic()
    page, srv = fetch_with_ok({"/t": throttled}, "/t")
    assert page.outcome == "fetched" and srv.hits["/t"] == 2
    assert time.monotonic() - started >= 0.95  # waited as told, not the 0.5 s backoff


def test_429_with_retry_after_beyond_cap_is_not_retried() -> None:
    def throttled(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 429, b"", {"Retry-After": "3600"})

    page, srv = fetch_with_ok({"/t": throttled}, "/t")
    assert page.outcome == "failed" and "Retry-After 3600s exceeds" in page.reason
    assert srv.hits["/t"] == 1


def test_404_is_not_retried() -> None:
    page, srv = fetch_with_ok({}, "/missing")
    assert page.outcome == "failed" and page.reason == "HTTP 404"
    assert srv.hits["/missing"] == 1


def test_retries_are_bounded_per_url() -> None:
    def down(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 503, b"busy")

    page, srv = fetch_with_ok({"/x": down}, "/x", max_retries=1)
    assert page.outcome == "failed" and page.reason.startswith("HTTP 503 (gave up after 2")
    assert srv.hits["/x"] == 2


def test_run_retry_budget_caps_retries_across_urls() -> None:
    def down(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 503, b"busy")

    state = RunState(retry_budget=RetryBudget(2))
    with LoopbackServer({f"/d{i}": down for i in range(4)}) as srv:
        pages = fetch_all([(srv.url(f"/d{i}"), "t") for i in range(4)], settings(), state=state)
    assert all(p.outcome == "failed" for p in pages)
    assert sum(srv.hits[f"/d{i}"] for i in range(4)) == 4 + 2  # one try each + the budget
    assert sum("retry budget of 2 exhausted" in (p.reason or "") for p in pages) >= 2


# --- broken bodies ------------------------------------------------------------------------

def test_connection_reset_mid_body_fails_cleanly_after_retries() -> None:
    def cut(h: BaseHTTPRequestHandler, n: int) -> None:
        send_head(h, 200, {"Content-Type": "text/html", "Content-Length": "10000"})
        h.wfile.write(PAGE[:20])
        reset(h)

    page, srv = fetch_with_ok({"/cut": cut}, "/cut", max_retries=1)
    assert page.outcome == "failed"
    assert page.reason.split(":")[0] in ("ReadError", "RemoteProtocolError")
    assert srv.hits["/cut"] == 2


def test_content_length_larger_than_body_fails_cleanly() -> None:
    def short(h: BaseHTTPRequestHandler, n: int) -> None:
        send_head(h, 200, {"Content-Type": "text/html", "Content-Length": str(len(PAGE) + 500),
                           "Connection": "close"})
        h.wfile.write(PAGE)
        h.close_connection = True

    page, srv = fetch_with_ok({"/short": short}, "/short", max_retries=1)
    assert page.outcome == "failed" and page.reason.startswith("RemoteProtocolError")
    assert "incomplete" in page.reason or "closed" in page.reason
    assert srv.hits["/short"] == 2


def test_empty_200_is_failed_with_reason() -> None:
    def empty(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, b"")

    page, srv = fetch_with_ok({"/e": empty}, "/e")
    assert page.outcome == "failed" and page.reason == "empty body"
    assert srv.hits["/e"] == 1


def test_non_html_content_type_is_skipped_without_reading_the_body() -> None:
    def image(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, b"\x89PNG" * 1000, {"Content-Type": "image/png"})

    page, srv = fetch_with_ok({"/p.png": image}, "/p.png")
    assert page.outcome == "skipped" and "image/png" in page.reason
    assert page.body == b"" and srv.hits["/p.png"] == 1


# --- size limits and compression ----------------------------------------------------------

def _chunked_stream(total: int, chunk: bytes) -> Route:
    def stream(h: BaseHTTPRequestHandler, n: int) -> None:
        send_head(h, 200, {"Content-Type": "text/html", "Transfer-Encoding": "chunked"})
        sent = 0
        while sent < total:  # generated on the fly: the server never holds the body
            send_chunk(h, chunk)
            sent += len(chunk)
        send_chunk(h, b"")

    return stream


def test_50_mb_body_is_cut_at_the_limit_while_streaming() -> None:
    route = _chunked_stream(50 * 1024 * 1024, b"<p>" + b"x" * 65533 + b"</p>")
    page, srv = fetch_with_ok({"/big": route}, "/big", max_body_bytes=1_000_000)
    assert page.outcome == "failed" and page.reason.startswith("TooLarge")
    assert srv.hits["/big"] == 1  # too large is final, not retried


def test_declared_content_length_over_limit_is_refused_before_reading() -> None:
    def huge(h: BaseHTTPRequestHandler, n: int) -> None:
        send_head(h, 200, {"Content-Type": "text/html", "Content-Length": str(50 * 2**20)})
        h.close_connection = True

    page, srv = fetch_with_ok({"/big": huge}, "/big", max_body_bytes=1_000_000)
    assert page.outcome == "failed" and "Content-Length 52428800 exceeds" in page.reason


def _gzip_bomb(decoded: int) -> bytes:
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * 2**20
    return b"".join(z.compress(block) for _ in range(decoded // len(block))) + z.flush()


BOMB = _gzip_bomb(64 * 2**20)  # ~64 KB on the wire, 64 MB decoded


def test_gzip_bomb_is_cut_on_decoded_bytes() -> None:
    def bomb(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, BOMB, {"Content-Encoding": "gzip"})

    assert len(BOMB) < 1_000_000  # the wire size is under the limit...
    page, srv = fetch_with_ok({"/bomb": bomb}, "/bomb", max_body_bytes=1_000_000)
    assert page.outcome == "failed" and "decoded body exceeds 1000000" in page.reason
    assert srv.hits["/bomb"] == 1


def test_gzip_body_is_decoded() -> None:
    def zipped(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, gzip.compress(PAGE), {"Content-Encoding": "gzip"})

    page, _ = fetch_with_ok({"/z": zipped}, "/z")
    assert page.outcome == "fetched" and page.body == PAGE


def test_body_claiming_gzip_that_is_not_gzip_fails_cleanly() -> None:
    def liar(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, PAGE, {"Content-Encoding": "gzip"})

    page, srv = fetch_with_ok({"/g": liar}, "/g")
    assert page.outcome == "failed" and page.reason.startswith("BadEncoding: body is not "
                                                               "valid gzip")
    assert srv.hits["/g"] == 1


# --- charset ------------------------------------------------------------------------------

def test_lying_charset_header_is_decoded_right_by_the_parse_stage() -> None:
    text = "国家统计局今天发布数据，前三季度国内生产总值同比增长百分之五左右，经济运行总体平稳。"
    html = (f"<html><head><title>统计局发布数据</title></head><body><article><p>{text}</p>"
            f"<p>{text}</p></article></body></html>").encode("gbk")

    def lying(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, html, {"Content-Type": "text/html; charset=utf-8"})

    page, _ = fetch_with_ok({"/gbk": lying}, "/gbk")
    assert page.outcome == "fetched" and page.body == html  # raw bytes, not re-decoded
    article = parse_page(page.body, url=page.url, content_type=page.content_type)
    assert "国内生产总值" in article.body
    assert article.charset in ("gbk", "gb18030")
    assert "utf-8" in (article.charset_decision or "")  # the contradicted header is noted


# --- redirects and the address guard -----------------------------------------------------

def test_redirect_loop_fails_without_looping() -> None:
    def a(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 302, b"", {"Location": "/loop-b"})

    def b(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 301, b"", {"Location": "/loop-a"})

    page, srv = fetch_with_ok({"/loop-a": a, "/loop-b": b}, "/loop-a")
    assert page.outcome == "failed" and page.reason.startswith("RedirectLoop")
    assert srv.hits["/loop-a"] == 1 and srv.hits["/loop-b"] == 1


def test_too_many_redirects_fail() -> None:
    def hop(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 302, b"", {"Location": f"/hop?{n + 1}"})

    with LoopbackServer({"/hop": hop}) as srv:
        [page] = fetch_all([(srv.url("/hop"), "t")], settings(max_redirects=3))
    assert page.outcome == "failed" and "more than 3 redirects" in page.reason
    assert srv.hits["/hop"] == 4


def test_redirect_to_disallowed_loopback_alias_is_refused() -> None:
    def hop(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 302, b"", {"Location": "http://127.0.0.2:9/secret"})

    page, srv = fetch_with_ok({"/r": hop}, "/r")
    assert page.outcome == "skipped" and "127.0.0.2" in page.reason
    assert "non-public address" in page.reason
    assert srv.hits["/r"] == 1


def test_loopback_alias_not_allowed_is_refused_without_a_request() -> None:
    [page] = fetch_all([("http://127.0.0.2:9/x", "t")], settings())
    assert page.outcome == "skipped" and "non-public address" in page.reason
    assert page.attempts == []


# --- timeouts -----------------------------------------------------------------------------

def test_byte_a_second_drip_is_cut_by_the_total_timeout() -> None:
    def drip(h: BaseHTTPRequestHandler, n: int) -> None:
        send_head(h, 200, {"Content-Type": "text/html", "Transfer-Encoding": "chunked"})
        while True:  # never ends; each byte arrives well inside the read timeout
            send_chunk(h, b"x")
            h.wfile.flush()
            time.sleep(0.1)

    started = time.monotonic()
    page, srv = fetch_with_ok({"/drip": drip}, "/drip", read_timeout=1, total_timeout=0.8,
                              max_retries=0)
    assert page.outcome == "failed" and page.reason.startswith("TotalTimeout")
    assert time.monotonic() - started < 2.5
    assert srv.hits["/drip"] == 1


# --- robots.txt ----------------------------------------------------------------------------

def test_robots_disallow_is_honoured_and_robots_fetched_once() -> None:
    def robots(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})

    with LoopbackServer({"/robots.txt": robots, "/ok": ok, "/private/a": ok,
                         "/private/b": ok}) as srv:
        pages = fetch_all([(srv.url(p), "t") for p in ("/private/a", "/ok", "/private/b")],
                          settings())
    assert [p.outcome for p in pages] == ["skipped", "fetched", "skipped"]
    assert "disallowed by robots.txt" in pages[0].reason
    assert srv.hits["/robots.txt"] == 1 and srv.hits["/private/a"] == 0
    assert pages[0].attempts == []


def test_robots_5xx_disallows_the_origin_for_the_run() -> None:
    def broken(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 503, b"")

    with LoopbackServer({"/robots.txt": broken, "/ok": ok}) as srv:
        [page] = fetch_all([(srv.url("/ok"), "t")], settings())
    assert page.outcome == "skipped" and "robots.txt HTTP 503" in page.reason
    assert srv.hits["/ok"] == 0


def test_user_agent_comes_from_settings() -> None:
    with LoopbackServer({"/ok": ok}) as srv:
        fetch_all([(srv.url("/ok"), "t")], settings(user_agent="tester/1.0 (+x)"))
    assert {h["user-agent"] for _, h in srv.requests} == {"tester/1.0 (+x)"}


# --- politeness -------------------------------------------------------------------------

def test_per_host_concurrency_and_delay() -> None:
    def slow(h: BaseHTTPRequestHandler, n: int) -> None:
        time.sleep(0.1)
        respond(h, 200, PAGE)

    with LoopbackServer({f"/s{i}": slow for i in range(6)}) as srv:
        fetch_all([(srv.url(f"/s{i}"), "t") for i in range(6)],
                  settings(per_host_concurrency=2))
    assert srv.max_inflight == 2
    with LoopbackServer({f"/s{i}": ok for i in range(4)}) as srv:
        started = time.monotonic()
        fetch_all([(srv.url(f"/s{i}"), "t") for i in range(4)],
                  settings(per_host_delay=0.15, per_host_concurrency=4))
        assert time.monotonic() - started >= 0.45  # 4 requests spaced 0.15 s apart


# --- URLs -----------------------------------------------------------------------------------

def test_canonical_url_drops_tracking_fragment_and_default_port() -> None:
    assert canonical_url("HTTP://Example.com:80/a?utm_source=x&id=3#top") == \
        "http://example.com/a?id=3"
    assert canonical_url("https://example.com:443") == "https://example.com/"
