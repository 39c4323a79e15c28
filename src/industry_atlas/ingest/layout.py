"""Repair layout artefacts: line breaks that cut a Chinese sentence, word or number range.

Part of ingest; imports only core. Chinese has no spaces between words, so a line break
between two characters of one sentence is an artefact of the page (a hard wrap, a page
break, a blank line pasted in), not a paragraph. "（2023—\\n\\n2025年）" becomes
"（2023—2025年）"; a break after a sentence end, a heading or a byline stays a break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from industry_atlas.core.models import OffsetMap
from industry_atlas.core.text import CLOSING_QUOTES, SENTENCE_END, is_cjk

_BLANK = "[ \t\u3000\u00a0]"
_NEWLINE = r"(?:\r\n|\r|\n|\f)"
_BREAK = re.compile(f"{_BLANK}*{_NEWLINE}(?:{_BLANK}*{_NEWLINE})*{_BLANK}*")
_NEWLINES = re.compile(_NEWLINE)
# Where a line ends in one of these the sentence goes on: a comma, an enumeration mark,
# a dash of a number range, an opening bracket.
_CONTINUATION_END = frozenset("，,、—–-－~～/（(《“‘【[")
_OPENERS = {"（": "）", "(": ")", "《": "》", "【": "】", "[": "]"}
# A line opening like these starts a new block: a heading, a list item, a clause number.
_BLOCK_START = re.compile(
    r"^(?:#|>|[-*•·▪●■◆]\s|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]"
    r"|\d+[、.．]\D|第[一二三四五六七八九十百\d]+[条章节部分])"
)
# A line opening on a block mark is a heading (its commas notwithstanding) when a blank
# line follows it
_HEADING_MARK = re.compile("[■◆●▍▌▶►]")
# A short line with no sentence punctuation is a heading, a byline or a dateline.
_HEADING_MAX_CHARS = 25
_SENTENCE_PUNCTUATION = re.compile("[，、；。,;]")
_NO_LINE_START = frozenset("，。、；：？！”’）》」』】,.;:?!)%")
_ENDS_WITH_DATE = re.compile(r"(?:\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2})\s*$")
# simplified and traditional: layout is repaired before the script is converted
_BYLINE = re.compile(
    r"[记記]者|[编編][辑輯]|[来來]源|作者|通[讯訊]员|[报報]道|[专專][讯訊]|[讯訊电電]）|[|｜]"
)
_BYLINE_MAX_CHARS = 50
# "据记者了解，星动纪元已与…签订产线验证协议，其中包括吉": clauses, not a byline's names
_PROSE_COMMAS = 2
# a comma followed by a clause of its own: a sentence, not a byline's list of names
_CLAUSE_GOES_ON = re.compile("，[^，（）()]{10,}$")
_FORM_SPACING = re.compile("\u3000| {2,}|[|｜\t]")
# a dash standing alone after a column gap: no figure in that cell, not a range going on
_EMPTY_CELL_END = re.compile("(?:\u3000 ?| {2,}|[|｜\t] ?)[—–\\-－]$")
_LONG_LINE_CHARS = 40


@dataclass(frozen=True, slots=True)
class RepairedText:
    """Layout-repaired text and the map from its offsets back to the input."""

    text: str
    offset_map: OffsetMap


def repair_layout(text: str) -> RepairedText:
    """Join lines a layout split mid-sentence and tidy the whitespace around line breaks.

    Kept breaks become "\\n" (one line break in the input) or "\\n\\n" (a blank line).
    """
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = []
    derived = consumed = line_start = 0
    open_brackets = 0
    seen_line = False
    for match in _BREAK.finditer(text):
        start, end = match.span()
        previous_line = text[line_start:start]
        open_brackets += _bracket_balance(previous_line)
        newline_count = len(_NEWLINES.findall(match.group()))
        line_start = end
        if start == 0 or end == len(text):
            replacement = ""
        elif _continues(
            previous_line,
            text[end:],
            newline_count,
            is_first_line=not seen_line,
            has_open_bracket=open_brackets > 0,
        ):
            replacement = " " if _needs_space(text[start - 1], text[end]) else ""
        else:
            replacement = "\n" if newline_count == 1 else "\n\n"
            open_brackets = 0
        seen_line = seen_line or start > 0
        if replacement == match.group():
            continue
        pieces.append(text[consumed:start])
        pieces.append(replacement)
        derived += start - consumed + len(replacement)
        consumed = end
        anchors.append((derived, end))
    pieces.append(text[consumed:])
    return RepairedText("".join(pieces), OffsetMap(_anchors(anchors)))


def _anchors(after_edits: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    anchors = [(0, 0)]
    for derived, original in after_edits:
        if derived == anchors[-1][0]:
            anchors[-1] = (derived, original)
        else:
            anchors.append((derived, original))
    return tuple(anchors)


def _continues(
    previous_line: str,
    rest: str,
    newline_count: int,
    *,
    is_first_line: bool,
    has_open_bracket: bool,
) -> bool:
    """Decide whether the text after a break continues the sentence before it."""
    last, following = previous_line[-1], rest[0]
    if _BLOCK_START.match(rest) or previous_line.startswith("#"):
        return False
    if newline_count > 1 and _HEADING_MARK.match(previous_line):
        return False  # "■谐波减速器：龙头扩产，价格下行" then a blank line: a heading
    if _ends_sentence(previous_line):
        # "…专业观众占比61%；\n现场签约项目42个": a long line cut after a semicolon goes on
        return last in "；;" and newline_count == 1 and len(previous_line) >= _LONG_LINE_CHARS
    if following in _NO_LINE_START:  # Chinese typesetting never starts a line with these
        return True
    if not (_is_wordlike(following) or following in "“‘（(《【"):
        return False
    if _EMPTY_CELL_END.search(previous_line):
        return False  # "其他地区    21.0    —    11.3%    —": a table row's empty cell
    if last in _CONTINUATION_END or has_open_bracket:
        return True
    if is_first_line or _is_furniture(previous_line):
        return False
    numbering = _BLOCK_START.match(previous_line)  # the 、 of "一、审议程序情况" is no comma
    has_punctuation = bool(
        _SENTENCE_PUNCTUATION.search(previous_line, numbering.end() if numbering else 0)
    )
    if newline_count == 1:
        return has_punctuation or len(previous_line) > _HEADING_MAX_CHARS
    return has_punctuation or len(previous_line) >= _LONG_LINE_CHARS


def _is_furniture(line: str) -> bool:
    """A byline, dateline or form line ("记者 张三　2024年1月17日", "来源：新华网")."""
    if _ENDS_WITH_DATE.search(line):
        return True
    if (
        len(line) <= _BYLINE_MAX_CHARS
        and _BYLINE.search(line)
        and "。" not in line
        and line.count("，") < _PROSE_COMMAS
        and not _CLAUSE_GOES_ON.search(line)
    ):
        return True  # a finished sentence, or "记者从…获悉，2024年…" cut by the page, is prose
    return bool(_FORM_SPACING.search(line)) and "，" not in line and "。" not in line


def _ends_sentence(line: str) -> bool:
    last = line[-1]
    if last in SENTENCE_END:
        return True
    return last in CLOSING_QUOTES and len(line) > 1 and line[-2] in SENTENCE_END


def _bracket_balance(line: str) -> int:
    """Count brackets opened and not closed in `line` (closers of earlier lines count too)."""
    return sum(line.count(opener) - line.count(closer) for opener, closer in _OPENERS.items())


def _is_wordlike(char: str) -> bool:
    return char.isalnum() or is_cjk(char)


def _needs_space(before: str, after: str) -> bool:
    """Latin words split over lines get their space back; Chinese characters do not."""
    return before.isascii() and after.isascii() and before.isalnum() and after.isalnum()
