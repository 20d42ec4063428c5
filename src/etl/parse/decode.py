"""Bytes -> text with a recorded charset decision.

Order of evidence: byte-order mark; HTTP header charset; ``<meta charset>`` /
``<meta http-equiv content="...charset=...">`` / ``<?xml encoding=...?>`` in the first
bytes; statistical detection (charset-normalizer) on a sample. A declared charset the
bytes contradict is overridden by detection and the decision says so. Never raises:
the last resort decodes with ``errors="replace"`` and the decision records it.
"""

from __future__ import annotations

import codecs
import re

from etl.records import Decoded

# How far into the page to look for <meta charset> / <?xml encoding>. HTML5 requires the
# declaration within the first 1024 bytes; real pages put long <script>/<title> first.
SNIFF_BYTES = 4096

# Detection runs on a sample: charset-normalizer's cost grows with input, and a 20 MB
# page must not take seconds. Head + middle + tail catch pages whose markup is ASCII
# until the body.
DETECT_SAMPLE_BYTES = 64 * 1024

# Share of high (>= 0x80) bytes above which a page declared latin-1/ascii is treated as
# suspect: real Western pages carry a few accented letters, CJK pages read as latin-1
# are mostly high bytes in the text.
LATIN1_HIGH_BYTE_SHARE = 0.15

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM is a prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"\x84\x31\x95\x33", "gb18030"),
)

# Declared names read as a superset codec: pages labelled GB2312/GBK routinely use GBK or
# GB18030 characters, and Big5 pages use HKSCS/cp950 extensions.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "cp950": "cp950",
    "ascii": "utf-8",  # ASCII is a subset of UTF-8; checked for contradiction below
    "us-ascii": "utf-8",
}
# Declarations that are often wrong defaults (server config) rather than real choices.
_WEAK_DECLARATIONS = {
    "iso-8859-1",
    "latin-1",
    "latin1",
    "us-ascii",
    "ascii",
    "windows-1252",
    "cp1252",
}

_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
# CJK punctuation is as ordinary as a common character (about the rank of 的 / 是).
PUNCT_LOGP = -5.0
# Nats per character by which another CJK codec must read better to override a declared
# one. Right vs wrong GBK/Big5 readings differ by 4+ nats/char; the same text in the two
# scripts (simplified vs traditional) differs by well under 1.
CODEC_OVERRIDE_MARGIN = 2.0
# Enough Han characters to compare candidate decodings; more only costs time.
PLAUSIBILITY_SAMPLE_CHARS = 20_000
MIN_HAN_FOR_PLAUSIBILITY = 20

_META_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""",
    re.IGNORECASE,
)
_XML_RE = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.+-]+)["']""", re.IGNORECASE)


def _codec_name(label: str | None) -> str | None:
    """Normalise a charset label to a Python codec name (superset-mapped), or None."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    if not key:
        return None
    if key in _SUPERSETS:
        return _SUPERSETS[key]
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _sniff_markup(head: bytes) -> str | None:
    m = _XML_RE.search(head) or _META_RE.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def _sample(data: bytes) -> bytes:
    if len(data) <= DETECT_SAMPLE_BYTES:
        return data
    third = DETECT_SAMPLE_BYTES // 3
    mid = len(data) // 2
    # Cuts may split a multi-byte character; the detector tolerates a broken edge.
    return data[:third] + data[mid : mid + third] + data[-third:]


def _detect(data: bytes) -> str | None:
    """Best codec for the bytes by statistics (charset-normalizer on a sample)."""
    from charset_normalizer import from_bytes  # local import: keeps module import cheap

    sample = _sample(data)
    try:
        best = from_bytes(sample).best()
    except Exception:  # noqa: BLE001 - detection is advisory; never let it raise
        return None
    if best is None:
        return None
    return _codec_name(best.encoding)


def _looks_cjk_misread(data: bytes) -> bool:
    """True when bytes declared latin-1/ascii are probably a CJK (or UTF-8) page."""
    if not data:
        return False
    high = sum(1 for b in data[:DETECT_SAMPLE_BYTES] if b >= 0x80)
    return high / min(len(data), DETECT_SAMPLE_BYTES) > LATIN1_HIGH_BYTE_SHARE


def _han_plausibility(text: str) -> float | None:
    """Mean log-probability per non-ASCII character of a sample (None if too few).

    Han characters score by their (t2s-folded) frequency; CJK punctuation counts as
    ordinary; anything else non-ASCII (kana, box drawing, symbols: what a CJK page read
    with the wrong multi-byte codec turns into) counts as very unlikely.
    """
    from etl.parse.charfreq import UNKNOWN_HAN_LOGP, load_stats
    from etl.parse.script import to_simplified

    chars = _NON_ASCII_RE.findall(text[:PLAUSIBILITY_SAMPLE_CHARS])
    if len(chars) < MIN_HAN_FOR_PLAUSIBILITY:
        return None
    stats = load_stats()
    folded = to_simplified("".join(chars))
    scores = _CHAR_SCORES.get(id(stats))
    if scores is None or scores.stats is not stats:
        scores = _CHAR_SCORES[id(stats)] = _CharScores(stats, UNKNOWN_HAN_LOGP)
    # sum() adds left to right like a running total, so the mean is the same float
    return sum(map(scores.__getitem__, folded)) / len(folded)


class _CharScores(dict):
    """Score of each character for ``_han_plausibility``, computed on first sight."""

    def __init__(self, stats, unknown: float) -> None:
        super().__init__()
        self.stats = stats
        self.unknown = unknown

    def __missing__(self, c: str) -> float:
        if "\u4e00" <= c <= "\u9fff":
            v = self.stats.logp(c)
        elif (
            "\u3000" <= c <= "\u303f"
            or "\uff00" <= c <= "\uffef"
            or c in "\u201c\u201d\u2018\u2019\u2014\u2026\u00b7"
        ):
            v = PUNCT_LOGP
        else:
            v = self.unknown
        self[c] = v
        return v


_CHAR_SCORES: dict[int, _CharScores] = {}


def _detected(data: bytes, prefix: str) -> Decoded:
    """Detection step with the fallbacks that keep it total."""
    if _try(data, "utf-8") is not None:
        return Decoded(data.decode("utf-8"), "utf-8", f"{prefix}utf-8 (valid utf-8)")
    codec = _detect(data)
    # Multi-byte CJK codecs accept each other's bytes, so a clean decode proves little and
    # the detector sometimes names a sibling (big5 for GBK, euc-kr ...). Score each clean
    # candidate by how ordinary its Chinese characters are and keep the best.
    candidates: list[str] = []
    for name in (codec, "gb18030", "big5hkscs"):
        if name and name not in candidates:
            candidates.append(name)
    best: tuple[float, str, str] | None = None
    for name in candidates:
        text = _try(data, name)
        if text is None:
            continue
        score = _han_plausibility(text)
        if score is None:
            score = 0.0 if name == codec else -1.0  # no Chinese: trust the detector
        if best is None or score > best[0]:
            best = (score, name, text)
    if best is not None:
        how = "detected" if best[1] == codec else "plausibility"
        return Decoded(best[2], best[1], f"{prefix}{best[1]} ({how})")
    if codec:
        return Decoded(
            data.decode(codec, errors="replace"),
            codec,
            f"{prefix}{codec} (detected, errors=replace)",
        )
    return Decoded(
        data.decode("gb18030", errors="replace"), "gb18030", f"{prefix}gb18030 (errors=replace)"
    )


def _use_declared(data: bytes, label: str, source: str) -> Decoded | None:
    """Decode with a declared charset unless the bytes contradict it (then None)."""
    codec = _codec_name(label)
    if codec is None:
        return None
    if label.strip().lower() in _WEAK_DECLARATIONS and _looks_cjk_misread(data):
        return None
    text = _try(data, codec)
    if text is None and codec == "big5hkscs":
        text = _try(data, "cp950")
        codec = "cp950" if text is not None else codec
    if text is None:
        return None
    decision = f"{source}:{label.strip().lower()}" + (
        f" as {codec}" if codec != label.strip().lower() else ""
    )
    if codec == "utf-8":
        return Decoded(text, codec, decision)
    if codec.startswith(("gb", "big5", "cp95")):
        # GBK and Big5 byte ranges overlap, so the wrong one of the two decodes "cleanly"
        # into nonsense. Check that the Chinese reads as Chinese; if another CJK codec
        # reads clearly better, the declaration is contradicted.
        mine = _han_plausibility(text)
        if mine is not None:
            for other in ("gb18030", "big5hkscs"):
                if other == codec:
                    continue
                alt = _try(data, other)
                score = _han_plausibility(alt) if alt is not None else None
                if score is not None and score > mine + CODEC_OVERRIDE_MARGIN:
                    return None
        return Decoded(text, codec, decision)
    # Single-byte codecs accept almost any bytes; a page that is valid UTF-8 with
    # non-ASCII content is far more likely UTF-8 mislabelled than real latin-1.
    if any(b >= 0x80 for b in data[:DETECT_SAMPLE_BYTES]) and _try(data, "utf-8") is not None:
        return None
    return Decoded(text, codec, f"{source}:{label.strip().lower()}")


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode raw page bytes. ``declared`` is the charset from the HTTP header, if any.

    The decision string says which evidence won, e.g. "bom:utf-8", "header:gbk as
    gb18030", "meta:utf-8", "detected:gb18030", or "header:utf-8 contradicted ->
    gb18030 (detected)".
    """
    try:
        return _decode(data, declared)
    except Exception as exc:  # noqa: BLE001 - contract: never raise on bad bytes
        text = bytes(data).decode("utf-8", errors="replace")
        return Decoded(text, "utf-8", f"error {type(exc).__name__} -> utf-8 (errors=replace)")


def _decode(data: bytes, declared: str | None) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            text = _try(body, codec)
            if text is not None:
                return Decoded(text, codec, f"bom:{codec}")
            return Decoded(
                body.decode(codec, errors="replace"), codec, f"bom:{codec} (errors=replace)"
            )

    contradicted: list[str] = []
    if declared and declared.strip():
        got = _use_declared(data, declared, "header")
        if got is not None:
            return got
        contradicted.append(f"header:{declared.strip().lower()}")

    meta = _sniff_markup(data[:SNIFF_BYTES])
    if meta:
        got = _use_declared(data, meta, "meta")
        if got is not None:
            if contradicted:
                return Decoded(
                    got.text, got.charset, f"{contradicted[0]} contradicted -> {got.decision}"
                )
            return got
        contradicted.append(f"meta:{meta.strip().lower()}")

    prefix = f"{' and '.join(contradicted)} contradicted -> " if contradicted else ""
    return _detected(data, prefix)
