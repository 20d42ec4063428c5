"""End-to-end throughput: N generated Chinese news pages through both Prefect flows.

Pages are built from the demo site's Chinese articles: each page mixes sentences of
several articles into new paragraphs, with its figures rescaled, so pages are distinct;
every tenth page is a syndicated copy of an earlier one (another URL, source and
headline, same body), so story clustering has a known amount to collapse. They are
served by 20 loopback hosts (127.0.0.2-21, bench/fetch.py's sockets, in 2 server
processes), each with a sitemap of its pages, and go through the whole pipeline:
``ingest`` (sitemaps -> fetch -> store raw -> parse + extract -> load -> cluster) then
``weekly_report`` (SQL transforms and checks -> workbook), politeness off.

Printed: pages/s per stage and end to end, peak RSS, the share of wall time that is
orchestration (flow wall time minus the union of the time intervals in which a stage
function ran, in the flow's process or on a Dask worker), and trafilatura alone
extracting the same stored pages on one core, as a reference. The last line is JSON.

    .venv/bin/python bench/e2e.py [--pages 10000] [--runner dask|thread] [--workers 2]

Not part of the test suite. Sends traffic only to 127.0.0.0/8.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import random
import re
import resource
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "src"))
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from fetch import HOSTS, NOT_FOUND, _Http, _listen  # noqa: E402

from etl.demo.articles import ARTICLES  # noqa: E402
from etl.demo.model import DemoArticle, at  # noqa: E402

SYNDICATED_EVERY = 10  # every 10th page copies an earlier page's body
_SENTENCE = re.compile(r"[^。！？]*[。！？]”?")
# Figures to rescale; dates and ordinals stay as written so periods remain valid.
_NUMBER = re.compile(r"(?<![第\d.])(\d+(?:\.\d+)?)(?![\d.]*[年月日时号])")
AGENCIES = ("新华社", "中国新闻网", "人民网", "央广网", "澎湃新闻")


# --- pages -------------------------------------------------------------------------

def _pools() -> dict[str, list[str]]:
    """Sentences of the Chinese HTML demo articles, per script."""
    pools: dict[str, list[str]] = {"zh-Hans": [], "zh-Hant": []}
    for a in ARTICLES:
        if a.lang in pools and a.kind == "html" and "pinyin" not in a.pathologies:
            for para in a.paragraphs:
                pools[a.lang].extend(s for s in _SENTENCE.findall(para) if len(s) > 8)
    return pools


def _rescale(text: str, rng: random.Random) -> str:
    def one(m: re.Match[str]) -> str:
        value = float(m.group(1)) * rng.uniform(0.5, 1.6)
        decimals = len(m.group(1).split(".")[1]) if "." in m.group(1) else 0
        return f"{value:.{decimals}f}" if decimals else str(max(1, round(value)))
    return _NUMBER.sub(one, text)


def make_pages(count: int) -> list[DemoArticle]:
    """``count`` distinct article pages, deterministic (page i depends only on i)."""
    bases = [a for a in ARTICLES if a.lang in ("zh-Hans", "zh-Hant") and a.kind == "html"]
    pools = _pools()
    pages: list[DemoArticle] = []
    for i in range(count):
        rng = random.Random(i)
        base = bases[i % len(bases)]
        when = at(7, 8, 0) + timedelta(minutes=rng.randrange(20 * 24 * 60))
        if i % SYNDICATED_EVERY == SYNDICATED_EVERY - 1:
            original = pages[i - rng.randrange(1, SYNDICATED_EVERY)]
            pages.append(replace(original, slug=f"{original.slug}-copy-{i:05d}",
                                 published=when, source=rng.choice(AGENCIES),
                                 title=original.title + "（转载）", photo=None,
                                 editor=None, key_facts=()))
            continue
        pool = pools[base.lang]
        paragraphs = tuple(
            _rescale("".join(rng.sample(pool, rng.randint(2, 4))), rng)
            for _ in range(rng.randint(4, 7)))
        pages.append(replace(base, slug=f"{base.slug}-{i:05d}", published=when,
                             title=_rescale(base.title, rng), paragraphs=paragraphs,
                             photo_after=min(base.photo_after, len(paragraphs) - 1),
                             comments=rng.randrange(500), likes=rng.randrange(5000),
                             key_facts=()))
    return pages


# --- loopback servers (bench/fetch.py's protocol, routed) ------------------------

def _response(content_type: str, body: bytes) -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


class _Routed(_Http):
    """bench/fetch.py's minimal HTTP/1.1 server, answering from a path -> bytes table."""

    routes: dict[bytes, bytes] = {}

    def respond(self, path: bytes) -> bytes:
        return self.routes.get(path, NOT_FOUND)


def _serve(sockets: list[socket.socket], bases: list[str], count: int, ready: Any,
           stop: Any) -> None:
    """Render this process's hosts' pages and sitemaps (after the fork, so the
    measured process never holds them), then serve until ``stop`` is set."""
    from etl.demo.render import render_bytes

    mine = set(bases)
    routes: dict[bytes, bytes] = {}
    sitemaps: dict[str, list[str]] = {b: [] for b in bases}
    for i, page in enumerate(make_pages(count)):
        base = HOST_URLS[i % len(HOST_URLS)]
        if base in mine:
            routes[page.path.encode()] = _response(page.content_type, render_bytes(page))
            sitemaps[base].append(
                f"<url><loc>{base}{page.path}</loc>"
                f"<lastmod>{page.published.isoformat()}</lastmod></url>")
    for base, items in sitemaps.items():
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
               '"http://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(items)
               + "</urlset>")
        # The host is in the path: one routing table serves all of a process's hosts.
        routes[f"/sitemap-{base.split('//')[1].split(':')[0]}.xml".encode()] = _response(
            "application/xml", xml.encode())
    _Routed.routes = routes

    async def main() -> None:
        loop = asyncio.get_running_loop()
        servers = [await loop.create_server(_Routed, sock=s) for s in sockets]
        ready.set()
        while not stop.is_set():
            await asyncio.sleep(0.05)
        for server in servers:
            server.close()

    asyncio.run(main())


HOST_URLS: list[str] = []


class PageServers:
    """The 20 loopback hosts serving ``count`` pages, split over ``procs`` processes."""

    def __init__(self, count: int, procs: int) -> None:
        socks = [_listen(h) for h in HOSTS]
        HOST_URLS[:] = [f"http://{h}:{s.getsockname()[1]}" for h, s in zip(HOSTS, socks,
                                                                             strict=True)]
        ctx = mp.get_context("fork")  # children inherit HOST_URLS and the sockets
        self.stop = ctx.Event()
        self.procs = []
        for i in range(procs):
            ready = ctx.Event()
            p = ctx.Process(target=_serve, args=(socks[i::procs], HOST_URLS[i::procs], count,
                                                 ready, self.stop), daemon=True)
            p.start()
            self.procs.append((p, ready))
        for _p, ready in self.procs:
            if not ready.wait(300):
                raise RuntimeError("page server did not start")
        self.pids = {p.pid for p, _ in self.procs}

    @property
    def sitemaps(self) -> list[str]:
        """One sitemap URL per host."""
        return [f"{b}/sitemap-{b.split('//')[1].split(':')[0]}.xml" for b in HOST_URLS]

    def close(self) -> None:
        """Stop serving."""
        self.stop.set()
        for p, _ in self.procs:
            p.join(5)


# --- measuring -----------------------------------------------------------------------

class Intervals:
    """Wall-clock (start, end) intervals of stage functions, by stage name."""

    def __init__(self) -> None:
        self.spans: dict[str, list[tuple[float, float]]] = {}
        self.lock = threading.Lock()

    def __reduce__(self) -> tuple[type, tuple[()]]:
        # The wrapped functions end up in the ingest flow's globals, which Dask pickles
        # (by value) with every task it ships: travel as an empty recorder, no lock.
        return (Intervals, ())

    def add(self, stage: str, start: float, end: float) -> None:
        with self.lock:
            self.spans.setdefault(stage, []).append((start, end))

    def wrap(self, owner: Any, name: str, stage: str) -> None:
        """Replace ``owner.name`` with a version that records its intervals."""
        fn: Callable[..., Any] = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.add(stage, start, time.time())

        timed.__wrapped__ = fn  # type: ignore[attr-defined]
        setattr(owner, name, timed)

    def seconds(self, stage: str) -> float:
        """Summed duration of a stage's intervals (CPU-seconds for parallel stages)."""
        return sum(e - s for s, e in self.spans.get(stage, []))

    def union(self, lo: float, hi: float, exclude: tuple[str, ...] = ()) -> float:
        """Length of the union of all intervals, clipped to [lo, hi]."""
        spans = sorted((max(s, lo), min(e, hi)) for k, v in self.spans.items()
                       if k not in exclude for s, e in v if e > lo and s < hi)
        total, cur_s, cur_e = 0.0, None, None
        for s, e in spans:
            if cur_e is None or s > cur_e:
                if cur_e is not None:
                    total += cur_e - cur_s  # type: ignore[operator]
                cur_s, cur_e = s, e
            else:
                cur_e = max(cur_e, e)
        if cur_e is not None:
            total += cur_e - cur_s  # type: ignore[operator]
        return total


def instrument(iv: Intervals) -> None:
    """Time every stage function the flows call (module attributes, looked up per call)."""
    from etl import stages
    from etl.report import build
    from flows import ingest, runners
    from flows import weekly_report as weekly

    for name, stage in (("discover_targets", "discover"), ("fetch_all", "fetch"),
                        ("fetch_and_store", "fetch+store"), ("parse_rows", "parse+extract"),
                        ("cluster_syndicated", "cluster"),
                        ("new_targets", "flow body"), ("pending_raw", "flow body"),
                        ("describe_pages", "flow body"), ("source_summary", "flow body")):
        iv.wrap(stages, name, stage)
    iv.wrap(ingest, "save_fetches", "flow body")
    iv.wrap(ingest, "save_run", "flow body")
    iv.wrap(weekly, "build_report", "transform+workbook")
    iv.wrap(build, "write_briefing", "workbook")
    load_batch = runners.load_batch

    def from_worker(con: Any, batch: Any) -> Any:
        # The parse body ran on a Dask worker; it reports when. Loading is timed here.
        iv.add("parse+extract", batch.started, batch.ended)
        start = time.time()
        try:
            return load_batch(con, batch)
        finally:
            iv.add("load", start, time.time())

    runners.load_batch = from_worker


class RssSampler:
    """Peak summed RSS of this process and its children by role, and the CPU time each
    process has used (user + system), sampled every 100 ms."""

    def __init__(self, server_pids: set[int]) -> None:
        import psutil

        self.me = psutil.Process()
        self.server_pids = server_pids
        self.peak: dict[str, float] = {"pipeline": 0.0, "prefect server": 0.0}
        self.cpu: dict[int, tuple[str, float]] = {}  # pid -> (role, CPU-seconds so far)
        self.roles: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _role(self, proc: Any) -> str | None:
        if proc.pid in self.server_pids:
            return None
        if proc.pid in self.roles:
            return self.roles[proc.pid]
        try:
            cmd = proc.cmdline()
        except Exception:  # noqa: BLE001 - the process just exited
            return "pipeline"
        if not cmd or cmd == self.me.cmdline():
            # Forked but not yet exec'd, or a zombie: decide on a later sample.
            return "pipeline"
        text = " ".join(cmd)
        role = "prefect server" if "uvicorn" in text or "prefect.server" in text else "pipeline"
        self.roles[proc.pid] = role
        return role

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            try:
                self._sample()
            except Exception:  # noqa: BLE001 - a child vanished mid-listing; next tick
                pass

    def _sample(self) -> None:
        totals = {"pipeline": self.me.memory_info().rss, "prefect server": 0}
        self._cpu(self.me, "pipeline")
        for child in self.me.children(recursive=True):
            role = self._role(child) or "page servers"
            try:
                self._cpu(child, role)
                if role in totals:
                    totals[role] += child.memory_info().rss
            except Exception:  # noqa: BLE001 - the process just exited
                pass
        for role, value in totals.items():
            self.peak[role] = max(self.peak[role], value / 2**20)

    def _cpu(self, proc: Any, role: str) -> None:
        times = proc.cpu_times()
        self.cpu[proc.pid] = (role, times.user + times.system)

    def close(self) -> dict[str, float]:
        """Stop sampling; peak MB per role."""
        self._stop.set()
        self._thread.join()
        return self.peak

    def cpu_by_role(self) -> dict[str, float]:
        """CPU-seconds used per role (a process's last <100 ms may be missed)."""
        out: dict[str, float] = {}
        for role, seconds in self.cpu.values():
            out[role] = out.get(role, 0.0) + seconds
        return out


@contextmanager
def prefect_api(url: str | None) -> Iterator[None]:
    """An existing API (``--api-url``), or a throwaway local one (fresh SQLite DB)."""
    if url:
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: url}):
            yield
        return
    from prefect.testing.utilities import prefect_test_harness

    # Same server code as `prefect server start`, on a temporary database, so the
    # benchmark neither needs nor pollutes the user's Prefect home.
    with prefect_test_harness(server_startup_timeout=90):
        yield


def trafilatura_reference(db: Path) -> tuple[int, float]:
    """(pages, seconds) for trafilatura.extract on each stored page, decoded, one core."""
    import duckdb
    import trafilatura

    from etl.parse import declared_charset
    from etl.parse.decode import decode_bytes

    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("select body, content_type from raw_responses "
                           "where kind = 'article'").fetchall()
    texts = [decode_bytes(bytes(b), declared_charset(ct)).text for b, ct in rows]
    rows.clear()
    started = time.perf_counter()
    for text in texts:
        trafilatura.extract(text)
    return len(texts), time.perf_counter() - started


def _busy(times: Any) -> float:
    """CPU-seconds the whole machine has spent busy (all processes, all cores)."""
    # guest time is already counted in user; steal is the hypervisor's, not ours.
    return times.user + times.nice + times.system + times.irq + times.softirq


# --- the run -------------------------------------------------------------------------

def run(args: argparse.Namespace) -> dict[str, Any]:
    import psutil

    servers = PageServers(args.pages, args.server_procs)
    busy_before, window_start = _busy(psutil.cpu_times()), time.time()
    rss = RssSampler(servers.pids)
    tmp = Path(tempfile.mkdtemp(prefix="e2e-bench-"))
    db, reports = tmp / "etl.duckdb", tmp / "reports"
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    iv = Intervals()
    cluster = None
    try:
        with prefect_api(args.api_url):
            from flows.ingest import ingest
            from flows.weekly_report import weekly_report

            instrument(iv)
            address = None
            cluster_s = 0.0
            if args.runner == "dask":
                from distributed import LocalCluster

                # A cluster is long-lived in a deployment; start it outside the timing.
                t = time.perf_counter()
                cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                       processes=True, dashboard_address=None)
                address, cluster_s = cluster.scheduler_address, time.perf_counter() - t
            t0 = time.time()
            summary = ingest(sitemaps=servers.sitemaps, db=str(db), allow_hosts=HOSTS,
                             dask_address=address,
                             task_runner="thread" if args.runner == "thread" else None)
            t1 = time.time()
            report = weekly_report(db=str(db), reports_dir=str(reports))
            t2 = time.time()
    finally:
        if cluster is not None:
            cluster.close()
        servers.close()
    peaks = rss.close()
    busy = _busy(psutil.cpu_times()) - busy_before
    window = time.time() - window_start
    cpu = rss.cpu_by_role()
    ref_pages, ref_s = trafilatura_reference(db)
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)

    pages = summary["articles_parsed"]
    wall = t2 - t0
    body = iv.union(t0, t1) + iv.union(t1, t2)
    fetch_s = iv.seconds("fetch")
    stage_s = {
        "discover": iv.seconds("discover"),
        "fetch": fetch_s,
        "store raw": iv.seconds("fetch+store") - fetch_s,
        "parse+extract": iv.seconds("parse+extract"),
        "load": iv.seconds("load"),
        "cluster": iv.seconds("cluster"),
        "transform": iv.seconds("transform+workbook") - iv.seconds("workbook"),
        "workbook": iv.seconds("workbook"),
        "flow body (other)": iv.seconds("flow body"),
    }
    parse_wall = iv.union(t0, t1, exclude=tuple(k for k in iv.spans if k != "parse+extract"))
    ours_ms = stage_s["parse+extract"] / max(pages, 1) * 1000
    ref_ms = ref_s / max(ref_pages, 1) * 1000
    return {
        "pages": args.pages, "articles": pages, "facts": summary["facts"],
        "quotes": summary["quotes"], "stories": summary["stories"],
        "parse_failures": summary["parse_failures"], "fetch": summary["fetch"],
        "runner": args.runner, "workers": args.workers if args.runner == "dask" else 1,
        "dask_cluster_start_s": round(cluster_s, 2),
        "report_week": report["week"],
        "stage_seconds": {k: round(v, 2) for k, v in stage_s.items()},
        "stage_pages_per_s": {k: round(pages / v, 1) if v > 0 else None
                              for k, v in stage_s.items()},
        "parse_wall_s": round(parse_wall, 2),
        "parse_pages_per_s_wall": round(pages / parse_wall, 1) if parse_wall else None,
        "ingest_wall_s": round(t1 - t0, 2), "report_wall_s": round(t2 - t1, 2),
        "wall_s": round(wall, 2), "end_to_end_pages_per_s": round(pages / wall, 1),
        "stage_union_s": round(body, 2),
        "orchestration_share": round((wall - body) / wall, 4),
        "peak_rss_mb": round(peaks["pipeline"], 1),
        "flow_process_maxrss_mb": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "prefect_server_peak_rss_mb": round(peaks["prefect server"], 1),
        "parse_extract_ms_per_page": round(ours_ms, 2),
        "trafilatura_ms_per_page": round(ref_ms, 2),
        "trafilatura_ratio": round(ours_ms / ref_ms, 2) if ref_ms else None,
        "cpu_s": {k: round(v, 1) for k, v in sorted(cpu.items())},
        "cpu_s_machine": round(busy, 1), "cpu_window_s": round(window, 1),
        "cores": os.cpu_count(),
        "db": str(db) if args.keep else None,
    }


def print_table(r: dict[str, Any]) -> None:
    """The human-readable summary."""
    print(f"\n{r['pages']} pages ({r['articles']} parsed, {r['facts']} facts, "
          f"{r['quotes']} quotes, {r['stories']} stories, {r['parse_failures']} parse "
          f"failures); fetch {r['fetch']}; runner {r['runner']} x{r['workers']}; "
          f"report {r['report_week']}")
    print(f"{'stage':<20}{'seconds':>10}{'pages/s':>10}")
    for stage, secs in r["stage_seconds"].items():
        rate = r["stage_pages_per_s"][stage]
        print(f"{stage:<20}{secs:>10.2f}{rate if rate is not None else '-':>10}")
    if r["runner"] == "dask":
        print(f"{'  (parse wall)':<20}{r['parse_wall_s']:>10.2f}"
              f"{r['parse_pages_per_s_wall']:>10}")
    print(f"{'end to end':<20}{r['wall_s']:>10.2f}{r['end_to_end_pages_per_s']:>10}"
          f"   (ingest {r['ingest_wall_s']} s + report {r['report_wall_s']} s)")
    print(f"orchestration (Prefect{' + Dask' if r['runner'] == 'dask' else ''}): "
          f"{r['orchestration_share']:.1%} of wall time "
          f"(stages ran in {r['stage_union_s']} s of {r['wall_s']} s)")
    print(f"peak RSS: pipeline {r['peak_rss_mb']:.0f} MB (flow process max "
          f"{r['flow_process_maxrss_mb']:.0f} MB), Prefect server "
          f"{r['prefect_server_peak_rss_mb']:.0f} MB")
    ours = sum(r["cpu_s"].values())
    print(f"CPU-seconds: {r['cpu_s']} = {ours:.0f} s of this benchmark; whole machine "
          f"{r['cpu_s_machine']} s of {r['cores'] * r['cpu_window_s']:.0f} s available (from "
          f"the page servers' start); any excess over ours is other load slowing these figures")
    print(f"parse+extract {r['parse_extract_ms_per_page']} ms/page per core vs trafilatura "
          f"alone {r['trafilatura_ms_per_page']} ms/page: {r['trafilatura_ratio']}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--runner", choices=("dask", "thread"), default="dask",
                    help="where parse/extract runs (default: Dask, one worker per core)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--server-procs", type=int, default=2)
    ap.add_argument("--api-url", help="a running Prefect API (default: a temporary one)")
    ap.add_argument("--keep", action="store_true",
                    help="keep the warehouse and workbook (default: delete them at the end)")
    args = ap.parse_args()
    result = run(args)
    print_table(result)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
