"""Where the ingest flow's parse/extract stage runs: in the flow's process, or on Dask.

Parsing and fact extraction are pure-Python CPU work (about 10 ms a page), so threads do
not help (the GIL) and a second core needs a second process. With ``task_runner="dask"``
(or ``ETL_TASK_RUNNER=dask``) parse batches are submitted with ``.submit()`` to a Dask
cluster through prefect-dask -- a temporary ``LocalCluster`` with one single-threaded
worker process per core, or an existing cluster at ``dask_address`` /
``ETL_DASK_ADDRESS`` (its workers need this package installed). Workers only parse and
return records; loading stays in the flow's process because a DuckDB file has exactly
one writer.

The default (``thread``) keeps the original in-process loop: nothing is started, and
nothing changes for installs without the ``dask`` extra.
"""

from __future__ import annotations

import os
import time
from contextlib import ExitStack
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa
from prefect import task
from prefect.cache_policies import NO_CACHE

from etl import stages
from etl.settings import Settings
from etl.store.db import connect
from etl.store.load import (
    ParsedTables,
    RawRow,
    parsed_tables,
    save_parse_failures,
    write_parsed,
)

if TYPE_CHECKING:
    from prefect.task_runners import TaskRunner

RUNNER_ENV = "ETL_TASK_RUNNER"  # "thread" (default) | "dask"
ADDRESS_ENV = "ETL_DASK_ADDRESS"  # e.g. tcp://10.0.0.5:8786; implies "dask"
WORKERS_ENV = "ETL_DASK_WORKERS"  # worker processes of a temporary LocalCluster
RUNNERS = ("thread", "dask")


@dataclass(slots=True)
class ParsedBatch:
    """One batch's parse, as a worker returns it: the rows to load (Arrow tables, built
    on the worker) and the failures, plus when the work ran.

    ``started``/``ended`` are wall-clock times (``time.time()``) of the parse body on the
    worker, so a benchmark can tell body time from orchestration time."""

    tables: ParsedTables
    failures: list[tuple[RawRow, str]]
    started: float = 0.0
    ended: float = 0.0


def _without_body(raw: RawRow) -> RawRow:
    # The loader needs only url/content_hash; the body is already stored, so shipping it
    # back from the worker would double the traffic for nothing.
    return RawRow(raw.url, raw.content_hash, raw.content_type, b"")


@task(cache_policy=NO_CACHE)
def parse_records(rows: list[RawRow]) -> ParsedBatch:
    """Parse and extract one batch of raw responses (on a worker); never writes."""
    from etl.facts import EXTRACTOR_VERSION
    from etl.parse.version import PARSER_VERSION

    started = time.time()
    # Arrow's allocator keeps what earlier batches' tables freed (~20 MB a worker);
    # hand it back, so building tables here adds little to the workers' memory.
    pa.default_memory_pool().release_unused()
    parsed, failures = stages.parse_rows(rows)
    tables = parsed_tables(parsed, PARSER_VERSION, EXTRACTOR_VERSION)
    failures = [(_without_body(raw), error) for raw, error in failures]
    return ParsedBatch(tables, failures, started, time.time())


def load_batch(con: duckdb.DuckDBPyConnection, batch: ParsedBatch) -> stages.ParseSummary:
    """Load one worker's batch in this (the flow's) process: the single DuckDB writer."""
    write_parsed(con, batch.tables)
    save_parse_failures(con, batch.failures)
    return stages.ParseSummary(
        articles=batch.tables.articles.num_rows, facts=batch.tables.facts.num_rows,
        quotes=batch.tables.quotes.num_rows, failed=len(batch.failures))


def parse_runner(task_runner: str | None = None, dask_address: str | None = None,
                 workers: int | None = None) -> TaskRunner | None:
    """The task runner for the parse stage, or None for the in-process default.

    Arguments win over ``ETL_TASK_RUNNER`` / ``ETL_DASK_ADDRESS`` / ``ETL_DASK_WORKERS``;
    an address alone means Dask."""
    address = dask_address or os.environ.get(ADDRESS_ENV) or None
    name = (task_runner or ("dask" if dask_address else None) or os.environ.get(RUNNER_ENV)
            or ("dask" if address else "thread")).strip().lower()
    if name not in RUNNERS:
        raise ValueError(f"unknown task runner {name!r}; expected one of {RUNNERS}")
    if name == "thread":
        return None
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:  # the optional extra is not installed
        raise RuntimeError("task_runner='dask' needs prefect-dask: "
                           "pip install 'news-etl[dask]'") from exc
    if address:
        return DaskTaskRunner(address=address)
    count = workers or int(os.environ.get(WORKERS_ENV) or 0) or os.cpu_count() or 1
    # One single-threaded process per core: the work holds the GIL, so more threads per
    # worker would only queue behind each other. No dashboard (bokeh is not installed,
    # and nothing should listen beyond what the run needs).
    return DaskTaskRunner(cluster_kwargs={"n_workers": count, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None})


class DistributedParser:
    """Parse batches on a Dask runner's workers and load each here as it completes.

    ``submit`` may be called while the flow is still fetching, so workers parse the
    pages stored so far while this process fetches the next ones. The cluster starts on
    the first submit (a run with nothing new starts none). At most two batches per
    worker are in flight and a bounded queue waits here, so memory stays bounded; this
    process is the only DuckDB writer.
    """

    def __init__(self, runner: TaskRunner, settings: Settings,
                 batch_size: int | None = None) -> None:
        self.runner, self.settings = runner, settings
        self.batch_size = batch_size or stages.PARSE_BATCH
        self.summary = stages.ParseSummary()
        self._stack = ExitStack()
        self._started = False
        self._queue: list[list[RawRow]] = []
        self._inflight: dict[str, Any] = {}  # Dask key -> Prefect future
        self._completed: Any = None
        self._window = 2
        self._con: duckdb.DuckDBPyConnection | None = None

    def __enter__(self) -> DistributedParser:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def _start(self) -> None:
        from distributed import as_completed

        self._stack.enter_context(self.runner)
        self._con = self._stack.enter_context(connect(self.settings.db_path))
        client = self.runner.client  # type: ignore[attr-defined]
        self._window = max(2, 2 * sum(client.nthreads().values()))
        # the runner's client is not the default one, hence the explicit loop
        self._completed = as_completed([], loop=client.loop)
        self._started = True

    def submit(self, rows: list[RawRow]) -> None:
        """Queue rows for parsing; blocks (loading results) while the queue is long."""
        if not rows:
            return
        if not self._started:
            self._start()
        self._queue.extend(stages.batches(rows, self.batch_size))
        self._fill()
        while len(self._queue) > self._window:
            self._load_next()

    def collect(self, wait: bool = False) -> stages.ParseSummary:
        """Load the batches that are done; with ``wait``, everything submitted so far."""
        while self._inflight:
            if not wait and not self._completed.has_ready():
                break
            self._load_next()
        return self.summary

    def _fill(self) -> None:
        while self._queue and len(self._inflight) < self._window:
            future = self.runner.submit(parse_records, {"rows": self._queue.pop(0)})
            self._inflight[future.wrapped_future.key] = future
            self._completed.add(future.wrapped_future)

    def _load_next(self) -> None:
        done = next(self._completed)
        batch: ParsedBatch = self._inflight.pop(done.key).result()
        self._fill()  # keep workers busy while this process loads
        assert self._con is not None
        self.summary.merge(load_batch(self._con, batch))
