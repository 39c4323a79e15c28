"""The region scorecard: which city leads, on which dimension, on what evidence.

Part of analyze; imports core, normalize.regions (through places) and analyze. Reads the
knowledge base once through the store, places everything in its region, counts per region
and scores (scoring.py). Regions are compared at the level asked for: cities by default,
any region given by name otherwise (a province counts everything inside it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from industry_atlas.analyze.cells import RegionCells
from industry_atlas.analyze.ledger import Item, Ledger, build_ledger
from industry_atlas.analyze.model import Expert, Scorecard, TimelineEntry
from industry_atlas.analyze.places import Places
from industry_atlas.analyze.profile import DEFAULT_INDUSTRY, Profile, load_profile
from industry_atlas.analyze.scoring import RawCard, score
from industry_atlas.analyze.snapshot import Snapshot, read_snapshot
from industry_atlas.core.allocation import collector_paused
from industry_atlas.core.errors import ConfigError
from industry_atlas.core.models import Region
from industry_atlas.core.protocols import KnowledgeReader

# What the scorecard counts (events and quotes are not scored).
SCORED_KINDS = ("policy_issued", "makes", "supplies", "holds_title", "metric", "count_claim")


@dataclass(frozen=True, slots=True)
class ScorecardOptions:
    """What to compare: the industry, the regions (None: every city with evidence), weights."""

    industry: str = DEFAULT_INDUSTRY
    regions: tuple[str, ...] | None = None
    weights: Path | None = None


@collector_paused()
def build_scorecard(store: KnowledgeReader, options: ScorecardOptions) -> Scorecard:
    """Compare regions on the dimensions of one industry.

    Raises:
        ConfigError: for an unknown industry or region name, or a bad weights file.
    """
    profile = load_profile(options.industry, options.weights)
    snapshot = read_snapshot(
        store, profile.industry.keywords, windows=True, kinds=SCORED_KINDS, window_types=("org",)
    )
    return scorecard_of(snapshot, profile, options.regions)


def scorecard_of(
    snapshot: Snapshot, profile: Profile, region_names: Sequence[str] | None = None
) -> Scorecard:
    """Compute the scorecard of a snapshot already read."""
    places = Places(snapshot.located)
    ledger = build_ledger(snapshot, places, profile)
    targets = _targets(places, region_names) if region_names else _cities(ledger, places)
    cells = RegionCells(ledger, places)
    raw = [
        RawCard(
            region,
            places.full_name(region),
            tuple(cells.cell(region, indicator) for indicator in profile.indicators),
        )
        for region in targets
    ]
    return Scorecard(
        industry=profile.industry.id,
        dimensions=profile.dimensions,
        indicators=profile.indicators,
        regions=score(raw, profile.dimensions, profile.indicators),
        apart=tuple(_apart(item, places) for item in ledger.apart),
        experts=tuple(
            _expert(item, places) for item in (*ledger.experts, *ledger.unplaced_experts)
        ),
    )


def _targets(places: Places, names: Sequence[str]) -> list[Region]:
    targets = []
    for name in names:
        region = places.resolve(name.strip())
        if region is None:
            raise ConfigError(
                f"unknown region {name.strip()!r} (Tip: write a province, city or district, e.g. 北京 or 上海市浦东新区)"
            )
        targets.append(region)
    return targets


def _cities(ledger: Ledger, places: Places) -> list[Region]:
    """Every city something on the ledger lies in."""
    items: list[Item] = [
        *ledger.policies,
        *ledger.products,
        *ledger.makers,
        *ledger.suppliers,
        *ledger.platforms,
        *ledger.experts,
    ]
    regions = [item.region for item in items if item.region is not None]
    regions += [region for _, region in ledger.figures]
    cities = {city.code: city for city in map(places.city, regions) if city is not None}
    return sorted(cities.values(), key=lambda city: city.code)


def _apart(item: Item, places: Places) -> TimelineEntry:
    name = places.full_name(item.region) if item.region is not None else None
    return TimelineEntry(item.date, "policy", item.name, item.detail, name, item.fact_ids)


def _expert(item: Item, places: Places) -> Expert:
    region = places.full_name(item.region) if item.region is not None else None
    return Expert(item.name, item.detail, item.tags, region, item.fact_ids)
