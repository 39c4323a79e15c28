"""Policies: 《》 titles of policy documents, their issuer, region, issue date and period.

Part of the rules extractor; imports core and normalize. A title is a policy when it ends
like one (方案, 计划, 办法, 意见 …) and is not a publication. The issuer is the
organization named right before the issuing verb ("深圳市有关部门印发的《…》"); the date is
the closest date before the title in its sentence ("同年8月" already resolved), or one
right after it ("《…》于3月印发"); the region comes from the issuer, else from the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from industry_atlas.core.models import FactKind, MentionType, PartialDate, Region
from industry_atlas.core.text import find_all
from industry_atlas.extract.packs import DomainKnowledge
from industry_atlas.extract.rules.findings import FactDetails, Findings
from industry_atlas.extract.rules.reading import Reading
from industry_atlas.normalize.dates import DateMatch
from industry_atlas.normalize.regions import NATIONAL, region_index

_SHORT_NAMED = re.compile(
    r"[（(][^（）()]{0,30}?(?:以下简称|下称|简称)[《“\"](?P<short>[^《》“”\"]{2,16})[》”\"]"
)
_PERIOD = re.compile(r"((?:19|20)\d{2})\s*[—–\-－~～至到]\s*((?:19|20)\d{2})\s*年")
_CLAUSE_BREAK = re.compile("[，。；：,;:\n“”》]")  # 》: a title cited before is no issuer
# A title after one of these is cited, not issued: "首批通过《…》备案", "为贯彻落实《…》".
_CITING = re.compile(
    "通过|根据|按照|依据|贯彻|落实|对照|依照|符合|执行|对标|参照|响应|围绕|结合|据"
)
# Words between an issuer and its verb: "合肥市则在今年4月出台", "武汉市经信局又发布".
_ISSUER_FILLER = re.compile(
    r"(?:则|又|也|还|再|已经|已|正式|近日|日前|先后|相继|分别|同时|今天|今日|当天|当日|昨天|昨日|在|于|联合|共同|\s"
    r"|(?:联同|联合|会同|携手|连同)[^，。；]{0,8}?(?:机构|单位|部门|企业|高校))+$"
)
_ALIAS_BEFORE = re.compile(r"(?:以下简称|下称|简称)\s*$")
_NOTICE = re.compile(r"(?P<issuer>[^\n，。]{2,40}?)关于印发《?(?P<title>[^\n《》]{4,80}?)》?的通知")
_STATUS = re.compile(r"[（(](?:试行|暂行|征求意见稿|修订稿?|草案|送审稿)[）)]\s*$")  # 办法（试行）
_BRACKET_DATE = re.compile(r"[（(][^（）()]{4,12}[）)]")  # "《…》（2025年8月）"
_AFTER_DATE = re.compile(r"^(?:已)?于?$")
_ISSUER_TAIL = re.compile(r"(?:于|在)?$")
# "为贯彻落实陕西省人民政府办公厅…印发的《…》": the purpose is no part of the issuer
_ISSUER_LEAD = re.compile(
    r"[）)]?(?:第[一二三四五六七八九十百\d]+[条章节款]\s*)?"  # ")和湖南省…": after a bracket  # "第一条　为贯彻…": an article's number
    "(?:并|并且)?(?:和|与|及|以及)?(?:为了?|根据|按照|依据)?(?:深入)?(?:贯彻落实|贯彻|落实|接续|对照)?"
)
_ISSUER_PART = re.compile(r"[^\s、]+")  # one of joint issuers
_GROUP_ISSUER = re.compile(r"(?:有关|相关|等)?部门$|等\d*个?部门$")


@dataclass(frozen=True, slots=True)
class PolicyCue:
    """Where a policy was seen: its title span and, if found, issuer and date evidence."""

    title: str
    title_span: tuple[int, int]
    issuer: str | None
    issuer_span: tuple[int, int] | None
    date: PartialDate | None
    date_span: tuple[int, int] | None


def find_policies(reading: Reading, findings: Findings, knowledge: DomainKnowledge) -> None:
    """Add a policy entity, a `policy_issued` fact and an issue event per policy title."""
    cues: dict[str, PolicyCue] = {}
    short_names = {
        _title_at(reading, start, end)
        for start, end in reading.titles
        if _ALIAS_BEFORE.search(reading.text[max(0, start - 6) : start])
    }
    for start, end in reading.titles:
        title = _title_at(reading, start, end)
        if title in short_names or not _is_policy(title, knowledge):
            continue
        cue = _read_cue(reading, knowledge, title, (start + 1, end - 1))
        cues[title] = _merge(cues.get(title), cue)
    for cue in _notice_cues(reading, knowledge):
        cues[cue.title] = _merge(cue, cues.get(cue.title))
    for cue in cues.values():
        _record(reading, findings, knowledge, cue)


def _title_at(reading: Reading, start: int, end: int) -> str:
    return re.sub(r"\s+", "", reading.document.text[start + 1 : end - 1])


def _is_policy(title: str, knowledge: DomainKnowledge) -> bool:
    if any(word in title for word in knowledge.publication_words) and not title.endswith(
        knowledge.policy_keywords
    ):
        return False
    stripped = _STATUS.sub("", _PERIOD.sub("", title)).rstrip("（）() ")
    return stripped.endswith(knowledge.policy_keywords) or any(
        keyword in stripped
        for keyword in ("行动方案", "行动计划", "若干措施", "实施方案", "指导意见")
    )


def _read_cue(
    reading: Reading, knowledge: DomainKnowledge, title: str, span: tuple[int, int]
) -> PolicyCue:
    sentence = reading.sentence_at(span[0])
    clause_start = max(
        (m.end() for m in _CLAUSE_BREAK.finditer(reading.text, sentence.start, span[0] - 1)),
        default=sentence.start,
    )
    issuer, issuer_span = _issuer_before(reading, knowledge, sentence.start, span[0] - 1)
    is_issued = (
        reading.text[clause_start : span[0] - 1].rstrip("的了").endswith(knowledge.issue_verbs)
    )
    if not is_issued and _CITING.search(reading.text, clause_start, span[0] - 1):
        return _cited(reading, knowledge, title, span, clause_start)
    date_match = next(reversed(reading.dates_between(sentence.start, span[0])), None)
    if date_match is None:
        date_match = _date_after(reading, span[1] + 1, sentence.end)
    return PolicyCue(
        title,
        span,
        issuer,
        issuer_span,
        date_match.date if date_match else None,
        (date_match.start, date_match.end) if date_match else None,
    )


def _cited(
    reading: Reading,
    knowledge: DomainKnowledge,
    title: str,
    span: tuple[int, int],
    clause_start: int,
) -> PolicyCue:
    """ "为贯彻落实国务院《关于…的意见》（2025年8月）": a cited title names its issuer only
    when the issuer stands right before it, and its date only in a bracket right after."""
    lo = _ISSUER_LEAD.match(reading.text, clause_start, span[0] - 1).end()  # type: ignore[union-attr]
    candidate = reading.document.text[lo : span[0] - 1]
    if not (
        candidate in knowledge.national_issuers
        or (_looks_like_issuer(candidate, knowledge) and reading.places_between(lo, lo + 1))
    ):
        return PolicyCue(title, span, None, None, None, None)
    dated = _BRACKET_DATE.match(reading.text, span[1] + 1)  # after the 》
    found = reading.dates_between(span[1], dated.end()) if dated else []
    date = found[0] if len(found) == 1 else None
    return PolicyCue(
        title,
        span,
        candidate,
        (lo, span[0] - 1),
        date.date if date else None,
        (date.start, date.end) if date else None,
    )


def _issuer_before(
    reading: Reading, knowledge: DomainKnowledge, sentence_start: int, bracket: int
) -> tuple[str | None, tuple[int, int] | None]:
    """Find "X印发的《" / "X于去年11月印发《": the organization X before the verb."""
    window = reading.text[sentence_start:bracket].removesuffix("的").removesuffix("了")
    verb = next((v for v in knowledge.issue_verbs if window.endswith(v)), None)
    if verb is None:
        return None, None
    hi = sentence_start + len(window) - len(verb)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(reading.text, sentence_start, hi)]
    lo = max(breaks, default=sentence_start)
    for match in reading.dates_between(lo, hi):
        if _ISSUER_FILLER.fullmatch(reading.text, match.end, hi) or match.end == hi:
            hi = match.start  # "工业和信息化部去年11月印发", "徐汇区人民政府则在2024年6月出台"
            break
        lo = max(lo, match.end)  # "2023年10月上海市有关部门印发", "继今年3月广东省…印发"
    filler = _ISSUER_FILLER.search(reading.text, lo, hi)
    if filler:
        hi = filler.start()
    while lo < hi and reading.text[lo] in "，, ":
        lo += 1
    lo = _ISSUER_LEAD.match(reading.text, lo, hi).end()  # type: ignore[union-attr]
    candidate = reading.document.text[lo:hi]
    if not _looks_like_issuer(candidate, knowledge):
        return None, None
    return candidate, (lo, hi)


def _looks_like_issuer(candidate: str, knowledge: DomainKnowledge) -> bool:
    if not 2 <= len(candidate) <= 40:
        return False
    if _GROUP_ISSUER.search(candidate) or candidate in knowledge.national_issuers:
        return True
    if region_index().lookup(candidate) is not None:  # "合肥市则在今年4月出台《…》"
        return True
    return any(
        candidate.endswith(suffix)
        for suffix, kind in knowledge.org_suffixes.items()
        if kind in {"government", "association", "research"}
    )


def _date_after(reading: Reading, start: int, end: int) -> DateMatch | None:
    """A date right after the title: "《…》于2024年3月印发"."""
    for match in reading.dates_between(start, min(end, start + 12)):
        if _AFTER_DATE.match(reading.text[start : match.start]):
            return match
    return None


def _notice_cues(reading: Reading, knowledge: DomainKnowledge) -> list[PolicyCue]:
    """ "X关于印发Y的通知": Y is a policy issued by X, signed with a date under X's name."""
    cues = []
    for match in _NOTICE.finditer(reading.text):
        # joint issuers stand side by side: "西安市工业和信息化局 西安市财政局关于印发…"
        names = match["issuer"].split()
        issuer = "、".join(names)
        title = re.sub(r"\s+", "", match["title"])
        if not all(_looks_like_issuer(name, knowledge) for name in names) or not _is_policy(
            title, knowledge
        ):
            continue
        # the signature may write each name with its city (市财政局: 武汉市财政局)
        signed_by = r"\s*".join(rf"[\u4e00-\u9fff]{{0,5}}?{re.escape(name)}" for name in names)
        signature = re.search(rf"\n(?P<names>{signed_by})\s*\n", reading.text[match.end() :])
        date = None
        issuer_span = match.span("issuer")
        if signature:
            signed_at = match.end() + signature.end()
            date = next(iter(reading.dates_between(signed_at, signed_at + 16)), None)
            # the signature names them in full: 武汉市财政局 for the headline's 市财政局
            issuer = "、".join(signature["names"].split())
            issuer_span = (
                match.end() + signature.start("names"),
                match.end() + signature.end("names"),
            )
        cues.append(
            PolicyCue(
                title,
                match.span("title"),
                issuer,
                issuer_span,
                date.date if date else None,
                (date.start, date.end) if date else None,
            )
        )
    return cues


def _merge(first: PolicyCue | None, other: PolicyCue | None) -> PolicyCue:
    """Keep the first sighting, filling what it lacks from another sighting."""
    if first is None:
        assert other is not None
        return other
    if other is None:
        return first
    issuer, issuer_span = (
        (first.issuer, first.issuer_span) if first.issuer else (other.issuer, other.issuer_span)
    )
    date, date_span = (first.date, first.date_span) if first.date else (other.date, other.date_span)
    return PolicyCue(first.title, first.title_span, issuer, issuer_span, date, date_span)


def _record(
    reading: Reading, findings: Findings, knowledge: DomainKnowledge, cue: PolicyCue
) -> None:
    region = _region(reading, knowledge, cue)
    period = _PERIOD.search(cue.title)
    policy = findings.entity(MentionType.POLICY, cue.title, "policy", cue.title_span)
    for _, cited_end in find_all(reading.text, f"{cue.title}》"):
        short = _SHORT_NAMED.match(reading.text, cited_end)
        if short is not None:  # "《…若干政策措施》（渝经信发〔2026〕5号，以下简称《若干措施》）"
            # an attribute, not an alias: 若干措施 is the short title of many documents
            policy.attrs["short_title"] = short["short"]
    qualifiers = {"region": region.name, "region_code": region.code}
    if period:
        qualifiers["period"] = f"{period[1]}-{period[2]}"
    evidence = [cue.title_span, *(s for s in (cue.issuer_span, cue.date_span) if s)]
    findings.fact(
        FactKind.POLICY_ISSUED,
        cue.title,
        "issued",
        evidence,
        details=FactDetails(object=cue.issuer, time=cue.date, qualifiers=qualifiers),
    )
    if cue.issuer and cue.issuer_span:
        start, end = cue.issuer_span
        for part in _ISSUER_PART.finditer(reading.document.text, start, end):
            name = part.group()
            if not _GROUP_ISSUER.search(name) and not reading.regions.lookup(name):
                findings.entity(MentionType.ORG, name, "government", part.span())
    if cue.date is not None:
        detail = f"{cue.issuer or ''}印发".strip()
        findings.fact(
            FactKind.EVENT,
            cue.title,
            "policy_issue",
            evidence,
            details=FactDetails(time=cue.date, qualifiers={"detail": detail}),
        )


def _region(reading: Reading, knowledge: DomainKnowledge, cue: PolicyCue) -> Region:
    index = reading.regions
    if cue.issuer and any(cue.issuer.startswith(name) for name in knowledge.national_issuers):
        return NATIONAL
    for text, must_lead in ((cue.issuer, True), (cue.title, True), (cue.title, False)):
        places = index.find(text or "")
        if places and (places[0].start == 0 or not must_lead):
            region = places[0].region
            return index.city_of(region) or region
    return NATIONAL
