"""`etl` command line: one subcommand per job, each calling the same code the flows call."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

PREFECT_DEFAULTS = {
    # The ephemeral API can take over a minute to start on a cold, busy machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # No internet here: telemetry only logs errors.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}


def _prefect_env() -> None:
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)


def _db_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="DuckDB file (default: $ETL_DB or data/etl.duckdb)")
    p.add_argument("--reports-dir", help="folder for workbooks (default: $ETL_REPORTS_DIR "
                                         "or reports/)")


def _print_json_last(obj: dict[str, Any]) -> None:
    print(json.dumps(obj, ensure_ascii=False, default=str))


def cmd_parse(args: argparse.Namespace) -> int:
    from etl.parse_command import main_parse

    return main_parse(args.paths, args.format)


def cmd_ingest(args: argparse.Namespace) -> int:
    if not (args.sources or args.feed or args.sitemap or args.url or args.reparse):
        print("etl ingest: give --sources FILE or at least one --feed, --sitemap or --url "
              "(or run `etl demo` for the bundled demo site)", file=sys.stderr)
        return 2
    if args.sources:
        from etl.fetch.config import load_sources

        load_sources(args.sources)  # a bad file fails here, naming key and line
    _prefect_env()
    _fetch_env(args)
    from flows.ingest import ingest

    summary = ingest(feeds=args.feed, sitemaps=args.sitemap, urls=args.url, db=args.db,
                     allow_hosts=args.allow_host, reparse=args.reparse,
                     sources_file=str(Path(args.sources).resolve()) if args.sources else None)
    _print_ingest(summary)
    if args.json:
        _print_json_last(summary)
    return 0


def _fetch_env(args: argparse.Namespace) -> None:
    """Fetch options reach the flow's load_settings as ETL_* variables (flow runs see
    the same values the command line gave)."""
    if args.user_agent:
        os.environ["ETL_USER_AGENT"] = args.user_agent
    if args.retry_budget is not None:
        os.environ["ETL_RETRY_BUDGET"] = str(args.retry_budget)
    if args.ignore_robots:
        os.environ["ETL_IGNORE_ROBOTS"] = "1"


def _non_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative")
    return number


def _print_ingest(summary: dict[str, Any]) -> None:
    fetch = summary["fetch"]
    print(f"listed {summary['listed']} URLs, {summary['new']} new; fetch outcomes: "
          f"{fetch or 'none'}", file=sys.stderr)
    print(f"parsed {summary['articles_parsed']} articles: {summary['facts']} facts, "
          f"{summary['quotes']} quotes, {summary['parse_failures']} parse failures",
          file=sys.stderr)
    for name, src in summary.get("sources", {}).items():
        print(f"source {name}: {src['listed']} listed, {src['known']} known, {src['new']} new, "
              f"{src['unchanged']} unchanged, {src['skipped']} skipped, {src['failed']} failed"
              + (f"; reasons {src['reasons']}" if src["reasons"] else ""), file=sys.stderr)
    for problem in summary["source_problems"]:
        print(f"source problem: {problem['source']}: {problem['reason']}", file=sys.stderr)


def cmd_report(args: argparse.Namespace) -> int:
    _prefect_env()
    from flows.weekly_report import weekly_report

    result = weekly_report(week=args.week, db=args.db, reports_dir=args.reports_dir)
    print(f"workbook: {result['path']}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    _prefect_env()
    from etl.demo.server import DemoSite
    from flows.ingest import ingest
    from flows.weekly_report import weekly_report

    with DemoSite(port=args.port) as site:
        print(f"demo news site at {site.base_url}", file=sys.stderr)
        summary = ingest(feeds=[site.feed_url], db=args.db, allow_hosts=["127.0.0.1"])
        _print_ingest(summary)
    result = weekly_report(week=args.week, db=args.db, reports_dir=args.reports_dir)
    failures = sum(v for k, v in summary["fetch"].items() if k == "failed")
    print()
    print(f"Workbook: {Path(result['path']).resolve()}")
    print(f"Week {result['week']}: {result['count_articles']} articles, "
          f"{result['count_facts']} facts, {result['count_quotes']} quotes; "
          f"this run: {summary['articles_parsed']} pages parsed, {failures} fetch failures, "
          f"{summary['parse_failures']} parse failures")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the hourly ingest and weekly report deployments (see docs/operations.md)."""
    _prefect_env()
    from etl.fetch.config import load_sources
    from flows.deploy import ServeOptions
    from flows.serve import run_serve

    sources = Path(args.sources) if args.sources else None
    if sources:
        load_sources(sources)  # a bad file fails now, not at the first hourly run
    schedule = {k: v for k, v in (("ingest_cron", args.ingest_cron),
                                  ("report_cron", args.report_cron),
                                  ("timezone", args.timezone)) if v}
    options = ServeOptions(
        sources_file=sources, feeds=tuple(args.feed), sitemaps=tuple(args.sitemap),
        urls=tuple(args.url), allow_hosts=tuple(args.allow_host),
        db=Path(args.db) if args.db else None,
        reports_dir=Path(args.reports_dir) if args.reports_dir else None, **schedule)
    return run_serve(options, api_port=args.api_port, api_timeout=args.api_timeout)


def cmd_web(args: argparse.Namespace) -> int:
    """Serve the reports folder (downloads and previews) with uvicorn."""
    from etl.web.server import run_web

    return run_web(host=args.host, port=args.port, reports_dir=args.reports_dir)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="etl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse saved .html/.txt pages offline to JSON lines")
    p.add_argument("paths", nargs="+", help="files or folders")
    p.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("ingest", help="discover, fetch, parse and load articles (Prefect flow)")
    p.add_argument("--sources", metavar="FILE",
                   help="TOML sources file (see docs/sources.md, sources.example.toml)")
    p.add_argument("--feed", action="append", default=[], help="RSS/Atom feed URL (repeatable)")
    p.add_argument("--sitemap", action="append", default=[], help="sitemap URL (repeatable)")
    p.add_argument("--url", action="append", default=[], help="article URL (repeatable)")
    p.add_argument("--allow-host", action="append", default=[],
                   help="permit this host even if it is loopback/private (repeatable)")
    p.add_argument("--reparse", action="store_true",
                   help="re-parse every stored raw page (no fetching needed)")
    p.add_argument("--user-agent", help="User-Agent header and robots.txt agent name "
                                        "(default: $ETL_USER_AGENT or the built-in one)")
    p.add_argument("--retry-budget", type=_non_negative, metavar="N",
                   help="retries allowed per run, all URLs together (default: "
                        "$ETL_RETRY_BUDGET or 200)")
    p.add_argument("--ignore-robots", action="store_true",
                   help="do not read or obey robots.txt; only for sites you own or have "
                        "permission to crawl (default: robots.txt is honoured)")
    p.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    _db_options(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("report", help="build the weekly briefing workbook (Prefect flow)")
    p.add_argument("--week", help="ISO week like 2024-W43 (default: latest complete week)")
    _db_options(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("demo", help="serve the bundled demo site, ingest it, build the report")
    p.add_argument("--week", help="ISO week (default: latest complete week in the data)")
    p.add_argument("--port", type=int, default=8765,
                   help="demo site port (default 8765 so reruns see the same URLs; "
                        "0 = any free port)")
    _db_options(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("serve", help="serve the scheduled deployments (hourly ingest, "
                                     "Monday report); starts a local Prefect API if "
                                     "PREFECT_API_URL is unset")
    p.add_argument("--sources", metavar="FILE",
                   help="TOML sources file (docs/sources.md), re-read at every ingest run")
    p.add_argument("--feed", action="append", default=[], help="RSS/Atom feed URL (repeatable)")
    p.add_argument("--sitemap", action="append", default=[], help="sitemap URL (repeatable)")
    p.add_argument("--url", action="append", default=[], help="article URL (repeatable)")
    p.add_argument("--allow-host", action="append", default=[],
                   help="permit this host even if it is loopback/private (repeatable)")
    p.add_argument("--ingest-cron", help='ingest schedule (default "0 * * * *": hourly)')
    p.add_argument("--report-cron",
                   help='weekly report schedule (default "0 8 * * 1": Monday 08:00)')
    p.add_argument("--timezone", help="time zone of both schedules (default Asia/Shanghai)")
    p.add_argument("--api-port", type=int, default=4200,
                   help="port of the local Prefect API started when PREFECT_API_URL is unset")
    p.add_argument("--api-timeout", type=float, default=90.0,
                   help="seconds to wait for the local Prefect API to answer /api/health")
    _db_options(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("web", help="serve the reports folder: index, downloads, previews")
    p.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--reports-dir", help="folder of workbooks (default: $ETL_REPORTS_DIR "
                                         "or reports/)")
    p.set_defaults(func=cmd_web)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `etl` console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - show a clear one-line error, not a traceback
        from etl.errors import EtlError

        if isinstance(exc, EtlError | ValueError):
            print(f"etl {args.command}: {exc}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
