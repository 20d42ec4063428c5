"""The sources file (TOML): what to crawl, validated with pydantic on load.

Errors name the file, the ``[[source]]`` entry, the bad key and its line, e.g.::

    sources.toml:14: source #2 ("Xinhua"), key 'delay': Input should be greater than
    or equal to 0

See docs/sources.md for the format.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from etl.errors import EtlError
from etl.fetch.policy import HostPolicy

Kind = Literal["feed", "sitemap", "list", "urls"]


class SourcesFileError(EtlError):
    """The sources file is missing, not TOML, or fails validation."""


def _check_http(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not an absolute http(s) URL")
    return url


class Source(BaseModel):
    """One ``[[source]]`` entry."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    kind: Kind
    url: str | None = None  # the feed, sitemap (index) or list page
    urls: tuple[str, ...] = ()  # kind = "urls" only
    enabled: bool = True
    allowed_hosts: tuple[str, ...] = ()  # default: the hosts of url / urls
    include: tuple[str, ...] = ()  # regexes; a link must match one (if any are given)
    exclude: tuple[str, ...] = ()  # regexes; a link matching any is dropped
    delay: float | None = Field(default=None, ge=0, le=600)  # seconds between requests/host
    concurrency: int | None = Field(default=None, ge=1, le=64)  # parallel requests/host
    may_change: bool = False  # refetch known URLs (conditional GET) on every run

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return None if value is None else _check_http(value)

    @field_validator("urls")
    @classmethod
    def _urls(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_check_http(u) for u in value)

    @field_validator("include", "exclude")
    @classmethod
    def _regexes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
        return value

    @field_validator("allowed_hosts")
    @classmethod
    def _hosts(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for host in value:
            if not host or any(c in host for c in "/:@ "):
                raise ValueError(f"{host!r} is not a host name (no scheme, port or path)")
        return tuple(h.lower().removeprefix("*.") for h in value)

    @model_validator(mode="after")
    def _kind_fields(self) -> Source:
        if self.kind == "urls":
            if not self.urls:
                raise ValueError("kind 'urls' needs a non-empty 'urls' list")
            if self.url:
                raise ValueError("kind 'urls' takes 'urls', not 'url'")
        else:
            if not self.url:
                raise ValueError(f"kind {self.kind!r} needs 'url'")
            if self.urls:
                raise ValueError(f"'urls' is only for kind 'urls', not {self.kind!r}")
        if self.kind == "list" and not self.include:
            raise ValueError("kind 'list' needs 'include' patterns to pick article links")
        return self

    def hosts(self) -> frozenset[str]:
        """Hosts whose links this source may follow (subdomains included)."""
        if self.allowed_hosts:
            return frozenset(self.allowed_hosts)
        found = [urlsplit(u).hostname or "" for u in (self.url, *self.urls) if u]
        return frozenset(h.lower() for h in found if h)

    def host_allowed(self, url: str) -> str | None:
        """None if the URL's host is one of the source's hosts, else the reason."""
        host = (urlsplit(url).hostname or "").lower()
        if not any(host == h or host.endswith("." + h) for h in self.hosts()):
            return f"host {host!r} not in the source's allowed hosts"
        return None

    def allows(self, url: str) -> str | None:
        """None if a discovered link belongs to this source, else why it is dropped."""
        if why := self.host_allowed(url):
            return why
        if self.include and not any(re.search(p, url) for p in self.include):
            return "matches no include pattern"
        if any(re.search(p, url) for p in self.exclude):
            return "matches an exclude pattern"
        return None


class SourcesFile(BaseModel):
    """The whole file: a list of ``[[source]]`` tables."""

    model_config = ConfigDict(extra="forbid")

    source: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> SourcesFile:
        names = [s.name for s in self.source]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"source names must be unique; repeated: {dupes}")
        return self


_HEADER = re.compile(r"^\s*\[\[\s*source\s*\]\]")
_TABLE = re.compile(r"^\s*\[")


def _line_of(text: str, loc: tuple[int | str, ...]) -> int | None:
    """Best-effort line number (1-based) for a pydantic error location."""
    lines = text.splitlines()
    if len(loc) < 2 or loc[0] != "source" or not isinstance(loc[1], int):
        return None
    headers = [i for i, line in enumerate(lines) if _HEADER.match(line)]
    if loc[1] >= len(headers):
        return None
    start = headers[loc[1]]
    if len(loc) >= 3 and isinstance(loc[2], str):
        key = re.compile(rf"^\s*{re.escape(loc[2])}\s*=")
        for i in range(start + 1, len(lines)):
            if _TABLE.match(lines[i]):
                break
            if key.match(lines[i]):
                return i + 1
    return start + 1


def parse_sources(text: str, where: str = "<sources>") -> list[Source]:
    """Validate sources-file text; raises SourcesFileError naming key and line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesFileError(f"{where}: not valid TOML: {exc}") from exc
    try:
        return SourcesFile.model_validate(data).source
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            line = _line_of(text, loc)
            what = []
            if len(loc) >= 2 and loc[0] == "source" and isinstance(loc[1], int):
                entry = data.get("source", [])[loc[1]]
                name = entry.get("name") if isinstance(entry, dict) else None
                what.append(f"source #{loc[1] + 1}" + (f" ({name!r})" if name else ""))
                if len(loc) >= 3:
                    what.append(f"key {'.'.join(str(p) for p in loc[2:])!r}")
            elif loc:
                what.append(f"key {'.'.join(str(p) for p in loc)!r}")
            msg = err["msg"].removeprefix("Value error, ")
            prefix = f"{where}:{line}" if line else where
            problems.append(f"{prefix}: {', '.join(what) or 'file'}: {msg}")
        raise SourcesFileError("\n".join(problems)) from None


def load_sources(path: str | Path) -> list[Source]:
    """Read and validate a sources file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourcesFileError(f"cannot read sources file {p}: {exc}") from exc
    return parse_sources(text, str(p))


def adhoc_sources(feeds: list[str] | tuple[str, ...] = (),
                  sitemaps: list[str] | tuple[str, ...] = (),
                  urls: list[str] | tuple[str, ...] = ()) -> list[Source]:
    """Sources for `etl ingest --feed/--sitemap/--url`: each named by its URL."""
    out = [Source(name=u, kind="feed", url=u) for u in feeds]
    out += [Source(name=u, kind="sitemap", url=u) for u in sitemaps]
    if urls:
        out.append(Source(name="url", kind="urls", urls=tuple(urls)))
    return out


def host_policies(sources: list[Source], default_delay: float,
                  default_concurrency: int) -> dict[str, HostPolicy]:
    """Per-host politeness from source overrides; on conflict the gentler setting wins."""
    out: dict[str, HostPolicy] = {}
    for source in sources:
        if source.delay is None and source.concurrency is None:
            continue
        mine = HostPolicy(default_delay if source.delay is None else source.delay,
                          source.concurrency or default_concurrency)
        for host in source.hosts():
            old = out.get(host)
            out[host] = mine if old is None else HostPolicy(
                max(old.delay, mine.delay), min(old.concurrency, mine.concurrency))
    return out
