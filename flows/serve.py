"""Serve the scheduled deployments, starting a local Prefect API when none is configured.

Schedules and manual triggers need a long-lived Prefect API: with the ephemeral one every
flow-run subprocess would start its own temporary server and `prefect deployment run`
from another shell could not see the runs. So, unless ``PREFECT_API_URL`` points at an
existing server, this starts ``prefect server start`` (SQLite under ``PREFECT_HOME``) on
127.0.0.1, waits for ``/api/health``, serves, and stops the server again on exit.

Run as ``etl serve [...]`` or ``python flows/serve.py [...]`` (same options).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from flows.deploy import ServeOptions

API_HOST = "127.0.0.1"  # never expose an unauthenticated Prefect API beyond this machine
DEFAULT_API_PORT = 4200  # Prefect's usual port, so `prefect` CLI docs apply unchanged
# `prefect server start` took 9.7 s on a warm machine and migrations on a fresh
# PREFECT_HOME take longer; a cold CI box has been seen near 75 s.
API_START_TIMEOUT = 90.0
API_STOP_TIMEOUT = 15.0
SERVER_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",  # offline: telemetry only logs errors
}


class ApiStartError(RuntimeError):
    """The local Prefect API did not answer /api/health in time or exited early."""


def prefect_home() -> Path:
    """Where Prefect keeps its SQLite database (``PREFECT_HOME`` or ``~/.prefect``)."""
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()


def port_is_free(port: int, host: str = API_HOST) -> bool:
    """True when nothing listens on host:port (checked by binding, as the server will)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def api_healthy(api_url: str, timeout: float = 2.0) -> bool:
    """True when ``<api_url>/health`` answers 200."""
    try:
        return httpx.get(f"{api_url.rstrip('/')}/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def _tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@contextmanager
def local_prefect_api(port: int = DEFAULT_API_PORT,
                      timeout: float = API_START_TIMEOUT) -> Iterator[str]:
    """Run ``prefect server start`` on 127.0.0.1:port for the duration; yields the API URL.

    The server gets its own process group so that Ctrl-C in a terminal reaches only us:
    we stop serving first, then the server, instead of both racing to shut down.
    """
    if not port_is_free(port):
        raise ApiStartError(
            f"port {API_HOST}:{port} is busy; if a Prefect server already runs there, set "
            f"PREFECT_API_URL=http://{API_HOST}:{port}/api, else pick --api-port")
    home = prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    log_path = home / "etl-serve-api.log"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(SERVER_ENV)
    api_url = f"http://{API_HOST}:{port}/api"
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", API_HOST,
             "--port", str(port)],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env,
            start_new_session=True)
        try:
            _wait_healthy(proc, api_url, timeout, log_path)
            print(f"Prefect API at {api_url} (UI http://{API_HOST}:{port}, "
                  f"log {log_path})", file=sys.stderr)
            yield api_url
        finally:
            _stop(proc, log)


def _wait_healthy(proc: subprocess.Popen[bytes], api_url: str, timeout: float,
                  log_path: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ApiStartError(f"prefect server exited with {proc.returncode}:\n"
                                f"{_tail(log_path)}")
        if api_healthy(api_url):
            return
        time.sleep(0.5)
    raise ApiStartError(f"prefect server gave no /api/health in {timeout:.0f} s:\n"
                        f"{_tail(log_path)}")


def _stop(proc: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    """SIGTERM the server's process group (it runs uvicorn in a child), then SIGKILL."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(API_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        except ProcessLookupError:
            pass
    log.flush()


def _sigterm_as_interrupt(signum: int, frame: FrameType | None) -> None:
    # Python's default SIGTERM ends the process without running `finally`, which would
    # leave the Prefect server orphaned; an interrupt unwinds through the cleanup.
    raise KeyboardInterrupt


def run_serve(options: ServeOptions, api_port: int = DEFAULT_API_PORT,
              api_timeout: float = API_START_TIMEOUT) -> int:
    """Serve the deployments until SIGINT/SIGTERM; returns the exit code."""
    signal.signal(signal.SIGTERM, _sigterm_as_interrupt)
    existing = os.environ.get("PREFECT_API_URL")
    if existing:
        if not api_healthy(existing, timeout=10):
            print(f"etl serve: PREFECT_API_URL={existing} does not answer /health",
                  file=sys.stderr)
            return 1
        return _serve(options, existing)
    try:
        with local_prefect_api(api_port, api_timeout) as api_url:
            # Set before Prefect reads its settings, and inherited by flow-run processes.
            os.environ["PREFECT_API_URL"] = api_url
            return _serve(options, api_url)
    except ApiStartError as exc:
        print(f"etl serve: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0  # a signal during start-up or shutdown: the server is stopped already


def _serve(options: ServeOptions, api_url: str) -> int:
    from prefect import serve
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.deploy import build_deployments

    deployments = build_deployments(options)
    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        # pause_on_shutdown=False: a restart (deploy, reboot, systemd) must not leave the
        # schedules paused until someone notices the Monday report is missing.
        serve(*deployments, pause_on_shutdown=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python flows/serve.py [options]``: the same options as ``etl serve``."""
    from etl.cli import main as etl_main

    return etl_main(["serve", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
