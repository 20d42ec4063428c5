"""Records passed between pipeline stages.

Each stage takes and returns only these types; ``as_dict()`` gives the plain dict that
the store and the JSON output receive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Repair:
    """One change made to the text before parsing (mojibake re-alignment, pinyin removal)."""

    kind: str  # "mojibake" | "pinyin" | "replacement_char"
    start: int  # offset in the text *before* the repair
    before: str
    after: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Bytes turned into text, with how the charset was chosen."""

    text: str
    charset: str
    decision: str  # e.g. "header", "bom", "meta", "detected", "header-overridden:utf-8->gb18030"


@dataclass(slots=True)
class Article:
    """A clean article parsed from one raw page (HTML or plain text)."""

    path: str  # URL or file path the article was parsed from
    title: str | None = None
    # Local ISO time, as precise as the page: "2024-10-25" or "2024-10-25T10:23:00+08:00"
    published: str | None = None
    author: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    source_name: str | None = None
    agency: str | None = None
    dateline_place: str | None = None
    body: str = ""
    body_simplified: str = ""
    captions: list[str] = field(default_factory=list)
    language: str | None = None  # "zh-Hans" | "zh-Hant" | "en" | "other"
    charset: str | None = None
    charset_decision: str | None = None
    canonical_url: str | None = None
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return d


@dataclass(frozen=True, slots=True)
class Fact:
    """A quantity stated in an article, normalised per gold/SCHEMA.md."""

    text: str  # the figure as written, e.g. "5.1万亿元"
    value: float
    unit: str  # simplified: 元, 家, %, 个百分点 ...
    approx: str | None  # ">" | "<" | "~" | None
    metric: str | None
    subject: str | None
    period: str | None  # "2024", "2024-H1", "2024-Q3", "2024-09", "2013..2023", "..2024-10-25"
    sentence: str  # the sentence the figure stands in
    start: int  # character offsets of ``text`` in the article body
    end: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Quote:
    """Direct speech attributed to a named person."""

    speaker: str
    role: str | None
    org: str | None
    text: str  # the quoted words, without the quotation marks
    start: int  # offsets of the quoted words in the article body
    end: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Entity:
    """An organisation, person or place named in an article."""

    kind: str  # "org" | "person" | "place"
    name: str  # simplified form
    mentions: int
    province: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class FetchAttempt:
    """One HTTP request made for a URL (retries are separate attempts)."""

    url: str
    attempted_at: str  # ISO UTC
    retry: int
    status: int | None
    bytes: int
    elapsed_ms: float
    error_class: str | None = None
    error_message: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class FetchedPage:
    """The final outcome of fetching one URL, with the raw response when there is one."""

    url: str  # canonical URL requested
    source: str
    outcome: str  # "fetched" | "unchanged" | "skipped" | "failed"
    reason: str | None = None
    status: int | None = None
    final_url: str | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    fetched_at: str | None = None
    attempts: list[FetchAttempt] = field(default_factory=list)
