"""Policy answers from `policy_issued` facts: which policy, when, by whom, who came first.

Part of ask; imports core and the ask helpers beside it. A policy is found by its
《title》, its issuer, or its region (上海 = 上海市), then narrowed to the dates the
question names; each policy is cited by the evidence of its fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from industry_atlas.ask.compose import Finding, quoted
from industry_atlas.ask.cues import cues, is_event_word
from industry_atlas.ask.evidence import (
    anchor_names,
    asked_dates,
    date_matches,
    finding,
    when_text,
)
from industry_atlas.ask.question import AnchorKind, Intent, Part
from industry_atlas.ask.retrieval import Candidate
from industry_atlas.core.models import Region, Span, StoredFact
from industry_atlas.core.protocols import AskReader
from industry_atlas.normalize.regions import RegionIndex, region_index

KIND = "policy_issued"
METHOD = "facts:policy"
METHOD_FIRST = "facts:first_policy"
METHOD_NUMBER = "retrieval:policy_number"
METHOD_IN_FORCE = "facts:policy_in_force"
EVENT_KIND = "event"
_IN_FORCE_WORDS = ("施行", "生效", "实施")
_NUMBER_DEPTH = 8
# 济政办字〔2025〕31号, 国办发[2024]5号: an issuer's code, the year in brackets, a number
_POLICY_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[【（(]\d{4}[〕\]】）)]\s?第?\d+号")
_TITLE_PERIOD = "（"
_TOPIC_WORDS = 2


def first_policy(part: Part, store: AskReader) -> Finding | None:
    """Answer "which of these regions issued a policy first" (or last: 最晚) from the
    earliest dated policy of each region the question names."""
    regions = [anchor.region for anchor in part.anchors if anchor.region is not None]
    is_policy = any(word in part.text for word in cues().intents["policy"])
    if not part.has(Intent.FIRST, Intent.LAST) or not is_policy or len(regions) < 2:
        return None
    index = region_index()
    earliest = []
    for region in dict.fromkeys(regions):
        dated = [s for s in store.facts_in_regions(KIND, [index.full_name(region)]) if s.fact.time]
        if dated:
            earliest.append(min(dated, key=lambda stored: stored.fact.time or 0))
    if not earliest:
        return None
    last = part.has(Intent.LAST) and not part.has(Intent.FIRST)
    earliest.sort(key=lambda stored: stored.fact.time or 0, reverse=last)
    chosen, *others = earliest
    text = f"{_region(chosen)}{'最晚' if last else '最早'}：{when_text(chosen.fact.time)}《{chosen.fact.subject}》"
    if others:
        text += ("；此前为" if last else "；其后为") + "、".join(
            f"{_region(s)}（{when_text(s.fact.time)}《{s.fact.subject}》）" for s in others
        )
    return finding(text, earliest, METHOD_FIRST)


def policy_number(part: Part, candidates: list[Candidate], _store: AskReader) -> Finding | None:
    """Answer "…的发文字号是什么" from the best passage naming the policy that writes a
    document number (文号) of the usual form, or whose line before or after does (an
    official text puts it on a line of its own under the title), cited as written."""
    if not any(word in part.text for word in cues().policy_number_words):
        return None
    for candidate in candidates[:_NUMBER_DEPTH]:
        passage = candidate.span
        found = _POLICY_NUMBER.search(
            candidate.document.text, *_lines_around(candidate.document.text, passage)
        )
        if found:
            number = Span(passage.doc_id, found.start(), found.end(), found[0])
            return Finding(f"{found[0]}——{quoted(passage.quote)}", (passage, number), METHOD_NUMBER)
    return None


def _lines_around(text: str, passage: Span) -> tuple[int, int]:
    """From the start of the line before the passage's to the end of the line after."""
    line_start = text.rfind("\n", 0, passage.start)
    start = text.rfind("\n", 0, line_start) + 1 if line_start > 0 else 0
    line_end = text.find("\n", passage.end)
    end = text.find("\n", line_end + 1) if line_end >= 0 else -1
    return start, end if end >= 0 else len(text)


def policy_lookup(part: Part, store: AskReader) -> Finding | None:
    """Answer which policy (and when, by whom) from the policies the question's title,
    issuer or region selects, narrowed to the dates it names."""
    has_title = any(anchor.kind is AnchorKind.TITLE for anchor in part.anchors)
    names_issuing = any(word in part.text for word in cues().events["policy_issue"])
    asks_which = (
        part.has(Intent.POLICY)
        and part.has(Intent.WHAT, Intent.LIST)
        and _asks_for_policy(part.text)
    )
    asks_issue = (part.has(Intent.POLICY) or has_title) and part.has(Intent.WHEN, Intent.WHO)
    if (not asks_which and not (asks_issue and names_issuing)) or any(
        word in part.text for word in cues().policy_number_words
    ):
        return None  # "杭州行动方案由哪个部门牵头" asks about the plan's content
    dates = asked_dates(part)
    policies = [s for s in _select(part, store) if date_matches(s.fact.time, dates)]
    policies = _on_topic(part, _one_per_title(policies))
    if part.has(Intent.WHEN):  # "何时出台" wants at least the month
        policies = [stored for stored in policies if stored.fact.time and stored.fact.time.month]
    if part.has(Intent.WHO) and not part.has(Intent.WHAT):
        policies = [stored for stored in policies if stored.fact.object]
    if not policies:
        return None
    return finding("；".join(_describe(stored, part) for stored in policies), policies, METHOD)


def policy_in_force(part: Part, store: AskReader) -> Finding | None:
    """Answer when a policy takes effect ("…若干措施是从哪天开始生效的") from the day its
    text says it is in force (an `event` fact "起施行" of that policy)."""
    if not part.has(Intent.WHEN) or not any(word in part.text for word in _IN_FORCE_WORDS):
        return None
    titles = [
        stored.fact.subject for stored in _on_topic(part, _one_per_title(_select(part, store)))
    ]
    in_force = [
        stored
        for stored in store.facts_about(titles, [EVENT_KIND])
        if stored.fact.subject in titles and stored.fact.qualifiers.get("detail") == "起施行"
    ]
    if not in_force:
        return None
    text = "；".join(
        f"{when_text(stored.fact.time)}起施行《{stored.fact.subject}》"
        + (f"，{valid}" if (valid := stored.fact.qualifiers.get("valid")) else "")
        for stored in in_force
    )
    return finding(text, in_force, METHOD_IN_FORCE)


@lru_cache(maxsize=1)
def _policy_asked() -> re.Pattern[str]:
    nouns = "|".join(cues().intents["policy"])
    return re.compile(
        rf"(?:哪|什么|何种)[^，,。？?]{{0,14}}?(?:{nouns})"
        rf"|(?:{nouns})的?(?:全称|名称|名字|标题)?(?:叫|是|为)?(?:什么|哪份|哪个|哪些)"
    )


def _asks_for_policy(text: str) -> bool:
    """True when the question word asks for the policy itself ("发布了哪些人形机器人政策",
    "这份方案叫什么"), not for something in it ("行动计划提出建设的平台叫什么名字")."""
    return _policy_asked().search(text) is not None


def _on_topic(part: Part, policies: list[StoredFact]) -> list[StoredFact]:
    """The policies whose titles name most of the topic a question describes ("人工智能终端
    产业政策": two or more content words); none when no title names it: the one it asks
    about is not among them."""
    policy_words = cues().intents["policy"]
    topic = [
        word
        for word in part.keywords
        if not is_event_word(word) and not any(noun in word for noun in policy_words)
    ]
    if len(topic) < _TOPIC_WORDS:
        return policies
    named = [sum(word in stored.fact.subject for word in topic) for stored in policies]
    best = max(named, default=0)
    if not best:
        return []
    if part.has(Intent.LIST):  # "哪两份涉及人形机器人的政策": every one on the topic
        return policies
    # "…印发的人工智能终端产业政策叫什么": of that month's policies, the one naming most of it
    return [stored for stored, count in zip(policies, named, strict=True) if count == best]


def _select(part: Part, store: AskReader) -> list[StoredFact]:
    titles = anchor_names(part, AnchorKind.TITLE)
    if titles:
        names = titles + [title.split(_TITLE_PERIOD)[0] for title in titles]
        return [s for s in store.facts_about(names, [KIND]) if _title_matches(s, names)]
    issuers = anchor_names(part, AnchorKind.ENTITY)
    by_issuer = [s for s in store.facts_about(issuers, [KIND]) if s.fact.object in issuers]
    if by_issuer:
        return by_issuer
    return _in_regions(part, store)


def _in_regions(part: Part, store: AskReader) -> list[StoredFact]:
    """Return the policies of the regions asked about; a district's policies are its
    city's policies whose title or issuer names the district (北京经开区 -> 北京经济技术开发区)."""
    index = region_index()
    found: list[StoredFact] = []
    for region in (anchor.region for anchor in part.anchors if anchor.region is not None):
        city = index.city_of(region) or region
        policies = store.facts_in_regions(KIND, [index.full_name(region), index.full_name(city)])
        if region != city:
            policies = [s for s in policies if region in _regions_named(s, index)]
        found.extend(policies)
    return found


def _regions_named(stored: StoredFact, index: RegionIndex) -> set[Region]:
    text = stored.fact.subject + (stored.fact.object or "")
    return {match.region for match in index.find(text)}


def _title_matches(stored: StoredFact, names: Sequence[str]) -> bool:
    return stored.fact.subject in names or stored.fact.subject.split(_TITLE_PERIOD)[0] in names


def _one_per_title(policies: list[StoredFact]) -> list[StoredFact]:
    """A policy reported by several documents is listed once, by its best-described fact."""
    best: dict[str, StoredFact] = {}
    for stored in policies:
        current = best.get(stored.fact.subject)
        if current is None or _detail(stored) > _detail(current):
            best[stored.fact.subject] = stored
    return list(best.values())


def _detail(stored: StoredFact) -> int:
    time = stored.fact.time
    precision = 0 if time is None else 1 + (time.month is not None) + (time.day is not None)
    return precision + (stored.fact.object is not None)


def _describe(stored: StoredFact, part: Part) -> str:
    fact = stored.fact
    title = f"《{fact.subject}》"
    when = when_text(fact.time)
    issuer = fact.object or ""
    if part.has(Intent.WHO) and not part.has(Intent.WHAT):
        return f"{issuer}发布{title}" + (f"（{when}）" if when else "")
    details = "，".join(item for item in (issuer, when) if item)
    if part.has(Intent.WHEN):
        return f"{when}，{issuer}印发{title}" if issuer else f"{when}印发{title}"
    return f"{title}（{details}）" if details else title


def _region(stored: StoredFact) -> str:
    return stored.fact.qualifiers.get("region", "")
