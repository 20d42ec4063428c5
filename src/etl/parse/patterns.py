"""Heuristics as data: marker words, regexes and named thresholds used by the parser.

Nothing here names a site, a domain or a page: every rule is a general pattern of
Chinese (or English) news pages.
"""

from __future__ import annotations

import re
from functools import lru_cache

# --- characters ------------------------------------------------------------------------

#: Sentence punctuation (full and half width). Body text is rich in it, furniture is not.
PUNCT = set("，。！？；：、“”‘’（）《》,.!?;:\"'…—")
#: Prose punctuation: commas and full stops that sentences have and labels, phone numbers,
#: dates and menus do not (colons and brackets are left out on purpose).
PROSE_PUNCT_RE = re.compile(r"[，。！？；、“”]|[,.!?;](?=\s|$)")
#: Inline styles that hide an element from readers.
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: Punctuation that ends a sentence.
END_PUNCT = set("。！？!?…”」』.；;）)")
CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# --- DOM -------------------------------------------------------------------------------

#: Elements whose whole content is never article text.
DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "textarea", "select",
    "option", "button", "input", "link", "meta", "object", "embed", "canvas", "map",
    "audio", "video", "head", "title",
)
#: Elements that start a new line of text.
BLOCK_TAGS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr td th table tbody thead tfoot section "
    "article blockquote figure figcaption header footer pre center hr form address aside nav "
    "main caption".split()
)
#: Inline styles that centre a block (captions and subheadings are often centred).
CENTER_STYLE_RE = re.compile(r"text-align\s*:\s*center", re.I)
#: Elements whose text is a caption.
CAPTION_TAGS = frozenset({"figcaption", "caption"})
#: class/id words marking captions (generic words, not site names).
CAPTION_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:caption|pic_?txt|pictext|img_?desc|imgtxt|pic_?desc)"
                              r"(?:$|[\s_-])", re.I)
#: class/id words marking page furniture inside or next to an article.
FURNITURE_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:(?:share|comment|related|relate|recommend|footer|copyright|breadcrumb|crumb|"
    r"sidebar|toolbar|navbar|advert|hotnews|reply|replies|disqus)[\w-]*|nav|menu|tags?|hot|rank|ad|ads)"
    r"(?:$|[\s_-])",
    re.I,
)

#: class/id tokens that name the article itself (CMS post classes such as "post hentry
#: tag-foo category-bar"): an element carrying one is never furniture, whatever its
#: taxonomy classes say.
ARTICLE_CLASS_TOKENS = frozenset(
    "article post hentry entry content main-content article-content post-content "
    "entry-content article-body post-body story-body type-post".split()
)


@lru_cache(maxsize=8192)
def is_furniture_attr(attr_words: str) -> bool:
    """True when an element's class/id words mark it as furniture (and not as the article)."""
    if not attr_words.strip() or not FURNITURE_CLASS_RE.search(attr_words):
        return False
    toks = set(attr_words.lower().split())
    return not (toks & ARTICLE_CLASS_TOKENS)


# --- body scoring thresholds -------------------------------------------------------------

#: Link text counts against a container: related lists and navigation are mostly links.
LINK_PENALTY = 1.5
#: Text without any punctuation (menus, labels, dates) is weak evidence against a container.
BARE_TEXT_WEIGHT = -0.3
#: Each punctuation mark inside a text run adds this much: prose is punctuated.
PUNCT_BONUS = 2.0
#: A line whose characters are more than this share link text is a link list, not prose.
LINK_LINE_RATIO = 0.5
#: A best-scoring paragraph is replaced by its parent when the sibling paragraphs' prose
#: weighs at least this share of its own (the article is the paragraphs' container).
SIBLING_PROSE_SHARE = 0.3
#: Below this many characters the DOM extractor is judged to have failed.
MIN_BODY_CHARS = 40
#: A page whose body comes out shorter than this is parsed again with its layout tags
#: flattened when it holds very many of them (nesting deeper than the tree parser keeps).
DEEP_RETRY_BODY_CHARS = 200
#: Share of CJK characters below which a page is handled as non-Chinese (trafilatura).
CJK_PAGE_RATIO = 0.05
#: Pages larger than this are cut before parsing to keep time bounded.
MAX_HTML_CHARS = 6_000_000

# --- line markers ------------------------------------------------------------------------

EDITOR_RE = re.compile(
    r"^[\(（【\[]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯|值班编辑|审核|審核|校对|校對|监制|"
    r"主编|编审|终审|初审|复审|美编|签发)\s*[:：|｜/ ]\s*(.{1,40}?)\s*[\)）】\]]?$"
)
EDITOR_INLINE_RE = re.compile(
    r"(?:责任编辑|責任編輯|责编|編輯|编辑)\s*[:：]?\s*([\u4e00-\u9fffA-Za-z·]{2,12})"
)
SOURCE_RE = re.compile(
    r"(?:^|[\s　|｜\d])(?:来源于|來源於|来源|來源|稿源|本文来源|文章来源|信息来源|信息來源|"
    r"消息来源|出处|出處|[Ss]ource)\s*[:：]\s*"
    r"([^\s　|｜:：]{1,30}?)(?=$|[\s　|｜]|作者|记者|記者|编辑|編輯|责任编辑|時間|时间|日期|"
    r"发布|浏览|瀏覽|点击|點擊|阅读|閱讀|(?:19|20)\d\d)"
    # a strip segment with the label glued to the outlet: "| 来源CSDN |"
    r"|(?:^|(?<=[\s|｜]))(?:来源|來源)(?![于於:：\s])([^\s　|｜:：]{2,20})"
    r"(?=$|[\s　|｜])"
)
#: The first token after a strip's date: an outlet name followed by the end, a space or a
#: bracket/separator.
DATE_SOURCE_RE = re.compile(
    r"^([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9·\-]{1,15})(?=$|[\s\[【(（|｜])"
)
#: Source credits that name no outlet.
NOT_A_SOURCE_RE = re.compile(
    r"^(?:网络|網絡|互联网|互聯網|网友|網友|网上|網上|未知|本站|本网|本網)$"
)
#: class/id words of an element holding the publishing account's name (platform pages).
SOURCE_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:nickname|profile_?nickname|account_?nickname|"
                             r"media_?name|source_?name|js_name)(?:$|[\s_-])", re.I)
ORIGINAL_TITLE_RE = re.compile(r"^[\(（【]?\s*(?:本文)?(?:原标题|原題)")
#: A line reduced to page furniture (share widgets, counters, navigation, legal footers).
FURNITURE_LINE_RE = re.compile(
    r"^(?:分享到|分享至|分享|转发|收藏|点赞|打印|关闭|返回|举报|评论|扫一扫|打开.{0,6}APP|"
    r"相关(?:新闻|阅读|文章|推荐|链接)|延伸阅读|推荐阅读|热门推荐|猜你喜欢|为你推荐|更多|上一篇|下一篇|"
    r"版权(?:所有|声明)|Copyright|©|免责声明|声明[:：]|本文(?:系|为|仅代表)|未经(?:授权|许可|同意)|"
    r"(?:点击|长按)(?:关注|二维码|进入|查看)|阅读原文|阅读\s*\d|\d+\s*(?:条评论|人参与|人评论|赞)|"
    r"字号|字號|大\s*中\s*小|【?(?:纠错|打印|关闭)】?|标签[:：]|关键词[:：]|Tags?[:：]|"
    r"[\(（]\s*(?:资料来源|資料來源|数据来源|數據來源)|(?:您|你)?(?:所在|当前|當前)的?位置|调整字体|調整字體|字体[:：]|特别声明|特別聲明|"
    r"[\(（【\[]?\s*(?:打印本页|打印本頁|关闭窗口|關閉窗口|保存本页|收藏本页)\s*[\)）】\]]?$)",
    re.I,
)
#: Lines after which the article is over (once some body text has been seen): editor credits,
#: keyword strips, share bars, disclaimers, "related/recommended" headings, end marks.
STOP_LINE_RE = re.compile(
    r"^[\(（【\[]?\s*(?:责任编辑|责编|文章关键词|关键词|关键字|标签|分享(?:到|至)?\s*[:：]|声明\s*[:：]|"
    r"免责声明|版权(?:所有|声明)|相关(?:新闻|阅读|文章|推荐|链接|报道)|延伸阅读|推荐阅读|热门推荐|"
    r"为你推荐|为您推荐|猜你喜欢|更多精彩|更多阅读|往期回顾|精彩推荐|热点推荐|上一篇|下一篇|"
    r"延伸推荐|相关专题|特别声明|特別聲明|打印本页|打印本頁|关闭窗口|關閉窗口|"
    r"Copyright|©|Notice\s*:)",
    re.I,
)
#: Separators ignored when matching a stop line ("延伸 · 推荐").
STOP_SEP_RE = re.compile(r"[\s·•・|｜]+")
#: Body characters needed before a stop line may end the article.
STOP_AFTER_CHARS = 60
#: Lines that are only widget words / counters.
WIDGET_ONLY_RE = re.compile(r"^[\s\d|｜/·•\-_.:：()（）\[\]【】]*(?:(?:分享|微信|微博|QQ|空间|"
                            r"朋友圈|收藏|点赞|评论|举报|打印|转发|赞|在看|顶|踩|A\+|A-)\s*[\d\s|｜/·]*)+$",
                            re.I)
#: Photo credits and captions: "…一景。新华社记者 赵子硕 摄", "（图片来源：网络）", "图为…".
CAPTION_LINE_RE = re.compile(
    r"(?:[\s　]摄|记者\s*\S{1,12}\s*摄|[\(（][^()（）]{0,30}(?:摄|攝)[\)）]?|(?:摄|攝)(?:影)?)\s*$"
    r"|^[\(（]?(?:图片来源|圖片來源|图片|图源|图/|图：|图:|配图|视频来源)[:：/]?"
    r"|^(?:▲|△|↑|上图|下图|图为|圖為|图\d)",
)
#: A short line ending in a picture credit word: "…报道截图。", "某某分局供图", "（资料图）".
CAPTION_END_RE = re.compile(
    r"(?:截图|截屏|供图|资料图|示意图|效果图|图片来自\S{0,12}|图片由\S{0,12}提供)"
    r"(?:\s+\S{1,8})?\s*[。.]?\s*[)）]?\s*$"
)
#: A line wholly in brackets, or ending in a short bracketed credit with no prose inside
#: ("（视频截图）", "（某某公司的报价单）", "…晨练的老年人。（视觉中国）"): a caption when it sits
#: right under an image.
IMG_NOTE_RE = re.compile(r"^[（(][^（）()]{2,40}[)）]$|[（(][^（）()，。！？,、]{1,16}[)）]$")
#: A centred line under an image up to this long (characters) with no punctuation is a caption.
CENTERED_CAPTION_MAX = 40
#: A pointer to another article closing a paragraph: "（更多详情：…）", "（相关阅读：…）".
TRAILING_POINTER_RE = re.compile(
    r"[\(（]\s*(?:更多详情|更多詳情|详见|詳見|相关阅读|相關閱讀|延伸阅读|延伸閱讀|点击查看|點擊查看|"
    r"阅读原文)\s*[:：]?[^()（）]{0,80}[\)）]\s*$"
)
#: A full stop, question or exclamation mark (a sentence, not a subheading).
SENTENCE_END_RE = re.compile(r"[。！？!?]")
#: A body line of at least this many characters found inside a longer body line is a pull quote
#: or a summary repeating the text.
PULL_QUOTE_MIN = 15
#: A line that is only a date or time fragment of a widget ("2019", "09/07", "19:02").
DATE_FRAGMENT_RE = re.compile(
    r"^(?:(?:19|20)\d{2}|\d{1,2}\s*[/.-]\s*\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?)$"
)
#: Promotions inside an article: a bracketed call to action or an app-install pitch.
PROMO_RE = re.compile(
    r"【\s*(?:点击|點擊|戳|下载|下載|扫码|掃碼|立即|马上)[^】]{0,10}】"
    r"|(?:下载|下載|安装|安裝)\S{0,12}(?:客户端|客戶端|APP|App)"
    r"|(?:扫码|掃碼|扫描二维码|長按|长按)\S{0,6}(?:关注|關注|下载|下載|识别|識別)"
    r"|^(?:点击|點擊)(?:上方|下方|上面|下面|标题下|標題下)\S{0,8}(?:关注|關注|订阅|訂閱)"
)
#: A gallery counter at the start of a line ("1/10 当全世界…").
GALLERY_COUNTER_RE = re.compile(
    r"^(?P<i>\d{1,3})\s*/\s*(?P<n>\d{1,3})\s+(?=[\u4e00-\u9fff“「《])"
)
#: Labels a page prints before a repeated headline ("原创", "独家").
HEADLINE_LABEL_RE = re.compile(
    r"^(?:原创|原創|独家|獨家|转载|轉載|置顶|置頂|头条|頭條|首发|首發)\s*[:：|｜]?\s*"
)
#: Closing marks a news item puts after its last paragraph.
END_MARK_RE = re.compile(r"^[\(（【\[]\s*(?:完|终|END|end)\s*[\)）】\]]$")

# --- bylines -----------------------------------------------------------------------------

#: Prefixes that introduce the writers of a piece.
#: Words that introduce the writers of a piece; an outlet or label may precede them.
AUTHOR_WORDS = (
    r"(?:特约记者|特約記者|首席记者|见习记者|實習記者|实习记者|本报记者|本网记者|记者|記者|通讯员|通訊員|"
    r"特约撰稿|撰稿人|撰稿|撰文|采写|採寫|执笔|作者|口述|整理)"
)
#: Short credit words that must be followed by a separator ("文/李楠", "图：王某").
AUTHOR_SHORT = r"(?:文/图|文\|图|图文|圖文|文字|文)\s*[:：/｜|丨]"
NAME_RUN = (
    r"(?P<names>[\u4e00-\u9fff·A-Za-z]{2,}(?:\s*(?:[\s、，,&＆和及与]|/)\s*"
    r"[\u4e00-\u9fff·A-Za-z]{1,}){0,7})"
)
BYLINE_RE = re.compile(
    r"^[\(（【\[]?\s*(?:(?:[^\s:：]{0,12}?" + AUTHOR_WORDS + r")\s*[:：/｜|丨]?\s*"
    r"(?:[^\s:：]{0,8}?" + AUTHOR_WORDS + r"\s*[:：/｜|丨]?\s*)?|" + AUTHOR_SHORT + r"\s*)"
    + NAME_RUN + r"\s*[\)）】\]]?\s*"
    r"(?:[/／]\s*[\u4e00-\u9fff]{2,8}?(?:报道|報道|報導|报导|連線報導|专电|專電))?"
    r"\s*(?:报道|報道|報導|摄影报道|综合报道|綜合報導|发自\S*)?\s*$"
)
#: Role words inside a run of credited names ("本报记者 某某 通讯员 某某").
ROLE_WORD_RE = re.compile(AUTHOR_WORDS + r"|实习生|實習生|摄影|攝影|摄影记者|攝影記者")
#: A credit inside a meta strip: "来源：证券时报网作者：李在山", "| 作者魏星" (label glued to
#: the name when it opens a segment of the strip).
META_AUTHOR_RE = re.compile(r"(?:(?:作者|记者|撰文|编译|文)\s*[:：/]"
                            r"|(?:^|(?<=[\s|｜]))(?:作者|记者))\s*"
                            r"(?P<names>[\u4e00-\u9fff·]{2,4}"
                            r"(?:[\s、，,]+[\u4e00-\u9fff·]{2,4}){0,4})"
                            # the next item of a strip may follow with no space between
                            r"(?=$|[\s　|｜]|(?:19|20)\d\d|来源|來源|发布|發佈|时间|時間|日期|阅读|"
                            r"閱讀|编辑|編輯|责任|責任|浏览|瀏覽)")
#: Words ending an outlet's name (newspaper, site, agency, station, magazine, app).
OUTLET_END = r"(?:报|報|网|網|社|台|杂志|雜誌|周刊|週刊|新闻|新聞|频道|頻道|客户端|APP|App)"
#: Words ending an organisation's name (government accounts, agencies, companies, schools).
ORG_END = (r"(?:发布|發佈|发布厅|政务|政務|政府|公安|交警|法院|检察院|檢察院|局|委|厅|廳|办|辦|"
           r"部|署|中心|协会|協會|学会|學會|集团|集團|公司|银行|銀行|大学|大學|学院|學院|学校|學校|医院|"
           r"醫院|研究院|研究所|联合会|聯合會|基金会|基金會|官微|官方|在线|在線|资讯|資訊|传媒|傳媒|"
           r"日报|晚报|早报|时报)")
#: A credit line ending in a photo credit ("图片记者 某某、某某摄", "记者 某某 摄").
PHOTO_CREDIT_END_RE = re.compile(r"(?:摄|攝)\s*[\)）】\]]?\s*$")
#: "石佳/中国青年报", "中国青年报/石佳": a writer credited with the outlet they write for.
NAME_OUTLET_RE = re.compile(
    r"^(?:(?P<names>[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4}){0,3})\s*[/／|｜]\s*"
    r"(?P<outlet>[\u4e00-\u9fffA-Za-z]{1,12}?" + OUTLET_END + r")"
    r"|(?P<outlet2>[\u4e00-\u9fffA-Za-z]{1,12}?" + OUTLET_END + r")\s*[/／|｜]\s*"
    r"(?P<names2>[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4}){0,3}))$"
)
#: A translator/compiler credit ending in the work word: "原创： 路某编译 某公众号",
#: "张三、李四整理"; the writer of the (translated) piece.
CREDIT_SUFFIX_RE = re.compile(
    r"^(?:原创|原創|作者|文)?\s*[:：]?\s*(?P<names>[\u4e00-\u9fff·]{2,4}(?:[、\s][\u4e00-\u9fff·]{2,4}){0,3})"
    r"\s*(?:编译|編譯|翻译|翻譯|整理|撰文)(?:\s+\S{1,20})?$"
)
#: A spokesperson heading a transcript: "某某工程新闻发言人 武平".
SPOKESPERSON_RE = re.compile(
    r"^\S{0,24}?(?:发言人|發言人)\s*[:：]?\s*(?P<names>[\u4e00-\u9fff·]{2,4})$"
)
#: Labels around an account name in a self-media meta strip ("原创 某号 2019-09-04 22:18").
ACCOUNT_LABEL_RE = re.compile(
    r"^(?:原创|原創|首发|首發|发布于|發佈於|发表于|发布时间|发布|时间|日期)\s*[:：]?\s*"
)
#: Account names: one token, no sentence punctuation.
ACCOUNT_NAME_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9_·\-]{2,16}$")
#: A follow button next to an account name.
FOLLOW_RE = re.compile(r"^[+＋]?\s*(?:关注|關注|订阅|訂閱|Follow)$", re.I)
#: A credit closing the last paragraph: "…回购。(李楠)", "(文/图 刘玺东 易赛楠)".
TRAILING_CREDIT_RE = re.compile(
    r"[\(（]\s*(?:(?:文/图|文|图|记者|作者|通讯员)\s*[:：/]?\s*)?"
    r"(?P<names>[\u4e00-\u9fff·]{2,4}(?:[\s、，,]+[\u4e00-\u9fff·]{2,4}){0,4})\s*[\)）]$"
)
#: An editor credit closing the last paragraph, maybe followed by a date code:
#: "…供應。（編輯：某某）1130726", "…。(责任编辑：某某)".
TRAILING_EDITOR_RE = re.compile(
    r"[\(（]\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：/]\s*"
    r"(?P<names>[^()（）]{1,24}?)\s*[\)）]\s*\d{0,8}\s*$"
)
#: A wire lead opening with the agency in brackets: "（某某社記者某某台北26日電）".
PAREN_AGENCY_RE = re.compile(
    r"^[\(（]\s*(?P<agency>[\u4e00-\u9fff]{2,5}?社)\s*(?:记者|記者|特派员|特派員)"
)
#: Writers named inside the first paragraph: "新京报讯（记者 陆一夫）", "(作者 李楠)".
INLINE_BYLINE_RE = re.compile(
    r"[\(（]\s*(?:[\u4e00-\u9fff]{0,8}?(?:记者|記者|通讯员|作者|文|撰稿))\s*[:：]?\s*"
    r"(?P<names>[\u4e00-\u9fff·]{2,4}(?:[\s、，,]+[\u4e00-\u9fff·]{2,4}){0,5})\s*[\)）]"
)
#: Agency dateline at the start of a lead: "新华社天津10月25日电", "中新网北京11月25日电".
DATELINE_RE = re.compile(
    r"^(?P<agency>新华社|新華社|中新社|中新网|中新網|人民网|人民網|央视网|央視網|[\u4e00-\u9fff]{2,6}?(?:社|网|網|报|報))"
    r"(?P<place>[\u4e00-\u9fff]{2,8}?)?\s*(?P<month>\d{1,2})月(?P<day>\d{1,2})日\s*(?:电|電|讯|訊)"
)
#: A plain-text title line after the dateline: "… 題:…" / "题：…".
DATELINE_TITLE_RE = re.compile(r"(?:电|電)\s*[（(]?\s*(?:题|題)\s*[:：]\s*(?P<title>.+?)\s*[）)]?$")
#: English byline: "By Jane Doe", "By Maria Lopez and Tom Baker, Staff Writers".
EN_BYLINE_RE = re.compile(r"^(?:By|BY|Written by|Words by|Story by)\s+(?P<names>[A-Z].{1,80})$")
#: Words of a staff role or an outlet after the names in an English byline.
EN_ROLE_RE = re.compile(r"\b(?:staff|writers?|reporters?|correspondents?|editors?|contributors?|"
                        r"columnist|news|press|wire|reuters|bloomberg|afp|ap|in|for|updated|"
                        r"published)\b", re.I)
#: An English name: 1-4 capitalised words (initials, hyphens and apostrophes allowed).
EN_NAME_RE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|del|bin|al))"
                        r"{0,3}$")
#: English meta lines around a headline: "Published June 2, 2023 at 6:05 p.m.", "Updated …".
EN_META_LINE_RE = re.compile(r"^(?:Published|Updated|Posted|Last updated|First published)\b",
                             re.I)
#: Wire credits closing an English story: "(Reporting by …; Editing by …)".
EN_CREDIT_LINE_RE = re.compile(r"^\(?\s*(?:Reporting|Additional reporting|Writing|Editing|"
                               r"Compiled|Edited)\s+by\b.{0,200}\)?$", re.I)
#: Lines at the top of an extracted English text that may still be headline/byline/date.
EN_HEAD_LINES = 6
#: An English meta line longer than this is prose.
META_LINE_MAX_EN = 80
#: Tokens that are not names even when they appear after a byline prefix.
NOT_NAMES = frozenset(
    "报道 報道 综合 綜合 整理 整合 编辑 编译 摄影 摄 图 文 来源 原创 本站 本报 本网 发自 特稿 视频"
    .split()
)

# --- dates -------------------------------------------------------------------------------

#: Visible date and time: 2019年08月16日 10:23, 2019-08-16 10:23:05, 2019/8/16, 2019.08.16
DATE_TIME_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})"
    r"(?!\d)\s*日?"
    r"(?:\s*(?:T|\s|&nbsp;)*(?P<H>\d{1,2})\s*[:：时時]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?)?"
    r"(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}))?"
)
#: Meta/JSON keys that carry the publication time (lower-cased, compared without - _ :).
DATE_META_KEYS = (
    "articlepublishedtime", "datepublished", "pubdate", "publishdate", "publishtime",
    "publishedtime", "firstpublishedtime", "ogreleasedate", "releasedate", "dcdate",
    "dcdateissued", "dctermsissued", "sailthrudate", "parselypubdate", "date", "createdate",
    "datecreated", "publicationdate", "ptime", "displaydate",
    # last resort: update times usually equal the publication time on news pages
    "dateupdate", "datemodified", "articlemodifiedtime",
)
#: JS variables holding a Unix timestamp of publication.
JS_TS_RE = re.compile(
    r"(?:\b(?:ct|publish_?time|pub_?time|create_?time|publishtime|pubtime|ptime)\b)\s*[=:]\s*"
    r"[\"']?(?P<ts>1[0-9]{9})(?:[0-9]{3})?[\"']?",
    re.I,
)
#: JS variables holding a date string of publication.
JS_DATE_RE = re.compile(
    r"(?:publish_?time|pub_?time|publishdate|pubdate|create_?time|ptime|newstime)\"?'?\s*[=:]\s*"
    r"[\"'](?P<v>(?:19|20)\d{2}[-/年][^\"']{3,25})[\"']",
    re.I,
)
#: Date in a URL path: /2019/08/16/, /2019-08-16/, /20190816/, _20190816
URL_DATE_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?:[/_-]?)(?P<m>0[1-9]|1[0-2])(?:[/_-]?)(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)
#: A label introducing the publication date on a visible line.
DATE_LABEL_RE = re.compile(
    r"(?:发布|發佈|发表|發表|更新|出版|刊发)(?:时间|時間|日期)\s*[:：]|^(?:时间|日期)\s*[:：]"
)
#: A bare date strip above the headline (an e-paper's issue date) is at most this long and
#: holds at most this many characters besides the date (a weekday, a label).
BARE_DATE_LINE_MAX = 30
BARE_DATE_REST_MAX = 6
#: Labels right before a date naming it the publication / an update.
PUBLISH_LABEL_RE = re.compile(r"(?:发布|發佈|發布|发表|發表|首发|首發|出版|刊发|刊發)"
                              r"(?:时间|時間|日期|于|於)?\s*[:：]?\s*$")
UPDATE_LABEL_RE = re.compile(r"(?:更新|修改|修订|修訂|编辑|編輯)"
                             r"(?:时间|時間|日期|于|於)?\s*[:：]?\s*$")
#: A labelled date line longer than this is not a meta line.
META_DATE_LINE_MAX = 80
#: How far after the headline (in characters of visible text) a date line still counts as "near".
DATE_NEAR_TITLE_CHARS = 600

# --- titles ------------------------------------------------------------------------------

#: Separators between a headline and a site name in <title>.
TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]{1,2}|--|::|»|\s[-—–·]\s|(?<!\d)-(?!\d))\s*")

#: Headings up to this many lines into the article container may still be the headline.
TITLE_LINES_INTO_BODY = 3
#: A heading shorter than this (characters, no spaces) is a section label, not a headline.
MIN_HEADLINE_CHARS = 8
#: A leading ASCII-bracketed label on a headline ("[推广]", "[广告]", "[Sponsored]"): a tag
#: the page prints before the headline, not part of it.
TITLE_LABEL_RE = re.compile(r"^\[[^\[\]]{1,12}\]\s*(?=\S)")

#: class/id of an element holding the author's name (self-media account pages).
AUTHOR_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:author|author-?name|byline|writer|account-?name|"
                             r"name-?author)(?:$|[\s_-])", re.I)
#: An author element's text longer than this is a bio or a list, not a name.
MAX_AUTHOR_CHARS = 20
