"""Compact Chinese character unigram/bigram statistics used to judge text plausibility.

The table ships as ``etl/data/hanzi_freq.tsv.gz``. It was derived once from the word
frequency dictionary that ships with the ``jieba`` segmenter (a general dictionary, not
news text and not this project's gold): every word's frequency is credited to each of its
characters (unigrams) and to each adjacent character pair inside the word (bigrams).
Rebuild with ``python -m etl.parse.charfreq /path/to/jieba/dict.txt`` (jieba is not a
runtime dependency; only the derived table ships).

The statistics are over simplified characters; callers fold traditional text with
OpenCC t2s before looking characters up.
"""

from __future__ import annotations

import gzip
import math
import re
import sys
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA_FILE = "hanzi_freq.tsv.gz"

# How many bigrams to keep: the 60k most frequent within-word pairs cover ordinary
# vocabulary while keeping the shipped file small (~300 KB gzipped).
MAX_BIGRAMS = 60_000

# Log-probability given to a CJK character absent from the table. About one order of
# magnitude below the rarest listed characters (count 1 in ~1e8).
UNKNOWN_HAN_LOGP = -20.0


class CharStats:
    """Unigram and bigram log-probabilities over simplified Chinese characters."""

    __slots__ = ("unigram", "bigram_count", "unigram_count", "total")

    def __init__(self, unigram_count: dict[str, int], bigram_count: dict[str, int]) -> None:
        self.unigram_count = unigram_count
        self.bigram_count = bigram_count
        self.total = float(sum(unigram_count.values())) or 1.0
        self.unigram = {c: math.log(n / self.total) for c, n in unigram_count.items()}

    def logp(self, ch: str) -> float:
        """Unigram log-probability of one simplified character (CJK only)."""
        return self.unigram.get(ch, UNKNOWN_HAN_LOGP)

    def cond_logp(self, prev: str, ch: str, weight: float = 0.6) -> float:
        """log P(ch | prev): bigram relative frequency interpolated with the unigram.

        ``weight`` is the share given to the bigram estimate when the pair is known;
        unseen pairs fall back to the unigram (pairs across word boundaries, such as
        "的" + noun, are not in a word dictionary, so absence is weak evidence).
        """
        uni = self.unigram.get(ch)
        if uni is None:
            return UNKNOWN_HAN_LOGP
        pair = self.bigram_count.get(prev + ch)
        if not pair:
            return uni
        prev_n = self.unigram_count.get(prev, 0)
        if not prev_n:
            return uni
        return math.log(weight * pair / prev_n + (1.0 - weight) * math.exp(uni))


@lru_cache(maxsize=1)
def load_stats() -> CharStats:
    """Load the shipped table once (lazily: importing this module costs nothing)."""
    ref = resources.files("etl").joinpath("data").joinpath(DATA_FILE)
    uni: dict[str, int] = {}
    bi: dict[str, int] = {}
    with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            key, _, count = line.rstrip("\n").partition("\t")
            if len(key) == 1:
                uni[key] = int(count)
            elif len(key) == 2:
                bi[key] = int(count)
    return CharStats(uni, bi)


def build_table(jieba_dict: Path, out: Path) -> None:
    """Derive the shipped table from a jieba-style ``word freq [pos]`` dictionary."""
    han_word = re.compile(r"^[\u3400-\u9fff]+$")
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    for line in jieba_dict.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2 or not han_word.match(parts[0]):
            continue
        word, freq = parts[0], int(parts[1])
        for ch in word:
            uni[ch] += freq
        for a, b in zip(word, word[1:], strict=False):
            bi[a + b] += freq
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for ch, n in uni.most_common():
            fh.write(f"{ch}\t{n}\n")
        for pair, n in bi.most_common(MAX_BIGRAMS):
            fh.write(f"{pair}\t{n}\n")


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    src = Path(sys.argv[1])
    dest = Path(__file__).resolve().parents[1] / "data" / DATA_FILE
    build_table(src, dest)
    print(f"wrote {dest}")
