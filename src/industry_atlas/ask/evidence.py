"""Facts as answer material: their evidence spans, dates and amounts as the source writes them.

Part of ask; imports core, normalize and the ask helpers beside it. Shared by the
structured answerers, so every one cites and formats facts the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from industry_atlas.ask.compose import Finding, format_date
from industry_atlas.ask.question import AnchorKind, Part
from industry_atlas.core.models import PartialDate, Quantity, Span, StoredFact
from industry_atlas.core.text import fold_width
from industry_atlas.normalize.numbers import PER_MILLION_TOKENS, find_quantities
from industry_atlas.normalize.regions import region_index

_BARE_NUMBER = re.compile(
    r"(?<![\d.])(?P<number>\d+(?:\.\d+)?)(?P<scale>千万|百万|万|亿|K|M|B)?(?![\d.])"
)
_SCALES = {
    "千万": 10**7,
    "百万": 10**6,
    "万": 10**4,
    "亿": 10**8,
    "K": 10**3,
    "M": 10**6,
    "B": 10**9,
}
_QUALIFIER_WORDS = {">": "超过", ">=": "不少于", "<": "不到", "<=": "最高", "~": "约"}


def finding(text: str, facts: Sequence[StoredFact], method: str) -> Finding:
    """Build a finding that cites every evidence span of `facts`."""
    spans = tuple(dict.fromkeys(span for stored in facts for span in stored.fact.evidence))
    ids = tuple(dict.fromkeys(stored.fact_id for stored in facts))
    return Finding(text, spans, method, ids)


def anchor_names(part: Part, *kinds: AnchorKind) -> list[str]:
    """Return every form of the part's anchors of `kinds` (regions by their full names)."""
    names = []
    index = region_index()
    for anchor in part.anchors:
        if anchor.kind not in kinds:
            continue
        if anchor.region is not None:
            names.append(index.full_name(anchor.region))
        names.extend(anchor.forms)
    return list(dict.fromkeys(names))


def asked_dates(part: Part) -> list[PartialDate]:
    """Return the dates a part restricts to: its calendar dates, else its years."""
    if part.dates:
        return list(part.dates)
    return [PartialDate(int(a.text)) for a in part.anchors if a.kind is AnchorKind.YEAR]


def date_matches(time: PartialDate | None, asked: Sequence[PartialDate]) -> bool:
    """True when no date is asked for, or `time` falls within one of the asked dates."""
    if not asked:
        return True
    if time is None:
        return False
    return any(
        time.year == date.year
        and (date.month is None or time.month == date.month)
        and (date.day is None or time.day == date.day)
        for date in asked
    )


def date_order(time: PartialDate | None) -> tuple[int, int, int]:
    """A key that sorts dates earliest first and a missing date before all."""
    return time.sort_key() if time is not None else (0, 0, 0)


def when_text(time: PartialDate | None) -> str:
    """Return a fact's date as Chinese text, or "" when it has none."""
    return format_date(time) if time is not None else ""


def written_amount(facts: Sequence[StoredFact]) -> str:
    """Return the amount of facts sharing one piece of evidence as the evidence writes it
    ("突破了170亿元", "100多亿元", a range "500至1000台"), else a plain rendering of the
    typed values."""
    found = [_written(stored) for stored in facts]
    located = [item for item in found if item is not None]
    # a price is stored per million tokens, whatever count its text prices
    is_price = any(
        s.fact.quantity and s.fact.quantity.unit.endswith(PER_MILLION_TOKENS) for s in facts
    )
    if len(located) == len(found) and located and not is_price:
        span = located[0][0]
        start = min(begin for _, begin, _ in located)
        end = max(finish for _, _, finish in located)
        return span.quote[start:end]
    return "至".join(_plain(s.fact.quantity) for s in facts if s.fact.quantity is not None)


def _written(stored: StoredFact) -> tuple[Span, int, int] | None:
    quantity = stored.fact.quantity
    for span in stored.fact.evidence:
        folded = fold_width(span.quote)
        for match in find_quantities(folded):
            # the qualifier may come from around the amount (the 至 of a range): not compared
            found = match.quantity
            if quantity is not None and (found.value, found.unit) == (
                quantity.value,
                quantity.unit,
            ):
                return span, match.start, match.end
        # the first number of a range ("500至1000台", "5万至10万台") carries no unit of its
        # own, and a number may be cut from the words that give it a unit ("支持128K")
        for bare in _BARE_NUMBER.finditer(folded):
            if quantity is not None and _bare_value(bare) == quantity.value:
                return span, bare.start(), bare.end()
    return None


def _bare_value(match: re.Match[str]) -> Decimal:
    return Decimal(match["number"]) * _SCALES.get(match["scale"] or "", 1)


def _plain(quantity: Quantity) -> str:
    value = quantity.value
    if quantity.unit == "元" and value >= 10**8:
        number, unit = value / 10**8, "亿元"
    elif quantity.unit == "元" and value >= 10**4:
        number, unit = value / 10**4, "万元"
    else:
        number, unit = value, quantity.unit
    word = _QUALIFIER_WORDS.get(quantity.qualifier.value, "")
    return f"{word}{number.normalize():f}{unit}"


def joined(items: Iterable[str]) -> str:
    """Join names the Chinese way: 甲、乙、丙."""
    return "、".join(dict.fromkeys(item for item in items if item))
