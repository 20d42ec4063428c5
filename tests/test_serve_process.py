"""`etl serve` as a real process: local Prefect API, deployments registered, clean SIGTERM.

The check that matters operationally: after SIGTERM (systemd stop, deploy, reboot) the
deployments must NOT be paused, or the Monday report silently stops.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow
START_BUDGET = 50.0  # seconds for the API to start and the deployments to appear
STOP_BUDGET = 20.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_freed(port: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while True:
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
                return True
            except OSError:
                if time.monotonic() > deadline:
                    return False
        time.sleep(0.2)


def deployments(api: str) -> list[dict]:
    try:
        r = httpx.post(f"{api}/deployments/filter", json={}, timeout=5)
    except httpx.HTTPError:
        return []
    return r.json() if r.status_code == 200 else []


def test_etl_serve_registers_deployments_and_stops_unpaused(tmp_path: Path) -> None:
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    home = tmp_path / "prefect-home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "etl.cli", "serve", "--api-port", str(port),
         "--api-timeout", str(START_BUDGET), "--db", str(tmp_path / "etl.duckdb"),
         "--reports-dir", str(tmp_path / "reports")],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + START_BUDGET + 10
        found: list[dict] = []
        while time.monotonic() < deadline and proc.poll() is None:
            found = deployments(api)
            if len(found) == 2:
                break
            time.sleep(0.5)
        output = (tmp_path / "serve.log").read_text(errors="replace")
        if len(found) != 2:
            if "prefect server" in output and ("gave no /api/health" in output
                                               or "exited with" in output):
                pytest.skip(f"`prefect server start` did not come up in time:\n{output[-800:]}")
            pytest.fail(f"deployments did not appear (exit {proc.poll()}):\n{output[-2000:]}")
        assert {d["name"] for d in found} == {"hourly", "weekly"}
        assert not any(d["paused"] for d in found)

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(STOP_BUDGET) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()

    # The server is gone with it (nothing listens on the port), and its SQLite state says:
    # not paused. SO_REUSEADDR: connections in TIME_WAIT do not count, a listener does.
    assert _port_freed(port, within=10.0), f"something still listens on {port}"
    con = sqlite3.connect(home / "prefect.db")
    try:
        rows = dict(con.execute("select name, paused from deployment").fetchall())
    finally:
        con.close()
    assert rows == {"hourly": 0, "weekly": 0}
