"""`etl ingest --json` in a real process against a loopback site: the JSON summary is the
last line of stdout (Prefect's logs and the human summary go to stderr). Slow: the
command starts Prefect's ephemeral API (~15 s)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from etl.store.db import connect
from tests.loopback import LoopbackServer, respond

pytestmark = pytest.mark.slow

TEXT = "国家统计局今天发布数据，前三季度国内生产总值同比增长百分之五左右，经济运行总体平稳。"
PAGE = (f"<html><head><title>统计局发布数据</title></head><body><article><p>{TEXT}</p>"
        f"<p>{TEXT}</p></article></body></html>").encode()
ROOT = Path(__file__).resolve().parents[2]


def test_ingest_json_is_the_last_stdout_line(tmp_path: Path) -> None:
    def robots(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})

    def page(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 200, PAGE)

    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PREFECT_API_", "ETL_"))}
    env.update(PREFECT_HOME=str(tmp_path / "prefect"), ETL_DB=str(tmp_path / "etl.duckdb"),
               ETL_REPORTS_DIR=str(tmp_path / "reports"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    with LoopbackServer({"/robots.txt": robots, "/news/1.html": page,
                         "/private/2.html": page}) as srv:
        proc = subprocess.run(
            [sys.executable, "-m", "etl.cli", "ingest", "--json",
             "--url", srv.url("/news/1.html"), "--url", srv.url("/private/2.html"),
             "--allow-host", "127.0.0.1", "--user-agent", "json-test/1", "--retry-budget", "0"],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.endswith("\n")
    lines = proc.stdout.splitlines()
    assert len(lines) == 1, lines[:-1]  # Prefect logs and the human summary: stderr
    summary = json.loads(lines[-1])
    assert isinstance(summary, dict) and summary["new"] == 2
    assert summary["fetch"] == {"fetched": 1, "skipped": 1}
    assert summary["robots_requests"] == 1 and summary["retries_used"] == 0
    assert "listed 2 URLs" in proc.stderr  # the human summary is on stderr
    assert {h["user-agent"] for _, h in srv.requests} == {"json-test/1"}
    assert srv.hits["/private/2.html"] == 0
    with connect(tmp_path / "etl.duckdb") as con:
        rows = con.execute("select url, status from fetch_attempts "
                           "where url like '%robots.txt'").fetchall()
    assert rows == [(srv.url("/robots.txt"), 200)]
