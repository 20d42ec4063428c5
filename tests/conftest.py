"""Shared fixtures: paths to ../shared, a session Prefect harness, temp warehouses."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def require_shared() -> Path:
    """The ../shared folder, or skip the test when it is absent (a user's machine)."""
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"needs the evaluation data in {SHARED} (absent on this machine)")
    return SHARED


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect API for the whole session, heartbeats off (tests only)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        with prefect_test_harness(server_startup_timeout=90):
            yield


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh DuckDB file path in the test's temp folder."""
    return tmp_path / "etl.duckdb"
