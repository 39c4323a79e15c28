"""Comparisons: which of the names a question lists has the larger (or smaller) amount.

Part of ask; imports core, normalize and the ask helpers beside it. The amounts are the
ones the per-name answers state ("坤维科技：约4500台；宇立仪器：约3000台"); the verdict
is said only when every name has one, all in the same unit, and one of them wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from industry_atlas.ask.compose import Finding
from industry_atlas.ask.cues import cues
from industry_atlas.ask.extraction import first_amounts
from industry_atlas.ask.question import Anchor
from industry_atlas.core.text import fold_width


def with_verdict(
    finding: Finding | None, names: Sequence[Anchor], comparative: str
) -> Finding | None:
    """The per-name finding with the verdict before it ("坤维科技更大。坤维科技：约4500台；
    宇立仪器：约3000台"), or as it is when its amounts cannot be compared."""
    said = verdict(finding, names, comparative)
    if finding is None or said is None:
        return finding
    return replace(finding, text=f"{said}。{finding.text}")


def verdict(finding: Finding | None, names: Sequence[Anchor], comparative: str) -> str | None:
    """ "坤维科技更大" when the finding states an amount for each name ("name：amount"),
    all in one unit, and one of them is the largest (smallest); else None."""
    if finding is None:
        return None
    values = _amount_of_each(fold_width(finding.text), names)
    if values is None:
        return None
    best = max(values) if cues().comparatives[comparative] else min(values)
    if values.count(best) > 1:
        return None  # a tie names no winner
    return f"{names[values.index(best)].text}{comparative}"


def _amount_of_each(text: str, names: Sequence[Anchor]) -> list[Decimal] | None:
    positions = [text.find(fold_width(name.text)) for name in names]
    if any(position < 0 for position in positions):
        return None
    found = first_amounts(text, positions)
    if any(match is None for match in found):
        return None
    quantities = [match.quantity for match in found if match is not None]
    if len({quantity.unit for quantity in quantities}) != 1:
        return None
    return [quantity.value for quantity in quantities]
