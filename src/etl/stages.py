"""The pipeline's stages as plain functions; Prefect flows wrap them as tasks.

Each stage reads the previous stage's stored output from the warehouse, so any stage
can be re-run alone (e.g. re-parse every stored page after a parser fix).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace

from etl.fetch.client import fetch_all
from etl.fetch.config import Source
from etl.fetch.policy import RunState, Target, as_target
from etl.fetch.sources import Discovery, SourceSpec, discover
from etl.settings import Settings
from etl.store.db import connect
from etl.store.load import (
    ParsedPage,
    RawRow,
    article_details,
    content_hash,
    fetched_urls,
    raw_to_parse,
    save_fetches,
    save_validators,
    stored_hashes,
    stored_validators,
)

log = logging.getLogger(__name__)

# Pages per parse/load batch: large enough to amortise a transaction, small enough that
# a crash loses little work.
PARSE_BATCH = 200


def discover_targets(sources: list[Source] | SourceSpec, settings: Settings,
                     state: RunState | None = None) -> Discovery:
    """Fetch feeds/sitemaps/list pages and list article URLs (failing sources recorded)."""
    return discover(sources, settings, state)


def new_targets(targets: list[Target] | list[tuple[str, str]],
                settings: Settings) -> list[Target]:
    """Drop URLs already stored (an article is fetched once) unless their source may
    change; those keep their stored ETag/Last-Modified for a conditional GET."""
    wanted = [as_target(t) for t in targets]
    with connect(settings.db_path) as con:
        done = fetched_urls(con)
        validators = stored_validators(
            con, [t.url for t in wanted if t.may_change and t.url in done])
    out = []
    for t in wanted:
        if t.url not in done:
            out.append(t)
        elif t.may_change:
            etag, modified = validators.get(t.url, (None, None))
            out.append(replace(t, etag=etag, last_modified=modified))
    return out


@dataclass
class FetchSummary:
    """Counts of fetch batches by outcome (overall and per source), plus reasons."""

    outcomes: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    by_source: dict[str, Counter[str]] = field(default_factory=dict)
    source_reasons: dict[str, Counter[str]] = field(default_factory=dict)
    pages: list[dict[str, object]] = field(default_factory=list)

    def merge(self, other: FetchSummary) -> None:
        """Add another batch's counts to this one."""
        self.outcomes.update(other.outcomes)
        self.reasons.update(other.reasons)
        for name, counts in other.by_source.items():
            self.by_source.setdefault(name, Counter()).update(counts)
        for name, counts in other.source_reasons.items():
            self.source_reasons.setdefault(name, Counter()).update(counts)
        self.pages.extend(other.pages)


def fetch_and_store(targets: list[Target] | list[tuple[str, str]], settings: Settings,
                    run_id: str, state: RunState | None = None) -> FetchSummary:
    """Fetch a batch of URLs and store attempts, outcomes, raw bodies and validators.

    A 200 whose body is already stored (a may-change page that did not change, from a
    server without validators) is recorded as unchanged."""
    pages = fetch_all(targets, settings, state=state) if targets else []
    with connect(settings.db_path) as con:
        known = stored_hashes(con, [p.url for p in pages if p.outcome == "fetched"])
        for page in pages:
            if page.outcome == "fetched" and (page.url, content_hash(page.body)) in known:
                page.outcome, page.reason = "unchanged", "same content as stored"
        save_fetches(con, run_id, pages)
        save_validators(con, pages)
        if state is not None:  # robots.txt read for redirect targets found mid-fetch
            save_fetches(con, run_id, state.take_robots_pages(), kind="listing")
    summary = FetchSummary()
    for page in pages:
        summary.outcomes[page.outcome] += 1
        summary.by_source.setdefault(page.source, Counter())[page.outcome] += 1
        if page.reason and page.outcome != "fetched":
            short = page.reason.split(":")[0].split(" (")[0]
            summary.reasons[short] += 1
            summary.source_reasons.setdefault(page.source, Counter())[short] += 1
        summary.pages.append({"url": page.url, "source": page.source, "outcome": page.outcome,
                              "status": page.status, "attempts": len(page.attempts),
                              "reason": page.reason})
    return summary


def describe_pages(pages: list[dict[str, object]], settings: Settings) -> None:
    """Add the parse stage's title, charset and charset decision to each page (in place)."""
    with connect(settings.db_path) as con:
        details = article_details(con, [str(p["url"]) for p in pages])
    for page in pages:
        found = details.get(str(page["url"]), {})
        page["charset"] = found.get("charset")
        page["charset_decision"] = found.get("charset_decision")
        page["title"] = found.get("title")


def parse_raw(raw: RawRow) -> ParsedPage:
    """Parse one stored response and extract its facts, quotes, named entities and
    syndication signature."""
    from etl.dedupe.syndication import signature
    from etl.facts import extract_facts, extract_quotes
    from etl.facts.entities import extract_entities
    from etl.parse import parse_page

    article = parse_page(raw.body, url=raw.url, content_type=raw.content_type)
    quotes = extract_quotes(article.body)
    facts = extract_facts(article.body, article.published, article.title)
    return ParsedPage(raw, article, facts, quotes,
                      extract_entities(article.body, quotes),
                      signature(article.body_simplified or article.body))


@dataclass
class ParseSummary:
    """Counts of one parse run."""

    articles: int = 0
    facts: int = 0
    quotes: int = 0
    failed: int = 0

    def merge(self, other: ParseSummary) -> None:
        """Add another batch's counts to this one."""
        self.articles += other.articles
        self.facts += other.facts
        self.quotes += other.quotes
        self.failed += other.failed


def pending_raw(settings: Settings, reparse: bool = False,
                urls: list[str] | None = None) -> list[RawRow]:
    """Stored raw responses that need (re-)parsing under the current versions (only among
    ``urls`` when given)."""
    from etl.facts import EXTRACTOR_VERSION
    from etl.parse.version import PARSER_VERSION

    with connect(settings.db_path) as con:
        return raw_to_parse(con, PARSER_VERSION, EXTRACTOR_VERSION, reparse, urls)


def parse_rows(rows: list[RawRow]) -> tuple[list[ParsedPage], list[tuple[RawRow, str]]]:
    """Parse a batch without touching the warehouse: (parsed pages, (row, error) failures).

    Pure CPU work, so it can run in another process (a Dask worker) while the single
    DuckDB writer stays in the flow's process (flows/runners.py ``load_batch``)."""
    parsed: list[ParsedPage] = []
    failures: list[tuple[RawRow, str]] = []
    for raw in rows:
        try:
            parsed.append(parse_raw(raw))
        except Exception as exc:  # noqa: BLE001 - a broken page is recorded, not fatal
            log.warning("parse failed for %s: %s", raw.url, exc)
            failures.append((raw, f"{type(exc).__name__}: {exc}"))
    return parsed, failures


def batches(items: list, size: int) -> list[list]:
    """Split a list into consecutive batches of at most ``size`` items."""
    return [items[i:i + size] for i in range(0, len(items), size)]


def cluster_syndicated(settings: Settings) -> int:
    """Group near-duplicate articles into stories; returns the number of stories."""
    from etl.dedupe.syndication import cluster_signatures
    from etl.store.stories import article_signatures, save_stories

    with connect(settings.db_path) as con:
        stories = cluster_signatures(article_signatures(con))
        save_stories(con, stories)
    return len(set(stories.values()))

def source_summary(found: Discovery, todo: list[Target],
                   fetched: FetchSummary) -> dict[str, dict[str, object]]:
    """Per source: links listed, already known, and new/unchanged/skipped/failed counts
    with reasons; discovery problems (an unreachable feed...) are listed, never raised."""
    queued = Counter(t.source for t in todo)
    out: dict[str, dict[str, object]] = {}
    for name, report in found.reports.items():
        counts = fetched.by_source.get(name, Counter())
        out[name] = {
            "enabled": report.enabled, "listed": report.listed,
            "known": report.listed - queued[name],  # fetched by an earlier run
            "new": counts["fetched"], "unchanged": counts["unchanged"],
            "skipped": counts["skipped"], "failed": counts["failed"],
            "reasons": dict(fetched.source_reasons.get(name, {})),
            "dropped_links": dict(report.dropped), "duplicates": report.duplicates,
            "problems": report.problems,
        }
    return out
