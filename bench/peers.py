"""Run a peer extractor over saved pages and print SCHEMA.md JSON lines (like `etl parse`).

    python bench/peers.py trafilatura PAGE...
    python bench/peers.py gne PAGE...
    python bench/peers.py readability PAGE...

Each peer gets the same decoded text (our charset decision), so the comparison is of
extraction, not of decoding; raw-bytes input would only make the peers look worse on GBK
pages. Facts and quotes are empty: the peers do not extract them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from etl.parse.decode import decode_bytes


def _trafilatura(html: str) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, as_dict=True) or {}
    author = doc.get("author")
    return {"title": doc.get("title"), "published": doc.get("date"),
            "author": [author] if author else [], "body": doc.get("text") or ""}


def _gne(html: str) -> dict[str, Any]:
    from gne import GeneralNewsExtractor

    doc = GeneralNewsExtractor().extract(html)
    author = doc.get("author")
    return {"title": doc.get("title"), "published": doc.get("publish_time"),
            "author": [author] if author else [], "body": doc.get("content") or ""}


def _readability(html: str) -> dict[str, Any]:
    import lxml.html
    from readability import Document

    doc = Document(html)
    summary = lxml.html.fromstring(doc.summary() or "<div></div>")
    return {"title": doc.title(), "published": None, "author": [],
            "body": summary.text_content()}


PEERS: dict[str, Callable[[str], dict[str, Any]]] = {
    "trafilatura": _trafilatura, "gne": _gne, "readability": _readability,
}


def main(argv: list[str]) -> int:
    """Print one JSON object per page for the named peer."""
    name, paths = argv[0], argv[1:]
    peer = PEERS[name]
    sys.stdout.reconfigure(encoding="utf-8")
    for path in paths:
        try:
            text = decode_bytes(Path(path).read_bytes()).text
            if path.endswith(".txt"):
                text = "<html><body>" + "".join(f"<p>{ln}</p>" for ln in text.splitlines())
                text += "</body></html>"
            record = {"path": path, **peer(text), "facts": [], "quotes": []}
        except Exception as exc:  # noqa: BLE001 - a peer crash is that page's failure
            record = {"path": path, "error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(record, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
