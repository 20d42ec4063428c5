"""Find article URLs in RSS/Atom feeds, sitemaps (incl. Google News) and list pages."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin
from xml.etree.ElementTree import Element

import feedparser
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException


@dataclass(frozen=True, slots=True)
class Discovered:
    """A URL found in a listing, with the date the listing gives for it, if any."""

    url: str
    listed_at: str | None = None


def parse_feed(data: bytes) -> list[Discovered]:
    """Links of an RSS/Atom feed. Raises ValueError on an unsafe or unreadable feed."""
    # feedparser resolves no external entities, but it does expand internal ones: a
    # billion-laughs document is refused here before feedparser sees it.
    _reject_entity_declarations(data)
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise ValueError(f"unreadable feed: {parsed.get('bozo_exception')}")
    out = []
    for entry in parsed.entries:
        link = entry.get("link")
        if link:
            out.append(Discovered(link, entry.get("published") or entry.get("updated")))
    return out


def parse_sitemap(data: bytes) -> tuple[list[Discovered], list[str]]:
    """(page URLs, child sitemap URLs) of a sitemap or sitemap index."""
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise ValueError(f"unsafe sitemap XML refused: {type(exc).__name__}") from exc
    except SafeET.ParseError as exc:
        raise ValueError(f"unreadable sitemap: {exc}") from exc
    pages: list[Discovered] = []
    children: list[str] = []
    for node in root:
        loc = _child_text(node, "loc")
        if not loc:
            continue
        if _local(node.tag) == "sitemap":
            children.append(loc)
        else:
            # Google News sitemaps date items in <news:news><news:publication_date>.
            news = next((c for c in node if _local(c.tag) == "news"), None)
            listed = _child_text(node, "lastmod") or (
                _child_text(news, "publication_date") if news is not None else None)
            pages.append(Discovered(loc, listed))
    return pages, children


def parse_links(data: bytes, base_url: str) -> list[Discovered]:
    """Absolute http(s) links of an HTML list page, in page order (filtering is the
    source's job: include/exclude patterns and allowed hosts)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        doc = lxml.html.document_fromstring(data)
    except (ParserError, ValueError) as exc:
        raise ValueError(f"unreadable list page: {exc}") from exc
    out = []
    for href in doc.xpath("//a/@href"):
        url = urljoin(base_url, str(href).strip())
        if url.startswith(("http://", "https://")):
            out.append(Discovered(url))
    return out


def _reject_entity_declarations(data: bytes) -> None:
    # The whole document, not just its head: a DOCTYPE can follow a long comment. NULs
    # are dropped so a UTF-16 feed can't hide the declaration from a byte search.
    if b"<!entity" in data.replace(b"\x00", b"").lower():
        raise ValueError("feed declares XML entities (possible entity-expansion attack)")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(node: Element, name: str) -> str | None:
    for child in node:
        if _local(child.tag) == name and child.text:
            return child.text.strip()
    return None
