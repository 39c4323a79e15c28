"""Metrics: every amount the text states about a region, organization or product.

Part of the rules extractor; imports core and normalize. An amount's subject is the
nearest region, organization or product before it in its clause; failing that, the
subject of the amount before it in the sentence, then the sentence's first subject.
Pronouns resolve to what they point at (全市 -> the city the document is about,
公司/该公司 -> the last company, 这款机器人 -> the last product); a government body stands
for its region. "两城市…均突破100亿元" gives one metric per city enumerated before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from industry_atlas.core.models import (
    FactKind,
    MentionType,
    PartialDate,
    Qualifier,
    Quantity,
    Region,
)
from industry_atlas.extract.rules.findings import FactDetails, Findings
from industry_atlas.extract.rules.reading import Reading
from industry_atlas.normalize.numbers import QuantityMatch
from industry_atlas.normalize.regions import NATIONAL

_CLAUSE = re.compile(r"[，,；;：:\n（）()]|——")
_NATIONAL = re.compile(
    r"全国|我国|国内|中国(?![\u4e00-\u9fff]{0,6}(?:学会|科学院|电子报|移动|电信|联通|信通院))"
)
_HOME_WORDS = re.compile(r"全市|全省|全区|本市|该市|我市|市内|全县")
_COMPANY_PRONOUN = re.compile(
    r"^(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?)?(?:不过|但|而|同时|此外|其中)?(?:该公司|公司|其(?![中他它余实次]))"
    r"|我们(?:公司)?"
)
# A noun standing for the last organization whose name ends in it: 园区, 该中心, 协会.
_ORG_PRONOUN = re.compile(
    r"^(?:不过|但|而|同时|此外|其中)?(?:该|这个|这一)?(?P<noun>园区|产业园|中心|协会|基地|联盟|平台)"
)
_PRODUCT_PRONOUN = re.compile(r"(?:这款|该款|此款|新款)(?:机器人|产品|模型|大模型)")
_DISTRIBUTIVE = re.compile(r"均|都|各")
_FILLER = re.compile(
    r"^(?:的|在|于|已经|已|目前|今年以来|以来|全年|全部|均|都|也|还|将|可|共|共计|累计|合计|总计)+|"
    r"(?:已经|已|达到|达|为|是|约|超过|突破了|突破|超|逾|实现|可达到|可达|将|均|仅|就|有|共有|共|至|近|高达|预计|"
    r"同比|分别|预计将|力争|达到了|约为|则|了|的|占)+$"
)
_RANGE = re.compile(r"(?P<low>\d+(?:\.\d+)?)\s*(?:至|到|-|—|~|～)\s*$")
_SKIP_BEFORE = re.compile(r"[×x*第这那该]$")
_CONDITION_AFTER = re.compile(r"^(?:以上|以下)?的(?:企业|项目|单位|产品|机构|园区)")
_DURATION_CHAIN = re.compile(r"^\d+分")
_CLAUSE_LEAD = re.compile(r"\s*(?:其中|而|则|另外|此外|同时)?[“\"]?")
_EVENT_AFTER_DATE = re.compile(
    r"^(?:的)?(?:成立|发布|举行|印发|召开|推出|开园|揭牌|签约|上线|开幕|出台)"
)
_EVENT_BEFORE_DATE = re.compile(r"(?:成立于|创立于|始于|成立|创立|自)$")
_ABBREVIATED_PLACE = re.compile(
    r"[“\"]?(?P<abbr>[京沪津渝粤深穗杭甬浙苏锡皖鄂汉蓉川湘鲁闽冀豫])(?:籍|字号)[”\"]?"
)
_NATIONAL_AFTER = re.compile(r"^(?:国内|全国|我国)")
_APPOSITION = re.compile(r"^(?:城市|地|座城市|省|省市|区)")
_GOVERNMENT_KINDS = frozenset({"government"})
_MAX_INDICATOR = 24


@dataclass(frozen=True, slots=True)
class Subject:
    """Something a number can be about, mentioned at [start, end)."""

    start: int
    end: int
    name: str
    kind: str  # "region" | "org" | "product" | "national" | "person"
    entity_kind: str = ""  # an organization's kind (company, research...)


def find_metrics(reading: Reading, findings: Findings, titles: tuple[str, ...]) -> None:
    """Add a `metric` fact per amount with a subject."""
    subjects = [
        s for s in _subjects(reading, findings) if not reading.text.startswith(titles, s.end)
    ]
    previous_subject: dict[int, Subject] = {}
    seen: set[tuple[str, Decimal, str]] = set()
    for match in reading.quantities:
        if _skipped(reading, match):
            continue
        sentence = reading.sentence_at(match.start)
        subject = _subject_for(
            reading, findings, subjects, match, previous_subject.get(sentence.start)
        )
        if subject is None:
            continue
        previous_subject[sentence.start] = subject
        for target in _distributed(reading, subjects, subject, match):
            key = (target.name, match.quantity.value, match.quantity.unit)
            if key not in seen:  # a headline restates a figure of the body
                seen.add(key)
                _record(reading, findings, target, match)


def _subjects(reading: Reading, findings: Findings) -> list[Subject]:
    found: list[Subject] = []
    occupied = bytearray(len(reading.text) + 1)
    for person in findings.of_type(MentionType.PERSON):
        for start, end in person.spans:
            found.append(Subject(start, end, person.name, "person"))
    for type_, kind in ((MentionType.PRODUCT, "product"), (MentionType.ORG, "org")):
        for entity in findings.of_type(type_):
            if entity.kind == "media":
                for start, end in entity.spans:
                    occupied[start:end] = b"\x01" * (end - start)
                continue
            name = entity.name
            if kind == "org" and entity.kind in _GOVERNMENT_KINDS:
                region = _region_of(reading, name)
                if region is None:
                    continue
                name, kind = region, "region"
            for start, end in entity.spans:
                found.append(Subject(start, end, name, kind, entity.kind))
                occupied[start:end] = b"\x01" * (end - start)
    for place in reading.places:
        if not occupied[place.start]:
            found.append(
                Subject(
                    place.start, place.end, _place_name(reading, place.start, place.end), "region"
                )
            )
    for match in _NATIONAL.finditer(reading.text):
        if not occupied[match.start()]:
            found.append(Subject(match.start(), match.end(), NATIONAL.name, "national"))
    for match in _ABBREVIATED_PLACE.finditer(reading.text):
        region = reading.regions.abbreviation(match["abbr"])
        if region is not None and not occupied[match.start()]:
            found.append(
                Subject(match.start(), match.end(), reading.regions.full_name(region), "region")
            )
    home = reading.home_region
    if home is not None:
        for match in _HOME_WORDS.finditer(reading.text):
            found.append(
                Subject(match.start(), match.end(), reading.regions.full_name(home), "region")
            )
    return sorted(_merge_nested_places(reading, found), key=lambda s: s.start)


def _merge_nested_places(reading: Reading, subjects: list[Subject]) -> list[Subject]:
    """ "上海浦东" is one subject: 上海市浦东新区."""
    ordered = sorted(subjects, key=lambda s: s.start)
    merged: list[Subject] = []
    for subject in ordered:
        if (
            merged
            and subject.kind == "region"
            and merged[-1].kind == "region"
            and merged[-1].end == subject.start
        ):
            outer = merged[-1]
            if subject.name.startswith(outer.name.rstrip("市省")) or outer.name in subject.name:
                merged[-1] = Subject(outer.start, subject.end, subject.name, "region")
                continue
        merged.append(subject)
    return merged


def _region_of(reading: Reading, name: str) -> str | None:
    """The place a government body governs, as the text writes a zone (北京经济技术开发区)."""
    places = reading.regions.find(name)
    if not places or places[0].start != 0:
        return None
    surface = name[: places[0].end]
    region = places[0].region
    if not _is_official_name(reading, surface, region):
        return surface
    return reading.regions.full_name(region)


def _place_name(reading: Reading, start: int, end: int) -> str:
    """How a place is reported: its official full name (上海市浦东新区), but a development
    zone or park the way the text names it (北京亦庄)."""
    surface = reading.document.text[start:end]
    region = reading.regions.lookup(surface)
    if region is None or _is_official_name(reading, surface, region):
        return reading.regions.full_name(region) if region else surface
    return surface


def _is_official_name(reading: Reading, surface: str, region: Region) -> bool:
    name = region.name
    return (
        surface == name or name.startswith(surface) or surface in reading.regions.full_name(region)
    )


def _skipped(reading: Reading, match: QuantityMatch) -> bool:
    quantity = match.quantity
    if _SKIP_BEFORE.search(reading.text[max(0, match.start - 1) : match.start]) or reading.in_org(
        match.start
    ):
        return True
    if _APPOSITION.match(reading.text[match.end :]) and reading.places_between(
        max(0, match.start - 4), match.start
    ):
        return True  # "北京和上海两个城市": the count restates a list
    if _CONDITION_AFTER.match(reading.text[match.end :]) or _DURATION_CHAIN.match(
        reading.text[match.end :]
    ):
        return True  # "销售超过100台的企业" is a condition; "2小时40分" a time
    if quantity.value == 1 and quantity.unit in {"个", "家", "款", "位", "名", "项"}:
        return not reading.text[max(0, match.start - 2) : match.start].endswith(
            ("各有", "只有", "仅有")
        )
    return False


def _subject_for(
    reading: Reading,
    findings: Findings,
    subjects: list[Subject],
    match: QuantityMatch,
    previous: Subject | None,
) -> Subject | None:
    sentence = reading.sentence_at(match.start)
    clause_start = max(
        (m.end() for m in _CLAUSE.finditer(reading.text, sentence.start, match.start)),
        default=sentence.start,
    )
    clause = reading.text[clause_start : match.start]
    if _NATIONAL_AFTER.match(reading.text[match.end :]):
        return Subject(match.end, match.end + 2, NATIONAL.name, "national")  # "8家国内大模型企业"
    pronoun = _pronoun_subject(reading, findings, subjects, clause, clause_start)
    in_clause = [s for s in subjects if clause_start <= s.start and s.end <= match.start]
    if in_clause:
        nearest = in_clause[-1]
        if nearest.kind == "person":
            return None
        if pronoun is None or pronoun.start < nearest.start:
            return nearest
    if pronoun is not None:
        return pronoun
    if previous is not None:
        return previous
    in_sentence = [s for s in subjects if sentence.start <= s.start and s.end <= match.start]
    topic = _previous_clause_topic(reading, in_sentence, clause_start) or (
        in_sentence[0] if in_sentence else None
    )
    return None if topic is None or topic.kind == "person" else topic


def _previous_clause_topic(
    reading: Reading, subjects: list[Subject], clause_start: int
) -> Subject | None:
    """The subject opening the clause before: "其中“沪籍”人形机器人数量最多，共有7个"."""
    breaks = [
        m.end()
        for m in _CLAUSE.finditer(reading.text, max(0, clause_start - 60), max(0, clause_start - 1))
    ]
    if not breaks:
        return None
    start = breaks[-1]
    for subject in subjects:
        lead = reading.text[start : subject.start]
        if start <= subject.start < clause_start and _CLAUSE_LEAD.fullmatch(lead):
            return subject
    return None


def _pronoun_subject(
    reading: Reading, findings: Findings, subjects: list[Subject], clause: str, clause_start: int
) -> Subject | None:
    """公司 / 该公司 / 这款机器人: the last company or product before."""
    for pattern, kind in ((_PRODUCT_PRONOUN, "product"), (_COMPANY_PRONOUN, "org")):
        found = pattern.search(clause)
        if found is None:
            continue
        position = clause_start + found.start()
        earlier = [
            s
            for s in subjects
            if s.kind == kind
            and s.end <= position
            and (kind != "org" or s.entity_kind == "company")
        ]
        if earlier:
            last = earlier[-1]
            return Subject(position, clause_start + found.end(), last.name, kind)
    found = _ORG_PRONOUN.search(clause)
    if found is not None:
        position = clause_start + found.start()
        noun = found["noun"]
        earlier = [
            s
            for s in subjects
            if s.kind == "org" and s.end <= position and s.name.endswith(noun[-1])
        ]
        if earlier:
            return Subject(position, clause_start + found.end(), earlier[-1].name, "org")
    return None


def _distributed(
    reading: Reading, subjects: list[Subject], subject: Subject, match: QuantityMatch
) -> list[Subject]:
    """ "北京和上海两个城市…两城市…均已突破100亿元": one subject per enumerated place."""
    sentence = reading.sentence_at(match.start)
    between = reading.text[subject.end : match.start]
    if subject.kind != "region" or not _DISTRIBUTIVE.search(between):
        return [subject]
    regions = [
        s for s in subjects if s.kind == "region" and sentence.start <= s.start < match.start
    ]
    names = list(dict.fromkeys(s.name for s in regions))
    return (
        [Subject(subject.start, subject.end, name, "region") for name in names]
        if len(names) > 1
        else [subject]
    )


def _record(reading: Reading, findings: Findings, subject: Subject, match: QuantityMatch) -> None:
    time, time_text, time_span = _time_for(reading, subject, match)
    indicator = _indicator(reading, subject, match, time_span)
    quantities = _range_quantities(reading, match)
    for quantity in quantities:
        qualifiers = {"subject_kind": subject.kind}
        if time_text:
            qualifiers["time_text"] = time_text
        evidence = [(min(subject.start, match.start), match.end)]
        findings.fact(
            FactKind.METRIC,
            subject.name,
            indicator,
            evidence,
            details=FactDetails(quantity=quantity, time=time, qualifiers=qualifiers),
        )
        findings.mention(
            MentionType.QUANTITY, match.start, match.end, f"{quantity.value} {quantity.unit}"
        )


def _range_quantities(reading: Reading, match: QuantityMatch) -> list[Quantity]:
    """ "500至1000台": at least 500 and at most 1000."""
    quantity = match.quantity
    low = _RANGE.search(reading.text[max(0, match.start - 12) : match.start])
    if low is None:
        return [quantity]
    high = re.search(r"\d+(?:\.\d+)?", reading.text[match.start : match.end])
    factor = (
        quantity.value / Decimal(high.group()) if high and Decimal(high.group()) else Decimal(1)
    )
    return [
        Quantity(Decimal(low["low"]) * factor, quantity.unit, Qualifier.GE),
        Quantity(quantity.value, quantity.unit, Qualifier.LE),
    ]


def _time_for(
    reading: Reading, subject: Subject, match: QuantityMatch
) -> tuple[PartialDate | None, str | None, tuple[int, int] | None]:
    sentence = reading.sentence_at(match.start)
    relative = re.search(
        r"近[一二三四五六七八九十两\d]+年", reading.text[sentence.start : match.start]
    )
    dates = [
        date
        for date in reading.dates_between(sentence.start, match.start)
        if not _EVENT_AFTER_DATE.match(reading.text[date.end : date.end + 4])
        and not _EVENT_BEFORE_DATE.search(reading.text[max(0, date.start - 3) : date.start])
    ]
    if dates:
        last = dates[-1]
        return last.date, None, (last.start, last.end)
    if relative:
        start = sentence.start + relative.start()
        return None, relative.group(), (start, start + len(relative.group()))
    previous = reading.sentence_at(sentence.start - 1) if sentence.start else None
    refers_back = re.search(
        "报告期|全年|当年|同期|期内", reading.text[sentence.start : match.start]
    )
    if previous is not None and refers_back:
        earlier = reading.dates_between(previous.start, previous.end)
        if earlier:  # "发布2024年年度报告。报告期内，公司实现营业收入…"
            return earlier[-1].date, None, None
    return None, None, None


def _indicator(
    reading: Reading, subject: Subject, match: QuantityMatch, time_span: tuple[int, int] | None
) -> str:
    """The words between the subject and the amount, without times and verbs; for a
    count with nothing before it, the noun after it (52个自由度 -> 自由度)."""
    start = subject.end if subject.end <= match.start else match.start
    clause_start = max(
        (m.end() for m in _CLAUSE.finditer(reading.text, start, match.start)), default=start
    )
    text = reading.text[clause_start : match.start]
    if time_span and clause_start <= time_span[0] < match.start:
        text = reading.text[clause_start : time_span[0]] + reading.text[time_span[1] : match.start]
    text = _FILLER.sub("", _FILLER.sub("", text.strip())).strip("“”\"' ")
    if len(text) < 2:
        after = re.match(r"[^，。；、,;（）()]{1,12}", reading.text[match.end :])
        text = (after.group() if after else "") + (
            "数量" if match.quantity.unit in {"家", "个", "款", "项", "台", "人", "名"} else ""
        )
    return text[-_MAX_INDICATOR:] or match.quantity.unit
