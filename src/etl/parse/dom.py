"""HTML → lxml tree, and a tree → lines of visible text (with link and caption marks)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import lxml.html
from lxml import etree

from etl.parse import patterns as P

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
#: Closing html/body tags: pages sometimes close them early (an included header), and
#: libxml2 drops everything after; the parser closes them itself at the end.
_EARLY_CLOSE = re.compile(r"</\s*(?:html|body)\s*>", re.I)
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u3000\u200b\ufeff]+")


@dataclass(slots=True)
class Line:
    """One line of visible text: a block element's own text run."""

    text: str
    link_chars: int = 0
    caption: bool = False
    heading: bool = False
    furniture: bool = False
    #: an <img> came before this line's text with no text in between (a caption slot)
    after_img: bool = False
    #: most characters sit in a centred block (captions under pictures are centred)
    centered: bool = False


def parse_html(text: str) -> etree._Element | None:
    """Parse HTML text leniently; None when nothing usable comes out."""
    text = _EARLY_CLOSE.sub("", _XML_DECL.sub("", text[: P.MAX_HTML_CHARS]))
    if not text.strip():
        return None
    # huge_tree lifts libxml2's nesting limit (a few hundred levels), past which it drops text
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True,
                                  collect_ids=False, default_doctype=False, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        try:
            root = lxml.html.fromstring("<html><body>" + text + "</body></html>", parser=parser)
        except Exception:  # noqa: BLE001 - lxml raises several types on garbage
            return None
    return root


#: Layout-only tags that carry no text of their own: flattening them recovers the text of
#: pages nested deeper than any parser allows.
_LAYOUT_TAGS = re.compile(r"<\s*/?\s*(?:div|span|section|article|font|center|table|tbody|thead|"
                          r"tr|td|th|main|aside|header|footer|nav|ul|ol|li|dl|dt|dd|form|b|i|em|"
                          r"strong|small|big|u|label)\b[^>]*>", re.I)
_LAYOUT_RUN = re.compile(r"(?:" + _LAYOUT_TAGS.pattern + r"\s*)+", re.I)
#: Nesting counted as too deep for the tree parser (libxml2's huge_tree limit is lower than
#: what hostile pages use).
DEEP_TAGS = 5000


def flatten_layout(text: str) -> str | None:
    """``text`` with layout tags replaced by line breaks, or None when it has few of them."""
    if text.count("<", 0, P.MAX_HTML_CHARS) < DEEP_TAGS or len(
            _LAYOUT_TAGS.findall(text[: P.MAX_HTML_CHARS])) < DEEP_TAGS:
        return None
    return _LAYOUT_RUN.sub("<br>", text)


def strip_noise(root: etree._Element) -> None:
    """Remove elements that never hold visible article text."""
    etree.strip_elements(root, *P.DROP_TAGS, with_tail=False)
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        parent = el.getparent()
        if parent is not None:
            el.drop_tree() if hasattr(el, "drop_tree") else parent.remove(el)


def norm_ws(s: str) -> str:
    """Collapse whitespace (incl. nbsp and ideographic space) to single spaces."""
    return _WS.sub(" ", s).strip()


def _attr_words(el: etree._Element) -> str:
    return (el.get("class") or "") + " " + (el.get("id") or "")


class _LineBuilder:
    """Collects text into lines; counts how many characters sit in each kind of context."""

    __slots__ = ("out", "cur", "cnt", "img")

    def __init__(self) -> None:
        self.out: list[Line] = []
        self.cur: list[str] = []
        self.cnt = [0, 0, 0, 0, 0]  # link, caption, heading, furniture, centred characters
        self.img = False  # an image was seen since the last line with text

    def text(self, t: str, ctx: tuple[bool, bool, bool, bool, bool]) -> None:
        self.cur.append(t)
        if ctx != _NO_CTX:
            n = len(t.strip())
            cnt = self.cnt
            for i in range(5):
                if ctx[i]:
                    cnt[i] += n

    def flush(self) -> None:
        if not self.cur:  # nothing collected: the counters are still zero
            return
        t = _WS.sub(" ", "".join(self.cur)).strip()
        if t:
            cnt = self.cnt
            half = len(t.replace(" ", "")) / 2
            self.out.append(Line(t, min(cnt[0], len(t)), cnt[1] > half, cnt[2] > half,
                                 cnt[3] > half, self.img, cnt[4] > half))
            self.img = False
        self.cur.clear()
        self.cnt[:] = [0, 0, 0, 0, 0]

    def open(self, node: etree._Element, tag: str,
             ctx: tuple[bool, bool, bool, bool, bool]) -> tuple[bool, bool, bool, bool, bool]:
        """Note an opening element; returns the context its content is in."""
        if tag == "img" and not "".join(self.cur).strip():
            self.img = True  # an inline image inside running text is not a caption slot
        if tag in _ATTR_TAGS:
            cap_attr, furn_attr = _attr_marks(_attr_words(node))
        else:
            cap_attr = furn_attr = False
        return (
            ctx[0] or tag == "a",
            ctx[1] or tag in P.CAPTION_TAGS or cap_attr,
            ctx[2] or tag in _HEADINGS,
            ctx[3] or furn_attr,
            ctx[4] or tag == "center" or _centred(node),
        )


def lines_of(el: etree._Element) -> list[Line]:
    """Visible text of ``el`` as lines, split at block elements; iterative (deep trees are safe).

    A line is marked caption/heading/furniture when most of its characters sit inside such
    an element.
    """
    if next(el.iter(etree.Comment, etree.ProcessingInstruction, etree.Entity), None) is not None:
        return _lines_of_stack(el)
    b = _LineBuilder()
    block_tags = P.BLOCK_TAGS
    ctxs: list[tuple[bool, bool, bool, bool, bool]] = []  # context inside each open element
    # document order: start, own text, children (each followed by its tail), end
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag
        if not isinstance(tag, str):  # comment, processing instruction, entity
            if event == "end" and node.tail:
                b.text(node.tail, ctxs[-1])
            continue
        tag = tag.lower()
        if tag in block_tags:
            b.flush()
        if event == "end":
            ctxs.pop()
            if node is not el and node.tail:
                b.text(node.tail, ctxs[-1])
            continue
        nctx = b.open(node, tag, ctxs[-1] if ctxs else _NO_CTX)
        ctxs.append(nctx)
        if node.text and tag != "br":
            b.text(node.text, nctx)
    b.flush()
    return b.out


def _lines_of_stack(el: etree._Element) -> list[Line]:
    """``lines_of`` for a tree holding comments, processing instructions or entities
    (which the tree walk skips, with their tails): an explicit stack."""
    b = _LineBuilder()
    block_tags = P.BLOCK_TAGS
    stack: list[tuple] = [("open", el, _NO_CTX)]
    while stack:
        kind, node, ctx = stack.pop()
        if kind == "text":
            b.text(node, ctx)
            continue
        tag = node.tag
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag in block_tags:
            b.flush()
        if kind == "close":
            continue
        nctx = b.open(node, tag, ctx)
        stack.append(("close", node, ctx))
        for child in reversed(node):
            if child.tail:
                stack.append(("text", child.tail, nctx))
            if isinstance(child.tag, str):
                stack.append(("open", child, nctx))
        if node.text and tag != "br":
            stack.append(("text", node.text, nctx))
    b.flush()
    return b.out


_NO_CTX = (False, False, False, False, False)


@lru_cache(maxsize=8192)
def _attr_marks(aw: str) -> tuple[bool, bool]:
    """(caption, furniture) marks of an element's class/id words."""
    return (bool(aw and P.CAPTION_CLASS_RE.search(aw)),
            bool(aw and P.is_furniture_attr(aw)))


def _centred(node: etree._Element) -> bool:
    style = node.get("style")
    if style and "center" in style and P.CENTER_STYLE_RE.search(style):
        return True
    align = node.get("align")
    return bool(align) and align.lower() == "center"


_ATTR_TAGS = frozenset({"div", "p", "span", "section", "ul", "figure", "table", "aside"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
