"""robots.txt on every redirect hop, robots fetches stored as attempts, run settings."""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from etl import cli
from etl.fetch.client import fetch_all
from etl.fetch.policy import RetryBudget, RunState
from etl.fetch.robots import ROBOTS_SOURCE
from etl.fetch.sources import SourceSpec, discover
from etl.settings import Settings, load_settings
from etl.store.db import connect
from etl.store.load import save_fetches
from tests.loopback import LoopbackServer, respond

PAGE = b"<html><body><p>page</p></body></html>"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("etl.fetch.client.BACKOFF_BASE", 0.01)


def settings(**kw: object) -> Settings:
    return Settings(allow_hosts=frozenset({"127.0.0.1"}), max_retries=0, read_timeout=1,
                    connect_timeout=1, total_timeout=3).with_overrides(**kw)


def ok(h: BaseHTTPRequestHandler, n: int) -> None:
    respond(h, 200, PAGE)


def robots(h: BaseHTTPRequestHandler, n: int) -> None:
    respond(h, 200, ROBOTS, {"Content-Type": "text/plain"})


def redirect(to: str):  # noqa: ANN201
    def route(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 302, b"", {"Location": to})
    return route


# --- every hop ----------------------------------------------------------------------------

def test_redirect_into_a_disallowed_path_is_skipped_before_requesting_it() -> None:
    with LoopbackServer({"/robots.txt": robots, "/r": redirect("/private/x"),
                         "/private/x": ok}) as srv:
        [page] = fetch_all([(srv.url("/r"), "t")], settings())
    assert page.outcome == "skipped" and "disallowed by robots.txt" in page.reason
    assert page.reason.startswith("RobotsDisallowed: redirect to ")
    assert srv.hits["/r"] == 1 and srv.hits["/private/x"] == 0
    assert srv.hits["/robots.txt"] == 1


def test_redirect_to_another_origin_reads_that_origins_robots() -> None:
    def broken(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 503, b"")

    with LoopbackServer({"/robots.txt": broken, "/a": ok}) as other, \
            LoopbackServer({"/robots.txt": robots, "/r": redirect(other.url("/a")),
                            }) as srv:
        state = RunState()
        [page] = fetch_all([(srv.url("/r"), "t")], settings(), state=state)
    assert page.outcome == "skipped" and "robots.txt HTTP 503" in page.reason
    assert other.hits["/robots.txt"] == 1 and other.hits["/a"] == 0
    assert state.robots_requests == 2


def test_allowed_redirect_hop_is_followed() -> None:
    with LoopbackServer({"/robots.txt": robots, "/r": redirect("/ok"), "/ok": ok}) as srv:
        [page] = fetch_all([(srv.url("/r"), "t")], settings())
    assert page.outcome == "fetched" and srv.hits["/robots.txt"] == 1


# --- robots fetches are attempts ------------------------------------------------------------

def test_robots_fetch_is_recorded_as_a_page_with_its_attempt() -> None:
    state = RunState()
    with LoopbackServer({"/robots.txt": robots, "/ok": ok}) as srv:
        fetch_all([(srv.url("/ok"), "t"), (srv.url("/private/a"), "t")], settings(),
                  state=state)
    [rp] = state.take_robots_pages()
    assert rp.url == srv.url("/robots.txt") and rp.source == ROBOTS_SOURCE
    assert rp.outcome == "fetched" and rp.body == ROBOTS
    [attempt] = rp.attempts
    assert attempt.status == 200 and attempt.bytes == len(ROBOTS)
    assert attempt.elapsed_ms > 0 and attempt.error_class is None
    assert state.take_robots_pages() == []  # handed out once


def test_failed_robots_fetch_records_the_error() -> None:
    def slow(h: BaseHTTPRequestHandler, n: int) -> None:
        time.sleep(0.6)
        respond(h, 200, ROBOTS)

    state = RunState()
    with LoopbackServer({"/robots.txt": slow, "/ok": ok}) as srv:
        [page] = fetch_all([(srv.url("/ok"), "t")], settings(read_timeout=0.2), state=state)
    assert page.outcome == "skipped" and "robots.txt unavailable" in page.reason
    [rp] = state.robots_pages
    assert rp.outcome == "failed" and rp.attempts[0].error_class == "ReadTimeout"
    assert rp.attempts[0].status is None


def test_missing_robots_is_a_404_attempt_and_allows_all() -> None:
    state = RunState()
    with LoopbackServer({"/ok": ok}) as srv:
        [page] = fetch_all([(srv.url("/ok"), "t")], settings(), state=state)
    assert page.outcome == "fetched"
    [rp] = state.robots_pages
    assert rp.status == 404 and "all allowed" in rp.reason and rp.attempts[0].status == 404


def test_discovery_stores_robots_of_listing_and_article_origins(db_path: Path) -> None:
    with LoopbackServer({"/robots.txt": robots, "/a": ok}) as articles:
        feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>'
                f'<item><title>a</title><link>{articles.url("/a")}</link></item>'
                f'</channel></rss>').encode()

        def rss(h: BaseHTTPRequestHandler, n: int) -> None:
            respond(h, 200, feed, {"Content-Type": "application/rss+xml"})

        with LoopbackServer({"/robots.txt": robots, "/feed": rss}) as site:
            src = SourceSpec(feeds=(site.url("/feed"),)).to_sources()
            # the feed may list another host: allow it for this test
            src = [src[0].model_copy(update={"allowed_hosts": ("127.0.0.1",)})]
            state = RunState()
            found = discover(src, settings(db_path=db_path), state)
            fetch_all(found.targets, settings(), state=state)  # robots already cached
    robots_rows = [p for p in found.listings if p.source == ROBOTS_SOURCE]
    assert sorted(p.url for p in robots_rows) == sorted(
        [site.url("/robots.txt"), articles.url("/robots.txt")])
    assert articles.hits["/robots.txt"] == 1 and state.robots_requests == 2
    with connect(db_path) as con:
        save_fetches(con, "r1", found.listings, kind="listing")
        rows = con.execute("select url, status, elapsed_ms, error_class from fetch_attempts "
                           "where url like '%/robots.txt' order by url").fetchall()
    assert len(rows) == 2 and all(r[1] == 200 and r[2] > 0 and r[3] is None for r in rows)


# --- settings and CLI -------------------------------------------------------------------------

def test_retry_budget_comes_from_settings_unless_the_run_state_sets_one() -> None:
    def down(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 503, b"")

    state = RunState()
    with LoopbackServer({f"/d{i}": down for i in range(3)}) as srv:
        pages = fetch_all([(srv.url(f"/d{i}"), "t") for i in range(3)],
                          settings(max_retries=3, retry_budget=1, obey_robots=False),
                          state=state)
    assert state.retry_budget.total == 1 and state.retry_budget.used == 1
    assert sum(srv.hits[f"/d{i}"] for i in range(3)) == 3 + 1
    assert any("retry budget of 1 exhausted" in (p.reason or "") for p in pages)
    explicit = RunState(retry_budget=RetryBudget(5))
    fetch_all([], settings(retry_budget=1), state=explicit)
    assert explicit.retry_budget.total == 5


def test_ignore_robots_setting_skips_robots_entirely() -> None:
    state = RunState()
    with LoopbackServer({"/robots.txt": robots, "/private/a": ok}) as srv:
        [page] = fetch_all([(srv.url("/private/a"), "t")], settings(obey_robots=False),
                           state=state)
    assert page.outcome == "fetched" and srv.hits["/robots.txt"] == 0
    assert state.robots_requests == 0 and state.robots_pages == []


def test_run_state_choice_overrides_settings() -> None:
    with LoopbackServer({"/robots.txt": robots, "/private/a": ok}) as srv:
        [page] = fetch_all([(srv.url("/private/a"), "t")], settings(obey_robots=False),
                           state=RunState(obey_robots=True))
    assert page.outcome == "skipped"


def test_environment_sets_fetch_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETL_RETRY_BUDGET", "7")
    monkeypatch.setenv("ETL_IGNORE_ROBOTS", "1")
    monkeypatch.setenv("ETL_USER_AGENT", "ua/2")
    s = load_settings()
    assert (s.retry_budget, s.obey_robots, s.user_agent) == (7, False, "ua/2")
    monkeypatch.delenv("ETL_IGNORE_ROBOTS")
    assert load_settings().obey_robots is True


def test_ingest_options_reach_the_flow_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ETL_RETRY_BUDGET", "ETL_IGNORE_ROBOTS", "ETL_USER_AGENT"):
        monkeypatch.delenv(name, raising=False)
    args = cli.build_parser().parse_args(
        ["ingest", "--url", "http://127.0.0.1:9/", "--retry-budget", "3",
         "--ignore-robots", "--user-agent", "mine/1"])
    with monkeypatch.context() as m:
        for name in ("ETL_RETRY_BUDGET", "ETL_IGNORE_ROBOTS", "ETL_USER_AGENT"):
            m.setenv(name, "placeholder")  # restored by monkeypatch afterwards
            m.delenv(name)
        cli._fetch_env(args)
        s = load_settings()
    assert (s.retry_budget, s.obey_robots, s.user_agent) == (3, False, "mine/1")
    defaults = cli.build_parser().parse_args(["ingest", "--url", "http://127.0.0.1:9/"])
    assert defaults.retry_budget is None and defaults.ignore_robots is False
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["ingest", "--retry-budget", "-1"])
