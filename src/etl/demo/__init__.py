"""The bundled demo news site: hand-written articles served over loopback HTTP.

Public API:

- ``DemoSite`` (``etl.demo.server``): context manager serving the site on 127.0.0.1;
- ``catalog()``: what each article should parse to, for tests to assert against.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etl.demo.articles import ARTICLES
from etl.demo.model import DemoArticle, KeyFact

if TYPE_CHECKING:
    from etl.demo.server import DemoSite


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """Expected metadata of one demo article."""

    slug: str
    path: str  # root-relative URL path
    title: str  # headline as the page shows it (no site suffix)
    published: str  # ISO 8601 with offset, "2024-10-21T09:30:00+08:00"
    published_shown: str  # exactly as printed on the page
    authors: tuple[str, ...]
    source_name: str
    lang: str  # "zh-Hans" | "zh-Hant" | "en"
    encoding: str  # bytes on the wire
    content_type: str  # Content-Type header sent
    kind: str  # "html" | "text"
    iso_week: str  # "2024-W43"
    body: tuple[str, ...]  # paragraphs as shown (pinyin annotations included)
    captions: tuple[str, ...]  # caption + credit line(s) as shown
    pathologies: tuple[str, ...]
    key_facts: tuple[KeyFact, ...]

    def url(self, base_url: str) -> str:
        """Absolute URL of the article on a site served at ``base_url``."""
        return base_url.rstrip("/") + self.path


def _entry(a: DemoArticle) -> CatalogEntry:
    captions = (a.photo.line,) if a.photo and a.kind == "html" else ()
    return CatalogEntry(
        slug=a.slug,
        path=a.path,
        title=a.title,
        published=a.published.isoformat(),
        published_shown=a.shown_date,
        authors=a.authors,
        source_name=a.source,
        lang=a.lang,
        encoding=a.encoding,
        content_type=a.content_type,
        kind=a.kind,
        iso_week=a.iso_week,
        body=a.paragraphs,
        captions=captions,
        pathologies=a.pathologies,
        key_facts=a.key_facts,
    )


def catalog() -> list[CatalogEntry]:
    """All demo articles' expected metadata, in publication order."""
    return [_entry(a) for a in sorted(ARTICLES, key=lambda a: (a.published, a.slug))]


def __getattr__(name: str) -> Any:
    # Imported lazily so ``python -m etl.demo.server`` does not find the module already
    # loaded by the package (runpy warns about that).
    if name == "DemoSite":
        from etl.demo.server import DemoSite

        return DemoSite
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CatalogEntry", "DemoSite", "KeyFact", "catalog"]
