"""Chinese-aware character classes and width folding shared by the stages.

Imports only the standard library. Nothing here changes the length of a text, so offsets
computed on a folded copy are offsets into the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# CJK Unified Ideographs with extensions A-B and the compatibility block.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df"
CJK_CHAR = re.compile(f"[{_CJK}]")
CJK_RUN = re.compile(f"[{_CJK}]+")

SENTENCE_END = frozenset("。！？!?…；;")
CLOSING_QUOTES = frozenset("”’」』）)】》\"'")
# a financing round by name: "B轮", "Pre-A+轮", "天使轮"
ROUND_NAME = re.compile(r"(?:Pre-?)?[A-E]\+{0,2}轮|(?:天使|种子|战略|Pre-IPO)\+?轮")

_FULL_WIDTH_OFFSET = 0xFEE0


def is_cjk(char: str) -> bool:
    """True for a CJK ideograph."""
    return bool(CJK_CHAR.match(char))


def find_all(text: str, needle: str) -> Iterator[tuple[int, int]]:
    """Spans of the non-overlapping occurrences of `needle` in `text`, left to right.

    What `re.finditer(re.escape(needle), text)` finds, without compiling a pattern per
    needle: names found in one document are searched for once each, and compiling them
    cost a tenth of extraction time.
    """
    if not needle:
        return
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        yield start, end
        start = text.find(needle, end)


def fold_width(text: str) -> str:
    """Fold full-width ASCII forms (Ｇ, ２, ＋) and the ideographic space to half width.

    Chinese punctuation such as ，。（） is left alone: it carries meaning for the rules.
    The result has exactly the length of the input.
    """
    return text.translate(_FOLD_TABLE)


_FOLD_TABLE = {
    code: code - _FULL_WIDTH_OFFSET
    for code in range(0xFF01, 0xFF5F)
    if chr(code - _FULL_WIDTH_OFFSET).isalnum() or chr(code - _FULL_WIDTH_OFFSET) in "%+-./:"
}
_FOLD_TABLE[0x3000] = 0x20
