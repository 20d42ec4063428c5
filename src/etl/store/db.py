"""Open the DuckDB warehouse and apply numbered migrations from sql/migrations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

TIMEZONE = "Asia/Shanghai"


def sql_dir() -> Path:
    """The project's sql/ folder (``ETL_SQL_DIR`` overrides, for installed copies)."""
    if os.environ.get("ETL_SQL_DIR"):
        return Path(os.environ["ETL_SQL_DIR"])
    return Path(__file__).resolve().parents[3] / "sql"


def read_sql(relative: str) -> str:
    """Text of one SQL file under sql/."""
    return (sql_dir() / relative).read_text(encoding="utf-8")


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply migrations not yet recorded in ``schema_migrations``; returns those applied."""
    con.execute(
        "create table if not exists schema_migrations ("
        "version varchar primary key, applied_at timestamptz default current_timestamp)"
    )
    done = {row[0] for row in con.execute("select version from schema_migrations").fetchall()}
    applied = []
    for path in sorted((sql_dir() / "migrations").glob("*.sql")):
        if path.stem in done:
            continue
        con.execute("begin")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("insert into schema_migrations (version) values (?)", [path.stem])
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise
        applied.append(path.stem)
    return applied


@contextmanager
def connect(db_path: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A migrated read-write connection, closed on exit (one writer per file)."""
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute(f"set TimeZone = '{TIMEZONE}'")
        migrate(con)
        yield con
    finally:
        con.close()
