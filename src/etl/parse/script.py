"""Script/language detection and simplified folding.

The OpenCC converter is created on first use (building it reads dictionaries, which
should not happen at import time) and then cached for the process.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# CJK Unified Ideographs incl. Extension A and the compatibility block.
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_RE = re.compile(r"[A-Za-z]")

# A page is Chinese when Han characters are at least this share of its letters (Han +
# Latin). Chinese news routinely carries Latin (GDP, AI, URLs, English names), so the
# bar is well below half; English pages quoting a few Chinese names stay far under it.
MIN_HAN_SHARE = 0.3

# Traditional when at least this share of Han characters change under t2s. Simplified
# text has ~0 such characters (only a few shared forms convert); traditional news has
# 15-30%. 5% leaves room for simplified pages quoting a traditional name.
MIN_TRADITIONAL_SHARE = 0.05

# English when Latin letters dominate what is left and there are enough of them to judge.
MIN_LATIN_LETTERS = 20

# Characters sampled for detection; the statistics settle long before this.
SAMPLE_CHARS = 20_000


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc  # local import: keeps module import cheap

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Fold traditional characters to simplified (OpenCC t2s); other text is unchanged."""
    if not text or not _HAN_RE.search(text):
        return text
    return _t2s().convert(text)


def detect_language(text: str) -> str:
    """Classify text as "zh-Hans", "zh-Hant", "en" or "other" from character statistics."""
    sample = text[:SAMPLE_CHARS]
    han = _HAN_RE.findall(sample)
    latin = len(_LATIN_RE.findall(sample))
    if han and len(han) >= MIN_HAN_SHARE * (len(han) + latin):
        chars = "".join(han)
        simplified = to_simplified(chars)
        # t2s is phrase-aware but keeps length for Han text; compare position by position.
        changed = 0 if chars == simplified else sum(
            1 for a, b in zip(chars, simplified, strict=False) if a != b)
        if changed >= MIN_TRADITIONAL_SHARE * len(han):
            return "zh-Hant"
        return "zh-Hans"
    if latin >= MIN_LATIN_LETTERS and latin >= 0.5 * sum(1 for c in sample if c.isalpha()):
        return "en"
    return "other"
