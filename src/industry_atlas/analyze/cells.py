"""The cells of one region: each indicator's value read from the ledger, with its evidence.

Part of analyze; imports core and analyze. A count with nothing to count and a figure no
source states are both "not disclosed" (value None), never 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from industry_atlas.analyze.ledger import Claim, Item, Ledger
from industry_atlas.analyze.model import Cell, Indicator, date_key
from industry_atlas.analyze.places import Places
from industry_atlas.core.models import Region, StoredFact

_LEVEL_ZH = {"city": "市级", "district": "区级", "province": "省级", "national": "国家级"}


class RegionCells:
    """Reads the cells of regions from one ledger."""

    def __init__(self, ledger: Ledger, places: Places) -> None:
        """Count from `ledger`, placing items with `places`."""
        self.ledger = ledger
        self.places = places
        # Items grouped by region code, per ledger list: a region's items are then found
        # by testing each code once, not each item.
        self._by_code: dict[int, dict[str, tuple[Region, list[Item]]]] = {}
        self._figures: dict[str, tuple[Region, list[StoredFact]]] = {}
        for stored, where in ledger.figures:
            self._figures.setdefault(where.code, (where, []))[1].append(stored)
        self._counters: dict[str, Callable[[Region], Cell]] = {
            "policy_count": self._policy_count,
            "first_policy": lambda region: self._policy_date(region, "first_policy", latest=False),
            "latest_policy": lambda region: self._policy_date(region, "latest_policy", latest=True),
            "makers": lambda region: _count("makers", self._inside(ledger.makers, region)),
            "products": self._products,
            "component_categories": self._categories,
            "suppliers": self._suppliers,
            "platforms": lambda region: _count("platforms", self._inside(ledger.platforms, region)),
            "experts": self._experts,
        }

    def cell(self, region: Region, indicator: Indicator) -> Cell:
        """Return the cell of `indicator` for `region`."""
        if indicator.kind == "figure":
            return self._figure(region, indicator)
        return self._counters[indicator.id](region)

    def _inside(self, items: list[Item], region: Region) -> list[Item]:
        """The items of one of the ledger's lists (cached by list) that lie in `region`."""
        by_code = self._by_code.get(id(items))
        if by_code is None:
            by_code = self._by_code[id(items)] = {}
            for item in items:
                if item.region is not None:
                    by_code.setdefault(item.region.code, (item.region, []))[1].append(item)
        return [
            item
            for where, placed in by_code.values()
            if self.places.contains(region, where)
            for item in placed
        ]

    def _policy_count(self, region: Region) -> Cell:
        policies = self._inside(self.ledger.policies, region)
        levels = Counter(_LEVEL_ZH.get(item.detail, item.detail) for item in policies)
        cell = _count("policy_count", policies)
        return replace(cell, breakdown=tuple(sorted(levels.items())))

    def _policy_date(self, region: Region, indicator: str, *, latest: bool) -> Cell:
        dated = [item for item in self._inside(self.ledger.policies, region) if item.date]
        if not dated:
            return Cell(indicator)
        pick = max if latest else min
        date = pick((item.date for item in dated if item.date), key=date_key)
        chosen = [item for item in dated if item.date == date]
        return Cell(
            indicator,
            date=chosen[0].date,
            items=tuple(item.name for item in chosen),
            fact_ids=_ids(chosen),
        )

    def _products(self, region: Region) -> Cell:
        products = self._inside(self.ledger.products, region)
        years = Counter(str(item.date.year) if item.date else "—" for item in products)
        cell = replace(_count("products", products), breakdown=tuple(sorted(years.items())))
        claims = [claim for claim in self.ledger.claims if self._claims_for(claim, region)]
        if not claims:
            return cell
        stated = max(claims, key=lambda claim: _claimed(claim.stored))
        return replace(
            cell,
            claimed=_claimed(stated.stored),
            note="；".join(self._claim_note(claim, region) for claim in claims),
            fact_ids=cell.fact_ids + tuple(claim.stored.fact_id for claim in claims),
        )

    def _claims_for(self, claim: Claim, region: Region) -> bool:
        """A count claim speaks for a region when most of the products it lists are there."""
        placed = [item for item in self.ledger.products if item.name in claim.items]
        inside = [
            item
            for item in placed
            if item.region is not None and self.places.contains(region, item.region)
        ]
        return bool(placed) and 2 * len(inside) > len(placed)

    def _claim_note(self, claim: Claim, region: Region) -> str:
        fact = claim.stored.fact
        stated = _claimed(claim.stored)
        listed = int(fact.qualifiers.get("enumerated", len(claim.items)))
        note = f"来源称{stated}个，列举{listed}个 (claims {stated}, lists {listed})"
        placed = {item.name: item for item in self.ledger.products if item.name in claim.items}
        elsewhere = [
            f"{name} → {self.places.full_name(item.region)}"
            for name, item in placed.items()
            if item.region is not None and not self.places.contains(region, item.region)
        ]
        if elsewhere:
            note += f"；另计入 (attributed elsewhere): {', '.join(elsewhere)}"
        return f"{fact.subject}: {note}"

    def _categories(self, region: Region) -> Cell:
        suppliers = self._inside(self.ledger.suppliers, region)
        by_category: dict[str, list[str]] = {}
        for item in suppliers:
            for statement in item.derived:
                names = by_category.setdefault(statement.category, [])
                label = f"{item.name}（{statement.term}）"
                if label not in names:
                    names.append(label)
        if not by_category:
            return Cell("component_categories")
        return Cell(
            "component_categories",
            value=Decimal(len(by_category)),
            unit="类",
            items=tuple(
                f"{category}: {'、'.join(names)}" for category, names in by_category.items()
            ),
            fact_ids=_ids(suppliers),
            derived=tuple(statement for item in suppliers for statement in item.derived),
        )

    def _suppliers(self, region: Region) -> Cell:
        suppliers = self._inside(self.ledger.suppliers, region)
        cell = _count("suppliers", suppliers)
        return replace(cell, derived=tuple(s for item in suppliers for s in item.derived))

    def _experts(self, region: Region) -> Cell:
        experts = self._inside(self.ledger.experts, region)
        cell = _count("experts", experts)
        return replace(
            cell,
            items=tuple(f"{item.name}（{item.detail} {'、'.join(item.tags)}）" for item in experts),
        )

    def _figure(self, region: Region, indicator: Indicator) -> Cell:
        candidates = [
            (stored, where)
            for where, figures in self._figures.values()
            if self.places.contains(region, where)
            for stored in figures
            if _matches(stored, indicator)
        ]
        if not candidates:
            return Cell(indicator.id)
        stored, where = min(candidates, key=lambda pair: _preference(pair, region))
        fact = stored.fact
        assert fact.quantity is not None
        return Cell(
            indicator.id,
            value=fact.quantity.value,
            unit=fact.quantity.unit,
            qualifier=fact.quantity.qualifier.value,
            time=str(fact.time) if fact.time else fact.qualifiers.get("time_text"),
            scope=None if where.code == region.code else self.places.full_name(where),
            items=(fact.predicate,),
            fact_ids=(stored.fact_id,),
        )


def _matches(stored: StoredFact, indicator: Indicator) -> bool:
    fact = stored.fact
    assert fact.quantity is not None
    return fact.quantity.unit in indicator.units and any(
        word in fact.predicate for word in indicator.keywords
    )


def _preference(pair: tuple[StoredFact, Region], region: Region) -> tuple[int, int, Decimal]:
    """The region's own figure before a district's, the latest before older, then the largest."""
    stored, where = pair
    fact = stored.fact
    assert fact.quantity is not None
    year = fact.time.year if fact.time else 0
    return (0 if where.code == region.code else 1, -year, -fact.quantity.value)


def _count(indicator: str, items: list[Item]) -> Cell:
    if not items:
        return Cell(indicator)
    return Cell(
        indicator,
        value=Decimal(len(items)),
        unit="个",
        items=tuple(_label(item) for item in items),
        fact_ids=_ids(items),
    )


def _label(item: Item) -> str:
    parts = [item.name]
    if item.date is not None:
        parts.append(str(item.date))
    return " · ".join(parts)


def _ids(items: list[Item]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fact_id for item in items for fact_id in item.fact_ids))


def _claimed(stored: StoredFact) -> int:
    quantity = stored.fact.quantity
    return int(quantity.value) if quantity is not None else 0
