"""The things a scorecard counts, each placed in a region: policies, products, makers,
suppliers, innovation platforms, experts, and the regional figures.

Part of analyze; imports core, normalize.regions (through places) and analyze. Built once
per run from a snapshot, so that counting for many regions is a lookup, not a re-read.
The same thing stated by several documents is one item holding every fact id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain

from industry_atlas.analyze.derive import Reading, derive
from industry_atlas.analyze.model import Derived, date_key
from industry_atlas.analyze.places import Places
from industry_atlas.analyze.profile import Profile
from industry_atlas.analyze.snapshot import Snapshot
from industry_atlas.core.models import FactKind, Mention, PartialDate, Region, StoredFact


@dataclass(frozen=True, slots=True)
class Item:
    """One counted thing: its name, region (None: not stated), and its evidence.

    `detail` is the maker of a product, the institution of an expert or the level of a
    policy; `tags` the component categories of a supplier or the titles of an expert.
    """

    name: str
    region: Region | None
    fact_ids: tuple[str, ...]
    date: PartialDate | None = None
    detail: str = ""
    tags: tuple[str, ...] = ()
    derived: tuple[Derived, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """A count the text states for items it lists (count_claim), with the items' names."""

    stored: StoredFact
    items: tuple[str, ...]


@dataclass
class Ledger:
    """Everything counted, by what it is."""

    policies: list[Item] = field(default_factory=list)
    apart: list[Item] = field(default_factory=list)  # national and provincial policies
    products: list[Item] = field(default_factory=list)
    makers: list[Item] = field(default_factory=list)
    suppliers: list[Item] = field(default_factory=list)
    platforms: list[Item] = field(default_factory=list)
    experts: list[Item] = field(default_factory=list)
    unplaced_experts: list[Item] = field(default_factory=list)
    figures: list[tuple[StoredFact, Region]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def build_ledger(snapshot: Snapshot, places: Places, profile: Profile) -> Ledger:
    """Place everything the snapshot states in its region."""
    ledger = Ledger()
    _add_policies(ledger, snapshot, places)
    _add_products(ledger, snapshot, places, profile)
    ledger.suppliers = _suppliers(snapshot, places, profile)
    ledger.platforms = _platforms(snapshot, places, profile)
    ledger.experts, ledger.unplaced_experts = _experts(snapshot, places, profile)
    ledger.figures = _figures(snapshot, places, profile)
    ledger.claims = [
        Claim(stored, tuple(snapshot.name(item) for item in _split(stored)))
        for stored in snapshot.of(FactKind.COUNT_CLAIM)
    ]
    return ledger


def _add_policies(ledger: Ledger, snapshot: Snapshot, places: Places) -> None:
    merged: dict[str, list[Item]] = {}
    for stored in snapshot.of(FactKind.POLICY_ISSUED):
        region = places.region_of_fact(stored)
        if region is None:
            continue
        title = stored.fact.subject
        level = _policy_level(places, region, stored)
        item = Item(title, region, (stored.fact_id,), stored.fact.time, level)
        merged.setdefault(title, []).append(item)
    for item in map(_combined, merged.values()):
        above_city = item.region is None or places.city(item.region) is None
        (ledger.apart if above_city else ledger.policies).append(item)


def _policy_level(places: Places, region: Region, stored: StoredFact) -> str:
    """The level of the issuer: a development-zone committee issues a district-level policy
    even when the policy is filed under its city (北京经济技术开发区 -> 北京市)."""
    named = places.resolve(stored.fact.object) or places.resolve(stored.fact.subject)
    if named is not None and places.contains(region, named):
        return places.level(named)
    return places.level(region)


def _add_products(ledger: Ledger, snapshot: Snapshot, places: Places, profile: Profile) -> None:
    products: dict[str, list[Item]] = {}
    makers: dict[str, list[Item]] = {}
    for stored in snapshot.of(FactKind.MAKES):
        fact = stored.fact
        name, maker = snapshot.name(fact.object or ""), snapshot.name(fact.subject)
        if (
            not name
            or _product_kind(snapshot, name, fact.qualifiers) not in profile.industry.product_kinds
        ):
            continue
        where = (
            places.located(fact.object or "")
            or places.located(name)
            or places.located(fact.subject)
        )
        if where is None:
            continue
        ids = (stored.fact_id, where.fact_id)
        products.setdefault(name, []).append(Item(name, where.region, ids, fact.time, maker))
        maker_at = places.located(fact.subject) or where
        makers.setdefault(maker, []).append(
            Item(maker, maker_at.region, (stored.fact_id, maker_at.fact_id), detail=name)
        )
    ledger.products = [_combined(items) for items in products.values()]
    ledger.makers = [_combined(items) for items in makers.values()]


def _product_kind(snapshot: Snapshot, name: str, qualifiers: Mapping[str, str]) -> str:
    """The product's entity kind, else the kind its `makes` fact gives."""
    kind = snapshot.product_kinds.get(name, "other")
    return qualifiers.get("product_kind", "other") if kind == "other" else kind


def _suppliers(snapshot: Snapshot, places: Places, profile: Profile) -> list[Item]:
    kinds = profile.vocabulary.supplier_kinds

    def accepts(mention: Mention) -> bool:
        return (
            mention.type.value == "org"
            and snapshot.org_kinds.get(mention.normalized, "company") in kinds
        )

    reading = Reading(
        "supplies", profile.industry.components, profile.vocabulary.supply_cues, accepts
    )
    statements = derive(snapshot.windows, reading)
    statements.extend(_stored_supplies(snapshot, profile))
    suppliers: dict[str, list[Item]] = {}
    for statement in statements:
        where = places.located(statement.subject)
        if where is None:
            continue
        item = Item(
            statement.subject,
            where.region,
            (where.fact_id,),
            tags=(statement.category,),
            derived=(statement,),
        )
        suppliers.setdefault(statement.subject, []).append(item)
    return [_combined(items) for items in suppliers.values()]


def _stored_supplies(snapshot: Snapshot, profile: Profile) -> Iterable[Derived]:
    """`supplies` facts, when extraction stores them, read like the derived statements."""
    components = profile.industry.components
    for stored in snapshot.of(FactKind.SUPPLIES):
        term = stored.fact.object or ""
        category = components.get(term) or next(
            (c for w, c in components.items() if w in term), None
        )
        if category is not None:
            yield Derived("supplies", stored.fact.subject, term, category, stored.fact.evidence)


def _platforms(snapshot: Snapshot, places: Places, profile: Profile) -> list[Item]:
    found: dict[str, list[Item]] = {}
    for row in snapshot.located:
        name = row.subject
        if snapshot.org_kinds.get(name) not in profile.platform_kinds:
            continue
        where = places.located(name)
        if where is not None:
            item = Item(name, where.region, (row.fact_id,), detail=snapshot.org_kinds[name])
            found.setdefault(name, []).append(item)
    return [_combined(items) for items in found.values()]


def _experts(snapshot: Snapshot, places: Places, profile: Profile) -> tuple[list[Item], list[Item]]:
    placed: dict[str, list[Item]] = {}
    unplaced: dict[str, list[Item]] = {}
    # a person's main post first, so their institution reads 实验室主任 before 专委会主任
    titles = sorted(
        snapshot.of(FactKind.HOLDS_TITLE),
        key=lambda stored: stored.fact.qualifiers.get("primary") != "yes",
    )
    for stored in titles:
        fact = stored.fact
        institution = fact.object or ""
        if snapshot.org_kinds.get(institution) in profile.talent_excluded_kinds:
            continue
        where = places.located(institution)
        title = (fact.predicate,)
        if where is None:
            item = Item(fact.subject, None, (stored.fact_id,), detail=institution, tags=title)
            unplaced.setdefault(fact.subject, []).append(item)
            continue
        ids = (stored.fact_id, where.fact_id)
        item = Item(fact.subject, where.region, ids, detail=institution, tags=title)
        placed.setdefault(fact.subject, []).append(item)
    experts = []
    for name, items in placed.items():
        expert = _combined(items)
        elsewhere = unplaced.get(name)
        if elsewhere is not None:  # the posts at institutions of no known city count too
            expert = _combined([replace(_combined(elsewhere), region=expert.region), expert])
        experts.append(expert)
    return experts, [_combined(items) for name, items in unplaced.items() if name not in placed]


def _figures(
    snapshot: Snapshot, places: Places, profile: Profile
) -> list[tuple[StoredFact, Region]]:
    """A region's figures about this industry: not 徐汇区's "大模型…上下游企业" on a robot
    scorecard (the figure and the words it rests on name only another industry)."""
    industry = profile.industry
    figures = []
    for stored in snapshot.of(FactKind.METRIC):
        fact = stored.fact
        if fact.qualifiers.get("subject_kind") != "region" or fact.quantity is None:
            continue
        about = fact.predicate + "".join(span.quote for span in fact.evidence)
        if any(word in about for word in industry.off_topic) and not any(
            word in about for word in industry.keywords
        ):
            continue
        if _is_target(fact.time, snapshot.published.get(stored.doc_id)):
            continue
        region = places.resolve(fact.subject)
        if region is not None:
            figures.append((stored, region))
    return figures


def _is_target(time: PartialDate | None, published: PartialDate | None) -> bool:
    """A figure for a year after the document's own is a plan target, not the current base."""
    return time is not None and published is not None and time.year > published.year


def _combined(items: Sequence[Item]) -> Item:
    """One item for several sightings of a thing: every fact id, tag and derived statement
    once, the earliest date, the details joined with ；."""
    first = items[0]
    if len(items) == 1:
        return first
    dates = [item.date for item in items if item.date is not None]
    detail = first.detail
    for item in items[1:]:
        if item.detail not in detail.split("；"):
            detail = f"{detail}；{item.detail}".strip("；")
    return Item(
        first.name,
        first.region,
        tuple(dict.fromkeys(chain.from_iterable(item.fact_ids for item in items))),
        min(dates, key=date_key) if dates else None,
        detail,
        tuple(dict.fromkeys(chain.from_iterable(item.tags for item in items))),
        tuple(chain.from_iterable(item.derived for item in items)),
    )


def _split(stored: StoredFact) -> list[str]:
    return [item for item in stored.fact.qualifiers.get("items", "").split("|") if item]
