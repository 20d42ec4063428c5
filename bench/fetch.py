"""Fetch throughput over loopback: 5,000 pages on 20 hosts (127.0.0.2-127.0.0.21).

Each host has its own listening socket, served by a minimal asyncio HTTP/1.1 server;
the hosts are split over a few server processes so the server is not the bottleneck.
Prints pages/s with politeness off and with a per-host delay, peak RSS of the fetching
process, and requests seen by the servers against pages fetched; the last line is JSON.

    .venv/bin/python bench/fetch.py [--pages 5000] [--delay 0.05] [--server-procs 2]

Not part of the test suite. Sends traffic only to 127.0.0.0/8.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import resource
import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from etl.fetch.client import fetch_all  # noqa: E402
from etl.fetch.policy import RunState  # noqa: E402
from etl.settings import Settings  # noqa: E402

HOSTS = [f"127.0.0.{i}" for i in range(2, 22)]
BODY = ("<html><head><meta charset='utf-8'><title>基准</title></head><body><article>"
        + "<p>国家统计局发布数据，前三季度国内生产总值同比增长。</p>" * 20
        + "</article></body></html>").encode()
PAGE = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Length: " + str(len(BODY)).encode() + b"\r\n\r\n" + BODY)
NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"


class _Http(asyncio.Protocol):
    """Just enough HTTP/1.1: GET requests without bodies, keep-alive, pipelining-safe."""

    counter = [0]

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        self.buf = b""

    def data_received(self, data: bytes) -> None:
        self.buf += data
        while b"\r\n\r\n" in self.buf:
            head, self.buf = self.buf.split(b"\r\n\r\n", 1)
            self.counter[0] += 1
            self.transport.write(self.respond(head.split(b" ", 2)[1]))  # type: ignore[attr-defined]

    def respond(self, path: bytes) -> bytes:
        """The whole response for a request path."""
        return NOT_FOUND if path == b"/robots.txt" else PAGE


def _serve(sockets: list[socket.socket], ready: mp.Event, stop: mp.Event,  # type: ignore[valid-type]
           counts: mp.Queue) -> None:  # type: ignore[type-arg]
    async def main() -> None:
        loop = asyncio.get_running_loop()
        servers = [await loop.create_server(_Http, sock=s) for s in sockets]
        ready.set()  # type: ignore[attr-defined]
        while not stop.is_set():  # type: ignore[attr-defined]
            await asyncio.sleep(0.05)
        for server in servers:
            server.close()
        counts.put(_Http.counter[0])

    asyncio.run(main())


def _listen(host: str) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    sock.listen(1024)
    return sock


class Servers:
    """20 hosts' sockets, served by ``procs`` processes; counts requests."""

    def __init__(self, procs: int) -> None:
        self.socks = [_listen(h) for h in HOSTS]
        self.urls = [f"http://{h}:{s.getsockname()[1]}" for h, s in zip(HOSTS, self.socks,
                                                                         strict=True)]
        self.stop, self.counts = mp.Event(), mp.Queue()
        self.procs = []
        for i in range(procs):
            ready = mp.Event()
            p = mp.Process(target=_serve, args=(self.socks[i::procs], ready, self.stop,
                                                self.counts), daemon=True)
            p.start()
            ready.wait(10)
            self.procs.append(p)

    def close(self) -> int:
        """Stop the servers; total requests they answered."""
        self.stop.set()
        total = sum(self.counts.get(timeout=10) for _ in self.procs)
        for p in self.procs:
            p.join(5)
        return total


def run(pages: int, delay: float, procs: int, concurrency: int) -> dict[str, float]:
    servers = Servers(procs)
    targets = [(f"{servers.urls[i % len(HOSTS)]}/news/{i}.html", "bench")
               for i in range(pages)]
    settings = Settings(allow_hosts=frozenset(HOSTS), concurrency=concurrency,
                        per_host_concurrency=max(1, concurrency // len(HOSTS)),
                        per_host_delay=delay, max_retries=1)
    state = RunState()
    started = time.perf_counter()
    results = fetch_all(targets, settings, state=state)
    elapsed = time.perf_counter() - started
    requests = servers.close()
    fetched = sum(r.outcome == "fetched" for r in results)
    attempts = sum(len(r.attempts) for r in results)
    return {"pages": pages, "fetched": fetched, "seconds": round(elapsed, 2),
            "pages_per_s": round(fetched / elapsed, 1), "server_requests": requests,
            "page_attempts": attempts, "robots_requests": state.robots_requests,
            "retries": state.retry_budget.used}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--delay", type=float, default=0.05,
                    help="per-host delay of the polite run (s); its page count is sized so "
                         "it takes ~3 s")
    ap.add_argument("--server-procs", type=int, default=2)
    ap.add_argument("--concurrency", type=int, default=64)
    args = ap.parse_args()
    fast = run(args.pages, 0.0, args.server_procs, args.concurrency)
    print(f"politeness off: {fast['fetched']}/{fast['pages']} pages in {fast['seconds']} s "
          f"= {fast['pages_per_s']} pages/s; server saw {fast['server_requests']} requests "
          f"({fast['page_attempts']} page attempts + {fast['robots_requests']} robots.txt)")
    polite_pages = min(args.pages, int(len(HOSTS) / args.delay * 3)) if args.delay else 0
    polite = run(polite_pages, args.delay, args.server_procs, args.concurrency)
    ceiling = len(HOSTS) / args.delay
    print(f"per-host delay {args.delay} s: {polite['fetched']}/{polite['pages']} pages in "
          f"{polite['seconds']} s = {polite['pages_per_s']} pages/s "
          f"(ceiling {ceiling:.0f} pages/s for {len(HOSTS)} hosts); server saw "
          f"{polite['server_requests']} requests")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the fetching process: {rss_mb:.0f} MB")
    print(json.dumps({"hosts": len(HOSTS), "politeness_off": fast,
                      "polite": {**polite, "delay_s": args.delay, "ceiling_pages_per_s":
                                 round(ceiling, 1)},
                      "peak_rss_mb": round(rss_mb, 1)}))


if __name__ == "__main__":
    main()
