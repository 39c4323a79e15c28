"""The transparent weighted score of a scorecard (docs/scorecard.md).

Part of analyze; imports core and analyze. An indicator scores 0-100 against the regions
compared: a quantity as its share of the best region's value; a date by how many months
ahead of (or, for recency, after) the others it is. A dimension score is the weighted mean
of its indicator scores, the region's score the weighted mean of its dimension scores. An
undisclosed indicator earns no points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from industry_atlas.analyze.model import Cell, Dimension, DimensionScore, Indicator, RegionCard
from industry_atlas.core.models import PartialDate, Region


@dataclass(frozen=True, slots=True)
class RawCard:
    """A region's cells before scoring."""

    region: Region
    name: str
    cells: tuple[Cell, ...]


def score(
    raw: Sequence[RawCard], dimensions: Sequence[Dimension], indicators: Sequence[Indicator]
) -> tuple[RegionCard, ...]:
    """Score every cell against the other regions, weigh, and rank the regions best first."""
    scored = [list(card.cells) for card in raw]
    for column, indicator in enumerate(indicators):
        cells = [row[column] for row in scored]
        for row, value in zip(scored, _indicator_scores(cells, indicator), strict=True):
            row[column] = replace(row[column], score=value)
    cards = []
    for card, cells in zip(raw, scored, strict=True):
        by_dimension = [_dimension(dimension, cells, indicators) for dimension in dimensions]
        cards.append((card, tuple(cells), tuple(by_dimension), _total(by_dimension, dimensions)))
    cards.sort(key=lambda entry: (-entry[3], entry[0].region.code))
    return tuple(
        RegionCard(card.region, card.name, cells, by_dimension, total, rank)
        for rank, (card, cells, by_dimension, total) in enumerate(cards, start=1)
    )


def _indicator_scores(cells: Sequence[Cell], indicator: Indicator) -> list[float | None]:
    if indicator.kind == "date":
        months = [_months(cell.date) if cell.date else None for cell in cells]
        return _date_scores(months, latest_wins=indicator.direction == "later")
    values = [float(cell.value) if cell.value is not None else None for cell in cells]
    best = max((value for value in values if value is not None), default=None)
    if best is None:
        return [None] * len(cells)
    return [
        None if value is None else (100.0 * value / best if best > 0 else 100.0 * (value == best))
        for value in values
    ]


def _date_scores(months: list[int | None], *, latest_wins: bool) -> list[float | None]:
    known = [month for month in months if month is not None]
    if not known:
        return [None] * len(months)
    first, last = min(known), max(known)
    span = last - first + 1
    return [
        None
        if month is None
        else 100.0 * ((month - first + 1) if latest_wins else (last - month + 1)) / span
        for month in months
    ]


def _months(date: PartialDate) -> int:
    # A date known only to the year counts from its January (docs/scorecard.md).
    return date.year * 12 + (date.month or 1) - 1


def _dimension(
    dimension: Dimension, cells: Sequence[Cell], indicators: Sequence[Indicator]
) -> DimensionScore:
    pairs = [
        (indicator.weight, cell)
        for indicator, cell in zip(indicators, cells, strict=True)
        if indicator.dimension == dimension.id
    ]
    weight = sum(weight for weight, _ in pairs)
    if not any(cell.is_disclosed for _, cell in pairs) or weight <= 0:
        return DimensionScore(dimension.id, None)
    total = sum(weight * (cell.score or 0.0) for weight, cell in pairs)
    return DimensionScore(dimension.id, round(total / weight, 1))


def _total(scores: Sequence[DimensionScore], dimensions: Sequence[Dimension]) -> float:
    weight = sum(dimension.weight for dimension in dimensions)
    if weight <= 0:
        return 0.0
    total = sum(
        dimension.weight * (entry.score or 0.0)
        for dimension, entry in zip(dimensions, scores, strict=True)
    )
    return round(total / weight, 1)
