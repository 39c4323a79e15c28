"""Which city an organization or product belongs to, and why (the basis is kept).

Part of the rules extractor; imports core and normalize. Bases, strongest first:
"explicit" (总部位于, 落户, 注册于, "杭州企业", "来自深圳的"), "name" (the city inside the
name: 上海开普勒探索机器人, 国网杭州供电公司), "context" (an enumeration under a city:
"“沪籍”人形机器人…分别是A推出的X", "北京和合肥则各有一个…分别是A…和B…"; "本地企业" in a
document about one city; platforms a district attracted), and "lexicon" (the packs'
registered city, used only when the text says nothing). A province is not a city:
"粤字号"企业 get no city. A product belongs where its maker does.
"""

from __future__ import annotations

import re

from industry_atlas.core.models import FactKind, MentionType, Region
from industry_atlas.extract.rules.findings import FactDetails, Findings, FoundEntity
from industry_atlas.extract.rules.lexicon import Lexicon
from industry_atlas.extract.rules.reading import Reading
from industry_atlas.normalize.words import jieba_words

_STATED_AFTER = re.compile(
    r"(?:总部|公司总部|总部基地)?(?:位于|设在|落户|落地|注册于|坐落于|扎根|在|于)(?P<place>[^，。、；]{2,12})"
)
_STATED_BEFORE = re.compile(
    r"(?:总部位于|总部设在|注册于|落户|来自|位于|扎根)(?P<place>[^，。、；的]{2,12})的"
    r"(?:[\u4e00-\u9fff]{0,10}?(?:公司|企业|厂商|独角兽|创业公司|初创公司|机构))?$"
)
# not "北特科技（昆山）精密传动有限公司": a bracket inside a company's legal name
_PLACE_BRACKET = re.compile(
    r"[（(](?P<place>[\u4e00-\u9fff]{2,8})[）)](?![^，。、；：:｜|\s]{0,12}公司)"
)
_PLACE_ADJECTIVE = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,6})(?:企业|公司|本土企业|本地企业|的)$")
_LOCAL = re.compile(
    r"(?:本地|本市|当地|在[杭沪京深穗甬蓉汉苏锡])(?:[\u4e00-\u9fff]{0,4})(?:企业|公司|整机企业|高校|院所|机构)"
)
_ATTRACTED = re.compile(r"(?:吸引|集聚|汇聚|引进|入驻|落地|落户)")
# "沪籍", and a quoted word of the same shape in the same role ("“深耕”人形机器人的数量有
# 3个", the seed's slip for 深籍)
_ENUMERATED = re.compile(
    r"(?P<abbr>[京沪津渝粤深穗杭甬浙苏锡皖鄂汉蓉川湘鲁闽冀豫])籍"
    r"|[“\"](?P<quoted>[京沪津渝粤深穗杭甬浙苏锡皖鄂汉蓉川湘鲁闽冀豫])[\u4e00-\u9fff][”\"](?=人形机器人|机器人|企业)"
)
_BASIS_RANK = {"explicit": 4, "name": 3, "context": 2, "lexicon": 1}


def attribute_cities(reading: Reading, findings: Findings, lexicon: Lexicon) -> None:
    """Add a `located_in` fact for each organization and product whose city is known."""
    cities: dict[str, tuple[Region, str, list[tuple[int, int]]]] = {}
    for entity in findings.of_type(MentionType.ORG):
        for found in _org_cities(reading, entity, lexicon):
            _keep_best(cities, entity.name, found)
    for name, found in _enumerated(reading, findings).items():
        _keep_best(cities, name, found)
    for name, found in _attracted(reading, findings).items():
        _keep_best(cities, name, found)
    for name, found in _listed_statements(reading, findings).items():
        _keep_best(cities, name, found)
    for fact in findings.facts:
        if fact.kind == FactKind.MAKES and fact.subject in cities:
            region, basis, evidence = cities[fact.subject]
            product_evidence = [(span.start, span.end) for span in fact.evidence]
            _keep_best(
                cities,
                fact.object or "",
                (region, "maker" if basis != "lexicon" else "lexicon", product_evidence),
            )
    for name, (region, basis, evidence) in cities.items():
        if not name or not evidence:
            continue
        findings.fact(
            FactKind.LOCATED_IN,
            name,
            "located_in",
            evidence,
            details=FactDetails(
                object=reading.regions.full_name(region),
                qualifiers={"basis": basis, "region_code": region.code},
            ),
        )


def _keep_best(
    cities: dict[str, tuple[Region, str, list[tuple[int, int]]]],
    name: str,
    found: tuple[Region, str, list[tuple[int, int]]],
) -> None:
    current = cities.get(name)
    if current is None or _BASIS_RANK.get(found[1], 2) > _BASIS_RANK.get(current[1], 2):
        cities[name] = found


def _org_cities(
    reading: Reading, entity: FoundEntity, lexicon: Lexicon
) -> list[tuple[Region, str, list[tuple[int, int]]]]:
    found = []
    for start, end in entity.spans:
        for place, basis in _stated_around(reading, start, end):
            city = _city(reading, place)
            if city is not None:
                found.append((city, basis, [(start, end)]))
    pack_name = entity.attrs.get("pack_name")
    entry = lexicon.makers.get(pack_name) if pack_name else None
    for span in sorted(entity.spans, key=lambda s: (s[1] - s[0], s[0]), reverse=True):
        # the longest way the text writes the name: 杭州千寻智能 for 千寻智能
        city = _city_in_name(reading, reading.text[span[0] : span[1]])
        # a known maker's place-like name is not its address: 阿里云 is not in 阿里地区
        known_elsewhere = entry is not None and entry.city and city and city.name != entry.city
        if city is not None and not known_elsewhere:
            found.append((city, "name", [span]))
            break
    if entry is not None and entry.city and entity.spans:
        region = reading.regions.lookup(entry.city)
        if region is not None:
            found.append((region, "lexicon", [entity.spans[0]]))
    return found


def _stated_around(reading: Reading, start: int, end: int) -> list[tuple[str, str]]:
    text = reading.text
    found = []
    after = _STATED_AFTER.match(text, end)
    if after and "交易所" not in after["place"]:  # 在北京证券交易所上市: where it listed
        found.append((after["place"], "explicit"))
    bracketed = _PLACE_BRACKET.match(text, end)
    place = _last_of_places(reading, bracketed["place"]) if bracketed else None
    if place is not None:  # "绿的谐波（苏州）", "兆威机电（广东深圳）": where a listed maker is
        found.append((place, "explicit"))
    before = _STATED_BEFORE.search(text, max(0, start - 30), start)
    if before:
        found.append((before["place"], "explicit"))
    glued = [
        place for place in reading.places_between(max(0, start - 8), start) if place.end == start
    ]
    if glued:  # "深圳帕西尼感知完成…融资"
        found.append((text[glued[-1].start : start], "explicit"))
    adjective = _PLACE_ADJECTIVE.search(text, max(0, start - 10), start)
    if adjective and text[adjective.start() - 1 : adjective.start()] not in {"在", "于"}:
        found.append((adjective["place"], "explicit"))
    local = _LOCAL.search(text, end, min(len(text), end + 30))
    home = reading.home_region
    if (
        local
        and home is not None
        and "、" in text[end : local.start()] + "、"
        and _same_list(text, end, local.start())
    ):
        found.append((home.name, "context"))
    return found


def _last_of_places(reading: Reading, text: str) -> str | None:
    """The last place of `text` when it is nothing but place names ("江苏苏州" -> 苏州)."""
    places = reading.regions.find(text)
    if not places or sum(place.end - place.start for place in places) != len(text):
        return None
    return text[places[-1].start :]


def _same_list(text: str, start: int, end: int) -> bool:
    """True when only list items separate a name from "等本地企业"."""
    return not re.search("[，。；：]", text[start:end]) and "等" in text[start:end]


def _city(reading: Reading, place_text: str) -> Region | None:
    """The city of the first place named in `place_text` (None for a province)."""
    places = reading.regions.find(place_text)
    if not places or places[0].start != 0:
        return None
    return reading.regions.city_of(places[0].region)


def _city_in_name(reading: Reading, name: str) -> Region | None:
    places = reading.regions.find(name)
    for place in places:
        if place.end >= len(name) or not _is_word_end(name, place.end):
            continue  # the place ends the name, or is part of a word (阿里 in 阿里巴巴)
        city = reading.regions.city_of(place.region)
        if city is not None:
            return city
    return None


def _is_word_end(name: str, offset: int) -> bool:
    position = 0
    for word in jieba_words(name):
        position += len(word)
        if position >= offset:
            return position == offset
    return True


def _enumerated(
    reading: Reading, findings: Findings
) -> dict[str, tuple[Region, str, list[tuple[int, int]]]]:
    """Makers listed under a city: "“沪籍”…分别是A推出的X、B推出的Y", "北京和合肥则各有一个…
    分别是A推出的X和B推出的Y"."""
    found: dict[str, tuple[Region, str, list[tuple[int, int]]]] = {}
    claims = [fact for fact in findings.facts if fact.kind == FactKind.COUNT_CLAIM]
    makers = {fact.object: fact.subject for fact in findings.facts if fact.kind == FactKind.MAKES}
    for claim in claims:
        region = _claim_region(reading, claim.evidence[0].start)
        if region is None:
            continue
        for item in claim.qualifiers.get("items", "").split("|"):
            entity = _named(findings, MentionType.PRODUCT, item) or _named(
                findings, MentionType.ORG, item
            )
            if entity is None:
                continue
            for name in (entity.name, makers.get(entity.name)):
                if name:
                    found[name] = (
                        region,
                        "context",
                        [(claim.evidence[0].start, claim.evidence[-1].end)],
                    )
    return found


def _claim_region(reading: Reading, position: int) -> Region | None:
    """The city a count claim is about: "沪籍" or a city named at the claim."""
    sentence = reading.sentence_at(position)
    abbreviated = list(_ENUMERATED.finditer(reading.text, sentence.start, position + 4))
    if abbreviated:
        region = reading.regions.abbreviation(abbreviated[-1]["abbr"] or abbreviated[-1]["quoted"])
        return reading.regions.city_of(region) if region else None
    places = [
        p
        for p in reading.places
        if sentence.start <= p.start <= position and not reading.in_org(p.start)
    ]
    return reading.regions.city_of(places[-1].region) if places else None


def _named(findings: Findings, type_: MentionType, name: str) -> FoundEntity | None:
    return findings.get(type_, name) or next(
        (e for e in findings.of_type(type_) if name in e.aliases), None
    )


def _attracted(
    reading: Reading, findings: Findings
) -> dict[str, tuple[Region, str, list[tuple[int, int]]]]:
    """ "徐汇区…吸引了A、B、C等功能平台落地": what a place attracted is in that place."""
    found: dict[str, tuple[Region, str, list[tuple[int, int]]]] = {}
    orgs = findings.of_type(MentionType.ORG)
    for sentence in reading.sentences:
        leading = reading.places_between(sentence.start, sentence.start + 4)
        verb = _ATTRACTED.search(reading.text, sentence.start, sentence.end)
        if not leading or verb is None:
            continue
        city = reading.regions.city_of(leading[0].region)
        if city is None:
            continue
        for entity in orgs:
            for start, end in entity.spans:
                if verb.end() <= start < sentence.end:
                    found.setdefault(entity.name, (city, "context", [(leading[0].start, end)]))
    return found


_LIST_STATEMENT = re.compile(
    r"(?:总部(?:均|都)?(?:位于|设在)|(?:均|都)把总部设在|(?:均|都)?落户(?:于|在)?|(?:均|都)注册于|这\d+家|这[一二三四五六七八九十]+家)"
    r"(?P<place>[\u4e00-\u9fff]{2,6}?)(?:企业|公司|市|[，。；、的])"
)


def _listed_statements(
    reading: Reading, findings: Findings
) -> dict[str, tuple[Region, str, list[tuple[int, int]]]]:
    """A statement about a whole list: "A、B、C等本体企业均把总部设在深圳", "这6家杭州企业"."""
    found: dict[str, tuple[Region, str, list[tuple[int, int]]]] = {}
    for match in _LIST_STATEMENT.finditer(reading.text):
        city = _city(reading, match["place"])
        if city is None:
            continue
        sentence = reading.sentence_at(match.start())
        for entity in findings.of_type(MentionType.ORG):
            for start, end in entity.spans:
                if sentence.start <= start and end <= match.start():
                    found.setdefault(entity.name, (city, "explicit", [(start, match.end())]))
    return found
