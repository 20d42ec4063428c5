"""Serve the demo news site over real HTTP on the loopback interface.

Use as a context manager in tests::

    with DemoSite() as site:
        httpx.get(site.feed_url)

or from the shell: ``python -m etl.demo.server [--port N]``.
"""

from __future__ import annotations

import argparse
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from etl.demo.articles import ARTICLES
from etl.demo.site import DemoRoutes

HOST = "127.0.0.1"


class _Handler(BaseHTTPRequestHandler):
    """Answers GET/HEAD from the server's ``DemoRoutes``."""

    server: _DemoHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "BohaiCMS/2.1"
    sys_version = ""

    def _respond(self, with_body: bool) -> None:
        resp = self.server.routes.get(self.path)
        self.send_response(resp.status)
        self.send_header("Content-Type", resp.content_type)
        self.send_header("Content-Length", str(len(resp.body)))
        self.end_headers()
        if with_body:
            self.wfile.write(resp.body)

    def do_GET(self) -> None:  # noqa: N802 - name fixed by BaseHTTPRequestHandler
        self._respond(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(with_body=False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        # Quiet: one stderr line per request would drown test and flow output.
        pass


class _DemoHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    routes: DemoRoutes


class DemoSite:
    """The demo site served on ``127.0.0.1`` from a background thread.

    ``port=0`` (the default) binds an ephemeral port; the bound address is known after
    ``start()`` (or on entering the ``with`` block) via ``base_url``.
    """

    def __init__(self, port: int = 0, host: str = HOST) -> None:
        self._host = host
        self._port = port
        self._server: _DemoHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------
    def start(self) -> DemoSite:
        """Bind the socket and start serving; returns ``self``. Idempotent."""
        if self._server is not None:
            return self
        server = _DemoHTTPServer((self._host, self._port), _Handler)
        host, port = server.server_address[:2]
        server.routes = DemoRoutes(f"http://{host}:{port}")
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, name=f"demo-site:{port}", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket. Safe to call twice."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> DemoSite:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- addresses --------------------------------------------------------------
    @property
    def port(self) -> int:
        """The bound TCP port (raises if not started)."""
        if self._server is None:
            raise RuntimeError("DemoSite is not running; call start() or use `with`")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """e.g. ``http://127.0.0.1:54321`` (no trailing slash)."""
        return f"http://{self._host}:{self.port}"

    @property
    def feed_url(self) -> str:
        """URL of the RSS 2.0 feed."""
        return f"{self.base_url}/feed.xml"

    @property
    def sitemap_url(self) -> str:
        """URL of the XML sitemap."""
        return f"{self.base_url}/sitemap.xml"

    @property
    def robots_url(self) -> str:
        """URL of robots.txt."""
        return f"{self.base_url}/robots.txt"

    @property
    def article_urls(self) -> list[str]:
        """Absolute URLs of all articles, in catalog (publication) order."""
        return [self.base_url + a.path for a in ARTICLES]

    def url(self, path: str) -> str:
        """Absolute URL for a root-relative ``path``."""
        return self.base_url + path


def main(argv: list[str] | None = None) -> int:
    """CLI: serve the demo site until Ctrl-C."""
    parser = argparse.ArgumentParser(description="Serve the bundled demo news site.")
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: ephemeral)")
    parser.add_argument("--host", default=HOST, help="bind address (default: 127.0.0.1)")
    args = parser.parse_args(argv)
    site = DemoSite(port=args.port, host=args.host).start()
    print(f"Demo site at {site.base_url}/  (feed: {site.feed_url})", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
