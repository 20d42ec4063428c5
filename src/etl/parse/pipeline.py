"""The parsing steps for HTML and plain-text pages."""

from __future__ import annotations

import re

from lxml import etree

from etl.parse import bylines as B
from etl.parse import dates as D
from etl.parse import patterns as P
from etl.parse.article import pick_date, sort_lines, squash, year_hint
from etl.parse.body import best_container
from etl.parse.decode import decode_bytes
from etl.parse.dom import Line, flatten_layout, lines_of, norm_ws, parse_html, strip_noise
from etl.parse.meta import choose_title, jsonld_value, read_meta
from etl.records import Repair

try:  # sibling modules evolve separately; a broken one must not stop parsing
    from etl.parse.repair import repair_text
except Exception:  # noqa: BLE001

    def repair_text(text: str) -> tuple[str, list[Repair]]:
        return text, []


try:
    from etl.parse.script import detect_language, to_simplified
except Exception:  # noqa: BLE001

    def to_simplified(text: str) -> str:
        return text

    def detect_language(text: str) -> str | None:
        return None

from etl.records import Article

_TAG_SNIFF = re.compile(rb"<\s*(?:html|head|body|div|p|meta|title|!doctype)\b", re.I)


def _simplified_lines(lines: list[str]) -> list[str]:
    """Simplified copies of ``lines`` (same count) for matching marker words."""
    joined = "\n".join(lines)
    simp = to_simplified(joined).split("\n")
    return simp if len(simp) == len(lines) else lines


def parse_any(data: bytes, *, url: str | None, content_type: str | None, where: str) -> Article:
    """Decode, sniff HTML vs plain text and dispatch."""
    from etl.parse import declared_charset

    art = Article(path=where)
    if not data:
        art.warnings.append("empty-input")
        return art
    dec = decode_bytes(bytes(data), declared_charset(content_type))
    art.charset, art.charset_decision = dec.charset, dec.decision
    ctype = (content_type or "").lower()
    plain = "text/plain" in ctype or (not ctype and not _TAG_SNIFF.search(data[:4096]))
    if plain:
        _parse_plain(dec.text, art, url)
    else:
        _parse_html(dec.text, art, url)
        if len(art.body or "") < P.DEEP_RETRY_BODY_CHARS:
            _flattened_retry(dec.text, art, url)
    _finish(art)
    return art


def _flattened_retry(text: str, art: Article, url: str | None) -> None:
    """No body from the tree: when the page nests layout tags deeper than the parser keeps,
    parse it again with those tags replaced by line breaks (a flat page of the same text)."""
    flat = flatten_layout(text)
    if flat is None:
        return
    again = Article(path=art.path, charset=art.charset, charset_decision=art.charset_decision)
    _parse_html(flat, again, url)
    if len(again.body or "") > 2 * len(art.body or ""):
        again.warnings.append("deep-nesting-flattened")
        for f in ("title", "body", "captions", "editors", "author", "source_name", "agency",
                  "dateline_place", "published", "canonical_url", "warnings", "repairs"):
            setattr(art, f, getattr(again, f))


def _finish(art: Article) -> None:
    text = art.body or art.title or ""
    art.body_simplified = to_simplified(art.body) if art.body else ""
    art.language = detect_language(text) if text else None
    if not art.body:
        art.warnings.append("no-body")
    if art.source_name is None and art.agency:
        art.source_name = art.agency
    if art.source_name is None and art.body:
        m = P.PAREN_AGENCY_RE.match(art.body)
        if m:
            art.source_name = m["agency"]


def _repair(text: str, art: Article) -> str:
    try:
        fixed, reps = repair_text(text)
    except Exception as exc:  # noqa: BLE001 - a repair bug must not lose the article
        art.warnings.append(f"repair-failed: {type(exc).__name__}")
        return text
    art.repairs.extend(reps)
    return fixed


# --- plain text ---------------------------------------------------------------------------


def _parse_plain(text: str, art: Article, url: str | None) -> None:
    text = _repair(text, art)
    raw = [norm_ws(s) for s in text.splitlines()]
    raw = [s for s in raw if s]
    if not raw:
        return
    simp = _simplified_lines(raw)
    title = None
    head = 0
    dl = B.dateline(simp[0])
    m = P.DATELINE_TITLE_RE.search(raw[0])
    if m:
        title = m["title"]
        head = 1
    elif len(raw) > 1 and len(raw[0]) <= 60 and raw[0][-1] not in "。！？!?.":
        title = raw[0]
        head = 1
    if dl:
        art.agency, art.dateline_place = dl[0], dl[1]
    lines = [Line(s) for s in raw[head:]]
    sorted_ = sort_lines(lines, simp[head:], title)
    art.title = title
    art.body = "\n".join(sorted_.body)
    art.captions = sorted_.captions
    art.author = sorted_.authors or B.inline_byline_names(art.body)
    art.editors = sorted_.editors
    art.source_name = sorted_.source
    if not dl and sorted_.body:
        dl = B.dateline(sorted_.body[0])
        if dl:
            art.agency, art.dateline_place = dl[0], dl[1]
    visible = [D.parse_date(s) for s in raw[:3]]
    cands = [v for v in visible if v] + sorted_.dates
    dl_date = D.month_day_with_year(dl[2], dl[3], year_hint(text, cands)) if dl else None
    art.published = pick_date(cands, [dl_date] if dl_date else [], [D.from_url(url)])


# --- HTML -----------------------------------------------------------------------------------


def _parse_html(text: str, art: Article, url: str | None) -> None:
    if len(text) > P.MAX_HTML_CHARS:
        art.warnings.append(
            f"input-truncated: {len(text)} chars > MAX_HTML_CHARS={P.MAX_HTML_CHARS}")
    root = parse_html(text)
    if root is None:
        art.warnings.append("unparseable-html")
        return
    pm = read_meta(root)
    art.canonical_url = pm.canonical
    strip_noise(root)
    body_el = root.find(".//body")
    page_lines = lines_of(body_el if body_el is not None else root)
    container = best_container(body_el if body_el is not None else root)
    clines = lines_of(container) if container is not None else []
    # the headline precedes the article: headings after its first lines are other items'
    cstart = _find(page_lines, clines[0].text) if clines else None
    before = page_lines[: cstart + P.TITLE_LINES_INTO_BODY] if cstart is not None else page_lines
    heading_lines = [ln.text for ln in before if ln.heading]
    short_lines = [ln.text for ln in before if len(ln.text) <= 120]
    nearest = next((ln.text for ln in reversed(before) if ln.heading and not ln.furniture
                    and not ln.link_chars and len(squash(ln.text)) >= P.MIN_HEADLINE_CHARS), None)
    title = choose_title(pm, heading_lines, short_lines, nearest)
    if title:
        title = _repair(title, art)
    art.title = title

    if _cjk_ratio(page_lines) < P.CJK_PAGE_RATIO:
        _english_body(text, art)
    if art.body and len(art.body) >= P.MIN_BODY_CHARS:
        clines = []
    if clines:
        repaired = [_repair(ln.text, art) for ln in clines]
        for ln, r in zip(clines, repaired, strict=True):
            ln.text = r
        simp = _simplified_lines([ln.text for ln in clines])
        sorted_ = sort_lines(clines, simp, title)
        art.body = "\n".join(sorted_.body)
        art.captions = sorted_.captions
        art.editors = sorted_.editors
        authors, source, cdates = sorted_.authors, sorted_.source, sorted_.dates
    else:
        authors, source, cdates = [], None, []
    if not art.body or len(art.body) < P.MIN_BODY_CHARS:
        _english_body(text, art)

    # header zone: lines from the headline to the container's first line
    tpos = _find(page_lines, title)
    cpos = _find(page_lines, clines[0].text if clines else None, start=tpos or 0)
    lo = tpos if tpos is not None else 0
    hi = cpos if cpos is not None and cpos > lo else min(len(page_lines), lo + 12)
    header = page_lines[lo + (1 if tpos is not None else 0): hi]
    hsimp = _simplified_lines([ln.text for ln in header])
    near: list[str] = []
    account: str | None = None
    acc_checked = not authors  # the account element is looked up only when it may matter
    acc_el = _class_source(root) if acc_checked else None
    for i, s in enumerate(hsimp):
        if acc_el and acc_el in s and not authors:
            # the account's own element named inside the strip: the token left is the writer
            acc = B.account_name(s.replace(acc_el, " "))
            if acc and not acc[1] and acc[0] != acc_el:
                authors = [acc[0]]
            source = source or acc_el
        if not authors:
            names = (B.byline_names(s) or B.english_byline(s)
                     or (B.meta_author_names(s) if len(s) <= 120 else []))
            no = B.name_outlet(s)
            if no and not names:
                names = no[0]
                source = source or no[1]
            if names:
                authors = names
        if account is None:
            acc = B.account_name(s)
            if acc and not acc[1]:
                account = acc[0]
            elif acc and source is None:
                source = acc[0]
            elif (i + 1 < len(hsimp) and B.is_follow_button(hsimp[i + 1])
                  and P.ACCOUNT_NAME_RE.match(s)):
                if not B.is_org_name(s):
                    account = s
                elif source is None:
                    source = s
        if source is None and len(s) <= 120:
            source = B.source_of(s) or B.date_source(s)
        d = D.strip_date(s)
        if d:
            near.append(d)
        if not art.editors:
            e = B.editor_names(s)
            if e:
                art.editors = e
    # any visible date after the headline within a short distance
    if not near and tpos is not None:
        seen = 0
        for ln in page_lines[tpos + 1:]:
            seen += len(ln.text)
            if seen > P.DATE_NEAR_TITLE_CHARS:
                break
            d = D.strip_date(ln.text)
            if d:
                near.append(d)
                break
    if not near:
        # a labelled date line anywhere ("发布日期：2019-03-06")
        for ln in page_lines:
            if len(ln.text) <= P.META_DATE_LINE_MAX and P.DATE_LABEL_RE.search(ln.text):
                d = D.strip_date(ln.text[P.DATE_LABEL_RE.search(ln.text).end():])
                if d:
                    near.append(d)
                    break
    if not near:
        # an e-paper's issue date or a bare date strip above the headline ("2024年05月08日 星期三")
        for ln in page_lines[: tpos if tpos is not None else len(page_lines)]:
            if len(ln.text) <= P.BARE_DATE_LINE_MAX and not ln.link_chars:
                d = D.strip_date(ln.text)
                if d and len(squash(P.DATE_TIME_RE.sub("", ln.text))) <= P.BARE_DATE_REST_MAX:
                    other_bare = d
                    break
        else:
            other_bare = None
    else:
        other_bare = None
    near += cdates
    if not authors and art.body:
        authors = B.inline_byline_names(art.body)
    if not authors and account:
        authors = [account]
    if not authors:
        zone = squash(" ".join([ln.text for ln in header] + [ln.text for ln in clines[:5]]))
        authors = [a for a in _class_author(root, container) if squash(a) in zone]
    if not authors:
        # a meta author the page never shows is a CMS uploader, not a credited writer
        visible = squash(" ".join(ln.text for ln in page_lines))
        authors = [a for a in _meta_author(pm) if squash(a) in visible]
    art.source_name = (source or _labelled_source(page_lines)
                       or (acc_el if acc_checked else _class_source(root))
                       or pm.metas.get("articlesource") or pm.metas.get("source")
                       or pm.metas.get("ogsitename") or None)
    art.author = [a for a in clean_authors(authors) if a != art.source_name]
    dl = B.dateline(art.body[:40]) if art.body else None
    if dl:
        art.agency, art.dateline_place = dl[0], dl[1]
    meta_dates = [D.parse_date(v) for v in _meta_date_values(pm)]
    other = [D.from_js(text[:P.MAX_HTML_CHARS]), D.from_url(url or pm.canonical), other_bare]
    if dl and not near and not any(meta_dates):
        page_text = " ".join(ln.text for ln in page_lines)
        other.insert(0, D.month_day_with_year(dl[2], dl[3], year_hint(page_text, other)))
    art.published = pick_date(near, [m for m in meta_dates if m], [o for o in other if o])


def _meta_date_values(pm) -> list[str]:
    vals = [pm.metas[k] for k in P.DATE_META_KEYS if pm.metas.get(k)]
    ld = jsonld_value(pm, "datePublished", "dateCreated", "uploadDate")
    if ld:
        vals.insert(0, ld)
    return vals


#: Author-element texts that are not a person: a domain name, a label ending in a colon.
_NOT_A_NAME = re.compile(r"\.(?:net|com|cn|org)\b|^www\.|[:：|｜]$", re.I)


def _class_author(root, container=None) -> list[str]:
    """Text of a small element whose class/id names it the author (account pages).

    Only elements up to the end of the article container count: author elements after
    it belong to comments and recommendation lists.
    """
    inside = set(container.iter()) if container is not None else set()
    entered = False
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el in inside:
            entered = True
        elif entered:
            break
        aw = (el.get("class") or "") + " " + (el.get("id") or "")
        if P.AUTHOR_CLASS_RE.search(aw):
            t = next((norm_ws(x) for x in el.itertext() if x.strip()), "")
            if 2 <= len(t) <= P.MAX_AUTHOR_CHARS and not _NOT_A_NAME.search(t):
                names = B.byline_names(t)
                if not names and B.is_org_name(t):
                    return []  # an organisation's account credits no writer
                return clean_authors(names or [t])
    return []


def _labelled_source(lines: list[Line]) -> str | None:
    """A "来源：" credit on any short line of the page (meta strips below the headline,
    a source line at the foot of the article)."""
    for ln in lines:
        if len(ln.text) <= P.META_DATE_LINE_MAX and not ln.link_chars:
            src = B.source_of(ln.text)
            if src:
                return src
    return None


#: Elements whose class or id contains "name" (a cheap C-side filter before the regex).
_NAMED_ELEMENTS = etree.XPath(
    "//*[contains(@class, 'name') or contains(@class, 'Name') or contains(@id, 'name')]")


def _class_source(root) -> str | None:
    """Text of a small element whose class/id names it the publishing account."""
    for el in _NAMED_ELEMENTS(root):
        aw = (el.get("class") or "") + " " + (el.get("id") or "")
        if P.SOURCE_CLASS_RE.search(aw):
            t = norm_ws(" ".join(x for x in el.itertext() if x.strip()))
            if 2 <= len(t) <= P.MAX_AUTHOR_CHARS:
                return t
    return None


def _meta_author(pm) -> list[str]:
    v = jsonld_value(pm, "author") or pm.metas.get("author") or pm.metas.get("articleauthor")
    if not v or v.startswith("http") or len(v) > 40:
        return []
    names = clean_authors(B.split_names(v) or [v])
    site = _site_words(pm)
    return [n for n in names if not any(n in w for w in site)]


def _site_words(pm) -> list[str]:
    """Site-name segments of <title> and og:site_name: an "author" equal to them is the site."""
    words = [pm.metas.get("ogsitename") or "", pm.metas.get("applicationname") or ""]
    tt = pm.title_tag or ""
    parts = [x.strip() for x in P.TITLE_SEPARATORS.split(tt) if x.strip()]
    if len(parts) > 1:
        longest = max(parts, key=len)
        words += [x for x in parts if x is not longest]
    return [w for w in words if w]


def clean_authors(names: list[str]) -> list[str]:
    """Drop tokens that are not writers: editor credits, 'unknown', photo credits, numbers,
    e-mail addresses and form labels."""
    out = []
    for n in names:
        n = n.strip()
        if (not n or _NOT_AUTHOR.search(n) or _NOT_A_WRITER.search(n) or n.isdigit() or "@" in n
                or n.lower() in ("name", "author", "admin", "unknown")):
            continue
        out.append(n)
    return out


#: Credits that name no writer: "网络整理", "网友", "佚名", "本站综合".
_NOT_A_WRITER = re.compile(r"^(?:网络|網絡|网友|網友|佚名|本站|本网|本報|本报|小编|小編)"
                           r"|(?:整理|综合|綜合|转载|轉載)$")
_NOT_AUTHOR = re.compile(r"编辑|編輯|未知|匿名|[摄攝]$|^[\[【(（]")


def _find(lines: list[Line], text: str | None, start: int = 0) -> int | None:
    if not text:
        return None
    st = squash(text)
    for i in range(start, len(lines)):
        sq = squash(lines[i].text)
        if sq == st or (len(st) >= 6 and st in sq and len(sq) <= len(st) * 1.5):
            return i
    return None


def _cjk_ratio(lines: list[Line]) -> float:
    total = sum(len(ln.text) for ln in lines)
    if not total:
        return 0.0
    cjk = sum(len(P.CJK_RE.findall(ln.text)) for ln in lines)
    return cjk / total


def _english_body(text: str, art: Article) -> None:
    """Non-Chinese or unusual pages: trafilatura on the decoded text."""
    try:
        import trafilatura

        body = trafilatura.extract(text[:P.MAX_HTML_CHARS], include_comments=False,
                                   include_tables=True, deduplicate=False)
    except Exception as exc:  # noqa: BLE001 - any extractor failure is a warning
        art.warnings.append(f"trafilatura-failed: {type(exc).__name__}")
        return
    if body:
        body = "\n".join(_english_lines(body.split("\n"), art.title))
    if body and len(body) > len(art.body or ""):
        art.body = body
        art.warnings.append("body-from-trafilatura")


def _english_lines(lines: list[str], title: str | None) -> list[str]:
    """Drop the headline, byline and "Published …" lines an extractor keeps above the text."""
    st = squash(title)
    out = []
    for i, ln in enumerate(lines):
        t = ln.strip()
        if not t:
            continue
        if i < P.EN_HEAD_LINES and (
            (st and squash(t) == st)
            or B.english_byline(t)
            or (len(t) <= P.META_LINE_MAX_EN and P.EN_META_LINE_RE.match(t))
        ):
            continue
        out.append(t)
    # wire-story credits after the last paragraph: "(Reporting by …; Editing by …)"
    while out and P.EN_CREDIT_LINE_RE.match(out[-1]):
        out.pop()
    return out
