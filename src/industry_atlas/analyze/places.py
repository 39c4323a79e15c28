"""Where things are: names resolved through the admin hierarchy, and `located_in` facts.

Part of analyze; imports core and normalize.regions (the GB/T 2260 hierarchy). A district
or development zone rolls up to its city (a Beijing E-Town policy counts for 北京市); a
national or provincial item stays above the cities.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from industry_atlas.analyze.snapshot import Located
from industry_atlas.core.models import Region, StoredFact
from industry_atlas.normalize.regions import NATIONAL, RegionIndex, region_index

# Which attribution wins when sources disagree: what the text states beats what a lexicon
# knows (docs/facts.md, `located_in` basis).
BASIS_RANK = {"explicit": 0, "name": 1, "context": 2, "maker": 3, "lexicon": 4}


@dataclass(frozen=True, slots=True)
class Attribution:
    """The region of an organization or product, with the fact that says so."""

    region: Region
    basis: str
    fact_id: str


class Places:
    """Region lookups for one analysis run."""

    def __init__(self, located: Iterable[Located], index: RegionIndex | None = None) -> None:
        """Index `located_in` facts by subject; `index` defaults to the shipped hierarchy."""
        self.index = index or region_index()
        self._regions: dict[tuple[str | None, str | None], Region | None] = {}
        candidates: dict[str, list[tuple[Region, str, str]]] = {}
        for row in located:
            region = self._region(row.region_code, row.place)
            if region is not None:
                candidates.setdefault(row.subject, []).append((region, row.basis, row.fact_id))
        self._located = {name: Attribution(*_best(found)) for name, found in candidates.items()}
        self._contains: dict[tuple[str, str], bool] = {}

    def located(self, name: str) -> Attribution | None:
        """Return where an organization or product is, if a fact says so."""
        return self._located.get(name)

    def resolve(self, name: str | None) -> Region | None:
        """Return the region a place name stands for: 北京 -> 北京市, 上海市浦东新区 -> 浦东新区."""
        if not name:
            return None
        if name == NATIONAL.name:
            return NATIONAL
        return self.index.lookup(name) or _deepest(self.index, name)

    def region_of_fact(self, stored: StoredFact) -> Region | None:
        """Return the region a fact states (`region_code`, else the `region` name)."""
        qualifiers = stored.fact.qualifiers
        return self._region(
            qualifiers.get("region_code"), qualifiers.get("region") or stored.fact.object
        )

    def _region(self, code: str | None, name: str | None) -> Region | None:
        key = (code, name)
        if key not in self._regions:
            national = NATIONAL if code == NATIONAL.code else None
            region = national or (self.index.by_code(code) if code else None)
            self._regions[key] = region or self.resolve(name)
        return self._regions[key]

    def city(self, region: Region) -> Region | None:
        """Return the city a region lies in (None above city level)."""
        return self.index.city_of(region)

    def full_name(self, region: Region) -> str:
        """Return the name analysts write (上海市浦东新区)."""
        return self.index.full_name(region)

    def contains(self, outer: Region, inner: Region) -> bool:
        """True when `inner` is `outer` or lies inside it (never for a national item)."""
        if inner.code == NATIONAL.code:
            return outer.code == NATIONAL.code
        key = (outer.code, inner.code)
        if key not in self._contains:
            self._contains[key] = self.index.contains(outer, inner)
        return self._contains[key]

    def level(self, region: Region) -> str:
        """Return "national", "province", "city" or "district" (a municipality is a city)."""
        if region.code == NATIONAL.code:
            return "national"
        city = self.city(region)
        if city is not None and city.code == region.code:
            return "city"
        return "district" if city is not None else "province"


def _best(found: list[tuple[Region, str, str]]) -> tuple[Region, str, str]:
    """The attribution (region, basis, fact id) to believe: the best basis, then the region
    most facts name."""
    if len(found) == 1:
        return found[0]
    votes: dict[str, int] = {}
    for region, _, _ in found:
        votes[region.code] = votes.get(region.code, 0) + 1
    return min(
        found,
        key=lambda item: (BASIS_RANK.get(item[1], len(BASIS_RANK)), -votes[item[0].code]),
    )


def _deepest(index: RegionIndex, name: str) -> Region | None:
    matches = index.find(name)
    if not matches:
        return None
    deepest = matches[-1].region
    if all(index.contains(match.region, deepest) for match in matches):
        return deepest
    return None
