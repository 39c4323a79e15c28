"""Near-duplicate detection: syndicated copies of one article are linked to the first copy.

Part of ingest; imports only core. A fingerprint is a one-permutation MinHash of the text's
character 5-shingles: the hash space is cut into 128 bins and each bin keeps the smallest
shingle hash that falls into it. Every shingle is hashed once (a 128-permutation MinHash
hashes it 128 times), which keeps ingest fast, and the fraction of equal bins estimates
the Jaccard similarity as well. Locality-sensitive banding (16 bands of 8 bins) gives
the lookup keys: documents sharing a band are candidates, confirmed with the full
estimate. The keys live in an indexed SQL table, so memory stays flat as a corpus grows.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

SHINGLE_CHARS = 5
BINS = 128
BAND_BINS = 8  # with 16 bands, a J=0.9 pair shares a band with probability > 0.9999
_BIN_SHIFT = np.uint64(64 - 7)  # the top 7 bits of a hash pick one of 128 bins
_VALUE_MASK = np.uint64((1 << 57) - 1)
_EMPTY = np.uint64(2**64 - 1)
_IGNORED = re.compile(r"[\s\W_]+")
_MULTIPLIER = np.uint64(0x100000001B3)
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A 128-bin MinHash signature (little-endian uint64 per bin)."""

    signature: bytes

    def bins(self) -> np.ndarray:
        """Return the signature as an array of 128 unsigned integers."""
        return np.frombuffer(self.signature, dtype="<u8")

    @property
    def lookup_keys(self) -> tuple[int, ...]:
        """One signed 64-bit key per band, for an SQL index."""
        keys = []
        for band in range(0, BINS, BAND_BINS):
            digest = hashlib.blake2b(
                bytes([band]) + self.signature[band * 8 : (band + BAND_BINS) * 8], digest_size=8
            ).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return tuple(keys)


def fingerprint(text: str) -> Fingerprint:
    """Return the MinHash fingerprint of the 5-character shingles of `text`.

    Whitespace and punctuation are ignored, so a re-wrapped or re-punctuated copy keeps
    its fingerprint.
    """
    content = _IGNORED.sub("", text)
    codes = np.frombuffer(content.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if len(codes) < SHINGLE_CHARS:
        codes = np.pad(codes, (0, SHINGLE_CHARS - len(codes)))
    count = len(codes) - SHINGLE_CHARS + 1
    hashes = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(SHINGLE_CHARS):
            hashes = (hashes ^ codes[offset : offset + count]) * _MULTIPLIER
        hashes = (hashes ^ (hashes >> np.uint64(31))) * _MIX
    signature = np.full(BINS, _EMPTY, dtype=np.uint64)
    np.minimum.at(signature, (hashes >> _BIN_SHIFT).astype(np.intp), hashes & _VALUE_MASK)
    return Fingerprint(signature.astype("<u8").tobytes())


def similarity(left: Fingerprint, right: Fingerprint) -> float:
    """Estimate the Jaccard similarity of the two shingle sets (equal bins / used bins)."""
    a, b = left.bins(), right.bins()
    used = (a != _EMPTY) | (b != _EMPTY)
    if not used.any():
        return 1.0
    return float(((a == b) & used).sum() / used.sum())


def best_match(
    print_: Fingerprint, candidates: Iterable[tuple[str, Fingerprint]], threshold: float
) -> tuple[str, float] | None:
    """Return (doc_id, similarity) of the first candidate at least `threshold` similar.

    Candidates come oldest first, so a copy links to the first copy of the article.
    """
    for doc_id, candidate in candidates:
        score = similarity(print_, candidate)
        if score >= threshold:
            return doc_id, score
    return None
