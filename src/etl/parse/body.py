"""Choose the article's container in a page and clean its lines (Chinese-aware)."""

from __future__ import annotations

from lxml import etree

from etl.parse import patterns as P
from etl.parse.dom import Line, lines_of


def _run_weight(text: str, in_link: bool) -> float:
    """Evidence that a text run is article prose (positive) or furniture (negative)."""
    n = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
    if n <= 0:
        return 0.0
    if in_link:
        return -P.LINK_PENALTY * n
    punct = len(P.PROSE_PUNCT_RE.findall(text))
    if punct == 0:
        return P.BARE_TEXT_WEIGHT * n
    return n + P.PUNCT_BONUS * punct


def best_container(root: etree._Element) -> etree._Element | None:
    """The element whose subtree holds the most prose net of links and bare labels.

    Every text run adds its weight to all its ancestors; the best-scoring element wins
    (a maximum-subtree search, in the spirit of GNE's text/punctuation density).
    """
    linked: set[etree._Element] = set()
    for a in root.iter("a"):
        linked.update(a.iter())
    hidden: set[etree._Element] = set()
    for el in root.iter():
        if isinstance(el.tag, str) and el not in hidden and (
            el.get("hidden") is not None
            or P.HIDDEN_STYLE_RE.search(el.get("style") or "")
            or P.is_furniture_attr((el.get("class") or "") + " " + (el.get("id") or ""))
        ):
            hidden.update(el.iter())
    elements = [el for el in root.iter() if isinstance(el.tag, str) and el not in hidden]
    score: dict[etree._Element, float] = {}
    for el in elements:
        in_link = el in linked
        w = _run_weight(el.text, in_link) if el.text else 0.0
        for child in el:
            if child.tail:
                w += _run_weight(child.tail, in_link)
        score[el] = w
    for el in reversed(elements):
        parent = el.getparent()
        if parent is not None and parent in score:
            score[parent] += score[el]
    if not score:
        return None
    best = max(score.items(), key=lambda kv: kv[1])
    if best[1] <= 0:
        return None
    el = best[0]
    # a single paragraph wins when link lists (attachments, "related") sit beside it inside
    # the article; the article is the paragraph's parent when sibling paragraphs hold prose
    while isinstance(el.tag, str) and el.tag.lower() in _PARAGRAPH_TAGS:
        parent = el.getparent()
        if parent is None or parent not in score:
            break
        sib = sum(score.get(c, 0.0) for c in parent if c is not el and score.get(c, 0.0) > 0)
        if sib < P.SIBLING_PROSE_SHARE * best[1]:
            break
        el = parent
    return el


_PARAGRAPH_TAGS = frozenset({"p", "span", "font", "strong", "b", "em"})


def is_caption(line: Line) -> bool:
    """Photo captions and photo credits."""
    if line.caption:
        return True
    t = line.text
    if len(t) > 120:
        return False
    if P.CAPTION_LINE_RE.search(t) or (len(t) <= 60 and P.CAPTION_END_RE.search(t)):
        return True
    if not line.after_img:
        return False
    # right under an image: a bracketed note or a line closed by a short bracketed credit
    if len(t) <= 60 and P.IMG_NOTE_RE.search(t):
        return True
    # a short centred label under an image, with no sentence punctuation
    return (line.centered and len(t) <= P.CENTERED_CAPTION_MAX
            and not P.PROSE_PUNCT_RE.search(t) and t[-1] not in P.END_PUNCT)


def is_furniture(line: Line) -> bool:
    """Share widgets, counters, link lists, copyright and navigation lines."""
    t = line.text
    if line.furniture and not _prose(t):
        return True
    if line.link_chars and line.link_chars > P.LINK_LINE_RATIO * len(t.replace(" ", "")):
        return True
    if P.WIDGET_ONLY_RE.match(t) or P.END_MARK_RE.match(t):
        return True
    if len(t) <= 80 and P.FURNITURE_LINE_RE.match(t):
        return True
    if P.ORIGINAL_TITLE_RE.match(t) and len(t) <= 120:
        return True
    if P.FOLLOW_RE.match(t) or P.DATE_FRAGMENT_RE.match(t):
        return True
    # a promotion is not a finished sentence of the article (or it is a link)
    return (len(t) <= 150 and bool(P.PROMO_RE.search(t))
            and (bool(line.link_chars) or not t.rstrip().endswith("。")))


def _prose(t: str) -> bool:
    return sum(1 for ch in t if ch in P.PUNCT) >= 2 and len(t) >= 30


def container_lines(el: etree._Element) -> list[Line]:
    """Lines of the chosen container."""
    return lines_of(el)
