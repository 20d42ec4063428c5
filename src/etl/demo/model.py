"""Data types for the bundled demo news site.

Articles are kept as plain data (``DemoArticle``) so the content is written once and
rendered into HTML or plain text at serve time; see ``etl.demo.render``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

#: Asia/Shanghai has had no DST since 1991, so a fixed +08:00 offset is exact and keeps
#: the demo independent of the host's tz database.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo inside the article body, with its caption line and credit."""

    image: str  # file name served under /images/
    caption: str  # caption text as shown, without the credit
    credit: str  # e.g. "记者 赵光辉 摄" or "Photo by Zhao Guanghui"

    @property
    def line(self) -> str:
        """Caption and credit as the caption paragraph prints them."""
        # Chinese portals glue the credit straight after the caption's full stop.
        sep = " " if self.caption.isascii() else ""
        return f"{self.caption}{sep}{self.credit}"


@dataclass(frozen=True, slots=True)
class KeyFact:
    """One figure an end-to-end test can look for (a subset of the page's facts)."""

    sentence: str  # a short unique substring of the sentence the figure stands in
    text: str  # the figure as written, e.g. "1850万标箱"
    value: float
    unit: str
    period: str | None


@dataclass(frozen=True, slots=True)
class DemoArticle:
    """One article of the demo site, as written by hand.

    ``paragraphs`` are the body as the page shows it (including the pinyin-annotation
    pathology where the article has it). ``byline`` is the credit line as printed and
    ``authors`` the bare names a parser should extract from it.
    """

    slug: str
    published: datetime  # tz-aware, Asia/Shanghai
    title: str
    byline: str
    authors: tuple[str, ...]
    source: str
    paragraphs: tuple[str, ...]
    photo: Photo | None = None
    photo_after: int = 1  # index of the paragraph the photo follows
    editor: str | None = None
    section: str = "产业"
    lang: str = "zh-Hans"  # "zh-Hans" | "zh-Hant" | "en"
    encoding: str = "utf-8"  # bytes on the wire: "utf-8" | "gbk" | "big5"
    kind: str = "html"  # "html" | "text"
    date_style: str = "iso"  # "iso" 2024-10-21 09:30 | "seconds" | "cn" 2024年10月21日 09:30
    comments: int = 0
    likes: int = 0
    pathologies: tuple[str, ...] = ()
    key_facts: tuple[KeyFact, ...] = field(default=())

    @property
    def path(self) -> str:
        """URL path the article is served at, e.g. ``/news/2024/10/21/port-throughput.html``."""
        prefix = "/en/news" if self.lang == "en" else "/news"
        ext = "txt" if self.kind == "text" else "html"
        return f"{prefix}/{self.published:%Y/%m/%d}/{self.slug}.{ext}"

    @property
    def iso_week(self) -> str:
        """ISO week of publication, e.g. ``2024-W43``."""
        year, week, _ = self.published.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def shown_date(self) -> str:
        """The publication time exactly as the page prints it."""
        p = self.published
        if self.date_style == "cn":
            return f"{p.year}年{p.month}月{p.day}日 {p:%H:%M}"
        if self.date_style == "seconds":
            return f"{p:%Y-%m-%d %H:%M:%S}"
        return f"{p:%Y-%m-%d %H:%M}"

    @property
    def content_type(self) -> str:
        """The Content-Type header the demo server sends for this article."""
        if self.kind == "text":
            return f"text/plain; charset={self.encoding}"
        if self.encoding == "gbk":
            # Deliberately no charset: the decoder has to sniff the bytes.
            return "text/html"
        return f"text/html; charset={self.encoding}"


def at(day: int, hh: int, mm: int, ss: int = 0) -> datetime:
    """A publication time in October 2024, Asia/Shanghai."""
    return datetime(2024, 10, day, hh, mm, ss, tzinfo=SHANGHAI)
