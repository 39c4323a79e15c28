"""Passages and search terms: what the full-text index stores and what a question is matched on.

Imports only the standard library and core. The store cuts every document into passages
(sentences) and indexes their terms; `ask` turns a question into the same terms, so both
sides must share these two functions. Terms are CJK character bigrams (a lone CJK
character stays a unigram), lower-cased ASCII words and digit runs, all on the
width-folded text: bigrams need no word list and match "机器人" inside "人形机器人".
"""

from __future__ import annotations

import re

from industry_atlas.core.text import CJK_RUN, CLOSING_QUOTES, fold_width, is_cjk

_PASSAGE_END = frozenset("。！？!?；;")
_HEADING_MAX_CHARS = 40
_TABLE_CELLS = 2
_CONTINUATIONS = frozenset("，,、。；;：:）)")
_AMOUNT_TAILS = frozenset("万亿千百元%％个家台款项倍")
_BREAK_CANDIDATE = re.compile("[。！？!?；;\n]")
_RUN = re.compile(r"[A-Za-z0-9]+|[^\W\d_A-Za-z]+")


def passage_spans(text: str) -> list[tuple[int, int]]:
    """Cut a document text into passages: sentences and short lines (headings, datelines).

    A line break ends a passage only after end punctuation, after a short line or before
    a blank line, so a sentence hard-wrapped over two lines stays whole.

    Returns:
        Half-open (start, end) offsets, whitespace trimmed, in text order.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for found in _BREAK_CANDIDATE.finditer(text):  # only these characters can end a passage
        index, char = found.start(), found.group()
        if char in _PASSAGE_END and not _closing_follows(text, index):
            _add_span(text, start, index + 1, spans)
            start = index + 1
        elif char == "\n" and _line_break_ends_passage(text, start, index):
            _add_span(text, start, index, spans)
            start = index + 1
    _add_span(text, start, len(text), spans)
    return spans


def _closing_follows(text: str, index: int) -> bool:
    return index + 1 < len(text) and text[index + 1] in CLOSING_QUOTES


def _line_break_ends_passage(text: str, start: int, index: int) -> bool:
    line_start = text.rfind("\n", 0, index) + 1
    line = text[max(line_start, start) : index].strip()
    if not line:
        return True
    if line[-1] in _PASSAGE_END or line[-1] in CLOSING_QUOTES or line[-1] in "：:":
        return True
    if line.count("\t") >= _TABLE_CELLS or line.count("｜") >= _TABLE_CELLS:
        return True  # a table row is a passage of its own
    following = text[index + 1 : index + 2]
    if following in _CONTINUATIONS or (line[-1].isdigit() and following in _AMOUNT_TAILS):
        return False  # a sentence wrapped mid-amount ("约为320⏎亿元") or before its punctuation
    if len(text[line_start:index].strip()) <= _HEADING_MAX_CHARS:
        return True  # a heading or a dateline
    return following in {"\n", ""}


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def search_terms(text: str) -> list[str]:
    """Return the index terms of a text, in order (repeats kept, for term frequencies)."""
    return _terms(fold_width(text).lower())


def passage_terms(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """Return `search_terms` of each span of `text`, folding the text once."""
    folded = fold_width(text).lower()
    if len(folded) != len(text):  # a rare letter lower-cases to two characters: one by one
        return [search_terms(text[start:end]) for start, end in spans]
    return [_terms(folded[start:end]) for start, end in spans]


def _terms(folded: str) -> list[str]:
    terms: list[str] = []
    for match in _RUN.finditer(folded):
        run = match.group()
        if not is_cjk(run[0]):
            terms.append(run)
            continue
        for piece in CJK_RUN.findall(run):
            if len(piece) == 1:
                terms.append(piece)
            else:
                terms.extend(map(str.__add__, piece, piece[1:]))  # the bigrams, in C
    return terms
