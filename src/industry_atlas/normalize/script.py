"""Convert traditional Chinese to simplified for analysis, keeping a map back to the original.

Part of normalize; imports only core. Ingest converts documents, ask converts questions. OpenCC's t2s conversion is phrase-aware; it nearly
always keeps the length, and when a phrase changes length the two texts are aligned so
every offset still finds its original character.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache

import opencc

from industry_atlas.core.models import OffsetMap

_TRADITIONAL_SHARE = 0.03


@dataclass(frozen=True, slots=True)
class ConvertedText:
    """Simplified text, whether anything changed, and the map back to the input."""

    text: str
    offset_map: OffsetMap
    was_traditional: bool


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> ConvertedText:
    """Convert `text` to simplified Chinese with OpenCC's t2s profile, when it is written in
    traditional characters: a simplified text keeps its few variant characters (华为昇腾,
    not 升腾), which are names more often than not."""
    simplified = _converter().convert(text)
    if simplified == text or not _is_traditional(text, simplified):
        return ConvertedText(text, OffsetMap(), was_traditional=False)
    if len(simplified) == len(text):
        return ConvertedText(simplified, OffsetMap(), was_traditional=True)
    return ConvertedText(simplified, _align(simplified, text), was_traditional=True)


def simplified(text: str) -> str:
    """`text` converted outright, variants too: to compare two texts whatever script each
    is in ("2350億" is in an answer reading "2350亿"), not to read one."""
    return _converter().convert(text)


def _is_traditional(text: str, simplified: str) -> bool:
    """True when conversion changes a real share of the Chinese characters (in a traditional
    text one in five or so; in a simplified one a stray variant or two)."""
    chinese = sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
    if len(simplified) != len(text):
        return True  # phrase-level changes happen only in traditional text
    changed = sum(1 for a, b in zip(text, simplified, strict=True) if a != b)
    return changed >= max(2, _TRADITIONAL_SHARE * chinese)


def _align(derived: str, original: str) -> OffsetMap:
    anchors = [(0, 0)]
    matcher = difflib.SequenceMatcher(None, derived, original, autojunk=False)
    for tag, d_start, _, o_start, _ in matcher.get_opcodes():
        if (tag != "equal" and (d_start, o_start) != anchors[-1]) or (
            tag == "equal" and d_start - anchors[-1][0] != o_start - anchors[-1][1]
        ):
            anchors.append((d_start, o_start))
    return OffsetMap(tuple(anchors))
