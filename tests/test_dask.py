"""The ingest flow's parse stage on a Dask cluster loads the same rows as the default."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("prefect_dask")
from distributed import LocalCluster  # noqa: E402

from etl.demo import catalog  # noqa: E402
from etl.demo.server import DemoSite  # noqa: E402

pytestmark = pytest.mark.slow

# Every column the parse stage derives, minus per-run timestamps; ordered so that the
# comparison is independent of the order batches finished in.
QUERIES = {
    "articles": "select * exclude (parsed_at) from articles order by url",
    "facts": "select * from facts order by fact_id",
    "quotes": "select * from quotes order by quote_id",
}


def _rows(db: Path) -> dict[str, list[tuple]]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return {name: con.execute(sql).fetchall() for name, sql in QUERIES.items()}


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """Two single-threaded worker processes, as on a 2-core box."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as local:
        yield local


def test_dask_parse_matches_default_runner(prefect_harness: None, cluster: LocalCluster,
                                           tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from etl import stages
    from flows.ingest import ingest

    # Small batches, so both workers get work and batches finish out of order.
    monkeypatch.setattr(stages, "PARSE_BATCH", 4)

    default_db, dask_db = tmp_path / "default.duckdb", tmp_path / "dask.duckdb"
    with DemoSite() as site:
        default = ingest(feeds=[site.feed_url], db=str(default_db),
                         allow_hosts=["127.0.0.1"])
        on_dask = ingest(feeds=[site.feed_url], db=str(dask_db), allow_hosts=["127.0.0.1"],
                         dask_address=cluster.scheduler_address)
    assert on_dask["articles_parsed"] == default["articles_parsed"] == len(catalog())
    for key in ("facts", "quotes", "parse_failures", "stories"):
        assert on_dask[key] == default[key], key
    expected, got = _rows(default_db), _rows(dask_db)
    assert expected["facts"] and expected["quotes"]
    for table in QUERIES:
        assert got[table] == expected[table], table


def test_runner_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect_dask import DaskTaskRunner

    from flows.runners import RUNNER_ENV, parse_runner

    monkeypatch.delenv(RUNNER_ENV, raising=False)
    assert parse_runner() is None  # the default leaves the in-process loop alone
    assert isinstance(parse_runner("dask", workers=2), DaskTaskRunner)
    assert parse_runner(dask_address="tcp://127.0.0.1:1").address == "tcp://127.0.0.1:1"
    monkeypatch.setenv(RUNNER_ENV, "dask")
    assert isinstance(parse_runner(), DaskTaskRunner)
    assert parse_runner("thread") is None  # the argument wins over the environment
    monkeypatch.setenv(RUNNER_ENV, "thread")
    assert isinstance(parse_runner(dask_address="tcp://127.0.0.1:1"), DaskTaskRunner)
    with pytest.raises(ValueError, match="unknown task runner"):
        parse_runner("ray")
