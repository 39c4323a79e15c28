"""Value answers from `metric` facts: an indicator of a region, organization or product.

Part of ask; imports core and the ask helpers beside it. The subject comes from the
question's anchors (the most specific region: 上海浦东 -> 上海市浦东新区), the indicator
from its content words matched against the fact's indicator words and evidence, the
period from the years it names. Amounts are shown as the source writes them.
"""

from __future__ import annotations

import re

from industry_atlas.ask.compose import Finding
from industry_atlas.ask.cues import cues, expand_abbreviations
from industry_atlas.ask.evidence import (
    asked_dates,
    date_matches,
    date_order,
    finding,
    when_text,
    written_amount,
)
from industry_atlas.ask.question import Anchor, AnchorKind, Intent, Part
from industry_atlas.ask.retrieval import coverage
from industry_atlas.core.models import Qualifier, Quantity, StoredFact
from industry_atlas.core.protocols import AskReader
from industry_atlas.core.text import fold_width
from industry_atlas.normalize.regions import region_index

KIND = "metric"
METHOD = "facts:metric"
MIN_MATCH = 0.75
PREDICATE_FIT = 0.3
MIN_FIT = 0.34
BOUND_FIT = 0.3
_CHANGE_WORDS = ("同比", "环比", "增长", "增速", "占比", "比重")
_QUARTER = re.compile("(?<![A-Za-z])Q[1-4]")
_QUARTER_LABEL = re.compile(r"\dQ")
_HALF_LABEL = re.compile(r"\dH")
_BOUNDS = {"upper": (Qualifier.LE, Qualifier.LT), "lower": (Qualifier.GE, Qualifier.GT)}
_SIZE_ASKED = re.compile("什么规模|多大规模")


def metric_value(part: Part, store: AskReader) -> Finding | None:
    """Answer a value or count question from the best-matching metric of each subject the
    question names (several subjects: one line each, for 分别/相比 questions)."""
    asks_size = _SIZE_ASKED.search(part.text) is not None  # "营业收入达到什么规模"
    if not (part.has(Intent.VALUE, Intent.COUNT) or asks_size) or not part.keywords:
        return None
    lines, cited = [], []
    for subject in _subjects(part):
        facts = store.facts_about(subject, [KIND])
        best = _best_metrics(part, facts, subject)
        if best:
            rivals = _rivals(best[0], facts)
            measures: dict[str, list[StoredFact]] = {}  # a range is one measure, two ends
            for stored in best:
                measures.setdefault(stored.fact.predicate, []).append(stored)
            lines.append(
                "；".join(_describe(measure) for measure in measures.values())
                + "".join(f"；另一来源称{written_amount([rival])}" for rival in rivals)
            )
            cited.extend([*best, *rivals])
    if not cited:
        return None
    return finding("；".join(lines), cited, METHOD)


def _subjects(part: Part) -> list[list[str]]:
    """Return the name forms of each subject; a region inside another named region
    replaces it (上海浦东 asks about 浦东)."""
    index = region_index()
    regions = [anchor for anchor in part.anchors if anchor.region is not None]
    specific = [
        anchor
        for anchor in regions
        if not any(_inside(other, anchor) for other in regions if other is not anchor)
    ]
    subjects = [[index.full_name(a.region), *a.forms] for a in specific if a.region is not None]
    # 珠三角, 长三角: regions of several provinces, named rather than coded
    subjects += [
        list(a.forms) for a in part.anchors if a.kind is AnchorKind.REGION and not a.region
    ]
    entities = [a for a in part.anchors if a.kind is AnchorKind.ENTITY]
    subjects += [list(anchor.forms) for anchor in entities]
    return subjects


def _inside(inner: Anchor, outer: Anchor) -> bool:
    """True when `inner` is a region strictly inside `outer`."""
    if inner.region is None or outer.region is None or inner.region == outer.region:
        return False
    return region_index().contains(outer.region, inner.region)


def _best_metrics(part: Part, facts: list[StoredFact], names: list[str]) -> list[StoredFact]:
    """Return the metric that best fits the question, with the other end of its range
    when the text gives one ("500至1000台": two facts on one piece of evidence)."""
    scored = _scored_metrics(part, facts, names)
    of_period = [item for item in scored if _period_agrees(part, item[0])]
    scored = of_period or scored  # "2025年营收" is the year's, not its fourth quarter's
    if not scored:
        return []

    def rank(item: tuple[StoredFact, float]) -> tuple[float, int, tuple[int, int, int], int]:
        held, nearness = _closeness(part, item[0])
        return (
            item[1],
            held,
            date_order(item[0].fact.time) if part.asks_latest else (0, 0, 0),
            nearness,
        )

    best, best_score = max(scored, key=rank)
    if part.asked_bound and not _bound_fit(part, best.fact.quantity):
        return []  # "奖励上限": a 10% rate is no cap; the text may state the cap apart
    held = _closeness(part, best)[0]
    return [
        stored
        for stored, score in scored
        if stored.fact.subject == best.fact.subject
        and (
            (stored.fact.predicate, stored.fact.time, stored.fact.evidence)
            == (best.fact.predicate, best.fact.time, best.fact.evidence)
            or (_sibling(stored, best, score, best_score) and _closeness(part, stored)[0] == held)
        )
    ]


def _sibling(stored: StoredFact, best: StoredFact, score: float, best_score: float) -> bool:
    """Another measure the same sentence states in the same unit that fits the question as
    well: "API价格" asks for both the 输入价格 and the 输出价格 of "输入每百万tokens 1元、
    输出每百万tokens 4元"."""
    quantity, best_quantity = stored.fact.quantity, best.fact.quantity
    return (
        score == best_score
        and quantity is not None
        and best_quantity is not None
        and quantity.unit == best_quantity.unit
        and stored.fact.time == best.fact.time
        and stored.fact.predicate != best.fact.predicate
        and any(
            span.start < other.end and other.start < span.end
            for span in stored.fact.evidence
            for other in best.fact.evidence
        )
    )


def _rivals(best: StoredFact, facts: list[StoredFact]) -> list[StoredFact]:
    """Other documents' values of the same indicator, subject and time: sources that
    disagree ("工业机器人产量 8.2万套" here, "1.6万套" there) are both shown, not one chosen."""
    fact, seen = best.fact, {best.fact.quantity}
    if len(fact.predicate) < 4 or fact.predicate.startswith(_CHANGE_WORDS):
        return []  # "同比增长" alone may measure another thing in each source
    rivals = []
    for stored in facts:
        other = stored.fact
        if (
            stored.doc_id != best.doc_id
            and (other.subject, other.predicate, other.time)
            == (fact.subject, fact.predicate, fact.time)
            and other.quantity is not None
            and fact.quantity is not None
            and other.quantity.unit == fact.quantity.unit
            and other.quantity not in seen
        ):
            seen.add(other.quantity)
            rivals.append(stored)
    return rivals


def _scored_metrics(
    part: Part, facts: list[StoredFact], names: list[str]
) -> list[tuple[StoredFact, float]]:
    """The metrics of the subject that fit the question, each with how well."""
    dates = asked_dates(part)
    units = cues().count_units
    weights = dict.fromkeys(part.keywords, 1.0)
    asks_change = _is_change(part.text)
    scored = []
    for stored in facts:
        fact = stored.fact
        if fact.subject not in names or not date_matches(fact.time, dates):
            continue
        if asks_change != _is_change(fact.predicate):
            continue  # "营收是多少" is not answered by its growth, nor "同比增长多少" by the amount
        if part.has(Intent.COUNT) and (fact.quantity is None or fact.quantity.unit not in units):
            continue
        if fact.quantity is not None and not part.admits_unit(fact.quantity.unit):
            continue  # "总投资多少" is not answered by a capacity of 100万套
        if written_amount([stored]) in part.premises:
            continue  # "销售额首次突破1亿元的…奖励多少": the question's own figure
        quotes = expand_abbreviations(fold_width(" ".join(span.quote for span in fact.evidence)))
        predicate = expand_abbreviations(fact.predicate)
        score = coverage(weights, predicate, quotes)
        fit = _fit(part.keywords, predicate)
        # an indicator mostly made of other words is about something else; the words of
        # the other parts count ("这轮融资是什么轮次、金额多少": B轮融资金额 is the amount)
        if score < MIN_MATCH or _fit((*part.keywords, *part.context_words), predicate) < MIN_FIT:
            continue
        score += PREDICATE_FIT * fit + BOUND_FIT * _bound_fit(part, fact.quantity)
        scored.append((stored, score))
    return scored


def _period_agrees(part: Part, stored: StoredFact) -> bool:
    """True when the figure is of the kind of period asked (by the part, or the part
    before it): a quarter for "第三季度", a half for "上半年", else a whole year or none."""
    label = stored.fact.qualifiers.get("time_text", "")
    asked = " ".join((part.text, *part.context_words))  # "上半年营收多少？年增多少？"
    asks_quarter = "季度" in asked or _QUARTER.search(asked) is not None
    return (asks_quarter, "半年" in asked) == (
        _QUARTER_LABEL.search(label) is not None,
        _HALF_LABEL.search(label) is not None,
    )


def _is_change(text: str) -> bool:
    return any(word in text for word in _CHANGE_WORDS)


def _closeness(part: Part, stored: StoredFact) -> tuple[int, int]:
    """How many of the words the question's other parts name the evidence holds, and how
    near its end the farthest of them stands (negated): of "净利润29.9亿元，同比增长40.2%；
    扣非净利润27.6亿元，同比增长35.8%", "归母净利润…？同比增长多少？" asks for 40.2%."""
    quotes = expand_abbreviations(fold_width(" ".join(span.quote for span in stored.fact.evidence)))
    found = [quotes.rfind(word) for word in part.context_words]
    held = [at for at in found if at >= 0]
    return len(held), min(held, default=-len(quotes)) - len(quotes)


def _bound_fit(part: Part, quantity: Quantity | None) -> float:
    """Return 1 when the question asks for a bound (最高奖励) and the amount is one."""
    if quantity is None:
        return 0.0
    for name, words in cues().bounds.items():
        if any(word in part.text for word in words) and quantity.qualifier in _BOUNDS[name]:
            return 1.0
    return 0.0


def _fit(keywords: tuple[str, ...], predicate: str) -> float:
    """Return the share of the indicator words the question's words account for (营业收入
    fits "营业收入" fully, "占营业收入的比重" by half)."""
    # "B轮融资金额": 金额 is what any sum is, and asks nothing of its own
    said = len(predicate) - 2 if predicate.endswith("金额") else len(predicate)
    covered = set(range(said, len(predicate)))
    for word in keywords:
        start = predicate.find(word)
        if start >= 0:
            covered.update(range(start, start + len(word)))
    return len(covered) / len(predicate) if predicate else 0.0


def _describe(facts: list[StoredFact]) -> str:
    fact = facts[0].fact
    when = when_text(fact.time)
    period = fact.qualifiers.get("time_text", "")
    scope = "，".join(item for item in (when, period) if item)
    return (
        f"{fact.subject}{fact.predicate}"
        + (f"（{scope}）" if scope else "")
        + (f"：{written_amount(facts)}")
    )
