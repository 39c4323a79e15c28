"""Products: robots, models, chips and components with a name, their maker, kind and date.

Part of the rules extractor; imports core and normalize. A product is what an
organization releases ("智元机器人推出的“远征A1”", "智谱AI发布新一代基座大模型GLM-4",
"OpenAI已经推出GPT-3大模型", "GLM-4由智谱AI研发"), a model name after a product noun
(人形机器人“擎天柱”), or a product the packs know. An unnamed release keeps the words
the text uses ("追觅推出的通用人形机器人"), or the maker's name before its noun
("科大讯飞推出的人形机器人" -> 科大讯飞人形机器人).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from industry_atlas.core.models import FactKind, MentionType, PartialDate
from industry_atlas.core.text import find_all, is_cjk
from industry_atlas.extract.packs import DomainKnowledge
from industry_atlas.extract.rules.enumerations import split_items
from industry_atlas.extract.rules.findings import FactDetails, Findings, FoundEntity, name_again
from industry_atlas.extract.rules.lexicon import Lexicon, LexiconHit
from industry_atlas.extract.rules.reading import INVESTORS_AFTER, Reading

_MODIFIERS = re.compile(
    r"(?:其|新一代|新一代的|首款|首个|第一款|全新|最新|最新一代|升级版|新款|自研|自主研发的|开源|开源的|"
    r"旗舰|旗舰版|新版|轻量版|标准版|专业版|第[一二三四五六七八九十\d]+代|一款|多款|通用型|首台|两款|最新款|又|还|"
    r"[^，。、；“”]{1,14}?的)+"
)
_CODE_CHAR = re.compile("[A-Za-z0-9]")
# Going on sale (开售, 上市) is a launch; only after a product's name or in a clause of its
# own, since "ORG上市" is a listing on an exchange.
LAUNCH_VERBS = ("正式开售", "开售", "上市", "发售")
_TOPIC_DATED = re.compile(
    r"[，,]\s*(?:已|已经)?(?:于|在)?(?P<date>[^，。；,]{2,12}?)(?:正式)?"
    r"(?P<verb>发布|推出|首发|亮相|开售|上市|发售)(?=[，。；,])"
)
_MODEL = r"(?:[A-Za-z][A-Za-z0-9]*(?:[ \-.][A-Za-z0-9]+)*|[0-9]+[A-Za-z][A-Za-z0-9\-]*)(?:/[A-Za-z0-9]+)*"
# the model a sentence opens with ("T1来自北京的加速进化，去年10月发布")
_OPENING_MODEL = re.compile(rf"\s*(?P<name>{_MODEL})(?![A-Za-z0-9])")
_QUOTED = re.compile(r"[“\"「]([^”\"」]{1,16})[”\"」]")
# "（Rover T3）", "（英文名Rover T3）", "（又称“R60关节”）": the bracket's name, not its label
_ALIAS = re.compile(
    r"[（(](?P<intro>(?:英文|中文)名?称?|又称|亦称|别名|简称|代号)?[：:]?“?([^（）()“”]{1,12})”?[）)]"
)
_OBJECT_END = re.compile(
    r"[、，。；：！？,;:!?\n]|以及|和(?![^、，。]*[）)])|及其|及|等|在|于|已|并|将|，"
)
_VERSION_NAME = r"[\u4e00-\u9fff]{2,6}-?\d+(?:\.\d+)?(?:-[A-Za-z]+)?"
_VERSIONED = re.compile(_VERSION_NAME)
_THOUSANDS = re.compile(r",\d{3}")
# "具身智能基座模型SG-Embody 2.0": descriptors before the product noun a name follows
_NOUN_REACH = 8
_NAMED = re.compile(
    rf"(?:(?:{_MODEL})(?:系列)?|[\u4e00-\u9fff]{{1,6}}(?:{_MODEL}|[0-9一二三四五六七八九十]+号)"
    # "书澜-3", "书澜-3-Mini", "盘古5.0": a Chinese brand and its version
    rf"|{_VERSION_NAME}(?![\d.年月日亿万个家%人名台套件项])"
    rf"|[\u4e00-\u9fff]{{2,6}}系列)"
)
_BENCHMARKS_AFTER = re.compile(
    r"\s*等?(?:多个|多项)?(?:基准|榜单|评测|测评|测试集|数据集|benchmark)"
)
_PACK_KINDS = {"large_models": "llm", "humanoid_robots": "humanoid_robot"}
_STEM_BREAK_CHARS = "的了和与及是在即、"
_STEM_BREAK = re.compile(f"[{_STEM_BREAK_CHARS}]")
_MODEL_DESIGNATION = re.compile(
    rf"(?<![A-Za-z0-9.\-])(?:[\u4e00-\u9fff]{{1,4}})?(?:{_MODEL})(?![A-Za-z0-9])(?!\.(?:SZ|SH|HK|BJ))"
)
# designations that are standards, sizes or periods, not products
_HEADED_DESIGNATION = re.compile(
    r"[ \t]+(?P<name>[\u4e00-\u9fff]{0,4}[A-Za-z0-9][A-Za-z0-9\-. ]{0,14})[ \t]*"
)
# what a Latin name goes on into when it names a model: "-V3.2", ".2", " K2 Thinking"
_LATIN_DESIGNATION = re.compile(
    r"(?:[\-.][A-Za-z0-9][A-Za-z0-9.]*|[ ](?=[A-Za-z]*\d)[A-Z0-9][A-Za-z0-9.\-]*)"
    r"(?:[ \-][A-Z][A-Za-z0-9.]*)*"
)
_NOT_A_MODEL = re.compile(
    r"[0-9.]+[GKDPTBMC]|Q[1-4]|H[12]|PM2\.5|CO2|COVID-19|G20|ISO ?\d+|GB/?T? ?\d+|Top\d+|TOP\d+"
    r"|\d{4}[AEFQH]\d?|[0-9.]+ ?(?:[PTE]?FLOPS|TOPS|GB|TB|MB|mAh|GHz|Hz|nm|mm|kW|W|V|Nm|N)"
)
_NOT_NAME_TAGS = frozenset(
    {"v", "vn", "vd", "d", "t", "r", "p", "c", "m", "q", "f", "u", "a", "ad", "b"}
)
_SPEC_WORDS = ("自由度", "身高", "体重", "售价", "参数", "续航", "负载", "算力")
_NOT_A_NAME = re.compile(r"[、，,。！？]|^(?:更|很|最|非常|比较|十分|极其)")
_HARDWARE_NOUNS = frozenset({"关节模组", "伺服驱动器", "驱动器", "控制器"})
_MODEL_ONLY = re.compile(rf"(?:{_MODEL})(?:系列)?")
# the look-behinds keep the count from restarting inside a run of digits (linear time)
_COUNTED_PRODUCTS = re.compile(
    r"(?:(?<!\d)\d+|(?<![一二三四五六七八九十两])[一二三四五六七八九十两]+)款[^，。；：]{0,16}?(?:机器人|大模型|模型|产品|灵巧手)"
    r"(?P<rest>[^，。；：]{0,24}?)[，,：:]\s*(?:其中)?(?:分别是|分别为|包括|即)[：:]?"
)
# the line-up was released: "共有7款…新品集中首发，其中包括…"
_LINEUP_RELEASED = re.compile("发布|首发|推出")
# "深度求索的DeepSeek-R1（1月20日）": an item's own date in brackets after it
_ITEM_DATE = re.compile(r"[（(](?P<date>[^（）()]{2,14})[）)]$")
_GENERIC_LEADS = ("新产品", "产品", "新品")
_LIST_STOP = re.compile("[。；;，,\n]|$")
_DESIGNATION_GOES_ON = re.compile(r"[.\-]?[A-Za-z0-9]")
_SHOWN = frozenset({"量产", "交付", "展出", "展示"})
_CLAUSE_OPENERS = frozenset("，；：,;:\n")
_DATED_RELEASE_VERBS = ("发布", "推出", "带来")
_OUR = ("我们的", "公司的")  # what an interviewee or a filing calls its own
_FILER_WORDS = re.compile("本集团|本公司")
_COMPANY_OPENING = re.compile(r"\s*(?:该)?公司(?!的)")  # a sentence opening on 公司
# an edition word after a model's name (not when the name goes on: "混元Turbo S")
_EDITION = re.compile(
    r" ?(?:Flash|Pro|Max|Mini|Turbo|Air|Lite|Ultra|Plus)(?![A-Za-z0-9]| [A-Z0-9])"
)
_THIS_ONE_RELEASED = re.compile(
    r"(?:这款|该款|此款)(?:由[^，。；的]{1,16}?)?(?P<when>[^，。；的]{2,12}?)(?:正式)?(?:发布|推出)的"
)
_THIS_ONE_REACH = 120  # how far back 这款 may point
_PER_UNIT_STEM = re.compile("(?:每|各|单)[台只款个套部辆]")
_BRANDED_MODEL = re.compile(rf"[\u4e00-\u9fff]{{1,4}}(?:{_MODEL})")
_LIST_LEAD = re.compile("即|诸如|比如|例如|如|包括")
_POINTING_NAME = re.compile(r"(?:这款|该款|此款|这一|该|这|此)(?:机器人|产品|模型|大模型|机型)")
_NOT_IN_NAME = re.compile("[的了着推发布出研是在和与及等]")
_LIST_ITEM = re.compile(
    rf"(?:{_MODEL}|[\u4e00-\u9fff]{{1,5}}{_MODEL})(?:[（(][^（）()]{{1,8}}[）)])?"
)
_RELEASE_AFTER = re.compile(
    r"(?:已经|已于|已|正式|最新|近日|此前|今年|去年|日前|相继|先后|于|也|还|又|将|曾|今日|今天|昨日|当天|则|首次|"
    r"[（(][^（）()]{2,24}[）)]|在[\u4e00-\u9fff]{2,8}?(?=正式|发布|推出|亮相)|在"
    # a team of the maker: "字节跳动豆包大模型团队发布…"
    r"|[\u4e00-\u9fffA-Za-z0-9]{0,10}?团队(?=正式|发布|推出|亮相|开源))*"
)
_SUBJECTLESS = re.compile(
    r"(?:^|[，。；])(?:[^，。；]{0,14}?[，])?(?:又|还|再|也|随后|此后|同时)(?=推出|发布)"
)
_SERIES = re.compile(r"系列$")
# "阿里旗下的", "智谱的GLM-4", "优必选（UBTech）的Walker S1"
_OWNS = re.compile(r"(?:[（(][A-Za-z][A-Za-z0-9 .&\-]{0,30}[）)])?(?:旗下(?:的)?|的(?=[A-Za-z]))")
_NAME_BOUNDARY = re.compile(
    r"(?:[，。、；：）)”\s]|大模型|模型|机器人|$|已|在|于|是|将|也|还|等|和|则)"
)
_MADE_BY = re.compile(rf"(?<![A-Za-z0-9])(?P<name>{_MODEL})(?:是|为|系|则)?(?:由|是)$")
_POSSESSIVE_BEFORE = re.compile(r"(?:其|它的|该公司的?|公司的)$")
# "团队来自浙江大学，首款产品为…": where a team comes from makes nothing it makes
_ORIGIN_BEFORE = re.compile("(?:来自|出自|毕业于|源自|孵化于|脱胎于)$")
_MADE_VERB = re.compile(r"(?:自主|独立|联合)?(?:研发|推出|发布|打造|研制|开发|旗下)")


# a table's column of product names, and the column naming who makes or offers each
_QUOTED_BEFORE_BRACKET = re.compile(r"“(?P<name>[^“”，。；\s]{2,20})”[（(]$")
_PRODUCT_COLUMN = re.compile("^(?:服务名称|产品名称|模型名称|产品|模型|型号)$")
_DATE_COLUMN = re.compile("^(?:发布日期|发布时间|上市时间|上市日期|首发日期)$")
_MAKER_COLUMN = re.compile(
    "^(?:主体名称|备案主体|厂商|厂家|企业|公司|研发单位|开发者|生产企业|企业名称)$"
)


@dataclass(frozen=True, slots=True)
class Release:
    """One product sighting: its name span, maker and evidence."""

    name: str
    span: tuple[int, int]
    kind: str
    maker: FoundEntity | None
    date: PartialDate | None
    evidence: list[tuple[int, int]]
    aliases: tuple[str, ...] = ()
    date_basis: str = "context"  # "sentence" when the release sentence states the date


def find_products(
    reading: Reading, findings: Findings, knowledge: DomainKnowledge, lexicon: Lexicon
) -> None:
    """Add product entities and `makes` facts."""
    releases: list[Release] = []
    org_spans = {span: e for e in findings.of_type(MentionType.ORG) for span in e.spans}
    reading.mark_orgs(list(org_spans))
    for span, maker in sorted(org_spans.items()):
        release = _release_after(reading, knowledge, maker, span)
        if release is not None:
            releases.append(release)
    releases.extend(_subjectless(reading, knowledge, findings, releases))
    releases.extend(_dated_clause(reading, knowledge, findings, releases))
    releases.extend(_described(reading, knowledge, findings, releases))
    releases.extend(_model_before_noun(reading, knowledge, findings, releases))
    releases.extend(_listed(reading, knowledge, releases))
    releases.extend(_counted(reading, knowledge, findings, releases))
    releases.extend(_dated_after_name(reading, knowledge, findings, releases))
    releases.extend(_topic_dated(reading, knowledge, findings, releases))
    releases.extend(_released_name(reading, knowledge, findings, releases))
    releases.extend(_code_named(reading, knowledge, findings, releases))
    releases.extend(_owned(reading, knowledge, findings, releases))
    releases.extend(_known(reading, findings, lexicon, releases))
    releases.extend(_model_names(reading, knowledge, findings, releases))
    releases.extend(_this_one_dated(reading, releases))
    releases.extend(_tabled(reading, knowledge, findings, releases))
    releases.extend(_headed(reading, knowledge, findings, releases))
    industries = {maker.name: maker.pack for maker in knowledge.makers}
    for release in releases:
        if _POINTING_NAME.fullmatch(release.name):
            continue  # "发布并开源该模型": the model named before, not one named 该模型
        release = _without_generic_lead(release)
        named = _named_maker(findings, release.name)
        release = replace(release, maker=named) if named else release
        _record(reading, findings, _kind_from_maker(release, industries))
    for variant in _variants(reading, findings):
        _record(reading, findings, variant)
    _merge_series(findings)
    _merge_branded(findings)
    _merge_aliased(findings)
    _merge_known(findings, lexicon)
    _every_mention(reading, findings)


def _without_generic_lead(release: Release) -> Release:
    """ "推出首款产品Kimi智能助手": the word 产品 before a name is not part of it."""
    lead = next((w for w in _GENERIC_LEADS if release.name.startswith(w)), None)
    if lead is None or len(release.name) - len(lead) < 2:
        return release
    start, end = release.span
    span = (start + len(lead), end)
    evidence = [span if found == release.span else found for found in release.evidence]
    return replace(release, name=release.name[len(lead) :], span=span, evidence=evidence)


def _release_after(
    reading: Reading, knowledge: DomainKnowledge, maker: FoundEntity, maker_span: tuple[int, int]
) -> Release | None:
    """ "ORG（于DATE）推出的 NAME": the product right after a maker and a release verb."""
    text = reading.text
    end = maker_span[1]
    position = _past_fillers_and_dates(reading, end)
    verb = next((v for v in knowledge.release_verbs if text.startswith(v, position)), None)
    if verb is None:
        return None
    position += len(verb)
    position += len(re.match(r"^(?:了|的|出|出了)?", text[position:]).group())  # type: ignore[union-attr]
    release = _object_at(reading, knowledge, maker, position, maker_span)
    if release is not None and verb in _SHOWN:
        # "首次展示了“天工2.0”": the maker's product, but a showing dates no release
        return replace(release, date=None, date_basis="context")
    return release


def _kind_from_maker(release: Release, industries: dict[str, str]) -> Release:
    """A product the text does not describe is of its maker's industry: MiniMax's abab6.5
    is a model, 傅利叶's GR-2 a humanoid robot."""
    if release.kind != "other" or release.maker is None:
        return release
    pack = industries.get(release.maker.attrs.get("pack_name", release.maker.name))
    kind = _PACK_KINDS.get(pack or "")
    return replace(release, kind=kind) if kind else release


def _past_fillers_and_dates(reading: Reading, position: int) -> int:
    """Skip what may sit between a maker and its verb: "（Tencent）去年11月5日", "已于3月"."""
    text = reading.text
    while True:
        filler_end = _RELEASE_AFTER.match(text, position).end()  # type: ignore[union-attr]
        date = next(
            (
                d
                for d in reading.dates_between(position, filler_end + 1)
                if _RELEASE_AFTER.fullmatch(text, position, d.start)
            ),
            None,
        )
        if date is None or date.end <= position:
            return filler_end
        position = date.end


def _object_at(
    reading: Reading,
    knowledge: DomainKnowledge,
    maker: FoundEntity,
    start: int,
    maker_span: tuple[int, int],
) -> Release | None:
    text = reading.text
    stop = _OBJECT_END.search(text, start, min(len(text), start + 30))
    end = stop.start() if stop else min(len(text), start + 30)
    modifiers = _MODIFIERS.match(text, start, end)
    name_start = modifiers.end() if modifiers else start
    phrase = text[name_start:end].strip()
    if not phrase:
        return None
    noun = next((n for n in knowledge.product_nouns if n in phrase), None)
    found = _name_in(text, name_start, end, noun)
    if found is None:
        if noun is None or not phrase.endswith(noun) or len(phrase) > 12:
            return None
        # unnamed: "追觅推出的通用人形机器人", "科大讯飞推出的人形机器人"; a stem that
        # names ("山猫机器人") is the name
        stem = phrase[: -len(noun)]
        if (
            stem
            and stem not in knowledge.generic_name_words
            and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", stem)
        ):
            name, span = stem, (name_start, name_start + len(stem))
        else:
            name = phrase if phrase != noun else maker.name + noun
            span = (name_start, name_start + len(phrase))
    else:
        name, span = found
    kind = _kind(knowledge, reading, span, name)
    date = _date_for(reading, span[0])
    aliases = _aliases_after(text, span[1])
    basis = "sentence" if _dated_here(reading, maker_span[0], span[0]) else "context"
    return Release(name, span, kind, maker, date, [maker_span, span], aliases, basis)


def _name_in(
    text: str, start: int, end: int, noun: str | None
) -> tuple[str, tuple[int, int]] | None:
    """The product name in "人形机器人“擎天柱”", "基座大模型GLM-4", "人形机器人夸父",
    "电科机器人1号", "远征A1", "GPT-3大模型"."""
    quoted = _QUOTED.search(text, start, end + 2)
    if quoted and quoted.start() <= start + (len(noun) if noun else 0) + 1:
        if _NOT_A_NAME.search(quoted[1]):
            return None  # “更结实、更灵活” is a description in quotes
        return quoted[1], quoted.span(1)
    at = text.find(noun, start, end) if noun else -1
    if noun and at != -1 and at - start <= _NOUN_REACH:
        after = at + len(noun)
        model = _MODEL_ONLY.match(text, after, end)
        if model:
            return model.group().strip(), (after, after + len(model.group().strip()))
        rest = text[after:end].strip()
        if 2 <= len(rest) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", rest) and at == start:
            return rest, (after, after + len(rest))  # 人形机器人夸父
        if (
            _BRANDED_MODEL.fullmatch(rest) or _VERSIONED.fullmatch(rest)
        ) and not _NOT_IN_NAME.search(rest):
            return rest, (after, after + len(rest))  # 轮式双臂机器人灵衍W1, 模型书澜-3
    named = _NAMED.match(text, start, end)
    if named and _THOUSANDS.match(text, named.end()):
        return None  # "研发投入20,879万元": an amount in thousands, not 投入20
    if named and not _NOT_IN_NAME.search(named.group()):
        name = named.group().strip()
        designation = re.search("[A-Za-z0-9].*", name)
        if designation and _NOT_A_MODEL.fullmatch(designation.group()):
            return None  # "该模型支持128K上下文": a size after a verb, not a model's name
        if (
            name.endswith("系列")
            and noun in _HARDWARE_NOUNS
            and text.startswith(noun, start + len(name))
        ):
            name += noun  # SD700系列伺服驱动器
        return name, (start, start + len(name))
    return None


def _dated_here(reading: Reading, maker_start: int, name_start: int) -> bool:
    """True when a date sits right before the release ("1月16日，智谱AI发布…"), not in an
    enumeration set up earlier ("2023年…分别是A推出的B、C推出的D"), or the sentence lies
    in a section its heading dates to a day ("【次日（3月26日）…】…兆威机电发布…")."""
    sentence = reading.sentence_at(maker_start)
    dates = reading.dates_between(sentence.start, name_start)
    if not dates:
        return reading.section_date(maker_start) is not None
    return "分别" not in reading.text[dates[-1].end : name_start]


def _aliases_after(text: str, end: int) -> tuple[str, ...]:
    match = _ALIAS.match(text, end)
    if match is None or re.fullmatch(r"[\d.]+[A-Za-z.]*", match[2]):
        return ()
    return (match[2],)


def _kind(knowledge: DomainKnowledge, reading: Reading, span: tuple[int, int], name: str) -> str:
    """The kind the nearest product noun before the name (in its sentence, outside
    organization names such as 智元机器人) implies."""
    if re.search(r"GPT|GLM|LLM|Qwen|DeepSeek|Llama", name):
        return "llm"
    sentence = reading.sentence_at(span[0])
    best = (-1, 0, "")  # (end, length, word): the nearest noun, the longest at one end
    window = reading.text[sentence.start : span[1] + 6]
    for word in (*knowledge.product_nouns, *knowledge.components):
        found = window.find(word)
        while found >= 0:
            position = sentence.start + found
            is_outside = position + len(word) <= span[0] or position >= span[1]
            candidate = (position + len(word), len(word), word)
            if is_outside and not reading.in_org(position) and candidate[:2] > best[:2]:
                best = candidate
            found = window.find(word, found + len(word))
    word = best[2]
    if "人形" in word or "人形机器人" in name:
        return "humanoid_robot"
    if "模型" in word:
        return "llm"
    if word in knowledge.components:
        return "component"
    return "other"


def _date_for(reading: Reading, position: int) -> PartialDate | None:
    """The release date: the nearest date before in the sentence, else the day its
    section's heading states ("【次日（3月26日）…】"), else a year in the paragraph."""
    sentence = reading.sentence_at(position)
    before = reading.dates_between(sentence.start, position)
    if before:
        return before[-1].date
    section = reading.section_date(position)
    if section is not None:
        return section
    # an enumeration continues the year set a paragraph or two before ("在2023年…")
    context_start = max(reading.text.rfind("##", 0, position), position - 400, 0)
    before = [m for m in reading.dates_between(context_start, position) if m.date.month is None]
    return before[-1].date if before else None


def _described(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """ "特斯拉正式发布人形机器人“擎天柱”": a name right after a product noun, in a sentence
    that releases something."""
    known = {release.span for release in found}
    releases = []
    for noun in knowledge.product_nouns:
        for noun_start, noun_end in find_all(reading.text, noun):
            named = _name_in(reading.text, noun_start, noun_end + 18, noun)
            if named is None or named[1] in known or named[1][0] > noun_end + 1:
                continue
            name, span = named
            is_quoted = bool(_QUOTED.match(reading.text, span[0] - 1))
            before = reading.text[noun_start - 1] if noun_start else "。"
            if not is_quoted and "\u4e00" <= before <= "\u9fff" and before not in "的款台个位其该":
                continue  # 电科机器人1号: the noun is part of a name
            presented = _releases_something(reading, knowledge, span[0]) or (
                reading.text.startswith(_SPEC_WORDS, span[1])  # "人形机器人Apollo身高173厘米"
            )
            if not (is_quoted or re.search("[A-Za-z]", name)) or not presented:
                continue
            known.add(span)
            kind = _kind(knowledge, reading, span, name)
            maker = (
                _sentence_maker(reading, findings, span[0])
                or _maker_of_pronoun(reading, findings, noun_start)
                or main_company(findings)
            )
            basis = "sentence" if _dated_here(reading, noun_start, span[0]) else "context"
            releases.append(
                Release(
                    name,
                    span,
                    kind,
                    maker,
                    _date_for(reading, span[0]),
                    [(noun_start, span[1])],
                    _aliases_after(reading.text, span[1]),
                    basis,
                )
            )
    return releases


def _releases_something(reading: Reading, knowledge: DomainKnowledge, position: int) -> bool:
    sentence = reading.sentence_at(position)
    words = (*knowledge.release_verbs, "名为", "称为", "代号", "命名为", "亮相", "搭载")
    return any(word in reading.text[sentence.start : sentence.end] for word in words)


def _dated_clause(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """ "• 绿的谐波（江苏苏州）：2024年实现营业收入3.87亿元；2024年12月推出LHSG-14超薄谐波
    减速器": a clause that opens with a date and a release verb, or a product described
    as released on a date (今年7月发布的R1), is the release of the clause's maker."""
    releases: list[Release] = []
    taken = {release.span for release in found}
    text = reading.text
    for date in reading.dates:
        position = date.end + (2 if text.startswith("正式", date.end) else 0)
        verb = next((v for v in _DATED_RELEASE_VERBS if text.startswith(v, position)), None)
        if verb is None:
            continue
        # "宇树科技带来了今年7月发布的R1": a release described wherever its clause is
        described = text.startswith("的", position + len(verb))
        if not described and (date.start == 0 or text[date.start - 1] not in _CLAUSE_OPENERS):
            continue
        maker = _sentence_maker(reading, findings, date.start)
        if maker is None:
            continue
        start = position + len(verb)
        start += len(re.match(r"(?:了|出|的)?", text[start:]).group())  # type: ignore[union-attr]
        release = _object_at(reading, knowledge, maker, start, (date.start, start))
        if release is not None and release.span not in taken:
            taken.add(release.span)
            releases.append(replace(release, date=date.date, date_basis="sentence"))
    return releases


def _sentence_maker(reading: Reading, findings: Findings, position: int) -> FoundEntity | None:
    """The organization a sentence is about: its first company or institute before
    `position`, in the part after a semicolon when that part names one ("…宇树科技出圈；
    优必选的Walker S1…")."""
    sentence_start = reading.sentence_at(position).start
    makers = [
        (start, entity)
        for entity in findings.of_type(MentionType.ORG)
        if entity.kind in {"company", "research", "university"}
        for start, end in entity.spans
        if sentence_start <= start < position
        and not reading.is_listing_venue(start, end)
        and not _ORIGIN_BEFORE.search(reading.text, max(0, start - 3), start)
    ]
    clause_start = reading.text.rfind("，", sentence_start, position) + 1
    for opening in (clause_start, reading.segment_start(position), sentence_start):
        found = [(start, entity) for start, entity in makers if start >= opening]
        if found:
            return min(found, key=lambda pair: pair[0])[1]
    return None


def _own_maker(reading: Reading, findings: Findings, position: int) -> FoundEntity | None:
    """ "本集团于2025年4月发布…擎川QC-7": in a filing, the company filing it; "…澄观智能完成
    超5亿元B轮融资。…跟投。公司去年10月发布的…澄观VLA-2": the company named last before
    the sentence, not an investor in its round."""
    sentence = reading.sentence_at(position)
    if _FILER_WORDS.search(reading.text, sentence.start, position) is not None:
        return main_company(findings)
    if not _COMPANY_OPENING.match(reading.text, sentence.start):
        return None
    named = company_named_before(
        reading, findings.of_type(MentionType.ORG), sentence.start, _TOPIC_REACH
    )
    return named[0] if named else None


def company_named_before(
    reading: Reading, orgs: list[FoundEntity], position: int, reach: int
) -> tuple[FoundEntity, tuple[int, int]] | None:
    """The company named last within `reach` before `position`, with that mention — not an
    investor in a round ("…完成5亿元融资，阿里巴巴、中金资本跟投。公司…")."""
    named = [
        (entity, span)
        for entity in orgs
        if entity.kind == "company"
        for span in entity.spans
        if position - reach <= span[0]
        and span[1] <= position
        and not INVESTORS_AFTER.match(reading.text, span[1])
    ]
    return max(named, key=lambda found: found[1][0], default=None)


def _maker_of_pronoun(reading: Reading, findings: Findings, position: int) -> FoundEntity | None:
    """ "Apptronik宣布完成…融资。其人形机器人Apollo…": 其 is the previous sentence's maker."""
    if not _POSSESSIVE_BEFORE.search(reading.text, max(0, position - 4), position):
        return None
    sentence = reading.sentence_at(position)
    return _sentence_maker(reading, findings, sentence.start - 1) if sentence.start else None


def _topic_before(reading: Reading, findings: Findings, position: int) -> FoundEntity | None:
    """The company named last before `position`, within reach, at the head of its clause."""
    topics = [
        (start, entity)
        for entity in findings.of_type(MentionType.ORG)
        if entity.kind == "company"
        for start, _ in entity.spans
        if position - _TOPIC_REACH <= start < position and reading.opens_clause(start)
    ]
    return max(topics, key=lambda pair: pair[0])[1] if topics else None


def main_company(findings: Findings) -> FoundEntity | None:
    """The company a document is about (我们, 公司): the one it names most often, three
    times at least."""
    companies = [e for e in findings.of_type(MentionType.ORG) if e.kind == "company"]
    best = max(companies, key=lambda e: len(e.spans), default=None)
    return best if best is not None and len(best.spans) >= 3 else None


_THIS_COMPANY = "这家(?:企业|公司)|该企业"
_LONGEST_NOUN = 8  # characters a product noun the stem starts inside may reach back
_STEM_AFTER_PLACE = re.compile(r"[\u4e00-\u9fff]{2}")  # a brand left after the place
_TOPIC_REACH = 200  # how far back 这家企业 may point
# where a deed was done, said between its doer and its verb ("这家企业在基地内发布")
_WHERE_SAID = r"(?:在[^，。；、“”]{1,10}?(?:内|上|中|里)?)?"
# when a deed is dated between its doer and its verb ("这家企业去年底推出", "公司今年3月发布")
_WHEN_SAID = (
    r"(?:(?:(?:今年|去年|前年|同年|次年|\d{4}年)(?:\d{1,2}月)?|\d{1,2}月)"
    r"(?:底|初|末|中|上旬|中旬|下旬)?)?"
)


def _subjectless(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """ "同年9月，公司发布Baichuan2", "今年3月又推出升级版“天工Ultra”": the maker is the one
    the text was talking about (its sentence's subject, else the last maker)."""
    releases: list[Release] = []
    taken = {release.span for release in found}
    pattern = (
        rf"(?P<subject>{_THIS_COMPANY}|该公司|公司|其|我们|我们又|又|还|并|随后|同时|同月|同年"
        # "…举办技术开放日，正式发布…": the clause goes on with the sentence's subject
        r"|(?<=[，,])(?:正式|当天|现场|会上|同期))"
        rf"(?:又|还|也|再)?(?:于)?{_WHEN_SAID}{_WHERE_SAID}(?P<verb>{'|'.join(knowledge.release_verbs)})"
    )
    for match in re.finditer(pattern, reading.text):
        start = match.end("verb")
        start += len(re.match(r"(?:了|的|出|出了)?", reading.text[start:]).group())  # type: ignore[union-attr]
        previous = [r.maker for r in [*found, *releases] if r.maker and r.span[0] < match.start()]
        sentence = reading.sentence_at(match.start())
        this_one = (  # "甬岸智能成立于…。这家企业去年底推出…": the company the text was about
            _topic_before(reading, findings, sentence.start)
            if re.fullmatch(_THIS_COMPANY, match["subject"])
            else None
        )
        maker = (
            _sentence_maker(reading, findings, match.start())
            or this_one
            or (previous[-1] if previous else None)
            or main_company(findings)
        )
        if maker is None:
            continue
        release = _object_at(reading, knowledge, maker, start, match.span("verb"))
        if release is not None and release.span not in taken:
            taken.add(release.span)
            releases.append(release)
    return releases


def _model_before_noun(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """ "T1人形机器人", "Y系列谐波减速器", "GPT-3大模型": a model name right before its noun."""
    nouns = "|".join(
        re.escape(n)
        for n in sorted({*knowledge.product_nouns, *knowledge.components}, key=len, reverse=True)
    )
    taken = {release.span[0] for release in found}
    releases = []
    for match in re.finditer(
        rf"(?<![A-Za-z0-9])(?P<name>(?:{_MODEL})(?:系列)?)(?P<noun>{nouns})", reading.text
    ):
        is_series = match["name"].endswith("系列")
        if (
            match.start() in taken
            or reading.in_org(match.start())
            or not (is_series or re.search(r"\d", match["name"]))
        ):
            continue
        is_part = match["noun"] in knowledge.components or match["noun"] in _HARDWARE_NOUNS
        name = match["name"] + (match["noun"] if is_series and is_part else "")
        span = (match.start(), match.start() + len(name))
        kind = (
            _kind(knowledge, reading, (match.start(), match.end("name")), name)
            if not match["name"].endswith("系列")
            else (
                "component"
                if match["noun"] in knowledge.components
                else _kind(knowledge, reading, span, name)
            )
        )
        if is_part:
            kind = "component"
        maker = _sentence_maker(reading, findings, match.start())
        releases.append(
            Release(name, span, kind, maker, _date_for(reading, match.start()), [match.span()])
        )
    return releases


def _listed(reading: Reading, knowledge: DomainKnowledge, found: list[Release]) -> list[Release]:
    """ "Cyber One（铁大）、远征A1、GR1、先行者K1/S1/D1、XR4……": a list of model names."""
    taken = {release.span[0] for release in found}
    releases = []
    for match in re.finditer(
        rf"(?<![A-Za-z0-9])(?:{_LIST_ITEM.pattern}、){{2,}}{_LIST_ITEM.pattern}", reading.text
    ):
        if _BENCHMARKS_AFTER.match(reading.text, match.end()):
            continue  # "在Arena-Hard、LiveBench、MMLU等基准上": tests, not products
        position = match.start()
        for item in match.group().split("、"):
            start = reading.text.index(item, position)
            position = start + len(item)
            lead = _LIST_LEAD.match(item)
            if lead:  # "，即宇树G1、众擎SA01…": 即 opens the list, not the first name
                item, start = item[lead.end() :], start + lead.end()
            alias = _ALIAS.search(item)
            name = item[: alias.start()] if alias else item
            if start in taken or _NOT_IN_NAME.search(name):
                continue
            span = (start, start + len(name))
            kind = _kind(knowledge, reading, span, name)
            aliases = (alias[2],) if alias else ()
            releases.append(
                Release(name, span, kind, None, _date_for(reading, start), [span], aliases)
            )
    return releases


def _tabled(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """ "序号｜服务名称｜属地｜主体名称" then "1｜羊城穗智政务大模型｜广州市｜广州穗联智能科技
    有限公司": a table listing products, each made by the organization its row names."""
    taken = {release.span[0] for release in found}
    releases = []
    for table in reading.tables:
        for row in table.rows:
            header = row.header or ()
            names = next((i for i, c in enumerate(header) if _PRODUCT_COLUMN.search(c.text)), None)
            makers = next((i for i, c in enumerate(header) if _MAKER_COLUMN.search(c.text)), None)
            dated = next((i for i, c in enumerate(header) if _DATE_COLUMN.search(c.text)), None)
            if names is None or makers is None or len(row.cells) != len(header):
                continue
            cell, maker_cell = row.cells[names], row.cells[makers]
            maker = findings.get(MentionType.ORG, maker_cell.text)
            if (
                maker is None
                or cell.start in taken
                or _NOT_IN_NAME.search(cell.text)
                or cell.text in knowledge.components  # "伺服电机｜重庆华数…": a line of business
                or cell.text in knowledge.product_nouns
            ):
                continue
            span = (cell.start, cell.end)
            kind = "llm" if "模型" in cell.text else _kind(knowledge, reading, span, cell.text)
            evidence = [span, (maker_cell.start, maker_cell.end)]
            # "｜DeepSeek-V4｜深度求索｜…｜2026-05-21｜": the row dates the release
            date_cell = row.cells[dated] if dated is not None else None
            date = reading.dates_between(date_cell.start, date_cell.end) if date_cell else []
            if date_cell is None or not date:
                releases.append(Release(cell.text, span, kind, maker, None, evidence))
                continue
            evidence.append((date_cell.start, date_cell.end))
            releases.append(
                Release(cell.text, span, kind, maker, date[0].date, evidence, (), "sentence")
            )
    return releases


def _counted(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """ "共有6款人形机器人同台亮相，分别是优必选Walker S1、乐聚夸父、众擎SE01…": the items
    of a counted list of products, each named after its maker."""
    known = {release.name for release in found}
    taken = {release.span[0] for release in found}
    makers = sorted(
        ((name, e) for e in findings.of_type(MentionType.ORG) for name in (e.name, *e.aliases)),
        key=lambda pair: -len(pair[0]),
    )
    releases = []
    for match in _COUNTED_PRODUCTS.finditer(reading.text):
        end = _LIST_STOP.search(reading.text, match.end())
        lineup_date = _lineup_date(reading, match)
        for start, stop in split_items(
            reading.text, match.end(), end.start() if end else match.end()
        ):
            dated = _ITEM_DATE.search(reading.text, start, stop)
            item_dates = reading.dates_between(dated.start("date"), stop) if dated else []
            stop = dated.start() if dated else stop
            name = reading.text[start:stop]
            maker, model = _maker_prefix(name, makers)
            if (
                maker is None
                or not 2 <= len(model) <= 16
                or model in known
                or start in taken
                or _NOT_IN_NAME.search(model)
            ):
                continue
            date = item_dates[0].date if item_dates else lineup_date
            basis = "sentence" if date else "context"
            span = (start, stop)
            kind = _kind(knowledge, reading, span, name)
            owned = name.removesuffix(model).endswith("的")  # by any of the maker's names
            if _CODE_CHAR.search(model) and not owned:
                # 宇树H1 keeps its maker's name, as it does elsewhere
                releases.append(
                    Release(name, span, kind, maker, date, [span, match.span()], (), basis)
                )
            else:  # 乐聚夸父 is 乐聚's 夸父, 傅利叶的GR-3 傅利叶's GR-3
                model_span = (stop - len(model), stop)
                aliases = () if "的" in name else (name,)
                evidence = [span, match.span()]
                releases.append(
                    Release(model, model_span, kind, maker, date, evidence, aliases, basis)
                )
    return releases


def _headed(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """ "· 苏州 | 栩动科技 栩动Duo": a heading line that names a maker, then after a space a
    designation — the product the paragraph under the heading describes."""
    taken = {release.span[0] for release in found}
    releases = []
    for entity in findings.of_type(MentionType.ORG):
        for _, end in entity.spans:
            line = _heading_line_at(reading, end)
            designation = (
                _HEADED_DESIGNATION.fullmatch(reading.text, end, line[1]) if line else None
            )
            if line is None or designation is None or designation.start("name") in taken:
                continue
            name = designation["name"].strip()
            if _NOT_A_MODEL.fullmatch(name):
                continue
            span = (designation.start("name"), designation.start("name") + len(name))
            kind = _kind(knowledge, reading, span, name)
            releases.append(Release(name, span, kind, entity, None, [line]))
    return releases


def _heading_line_at(reading: Reading, offset: int) -> tuple[int, int] | None:
    lines = reading.heading_lines
    index = bisect.bisect_right(lines, (offset, len(reading.text))) - 1
    if index >= 0 and lines[index][0] <= offset < lines[index][1]:
        return lines[index]
    return None


def _lineup_date(reading: Reading, match: re.Match[str]) -> PartialDate | None:
    """The date of a line-up the counting clause says was released ("8月8日开幕当天，共有
    7款人形机器人新品…集中首发"): the last date of its sentence before the count."""
    if not _LINEUP_RELEASED.search(match["rest"]):
        return None
    sentence = reading.sentence_at(match.start())
    dates = reading.dates_between(sentence.start, match.start())
    return dates[-1].date if dates else None


def _maker_prefix(
    item: str, makers: list[tuple[str, FoundEntity]]
) -> tuple[FoundEntity | None, str]:
    """ "优必选Walker S1" -> (优必选, "Walker S1"); "乐聚夸父" -> (乐聚机器人, "夸父"): the
    maker a listed product opens with (its name, an alias or the brand its name starts
    with), and the rest. A Chinese brand before a designation ends where the designation
    starts (众擎SE01 is 众擎's SE01)."""
    for name, maker in makers:
        if item.startswith(name + "的"):
            return maker, item[len(name) + 1 :]  # "傅利叶的GR-3"
    code = _CODE_CHAR.search(item)
    brand_end = code.start() if code and code.start() >= 2 else None
    for name, maker in makers:
        if brand_end is not None and name.startswith(item[:brand_end]):
            return maker, item[brand_end:]
        if brand_end is None and item.startswith(name) and len(item) > len(name):
            return maker, item[len(name) :]
    if brand_end is None:
        for name, maker in makers:
            if len(name) > 2 and name.startswith(item[:2]) and not item.startswith(name):
                return maker, item[2:]  # 乐聚夸父: 乐聚 is 乐聚机器人's brand
    return None, item


def _dated_after_name(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """ "其上一代产品Walker S1于2024年10月推出", "Figure 02自去年8月发布以来": a model
    name, then its release date."""
    releases = []
    taken = {release.span for release in found}
    verbs = "|".join(map(re.escape, (*knowledge.release_verbs, *LAUNCH_VERBS)))
    pattern = rf"(?<![A-Za-z0-9])(?P<name>{_MODEL}|[\u4e00-\u9fff]{{1,5}}{_MODEL})(?:已|已经)?(?:于|在|自)(?P<date>[^，。]{{2,14}}?)(?:正式)?(?:{verbs})"
    for match in re.finditer(pattern, reading.text):
        dates = reading.dates_between(match.start("date"), match.end("date"))
        span = _brand_stem(reading, knowledge, _brands(findings), *match.span("name"))
        if not dates or span in taken or reading.in_org(span[0]):
            continue
        maker = _sentence_maker(reading, findings, span[0]) or _last_maker(found, span[0])
        if maker is None and reading.text[max(0, span[0] - 3) : span[0]] in _OUR:
            maker = main_company(findings)  # "我们的绝影X30在2023年10月推出": the interviewee's
        kind = _kind(knowledge, reading, span, reading.text[span[0] : span[1]])
        releases.append(
            Release(
                reading.document.text[span[0] : span[1]],
                span,
                kind,
                maker,
                dates[-1].date,
                [match.span()],
                (),
                "sentence",
            )
        )
    return releases


def _topic_dated(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """ "T1来自北京的加速进化，去年10月发布，…": a sentence that opens with a model's name
    dates its release in a clause of a date and a verb alone."""
    releases = []
    taken = {release.span for release in found}
    for match in _TOPIC_DATED.finditer(reading.text):
        dates = reading.dates_between(match.start("date"), match.end("date"))
        if not dates or (dates[0].start, dates[-1].end) != match.span("date"):
            continue
        sentence = reading.sentence_at(match.start())
        opening = _OPENING_MODEL.match(reading.text, sentence.start, match.start())
        if (
            opening is None
            or opening.span("name") in taken
            or reading.in_org(opening.start("name"))
        ):
            continue
        span = opening.span("name")
        maker = _sentence_maker(reading, findings, match.start())
        releases.append(
            Release(
                reading.document.text[span[0] : span[1]],
                span,
                _kind(knowledge, reading, span, reading.text[span[0] : span[1]]),
                maker,
                dates[-1].date,
                [span, match.span("date"), match.span("verb")],
                (),
                "sentence",
            )
        )
    return releases


def _released_name(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """ "智元机器人带来了三天前刚刚发布的远征A2和灵犀X1": a model name right after a release
    verb (and 的), made by the organization the sentence names before the verb."""
    releases = []
    taken = {release.span[0] for release in found}
    verbs = "|".join(map(re.escape, knowledge.release_verbs))
    for match in re.finditer(rf"(?:{verbs})(?:的|了)", reading.text):
        position = match.end()
        while item := _LIST_ITEM.match(reading.text, position):
            if item.start() in taken or reading.in_org(item.start()):
                break
            span = _brand_stem(reading, knowledge, _brands(findings), item.start(), item.end())
            name = reading.document.text[span[0] : span[1]]
            if _NOT_IN_NAME.search(name) or not re.search(r"\d", name):
                break
            maker = _sentence_maker(reading, findings, match.start())
            dated = reading.dates_between(reading.sentence_at(match.start()).start, match.start())
            releases.append(
                Release(
                    name,
                    span,
                    _kind(knowledge, reading, span, name),
                    maker,
                    dated[-1].date if dated else _date_for(reading, span[0]),
                    [(match.start(), span[1])],
                    (),
                    "sentence" if dated else "context",
                )
            )
            taken.add(span[0])
            joint = re.match(r"(?:和|与|及|、)", reading.text[item.end() :])
            if joint is None:
                break
            position = item.end() + joint.end()
    return releases


def _code_named(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """ "由沈阳自动化研究所研发、代号为“盛京一号”的人形机器人原型机于11月在浑南区下线":
    a quoted name given to a product noun, by the organization the sentence names first,
    dated where its sentence dates it."""
    releases = []
    taken = {release.span[0] for release in found}
    nouns = "|".join(map(re.escape, sorted(knowledge.product_nouns, key=len, reverse=True)))
    pattern = rf"(?:代号|名为|命名为|取名|称为)为?“(?P<name>[^“”，。]{{2,12}})”的?(?P<noun>{nouns})"
    for match in re.finditer(pattern, reading.text):
        span = match.span("name")
        if span[0] in taken:
            continue
        taken.add(span[0])
        sentence = reading.sentence_at(span[0])
        dates = reading.dates_between(sentence.start, sentence.end)
        releases.append(
            Release(
                reading.document.text[span[0] : span[1]],
                span,
                _kind(knowledge, reading, (span[0], match.end()), match["noun"]),
                _sentence_maker(reading, findings, span[0]) or main_company(findings),
                dates[-1].date if dates else _date_for(reading, span[0]),
                [(match.start(), match.end())],
                (),
                "sentence" if dates else "context",
            )
        )
    return releases


def _model_names(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """The last resort: a model designation (PM01, Walker S1, Figure 02, MiniCPM-V 2.6) in
    a sentence about products (a product noun, a release verb or a spec), made by the
    organization the sentence names first."""
    taken = [release.span for release in found]
    cues = (*knowledge.product_nouns, *knowledge.release_verbs, *_SPEC_WORDS)
    releases = []
    brands = _brands(findings)
    for match in _MODEL_DESIGNATION.finditer(reading.text):
        span = _brand_stem(reading, knowledge, brands, match.start(), match.end())
        name = reading.document.text[span[0] : span[1]]
        latin = re.search("[A-Za-z0-9].*", name)
        if (
            latin is None
            or not re.search(r"\d", name)
            or not re.search("[A-Za-z]", name)
            or (
                _NOT_A_MODEL.fullmatch(latin.group()) and latin.start() == 0
            )  # 巴山H2 is no half-year
            or not (re.search("[A-Z]", name) or re.search("[a-z][0-9]", name))
            or reading.text.startswith("轮", span[1])
            or _is_grade(reading, span[1])
            or reading.in_org(span[0] + latin.start())  # 众擎SE03: the brand is the org's
            or reading.in_title(span[0])
            or any(s < span[1] and span[0] < e for s, e in taken)
        ):
            continue
        sentence = reading.sentence_at(span[0])
        if not any(cue in reading.text[sentence.start : sentence.end] for cue in cues):
            continue
        taken.append(span)
        maker = _sentence_maker(reading, findings, span[0]) or _own_maker(
            reading, findings, span[0]
        )
        date_basis = "sentence" if _released_in_clause(reading, span[0]) else "context"
        aliases: tuple[str, ...] = ()
        quoted = _QUOTED_BEFORE_BRACKET.search(reading.text, max(0, span[0] - 24), span[0])
        bracket = _ALIAS.match(reading.text, span[1])
        if quoted is not None and reading.text.startswith(("）", ")"), span[1]):
            # "“江城-1”（JiangCheng-1）": the quoted name is the product's, the Latin one
            # in brackets its alias
            aliases, span = (name,), quoted.span("name")
            name = reading.document.text[span[0] : span[1]]
        elif bracket is not None and (bracket["intro"] or _MODEL_DESIGNATION.search(bracket[2])):
            # "曜衡T3（英文名Rover T3）", "SG-Embody 2.0（中文名“知行”）": the bracket names
            # the same model, no other one
            aliases = (reading.document.text[bracket.start(2) : bracket.end(2)],)
            taken.append(bracket.span(2))
        kind = _kind(knowledge, reading, span, name)
        date = _date_for(reading, span[0])
        releases.append(Release(name, span, kind, maker, date, [span], aliases, date_basis))
    return releases


def _variants(reading: Reading, findings: Findings) -> list[Release]:
    """ "星河-3 Flash", "豆包大模型1.5 Pro": a model found and an edition word after it name
    another model of the same maker."""
    makers = {f.object: f.subject for f in findings.facts if f.kind == FactKind.MAKES}
    found: dict[str, Release] = {}
    for product in findings.of_type(MentionType.PRODUCT):
        maker = findings.get(MentionType.ORG, makers.get(product.name, ""))
        for mention_start, mention_end in find_all(reading.text, product.name):
            edition = _EDITION.match(reading.text, mention_end)
            if edition is None:
                continue
            span = (mention_start, edition.end())
            name = reading.document.text[span[0] : span[1]]
            if name in found or findings.get(MentionType.PRODUCT, name):
                continue
            found[name] = Release(name, span, product.kind, maker, None, [span])
    return list(found.values())


def _released_in_clause(reading: Reading, start: int) -> bool:
    """ "7月25日晚，…阶跃星辰举办开发者之夜，发布新一代基座模型Step 3": a dated sentence
    whose clause releases the model dates its release."""
    sentence = reading.sentence_at(start)
    clause = max(reading.text.rfind(mark, sentence.start, start) for mark in _CLAUSE_OPENERS)
    return _dated_here(reading, start, start) and any(
        verb in reading.text[max(clause, sentence.start) : start] for verb in _DATED_RELEASE_VERBS
    )


def _this_one_dated(reading: Reading, found: list[Release]) -> list[Release]:
    """ "…的“天工”也吸引了不少观众。这款由创新中心今年4月发布的全尺寸人形机器人": 这款 is
    the product named last, released on the date of its clause."""
    releases = []
    for match in _THIS_ONE_RELEASED.finditer(reading.text):
        dates = reading.dates_between(match.start("when"), match.end("when"))
        named = [
            release
            for release in found
            if match.start() - _THIS_ONE_REACH <= release.span[0] < match.start()
        ]
        if not dates or not named:
            continue
        product = max(named, key=lambda release: release.span[0])
        releases.append(
            replace(
                product,
                date=dates[-1].date,
                evidence=[product.span, match.span()],
                date_basis="sentence",
            )
        )
    return releases


def _named_maker(findings: Findings, name: str) -> FoundEntity | None:
    """ "MiniMax-Text-01" is MiniMax's: a designation that opens with its maker's name; and
    "星衍W2" is 星衍机器人's: one that opens with the brand of one company's name, its trade
    word left off (星衍|机器人, 澄观|智能)."""
    orgs = findings.of_type(MentionType.ORG)
    for entity in orgs:
        for brand in (entity.name, *entity.aliases):
            if name.startswith(brand) and name[len(brand) : len(brand) + 1] in {" ", "-"}:
                return entity
    code = _CODE_CHAR.search(name)
    stem = name[: code.start()] if code else ""
    if len(stem) < 2 or not all(is_cjk(char) for char in stem):
        return None
    owners = {
        entity.name: entity
        for entity in orgs
        if entity.kind == "company"
        for brand in (entity.name, *entity.aliases)
        if stem in brand and 2 <= len(brand) - brand.index(stem) - len(stem) <= 3
    }  # 上海星衍机器人 too: a place may open the company's name
    return next(iter(owners.values())) if len(owners) == 1 else None


def _brands(findings: Findings) -> set[str]:
    return {name for e in findings.of_type(MentionType.ORG) for name in (e.name, *e.aliases)}


def _brand_stem(
    reading: Reading, knowledge: DomainKnowledge, brands: set[str], start: int, end: int
) -> tuple[int, int]:
    """The Chinese words before a designation belong to its name when they name: a maker
    (宇树G1, 加速进化T1) or a series (远征A2, 盛京一号) - not a verb, time or pronoun
    (推动H1, 今年公司GR-1, 其中N2)."""
    model = re.search("[A-Za-z0-9]", reading.text[start:end])
    stem = reading.text[start : start + model.start()] if model else ""
    for cut in range(len(stem) - 1):  # "人形机器人灵衍W1": 灵衍 is the brand of 灵衍智能
        if any(brand.startswith(stem[cut:]) for brand in brands):
            return _without_place(reading, start + cut, end)
    noun_end = _after_product_noun(reading.text, knowledge, start, start + len(stem))
    # "…机器人的远征A2": after the noun, a function word still ends what comes before
    start, end = _trim_stem(reading.text, noun_end or start, end, after_noun=bool(noun_end))
    start, end = _without_place(reading, start, end)
    model = re.search("[A-Za-z0-9]", reading.text[start:end])
    if model is None or model.start() == 0:
        return start, end
    stem = reading.text[start : start + model.start()]
    if stem in brands:
        return start, end
    tags = reading.word_tags
    words = [w for _, _, w in reading.words_between(start, start + model.start())]
    is_name = (
        not stem.endswith("版")  # 轻量版GLM-4.5-Air: an edition, not a name
        and not _PER_UNIT_STEM.match(stem)  # 每台T3: each one of T3, not a name
    ) and all(
        tags.get(word, "x") not in _NOT_NAME_TAGS
        and word not in knowledge.product_nouns
        and word not in knowledge.name_stops
        and word not in _SPEC_WORDS  # 算力128TOPS: a measure, then its value
        for word in words
    )
    return (start, end) if is_name else (start + model.start(), end)


def _owned(
    reading: Reading, knowledge: DomainKnowledge, findings: Findings, found: list[Release]
) -> list[Release]:
    """ "GLM-4由智谱AI研发", "阿里旗下的通义千问", "智谱的GLM-4", "DR01是云深处推出的…":
    a maker and a named product in the same phrase, in either order."""
    releases = []
    taken = {release.span[0] for release in found}
    org_spans = sorted((span, e) for e in findings.of_type(MentionType.ORG) for span in e.spans)
    text = reading.text

    def add(
        named: tuple[str, tuple[int, int]], maker: FoundEntity, phrase: tuple[int, int]
    ) -> None:
        taken.add(named[1][0])
        kind = _kind(knowledge, reading, named[1], named[0])
        date = _date_for(reading, named[1][0])
        releases.append(Release(named[0], named[1], kind, maker, date, [phrase]))

    for (start, end), maker in org_spans:
        after = _OWNS.match(text, end)
        if after is not None:
            named = _name_in(text, after.end(), min(len(text), after.end() + 24), None)
            if (
                named is not None
                and named[1][0] not in taken
                and _NAME_BOUNDARY.match(text, named[1][1])
            ):
                add(named, maker, (start, named[1][1]))
        before = _MADE_BY.search(text, max(0, start - 24), start)
        if before is not None and _MADE_VERB.match(text, end):
            named = _name_in(text, before.start("name"), before.end("name"), None)
            if named is not None and named[1][0] not in taken:
                add(named, maker, (named[1][0], end))
    return releases


def _without_place(reading: Reading, start: int, end: int) -> tuple[int, int]:
    """A place opening a model's name is where its maker is ("东莞极臂X5": 极臂X5), when a
    brand of two characters or more is left before the designation."""
    place = next(iter(reading.places_between(start, start + 1)), None)
    if (
        place is not None
        and place.start == start
        and _STEM_AFTER_PLACE.match(reading.text, place.end)
    ):
        return place.end, end
    return start, end


def _after_product_noun(text: str, knowledge: DomainKnowledge, start: int, stem_end: int) -> int:
    """Where a product noun the stem starts inside ends ("…人形机器人楚行C1": 楚行 after
    机器人), when a word of the name is left after it; else 0."""
    nouns = _noun_pattern(tuple(knowledge.product_nouns))
    window = max(0, start - _LONGEST_NOUN)
    ends = [
        found.end()
        for found in nouns.finditer(text, window, stem_end)
        if start < found.end() <= stem_end - 2
    ]
    return max(ends, default=0)


@lru_cache(maxsize=4)
def _noun_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all product nouns, longest first (人形机器人 before 机器人)."""
    return re.compile("|".join(map(re.escape, sorted(nouns, key=len, reverse=True))))


def _trim_stem(text: str, start: int, end: int, *, after_noun: bool = False) -> tuple[int, int]:
    """Keep a Chinese stem only when it starts the phrase ("远征A1", "发布的远征A2", right
    after a product noun: "人形机器人楚行C1"; not "上一代产品Walker S1"); a function word
    ends what comes before it ("我们的绝影X30")."""
    model = re.search("[A-Za-z0-9]", text[start:end])
    if model is None or model.start() == 0:
        return start, end
    cut = max(
        (m.end() for m in _STEM_BREAK.finditer(text, start, start + model.start())), default=start
    )
    if cut > start:
        return cut, end
    before = text[start - 1] if start else "。"
    is_open = after_noun or not "\u4e00" <= before <= "\u9fff" or before in _STEM_BREAK_CHARS
    return (start, end) if is_open else (start + model.start(), end)


def _last_maker(found: list[Release], position: int) -> FoundEntity | None:
    makers = [release.maker for release in found if release.maker and release.span[0] < position]
    return makers[-1] if makers else None


def _is_grade(reading: Reading, end: int) -> bool:
    """ "GPT-4级主力模型", "L4级": a level named after a model, not the model."""
    return reading.text.startswith("级", end)


def _known(
    reading: Reading, findings: Findings, lexicon: Lexicon, found: list[Release]
) -> list[Release]:
    """Products the packs know; their maker only when the text names it too."""
    taken = [release.span for release in found]
    releases = []
    for hit in lexicon.find(reading.text):
        if any(s < hit.end and hit.start < e for s, e in taken):
            continue
        designation = _LATIN_DESIGNATION.match(reading.text, hit.end)
        if designation and reading.text[hit.start : hit.end].isascii():
            # "DeepSeek-V3.2", "Kimi K2 Thinking": a Latin name going on into a model's
            # designation names that model, made by the name's maker
            span = (hit.start, designation.end())
            name = reading.document.text[span[0] : span[1]]
            maker = _pack_maker(findings, hit.entry.name if hit.is_maker else hit.entry.maker)
            kind = _PACK_KINDS.get(hit.entry.pack, "other") if hit.is_maker else _entry_kind(hit)
            releases.append(Release(name, span, kind, maker, None, [span]))
            taken.append(span)
            continue
        if (
            hit.is_maker
            or _DESIGNATION_GOES_ON.match(reading.text, hit.end)  # 混元T1, GLM-4.5-Air
            or _is_grade(reading, hit.end)
        ):
            continue
        maker = _pack_maker(findings, hit.entry.maker)
        end = hit.end + (2 if reading.text.startswith("系列", hit.end) else 0)
        name = reading.document.text[hit.start : end]
        kind = _entry_kind(hit)
        releases.append(Release(name, (hit.start, end), kind, maker, None, [(hit.start, end)]))
        taken.append((hit.start, end))
    return releases


def _entry_kind(hit: LexiconHit) -> str:
    return {"llm": "llm", "humanoid_robot": "humanoid_robot", "component": "component"}.get(
        hit.entry.kind, "other"
    )


def _pack_maker(findings: Findings, name: str | None) -> FoundEntity | None:
    """The organization of the text a pack's maker name stands for, if the text names it."""
    if not name:
        return None
    return next(
        (
            e
            for e in findings.of_type(MentionType.ORG)
            if e.name == name or name in e.aliases or e.attrs.get("pack_name") == name
        ),
        None,
    )


def _record(reading: Reading, findings: Findings, release: Release) -> None:
    name = release.name
    existing = findings.get(MentionType.PRODUCT, name) or next(
        (e for e in findings.of_type(MentionType.PRODUCT) if name in e.aliases), None
    )
    entity = existing or findings.entity(MentionType.PRODUCT, name, release.kind, None)
    span = release.span
    if (
        reading.document.text[span[0] : span[1]] == entity.name
        or reading.document.text[span[0] : span[1]] in entity.aliases
    ):
        entity.spans.append(span)
    entity.aliases.update(release.aliases)
    if entity.kind == "other" and release.kind != "other":
        entity.kind = release.kind
    if release.maker is None:
        return
    earlier = next(
        (
            i
            for i, f in enumerate(findings.facts)
            if f.kind == FactKind.MAKES and f.object == entity.name
        ),
        None,
    )
    if earlier is not None:
        known = findings.facts[earlier]
        if known.qualifiers.get("date_basis") == "sentence" or (known.time and not release.date):
            return
        if release.date_basis != "sentence" and known.time:
            return
        findings.facts.pop(earlier)  # a dated sighting replaces an undated one
    findings.fact(
        FactKind.MAKES,
        release.maker.name,
        "makes",
        release.evidence,
        details=FactDetails(
            object=entity.name,
            time=release.date,
            qualifiers={"product_kind": entity.kind, "date_basis": release.date_basis},
        ),
    )


def _every_mention(reading: Reading, findings: Findings) -> None:
    """A product found once is named wherever its name appears again outside other names:
    "价格方面，众擎SA01售价3.8万元" speaks of the 众擎SA01 introduced paragraphs before. A
    model code stands alone (G1, not the G1 of AG1)."""
    text = reading.text
    name_again(
        text,
        findings.of_type(MentionType.PRODUCT),
        findings.of_type(MentionType.ORG),
        lambda start, end: (
            not reading.in_title(start)
            and not (start and _CODE_CHAR.match(text, start - 1))
            and not _CODE_CHAR.match(text, end)
        ),
    )


def _merge_known(findings: Findings, lexicon: Lexicon) -> None:
    """Cyber One, CyberOne and 铁大 are one product when the packs say so; the name is the
    one the text uses first."""
    groups: dict[str, list[FoundEntity]] = {}
    for entity in findings.of_type(MentionType.PRODUCT):
        entry = lexicon.entry_of(entity.name) or next(
            (e for alias in entity.aliases if (e := lexicon.entry_of(alias))), None
        )
        if entry is not None and not entry.is_maker:
            groups.setdefault(entry.entry.name, []).append(entity)
    for pack_name, members in groups.items():
        keeper, *others = sorted(members, key=lambda e: (not _is_primary(e), e.first))
        pack_kind = lexicon.products[pack_name].kind
        if keeper.kind == "other" and pack_kind in {"humanoid_robot", "llm", "component"}:
            keeper.kind = pack_kind
        for other in others:
            keeper.aliases.add(other.name)
            keeper.aliases.update(other.aliases)
            keeper.spans.extend(other.spans)
            del findings.entities[(MentionType.PRODUCT, other.name)]
            _rename_object(findings, other.name, keeper.name)
        keeper.aliases.discard(keeper.name)


def _is_primary(entity: FoundEntity) -> bool:
    """A product's own name, not a nickname given in brackets after it."""
    return not any(entity.name in other for other in entity.aliases) or bool(
        re.search("[A-Za-z0-9]", entity.name)
    )


def _rename_object(findings: Findings, old: str, new: str) -> None:
    """Who makes `old` makes `new`; of two such facts the dated one stays."""
    for index, fact in enumerate(findings.facts):
        if fact.kind == FactKind.MAKES and fact.object == old:
            kept = next(
                (
                    i
                    for i, f in enumerate(findings.facts)
                    if f.kind == FactKind.MAKES and f.object == new
                ),
                None,
            )
            if kept is not None and (findings.facts[kept].time is not None or fact.time is None):
                findings.facts.pop(index)
            elif kept is not None:
                findings.facts[kept] = replace(fact, object=new)
                findings.facts.pop(index)
            else:
                findings.facts[index] = replace(fact, object=new)
            return


def _merge_branded(findings: Findings) -> None:
    """ "松延动力N2" and "N2", "Kimi K2.5" and "K2.5" are one product: a model named again
    after its maker's brand. The branded name stays, the model alone is its alias."""
    brands = _brands(findings)
    products = findings.of_type(MentionType.PRODUCT)
    for branded in products:
        for model in products:
            before = branded.name.removesuffix(model.name)
            brand = before.rstrip(" -")
            # a Latin word set apart is a product line's brand, known as a maker or not
            spelled_apart = brand != before and brand.isascii() and brand.isalpha()
            if (
                model is branded
                or brand == branded.name
                or len(brand) < 2
                or not (spelled_apart or any(name.startswith(brand) for name in brands))
                or (MentionType.PRODUCT, model.name) not in findings.entities
            ):
                continue
            branded.aliases.add(model.name)
            branded.aliases.update(model.aliases)
            branded.spans.extend(model.spans)
            del findings.entities[(MentionType.PRODUCT, model.name)]
            _rename_object(findings, model.name, branded.name)


def _merge_aliased(findings: Findings) -> None:
    """ "发布基座模型“知行”" in the headline and "SG-Embody 2.0（中文名“知行”）" in the body
    are one product: the one found under a name another declares its alias joins it."""
    for product in findings.of_type(MentionType.PRODUCT):
        for alias in sorted(product.aliases):
            other = findings.entities.get((MentionType.PRODUCT, alias))
            if other is None or other is product:
                continue
            product.aliases.update(other.aliases)
            product.spans.extend(other.spans)
            del findings.entities[(MentionType.PRODUCT, alias)]
            _rename_object(findings, alias, product.name)


def _merge_series(findings: Findings) -> None:
    """ "先行者K1/S1/D1" and "先行者系列", "Walker X" and "Walker X系列" are one product line."""
    products = findings.of_type(MentionType.PRODUCT)
    for series in products:
        if not _SERIES.search(series.name):
            continue
        stem = _SERIES.sub("", series.name).strip()
        for other in products:
            is_variant = other.name == stem or ("/" in other.name and other.name.startswith(stem))
            if (
                other is not series
                and is_variant
                and (MentionType.PRODUCT, other.name) in findings.entities
            ):
                series.aliases.add(other.name)
                series.aliases.update(other.aliases)
                series.spans.extend(other.spans)
                del findings.entities[(MentionType.PRODUCT, other.name)]
                _rename_object(findings, other.name, series.name)
