"""Cluster syndicated copies of a story (a Xinhua report on dozens of portals).

MinHash over character shingles of the simplified body, LSH for candidate pairs, then
connected components; a story's id is the smallest article_id in it, so ids are stable
as long as the cluster's oldest member stays.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zlib
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

# 5-character shingles: long enough that unrelated Chinese texts share few, short enough
# that light edits (a different lead sentence, a dropped caption) keep most shingles.
SHINGLE_CHARS = 5
NUM_PERM = 128
# Jaccard similarity above which two bodies count as the same story. Republished copies
# with different headers/footers score 0.8+; different reports on one topic stay < 0.3.
SIMILARITY_THRESHOLD = 0.6
MIN_BODY_CHARS = 80  # too short to tell a copy from a coincidence
MINHASH_SCHEME = "affine32"  # datasketch 2's default; stated so stored values stay readable
SEED = 1  # fixed, so signatures (and clusters) are reproducible
# Shingles are hashed with CRC-32 (C, stable across processes): half the cost of the
# default SHA-1 and plenty of spread for 5-character shingles; MinHash permutes it anyway.

_NOISE = re.compile(r"[\W_]+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE_CHARS) -> set[bytes]:
    """Character k-grams of the text without spaces and punctuation."""
    compact = _NOISE.sub("", unicodedata.normalize("NFKC", text)).lower()
    return {compact[i:i + k].encode("utf-8") for i in range(max(len(compact) - k + 1, 0))}


@functools.cache
def _permutations() -> np.ndarray:
    # What MinHash draws from SEED on every construction (~0.2 ms, as much as hashing a
    # page's shingles); drawn once per process instead.
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=MINHASH_SCHEME).permutations


def signature(text: str) -> bytes | None:
    """The body's MinHash as bytes (NUM_PERM little-endian uint32), or None when the body
    is too short to tell a copy from a coincidence. Computed once per parse and stored, so
    clustering only compares stored signatures."""
    grams = shingles(text)
    if len(grams) < MIN_BODY_CHARS // SHINGLE_CHARS:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32, scheme=MINHASH_SCHEME,
                 permutations=_permutations())
    mh.update_batch(sorted(grams))
    return mh.hashvalues.astype("<u4").tobytes()


def _minhash(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype="<u4").astype(np.uint64)
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme=MINHASH_SCHEME,
                   permutations=_permutations())


def cluster_signatures(items: Iterable[tuple[str, bytes | None]]) -> dict[str, str]:
    """Map each article_id to its story_id, given (article_id, stored signature) pairs;
    an article without a signature is a story of its own."""
    ordered = sorted(items, key=lambda item: item[0])
    parent = {aid: aid for aid, _ in ordered}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    lsh = MinHashLSH(threshold=SIMILARITY_THRESHOLD, num_perm=NUM_PERM)
    seen: dict[str, MinHash] = {}
    for aid, blob in ordered:
        if not blob:
            continue
        sig = _minhash(blob)
        for other in lsh.query(sig):
            if seen[other].jaccard(sig) >= SIMILARITY_THRESHOLD:
                a, b = find(aid), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        lsh.insert(aid, sig)
        seen[aid] = sig
    return {aid: find(aid) for aid, _ in ordered}


def cluster_stories(articles: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map each article_id to its story_id, given (article_id, simplified body) pairs."""
    return cluster_signatures((aid, signature(body or "")) for aid, body in articles)
