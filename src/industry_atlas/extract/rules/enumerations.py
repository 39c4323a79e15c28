"""Split an enumeration ("A、B、C和D") into its items.

Part of the rules extractor; imports nothing from industry_atlas. Only the last 和/及/与
joins two items: names contain them too (智元机器人西南总部及生产基地项目,
工业和信息化部).
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"(、|，以及|，和|，)")
_LAST_JOIN = re.compile(r"(?P<left>.+?)(?:以及|和|及|与)(?P<right>[^和及与]+)")
_QUOTES = "“”\"'‘’「」 "


def split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the (start, end) of each item of the enumeration text[start:end], without
    surrounding quotes and spaces."""
    spans = []
    position = start
    for part in _SEPARATORS.split(text[start:end]):
        if _SEPARATORS.fullmatch(part):
            position += len(part)
            continue
        spans.append((position, position + len(part)))
        position += len(part)
    if spans:
        last_start, last_end = spans.pop()
        joined = _LAST_JOIN.fullmatch(text, last_start, last_end)
        spans.extend(
            [joined.span("left"), joined.span("right")] if joined else [(last_start, last_end)]
        )
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip(_QUOTES)]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _QUOTES:
        start += 1
    while end > start and text[end - 1] in _QUOTES:
        end -= 1
    return start, end
