"""Bulk loads into the warehouse (Arrow tables, never row-by-row executemany)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from etl.records import Article, Entity, Fact, FetchedPage, Quote


def content_hash(body: bytes) -> str:
    """sha256 of a raw body, the identity of one stored response."""
    return hashlib.sha256(body).hexdigest()


def article_id(url: str) -> str:
    """Stable article key from the canonical URL, so reloads upsert instead of duplicate."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]],
            schema: pa.Schema, conflict: str = "") -> None:
    if rows:
        _insert_table(con, table, pa.Table.from_pylist(rows, schema=schema), conflict)


def _insert_table(con: duckdb.DuckDBPyConnection, table: str, staged: pa.Table,
                  conflict: str = "") -> None:
    if not staged.num_rows:
        return
    schema = staged.schema
    name = f"staged_{table}"
    con.register(name, staged)
    cols = ", ".join(schema.names)
    con.execute(f"insert into {table} ({cols}) select {cols} from {name} {conflict}")
    # Not in a finally: after a failed insert the transaction is aborted and must be rolled
    # back by the caller first; a later register() of the same name replaces the view.
    con.unregister(name)


ATTEMPT_SCHEMA = pa.schema([
    ("run_id", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("attempted_at", pa.timestamp("us", tz="UTC")), ("retry", pa.int32()),
    ("status", pa.int32()), ("bytes", pa.int64()), ("elapsed_ms", pa.float64()),
    ("error_class", pa.string()), ("error_message", pa.string()),
])
OUTCOME_SCHEMA = pa.schema([
    ("run_id", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("outcome", pa.string()), ("reason", pa.string()), ("status", pa.int32()),
    ("final_url", pa.string()), ("attempts", pa.int32()), ("content_hash", pa.string()),
    ("decided_at", pa.timestamp("us", tz="UTC")),
])
RAW_SCHEMA = pa.schema([
    ("url", pa.string()), ("content_hash", pa.string()), ("final_url", pa.string()),
    ("fetched_at", pa.timestamp("us", tz="UTC")), ("status", pa.int32()),
    ("content_type", pa.string()), ("headers", pa.string()), ("body", pa.binary()),
    ("kind", pa.string()),
])


def _ts(value: str | None) -> datetime:
    return datetime.fromisoformat(value) if value else datetime.now(UTC)


def save_fetches(con: duckdb.DuckDBPyConnection, run_id: str, pages: list[FetchedPage],
                 kind: str = "article") -> int:
    """Store attempts, outcomes and raw bodies of fetched pages; returns new raw rows.

    ``kind`` is "article" for pages to parse, "listing" for feeds and sitemaps."""
    attempts, outcomes, raws = [], [], []
    now = datetime.now(UTC)
    for page in pages:
        digest = content_hash(page.body) if page.outcome == "fetched" else None
        for a in page.attempts:
            attempts.append({
                "run_id": run_id, "url": page.url, "source": page.source,
                "attempted_at": _ts(a.attempted_at), "retry": a.retry, "status": a.status,
                "bytes": a.bytes, "elapsed_ms": a.elapsed_ms, "error_class": a.error_class,
                "error_message": a.error_message})
        outcomes.append({
            "run_id": run_id, "url": page.url, "source": page.source, "outcome": page.outcome,
            "reason": page.reason, "status": page.status, "final_url": page.final_url,
            "attempts": len(page.attempts), "content_hash": digest, "decided_at": now})
        if digest:
            raws.append({
                "url": page.url, "content_hash": digest, "final_url": page.final_url,
                "fetched_at": _ts(page.fetched_at), "status": page.status,
                "content_type": page.content_type,
                "headers": json.dumps(page.headers, ensure_ascii=False, sort_keys=True),
                "body": page.body, "kind": kind})
    before = con.execute("select count(*) from raw_responses").fetchall()[0][0]
    con.execute("begin")
    try:
        _insert(con, "fetch_attempts", attempts, ATTEMPT_SCHEMA)
        _insert(con, "fetch_outcomes", outcomes, OUTCOME_SCHEMA,
                "on conflict (run_id, url) do nothing")
        _insert(con, "raw_responses", raws, RAW_SCHEMA,
                "on conflict (url, content_hash) do nothing")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return con.execute("select count(*) from raw_responses").fetchall()[0][0] - before


def fetched_urls(con: duckdb.DuckDBPyConnection) -> set[str]:
    """URLs that already have a stored raw response (not fetched again)."""
    rows = con.execute("select distinct url from raw_responses where kind = 'article'")
    return {r[0] for r in rows.fetchall()}


@dataclass(frozen=True, slots=True)
class RawRow:
    """A stored raw response, as the parse stage reads it."""

    url: str
    content_hash: str
    content_type: str | None
    body: bytes


def _rows_for_urls(con: duckdb.DuckDBPyConnection, urls: list[str], sql: str,
                   params: dict[str, Any] | None = None) -> list[tuple]:
    """Run ``sql`` with the given URLs registered as the table ``wanted_urls(url)``."""
    con.register("wanted_urls", pa.table({"url": pa.array(urls, pa.string())}))
    try:
        return con.execute(sql, params or {}).fetchall()
    finally:
        con.unregister("wanted_urls")


def raw_to_parse(con: duckdb.DuckDBPyConnection, parser_version: str,
                 extractor_version: str, reparse: bool = False,
                 urls: list[str] | None = None) -> list[RawRow]:
    """Latest raw response per URL that has no current article (or all, with reparse);
    only among ``urls`` when given (the pages a fetch batch just stored)."""
    sql = """
        with latest as (
            select * from raw_responses
            where kind = 'article' and ($all_urls or url in (select url from wanted_urls))
            qualify row_number() over (partition by url order by fetched_at desc) = 1
        )
        select l.url, l.content_hash, l.content_type, l.body
        from latest l
        left join articles a on a.url = l.url
        where $reparse
           or a.article_id is null
           or a.content_hash <> l.content_hash
           or a.parser_version <> $parser_version
           or exists (select 1 from facts f where f.article_id = a.article_id
                      and f.extractor_version <> $extractor_version)
        order by l.url
    """
    rows = _rows_for_urls(con, urls or [], sql, {
        "reparse": reparse, "parser_version": parser_version,
        "extractor_version": extractor_version, "all_urls": urls is None})
    return [RawRow(u, h, ct, bytes(b)) for u, h, ct, b in rows]


ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("url", pa.string()), ("content_hash", pa.string()),
    ("title", pa.string()), ("published_at", pa.timestamp("us", tz="UTC")),
    ("published_text", pa.string()), ("authors", pa.list_(pa.string())),
    ("editors", pa.list_(pa.string())), ("source_name", pa.string()), ("agency", pa.string()),
    ("dateline_place", pa.string()), ("language", pa.string()), ("charset", pa.string()),
    ("charset_decision", pa.string()), ("canonical_url", pa.string()), ("body", pa.string()),
    ("body_simplified", pa.string()), ("captions", pa.list_(pa.string())),
    ("repairs", pa.string()), ("warnings", pa.list_(pa.string())),
    ("parser_version", pa.string()), ("parsed_at", pa.timestamp("us", tz="UTC")),
    ("body_minhash", pa.binary()),
])
FACT_SCHEMA = pa.schema([
    ("fact_id", pa.string()), ("article_id", pa.string()), ("seq", pa.int32()),
    ("text", pa.string()), ("value", pa.float64()), ("unit", pa.string()),
    ("approx", pa.string()), ("metric", pa.string()), ("subject", pa.string()),
    ("period", pa.string()), ("sentence", pa.string()), ("start_offset", pa.int32()),
    ("end_offset", pa.int32()), ("extractor_version", pa.string()),
])
QUOTE_SCHEMA = pa.schema([
    ("quote_id", pa.string()), ("article_id", pa.string()), ("seq", pa.int32()),
    ("speaker", pa.string()), ("role", pa.string()), ("org", pa.string()),
    ("text", pa.string()), ("start_offset", pa.int32()), ("end_offset", pa.int32()),
    ("extractor_version", pa.string()),
])

ENTITY_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("kind", pa.string()), ("name", pa.string()),
    ("mentions", pa.int32()), ("province", pa.string()), ("extractor_version", pa.string()),
])


@dataclass(slots=True)
class ParsedPage:
    """One raw response's parse: the article and what was extracted from it."""

    raw: RawRow
    article: Article
    facts: list[Fact]
    quotes: list[Quote]
    entities: list[Entity] = field(default_factory=list)
    body_minhash: bytes | None = None  # syndication signature of the simplified body


def published_at(published: str | None) -> datetime | None:
    """Article.published (local ISO text) as an aware datetime; dates mean local midnight."""
    if not published:
        return None
    from zoneinfo import ZoneInfo

    try:
        value = datetime.fromisoformat(published)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    return value


@dataclass(slots=True)
class ParsedTables:
    """A parsed batch as the Arrow tables ``write_parsed`` loads.

    Built where the batch was parsed (a Dask worker): a few columnar buffers travel
    back to the flow's process cheaper than thousands of small objects, and the single
    DuckDB writer only has to insert them."""

    articles: pa.Table
    facts: pa.Table
    quotes: pa.Table
    entities: pa.Table


def parsed_tables(parsed: list[ParsedPage], parser_version: str,
                  extractor_version: str) -> ParsedTables:
    """The rows of articles, facts, quotes and entities of these pages."""
    now = datetime.now(UTC)
    articles, facts, quotes, entities = [], [], [], []
    for item in parsed:
        a = item.article
        aid = article_id(item.raw.url)
        articles.append({
            "article_id": aid, "url": item.raw.url, "content_hash": item.raw.content_hash,
            "title": a.title, "published_at": published_at(a.published),
            "published_text": a.published, "authors": a.author, "editors": a.editors,
            "source_name": a.source_name, "agency": a.agency,
            "dateline_place": a.dateline_place, "language": a.language, "charset": a.charset,
            "charset_decision": a.charset_decision, "canonical_url": a.canonical_url,
            "body": a.body, "body_simplified": a.body_simplified, "captions": a.captions,
            "repairs": json.dumps([r.as_dict() for r in a.repairs], ensure_ascii=False),
            "warnings": a.warnings, "parser_version": parser_version, "parsed_at": now,
            "body_minhash": item.body_minhash})
        for seq, f in enumerate(item.facts):
            facts.append({
                "fact_id": f"{aid}-{seq:04d}", "article_id": aid, "seq": seq, "text": f.text,
                "value": f.value, "unit": f.unit, "approx": f.approx, "metric": f.metric,
                "subject": f.subject, "period": f.period, "sentence": f.sentence,
                "start_offset": f.start, "end_offset": f.end,
                "extractor_version": extractor_version})
        for seq, q in enumerate(item.quotes):
            quotes.append({
                "quote_id": f"{aid}-{seq:04d}", "article_id": aid, "seq": seq,
                "speaker": q.speaker, "role": q.role, "org": q.org, "text": q.text,
                "start_offset": q.start, "end_offset": q.end,
                "extractor_version": extractor_version})
        entities.extend({"article_id": aid, "kind": e.kind, "name": e.name,
                         "mentions": e.mentions, "province": e.province,
                         "extractor_version": extractor_version} for e in item.entities)
    return ParsedTables(pa.Table.from_pylist(articles, schema=ARTICLE_SCHEMA),
                        pa.Table.from_pylist(facts, schema=FACT_SCHEMA),
                        pa.Table.from_pylist(quotes, schema=QUOTE_SCHEMA),
                        pa.Table.from_pylist(entities, schema=ENTITY_SCHEMA))


def save_parsed(con: duckdb.DuckDBPyConnection, parsed: list[ParsedPage],
                parser_version: str, extractor_version: str) -> None:
    """Replace the articles, facts, quotes and entities of these pages in one transaction."""
    write_parsed(con, parsed_tables(parsed, parser_version, extractor_version))


def write_parsed(con: duckdb.DuckDBPyConnection, tables: ParsedTables) -> None:
    """Replace the derived rows of the tables' articles with theirs, in one transaction."""
    con.register("replaced_ids", tables.articles.select(["article_id", "url"]))
    con.execute("begin")
    try:
        for table in ("facts", "quotes", "entities", "articles"):
            con.execute(f"delete from {table} where article_id in "
                        "(select article_id from replaced_ids)")
        con.execute("delete from parse_failures where url in (select url from replaced_ids)")
        _insert_table(con, "articles", tables.articles)
        _insert_table(con, "facts", tables.facts)
        _insert_table(con, "quotes", tables.quotes)
        _insert_table(con, "entities", tables.entities, "on conflict do nothing")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.unregister("replaced_ids")


def save_parse_failures(con: duckdb.DuckDBPyConnection,
                        failures: list[tuple[RawRow, str]]) -> None:
    """Record pages whose parse raised, with the reason."""
    rows = [{"url": r.url, "content_hash": r.content_hash, "error": err,
             "failed_at": datetime.now(UTC)} for r, err in failures]
    schema = pa.schema([("url", pa.string()), ("content_hash", pa.string()),
                        ("error", pa.string()), ("failed_at", pa.timestamp("us", tz="UTC"))])
    _insert(con, "parse_failures", rows, schema,
            "on conflict (url, content_hash) do update set error = excluded.error, "
            "failed_at = excluded.failed_at")


# --- fetch state between runs (migration 002) -----------------------------------------

VALIDATOR_SCHEMA = pa.schema([
    ("url", pa.string()), ("etag", pa.string()), ("last_modified", pa.string()),
    ("content_hash", pa.string()), ("updated_at", pa.timestamp("us", tz="UTC")),
])


def save_validators(con: duckdb.DuckDBPyConnection, pages: list[FetchedPage]) -> None:
    """Remember ETag / Last-Modified of fetched pages for the next conditional GET.

    A 304 may carry fresh validators; when it carries none the stored ones are kept."""
    rows = []
    for page in pages:
        etag, modified = page.headers.get("etag"), page.headers.get("last-modified")
        if page.outcome not in ("fetched", "unchanged") or not (etag or modified):
            continue
        rows.append({"url": page.url, "etag": etag, "last_modified": modified,
                     "content_hash": content_hash(page.body) if page.body else None,
                     "updated_at": datetime.now(UTC)})
    _insert(con, "fetch_validators", rows, VALIDATOR_SCHEMA,
            "on conflict (url) do update set etag = coalesce(excluded.etag, etag), "
            "last_modified = coalesce(excluded.last_modified, last_modified), "
            "content_hash = coalesce(excluded.content_hash, content_hash), "
            "updated_at = excluded.updated_at")


def stored_validators(con: duckdb.DuckDBPyConnection,
                      urls: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """url -> (etag, last_modified) for the given URLs that have validators."""
    if not urls:
        return {}
    rows = _rows_for_urls(con, urls, "select v.url, v.etag, v.last_modified "
                          "from fetch_validators v join wanted_urls w using (url)")
    return {u: (e, m) for u, e, m in rows}


def stored_hashes(con: duckdb.DuckDBPyConnection, urls: list[str]) -> set[tuple[str, str]]:
    """(url, content_hash) pairs already in raw_responses for the given URLs."""
    if not urls:
        return set()
    rows = _rows_for_urls(con, urls, "select r.url, r.content_hash from raw_responses r "
                          "join wanted_urls w using (url)")
    return {(u, h) for u, h in rows}


def article_details(con: duckdb.DuckDBPyConnection,
                    urls: list[str]) -> dict[str, dict[str, str | None]]:
    """url -> parse results the run summary shows (title, charset and its decision)."""
    if not urls:
        return {}
    rows = _rows_for_urls(con, urls, "select a.url, a.title, a.charset, a.charset_decision, "
                          "a.canonical_url from articles a join wanted_urls w using (url)")
    return {u: {"title": t, "charset": c, "charset_decision": d, "canonical_url": cu}
            for u, t, c, d, cu in rows}
