"""Turn the run's sources (feeds, sitemaps, plain URLs) into a deduplicated URL list."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from etl.fetch.client import fetch_listing
from etl.fetch.discover import parse_feed, parse_sitemap
from etl.fetch.urls import canonical_url
from etl.records import FetchedPage
from etl.settings import Settings

MAX_SITEMAP_DEPTH = 3  # index -> index -> urlset is as deep as real sites go


@dataclass(frozen=True)
class SourceSpec:
    """What one run reads: feed URLs, sitemap URLs and plain article URLs."""

    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()


@dataclass
class Discovery:
    """Article targets as (canonical URL, source) plus the listing fetches and problems."""

    targets: list[tuple[str, str]] = field(default_factory=list)
    listings: list[FetchedPage] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (listing URL, reason)


def discover(spec: SourceSpec, settings: Settings) -> Discovery:
    """Fetch feeds and sitemaps and collect article URLs; a failing source is recorded."""
    return asyncio.run(_discover(spec, settings))


async def _discover(spec: SourceSpec, settings: Settings) -> Discovery:
    found = Discovery()
    seen: set[str] = set()

    def add(url: str, source: str) -> None:
        canon = canonical_url(url)
        if canon not in seen:
            seen.add(canon)
            found.targets.append((canon, source))

    for url in spec.urls:
        add(url, "url")
    for feed in spec.feeds:
        page = await fetch_listing(feed, settings)
        found.listings.append(page)
        if page.outcome != "fetched":
            found.problems.append((feed, page.reason or page.outcome))
            continue
        try:
            for item in parse_feed(page.body):
                add(item.url, feed)
        except ValueError as exc:
            found.problems.append((feed, str(exc)))
    visited: set[str] = set()
    queue = [(s, 0) for s in spec.sitemaps]
    while queue:
        sitemap, depth = queue.pop(0)
        canon = canonical_url(sitemap)
        if canon in visited:
            continue  # a sitemap index that lists itself must not loop
        visited.add(canon)
        page = await fetch_listing(sitemap, settings)
        found.listings.append(page)
        if page.outcome != "fetched":
            found.problems.append((sitemap, page.reason or page.outcome))
            continue
        try:
            pages, children = parse_sitemap(page.body)
        except ValueError as exc:
            found.problems.append((sitemap, str(exc)))
            continue
        for item in pages:
            add(item.url, sitemap)
        if depth < MAX_SITEMAP_DEPTH:
            queue.extend((child, depth + 1) for child in children)
    return found
