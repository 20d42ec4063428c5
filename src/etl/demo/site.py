"""Routing for the demo site: articles, RSS feed, sitemap, robots.txt, index and 404.

``DemoRoutes(base_url).get(path)`` returns the response for a path; the HTTP server in
``etl.demo.server`` is a thin shell around it, so routing can be tested without sockets.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import format_datetime
from html import escape

from etl.demo.articles import ARTICLES
from etl.demo.model import DemoArticle
from etl.demo.render import render_bytes

SITE_TITLE = "渤海经济网"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"

# A 1x1 transparent GIF for every /images/*.jpg a page references, so crawlers that
# fetch images get a 200 rather than a wall of 404s.
_PIXEL = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)


@dataclass(frozen=True, slots=True)
class Response:
    """One HTTP response: status, Content-Type header and body bytes."""

    status: int
    content_type: str
    body: bytes


def articles_newest_first() -> list[DemoArticle]:
    """All articles, newest first (feed and index order)."""
    return sorted(ARTICLES, key=lambda a: (a.published, a.slug), reverse=True)


def _xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def render_feed(base_url: str) -> bytes:
    """RSS 2.0 feed of all articles, pubDate in RFC 822 with the +0800 offset."""
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = SITE_TITLE
    ET.SubElement(channel, "link").text = f"{base_url}/"
    ET.SubElement(channel, "description").text = "渤海经济网 要闻 产业 港口 区域经济"
    ET.SubElement(channel, "language").text = "zh-cn"
    newest = articles_newest_first()
    ET.SubElement(channel, "lastBuildDate").text = format_datetime(newest[0].published)
    for a in newest:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = a.title
        ET.SubElement(item, "link").text = base_url + a.path
        ET.SubElement(item, "guid", isPermaLink="true").text = base_url + a.path
        ET.SubElement(item, "pubDate").text = format_datetime(a.published)
        ET.SubElement(item, "category").text = a.section
        ET.SubElement(item, "description").text = a.paragraphs[0]
    return _xml_bytes(rss)


def render_sitemap(base_url: str) -> bytes:
    """A sitemap ``urlset`` with ``loc`` and ``lastmod`` (W3C datetime, +08:00)."""
    ET.register_namespace("", SITEMAP_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for a in sorted(ARTICLES, key=lambda a: (a.published, a.slug)):
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = base_url + a.path
        ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = a.published.isoformat()
    return _xml_bytes(urlset)


def render_robots(base_url: str) -> bytes:
    """robots.txt allowing everything and pointing at the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url}/sitemap.xml\n".encode()


def render_index() -> bytes:
    """Home page linking every article, newest first."""
    items = "\n".join(
        f'<li><span class="time">{a.published:%Y-%m-%d %H:%M}</span> '
        f'<a href="{a.path}">{escape(a.title, quote=False)}</a></li>'
        for a in articles_newest_first()
    )
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{SITE_TITLE}_首页</title>
<link rel="alternate" type="application/rss+xml" title="{SITE_TITLE}" href="/feed.xml">
</head>
<body>
<h1>{SITE_TITLE}</h1>
<ul class="news-list">
{items}
</ul>
<div class="footer"><p>Copyright © 2024 渤海经济网 版权所有</p></div>
</body>
</html>
"""
    return page.encode("utf-8")


_NOT_FOUND = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>404 页面不存在_渤海经济网</title></head>
<body><h1>404 Not Found</h1><p>您访问的页面不存在或已被删除。</p>
<p><a href="/">返回首页</a></p></body>
</html>
""".encode()


class DemoRoutes:
    """Maps request paths to responses for a site served at ``base_url``."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self._articles = {a.path: a for a in ARTICLES}
        self._images = {f"/images/{a.photo.image}" for a in ARTICLES if a.photo is not None}

    def get(self, path: str) -> Response:
        """Return the response for ``path`` (query string and fragment ignored)."""
        path = path.split("?", 1)[0].split("#", 1)[0] or "/"
        article = self._articles.get(path)
        if article is not None:
            return Response(200, article.content_type, render_bytes(article))
        if path in ("/", "/index.html"):
            return Response(200, "text/html; charset=utf-8", render_index())
        if path in ("/feed.xml", "/rss.xml"):
            return Response(200, "application/rss+xml; charset=utf-8", render_feed(self.base_url))
        if path == "/sitemap.xml":
            return Response(200, "application/xml", render_sitemap(self.base_url))
        if path == "/robots.txt":
            return Response(200, "text/plain; charset=utf-8", render_robots(self.base_url))
        if path in self._images:
            return Response(200, "image/gif", _PIXEL)
        return Response(404, "text/html; charset=utf-8", _NOT_FOUND)
