"""Superlatives read from a passage that lists amounts item by item: "先进制造类项目占比约
45%、软件与算法类项目占30%、场景应用类项目占25%" answers "哪一类占比最高".

Part of ask; imports core, normalize and the ask helpers beside it. A passage stating the
superlative itself (是增速最快的板块) is left to `read_answer`, which quotes it; this reader
takes the longest run of consecutive items, each one amount in one unit, and names the
item with the largest (smallest) amount, quoting the whole run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from industry_atlas.ask.compose import Finding, quoted
from industry_atlas.ask.cues import cues
from industry_atlas.ask.question import Part
from industry_atlas.ask.reading import states_superlative
from industry_atlas.ask.retrieval import Candidate
from industry_atlas.core.models import Span
from industry_atlas.core.protocols import AskReader
from industry_atlas.core.text import fold_width
from industry_atlas.normalize.numbers import find_quantities

METHOD = "retrieval:passage"
MIN_ITEMS = 2
READ_DEPTH = 5
MIN_COVERAGE = 0.4
_ITEM_BREAK = re.compile(r"[、，,；;]|和(?=[^，,。；;、]{2,12}[（(]?[+\-−]?\d)")
# what stands between an item's name and its amount ("占比约", "同比增长")
_BEFORE_AMOUNT = re.compile(
    r"(?:[（(]|占比|占|比重|份额|约为|约|为|达到|达|是|的|同比增长|增长|增速|增幅|涨幅|规模|产值|[+\-−])+$"
)
_LEAD = re.compile(r"^(?:其中|其次|此外|另外|以及|而|则)")
_NEGATIVE = frozenset("-−")
_CLOSING = frozenset("）)")  # "北特科技（+16.3%）": the item goes on to its bracket


@dataclass(frozen=True, slots=True)
class _Item:
    """One item of a listing: its name, its amount, and where its amount is written."""

    name: str
    value: Decimal
    unit: str
    start: int
    end: int
    written: str


def read_extreme(part: Part, candidates: list[Candidate], _store: AskReader) -> Finding | None:
    """Answer "which has the most/least" from the first good passage listing two or more
    items with one amount each, unless a passage already says which."""
    superlative = part.superlative
    if superlative is None:
        return None
    ranked = [c for c in candidates[:READ_DEPTH] if c.coverage >= MIN_COVERAGE]
    if any(states_superlative(part, c.span.quote) for c in ranked):
        return None  # "是增速最快的板块": read_answer quotes the passage saying it
    for candidate in ranked:
        run = _longest_run(candidate.span)
        if len(run) < MIN_ITEMS:
            continue
        larger = cues().superlatives[superlative]
        best = (max if larger else min)(run, key=lambda item: item.value)
        if sum(item.value == best.value for item in run) > 1:
            return None  # a tie names no one
        span = candidate.span
        window = Span(span.doc_id, run[0].start, run[-1].end, _slice(span, run))
        statement = f"{best.name}（{best.written}）——{quoted(window.quote)}"
        return Finding(statement, (window,), METHOD, figure=best.written)
    return None


def _slice(span: Span, run: list[_Item]) -> str:
    return span.quote[run[0].start - span.start : run[-1].end - span.start]


def _longest_run(span: Span) -> list[_Item]:
    """The longest run of consecutive items of one unit, each naming what it measures."""
    best: list[_Item] = []
    run: list[_Item] = []
    position = 0
    for piece in _ITEM_BREAK.split(span.quote):
        start = span.quote.find(piece, position)
        position = start + len(piece)
        item = _item(piece, span.start + start)
        if item is None or (run and item.unit != run[0].unit):
            run = [item] if item is not None else []
        else:
            run.append(item)
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= MIN_ITEMS else []


def _item(piece: str, offset: int) -> _Item | None:
    """An item written "name + amount" ("软件与算法类项目占30%", "北特科技（+16.3%）")."""
    found = find_quantities(fold_width(piece))
    if len(found) != 1:
        return None
    match = found[0]
    name = _LEAD.sub("", _BEFORE_AMOUNT.sub("", piece[: match.start]).strip())
    if len(name) < 2:
        return None
    value = match.quantity.value
    if piece[max(0, match.start - 1) : match.start] in _NEGATIVE:
        value = -value
    end = match.end + 1 if piece[match.end : match.end + 1] in _CLOSING else match.end
    written = piece[match.start : match.end]
    return _Item(name, value, match.quantity.unit, offset, offset + end, written)
