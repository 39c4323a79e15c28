"""Superlative answers over the knowledge base: which region has the most products.

Part of ask; imports core and the ask helpers beside it. Products are counted by the
region they are located in (the stated reason is kept with each `located_in` fact); a
count claim listing the winning region's products is reported beside the tally, with
its mismatch (文中称7个，实际列举6个).
"""

from __future__ import annotations

from collections import defaultdict

from industry_atlas.ask.compose import Finding
from industry_atlas.ask.counts import claim_summary, claims_listing
from industry_atlas.ask.evidence import asked_dates, date_matches, finding, joined
from industry_atlas.ask.products import product_kinds
from industry_atlas.ask.question import Intent, Part
from industry_atlas.core.models import StoredFact
from industry_atlas.core.protocols import AskReader

METHOD = "facts:most_products"
_COUNT_WORDS = frozenset({"数量", "数", "个数", "款数", "总数"})


def most_products(part: Part, store: AskReader) -> Finding | None:
    """Answer "which city has the most (humanoid robots)" by counting the products of the
    asked kinds and years per region."""
    kinds = product_kinds(part.keywords)
    if not part.has(Intent.MOST) or not part.has(Intent.PLACE) or not kinds:
        return None
    counted = [w for w in part.keywords if not w.startswith("最") and w not in _COUNT_WORDS]
    if "最多" not in part.text or not counted or not product_kinds(counted[-1:]):
        return None  # "哪个区的产值增速最快", "哪个城市的整机企业最多": not a count of products
    dates = asked_dates(part)
    makes = [
        stored
        for stored in store.facts("makes")
        if stored.fact.qualifiers.get("product_kind") in kinds
        and date_matches(stored.fact.time, dates)
    ]
    by_region = _by_region(store, makes)
    if not by_region:
        return None
    region, products = max(by_region.items(), key=lambda item: len(item[1]))
    text = f"{region}最多，{len(products)}款（{joined(s.fact.object or '' for s in products)}）"
    claims = claims_listing(store, products)
    text += "".join(f"；{claim_summary(claim, part)}" for claim in claims)
    return finding(text, [*products, *claims], METHOD)


def _by_region(store: AskReader, makes: list[StoredFact]) -> dict[str, list[StoredFact]]:
    products = {stored.fact.object: stored for stored in makes}
    located = store.facts_about([name for name in products if name], ["located_in"])
    regions: dict[str, list[StoredFact]] = defaultdict(list)
    for stored in located:
        make = products.get(stored.fact.subject)
        if make is not None and stored.fact.object and make not in regions[stored.fact.object]:
            regions[stored.fact.object].append(make)
    return dict(regions)
