"""Superlative answers over the knowledge base: which region has the most products,
which round of a funding report is the largest.

Part of ask; imports core, normalize and the ask helpers beside it. Products are counted
by the region they are located in (the stated reason is kept with each `located_in`
fact); a count claim listing the winning region's products is reported beside the tally,
with its mismatch (文中称7个，实际列举6个). Rounds are compared by the amounts their
financing events state, each currency on its own: no exchange rate is made up.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from industry_atlas.ask.compose import Finding
from industry_atlas.ask.counts import claim_summary, claims_listing
from industry_atlas.ask.cues import cues
from industry_atlas.ask.evidence import (
    anchor_names,
    asked_dates,
    date_matches,
    date_order,
    finding,
    joined,
    when_text,
)
from industry_atlas.ask.products import product_kinds
from industry_atlas.ask.question import AnchorKind, Intent, Part
from industry_atlas.ask.retrieval import Candidate
from industry_atlas.core.models import PartialDate, StoredFact
from industry_atlas.core.protocols import AskReader
from industry_atlas.core.text import ROUND_NAME
from industry_atlas.normalize.numbers import find_quantities

METHOD = "facts:most_products"
METHOD_ROUND = "facts:largest_round"
METHOD_ROUND_NAME = "facts:round_name"
# "金额最大的一笔融资", "单轮金额最大": the size of a round, not how many rounds
_ROUND_SIZE = re.compile("金额|一笔|单笔|单轮|融资额|融了多少|规模最大")
_ROUND_ASKED = re.compile("轮次|哪一?轮|什么轮|第几轮")  # "这轮融资是什么轮次": its name
_YUAN = "元"
_ROUND_DOCUMENTS = 8  # the documents of the best passages a span of days is looked up in
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


def round_named(part: Part, store: AskReader) -> Finding | None:
    """Answer "溯光智能这轮融资是什么轮次" from the named company's financing events: the
    round its latest one (of the dates asked, if any) names, as its sentence writes it."""
    if not _ROUND_ASKED.search(part.text):
        return None
    names = anchor_names(part, AnchorKind.ENTITY)
    asked = asked_dates(part)
    rounds = [
        (stored, match)
        for stored in store.facts_about(names, ["event"])
        if stored.fact.predicate == "financing"
        and stored.fact.subject in names
        and date_matches(stored.fact.time, asked)
        and (match := ROUND_NAME.search(" ".join(span.quote for span in stored.fact.evidence)))
    ]
    if not rounds:
        return None
    latest, match = max(rounds, key=lambda item: date_order(item[0].fact.time))
    when = when_text(latest.fact.time)
    return finding(
        f"{match.group()}（{latest.fact.subject}{when and f'，{when}'}）",
        [latest],
        METHOD_ROUND_NAME,
    )


def largest_round(part: Part, candidates: list[Candidate], store: AskReader) -> Finding | None:
    """Answer "本周金额最大的一笔融资来自哪家公司" from the financing events of the
    document the best passage is in: the round with the largest amount in 元, and the
    largest in each other currency beside it (a round in 美元 cannot be ranked against
    one in 元 without a rate the sources do not give)."""
    superlative = part.superlative
    if (
        not superlative
        or not cues().superlatives[superlative]
        or "融资" not in part.text
        or not _ROUND_SIZE.search(part.text)
        or not candidates
    ):
        return None
    by_currency: dict[str, list[tuple[Decimal, str, StoredFact]]] = defaultdict(list)
    named: set[str] = set()
    for stored in _rounds_reported(part, candidates, store):
        amount = _round_amount(stored)
        if amount is None or stored.fact.subject in named:
            continue  # one round per company: a report names a round again in its summary
        named.add(stored.fact.subject)
        value, unit, written = amount
        by_currency[unit].append((value, written, stored))
    if not by_currency:
        return None
    currencies = sorted(by_currency, key=lambda unit: (unit != _YUAN, unit))
    best = [max(by_currency[unit], key=lambda item: item[0]) for unit in currencies]
    said = [f"{stored.fact.subject}，{written}" for _, written, stored in best]
    text = said[0] + ("（以人民币计最大）" if len(said) > 1 else "（文中金额最大的一笔）")
    if len(said) > 1:
        text += "；以其他币种计：" + "；".join(said[1:])
    found = finding(text, [stored for _, _, stored in best], METHOD_ROUND)
    return replace(found, figure=best[0][1])


def _rounds_reported(part: Part, candidates: list[Candidate], store: AskReader) -> list[StoredFact]:
    """The events of the document of the best passage; for a question giving a span of
    days ("9月1日至5日这一周"), those dated within it in the documents of the best
    passages."""
    documents = list(dict.fromkeys(c.span.doc_id for c in candidates[:_ROUND_DOCUMENTS]))
    first, last = (part.dates[0], part.dates[-1]) if len(part.dates) >= 2 else (None, None)
    if first is None or last is None:
        return store.facts("event", doc_id=documents[0])
    return [
        stored
        for doc_id in documents
        for stored in store.facts("event", doc_id=doc_id)
        if stored.fact.time is not None and _within(stored.fact.time, first, last)
    ]


def _within(time: PartialDate, first: PartialDate, last: PartialDate) -> bool:
    """True when a date falls between two others; between days, only a date known to
    the day does (a round dated "2025年9月" may be of any week of it)."""
    if first.day is not None and time.day is None:
        return False

    def key(date: PartialDate, default: int) -> tuple[int, int, int]:
        return (date.year, date.month or default, date.day or default)

    return key(time, 99) >= key(first, 0) and key(time, 0) <= key(last, 99)


def _round_amount(stored: StoredFact) -> tuple[Decimal, str, str] | None:
    """The amount a financing event states ("宣布完成超1亿美元B轮"): value, currency and
    the words; None for any other event or a vague amount (数亿元)."""
    if stored.fact.predicate != "financing":
        return None
    detail = stored.fact.qualifiers.get("detail", "")
    for match in find_quantities(detail):
        if match.quantity.unit.endswith(_YUAN):
            return match.quantity.value, match.quantity.unit, detail[match.start : match.end]
    return None
