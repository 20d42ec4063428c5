"""The pipeline's stages as plain functions; Prefect flows wrap them as tasks.

Each stage reads the previous stage's stored output from the warehouse, so any stage
can be re-run alone (e.g. re-parse every stored page after a parser fix).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from etl.fetch.client import fetch_all
from etl.fetch.sources import Discovery, SourceSpec, discover
from etl.settings import Settings
from etl.store.db import connect
from etl.store.load import (
    ParsedPage,
    RawRow,
    fetched_urls,
    raw_to_parse,
    save_fetches,
    save_parse_failures,
    save_parsed,
)

log = logging.getLogger(__name__)

# Pages per parse/load batch: large enough to amortise a transaction, small enough that
# a crash loses little work.
PARSE_BATCH = 200


def discover_targets(spec: SourceSpec, settings: Settings) -> Discovery:
    """Fetch feeds/sitemaps and list article URLs (failing sources are recorded)."""
    return discover(spec, settings)


def new_targets(targets: list[tuple[str, str]], settings: Settings) -> list[tuple[str, str]]:
    """Drop URLs already stored: an article is fetched once."""
    with connect(settings.db_path) as con:
        done = fetched_urls(con)
    return [(u, s) for u, s in targets if u not in done]


@dataclass
class FetchSummary:
    """Counts of one fetch batch by outcome, plus failure reasons."""

    outcomes: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    pages: list[dict[str, object]] = field(default_factory=list)

    def merge(self, other: FetchSummary) -> None:
        """Add another batch's counts to this one."""
        self.outcomes.update(other.outcomes)
        self.reasons.update(other.reasons)
        self.pages.extend(other.pages)


def fetch_and_store(targets: list[tuple[str, str]], settings: Settings,
                    run_id: str) -> FetchSummary:
    """Fetch a batch of URLs and store attempts, outcomes and raw bodies."""
    pages = fetch_all(targets, settings) if targets else []
    with connect(settings.db_path) as con:
        save_fetches(con, run_id, pages)
    summary = FetchSummary()
    for page in pages:
        summary.outcomes[page.outcome] += 1
        if page.reason and page.outcome != "fetched":
            summary.reasons[page.reason.split(":")[0]] += 1
        summary.pages.append({"url": page.url, "outcome": page.outcome, "status": page.status,
                              "attempts": len(page.attempts), "reason": page.reason})
    return summary


def parse_raw(raw: RawRow) -> ParsedPage:
    """Parse one stored response and extract its facts and quotes."""
    from etl.facts import extract_facts, extract_quotes
    from etl.parse import parse_page

    article = parse_page(raw.body, url=raw.url, content_type=raw.content_type)
    return ParsedPage(raw, article, extract_facts(article.body, article.published),
                      extract_quotes(article.body))


@dataclass
class ParseSummary:
    """Counts of one parse run."""

    articles: int = 0
    facts: int = 0
    quotes: int = 0
    failed: int = 0


def pending_raw(settings: Settings, reparse: bool = False) -> list[RawRow]:
    """Stored raw responses that need (re-)parsing under the current versions."""
    from etl.facts import EXTRACTOR_VERSION
    from etl.parse.version import PARSER_VERSION

    with connect(settings.db_path) as con:
        return raw_to_parse(con, PARSER_VERSION, EXTRACTOR_VERSION, reparse)


def parse_and_load(rows: list[RawRow], settings: Settings) -> ParseSummary:
    """Parse a batch of raw responses and replace their derived rows in one transaction."""
    from etl.facts import EXTRACTOR_VERSION
    from etl.parse.version import PARSER_VERSION

    parsed: list[ParsedPage] = []
    failures: list[tuple[RawRow, str]] = []
    for raw in rows:
        try:
            parsed.append(parse_raw(raw))
        except Exception as exc:  # noqa: BLE001 - a broken page is recorded, not fatal
            log.warning("parse failed for %s: %s", raw.url, exc)
            failures.append((raw, f"{type(exc).__name__}: {exc}"))
    with connect(settings.db_path) as con:
        save_parsed(con, parsed, PARSER_VERSION, EXTRACTOR_VERSION)
        save_parse_failures(con, failures)
    return ParseSummary(
        articles=len(parsed), facts=sum(len(p.facts) for p in parsed),
        quotes=sum(len(p.quotes) for p in parsed), failed=len(failures))


def batches(items: list, size: int) -> list[list]:
    """Split a list into consecutive batches of at most ``size`` items."""
    return [items[i:i + size] for i in range(0, len(items), size)]


def cluster_syndicated(settings: Settings) -> int:
    """Group near-duplicate articles into stories; returns the number of stories."""
    from etl.dedupe.syndication import cluster_stories
    from etl.store.stories import article_bodies, save_stories

    with connect(settings.db_path) as con:
        stories = cluster_stories(article_bodies(con))
        save_stories(con, stories)
    return len(set(stories.values()))
