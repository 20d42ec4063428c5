"""`etl parse`: offline parse of saved pages to JSON lines (the evaluation contract).

Kept free of Prefect/DuckDB imports so it starts fast.
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

# A single page must never stall a batch: beyond this, the page gets an error row.
PAGE_TIMEOUT_SECONDS = 30


class PageTimeout(Exception):
    """Parsing one page took longer than PAGE_TIMEOUT_SECONDS."""


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise PageTimeout(f"parse took longer than {seconds}s")

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def parse_one(path: str) -> dict[str, Any]:
    """Parse one saved page and extract its facts and quotes into a SCHEMA.md record."""
    from etl.facts import extract_facts, extract_quotes
    from etl.parse import parse_path

    if not Path(path).is_file():
        raise FileNotFoundError(f"no such file: {path}")
    article = parse_path(path)
    facts = extract_facts(article.body, article.published, article.title)
    quotes = extract_quotes(article.body)
    return {
        "path": path,
        "title": article.title,
        "published": article.published,
        "author": list(article.author),
        "source_name": article.source_name,
        "body": article.body,
        "facts": [f.as_dict() for f in facts],
        "quotes": [q.as_dict() for q in quotes],
        "editors": list(article.editors),
        "captions": list(article.captions),
        "language": article.language,
        "charset": article.charset,
        "repairs": [r.as_dict() for r in article.repairs],
        "warnings": list(article.warnings),
    }


def _expand(paths: Iterable[str]) -> Iterator[str]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.suffix.lower() in {".html", ".htm", ".txt"}:
                    yield str(child)
        else:
            yield p


def run_parse(paths: Iterable[str], out: TextIO, fmt: str = "jsonl") -> int:
    """Parse every path (directories are walked) and write one JSON object per page.

    Returns the number of pages that failed; a failed page still yields a line with an
    ``error`` key, so the output always has one line per input.
    """
    failed = 0
    for path in _expand(paths):
        try:
            with _time_limit(PAGE_TIMEOUT_SECONDS):
                record = parse_one(path)
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the batch
            failed += 1
            record = {"path": path, "error": f"{type(exc).__name__}: {exc}"}
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        out.flush()
    return failed


def main_parse(paths: list[str], fmt: str) -> int:
    """CLI entry: parse to stdout; exit code 0 unless every page failed."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    paths = list(_expand(paths))
    failed = run_parse(paths, sys.stdout, fmt)
    if paths and failed == len(paths):
        return 1
    return 0
