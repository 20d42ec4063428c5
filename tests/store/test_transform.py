"""Transforms, data checks and migrations on a real DuckDB file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl.errors import DataCheckFailed
from etl.store import db as store_db
from etl.store.db import connect
from etl.store.transform import run_checks, run_transforms


def test_transforms_and_checks_pass_on_an_empty_warehouse(db_path: Path) -> None:
    with connect(db_path) as con:
        ran = run_transforms(con)
        assert run_checks(con) > 0
    assert ran[0].startswith("staging/") and ran[-1].startswith("marts/")


def test_failing_check_names_itself_and_shows_offending_rows(db_path: Path) -> None:
    with connect(db_path) as con:
        con.execute("insert into facts (fact_id, article_id, seq, text, value, unit, "
                    "extractor_version) values ('f1', 'missing-article', 0, '5%', 5, '%', 'x')")
        with pytest.raises(DataCheckFailed) as err:
            run_checks(con)
    assert "facts__points_to_article" in str(err.value)
    assert "missing-article" in str(err.value)


def test_upgrade_keeps_existing_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warehouse created by an older release (first migration only) upgrades in place."""
    old_sql = tmp_path / "sql"
    (old_sql / "migrations").mkdir(parents=True)
    shutil.copy(store_db.sql_dir() / "migrations" / "001_core.sql", old_sql / "migrations")
    path = tmp_path / "old.duckdb"
    monkeypatch.setenv("ETL_SQL_DIR", str(old_sql))
    with connect(path) as con:
        con.execute("insert into runs (run_id, flow, started_at) values ('r1', 'ingest', now())")
    monkeypatch.delenv("ETL_SQL_DIR")
    with connect(path) as con:
        versions = [r[0] for r in con.execute(
            "select version from schema_migrations order by version").fetchall()]
        runs = con.execute("select run_id from runs").fetchall()
        con.execute("select * from article_stories").fetchall()  # added by a later migration
    assert versions[0] == "001_core" and len(versions) > 1
    assert runs == [("r1",)]

