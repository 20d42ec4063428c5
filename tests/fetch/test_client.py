"""Fetching against a real loopback server: retries, limits, guard, outcomes."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

from etl.fetch.client import fetch_all
from etl.fetch.urls import canonical_url
from etl.settings import Settings
from tests.loopback import LoopbackServer, respond

PAGE = "<html><head><title>t</title></head><body><p>正文内容。</p></body></html>".encode()


def settings(**kw: object) -> Settings:
    base = Settings(allow_hosts=frozenset({"127.0.0.1"}), max_retries=2, read_timeout=2,
                    total_timeout=5)
    return base.with_overrides(**kw)


def ok(h: BaseHTTPRequestHandler, n: int) -> None:
    respond(h, 200, PAGE)


def test_500_twice_then_200_is_fetched_in_three_attempts() -> None:
    def flaky(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 500 if n < 2 else 200, PAGE)

    with LoopbackServer({"/a": flaky}) as srv:
        [page] = fetch_all([(srv.url("/a"), "t")], settings())
    assert page.outcome == "fetched"
    assert [a.status for a in page.attempts] == [500, 500, 200]
    assert srv.hits["/a"] == 3


def test_404_is_not_retried() -> None:
    with LoopbackServer({}) as srv:
        [page] = fetch_all([(srv.url("/missing"), "t")], settings())
    assert page.outcome == "failed"
    assert page.reason == "HTTP 404"
    assert srv.hits["/missing"] == 1


def test_retries_are_bounded() -> None:
    def down(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 503, b"busy")

    with LoopbackServer({"/x": down}) as srv:
        [page] = fetch_all([(srv.url("/x"), "t")], settings(max_retries=1))
    assert page.outcome == "failed" and page.reason == "HTTP 503"
    assert srv.hits["/x"] == 2


def test_loopback_alias_not_allowed_is_refused_without_a_request() -> None:
    [page] = fetch_all([("http://127.0.0.2:9/x", "t")], settings())
    assert page.outcome == "skipped"
    assert "non-public address" in (page.reason or "")


def test_redirect_to_disallowed_host_is_refused() -> None:
    def hop(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 302, b"", {"Location": "http://127.0.0.2:9/secret"})

    with LoopbackServer({"/r": hop}) as srv:
        [page] = fetch_all([(srv.url("/r"), "t")], settings())
    assert page.outcome == "skipped"
    assert "127.0.0.2" in (page.reason or "")


def test_body_over_limit_fails_cleanly() -> None:
    big = b"x" * 200_000

    def huge(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, big)

    with LoopbackServer({"/big": huge, "/ok": ok}) as srv:
        pages = fetch_all([(srv.url("/big"), "t"), (srv.url("/ok"), "t")],
                          settings(max_body_bytes=100_000))
    assert pages[0].outcome == "failed" and "TooLarge" in (pages[0].reason or "")
    assert pages[1].outcome == "fetched"


def test_non_html_content_type_is_skipped() -> None:
    def image(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, b"\x89PNG....", {"Content-Type": "image/png"})

    with LoopbackServer({"/p.png": image}) as srv:
        [page] = fetch_all([(srv.url("/p.png"), "t")], settings())
    assert page.outcome == "skipped" and "image/png" in (page.reason or "")


def test_empty_200_is_failed_with_reason() -> None:
    def empty(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, b"")

    with LoopbackServer({"/e": empty}) as srv:
        [page] = fetch_all([(srv.url("/e"), "t")], settings())
    assert page.outcome == "failed" and page.reason == "empty body"


def test_canonical_url_drops_tracking_fragment_and_default_port() -> None:
    assert canonical_url("HTTP://Example.com:80/a?utm_source=x&id=3#top") == \
        "http://example.com/a?id=3"
    assert canonical_url("https://example.com:443") == "https://example.com/"
