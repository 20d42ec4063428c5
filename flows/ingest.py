"""The ingest flow: discover -> fetch -> store raw -> parse -> extract -> load."""

from __future__ import annotations

import logging
import time
import uuid
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from etl import stages
from etl.fetch.config import Source, host_policies, load_sources
from etl.fetch.policy import RunState, Target
from etl.fetch.sources import Discovery, SourceSpec
from etl.progress import Progress
from etl.settings import Settings, load_settings
from etl.store.db import connect
from etl.store.load import RawRow, save_fetches
from etl.store.runs import save_run
from flows import runners

FETCH_BATCH = 200  # URLs per fetch task: the unit that is retried and shown in the UI


@task(retries=1, retry_delay_seconds=5, cache_policy=NO_CACHE)
def discover_sources(sources: list[Source], settings: Settings,
                     state: RunState) -> Discovery:
    """Read feeds, sitemaps and list pages into article URLs."""
    return stages.discover_targets(sources, settings, state)


@task(cache_policy=NO_CACHE)
def fetch_batch(targets: list[Target], settings: Settings, run_id: str,
                state: RunState) -> stages.FetchSummary:
    """Fetch one batch of URLs and store what came back."""
    return stages.fetch_and_store(targets, settings, run_id, state)


@task(cache_policy=NO_CACHE)
def cluster_stories(settings: Settings) -> int:
    """Group syndicated copies of one story (near-duplicate bodies)."""
    return stages.cluster_syndicated(settings)


def parse_here(pending: list[RawRow], settings: Settings,
               logger: logging.Logger | logging.LoggerAdapter) -> stages.ParseSummary:
    """Parse and load in this process, batch by batch, into one open connection."""
    parsed = stages.ParseSummary()
    progress = Progress(logger, "parsed", len(pending))
    with connect(settings.db_path) as con:
        for batch in stages.batches(pending, stages.PARSE_BATCH):
            parsed.merge(runners.load_batch(con, runners.parse_records(batch)))
            progress.advance(len(batch))
    return parsed


@flow(name="ingest", log_prints=True)
def ingest(feeds: list[str] | None = None, sitemaps: list[str] | None = None,
           urls: list[str] | None = None, db: str | None = None,
           allow_hosts: list[str] | None = None, reparse: bool = False,
           sources_file: str | None = None, task_runner: str | None = None,
           dask_address: str | None = None) -> dict[str, Any]:
    """Fetch new articles from the given sources and load their facts and quotes.

    ``sources_file`` is a TOML sources file (docs/sources.md); feeds/sitemaps/urls add
    ad-hoc sources to it. ``task_runner="dask"`` (or ``dask_address``, or
    ``ETL_TASK_RUNNER``) parses on a Dask cluster; see flows/runners.py."""
    logger = get_run_logger()
    started = time.time()
    run_id = uuid.uuid4().hex[:12]
    settings = load_settings(db_path=Path(db) if db else None,
                             allow_hosts=frozenset(allow_hosts) if allow_hosts else None)
    sources = load_sources(sources_file) if sources_file else []
    sources += SourceSpec(tuple(feeds or ()), tuple(sitemaps or ()),
                          tuple(urls or ())).to_sources()
    state = RunState(host_policies=host_policies(
        sources, settings.per_host_delay, settings.per_host_concurrency))
    found = discover_sources(sources, settings, state)
    with connect(settings.db_path) as con:
        save_fetches(con, run_id, found.listings, kind="listing")
    todo = stages.new_targets(found.targets, settings)
    logger.info("%d URLs listed, %d new", len(found.targets), len(todo))
    fetched = stages.FetchSummary()
    runner = runners.parse_runner(task_runner, dask_address)
    with ExitStack() as stack:
        # With a Dask runner, workers parse each stored batch while this process fetches
        # the next; otherwise parsing follows fetching here.
        parser = (stack.enter_context(runners.DistributedParser(runner, settings))
                  if runner is not None else None)
        progress = Progress(logger, "fetched", len(todo))
        for batch in stages.batches(todo, FETCH_BATCH):
            result = fetch_batch(batch, settings, run_id, state)
            fetched.merge(result)
            progress.advance(len(batch))
            if parser is not None and not reparse:
                stored = [str(p["url"]) for p in result.pages if p["outcome"] == "fetched"]
                parser.submit(stages.pending_raw(settings, urls=stored))
                parser.collect()
        if parser is not None:
            parser.collect(wait=True)
            parser.submit(stages.pending_raw(settings, reparse))  # earlier pages, re-parses
            parsed = parser.collect(wait=True)
        else:
            parsed = parse_here(stages.pending_raw(settings, reparse), settings, logger)
    stories = cluster_stories(settings)
    summary = {
        "run_id": run_id,
        "listed": len(found.targets),
        "new": len(todo),
        "fetch": dict(fetched.outcomes),
        "fetch_failure_reasons": dict(fetched.reasons),
        "source_problems": [{"source": s, "reason": r} for s, r in found.problems],
        "articles_parsed": parsed.articles,
        "facts": parsed.facts,
        "quotes": parsed.quotes,
        "parse_failures": parsed.failed,
        "stories": stories,
        "sources": stages.source_summary(found, todo, fetched),
        "retries_used": state.retry_budget.used,
        "robots_requests": state.robots_requests,
        "duration_s": round(time.time() - started, 2),
        "pages": fetched.pages,
    }
    stages.describe_pages(fetched.pages, settings)
    with connect(settings.db_path) as con:
        save_run(con, run_id, "ingest", started, summary)
    logger.info("ingest done: %s", {k: v for k, v in summary.items() if k != "pages"})
    return summary
