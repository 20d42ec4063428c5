"""`etl web`: run the downloads site with uvicorn."""

from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path

TOKEN_ENV = "ETL_WEB_TOKEN"


def web_token() -> str | None:
    """The shared access token from ``ETL_WEB_TOKEN``; unset or empty means no auth."""
    return os.environ.get(TOKEN_ENV) or None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_web(host: str = "127.0.0.1", port: int = 8000, reports_dir: str | None = None) -> int:
    """Serve the reports folder until interrupted; returns the exit code."""
    import uvicorn

    from etl.settings import load_settings
    from etl.web.app import create_app

    folder = load_settings(reports_dir=Path(reports_dir) if reports_dir else None).reports_dir
    token = web_token()
    if not folder.is_dir():
        print(f"etl web: reports folder {folder} does not exist (yet); the index stays "
              "empty until the weekly report writes there", file=sys.stderr)
    if not token and not _is_loopback(host):
        # Allowed (a reverse proxy may do auth), but say so: the workbooks are internal.
        print(f"etl web: serving {host} without {TOKEN_ENV}: anyone who can reach the "
              "port can download the briefings", file=sys.stderr)
    app = create_app(folder, token)
    print(f"etl web: http://{host}:{port}/ serving {folder.resolve()}"
          f"{' (token required)' if token else ''}", file=sys.stderr)
    # proxy_headers off: the site never trusts X-Forwarded-* unless configured behind one.
    uvicorn.run(app, host=host, port=port, proxy_headers=False, log_level="info")
    return 0
