"""Product answers from `makes`, `located_in` and `event` facts: who made it, when it came
out, which products a region has, and when an organization was founded or a centre opened.

Part of ask; imports core and the ask helpers beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from industry_atlas.ask.compose import Finding
from industry_atlas.ask.counts import claim_items, claim_summary, claims_listing
from industry_atlas.ask.cues import cues
from industry_atlas.ask.evidence import (
    anchor_names,
    asked_dates,
    date_matches,
    finding,
    joined,
    when_text,
)
from industry_atlas.ask.question import SPECIFIC_KINDS, AnchorKind, Intent, Part
from industry_atlas.core.models import PartialDate, StoredFact
from industry_atlas.core.protocols import AskReader
from industry_atlas.normalize.regions import region_index

METHOD_MAKER = "facts:maker"
METHOD_WHEN = "facts:when"
METHOD_MODEL = "facts:model"
METHOD_REGION = "facts:region_products"
_EVENT_VERBS = {
    "founding": "成立",
    "establishment": "成立",
    "release": "发布",
    "financing": "完成融资",
    "policy_issue": "印发",
}
# "型号是什么": the designation of a maker's product ("哪款" and "叫什么名字" are read
# from the passages: a platform has a name too, and a maker's facts may miss a product)
_ASKS_MODEL = re.compile(r"型号")
# "推出的第一款灵巧手叫什么": a maker's first product of a kind, which its facts can name
_FIRST_OF_KIND = re.compile(
    "(?:首款|第一款|首台|第一台)(?P<noun>人形机器人|机器人|灵巧手|减速器|丝杠|电机|传感器"
    "|关节模组|执行器|大模型|模型|芯片)"
)
_ASKS_NAME = re.compile("叫什么|什么名字|名字是什么|名称是什么")
_FIRST_REACH = 24  # characters before a product that may call it the first of its kind
_MAKING_VERBS = (
    "推出",
    "发布",
    "研发",
    "研制",
    "制造",
    "生产",
    "打造",
    "开发",
    "出品",
    "出自",
    "造的",
    "做的",
    "备案",  # a generative-AI service is filed by the company that offers it
)
_PRODUCT_CUES = ("款", "推出", "发布", "研发", "研制")
_PRODUCT_COUNT = re.compile(r"(?:几|多少)[个款台](?:[^，。？?、]{0,4})(?:机器人|模型)")
# "全年出货了多少台人形机器人": robots shipped, made or bought are units, not models
_FLOW_BEFORE = re.compile("(?:出货|交付|销售|卖出|售出|生产|部署|采购|订购|下线)了?$")
# after the products counted, words other than these say what is counted of them
_COUNT_TAIL = re.compile(r"(?:推出|发布|研发|研制|了|的|[\s？?。！!，,])*")
# The kinds extraction gives an event (SCHEMA.md); the cue table's other families are
# verbs that events of kind "other" state in their detail.
_FIXED_EVENT_KINDS = frozenset(
    {"founding", "establishment", "release", "launch", "financing", "policy_issue"}
)
_EVERY_KIND = _FIXED_EVENT_KINDS | {"other"}  # what a question naming no event asks about
# Content words of a question -> the product kinds (makes.product_kind) they ask about.
_PRODUCT_WORDS = {
    "机器人": ("humanoid_robot", "other"),
    "人形": ("humanoid_robot", "other"),
    "模型": ("llm",),
    "大模型": ("llm",),
    "部件": ("component",),
    "零部件": ("component",),
}


def maker(part: Part, store: AskReader) -> Finding | None:
    """Answer "which company launched X" from the makes facts of the named product."""
    if not part.has(Intent.WHO) or part.has(Intent.QUOTE):
        return None
    if not any(word in part.text for word in _MAKING_VERBS):
        return None  # "Walker S2的灵巧手由哪家公司提供" asks about a supplier
    if any(title in part.keywords for title in cues().names["titles"]):
        return None  # "研发紫东太初的研究院，院长是谁" asks for a person
    names = anchor_names(part, AnchorKind.ENTITY, AnchorKind.CODE, AnchorKind.QUOTED)
    makes = [s for s in store.facts_about(names, ["makes"]) if s.fact.object in names]
    if not makes:
        return None
    text = "；".join(_made(stored) for stored in makes)
    return finding(text, makes, METHOD_MAKER)


def model_of(part: Part, store: AskReader) -> Finding | None:
    """Answer "北特科技新出的那款丝杠型号是什么" from the named maker's makes facts: the
    newest product for 新/最新, else every one, newest first; and "湘岳智能推出的第一款灵巧
    手叫什么" from the product the source calls the maker's first of that kind."""
    first = _FIRST_OF_KIND.search(part.text)
    if not _ASKS_MODEL.search(part.text) and not (first and _ASKS_NAME.search(part.text)):
        return None
    names = anchor_names(part, AnchorKind.ENTITY)
    makes = [s for s in store.facts_about(names, ["makes"]) if s.fact.subject in names]
    if first is not None:
        makes = [s for s in makes if _called_first(store, s, first["noun"])]
    if not makes:
        return None
    # a date read from the context ("计划2026年…") is no launch date to order or state by
    makes.sort(key=lambda stored: _date_key(_stated_date(stored)), reverse=True)
    newest: dict[str | None, StoredFact] = {}
    for stored in makes:
        newest.setdefault(stored.fact.object, stored)  # one line per product
    products = list(newest.values())
    chosen = products[:1] if "新" in part.text else products
    text = "；".join(
        f"{s.fact.object}（{s.fact.subject}{when_text(_stated_date(s))}推出）" for s in chosen
    )
    return finding(text, chosen, METHOD_MODEL)


def _called_first(store: AskReader, stored: StoredFact, noun: str) -> bool:
    """True when the source names the product right after calling it the first of the kind
    asked about ("公司发布首款灵巧手XY-Hand12")."""
    product = stored.fact.object or ""
    for span in stored.fact.evidence:
        if span.quote != product:
            continue
        text = store.get_document(span.doc_id).text
        before = text[max(0, span.start - _FIRST_REACH) : span.start]
        if re.search(f"(?:首款|第一款|首台|首个)[^，。；]{{0,8}}{re.escape(noun)}", before):
            return True
    return False


def _date_key(date: PartialDate | None) -> str:
    return date.iso() if date is not None else ""


def _stated_date(stored: StoredFact) -> PartialDate | None:
    return stored.fact.time if stored.fact.qualifiers.get("date_basis") == "sentence" else None


def release_date(part: Part, store: AskReader) -> Finding | None:
    """Answer "when" from the dated makes facts of a named product (or the products of a
    named maker), else from the dated events of the named entity."""
    if not part.has(Intent.WHEN) or part.version:
        return None  # "星火X1初版": which version a fact dates, it does not say; passages do
    names = anchor_names(part, AnchorKind.ENTITY, AnchorKind.CODE, AnchorKind.QUOTED)
    facts = store.facts_about(names, ["makes", "event"])
    kinds, verbs = _event_kinds(part)
    makes = [stored for stored in facts if stored.fact.kind == "makes"]
    names_product = any(stored.fact.object in names for stored in makes)
    if not names_product and anchor_names(part, AnchorKind.CODE):
        return None  # "科大讯飞的星火X1": a model no fact dates, not the maker's other ones
    # a launch date is trusted when its own sentence states it, not inferred from context
    products = [
        stored
        for stored in makes
        if stored.fact.qualifiers.get("date_basis") == "sentence"
        and (stored.fact.object if names_product else stored.fact.subject) in names
    ]
    events = [s for s in facts if s.fact.kind == "event" and s.fact.subject in names]
    if "release" not in kinds or not any(stored.fact.time for stored in products):
        products = []
    events = [s for s in events if s.fact.predicate in kinds and _states(s, verbs)]
    years = {int(anchor.text) for anchor in part.anchors if anchor.kind is AnchorKind.YEAR}
    dated = [
        stored
        for stored in (products or events)
        if stored.fact.time is not None
        and (not years or stored.fact.time.year in years)  # "2024世界人工智能大会…哪一天"
        and _states_asked(stored, part, bool(verbs) or kinds != _EVERY_KIND)
    ]
    if not dated:
        return None
    # sources that say the same thing say it once ("2025年1月20日，DeepSeek推出DeepSeek-R1"
    # from three articles), each still cited
    said = dict.fromkeys(f"{when_text(s.fact.time)}，{_happened(s)}" for s in dated)
    return finding("；".join(said), dated, METHOD_WHEN)


def region_products(part: Part, store: AskReader) -> Finding | None:
    """Answer "which / how many (humanoid robots) does a region have, and by whom" from
    the products located in each named region, their makers, and the count claims that
    list them."""
    kinds = product_kinds(part.keywords)
    regions = [anchor.region for anchor in part.anchors if anchor.region is not None]
    is_specific = any(anchor.kind in SPECIFIC_KINDS for anchor in part.anchors)
    if not part.has(Intent.LIST, Intent.WHO, Intent.COUNT) or not kinds or not regions:
        return None
    if is_specific or not _asks_products(part):
        return None  # "苏州有哪几家零部件企业" asks for companies, not products
    dates = asked_dates(part)
    lines, cited = [], []
    for region in dict.fromkeys(regions):
        made = products_in(store, region_index().full_name(region), kinds)
        made = [stored for stored in made if date_matches(stored.fact.time, dates)]
        if made:
            line, listed = _region_line(store, region.name, made, part)
            lines.append(line)
            cited.extend([*made, *listed])
    if not cited:
        return None
    return finding("；".join(lines), cited, METHOD_REGION)


def _asks_products(part: Part) -> bool:
    """True for "有哪几款/哪些…推出" and for a count of products ("有几个人形机器人"), not
    of something said about them ("大模型有多少款通过备案", "有多少款大模型完成备案",
    "从业人员有多少人")."""
    if part.has(Intent.COUNT):
        counted = _PRODUCT_COUNT.search(part.text)
        return (
            counted is not None
            and _COUNT_TAIL.fullmatch(part.text, counted.end()) is not None
            and _FLOW_BEFORE.search(part.text, 0, counted.start()) is None
        )
    return any(word in part.text for word in _PRODUCT_CUES)


def _region_line(
    store: AskReader, region: str, made: list[StoredFact], part: Part
) -> tuple[str, list[StoredFact]]:
    """Describe a region's products, the other items a text lists alongside them, and a
    stated count that differs from the list."""
    products = joined(_made(stored) for stored in made)
    line = (
        f"{region}：{len(made)}款（{products}）"
        if part.has(Intent.COUNT)
        else f"{region}：{products}"
    )
    cited: list[StoredFact] = []
    names = {stored.fact.object for stored in made}
    for claim in claims_listing(store, made):
        extra = [item for item in claim_items(claim) if item not in names]
        extra_makes = [s for s in store.facts_about(extra, ["makes"]) if s.fact.object in extra]
        summary = claim_summary(claim, part)
        if summary.startswith("文中称"):
            line += f"；{summary}"
        if extra:
            described = {s.fact.object: _made(s) for s in extra_makes}
            line += f"；文中同一列举还有{joined(described.get(i, i) for i in extra)}"
        cited.extend([claim, *extra_makes])
    return line, cited


def products_in(store: AskReader, region: str, kinds: Sequence[str]) -> list[StoredFact]:
    """Return the makes facts of the products (of `kinds`) located in a region."""
    located = store.facts_about([region], ["located_in"])
    names = [stored.fact.subject for stored in located if stored.fact.object == region]
    makes = [s for s in store.facts_about(names, ["makes"]) if s.fact.object in names]
    kept = [s for s in makes if s.fact.qualifiers.get("product_kind") in kinds]
    return list({stored.fact.object: stored for stored in kept}.values())


def product_kinds(keywords: Sequence[str]) -> tuple[str, ...]:
    """Return the product kinds a question's content words ask about (机器人, 大模型 ...)."""
    kinds = [kind for word in keywords for kind in _PRODUCT_WORDS.get(word, ())]
    return tuple(dict.fromkeys(kinds))


def _event_kinds(part: Part) -> tuple[set[str], set[str]]:
    """Return the event kinds the part's verbs ask about (every kind when it names none)
    and the verbs an event of no fixed kind must state to answer: "一期哪一年投产" is not
    answered by "2018年动工", "哪一年开工" is by "2018年动工" (words of a family are one)."""
    table = cues().events
    named = {kind: words for kind, words in table.items() if any(w in part.text for w in words)}
    if not named:
        return set(_EVERY_KIND), set()
    verbs = {
        word
        for kind, words in named.items()
        if kind not in _FIXED_EVENT_KINDS
        for word in words
        if kind != "other" or word in part.text
    }
    return {kind for kind in named if kind in _FIXED_EVENT_KINDS} | (
        {"other"} if verbs else set()
    ), verbs


def _states_asked(stored: StoredFact, part: Part, names_event: bool) -> bool:
    """A question naming no kind of event asks about the thing its words name: "股东周年大会
    哪天开" is not answered by the company's product launches."""
    if names_event or not part.keywords:
        return True
    said = stored.fact.qualifiers.get("detail", "") + (stored.fact.object or "")
    return any(word in said for word in part.keywords)


def _states(stored: StoredFact, verbs: set[str]) -> bool:
    detail = stored.fact.qualifiers.get("detail", "")
    return stored.fact.predicate != "other" or not verbs or any(v in detail for v in verbs)


def _made(stored: StoredFact) -> str:
    when = when_text(stored.fact.time)
    return f"{stored.fact.object}（{stored.fact.subject}{when}推出）"


def _happened(stored: StoredFact) -> str:
    fact = stored.fact
    if fact.kind == "makes":
        return f"{fact.subject}推出{fact.object}"
    return f"{fact.subject}{_EVENT_VERBS.get(fact.predicate, '')}"
