"""Text repair before parsing: GB18030 byte-shift mojibake, glued pinyin annotations.

Byte-shift mojibake
-------------------
Real captures contain passages of a GB18030 page decoded one byte out of step. With the
passage's correct bytes ``B = b0 b1 b2 ...`` the capture holds ``"?" + decode(B[1:])``,
NFKC-folded, with undecodable bytes shown as "?":

* the first byte ``b0`` is lost (shown as "?"); every later pair is ``(trail, next lead)``
  of two neighbouring correct characters, e.g. "。”王哲說" (A1A3 A1B1 CDF5 D5DC D566)
  becomes "?" + A3A1 B1CD F5D5 DCD5 66 = "?!蓖跽苷f";
* fullwidth forms (A3xx) come out NFKC-folded to ASCII ("！" -> "!", "？" -> "?");
* at the end, a lone lead byte becomes "?" (its trail is lost), a trail byte in the ASCII
  range stays as that ASCII letter ("f", "\\", "^", "@"), and a lead byte followed by an
  ASCII digit is swallowed with it into one "?" ("起2020" -> "勂?020").

Repair re-encodes a suspicious run to bytes ("?" = unknown byte, ASCII punctuation =
itself or its fullwidth form), prepends the unknown lost byte, decodes in the other
alignment and fills unknown bytes with the most plausible character (unigram/bigram
statistics, and a following pinyin annotation when there is one). It is accepted only
when the result is clearly more plausible than the input (see the named margins).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from etl.parse.charfreq import UNKNOWN_HAN_LOGP, CharStats, load_stats
from etl.records import Repair

# --------------------------------------------------------------------------- pinyin

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ"
_PINYIN_RE = re.compile(rf"(?<=[\u3400-\u9fff])\(([a-zA-Z{_TONED}]{{1,7}})\)")
_STRIP_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvennnm")


@lru_cache(maxsize=8192)
def _readings(ch: str) -> frozenset[str]:
    """All toned readings of a character and of its simplified form (pypinyin)."""
    from pypinyin import Style, pinyin  # local import: keeps module import cheap

    from etl.parse.script import to_simplified

    out: set[str] = set()
    for form in {ch, to_simplified(ch)}:
        for group in pinyin(form, style=Style.TONE, heteronym=True, errors="ignore"):
            out.update(r.lower() for r in group)
    return frozenset(out)


def is_reading(ch: str, annotation: str) -> bool:
    """True when ``annotation`` is a pinyin reading of ``ch``.

    Exact toned match first. Tone-insensitive match is accepted only for all-lowercase
    annotations: annotators write neutral or sandhi tones (們 "men", 一 "yí") that
    pypinyin lists differently, while a capitalised word after a character ("(Li)",
    "(AI)") is more likely a real parenthesis than an annotation.
    """
    readings = _readings(ch)
    if not readings:
        return False
    ann = annotation.lower()
    if ann in readings:
        return True
    if annotation != ann:
        return False
    bare = ann.translate(_STRIP_TONES)
    return any(r.translate(_STRIP_TONES) == bare for r in readings)


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every toned pinyin syllable pypinyin knows (used to recognise annotation debris)."""
    from pypinyin.pinyin_dict import pinyin_dict

    out: set[str] = set()
    for value in pinyin_dict.values():
        out.update(value.split(","))
    return frozenset(out)


def _remove_pinyin(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Drop ``(pinyin)`` glued after the character it reads; edits use input offsets."""
    if "(" not in text:
        return text, []
    edits: list[tuple[int, str, str]] = []
    parts: list[str] = []
    last = 0
    for m in _PINYIN_RE.finditer(text):
        if is_reading(text[m.start() - 1], m.group(1)):
            parts.append(text[last : m.start()])
            edits.append((m.start(), m.group(0), ""))
            last = m.end()
    if not edits:
        return text, []
    parts.append(text[last:])
    return "".join(parts), edits


# ------------------------------------------------------------------------ mojibake

# Characters ranked beyond this in the frequency table count as rare. 3500 is the size of
# the standard list of common characters (现代汉语常用字表); ordinary news text has a rare
# character every ~50-100 characters, shifted GB18030 produces one every ~2.
COMMON_RANK = 3500
# Suspicious characters (rare Han, bopomofo, symbols, "?" or odd ASCII between Han) at
# most this far apart form one cluster ...
CLUSTER_GAP = 3
# ... and a cluster needs this many to be worth trying (one rare name is normal).
MIN_CLUSTER = 2
# How far the candidate span may reach beyond its cluster on each side: shifted runs
# often contain common characters (碧, 薪, 煌) between the rare ones.
SPAN_REACH = 4
# Accept a re-alignment only when it gains this many nats per input character (the real
# repairs gain 4-8; re-aligning clean text loses) ...
MIN_GAIN_PER_CHAR = 2.5
# ... and this much in total (a one-character change needs overwhelming evidence).
MIN_GAIN_TOTAL = 10.0
# ... and reads at least this well per output character (ordinary text scores -6..-9).
MIN_RESULT_LOGP = -10.0

# Log-probabilities for non-Han characters in the plausibility score.
PUNCT_LOGP = -4.5  # CJK punctuation: about as common as 的/是
ASCII_LOGP = -6.0  # digits, Latin letters, spaces
QMARK_LOGP = -9.0  # "?" is rare between Chinese characters and marks lost bytes
LOST_LOGP = -15.0  # U+FFFD or an unknown byte we could not fill
ODD_LOGP = -16.0  # bopomofo, box drawing, Greek ... inside Chinese text
KANA_LOGP = -7.0  # kana are a real script (Japanese titles quoted in Chinese pages)

_CJK_PUNCT = set("，。、“”‘’：；？！（）《》〈〉【】—…·「」『』〔〕％")
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
_HAN_RUN_RE = re.compile(r"[\u3400-\u9fff\ue000-\uf8ff]{4,}")
# Characters in a row with no known in-word pair among them that count as suspicious.
WORDLESS_RUN = 5
# ... without any other sign of damage nearby (within WORDLESS_REACH characters).
LONG_WORDLESS_RUN = 9
WORDLESS_REACH = 2
WILD = -1  # an unknown byte
# GB18030 user-defined areas decode to private use: never a plausible repair.
# A real repair yields Han, CJK punctuation and ASCII; pinyin letters, bopomofo, box
# drawing, Greek and other symbol rows of GB2312 in the output mean a wrong alignment.
_ODD_OUTPUT_RE = re.compile(
    rf"[\ue000-\uf8ff\u0080-\u02ff\u0370-\u04ff\u2460-\u27ff\u3040-\u30ff\u3100-\u312f{_TONED}]"
)


@dataclass(slots=True)
class _Model:
    stats: CharStats
    rare_re: re.Pattern[str]
    by_lead: dict[int, list[tuple[float, str]]]
    by_trail: dict[int, list[tuple[float, str]]]
    fold: dict[str, str]
    fill_cache: dict[tuple[int | None, int | None, str, str, str | None], str]


@lru_cache(maxsize=1)
def _model() -> _Model:
    """Build the lookup structures once, on first need (not at import)."""
    from etl.parse.script import to_simplified

    stats = load_stats()
    ranked = sorted(stats.unigram_count, key=stats.unigram_count.__getitem__, reverse=True)
    common = set(ranked[:COMMON_RANK])
    # Every 2-byte GB18030 code: its character, simplified form and unigram score.
    chars: list[tuple[int, int, str]] = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                ch = bytes((lead, trail)).decode("gb18030")
            except UnicodeDecodeError:
                continue
            chars.append((lead, trail, ch))
    folded = to_simplified("\n".join(c for _, _, c in chars)).split("\n")
    fold: dict[str, str] = {}
    by_lead: dict[int, list[tuple[float, str]]] = {}
    by_trail: dict[int, list[tuple[float, str]]] = {}
    common_any: set[str] = set()
    for (lead, trail, ch), simp in zip(chars, folded, strict=True):
        if len(simp) != 1:
            simp = ch
        fold[ch] = simp
        if simp in common:
            common_any.add(ch)
        score = _unigram(stats, simp)
        if score > UNKNOWN_HAN_LOGP:
            by_lead.setdefault(lead, []).append((score, ch))
            by_trail.setdefault(trail, []).append((score, ch))
    for table in (by_lead, by_trail):
        for lst in table.values():
            lst.sort(reverse=True)
            del lst[WILD_CANDIDATES:]
    # Suspicious: any Han character outside the common set (either script), bopomofo,
    # box drawing, kana, Greek/Cyrillic, U+FFFD. Listed as a negated class of the
    # common characters so the scan runs in C.
    ok = "".join(sorted(common_any | _CJK_PUNCT))
    rare_re = re.compile(
        rf"[^\x00-\u02ff\u2000-\u206f\u3000-\u30ff\uff00-\uffef{re.escape(ok)}]"
        rf"|(?<=[\u3400-\u9fff])[?@\\^`|~](?=[\u3400-\u9fff(])"
        rf"|(?<=[\u3400-\u9fff])\?|\?(?=[\u3400-\u9fff])"
    )
    return _Model(stats, rare_re, by_lead, by_trail, fold, {})


# How many candidates per lead/trail byte are kept for filling unknown bytes; context
# re-ranking never needs to look deeper than the most frequent few dozen.
WILD_CANDIDATES = 40


def _unigram(stats: CharStats, ch: str) -> float:
    if _HAN_RE.match(ch):
        return stats.logp(ch)
    if ch in _CJK_PUNCT:
        return PUNCT_LOGP
    return UNKNOWN_HAN_LOGP


def _char_logp(m: _Model, prev: str, ch: str) -> float:
    """log P(ch | prev) for plausibility scoring, over all character classes."""
    if _HAN_RE.match(ch):
        f = m.fold.get(ch, ch)
        p = m.fold.get(prev, prev)
        return m.stats.cond_logp(p, f) if _HAN_RE.match(p) else m.stats.logp(f)
    if ch in _CJK_PUNCT:
        return PUNCT_LOGP
    if ch == "?":
        return QMARK_LOGP
    if ch == "\ufffd":
        return LOST_LOGP
    if ch.isascii() or ch in _TONED:
        return ASCII_LOGP
    if "\u3040" <= ch <= "\u30ff":
        return KANA_LOGP
    return ODD_LOGP


def _score(m: _Model, prev: str, text: str, nxt: str) -> float:
    total = 0.0
    for ch in text:
        total += _char_logp(m, prev, ch)
        prev = ch
    if nxt:
        total += _char_logp(m, prev, nxt)
    return total


def _alternatives(ch: str) -> list[tuple[int, ...]] | None:
    """Byte readings of one captured character (None: cannot be part of a GB run)."""
    if ch == "?":
        # A lost byte, or a fullwidth "？" (A3BF) folded to ASCII by NFKC.
        return [(WILD,), (0xA3, 0xBF), (0x3F,)]
    if "!" <= ch <= "~":
        b = ord(ch)
        return [(b,), (0xA3, b | 0x80)]
    if ch.isascii():
        return [(ord(ch),)]
    try:
        raw = ch.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return [tuple(raw)] if len(raw) == 2 else None


@dataclass(slots=True)
class _Hole:
    """A character with one unknown byte, resolved after decoding (needs both neighbours)."""

    lead: int | None
    trail: int | None


def _decode_shifted(span: str) -> list[str | _Hole] | None:
    """Decode ``span`` one byte out of step (lost first byte restored as unknown).

    Picks, per ambiguous character, the byte reading that decodes cleanly: a small DP
    over "aligned" / "one byte pending" states.
    """
    alts = [_alternatives(c) for c in span]
    if any(a is None for a in alts):
        return None
    # The lost first byte: the span's own leading "?" stands for it, else prepend one.
    if span[0] == "?":
        alts[0] = [(WILD,)]
    else:
        alts.insert(0, [(WILD,)])
    # state: pending byte (None = aligned) -> (penalty, output)
    states: dict[int | None, tuple[int, list[str | _Hole]]] = {None: (0, [])}
    for options in alts:
        new: dict[int | None, tuple[int, list[str | _Hole]]] = {}
        for pending, (pen, out) in states.items():
            for opt in options:
                p, o, q = pending, list(out), pen + (len(opt) - 1 if opt[0] == 0xA3 else 0)
                for b in opt:
                    p, q = _feed(p, b, o, q)
                best = new.get(p)
                if best is None or q < best[0]:
                    new[p] = (q, o)
        states = new
    # Prefer ending aligned; a dangling lead byte's trail lies beyond the span.
    finals = []
    for pending, (pen, out) in states.items():
        if pending is None:
            finals.append((pen, out))
        elif pending == WILD:
            finals.append((pen + 1, out))
        else:
            finals.append((pen + 2, [*out, _Hole(pending, None)]))
    finals.sort(key=lambda x: x[0])
    return finals[0][1]


def _feed(pending: int | None, b: int, out: list[str | _Hole], pen: int) -> tuple[int | None, int]:
    """Consume one byte; returns (new pending byte, penalty)."""
    if pending is None:
        if b == WILD or b >= 0x81:
            return b, pen
        out.append(chr(b))
        return None, pen
    trail_ok = b == WILD or (0x40 <= b <= 0xFE and b != 0x7F)
    if not trail_ok:
        # Lead without a trail: the byte is lost; the ASCII byte stands on its own.
        out.append("\ufffd")
        out.append(chr(b))
        return None, pen + 3
    if pending == WILD and b == WILD:
        out.append("\ufffd")
        return None, pen + 3
    if pending == WILD:
        out.append(_Hole(None, b))
        return None, pen
    if b == WILD:
        out.append(_Hole(pending, None))
        return None, pen
    try:
        out.append(bytes((pending, b)).decode("gb18030"))
    except UnicodeDecodeError:
        out.append("\ufffd")
        return None, pen + 3
    return None, pen


def _resolve(m: _Model, parts: list[str | _Hole], prev: str, nxt: str, hint: str | None) -> str:
    """Fill unknown bytes with the most plausible character given both neighbours."""
    chars: list[str] = [p if isinstance(p, str) else "" for p in parts]
    for i, part in enumerate(parts):
        if isinstance(part, str):
            continue
        left = chars[i - 1] if i > 0 else prev
        right = chars[i + 1] if i + 1 < len(chars) else nxt
        last_hint = hint if i == len(parts) - 1 else None
        chars[i] = _fill(m, part.lead, part.trail, left, right, last_hint)
    return "".join(chars)


def _fill(
    m: _Model, lead: int | None, trail: int | None, left: str, right: str, hint: str | None
) -> str:
    """Best character for one unknown byte (memoised: the span search repeats queries)."""
    key = (lead, trail, left, right, hint)
    hit = m.fill_cache.get(key)
    if hit is not None:
        return hit
    cands = m.by_lead.get(lead, []) if lead is not None else m.by_trail.get(trail or 0, [])
    if hint:
        cands = [c for c in cands if is_reading(c[1], hint)] or cands
    best, best_ch = float("-inf"), "\ufffd"
    for _, ch in cands:
        sc = _char_logp(m, left, ch) + (_char_logp(m, ch, right) if right else 0.0)
        if sc > best:
            best, best_ch = sc, ch
    if len(m.fill_cache) > FILL_CACHE_SIZE:
        m.fill_cache.clear()
    m.fill_cache[key] = best_ch
    return best_ch


# Bound on memoised fills (each entry is a few short strings).
FILL_CACHE_SIZE = 50_000


_DEBRIS_RE = re.compile(rf"\?([a-z{_TONED}]{{1,6}})\)$")
# A lead byte at the end of a run swallows the next ASCII byte into its "?". Before a
# year ("?020年") the lost byte was a digit: a year cannot start with 0 and news years
# are 20xx, so "2" is restored.
_SWALLOWED_YEAR_RE = re.compile(r"0\d\d年")
_ANN_RE = re.compile(rf"\(([a-z{_TONED}]{{1,7}})\)")
_SWALLOWED_ANN_RE = re.compile(rf"([a-z{_TONED}]{{1,7}})\)")
# The probe (cluster re-aligned as is) must gain at least this much to search further.
PROBE_MIN_GAIN = MIN_GAIN_TOTAL
# Nats per span character used only to break near-ties between candidate spans.
SPAN_COST = 0.3


def _tail_annotation(text: str, e: int, swallowed: bool) -> tuple[str | None, int]:
    """Pinyin annotation right after a run: (reading, end offset) or (None, e).

    The annotation belongs to the run's last character. When the run ends in a "?" that
    swallowed the next byte, the "(" went with it and only "xxx)" is left.
    """
    m = (_SWALLOWED_ANN_RE if swallowed else _ANN_RE).match(text, e)
    if m and m.group(1) in _syllables():
        return m.group(1), m.end()
    if swallowed:
        m = _ANN_RE.match(text, e)
        if m and m.group(1) in _syllables():
            return m.group(1), m.end()
    return None, e


def _try_cluster(m: _Model, text: str, first: int, last: int) -> tuple[int, int, str, float] | None:
    """Best re-aligned span around suspicious positions ``first..last`` (inclusive).

    Returns (start, end, replacement, gain); ``end`` includes annotation debris the
    repair consumed.
    """
    lo = first
    while lo > 0 and first - lo < SPAN_REACH and _spannable(text[lo - 1]):
        lo -= 1
    hi = last + 1
    while hi < len(text) and hi - last - 1 < SPAN_REACH and _spannable(text[hi]):
        hi += 1
    # Probe: the cluster re-aligned with its edges nudged by one character. Shifted runs
    # gain a lot even with ragged edges; clean text rarely does. Skips the full span
    # search on almost all clean clusters.
    probe_gain = float("-inf")
    for ps, pe in (
        (first, last + 1),
        (first, last + 2),
        (first + 1, last + 1),
        (first + 1, last + 2),
    ):
        if pe > len(text) or ps >= pe or not all(_spannable(c) for c in text[ps:pe]):
            continue
        probe = _decode_shifted(text[ps:pe])
        if probe is None:
            continue
        p0 = text[ps - 1] if ps else ""
        n0 = text[pe] if pe < len(text) else ""
        fixed0 = _resolve(m, probe, p0, n0, None)
        probe_gain = max(probe_gain, _score(m, p0, fixed0, n0) - _score(m, p0, text[ps:pe], n0))
    if probe_gain < PROBE_MIN_GAIN:
        return None
    best: tuple[int, int, str, float] | None = None
    best_rank = float("-inf")
    for s in range(lo, min(first + SPAN_REACH, last) + 1):
        for e in range(max(s + 1, last + 1 - SPAN_REACH), hi + 1):
            span = text[s:e]
            if not _HAN_RE.search(span):
                continue
            parts = _decode_shifted(span)
            if parts is None:
                continue
            prev = text[s - 1] if s else ""
            swallowed = span.endswith("?")
            hint, after = _tail_annotation(text, e, swallowed)
            nxt = text[after] if after < len(text) else ""
            fixed = _resolve(m, parts, prev, nxt, hint)
            if not fixed or fixed == span or _ODD_OUTPUT_RE.search(fixed):
                continue
            # Annotation debris is dropped with the run but not scored: junk letters
            # would otherwise inflate the gain.
            old = _score(m, prev, span, nxt)
            gain = _score(m, prev, fixed, nxt) - old
            if gain < MIN_GAIN_TOTAL or gain / len(span) < MIN_GAIN_PER_CHAR:
                continue
            if _score(m, prev, fixed, "") / len(fixed) < MIN_RESULT_LOGP:
                continue
            # Equal gains: prefer the shorter span (less clean text re-aligned by accident).
            rank = gain - SPAN_COST * len(span)
            if rank > best_rank:
                if hint is not None and after > e and text[e] == "(":
                    after = e  # a complete "(xxx)" is left for the pinyin pass
                if swallowed and _SWALLOWED_YEAR_RE.match(text, e):
                    fixed += "2"
                best, best_rank = (s, after, fixed, gain), rank
    return best


def _spannable(ch: str) -> bool:
    # Parentheses bound pinyin annotations, which are never part of a shifted run.
    return ch not in "\n()" and _alternatives(ch) is not None


def _wordless_runs(m: _Model, text: str, strong: list[int]) -> list[int]:
    """Positions inside runs of Han characters where no neighbours form a known word.

    Shifted text made of common characters (笔型臣凭志殖) escapes the rarity test, but
    its neighbours never form dictionary words. Clean text has short wordless stretches
    too (names, classical phrases), so a run counts only when it is long, or shorter but
    next to a strong sign of damage (a rare character, "?", a symbol).
    """
    import bisect

    out: list[int] = []
    bigrams = m.stats.bigram_count

    def keep(start: int, end: int) -> None:
        if end - start < WORDLESS_RUN:
            return
        if end - start < LONG_WORDLESS_RUN:
            i = bisect.bisect_left(strong, start - WORDLESS_REACH)
            if i >= len(strong) or strong[i] > end + WORDLESS_REACH:
                return
        out.extend(range(start, end))

    table, foldable = _fold_table(m)
    for x in _HAN_RUN_RE.finditer(text):
        # folded run (fold maps one character to one character)
        seg = x.group()
        if foldable(seg):
            seg = seg.translate(table)
        base = x.start()
        # byte j is 1 when characters j and j + 1 form a known word; a run of zeros over
        # pairs a .. b-1 is the wordless stretch of characters a .. b
        known = bytes(map(bigrams.__contains__, map(str.__add__, seg[:-1], seg[1:])))
        for r in _WORDLESS_PAIRS.finditer(known):
            keep(base + r.start(), base + r.end() + 1)
    return out


#: Runs of pairs that form no word, long enough for ``keep`` to look at.
_WORDLESS_PAIRS = re.compile(rb"\x00{%d,}" % (WORDLESS_RUN - 1))


_FOLD_TABLES: dict[int, tuple[_Model, dict[int, str], Callable[[str], object]]] = {}


def _fold_table(m: _Model) -> tuple[dict[int, str], Callable[[str], object]]:
    """``m.fold`` as a ``str.translate`` table, and a search for the characters it changes
    (text without any is its own folding); built once per model."""
    got = _FOLD_TABLES.get(id(m))
    if got is None or got[0] is not m:
        changed = sorted(ch for ch, simp in m.fold.items() if simp != ch)
        search = (
            re.compile("[" + "".join(re.escape(ch) for ch in changed) + "]").search
            if changed else (lambda _text: None)
        )
        got = (m, str.maketrans(m.fold), search)
        _FOLD_TABLES[id(m)] = got
    return got[1], got[2]


def _worth_trying(m: _Model, text: str, first: int, last: int) -> bool:
    """Cheap gate before the span search.

    A shifted run consists only of characters that re-encode to one or two GB18030 bytes,
    and its rare characters sit next to neighbours they never form a word with. Rare
    characters inside known words (澎湃, 蝙蝠, 邯鄲) are ordinary text.
    """
    window = text[first : last + 1]
    if not all(_spannable(c) or c == "(" for c in window):
        return False
    isolated = 0
    for i in range(first, last + 1):
        ch = text[i]
        if not _HAN_RE.match(ch) or m.rare_re.match(ch) is None:
            isolated += 1  # "?", wedged ASCII, bopomofo, symbols: never part of a word
            continue
        f = m.fold.get(ch, ch)
        left = m.fold.get(text[i - 1], text[i - 1]) if i else ""
        right = m.fold.get(text[i + 1], text[i + 1]) if i + 1 < len(text) else ""
        if left + f not in m.stats.bigram_count and f + right not in m.stats.bigram_count:
            isolated += 1
    return isolated >= MIN_CLUSTER


def _repair_mojibake(text: str) -> list[tuple[int, str, str]]:
    """Find and re-align byte-shifted runs; edits as (start, before, after) on ``text``."""
    if not _HAN_RE.search(text):
        return []
    m = _model()
    hits = [x.start() for x in m.rare_re.finditer(text)]
    hits.extend(_wordless_runs(m, text, hits))
    if len(hits) < MIN_CLUSTER:
        return []
    hits = sorted(set(hits))
    clusters: list[tuple[int, int, int]] = []
    start = prev = hits[0]
    count = 1
    for pos in hits[1:]:
        if pos - prev <= CLUSTER_GAP:
            count += 1
        else:
            clusters.append((start, prev, count))
            start, count = pos, 1
        prev = pos
    clusters.append((start, prev, count))
    edits: list[tuple[int, str, str]] = []
    taken = -1
    for first, last, count in clusters:
        if count < MIN_CLUSTER or first <= taken:
            continue
        if not _worth_trying(m, text, first, last):
            continue
        found = _try_cluster(m, text, first, last)
        if found is None:
            continue
        s, e, fixed, _ = found
        # A "?" with the remains of a pinyin annotation right before the run is the lost
        # boundary character and its annotation: part of the damage.
        debris = _DEBRIS_RE.search(text, max(0, s - 8), s)
        if debris and debris.end() == s and debris.group(1) in _syllables():
            s = debris.start()
        edits.append((s, text[s:e], fixed))
        taken = e
    return edits


# ------------------------------------------------------------------------- public


def repair_text(text: str) -> tuple[str, list[Repair]]:
    """Return the repaired text and the repairs made (mojibake, pinyin annotations).

    Mojibake runs are re-aligned first (a run's pinyin annotation, which follows it, helps
    choose the lost character), then annotations glued after the character they read are
    removed. Every ``Repair.start`` is an offset in the *input* text.
    """
    if not text:
        return text, []
    moj = _repair_mojibake(text)
    repairs = [Repair("mojibake", s, before, after) for s, before, after in moj]
    mid = text
    index: list[int] | None = None  # intermediate offset -> input offset
    if moj:
        parts: list[str] = []
        index = []
        last = 0
        for s, before, after in moj:
            parts.append(text[last:s])
            parts.append(after)
            index.extend(range(last, s))
            # Characters inside a replacement map to the replacement's start.
            index.extend([s] * len(after))
            last = s + len(before)
        parts.append(text[last:])
        index.extend(range(last, len(text) + 1))
        mid = "".join(parts)
    result, pin_edits = _remove_pinyin(mid)
    for p, before, after in pin_edits:
        repairs.append(Repair("pinyin", index[p] if index is not None else p, before, after))
    repairs.sort(key=lambda r: r.start)
    return result, repairs


def text_warnings(text: str) -> list[str]:
    """Flags for damage that repair cannot undo, e.g. ``["replacement_chars:3"]``.

    U+FFFD (bytes the decoder could not read) is kept in the text, never hidden; "?"
    wedged between Chinese characters is the usual trace of a lost byte in a capture.
    """
    out: list[str] = []
    n = text.count("\ufffd")
    if n:
        out.append(f"replacement_chars:{n}")
    q = len(_WEDGED_QMARK_RE.findall(text))
    if q:
        out.append(f"lost_byte_marks:{q}")
    return out


_WEDGED_QMARK_RE = re.compile(r"(?<=[\u3400-\u9fff])\?+(?=[\u3400-\u9fff])")
