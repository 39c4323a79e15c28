"""What an amount in the text is about: the subject resolution behind metrics.

Part of the rules extractor; imports core and normalize. Subjects are the document's
regions, organizations, products, events and people. For an amount, in order: what the
amount describes ("9.9万元的人形机器人G1"); "国内" right after it; the nearest subject in
its clause; a pronoun there (该公司, 公司, 其, 我们 -> the last company; 这款机器人 -> the
last product; 园区/该中心 -> the last such organization; 全市 -> the document's city); the
subject opening an earlier clause of the sentence; the subject of the previous amount in
the paragraph; the sentence's first subject. A person there means the amount is not a
metric of anything (a quote or an opinion). A government body stands for its region.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from industry_atlas.core.models import FactKind, MentionType, Region
from industry_atlas.extract.rules.findings import Findings
from industry_atlas.extract.rules.reading import EVENT_NAME_CHAR, TRADE_MEETINGS, Reading
from industry_atlas.normalize.numbers import PER_MILLION_TOKENS, QuantityMatch
from industry_atlas.normalize.regions import NATIONAL, REGION_GROUP, region_group

CLAUSE = re.compile(r"[，,；;：:\n（）()｜|]|——|(?<=[%\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
_NATIONAL = re.compile(
    r"全国|我国|国内|(?<!其)中国(?![\u4e00-\u9fff]{0,6}(?:学会|科学院|电子报|移动|电信|联通|信通院))"
)  # not the 中国 of "其中国家级"
# "全球人形机器人市场规模": the world, a subject like the nation (not 全球首款, 销往全球,
# 具有全球影响力)
_GLOBAL = re.compile(
    r"(?<![往向到有于占])(?:全球|全世界)(?![首第]|领先|影响力|化|范围|发售|招股|\d)"
)  # 全球发售: an IPO's offering
_HOME_WORDS = re.compile(r"全市|全省|全区|本市|该市|我市|市内|全县|本区|我区|本县")
_DECLARED_ONLY = frozenset({"本区", "我区", "本县"})  # a subject only where the text says whose
_LEAD = r"(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|此前|目前|近日|如今|不过|但|而|同时|此外|其中|另外|今年|去年|上半年|下半年|前三季度|一季度|全年|现在|则|[，,\s“])*"
_COMPANY_PRONOUN = re.compile(rf"该公司|^{_LEAD}(?:本?公司|其(?![中他它余实次])|我们(?:公司)?)")
# "这家总部位于宁波的传感器企业": a company described at length, the last one named
_THIS_COMPANY = re.compile(rf"{_LEAD}这家[^，。；“”]{{0,14}}?(?:企业|公司|厂商)")
_ORG_PRONOUN = re.compile(
    rf"^{_LEAD}(?:该|这个|这一|本届)?(?P<noun>园区|产业园|中心|协会|基地|联盟|平台|基金|大会|展会|博览会)"
)
_FAIRS = ("大会", "博览会", "展会", "展览会", "展")
_PRONOUN_ENDINGS = {
    "园区": ("园", "园区", "基地", "科学城"),
    "大会": ("大会", "峰会", "年会", "博览会"),  # not a 学会 or 协会
    # 本届展会, 博览会: the fair the text named, or the meeting it is part of (not a 学会)
    "展会": _FAIRS,
    "博览会": _FAIRS,
}
_PRODUCT_PRONOUN = re.compile(r"(?:这款|该款|此款|新款|该)(?:机器人|产品|模型|大模型)")
_CLAUSE_LEAD = re.compile(
    r"\s*(?:其中|而|则|另外|此外|同时)?"
    r"(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:[至到](?:\d{1,2}月)?\d{1,2}日)?|截至[^，]{0,10}|今年|去年)?"
    r"在?[“\"「]?"  # "8月8日至12日在经开区举行的…大会上"
)
# What a spec measures belongs to the product the sentence is about.
_SPEC = re.compile(
    r"(?:身高|体重|自由度|负载|续航|售价|起售价|时速|速度|重量|精度|扭矩|功率|参数|上下文|工作温度)[^，。]{0,6}$"
)
_JOINTS = r"(?:主动)?自由度"
_MODEL_MEASURE = re.compile(rf"\s*(?:tokens|token)?\s*(?:上下文|参数|{_JOINTS})")
_BODY_MEASURE = re.compile(_JOINTS)
_SPEAKER_LABEL = re.compile(r"(?m)^(?P<name>[\u4e00-\u9fff·]{2,5}|答)[：:]")
_ANSWER_LABELS = frozenset({"答"})
_ABBREVIATED_PLACE = re.compile(
    r"[“\"]?(?P<abbr>[京沪津渝粤深穗杭甬浙苏锡皖鄂汉蓉川湘鲁闽冀豫])(?:籍|字号)[”\"]?"
)
# "深圳帕西尼感知", "苏州本地企业汇川技术", "杭州的宇谷智能": a place describing a company
_PLACE_OF_ORG = re.compile(r"(?:的)?(?:本地|本土|当地)?(?:企业|公司|龙头企业|创业公司)?")
# a zone or park a place names ("宁波高新区"): what figures after it are about
_ZONE_AFTER = re.compile(
    "(?:市|区)?(?:高新技术产业开发区|经济技术开发区|经济开发区|新技术开发区|高新区|经开区|开发区"
    "|自贸区|保税区|园区)"
)
# a zone written without its city, and the endings of the names the zone goes by
_ZONE_KINDS = {
    "经开区": ("经开区", "经济技术开发区", "经济开发区"),
    "高新区": ("高新区", "高新技术产业开发区", "新技术开发区"),
}
_BARE_ZONE = re.compile("|".join(_ZONE_KINDS))
_HOSTED_AFTER = re.compile("(?:举行|举办|召开)的")  # "在经开区举行的2025世界机器人大会"
# "中国智慧驾驶晶片大厂地平线机器人": the nation describing a company, as a place does
_DESCRIPTION = re.compile(r"[^，,。；;：:、\s“”（）()]{0,14}")
_MAKER_WORDS = ("大厂", "龙头", "巨头", "厂商", "企业", "公司", "独角兽")
_ACCOUNTS = re.compile("营业收入|营收|收入|净利润|归母净利|毛利率|市值|估值|融资|在手订单")
_PLACE_BRACKET = re.compile(r"[（(][\u4e00-\u9fff]{2,8}[）)]")
# the central government and its ministries, which stand for the nation as a city's
# bureau stands for the city
_NATIONAL_BODY = re.compile(
    r"国务院[\u4e00-\u9fff]{0,8}|中共中央|国家[\u4e00-\u9fff]{2,14}|[\u4e00-\u9fff]{1,8}部"
)
_NATIONAL_AFTER = re.compile(r"(?:国内|全国|我国)")
_DESCRIBES = re.compile(r"(?:以上|左右)?的(?:[\u4e00-\u9fff]{0,8}?(?:机器人|模型|产品|基金|项目))?")
_EVENT_NAME = re.compile(
    rf"{EVENT_NAME_CHAR}{{2,40}}?(?:大会|论坛|峰会|博览会|马拉松|运动会|大赛|{TRADE_MEETINGS})"
)
_PROJECT = re.compile(
    r"(?:^|[，。；：、\n（(])(?P<name>[^，。；：、\n（）()“”]{4,40}?项目)"
    r"(?=总投资|投资|计划投资|总投|落户|位于|将|拟|由|在|于|正式|签约|开工|[，。；（(])"
)
_MEASURED_BY = frozenset("按对每各单该本此这")  # before 项目: any project, no name
_PROJECT_LEAD = re.compile(
    r"(?:其中|此外|包括|如|另外|[一二三四五六七八九十]是|在签约的重大项目中|签约的|落地的|引进的"
    r"|力争|预计|计划|全年|今年|明年|到\d{4}年|[^，。；]{0,8}?领域)+"
)
_FOUNDING = "(?:共同|联合)?(?:发起|组建|发起成立|倡议成立|主办|承办|牵头成立|投资建设)的"
_FOUNDED_BY = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?{_FOUNDING}")
_BY_WHOM = re.compile(rf"由[^，。；]{{2,40}}?{_FOUNDING}")
_WHEN_LEAD = re.compile(r"(?:今年|去年|明年|\d{1,2}月(?:\d{1,2}日)?)+")
_TOPIC_WINDOW = 160
_LIST_REACH = 30  # how far before a list's last item its first 、 may stand
_CLAUSE_REACH = 300
_LOCATIVE_BEFORE = re.compile("(?:在|于|位于|落户|来自|设在|从)$")
# "线性资本、恒旭资本、洪泰基金跟投": every investor of the list, not only the last
# "落实工业和信息化部等七部门印发的《…》": who issued a document named in passing
_ISSUED_AFTER = re.compile(r"(?:等[^，。；]{0,6}?)?(?:联合)?(?:印发|发布|出台|制定|颁布)的")
# a list of at most 30 co-investors: unbounded, each name of a long list would scan the rest
_INVESTOR_AFTER = re.compile(
    "(?:[、和与及][^，。；、]{2,14}?){0,30}(?:等)?(?:联合|共同)?(?:领投|跟投|参投|注资|持股|投资)"
    "|(?:[、和与及][^，。；、]{2,14}?){0,30}等(?:机构|投资方|资方)[^，。；]{0,16}?(?:投资|融资|注资)"
    "|联合[^，。；]{2,30}?共同发起"
)  # "获得奇绩创坛等机构5000万元天使轮投资"; "由引导基金联合美的集团共同发起" (a fund's backer)
# "2016年8月拿到松禾资本1000万元天使轮": the investor a round was received from
_RECEIVED_FROM = re.compile("(?:获得|拿到|获)(?:了)?$")
_ROUND_AFTER = re.compile(r"[^，。；]{0,14}?(?:[A-Z]\+?轮|天使轮|种子轮|战略投资|投资)")
# "仅次于日本哈默纳科": a rival the company is compared with
_RIVAL_BEFORE = re.compile(r"(?:仅次于|落后于|领先于|超越|不及|对标)[^，。；、\d]{0,3}$")
_REGISTERED = re.compile("(?:注册资本|注册资金)(?:为|达|约)?$")
# a numbered field of a record ("4.注册资本：1.2亿元人民币"), the label before its colon
FIELD_LINE = re.compile(
    r"[ \t]*(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)])?[ \t]*"
    r"(?P<label>[\u4e00-\u9fff（）()A-Za-z&]{2,20}?)[：:]"
)
_NAME_FIELD = re.compile("(?:公司|企业|单位|机构|对方)?名称$")
_RECORD_LINES = 15  # fields a record may run to
# "此前在百度负责自动驾驶": where someone worked before, not what a later 公司 means
_EMPLOYER_BEFORE = re.compile("(?:此前|曾经?|先后|早年)(?:在|于|就职于|任职于)$")
# "碧桂园旗下的博智林机器人": the parent of the company the figures are about
_PARENT_AFTER = re.compile("旗下(?:的)?")
# roles of organizations that are never what a later 公司 or 该公司 refers to
_NOT_REFERENT = frozenset({"investor", "rival", "parent", "locative", "source"})
# who counted, not what was counted: "GGII统计显示，全年中国灵巧手市场规模…", "据MIR统计"
_SOURCE_AFTER = re.compile(
    "(?:的)?(?:统计|数据|调研|监测|研究|测算|报告)(?:数据)?(?:显示|表明|指出)"
)
_SOURCE_AROUND = re.compile("(?:统计|测算|调研|监测|数据)(?:显示|表明)?")


@dataclass(frozen=True, slots=True)
class Subject:
    """Something an amount can be about, mentioned at [start, end)."""

    start: int
    end: int
    name: str
    kind: str  # "region" | "org" | "product" | "event" | "national" | "global" | "person"
    entity_kind: str = ""  # an organization's kind (company, research...)
    # "locative" (在杭州…), "investor" (X领投), "title" (X院士), "denominator" (占全市的),
    # "issuer" (X印发的《…》), "rival" (仅次于X), "parent" (X旗下的):
    # not the subject of its clause
    role: str = ""


class Subjects:
    """The subjects of a document in text order, searchable by position; `voices` are the
    interview answers ("李大海：我们……"), whose 我们/公司 is the speaker's organization:
    the speaker's label as that organization, and where the answer ends."""

    def __init__(
        self,
        subjects: list[Subject],
        voices: list[tuple[Subject, int]] | None = None,
        filer: Subject | None = None,
        headline: Subject | None = None,
    ) -> None:
        self.items = sorted(subjects, key=lambda s: s.start)
        self._starts = [subject.start for subject in self.items]
        self.voices = voices or []
        self.filer = filer
        self.headline = headline  # the one company the headline names

    def voice_at(self, position: int) -> Subject | None:
        """The organization speaking in the answer holding `position`, if any."""
        return next((label for label, end in self.voices if label.start <= position < end), None)

    def starting_in(self, start: int, end: int) -> list[Subject]:
        """Subjects whose mention starts within [start, end)."""
        return self.items[
            bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)
        ]

    def last_before(self, position: int, wanted: Callable[[Subject], bool]) -> Subject | None:
        """The last subject ending by `position` for which `wanted` holds."""
        for index in range(bisect.bisect_left(self._starts, position) - 1, -1, -1):
            subject = self.items[index]
            if subject.end <= position and wanted(subject):
                return subject
        return None


def collect_subjects(reading: Reading, findings: Findings, titles: tuple[str, ...]) -> Subjects:
    """Every mention in the document that an amount could be about, in text order."""
    found: list[Subject] = []
    occupied = bytearray(len(reading.text) + 1)
    for person in findings.of_type(MentionType.PERSON):
        found.extend(Subject(start, end, person.name, "person") for start, end in person.spans)
    for type_, kind in ((MentionType.PRODUCT, "product"), (MentionType.ORG, "org")):
        for entity in findings.of_type(type_):
            name, subject_kind = entity.name, kind
            if entity.kind == "government":
                region = _region_of(reading, name)
                name, subject_kind = (region, "region") if region else (name, kind)
                if region is None and _NATIONAL_BODY.fullmatch(name):
                    name, subject_kind = NATIONAL.name, "national"  # 国务院 for the nation
            for start, end in entity.spans:
                occupied[start:end] = b"\x01" * (end - start)
                if entity.kind != "media":
                    found.append(Subject(start, end, name, subject_kind, entity.kind))
    found.extend(_places(reading, occupied))
    found.extend(_others(reading, occupied))
    found = _within_projects(reading, _outermost_products(found))
    subjects = sorted(_merge_nested_places(found), key=lambda s: s.start)
    voices = _voices(reading, findings)
    labels = {label.start for label, _ in voices}
    org_starts = {subject.start for subject in subjects if subject.kind == "org"}
    org_ends = {subject.end for subject in subjects if subject.kind == "org"}
    roled = [
        replace(subject, role="speaker")
        if subject.kind == "person" and subject.start in labels
        else replace(subject, role="locative")
        if _is_locative(reading, subject, org_starts, org_ends)
        else _with_role(reading, subject, titles)
        for subject in subjects
    ]
    return Subjects(
        _places_go_on(reading, roled),
        voices,
        _filer(findings),
        _headline_company(reading, findings),
    )


def _places_go_on(reading: Reading, subjects: list[Subject]) -> list[Subject]:
    """ "在杭州未来科技城建有…", "从长三角和珠三角采购": a place right after a place of 在
    (or joined to it) is where, too."""
    for index in range(1, len(subjects)):
        before, subject = subjects[index - 1], subjects[index]
        if (
            subject.kind == "region"
            and not subject.role
            and before.role == "locative"
            and before.kind == "region"
            and reading.text[before.end : subject.start] in {"", "和", "与", "及", "、"}
        ):
            subjects[index] = replace(subject, role="locative")
    return subjects


def _is_locative(
    reading: Reading, subject: Subject, org_starts: set[int], org_ends: set[int]
) -> bool:
    """Where a company is or lists, not what figures are about: "深圳帕西尼感知",
    "绿的谐波（江苏苏州）", "在港交所主板上市"."""
    if subject.kind == "national":  # "中国智慧驾驶晶片大厂地平线机器人…公布…营收"
        text = reading.text
        reach = _DESCRIPTION.match(text, subject.end).end()  # type: ignore[union-attr]
        return any(
            end in org_starts and text.endswith(_MAKER_WORDS, subject.end, end)
            for end in range(subject.end + 2, reach + 1)
        )
    if subject.kind == "region":
        gap = _PLACE_OF_ORG.match(reading.text, subject.end)
        return (
            (gap is not None and gap.end() in org_starts)
            or _located_after(reading.text, subject, org_ends)
            or bool(_HOSTED_AFTER.match(reading.text, subject.end))
        )
    return subject.kind == "org" and reading.is_listing_venue(subject.start, subject.end)


def _located_after(text: str, place: Subject, org_ends: set[int]) -> bool:
    """ "绿的谐波（江苏苏州）": places in brackets right after a company say where it is."""
    bracket = _PLACE_BRACKET.search(text, max(0, place.start - 7), place.end + 8)
    return (
        bracket is not None
        and bracket.start() in org_ends
        and bracket.start() < place.start < place.end < bracket.end()
    )


def _is_listed(reading: Reading, subject: Subject) -> bool:
    """An item of an enumeration ("优必选、智元机器人和乐聚机器人")."""
    text = reading.text
    return text.startswith("、", subject.end) or (
        subject.start > 0
        and text[subject.start - 1] in "、和及与"
        and "、" in text[max(0, subject.start - _LIST_REACH) : subject.start]
    )


def _headline_company(reading: Reading, findings: Findings) -> Subject | None:
    company = findings.headline_company(reading.headline_end)
    if company is None:
        return None
    start, end = company.spans[0]
    return Subject(start, end, company.name, "org", company.kind)


def _filer(findings: Findings) -> Subject | None:
    """The company filing the document, which its 公司 and 本公司 mean throughout."""
    filer = findings.get(MentionType.ORG, findings.filer) if findings.filer else None
    if filer is None or not filer.spans:
        return None
    start, end = filer.spans[0]
    return Subject(start, end, filer.name, "org", filer.kind)


def _voices(reading: Reading, findings: Findings) -> list[tuple[Subject, int]]:
    """Interview answers, each its label as a subject named after the speaker's
    organization and the end of its paragraph: a paragraph opening "李大海：" where 李大海 works for a known
    organization, or opening "答：" in an interview whose headline names one company
    ("对话瀚驰精工董事长应志鸿：…")."""
    employers = {
        fact.subject: fact.object
        for fact in findings.facts
        if fact.kind is FactKind.HOLDS_TITLE and fact.object
    }
    interviewee = findings.headline_company(reading.headline_end)
    voices = []
    for match in _SPEAKER_LABEL.finditer(reading.text):
        if match["name"] in _ANSWER_LABELS:
            organization = interviewee
        else:
            employer = employers.get(match["name"])
            organization = findings.get(MentionType.ORG, employer) if employer else None
        if organization is None:
            continue
        end = reading.text.find("\n", match.end())
        label = Subject(
            match.start("name"), match.end("name"), organization.name, "org", organization.kind
        )
        voices.append((label, len(reading.text) if end == -1 else end))
    return voices


def _places(reading: Reading, occupied: bytearray) -> list[Subject]:
    found = [
        _zone_of(reading, place.start, place.end)
        or Subject(place.start, place.end, _place_name(reading, place.start, place.end), "region")
        for place in reading.places
        if not occupied[place.start]
    ]
    for match in _ABBREVIATED_PLACE.finditer(reading.text):
        region = reading.regions.abbreviation(match["abbr"])
        if region is not None and not occupied[match.start()]:
            found.append(
                Subject(
                    match.start("abbr"), match.end(), reading.regions.full_name(region), "region"
                )
            )
    found.extend(
        Subject(match.start(), match.end(), region_group(match.group()) or "", "region")
        for match in REGION_GROUP.finditer(reading.text)
        if not occupied[match.start()]
    )
    defined = reading.defined_home
    for match in _HOME_WORDS.finditer(reading.text):
        if defined is not None and defined.level in match.group():
            found.append(Subject(match.start(), match.end(), defined.name, "region"))
            continue
        region = (
            None
            if match.group() in _DECLARED_ONLY
            else _referent(reading, match.start(), match.group())
        )
        if region is not None:
            found.append(
                Subject(match.start(), match.end(), reading.regions.full_name(region), "region")
            )
    return found + _zones_again(reading, found, occupied)


def _zones_again(reading: Reading, places: list[Subject], occupied: bytearray) -> list[Subject]:
    """ "北京经济技术开发区…经开区已集聚…": a zone written without its city is the zone of
    that kind named last before it."""
    named = sorted(places, key=lambda place: place.start)
    ends = {place.end for place in named}
    found = []
    for match in _BARE_ZONE.finditer(reading.text):
        if occupied[match.start()] or match.start() in ends:
            continue
        kind = _ZONE_KINDS[match.group()]
        zone = next(
            (
                place
                for place in reversed(named)
                if place.end <= match.start() and place.name.endswith(kind)
            ),
            None,
        )
        if zone is not None:
            found.append(Subject(match.start(), match.end(), zone.name, "region"))
    return found


def _zone_of(reading: Reading, start: int, end: int) -> Subject | None:
    """ "宁波高新区已集聚…企业58家": a zone or park a place names is what the amount is
    about, not the whole city; named as the text writes it."""
    zone = _ZONE_AFTER.match(reading.text, end)
    if zone is None or reading.regions.lookup(reading.text[start : zone.end()]) is not None:
        return None  # a zone the gazetteer knows (苏州工业园区) is a place of its own
    return Subject(start, zone.end(), reading.text[start : zone.end()], "region")


def _referent(reading: Reading, position: int, word: str) -> Region | None:
    """全区 is the district named last, 全市 the city named last (else the document's city)."""
    level = "district" if "区" in word or "县" in word else "province" if "省" in word else "city"
    for place in reversed(reading.places_between(max(0, position - 400), position)):
        region = place.region if level != "city" else reading.regions.city_of(place.region)
        if region is not None and (region.level == level or level == "city"):
            return region
    home = reading.home_region
    if level == "province":  # "全省": the province of the place the document is about
        while home is not None and home.level != "province":
            home = reading.regions.parent(home)
    return home if level in {"city", "province"} else None


def _others(reading: Reading, occupied: bytearray) -> list[Subject]:
    found = [
        Subject(m.start(), m.end(), name, kind)
        for pattern, name, kind in (
            (_NATIONAL, NATIONAL.name, "national"),
            (_GLOBAL, "全球", "global"),
        )
        for m in pattern.finditer(reading.text)
        if not occupied[m.start()]
    ]
    for match in _EVENT_NAME.finditer(reading.text):
        if match.group().startswith(
            ("本届", "此次", "该", "这", "记者", "如果", "往届", "历届", "上届", "每届", "下届")
        ):
            continue
        start = match.start() + match.group().rfind("的") + 1  # "为期五天的2025世界机器人大会"
        when = _WHEN_LEAD.match(reading.text, start, match.end())  # "今年5月全省…对接会"
        start = when.end() if when else start
        if not occupied[start] and not reading.in_title(start) and match.end() - start >= 4:
            found.append(
                Subject(start, match.end(), reading.document.text[start : match.end()], "event")
            )
    return found


def _within_projects(reading: Reading, found: list[Subject]) -> list[Subject]:
    """A named project is what its figures are about: "中联重科人形机器人研发制造基地项目
    总投资30亿元" is the project's investment, not 中联重科's."""
    projects = []
    for match in _PROJECT.finditer(reading.text):
        start = match.start("name")
        lead = _PROJECT_LEAD.match(reading.text, start, match.end("name"))
        start = lead.end() if lead else start
        named = any(
            start <= s.start < match.end("name") and s.kind in {"org", "region"} for s in found
        )
        invested = reading.text.startswith(("总投资", "计划投资", "投资额"), match.end("name"))
        measured = reading.text[match.end("name") - 3] in _MEASURED_BY  # "按项目投资额的10%"
        if match.end("name") - start >= 6 and (named or invested) and not measured:
            name = reading.document.text[start : match.end("name")]
            projects.append(Subject(start, match.end("name"), name, "project"))
    if not projects:
        return found
    inside = [s for s in found if any(p.start <= s.start and s.end <= p.end for p in projects)]
    return [s for s in found if s not in inside] + projects


def _with_role(reading: Reading, subject: Subject, titles: tuple[str, ...]) -> Subject:
    before = reading.text[max(0, subject.start - 2) : subject.start]
    if subject.kind in {"region", "national"} and _LOCATIVE_BEFORE.search(before):
        return replace(subject, role="locative")
    if subject.kind == "region" and before.endswith("公司"):
        return replace(subject, role="locative")  # "公司宝安区的产线": where its site is
    if before.endswith("占"):
        return replace(subject, role="denominator")  # "占北京市总量的55%": 北京市 is the whole
    if subject.kind == "org" and (
        _SOURCE_AFTER.match(reading.text, subject.end)
        or (before.endswith("据") and _SOURCE_AROUND.match(reading.text, subject.end))
    ):
        return replace(subject, role="source")
    if subject.kind == "org" and (
        _INVESTOR_AFTER.match(reading.text, subject.end)
        or (_RECEIVED_FROM.search(before) and _ROUND_AFTER.match(reading.text, subject.end))
    ):
        return replace(subject, role="investor")
    if subject.kind == "org" and _RIVAL_BEFORE.search(
        reading.text, max(0, subject.start - 6), subject.start
    ):
        return replace(subject, role="rival")
    if subject.kind == "org" and _PARENT_AFTER.match(reading.text, subject.end):
        return replace(subject, role="parent")
    if subject.kind == "org" and _EMPLOYER_BEFORE.search(
        reading.text, max(0, subject.start - 5), subject.start
    ):
        return replace(subject, role="locative")
    if subject.kind == "org" and reading.text.startswith(titles, subject.end):
        return replace(subject, role="title")
    if subject.kind in {"org", "region", "national"} and _ISSUED_AFTER.match(
        reading.text, subject.end
    ):
        return replace(subject, role="issuer")
    return subject


def _outermost_products(subjects: list[Subject]) -> list[Subject]:
    """ "混元T1的API输入价格" is about 混元T1, not the series 混元 its name begins with."""
    products = [s for s in subjects if s.kind == "product"]
    return [
        subject
        for subject in subjects
        if subject.kind != "product"
        or not any(
            other.start <= subject.start
            and subject.end <= other.end
            and other.end - other.start > subject.end - subject.start
            for other in products
        )
    ]


def _merge_nested_places(subjects: list[Subject]) -> list[Subject]:
    """ "上海浦东" is one subject: 上海市浦东新区."""
    merged: list[Subject] = []
    for subject in sorted(subjects, key=lambda s: s.start):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and subject.kind == previous.kind == "region"
            and previous.end == subject.start
            and (
                subject.name.startswith(previous.name.rstrip("市省"))
                or previous.name in subject.name
            )
        ):
            merged[-1] = Subject(previous.start, subject.end, subject.name, "region")
            continue
        merged.append(subject)
    return merged


def _region_of(reading: Reading, name: str) -> str | None:
    """The place a government body governs, as the text writes a zone (北京经济技术开发区)."""
    places = reading.regions.find(name)
    if not places or places[0].start != 0:
        return _home_of(reading, name)
    governed = places[0]
    for place in places[1:]:  # 佛山市顺德区经济促进局 governs 顺德区, not all of 佛山市
        if place.start != governed.end or not _lies_in(reading, place.region, governed.region):
            break
        governed = place
    surface, region = name[: governed.end], governed.region
    return (
        reading.regions.full_name(region)
        if _is_official_name(reading, surface, region)
        else surface
    )


def _home_of(reading: Reading, name: str) -> str | None:
    """ "省经济和信息化厅", "市科委": a body named by its level alone governs the province or
    the city the document is about."""
    home = reading.home_region
    if home is None or not name.startswith(("省", "市")) or len(name) < 3:
        return None
    region = home if name.startswith("市") else reading.regions.parent(home)
    return reading.regions.full_name(region) if region is not None else None


def _lies_in(reading: Reading, region: Region, outer: Region) -> bool:
    parent = reading.regions.parent(region)
    while parent is not None and parent.code != outer.code:
        parent = reading.regions.parent(parent)
    return parent is not None


def _place_name(reading: Reading, start: int, end: int) -> str:
    return place_name(reading, reading.document.text[start:end]) or reading.document.text[start:end]


def place_name(reading: Reading, surface: str) -> str | None:
    """A place's official full name (上海市浦东新区); a zone or park as the text names it;
    None when `surface` names no place."""
    region = reading.regions.lookup(surface)
    if region is None:
        return region_group(surface)
    return (
        reading.regions.full_name(region)
        if _is_official_name(reading, surface, region)
        else surface
    )


def _is_official_name(reading: Reading, surface: str, region: Region) -> bool:
    return (
        surface == region.name
        or region.name.startswith(surface)
        or surface in reading.regions.full_name(region)
    )


def subject_for(
    reading: Reading, subjects: Subjects, match: QuantityMatch, previous: Subject | None
) -> Subject | None:
    """Who or what an amount is about (see the module docstring for the order); a
    company's accounts are never a product's ("2024年12月发布ZWHAND灵巧手；2024年营业收入
    约15.2亿元": the maker's revenue)."""
    subject = _subject_for(reading, subjects, match, previous)
    if subject is None or subject.kind != "product":
        return subject
    clause = reading.text[
        clause_start_of(reading, reading.segment_start(match.start), match.start) : match.start
    ]
    if not _ACCOUNTS.search(clause):
        return subject
    company = subjects.last_before(
        subject.start, lambda s: s.kind == "org" and s.entity_kind == "company" and not s.role
    )
    sentence = reading.sentence_at(match.start).start
    if company is not None and company.start >= sentence:
        return company
    # an interviewee's "…星动Q5大概占六成…。截至9月底，在手订单金额超过5亿元": the
    # speaker's company, when the product was named in a sentence before
    voice = subjects.voice_at(match.start)
    return voice if voice is not None and subject.start < sentence else subject


def _subject_for(
    reading: Reading, subjects: Subjects, match: QuantityMatch, previous: Subject | None
) -> Subject | None:
    sentence = reading.sentence_at(match.start)
    segment = reading.segment_start(match.start)
    if not subjects.starting_in(segment, match.start):
        segment = sentence.start  # "；还吸引近200家企业": the statement goes on
    clause_start = clause_start_of(reading, segment, match.start)
    if _NATIONAL_AFTER.match(reading.text, match.end):
        return Subject(match.end, match.end + 2, NATIONAL.name, "national")  # "8家国内大模型企业"
    if _REGISTERED.search(reading.text, max(clause_start, match.start - 8), match.start):
        # "设立全资子公司常州鸣志机器人科技有限公司，注册资本5000万元": the company just set up
        registered = subjects.last_before(
            clause_start,
            lambda s: s.kind == "org" and s.name.endswith("公司") and s.role not in _NOT_REFERENT,
        )  # a registered company; "该中心…注册资本" is left to the pronoun
        if registered is not None and registered.start >= sentence.start:
            return registered
    described = _described_after(reading, subjects, match)
    if described is not None:
        return described
    recorded = _record_of(reading, subjects, match.start)
    if recorded is not None:
        return recorded
    if (
        _SPEC.search(reading.text, max(sentence.start, match.start - 12), match.start)
        or _MODEL_MEASURE.match(reading.text, match.end)  # "支持200K上下文"
        or match.quantity.unit.endswith(PER_MILLION_TOKENS)  # a price is the model's
    ):
        bodily = bool(_BODY_MEASURE.match(reading.text, match.end))  # a model has no joints
        product = subjects.last_before(
            match.start,
            lambda s: s.kind == "product" and not (bodily and s.entity_kind == "llm"),
        )
        if product is not None and product.start >= sentence.start - 200:
            return product  # "身高约178厘米": the robot the sentence presents
    in_clause = [
        s
        for s in subjects.starting_in(clause_start, match.start)
        if s.end <= match.start and not s.role
    ]
    pronoun = _pronoun(reading, subjects, clause_start, match.start)
    if in_clause and (pronoun is None or pronoun.start < in_clause[-1].start):
        return None if in_clause[-1].kind == "person" else in_clause[-1]
    if pronoun is not None:
        return pronoun
    topic = _sentence_topic(reading, subjects, segment, clause_start)
    if topic is not None:
        return None if topic.kind == "person" else topic
    if previous is not None:
        return previous
    in_sentence = [
        s
        for s in subjects.starting_in(max(segment, match.start - _CLAUSE_REACH), match.start)
        if s.end <= match.start and s.role not in {"locative", "issuer"}
    ]
    if not in_sentence:
        return subjects.voice_at(match.start)  # "去年搭载我们模型的量产车型只有2款"
    if any(s.kind == "person" or s.role == "title" for s in in_sentence):
        return None
    # "由美的集团投资建设的北滘…产业园…总建筑面积": the investor only when no one else is
    # named; in an interview answer, the interviewee's company before its investor
    return (
        next((s for s in in_sentence if s.role not in _NOT_REFERENT), None)
        or subjects.voice_at(match.start)
        or in_sentence[0]
    )


def _record_of(reading: Reading, subjects: Subjects, position: int) -> Subject | None:
    """In a record of numbered fields ("1.公司名称：深圳星擎智能机器人有限公司 … 4.注册资本：
    1.2亿元人民币 … 9.…总资产9.8亿元"), the organization its name field gives."""
    text = reading.text
    line_start = text.rfind("\n", 0, position) + 1
    for _ in range(_RECORD_LINES):
        field = FIELD_LINE.match(text, line_start)
        if field is None:
            return None
        if _NAME_FIELD.search(field["label"]):
            line_end = text.find("\n", field.end())
            named = subjects.starting_in(field.end(), line_end if line_end >= 0 else len(text))
            return next((s for s in named if s.kind == "org"), None)
        if line_start == 0:
            return None
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return None


def clause_start_of(reading: Reading, start: int, end: int) -> int:
    """Where the clause holding `end` starts (not before `start`, and within reach: a
    clause longer than a few hundred characters is no clause)."""
    window = max(start, end - _CLAUSE_REACH)
    return max((m.end() for m in CLAUSE.finditer(reading.text, window, end)), default=window)


def _described_after(reading: Reading, subjects: Subjects, match: QuantityMatch) -> Subject | None:
    counted = next(
        (s for s in subjects.starting_in(match.end, match.end + 1) if s.kind == "product"), None
    )
    if counted is not None:
        return counted  # "计划生产约1万台Optimus"
    after = _DESCRIBES.match(reading.text, match.end) or _FOUNDED_BY.match(
        reading.text, match.end
    )  # "和10家企业共同发起的天津市人形机器人创新联盟": the alliance's founders
    if after is None:
        return None
    # "总规模20亿元的济南市人形机器人产业基金": the name may itself hold the noun the
    # description could end in, so it may start right after 的
    starts = sorted({reading.text.index("的", match.end) + 1, after.end()})
    for start in starts:
        for subject in subjects.starting_in(start, start + 9):
            if (
                start <= subject.start <= start + 8
                and subject.kind in {"product", "org"}
                and not subject.role
            ) and not re.search("[，。；]", reading.text[start : subject.start]):
                return subject
    return None


def _pronoun(
    reading: Reading, subjects: Subjects, start: int, end: int, until: int | None = None
) -> Subject | None:
    """The subject a pronoun in text[start:end] stands for; one opening the clause may
    run on to `until` ("这家总部位于宁波的传感器企业")."""
    clause = reading.text[start:end]
    product = _PRODUCT_PRONOUN.search(clause)
    if product is not None:
        found = subjects.last_before(start + product.start(), lambda s: s.kind == "product")
        if found is not None:
            return replace(found, start=start + product.start(), end=start + product.end())
    company = _COMPANY_PRONOUN.search(clause) or _THIS_COMPANY.match(
        reading.text[start : until or end]
    )
    voice = subjects.voice_at(start)
    if company is not None and voice is not None:
        return replace(voice, start=start + company.start(), end=start + company.end())
    is_own = (
        company is not None
        and company.group().endswith("公司")
        and not any(word in company.group() for word in ("该", "这家"))
    )
    if company is not None and subjects.filer is not None and is_own:
        return replace(subjects.filer, start=start + company.start(), end=start + company.end())
    if company is not None:  # "…美团龙珠领投。公司累计融资额": the company, not its investor
        found = subjects.last_before(
            start + company.start(),
            lambda s: (
                s.kind == "org" and s.entity_kind == "company" and s.role not in _NOT_REFERENT
            ),
        )
        if found is not None and subjects.headline is not None and _is_listed(reading, found):
            found = subjects.headline  # "…包括优必选、智元和乐聚。公司发布…": not a customer
        if found is not None:
            return replace(found, start=start + company.start(), end=start + company.end(), role="")
    other = _ORG_PRONOUN.search(clause)
    if other is not None:
        noun = other["noun"]
        found = subjects.last_before(
            start + other.start(),
            lambda s: (
                s.kind in {"org", "event", "region"}  # 园区: 苏州工业园区 is a district
                and s.name.endswith(_PRONOUN_ENDINGS.get(noun, noun[-1]))
                and s.role not in _NOT_REFERENT  # 该基金: not the fund that backed it
            ),
        )
        if found is not None:
            return replace(found, start=start + other.start(), end=start + other.end(), role="")
    return None


def _sentence_topic(
    reading: Reading, subjects: Subjects, sentence_start: int, clause_start: int
) -> Subject | None:
    """The last subject that opened a clause of this sentence before the amount's clause."""
    topic = None
    # only the clauses just before matter; a sentence of thousands of clauses stays linear
    window_start = max(sentence_start, clause_start - _TOPIC_WINDOW)
    starts = [
        window_start,
        *(m.end() for m in CLAUSE.finditer(reading.text, window_start, clause_start)),
    ]
    for start in starts:
        if start >= clause_start:
            break
        lead = _CLAUSE_LEAD.match(reading.text, start)
        position = lead.end() if lead else start
        place = next(
            (s for s in subjects.starting_in(position, position + 1) if s.role == "locative"),
            None,
        )
        if place is not None:  # "苏州本地企业汇川技术…": the company the place opens with
            after = _HOSTED_AFTER.match(reading.text, place.end)  # or "经开区举行的…大会"
            position = (after or _PLACE_OF_ORG.match(reading.text, place.end)).end()  # type: ignore[union-attr]
        founders = _BY_WHOM.match(reading.text, position)
        if founders is not None:  # "由天津大学…共同发起的天津市人形机器人创新联盟…"
            position = founders.end()
        parent = next(
            (s for s in subjects.starting_in(position, position + 1) if s.role == "parent"), None
        )
        if parent is not None:  # "碧桂园旗下的博智林机器人…": the company it owns
            position = _PARENT_AFTER.match(reading.text, parent.end).end()  # type: ignore[union-attr]
        opening = next(
            (s for s in subjects.starting_in(position, position + 4) if not s.role),
            None,
        )
        if opening is not None and opening.start > position and opening.kind != "product":
            opening = None  # only "我们的绝影X30": a product right after a pronoun
        pronoun = _pronoun(reading, subjects, start, min(start + 8, clause_start), clause_start)
        topic = opening or pronoun or topic
    return topic
