"""Find article URLs in RSS/Atom feeds and sitemaps."""

from __future__ import annotations

from dataclasses import dataclass
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
            pages.append(Discovered(loc, _child_text(node, "lastmod")))
    return pages, children


def _reject_entity_declarations(data: bytes) -> None:
    head = data[:4096].lower()
    if b"<!entity" in head:
        raise ValueError("feed declares XML entities (possible entity-expansion attack)")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(node: Element, name: str) -> str | None:
    for child in node:
        if _local(child.tag) == name and child.text:
            return child.text.strip()
    return None
