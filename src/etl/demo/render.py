"""Render demo articles into page bytes with portal chrome (nav, share, related, footer).

Pages use root-relative links only, so an article's bytes do not depend on the port the
demo server happens to bind; rendering is a pure function of the article data.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from etl.demo.articles import ARTICLES
from etl.demo.model import DemoArticle


@dataclass(frozen=True, slots=True)
class Chrome:
    """Page furniture in one language variant of the portal."""

    site: str
    title_sep: str
    html_lang: str
    nav: tuple[str, ...]
    crumbs: str
    source_label: str
    share: str
    share_targets: tuple[str, ...]
    related: str
    hot: str
    editor: str
    likes: str
    comments: str
    footer_links: tuple[str, ...]
    copyright: str
    licence: str


CHROME: dict[str, Chrome] = {
    "zh-Hans": Chrome(
        site="渤海经济网",
        title_sep="_",
        html_lang="zh-CN",
        nav=("首页", "要闻", "宏观", "产业", "港口", "金融", "科技", "区域", "评论", "图片"),
        crumbs="您当前的位置：",
        source_label="来源：",
        share="分享到：",
        share_targets=("微信", "微博", "QQ空间", "复制链接"),
        related="相关新闻",
        hot="热点排行",
        editor="责任编辑：",
        likes="点赞",
        comments="评论",
        footer_links=("关于我们", "联系我们", "广告服务", "网站地图", "违法和不良信息举报"),
        copyright="Copyright © 2024 渤海经济网 版权所有",
        licence="津ICP备20240001号-1",
    ),
    "zh-Hant": Chrome(
        site="渤海經濟網",
        title_sep="_",
        html_lang="zh-TW",
        nav=("首頁", "要聞", "宏觀", "產業", "港口", "金融", "科技", "區域", "評論", "圖片"),
        crumbs="您當前的位置：",
        source_label="來源：",
        share="分享到：",
        share_targets=("微信", "微博", "Facebook", "複製鏈接"),
        related="相關新聞",
        hot="熱點排行",
        editor="責任編輯：",
        likes="點讚",
        comments="評論",
        footer_links=("關於我們", "聯繫我們", "廣告服務", "網站地圖"),
        copyright="Copyright © 2024 渤海經濟網 版權所有",
        licence="津ICP備20240001號-1",
    ),
    "en": Chrome(
        site="Bohai Economic Review",
        title_sep=" | ",
        html_lang="en",
        nav=("Home", "Economy", "Business", "Ports", "Finance", "Tech", "Regions", "Opinion"),
        crumbs="You are here: ",
        source_label="Source: ",
        share="Share: ",
        share_targets=("WeChat", "Weibo", "X", "LinkedIn"),
        related="Related stories",
        hot="Most read",
        editor="Editor: ",
        likes="Likes",
        comments="Comments",
        footer_links=("About us", "Contact", "Advertise", "Sitemap"),
        copyright="Copyright © 2024 Bohai Economic Review. All rights reserved.",
        licence="",
    ),
}


def _t(s: str) -> str:
    """Escape text content (quotes stay literal, as real portals print them)."""
    return escape(s, quote=False)


def related_articles(article: DemoArticle, limit: int = 4) -> list[DemoArticle]:
    """Other articles of the same language, nearest in time first (deterministic)."""
    others = [a for a in ARTICLES if a.slug != article.slug and a.lang == article.lang]
    others.sort(key=lambda a: (abs((a.published - article.published).total_seconds()), a.slug))
    return others[:limit]


def _hot_list(lang: str) -> list[DemoArticle]:
    """Most-commented articles in the page's language (Chinese variants share one list)."""
    same = [a for a in ARTICLES if (a.lang == "en") == (lang == "en")]
    return sorted(same, key=lambda a: (-a.comments, a.slug))[:5]


def _meta_charset(article: DemoArticle) -> str:
    # The GBK page must name no charset anywhere: that is the pathology under test.
    if article.encoding == "gbk":
        return ""
    return f'<meta charset="{article.encoding}">\n'


def _body_html(article: DemoArticle) -> str:
    parts: list[str] = []
    for i, para in enumerate(article.paragraphs):
        parts.append(f"<p>{_t(para)}</p>")
        if article.photo is not None and i == article.photo_after:
            photo = article.photo
            parts.append(
                f'<p class="img" style="text-align:center">'
                f'<img src="/images/{photo.image}" alt="" width="600" height="400"></p>'
            )
            parts.append(f'<p class="caption">{_t(photo.line)}</p>')
    return "\n".join(parts)


def render_html(article: DemoArticle) -> str:
    """Render one article as a full portal page (text, not yet encoded)."""
    chrome = CHROME[article.lang]
    nav = "".join(f'<li><a href="/">{_t(n)}</a></li>' for n in chrome.nav)
    share = "".join(
        f'<a class="share-{i}" href="javascript:void(0)">{_t(s)}</a>'
        for i, s in enumerate(chrome.share_targets)
    )
    related = "\n".join(
        f'<li><a href="{a.path}">{_t(a.title)}</a></li>' for a in related_articles(article)
    )
    hot = "\n".join(
        f'<li><a href="{a.path}">{_t(a.title)}</a></li>' for a in _hot_list(article.lang)
    )
    footer_links = " | ".join(f'<a href="/">{_t(x)}</a>' for x in chrome.footer_links)
    licence = f"<p>{_t(chrome.licence)}</p>" if chrome.licence else ""
    editor = ""
    if article.editor:
        line = f"{chrome.editor}{_t(article.editor)}"
        editor = f'<div class="editor">{line if article.lang == "en" else f"（{line}）"}</div>'
    weather = "" if article.lang == "en" else ' <span class="weather">天津 晴 12~21℃</span>'
    description = _t(article.paragraphs[0][:80])
    header = (
        f'<div class="header"><a class="logo" href="/">'
        f'<img src="/static/logo.png" alt="{escape(chrome.site)}"></a>\n'
        f'<ul class="nav">{nav}</ul></div>'
    )
    crumbs = (
        f'<div class="crumbs">{_t(chrome.crumbs)}<a href="/">{_t(chrome.nav[0])}</a>'
        f' &gt; <a href="/">{_t(article.section)}</a></div>'
    )
    info = (
        f'<div class="info"><span class="time">{article.shown_date}</span> '
        f'<span class="source">{_t(chrome.source_label)}{_t(article.source)}</span> '
        f'<span class="author">{_t(article.byline)}</span></div>'
    )
    comment_bar = (
        f'<div class="comment-bar"><span class="like">{_t(chrome.likes)} {article.likes}</span> '
        f'<a href="#comments">{_t(chrome.comments)}（{article.comments}）</a></div>'
    )
    return f"""<!DOCTYPE html>
<html lang="{chrome.html_lang}">
<head>
{_meta_charset(article)}<title>{_t(article.title)}{chrome.title_sep}{_t(chrome.site)}</title>
<meta name="keywords" content="{escape(chrome.site)},{escape(article.section)}">
<meta name="description" content="{escape(description)}">
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<div class="topbar"><a href="/">{_t(chrome.site)}</a>{weather}</div>
{header}
{crumbs}
<div class="main">
<div class="article">
<h1>{_t(article.title)}</h1>
{info}
<div class="share">{_t(chrome.share)}{share}</div>
<div class="content" id="content">
{_body_html(article)}
</div>
{editor}
{comment_bar}
<div class="share share-bottom">{_t(chrome.share)}{share}</div>
</div>
<div class="sidebar">
<h3>{_t(chrome.related)}</h3>
<ul class="related">
{related}
</ul>
<h3>{_t(chrome.hot)}</h3>
<ol class="hot">
{hot}
</ol>
</div>
</div>
<div class="footer">
<p>{footer_links}</p>
<p>{_t(chrome.copyright)}</p>
{licence}
</div>
</body>
</html>
"""


def render_text(article: DemoArticle) -> str:
    """Render an article as a plain-text page: headline, date/source/byline, body."""
    chrome = CHROME[article.lang]
    lines = [
        article.title,
        "",
        f"{article.shown_date}  {chrome.source_label}{article.source}  {article.byline}",
        "",
    ]
    for para in article.paragraphs:
        lines += [para, ""]
    if article.editor:
        lines += [f"（{chrome.editor}{article.editor}）", ""]
    lines.append(chrome.copyright)
    return "\n".join(lines) + "\n"


def render_bytes(article: DemoArticle) -> bytes:
    """The exact bytes the demo server sends for an article."""
    text = render_text(article) if article.kind == "text" else render_html(article)
    # Chrome characters missing from a legacy charset (e.g. © in GBK) become numeric
    # references, as legacy CMSs do; article text itself is checked to encode strictly.
    return text.encode(article.encoding, errors="xmlcharrefreplace")
