"""Warehouse loads: migrations, idempotent fetch storage, transactional re-parse."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.records import Article, Fact, FetchAttempt, FetchedPage, Quote
from etl.store.db import connect
from etl.store.load import (
    ParsedPage,
    RawRow,
    article_id,
    raw_to_parse,
    save_fetches,
    save_parsed,
)


def page(url: str, body: bytes = b"<p>x</p>", outcome: str = "fetched") -> FetchedPage:
    return FetchedPage(
        url=url, source="test", outcome=outcome, status=200 if outcome == "fetched" else 500,
        final_url=url, content_type="text/html", body=body if outcome == "fetched" else b"",
        fetched_at="2024-10-21T01:00:00+00:00",
        attempts=[FetchAttempt(url, "2024-10-21T01:00:00+00:00", 0, 200, len(body), 3.0)])


def parsed(raw: RawRow, n_facts: int) -> ParsedPage:
    art = Article(path=raw.url, title="标题", published="2024-10-21T09:30:00+08:00",
                  body="营业收入5.1万亿元。", author=["张三"])
    facts = [Fact("5.1万亿元", 5.1e12, "元", None, "营业收入", None, "2024-H1",
                  "营业收入5.1万亿元", 4, 10)] * n_facts
    quotes = [Quote("王浩", "副区长", "宝坻区", "我们将……", 0, 5)]
    return ParsedPage(raw, art, facts, quotes)


def test_migrations_apply_once(db_path: Path) -> None:
    with connect(db_path) as con:
        versions = con.execute("select version from schema_migrations").fetchall()
    with connect(db_path) as con:
        again = con.execute("select version from schema_migrations").fetchall()
    assert versions == again and ("001_core",) in versions


def test_fetches_store_attempts_outcomes_and_raw_once(db_path: Path) -> None:
    pages = [page("http://h/a"), page("http://h/b", outcome="failed")]
    with connect(db_path) as con:
        assert save_fetches(con, "r1", pages) == 1
        assert save_fetches(con, "r2", [page("http://h/a")]) == 0  # same bytes: kept once
        raw = con.execute("select url, body from raw_responses").fetchall()
        outcomes = con.execute(
            "select run_id, url, outcome from fetch_outcomes order by run_id, url").fetchall()
        attempts = con.execute("select count(*) from fetch_attempts").fetchall()[0][0]
    assert raw == [("http://h/a", b"<p>x</p>")]
    assert outcomes == [("r1", "http://h/a", "fetched"), ("r1", "http://h/b", "failed"),
                        ("r2", "http://h/a", "fetched")]
    assert attempts == 3


def test_reparse_replaces_derived_rows(db_path: Path) -> None:
    with connect(db_path) as con:
        save_fetches(con, "r1", [page("http://h/a")])
        [raw] = raw_to_parse(con, "1", "1")
        save_parsed(con, [parsed(raw, 3)], "1", "1")
        assert raw_to_parse(con, "1", "1") == []  # up to date: nothing to parse
        assert len(raw_to_parse(con, "2", "1")) == 1  # parser bumped: parse again
        save_parsed(con, [parsed(raw, 2)], "2", "1")
        n_articles, n_facts, n_quotes = con.execute(
            "select (select count(*) from articles), (select count(*) from facts), "
            "(select count(*) from quotes)").fetchall()[0]
        aid, published = con.execute(
            "select article_id, strftime(published_at, '%Y-%m-%d %H:%M') from articles"
        ).fetchall()[0]
    assert (n_articles, n_facts, n_quotes) == (1, 2, 1)
    assert aid == article_id("http://h/a")
    assert published == "2024-10-21 09:30"  # stored in Asia/Shanghai local time


def test_failed_reparse_keeps_previous_rows(db_path: Path) -> None:
    with connect(db_path) as con:
        save_fetches(con, "r1", [page("http://h/a")])
        [raw] = raw_to_parse(con, "1", "1")
        save_parsed(con, [parsed(raw, 3)], "1", "1")
        bad = parsed(raw, 1)
        # A NULL value violates the facts table's NOT NULL after the old rows were deleted.
        bad.facts.append(Fact("?", None, "元", None, None, None, None, "", 0, 1))  # type: ignore[arg-type]
        with pytest.raises(duckdb.ConstraintException):
            save_parsed(con, [bad], "2", "1")
        n_facts = con.execute("select count(*) from facts").fetchall()[0][0]
    assert n_facts == 3
