"""Persons: a name after its titles and organization ("中国电子学会副理事长兼秘书长陈英",
"智谱AI CEO张鹏"), before them ("张三（X公司董事长）"), and reporters in bylines.

Part of the rules extractor; imports core and normalize. A name is two or three Chinese
characters starting with a surname; where the trained tagger marks a name, its length wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

import ahocorasick

from industry_atlas.core.models import FactKind, MentionType
from industry_atlas.core.text import find_all
from industry_atlas.extract.packs import DomainKnowledge
from industry_atlas.extract.rules.findings import FactDetails, Findings, FoundEntity
from industry_atlas.extract.rules.reading import Reading

# Characters that end a two-character name when they follow it (高超在接受…, 张鹏表示).
_AFTER_NAME = frozenset(
    "表说在认指介坦等和与的也则对曾向告透称接回还就是为于已将从强提谈分担带主率亲出作所近日今此一以及会均都并又更现同先女共这那该看感直补解答举希呼透道"
)
# adverbs the tagger may take for a three-character name's last character (汤韵则提醒)
_GLUED_ADVERBS = frozenset("则也就还都曾又")
_HONORIFICS = ("先生", "女士")
_HONORED_NEXT = re.compile("(?:先生|女士)(?:、|及|和|以及)")
_NAME_END = re.compile(r"[\s，。、；：！？“”（）()《》,.;:!?\-—]|$")
_JOINERS = ("兼任", "兼", "、", "和", "及", "暨")
_REPORTERS = re.compile(
    r"(?:本报|本台|本刊)?(?:特约)?记者[\s　]*(?P<names>(?:[\u4e00-\u9fff]{2,3}[\s　、]*){1,3})"
)
# a list item opening on a person's name and a comma: "（2）陈立衡，", "3. 王琦，"
_LISTED_PERSON = re.compile(
    r"(?m)^\s*(?:[（(]\d{1,2}[）)]|\d{1,2}[.、．)）]|[①-⑳·•])\s*(?P<name>[\u4e00-\u9fff]{2,3})[，,]"
)
_UNIT_BEFORE_TITLE = 8  # "关节模组研发部经理": characters of a unit before the title word
_TITLE_JOINER = re.compile("[、，,]|兼")
_BREAK_IN_UNIT = re.compile(r"[\s，。、；：（）()“”,.;:]")
_PAREN_TITLE = re.compile(r"[（(](?P<inner>[^（）()]{2,40})[）)]")
_COMMON_WORD_FREQ = 1000
_PRESS_TITLES = frozenset(
    {"记者", "特约记者", "编辑", "责任编辑", "作者", "通讯员", "主编", "总编辑"}
)
# titles only a company gives: who holds one with no organization beside it works for the
# company the article is about
_COMPANY_TITLES = frozenset(
    {
        "创始人",
        "联合创始人",
        "CEO",
        "首席执行官",
        "董事长",
        "总裁",
        "总经理",
        "CTO",
        "首席技术官",
        "首席科学家",
        "副总裁",
        "执行长",
        "创办人",
    }
)
_CONTACT_LINE = re.compile(r"联系人[：:][\s　]*(?P<items>[^\n]*?)(?=电话|附件|相关附件|$|\n)", re.M)
# one contact: an optional unit, a space, and a name of two or three characters
_CONTACT_ITEM = re.compile(
    r"(?:(?P<unit>[^\s　；;，,。：:]{2,30}?)[\s　]+)?(?P<name>[\u4e00-\u9fff]{2,3})(?=[\s　；;，,。]|$)"
)
_BYLINE_ROLE = re.compile(
    r"(?P<title>文|编辑|责任编辑|作者|记者|摄影|撰文|实习生|通讯员)[｜|:：\s　]+(?P<name>[\u4e00-\u9fff]{2,3})(?=[\s　|｜，。,]|$)"
)


_ROLE_ASSIGNED = re.compile(
    r"(?:(?P<body>专委会|专家委员会|委员会|理事会|联盟|协会|学会|专家组|工作组)|(?<=[，；]))"
    r"(?P<role>副?主任(?:委员)?|副?理事长|副?会长|副?秘书长|副?组长|首席科学家)"
    r"(?:由|包括|为|是)"
)
# honours and descriptions belong to no employer: 中国科学院院士, 人工智能专家
_HONORIFIC = re.compile("院士|专家|学者|^中国")
_PERSON_NAME = re.compile(r"[\u4e00-\u9fff·]{2,6}")
_ASSIGNMENT_END = re.compile(r"担任|等[。，；]|。")


@dataclass(frozen=True, slots=True)
class TitleHit:
    """A title word in the text."""

    start: int
    end: int
    title: str


def find_persons(reading: Reading, findings: Findings, knowledge: DomainKnowledge) -> None:
    """Add person entities and a `holds_title` fact per title of each person."""
    hits = list(_titles(reading.text, knowledge))
    names_by_start = {
        span.start: span
        for span in reading.tagged
        if span.label == "name" and _PERSON_NAME.fullmatch(span.text)
    }
    org_ends = _org_ends(findings)
    for chain in _chains(reading, hits, org_ends):
        found = _name_at(reading, knowledge, chain[-1][0].end, names_by_start)
        if found is None:
            continue
        start, name = found
        orgs = [org for _, org in chain if org is not None]
        if not orgs and all(hit.title in _PRESS_TITLES for hit, _ in chain):
            orgs = [org for org in [_home_media(findings)] if org]
        if not orgs:
            orgs = [org for org in [_org_nearby(reading, findings, chain[0][0].start)] if org]
        if not orgs and all(hit.title in _COMPANY_TITLES for hit, _ in chain):
            # "织力机器人完成…融资。公司成立于…，创始人兼总经理沈沐阳…": the company the
            # paragraph is about; else, in an article on one company, that company's
            company = _paragraph_company(reading, findings, chain[0][0].start)
            company = company or findings.headline_company(reading.headline_end)
            orgs = [company] if company else []
        distinct = {org.name for org in orgs}
        titles = [
            (org.name + hit.title) if org is not None and len(distinct) > 1 else hit.title
            for hit, org in chain
        ]
        for person_start, person in [(start, name), *_honored_list(reading, knowledge, found)]:
            _record(
                reading,
                findings,
                (person_start, person_start + len(person)),
                titles,
                orgs[0] if orgs else None,
                chain[0][0].start,
            )
    _reporters(reading, findings, knowledge)
    _contacts(reading, findings, knowledge)
    _parenthesized(reading, findings, knowledge, hits)
    _listed_with_titles(reading, findings, knowledge, hits)
    _assigned_roles(reading, findings)


def _home_media(findings: Findings) -> FoundEntity | None:
    """The outlet a byline's "本报记者" works for: the most mentioned media organization."""
    media = [entity for entity in findings.of_type(MentionType.ORG) if entity.kind == "media"]
    return max(media, key=lambda entity: len(entity.spans), default=None)


def _org_ends(findings: Findings) -> dict[int, FoundEntity]:
    """Organizations by the offset where a mention of them ends."""
    return {end: entity for entity in findings.of_type(MentionType.ORG) for _, end in entity.spans}


def _titles(text: str, knowledge: DomainKnowledge) -> Iterator[TitleHit]:
    automaton = _title_automaton(knowledge.titles)
    found = sorted(
        (TitleHit(end - len(title) + 1, end + 1, title) for end, title in automaton.iter(text)),
        key=lambda hit: (hit.start, -(hit.end - hit.start)),
    )
    last_end = -1
    for hit in found:
        if hit.start >= last_end:
            last_end = hit.end
            yield hit


@lru_cache(maxsize=4)
def _title_automaton(titles: tuple[str, ...]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for title in titles:
        automaton.add_word(title, title)
    automaton.make_automaton()
    return automaton


def _chains(
    reading: Reading, hits: list[TitleHit], org_ends: dict[int, FoundEntity]
) -> Iterator[list[tuple[TitleHit, FoundEntity | None]]]:
    """Group the titles of one person: "副理事长兼秘书长", "银河通用创始人、北京大学助理教授"."""
    chain: list[tuple[TitleHit, FoundEntity | None]] = []
    for hit in hits:
        org = _org_ending_at(org_ends, reading.text, hit.start)
        if chain and _linked(reading.text, chain[-1][0].end, hit.start, org, org_ends):
            chain.append((hit, org))
            continue
        if chain:
            yield chain
        chain = [(hit, org)]
    if chain:
        yield chain


def _org_ending_at(
    org_ends: dict[int, FoundEntity], text: str, position: int
) -> FoundEntity | None:
    for gap in (0, 1, 2):
        entity = org_ends.get(position - gap)
        if entity is not None and text[position - gap : position].strip(" 　的") == "":
            return entity
    return None


def _linked(
    text: str, end: int, start: int, org: FoundEntity | None, org_ends: dict[int, FoundEntity]
) -> bool:
    between = text[end:start]
    if between.strip() in _JOINERS or between == "":
        return True
    if org is None:
        return False
    org_start = min(s for s, e in org.spans if start - 2 <= e <= start)
    return text[end:org_start].strip() in _JOINERS


def _paragraph_company(reading: Reading, findings: Findings, position: int) -> FoundEntity | None:
    """The company the paragraph around `position` names first, before `position`."""
    paragraph = reading.text.rfind("\n", 0, position) + 1
    first: tuple[int, FoundEntity] | None = None
    for entity in findings.of_type(MentionType.ORG):
        if entity.kind != "company":
            continue
        for start, _ in entity.spans:
            if paragraph <= start < position and (first is None or start < first[0]):
                first = (start, entity)
    return first[1] if first else None


def _org_nearby(reading: Reading, findings: Findings, position: int) -> FoundEntity | None:
    """The nearest organization earlier in the same clause ("X公司近日宣布…董事长张三")."""
    clause_start = max(
        (m.end() for m in re.finditer("[。；\n]", reading.text[max(0, position - 30) : position])),
        default=0,
    ) + max(0, position - 30)
    best: tuple[tuple[int, int], FoundEntity] | None = None
    for entity in findings.of_type(MentionType.ORG):
        for _, end in entity.spans:
            if clause_start <= end <= position and (best is None or end > best[0]):
                best = (end, entity)
    return best[1] if best else None


def _name_at(
    reading: Reading, knowledge: DomainKnowledge, start: int, tagged: dict[int, object]
) -> tuple[int, str] | None:
    """Return (offset, name) of the person name at `start` (after spaces), if one is there."""
    text = reading.text
    while start < len(text) and text[start] in " 　:：｜|":
        start += 1
    span = tagged.get(start)
    if span is not None and 2 <= len(getattr(span, "text", "")) <= 4:
        name = str(span.text)
        if len(name) == 3 and name[-1] in _GLUED_ADVERBS:
            return start, name[:2]  # "研究总监汤韵则提醒": 则 goes with the verb
        return start, name
    name = _plain_name(reading, knowledge, start)
    return (start, name) if name and not _is_common_word(reading, name) else None


def _honored_list(
    reading: Reading, knowledge: DomainKnowledge, first: tuple[int, str]
) -> Iterator[tuple[int, str]]:
    """The names going on after a title's first one, each with its honorific
    ("执行董事程砺先生、孙雅琳女士及韦建峰先生"): all hold the title."""
    end = first[0] + len(first[1])
    while (joined := _HONORED_NEXT.match(reading.text, end)) is not None:
        found = _plain_name(reading, knowledge, joined.end())
        if found is None or not reading.text.startswith(_HONORIFICS, joined.end() + len(found)):
            return
        yield joined.end(), found
        end = joined.end() + len(found)


def _is_common_word(reading: Reading, name: str) -> bool:
    """单位 after 理事长 is no name: an everyday word that is not a person's name."""
    tag = reading.word_tags.get(name, "")
    return not tag.startswith("nr") and reading.word_frequencies.get(name, 0) >= _COMMON_WORD_FREQ


def _plain_name(reading: Reading, knowledge: DomainKnowledge, start: int) -> str | None:
    text = reading.text
    candidate = text[start : start + 3]
    if len(candidate) < 2 or not all("\u4e00" <= char <= "\u9fff" for char in candidate[:2]):
        return None
    surname_length = 2 if candidate[:2] in knowledge.compound_surnames else 1
    if surname_length == 1 and candidate[0] not in knowledge.surnames:
        return None
    two = text[start : start + surname_length + 1]
    three = text[start : start + surname_length + 2]
    if (
        len(three) == len(two) + 1
        and "\u4e00" <= three[-1] <= "\u9fff"
        and three[-1] not in _AFTER_NAME
    ) and (
        _NAME_END.match(text, start + len(three))
        or text[start + len(three) : start + len(three) + 1] in _AFTER_NAME
    ):
        return three
    if (
        _NAME_END.match(text, start + len(two))
        or text[start + len(two) : start + len(two) + 1] in _AFTER_NAME
    ):
        return two
    return None


def _record(
    reading: Reading,
    findings: Findings,
    span: tuple[int, int],
    titles: list[str],
    org: FoundEntity | None,
    chain_start: int,
) -> None:
    name = reading.document.text[span[0] : span[1]]
    person = findings.entity(MentionType.PERSON, name, "person", span)
    is_first = not any(f.subject == name and f.kind == FactKind.HOLDS_TITLE for f in findings.facts)
    for title in titles:
        evidence = [(chain_start, span[1])]
        findings.fact(
            FactKind.HOLDS_TITLE,
            person.name,
            title,
            evidence,
            details=FactDetails(
                object=org.name if org else None,
                qualifiers={"primary": "yes" if is_first else "no"},
            ),
        )
    for found in find_all(reading.text, name):
        if found != span and not _inside_other_name(reading, *found):
            person.spans.append(found)


def _assigned_roles(reading: Reading, findings: Findings) -> None:
    """ "专委会主任由…院士乔红担任，副主任包括…朱松纯，…黄铁军等": the people a body's role
    goes to, each with the role under the body's full name (北京人形机器人创新中心专委会主任)."""
    people = findings.of_type(MentionType.PERSON)
    body: FoundEntity | None = None
    sentence_of_body = -1
    for match in _ROLE_ASSIGNED.finditer(reading.text):
        sentence = reading.sentence_at(match.start()).start
        if match["body"]:
            body, sentence_of_body = _body_named(findings, match["body"], match.start()), sentence
        elif sentence != sentence_of_body:
            continue  # "，副主任包括…" goes on only from a body named earlier in the sentence
        if body is None:
            continue
        end = _ASSIGNMENT_END.search(reading.text, match.end())
        stop = end.start() if end else reading.sentence_at(match.start()).end
        for person in people:
            for start, span_end in person.spans:
                if match.end() <= start < stop:
                    _name_employers(findings, person.name)
                    findings.fact(
                        FactKind.HOLDS_TITLE,
                        person.name,
                        body.name + match["role"],
                        [(match.start(), span_end)],
                        details=FactDetails(object=body.name, qualifiers={"primary": "no"}),
                    )


def _name_employers(findings: Findings, person: str) -> None:
    """With titles at two bodies, each title says whose it is: 院长 -> 北京通用人工智能研究院院长."""
    for index, fact in enumerate(findings.facts):
        if (
            fact.kind == FactKind.HOLDS_TITLE
            and fact.subject == person
            and fact.object
            and not fact.predicate.startswith(fact.object)
            and not _HONORIFIC.search(fact.predicate)
        ):
            findings.facts[index] = replace(fact, predicate=fact.object + fact.predicate)


def _body_named(findings: Findings, body: str, position: int) -> FoundEntity | None:
    """The organization a short reference (专委会, 联盟) stands for: the last one before
    `position` whose name ends with it."""
    best: tuple[tuple[int, int], FoundEntity] | None = None
    for entity in findings.of_type(MentionType.ORG):
        if not entity.name.endswith(body):
            continue
        for start, _ in entity.spans:
            if start < position and (best is None or start > best[0]):
                best = (start, entity)
    return best[1] if best else None


def _inside_other_name(reading: Reading, start: int, end: int) -> bool:
    return (
        start > 0
        and "\u4e00" <= reading.text[start - 1] <= "\u9fff"
        and reading.text[start - 1] not in "。，、；：”“"
    )


def _reporters(reading: Reading, findings: Findings, knowledge: DomainKnowledge) -> None:
    """Bylines: "本报记者 王伟", "（记者 刘畅 谭婧）": title 记者 at the outlet."""
    media = _home_media(findings)
    for match in _REPORTERS.finditer(reading.text):
        position = match.start("names")
        for name in re.split(r"[\s　、]+", match["names"].strip()):
            start = reading.text.index(name, position)
            position = start + len(name)
            is_name = (
                2 <= len(name) <= 3
                and name[0] in knowledge.surnames
                and not reading.regions.find(name)
            )
            if (
                is_name
                and not reading.text.startswith("道", position)
                and findings.get(MentionType.PERSON, name) is None
            ):
                _record(
                    reading, findings, (start, start + len(name)), ["记者"], media, match.start()
                )
    for match in _BYLINE_ROLE.finditer(reading.text[:400]):
        name = match["name"]
        if name[0] in knowledge.surnames and findings.get(MentionType.PERSON, name) is None:
            title = "作者" if match["title"] in {"文", "撰文"} else match["title"]
            _record(reading, findings, match.span("name"), [title], media, match.start())


def _contacts(reading: Reading, findings: Findings, knowledge: DomainKnowledge) -> None:
    """A notice's contacts: "联系人：省经济和信息化厅未来产业处　何苗；省财政厅产业发展处　汪立新",
    "联系人：何婧 电话：…" - at the body the unit before the name belongs to, when named."""
    for line in _CONTACT_LINE.finditer(reading.text):
        for item in _CONTACT_ITEM.finditer(reading.text, *line.span("items")):
            name_start, name_end = item.span("name")
            name = item["name"]
            if name[0] not in knowledge.surnames or reading.regions.find(name):
                continue
            if findings.get(MentionType.PERSON, name) is None:
                org = _unit_body(findings, item["unit"] or "")
                _record(reading, findings, (name_start, name_end), ["联系人"], org, line.start())


def _unit_body(findings: Findings, unit: str) -> FoundEntity | None:
    """The body a department belongs to: 省经济和信息化厅未来产业处 is a unit of 安徽省经济和
    信息化厅, named without its place."""
    unit = unit.lstrip("省市区县")
    best: tuple[tuple[int, int], FoundEntity] | None = None
    for entity in findings.of_type(MentionType.ORG):
        core = next(
            (
                entity.name[k:]
                for k in range(len(entity.name) - 3)
                if unit.startswith(entity.name[k:]) and len(unit) > len(entity.name) - k
            ),
            None,
        )  # a body the unit is part of, not the unit itself found as a name
        # the longest match, and of equal ones the name with its place (安徽省…)
        if core is not None and (best is None or (len(core), len(entity.name)) > best[0]):
            best = ((len(core), len(entity.name)), entity)
    return best[1] if best else None


def _listed_with_titles(
    reading: Reading, findings: Findings, knowledge: DomainKnowledge, hits: list[TitleHit]
) -> None:
    """ "（2）陈立衡，董事、副总经理、首席技术官，负责…", "3. 王琦，研发中心总监": a list
    item naming a person, then the titles held (a unit may lead one: 研发中心总监) - in a
    filing, at the filer."""
    by_start = {hit.start: hit for hit in hits}
    for match in _LISTED_PERSON.finditer(reading.text):
        name = _plain_name(reading, knowledge, match.start("name"))
        if name is None or match.start("name") + len(name) != match.end("name"):
            continue
        titles: list[str] = []
        position = match.end()
        while True:
            hit = next(
                (
                    by_start[start]
                    for start in range(position, position + _UNIT_BEFORE_TITLE + 1)
                    if start in by_start
                ),
                None,
            )
            lead = reading.text[position : hit.start] if hit else ""
            if hit is None or _BREAK_IN_UNIT.search(lead):
                break
            titles.append(reading.document.text[position : hit.end])
            joiner = _TITLE_JOINER.match(reading.text, hit.end)
            if joiner is None:
                break
            position = joiner.end()
        if not titles:
            continue
        org = findings.get(MentionType.ORG, findings.filer) if findings.filer else None
        org = org or findings.headline_company(reading.headline_end)
        span = (match.start("name"), match.end("name"))
        _record(reading, findings, span, titles, org, span[0])


def _parenthesized(
    reading: Reading, findings: Findings, knowledge: DomainKnowledge, hits: list[TitleHit]
) -> None:
    """ "刘海涛（华南理工大学教授）": the title follows the name in brackets."""
    for match in _PAREN_TITLE.finditer(reading.text):
        inner = match["inner"]
        title = next((t for t in knowledge.titles if inner.endswith(t)), None)
        if title is None:
            continue
        for length in (3, 2):
            start = match.start() - length
            name = reading.text[start : match.start()]
            before = reading.text[start - 1] if start > 0 else "。"
            if (
                start >= 0
                and name[0] in knowledge.surnames
                and all("\u4e00" <= c <= "\u9fff" for c in name)
                and not "\u4e00" <= before <= "\u9fff"
            ):
                org = _org_ending_at(
                    _org_ends(findings), reading.text, match.end("inner") - len(title)
                )
                _record(reading, findings, (start, match.start()), [title], org, start)
                break
