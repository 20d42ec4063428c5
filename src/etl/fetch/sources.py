"""Turn the run's sources (feeds, sitemaps, list pages, URL lists) into fetch targets.

Listings are always fetched (they are how we learn about new articles). Every source is
read independently: one that fails is recorded as a problem and never fails the run.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field

from etl.fetch.bodies import read_decoded
from etl.fetch.client import LISTING_TYPES, Fetcher, open_fetcher
from etl.fetch.config import Source, adhoc_sources
from etl.fetch.discover import Discovered, parse_feed, parse_links, parse_sitemap
from etl.fetch.policy import RunState, Target
from etl.fetch.robots import origin
from etl.fetch.urls import canonical_url
from etl.records import FetchedPage
from etl.settings import Settings

MAX_SITEMAP_DEPTH = 3  # index -> index -> urlset is as deep as real sites go
MAX_SITEMAPS_PER_SOURCE = 200  # a runaway index can't make us fetch thousands of files


@dataclass(frozen=True)
class SourceSpec:
    """Ad-hoc sources of one run: feed URLs, sitemap URLs and plain article URLs."""

    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()

    def to_sources(self) -> list[Source]:
        """The equivalent sources-file entries."""
        return adhoc_sources(self.feeds, self.sitemaps, self.urls)


@dataclass
class SourceReport:
    """What discovery found for one source."""

    listed: int = 0  # links accepted as targets (before dropping known URLs)
    duplicates: int = 0  # links already listed by this or an earlier source
    dropped: Counter[str] = field(default_factory=Counter)  # reason -> links dropped
    problems: list[str] = field(default_factory=list)
    enabled: bool = True


@dataclass
class Discovery:
    """Targets in discovery order, the listing fetches, and a report per source."""

    targets: list[Target] = field(default_factory=list)
    # Feed/sitemap/list page fetches, then the run's robots.txt fetches (source
    # "robots.txt"): all stored as listing fetches.
    listings: list[FetchedPage] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (source name, reason)
    reports: dict[str, SourceReport] = field(default_factory=dict)


def discover(sources: list[Source] | SourceSpec, settings: Settings,
             state: RunState | None = None) -> Discovery:
    """Fetch every enabled source's listings and collect article targets."""
    if isinstance(sources, SourceSpec):
        sources = sources.to_sources()
    return asyncio.run(_discover(sources, settings, state or RunState()))


async def _discover(sources: list[Source], settings: Settings, state: RunState) -> Discovery:
    found = Discovery()
    async with open_fetcher(settings, state) as fetcher:
        jobs = [s for s in sources if s.enabled]
        for source in sources:
            found.reports[source.name] = SourceReport(enabled=source.enabled)
        links = await asyncio.gather(*(_one_source(s, fetcher, found) for s in jobs))
        _collect(found, jobs, links)
        await _warm_robots(fetcher, found.targets)
    found.listings.extend(state.take_robots_pages())
    for name, report in found.reports.items():
        found.problems.extend((name, p) for p in report.problems)
    return found


async def _warm_robots(fetcher: Fetcher, targets: list[Target]) -> None:
    """Read robots.txt of every article origin now, so those requests are stored with
    this run's listings (the fetch stage then finds them cached in the run state)."""
    if not fetcher.robots.enabled:
        return
    origins = dict.fromkeys(origin(t.url) for t in targets)

    async def one(key: str) -> None:
        try:
            await fetcher.vet(key + "/")
        except Exception:  # noqa: BLE001 - a blocked origin is skipped per URL later
            return
        await fetcher.robots.disallowed(key + "/")

    await asyncio.gather(*(one(k) for k in origins))


def _collect(found: Discovery, jobs: list[Source], links: list[list[Discovered]]) -> None:
    seen: set[str] = set()
    for source, items in zip(jobs, links, strict=True):
        report = found.reports[source.name]
        for item in items:
            canon = canonical_url(item.url)
            why = source.allows(canon)
            if why:
                report.dropped[why] += 1
            elif canon in seen:
                report.duplicates += 1
            else:
                seen.add(canon)
                report.listed += 1
                found.targets.append(Target(canon, source.name, source.may_change))


async def _one_source(source: Source, fetcher: Fetcher, found: Discovery) -> list[Discovered]:
    report = found.reports[source.name]
    try:
        if source.kind == "urls":
            return [Discovered(u) for u in source.urls]
        if source.kind == "sitemap":
            return await _sitemaps(source, fetcher, found)
        page = await _listing(source.url or "", source, fetcher, found)
        if page is None:
            return []
        if source.kind == "feed":
            return parse_feed(page.body)
        return parse_links(page.body, page.final_url or page.url)
    except ValueError as exc:
        report.problems.append(f"{source.url}: {exc}")
    except Exception as exc:  # noqa: BLE001 - one broken source never fails the run
        report.problems.append(f"{source.url}: {type(exc).__name__}: {exc}")
    return []


async def _listing(url: str, source: Source, fetcher: Fetcher,
                   found: Discovery) -> FetchedPage | None:
    """Fetch one feed/sitemap/list page; None (and a problem recorded) unless fetched."""
    page = await fetcher.fetch(url, source.name, accept=LISTING_TYPES)
    found.listings.append(page)
    if page.outcome != "fetched":
        found.reports[source.name].problems.append(f"{url}: {page.reason or page.outcome}")
        return None
    if page.body[:2] == b"\x1f\x8b":  # sitemap.xml.gz served as a file, not an encoding
        async def once() -> object:
            yield page.body

        page.body = await read_decoded(once(), "gzip", fetcher.settings.max_body_bytes)
    return page


async def _sitemaps(source: Source, fetcher: Fetcher, found: Discovery) -> list[Discovered]:
    report = found.reports[source.name]
    out: list[Discovered] = []
    visited: set[str] = set()
    queue = [(source.url or "", 0)]
    while queue and len(visited) < MAX_SITEMAPS_PER_SOURCE:
        sitemap, depth = queue.pop(0)
        canon = canonical_url(sitemap)
        if canon in visited:
            continue  # a sitemap index that lists itself (or a cycle) must not loop
        visited.add(canon)
        page = await _listing(sitemap, source, fetcher, found)
        if page is None:
            continue
        try:
            pages, children = parse_sitemap(page.body)
        except ValueError as exc:
            report.problems.append(f"{sitemap}: {exc}")
            continue
        out.extend(pages)
        for child in children:
            # Only the host rule applies: include/exclude patterns describe articles.
            why = source.host_allowed(child)
            if why:
                report.dropped[f"child sitemap: {why}"] += 1
            elif depth >= MAX_SITEMAP_DEPTH:
                report.dropped["child sitemap: nested too deep"] += 1
            else:
                queue.append((child, depth + 1))
    if queue:
        report.problems.append(f"stopped after {MAX_SITEMAPS_PER_SOURCE} sitemaps")
    return out
