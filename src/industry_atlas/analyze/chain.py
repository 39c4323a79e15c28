"""The industry chain: upstream components -> robot bodies and models -> applications,
with the companies (and their regions) at each node.

Part of analyze; imports core, normalize.regions (through places) and analyze. Upstream
nodes are the component categories of the industry's domain pack, filled with the
suppliers read from text (derive.py); midstream nodes are the makers of robot bodies and
of models (`makes` facts); downstream nodes the application scenes products are used in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from industry_atlas.analyze.derive import Reading, derive
from industry_atlas.analyze.ledger import Item, build_ledger
from industry_atlas.analyze.model import Chain, ChainMember, ChainNode, Derived
from industry_atlas.analyze.places import Places
from industry_atlas.analyze.profile import DEFAULT_INDUSTRY, Profile, load_profile
from industry_atlas.analyze.snapshot import Snapshot, read_snapshot
from industry_atlas.core.allocation import collector_paused
from industry_atlas.core.errors import ConfigError
from industry_atlas.core.models import FactKind, Region
from industry_atlas.core.protocols import KnowledgeReader

_MODEL_KINDS = ("llm",)


@dataclass(frozen=True, slots=True)
class ChainOptions:
    """Which chain: the industry, and a region to keep members of (None: all)."""

    industry: str = DEFAULT_INDUSTRY
    region: str | None = None


@collector_paused()
def build_chain(store: KnowledgeReader, options: ChainOptions) -> Chain:
    """Return the industry chain with the companies and regions at each node.

    Raises:
        ConfigError: for an unknown industry or region name.
    """
    profile = load_profile(options.industry)
    snapshot = read_snapshot(store, windows=True)
    return chain_of(snapshot, profile, options.region)


def chain_of(snapshot: Snapshot, profile: Profile, region_name: str | None = None) -> Chain:
    """Compute the chain of a snapshot already read."""
    places = Places(snapshot.located)
    within = places.resolve(region_name) if region_name else None
    if region_name and within is None:
        raise ConfigError(f"unknown region {region_name!r} (Tip: e.g. 深圳 or 广东省)")
    ledger = build_ledger(snapshot, places, profile)
    labels = profile.vocabulary.labels
    nodes = [
        *_upstream(ledger.suppliers, profile, places),
        _midstream(
            "bodies",
            labels["bodies"],
            ledger.products,
            places,
            exclude=_MODEL_KINDS,
            snapshot=snapshot,
        ),
        _midstream(
            "models",
            labels["models"],
            _models(snapshot, places),
            places,
            exclude=(),
            snapshot=snapshot,
        ),
        *_downstream(snapshot, profile, places),
    ]
    if within is not None:
        nodes = [_keep(node, within, places) for node in nodes]
    return Chain(profile.industry.id, tuple(nodes))


def _upstream(suppliers: Sequence[Item], profile: Profile, places: Places) -> list[ChainNode]:
    categories = dict.fromkeys(profile.industry.components.values())
    nodes = []
    for category in sorted(categories):
        members = [
            _member(item, [s for s in item.derived if s.category == category], places)
            for item in suppliers
            if category in item.tags
        ]
        nodes.append(ChainNode("upstream", category, category, category, tuple(members)))
    return nodes


def _midstream(
    key: str,
    label: tuple[str, str],
    products: Sequence[Item],
    places: Places,
    *,
    exclude: tuple[str, ...],
    snapshot: Snapshot,
) -> ChainNode:
    makers: dict[str, ChainMember] = {}
    for item in products:
        if snapshot.product_kinds.get(item.name) in exclude:
            continue
        maker = item.detail or item.name
        old = makers.get(maker)
        terms = (*old.terms, item.name) if old else (item.name,)
        ids = (*old.fact_ids, *item.fact_ids) if old else item.fact_ids
        region = old.region if old else _name(item.region, places)
        makers[maker] = ChainMember(maker, region, terms, tuple(dict.fromkeys(ids)))
    return ChainNode("midstream", key, label[0], label[1], tuple(makers.values()))


def _models(snapshot: Snapshot, places: Places) -> list[Item]:
    models = []
    for stored in snapshot.of(FactKind.MAKES):
        fact = stored.fact
        name = snapshot.name(fact.object or "")
        kind = snapshot.product_kinds.get(name) or fact.qualifiers.get("product_kind")
        if kind not in _MODEL_KINDS:
            continue
        where = places.located(fact.subject) or places.located(fact.object or "")
        region = where.region if where else None
        ids = (stored.fact_id, where.fact_id) if where else (stored.fact_id,)
        models.append(Item(name, region, ids, fact.time, snapshot.name(fact.subject)))
    return models


def _downstream(snapshot: Snapshot, profile: Profile, places: Places) -> list[ChainNode]:
    vocabulary = profile.vocabulary
    reading = Reading(
        "applies", vocabulary.applications, vocabulary.application_cues, lambda _: True
    )
    by_scene: dict[str, dict[str, list[Derived]]] = {}
    for statement in derive(snapshot.windows, reading):
        by_scene.setdefault(statement.category, {}).setdefault(statement.subject, []).append(
            statement
        )
    nodes = []
    for scene in dict.fromkeys(vocabulary.applications.values()):
        users = by_scene.get(scene, {})
        members = [_applied(name, statements, places) for name, statements in users.items()]
        nodes.append(ChainNode("downstream", scene, scene, scene, tuple(members)))
    return nodes


def _applied(name: str, statements: list[Derived], places: Places) -> ChainMember:
    where = places.located(name)
    terms = tuple(dict.fromkeys(statement.term for statement in statements))
    ids = (where.fact_id,) if where else ()
    return ChainMember(
        name, _name(where.region if where else None, places), terms, ids, tuple(statements)
    )


def _member(item: Item, statements: Iterable[Derived], places: Places) -> ChainMember:
    chosen = tuple(statements)
    terms = tuple(dict.fromkeys(statement.term for statement in chosen))
    return ChainMember(item.name, _name(item.region, places), terms, item.fact_ids, chosen)


def _name(region: Region | None, places: Places) -> str | None:
    return places.full_name(region) if region is not None else None


def _keep(node: ChainNode, within: Region, places: Places) -> ChainNode:
    members = tuple(
        member
        for member in node.members
        if member.region is not None
        and (inside := places.resolve(member.region)) is not None
        and places.contains(within, inside)
    )
    return ChainNode(node.stage, node.key, node.zh, node.en, members)
