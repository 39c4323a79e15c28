"""Organizations: companies, government bodies, institutes, universities, associations,
media and funds — found by the domain packs, by the entity tagger, by the word a name ends
with (…研究院, …有限公司), and as the items of an enumeration of companies.

Part of the rules extractor; imports core and normalize. Names are kept as the text writes
them; short forms become aliases of the full name (小米 of 小米集团, 市经信局 of
杭州市经济和信息化局 through "（以下简称市经信局）").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from industry_atlas.core.models import MentionType
from industry_atlas.core.text import ROUND_NAME, find_all, is_cjk
from industry_atlas.extract.packs import DomainKnowledge
from industry_atlas.extract.rules.enumerations import split_items
from industry_atlas.extract.rules.findings import Findings, FoundEntity, name_again
from industry_atlas.extract.rules.lexicon import Lexicon
from industry_atlas.extract.rules.reading import LISTING, Reading
from industry_atlas.normalize.regions import region_index

# Suffixes that make a name on their own; the others need the name before them to be
# unusual (not an everyday word: 人形机器人 and 核心技术 are not companies).
_STRONG_SUFFIXES = frozenset(
    [
        "股份有限公司",
        "有限责任公司",
        "有限公司",
        "公司",
        "事务所",  # 安永会计师事务所, 律师事务所
        "集团",
        "大学",
        "学院",
        "研究院",
        "研究所",
        "研究中心",
        "实验室",
        "重点实验室",
        "创新中心",
        "科学院",
        "工程院",
        "委员会",
        "管理委员会",
        "管委会",
        "人民政府",
        "办公厅",
        "协会",
        "学会",
        "联盟",
        "联合会",
        "基金",
        "资本",
        "创投",
        "专委会",
        "日报",
        "报社",
        "电视台",
        "通讯社",
        "新闻办公室",
        "技术中心",
        "创新研究院",
        "工程中心",
        "商会",
        "促进会",
        "基金会",
        "产业基金",
        "投资基金",
        "引导基金",
        "母基金",
        "子基金",
        "服务中心",
        "指导服务中心",
        "协同创新中心",
        "促进中心",
        "孵化中心",
        "专家委员会",
        "产业园",
        "科技园",
        "产业基地",
    ]
)
# Where a name may contain 与/和 (测试验证与协同创新中心, 工业和信息化部): not companies,
# whose lists are joined by 和 (科大讯飞和小米集团).
_JOINABLE_KINDS = frozenset({"research", "government", "association", "other", "university"})
# A preposition or conjunction glued to the front of a name by the segmenter (由兆威, 对四足).
_LEADING_FUNCTION_CHARS = frozenset("由对向把被在从与及为将让给经据并或而但且若")
# what the segmenter may glue before a name's first word (由北特, 这是曜衡)
_GLUED_LEAD_CHARS = "".join(sorted(_LEADING_FUNCTION_CHARS | set("和这那是")))
_PARENT_SUFFIXES = ("大学",)
_BYLINE_MEDIA = re.compile(
    r"(?:来源|转载自|转自|稿源)[：:\s]*(?P<a>[^\s　，。,|｜：:（）()]{2,12})"
    r"|(?:^|\n)(?P<b>[^\s　，。,|｜：:（）()【】\d]{2,10}?)(?:记者\s|(?<![快简资通])讯[（(【 　]|专讯)"
    r"|据(?P<c>[^\s，。]{2,10}?)(?:报道|消息)"
)
_COMPANY_LIKE = frozenset({"company", "fund"})
_COMMON_WORD_FREQ = 50
# a stock code in brackets after a name (not a year: "（2024）"): 09660, 9880.HK, 09660-HK
_LISTED_NAME = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,16})[（(](?!(?:19|20)\d{2}[）)])\d{4,6}(?:[.\-](?:HK|SH|SZ|BJ))?[）)]"
)
_DESCRIBER_ENDS = "商厂股的是为和与及"
_CODE_CHARS = re.compile("[A-Za-z0-9]")
_COUNTED_WORD = re.compile("[一二三四五六七八九十两几数多]+[市省地城家个座台款]")  # 三市, 两家
_PUBLICATION = re.compile(r"《(?P<name>[^《》]{2,12}(?:日报|晚报|时报|报|杂志|周刊))》")
_MAX_NAME = 24
_DECLARED_ALIAS = re.compile(
    r"[（(](?:以下简称|下称|简称)[“\"]?(?P<alias>[^）)”\"，,]{1,16})[”\"]?(?:[，,][^）)]{0,20})?[）)]"
)

_STOCK_SHORT_NAME = re.compile(
    r"(?:证券|股票|公司)简称[：:]\s*(?P<alias>[\u4e00-\u9fffA-Za-z0-9]{2,10})"
)
_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "集团")
_SHORT_NAME_SIZES = (4, 3)  # 楚天智行, 精驰传动; a two-character name is too often a word
_CJK_NAME = re.compile("[\u4e00-\u9fff]+")
_SET_UP_BEFORE = re.compile("(?:设立|成立|组建|注册)(?:了)?$")
_SUBSIDIARY_AFTER = re.compile("[，,]?(?:这家|该|作为)?(?:全资|控股)?子公司")
# what only a company does: raise money, list on an exchange
_RAISED = re.compile(
    r"(?:宣布|官宣|已经|已|今日|近日|日前)?(?:完成|获得|拿下|斩获)(?:了)?[^。，；]{0,20}?(?:融资|投资)(?!机构|方|人)"
    rf"|{LISTING}"
)
_SITE_OF = re.compile(
    r"(?:在|进入|走进|入驻|部署到|部署于)(?P<name>[\u4e00-\u9fffA-Za-z]{2,8}?)的"
    r"[^，。；的]{0,10}?(?:车间|工厂|总装厂|产线|生产线|仓库|物流中心|门店|数据中心)"
)
# "由蓝驰创投、启明创投联合领投，线性资本、恒旭资本跟投": the investors of a round (an
# old investor "继续跟投")
_INVESTORS = re.compile(
    r"(?:由|[，,：:]|^)(?:[^，。；由\n]{0,10}由)?(?P<items>[^，。；,:：由\n]{2,80}?)(?:等)?"
    r"(?:继续|也|还|再次|持续)?(?:联合|共同)?(?:领投|跟投|参投|共同投资|联合投资)"
)
_MODEL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)+|[A-Za-z]+\d[A-Za-z0-9.\-]*")
_LEGAL_ENDING = re.compile("(?:股份)?有限(?:责任)?公司")
# a model code opening what comes before an organization word
_CODE_LEAD = re.compile(r"[A-Za-z]{0,3}\d[A-Za-z0-9]{0,3}(?P<words>[\u4e00-\u9fff]*)")
_JOINING_WORD_CHARS = 4  # between a known maker's name and its legal ending: 传动, 智能科技
# "市各委办局", "各区政府": every body of a kind, no name
# "合肥市产业投资控股（集团）有限公司", "…（中国）有限公司": a bracket of the legal name
_LEGAL_BRACKET = re.compile(r"[（(][\u4e00-\u9fff]{2,4}[）)](?=(?:股份)?有限(?:责任)?公司$)")
_PARTNERSHIP = re.compile(r"[（(](?:特殊普通合伙|普通合伙|有限合伙)[）)]")
_EVERY_BODY = re.compile("[省市区县]?各")
_LEVEL_WORDS = frozenset("省市区县")
_ROLE_NOUNS = frozenset({"投资方", "资方", "合作方", "供应方", "甲方", "乙方", "出资方"})
# a brand and a model code: "曜衡T3", "宇树G1" are products, whatever the tagger says
_BRANDED_MODEL = re.compile(r"[\u4e00-\u9fff]{1,4}[A-Z]{1,3}\d{1,3}")
_SPAN_BREAK = re.compile(r"[\s《》“”，。、；：（）()〔〕\[\]]")  # 〔: a document number
# bodies in general, not by name: 有关部门, 各级部门, 地方政府, 科研机构, 组委会
_GENERIC_BODY = re.compile(
    r"^(?:有关|相关|各级|各|地方|基层|政府|科研|研究|投资|金融|行业|主管|职能|市场监管|镇|乡|街道)?"
    r"(?:部门|政府|机构|单位|组委会|委员会|专家委员会|事业部|团队|办事处|院所|研究院所)$"
)
_INDEFINITE_BEFORE = re.compile("(?:一家|某家|多家|几家|一批|一些|某)$")
_GLUED_LEAD = re.compile(
    r"(?:[一二三四五六七八九十]是|(?:[A-Za-z]\+?)?轮由|核数师|审计师|获得?|由|是)(?=..)"
)
_BULLETS = frozenset("·•▪●■◆")
_HEADING_MARK = re.compile(r"[【】｜|①-⑳]")
_LATIN_ALIAS = re.compile(r"[（(](?P<alias>[A-Za-z][A-Za-z0-9 .&\-]{1,30})[）)]")
_CHINESE_ALIAS = re.compile(r"[（(](?P<alias>[\u4e00-\u9fff]{2,8})[）)]")
_CALLED_THE_COMPANY = re.compile(
    r"[（(](?:(?:以下简称|以下称|下称)[^（）()]{0,40}?)?[“\"「](?:公司|本公司|发行人)[”\"」]"
)
_STOCK_CODE = re.compile(r"[（(]\d{6}[.\-](?:SZ|SH|BJ)[）)]|[（(]\d{4,5}[.\-]HK[）)]", re.I)
_LIST_INTRO = re.compile(
    r"(?:(?<![\d.])\d+|(?<![一二三四五六七八九十两])[一二三四五六七八九十两]+)(?:家|个|位)(?P<noun>[^，。；：]{0,14}?(?:企业|公司|机构|厂商|单位|高校|院所|投资方|投资机构|平台|客户|车企|股东|合作伙伴))"
    r"[^。；]{0,24}?(?:分别是|分别为|包括|分别有|依次是|即)"
)
_ETC_LIST = re.compile(
    r"(?P<items>(?:[^，。；：、“”（）()]{2,16}、){1,30}[^，。；：、“”（）()]{2,16})等(?:国内外|多家|一批)?(?:明星|龙头|头部|知名|本地|整机|科技|上市)?(?:企业|公司|机构|厂商|单位|高校|车企|工厂|客户)"
)
# "A、B两个新平台揭牌": facilities a count sums up
_COUNTED_LIST = re.compile(
    r"(?<=[，。；：\n])(?P<items>(?:[^，。；：、“”（）()]{4,16}、){1,30}[^，。；：、“”（）()]{4,16}?)"
    r"(?:[两二三四五六七八九十]|\d+)(?:个|座)(?:新|重点|重大|公共)?(?:平台|中心|基地|园区|实验室)"
)
_GENERIC = re.compile(
    r"^(?:企业|公司|集团|机构|部门|单位|平台|政府|该公司|本公司|这家公司|子公司|母公司|上市公司)$"
)


@dataclass(frozen=True, slots=True)
class OrgCandidate:
    """A stretch of text that names an organization, and how it was found."""

    start: int
    end: int
    kind: str
    source: str  # "lexicon" | "tagger" | "suffix" | "list"
    canonical: str | None = None  # the pack's name, linking a short form to its full form


def find_organizations(
    reading: Reading, findings: Findings, knowledge: DomainKnowledge, lexicon: Lexicon
) -> None:
    """Add an organization entity per organization named in the document."""
    candidates = [
        *lexicon_candidates(reading, lexicon),
        *suffix_candidates(reading, knowledge),
        *tagger_candidates(reading, knowledge),
        *list_candidates(reading, knowledge),
        *financing_candidates(reading, knowledge),
        *site_owner_candidates(reading, knowledge),
        *publication_candidates(reading),
        *byline_candidates(reading),
        *subsidiary_candidates(reading),
        *listed_candidates(reading),
    ]
    candidates = [_with_partnership(reading, _whole_zone_word(reading, c)) for c in candidates]
    blocked = [(hit.start, hit.end) for hit in lexicon.find(reading.text) if not hit.is_maker]
    # "在浑南科技城揭牌": 浑南科技 is the first part of a place (科技城, 科学城, 创新港)
    candidates = [
        c
        for c in candidates
        if c.source == "lexicon"
        or (
            reading.text[c.end : c.end + 1] not in {"城", "港"}
            and reading.text[c.start].isalnum()  # "-B轮投资": the tail of "Pre-B轮投资"
            and not _described(reading, knowledge, c)
            and not ROUND_NAME.fullmatch(reading.text, c.start, c.end)  # "Pre-B轮"
        )
    ]
    candidates = _without_leading_deeds(reading, candidates)
    candidates += _known_then_company(reading, candidates)  # after: 传动 is no deed
    kept = _resolve_overlaps(reading, _not_blocked(candidates, blocked, len(reading.text)))
    kept = _departments_to_universities(reading, _outside_longer_names(reading, kept))
    for candidate in [*kept, *_parents(reading, knowledge, kept)]:
        name = reading.document.text[candidate.start : candidate.end]
        entity = findings.entity(
            MentionType.ORG, name, candidate.kind, (candidate.start, candidate.end)
        )
        if candidate.canonical:
            entity.attrs["pack_name"] = candidate.canonical
    _declared_aliases(reading, findings)
    _stock_short_name(reading, findings)
    _declared_filer(reading, findings)
    _merge_short_forms(reading, findings, knowledge)
    _written_short(reading, findings, knowledge)
    _every_mention(reading, findings)


def _without_leading_deeds(reading: Reading, candidates: list[OrgCandidate]) -> list[OrgCandidate]:
    """ "重点推荐拓普集团", "衔接安徽省人民政府": a name extended left over a verb, where what
    follows the verb is a name found on its own, starts after the verb."""
    text = reading.text
    names = {text[c.start : c.end] for c in candidates}
    trimmed = []
    for candidate in candidates:
        if candidate.source == "suffix":
            for _start, end, word in reading.words_between(candidate.start, candidate.end - 2):
                if (
                    reading.word_tags.get(word, "").startswith("v")
                    and end < candidate.end - 1
                    and text[end : candidate.end] in names
                ):
                    candidate = replace(candidate, start=end)
        trimmed.append(candidate)
    return trimmed


def _known_then_company(reading: Reading, candidates: list[OrgCandidate]) -> list[OrgCandidate]:
    """ "苏州绿的谐波传动科技股份有限公司": a known maker's name, a word or two and a
    company's legal ending are one name, though 的 stops a name built from the ending."""
    text = reading.text
    known = [c for c in candidates if c.source == "lexicon"]
    joined = []
    for ending in candidates:
        legal = _LEGAL_ENDING.search(text, ending.start, ending.end)
        if (
            ending.source not in {"suffix", "tagger"}
            or legal is None
            or legal.end() != ending.end
            or legal.start() - ending.start > _JOINING_WORD_CHARS
        ):
            continue  # "汇川技术设立苏州汇川技术有限公司": a whole name after a known one
        for maker in known:
            gap = text[maker.end : ending.start]
            if (
                maker.end <= ending.start
                and len(gap) <= _JOINING_WORD_CHARS
                and all(is_cjk(char) and char not in _FUNCTION_CHARS for char in gap)
            ):
                joined.append(replace(ending, start=maker.start, source="suffix"))
    return joined


def _with_partnership(reading: Reading, candidate: OrgCandidate) -> OrgCandidate:
    """ "容诚会计师事务所（特殊普通合伙）", "…基金合伙企业（有限合伙）": the partnership form in
    brackets is part of the legal name."""
    form = _PARTNERSHIP.match(reading.text, candidate.end)
    return replace(candidate, end=form.end()) if form else candidate


def _whole_zone_word(reading: Reading, candidate: OrgCandidate) -> OrgCandidate:
    """ "经开区管委会": the segmenter cuts 经|开区, and a name found from 开区 on is a
    fragment; it starts where the zone word does."""
    start = candidate.start
    for word in _ZONE_WORDS:
        head = len(word) - 2  # the characters the segmenter may leave behind
        if start >= head and reading.text.startswith(word, start - head):
            return replace(candidate, start=start - head)
    return candidate


def _outside_longer_names(reading: Reading, kept: list[OrgCandidate]) -> list[OrgCandidate]:
    """A known short name inside another organization's name is no mention of its own: the
    智元 of 星海智元 is not 智元机器人, wherever 星海智元 is written again."""
    text = reading.text
    names = {
        text[c.start : c.end]
        for c in kept
        if c.source != "lexicon" and not _CODE_CHARS.search(text, c.start, c.end)
    }  # not 众擎SA01: a maker's name running into a model is no longer name of a maker
    return [
        c
        for c in kept
        if c.source != "lexicon"
        or not any(
            len(name) > c.end - c.start
            and text.find(name, max(0, c.end - len(name)), c.start + len(name)) != -1
            for name in names
        )
    ]


def kind_of(name: str, knowledge: DomainKnowledge, default: str = "company") -> str:
    """Return the organization kind its name's last word implies."""
    for length in range(min(len(name) - 1, 7), 0, -1):
        kind = knowledge.org_suffixes.get(name[-length:])
        if kind:
            return kind
    return default


def _described(reading: Reading, knowledge: DomainKnowledge, candidate: OrgCandidate) -> bool:
    """ "从一家港股上市公司加盟": after 一家 or 某, common words and an organization word
    describe a company rather than name one."""
    start, end = candidate.start, candidate.end
    return bool(_INDEFINITE_BEFORE.search(reading.text, max(0, start - 2), start)) and not (
        _is_brand(reading, knowledge, start, end, strong=False)
    )


def lexicon_candidates(reading: Reading, lexicon: Lexicon) -> Iterable[OrgCandidate]:
    """Known makers and their aliases."""
    for hit in lexicon.find(reading.text):
        if (
            hit.is_maker
            and reading.is_word_boundary(hit.start)
            and reading.is_word_boundary(hit.end)
            and not _DESIGNATION_GOES_ON.match(reading.text, hit.end - 1)
        ):
            yield OrgCandidate(hit.start, hit.end, hit.entry.kind, "lexicon", hit.entry.name)


def suffix_candidates(reading: Reading, knowledge: DomainKnowledge) -> Iterable[OrgCandidate]:
    """Names ending in an organization word, extended left over the words of the name.

    A strong ending (…研究院, …有限公司) takes up to six words before it; a weak one
    (…科技, …机器人) only a rare brand-like word or two (乐聚机器人, 汇川技术, not
    人形机器人), and never when a model number follows (电科机器人1号 is a product).
    """
    text, suffix_ends = reading.text, knowledge.org_suffix_ends
    long_titles = _long_titles(knowledge.titles)  # once: hashing the titles is not free
    for index, (_, end, _) in enumerate(reading.tokens):
        if text[end - 1] not in suffix_ends:
            continue  # most words end in no organization word: one set lookup says so
        found = _suffix_at(reading, index, knowledge)
        if found is None:
            continue
        suffix, first = found
        is_strong = suffix in _STRONG_SUFFIXES or (len(suffix) == 1 and suffix in "局厅部委")
        kind = knowledge.org_suffixes[suffix]
        name_start = _extend_left(
            reading, first, knowledge, max_words=6 if is_strong else 2, kind=kind
        )
        glued = _GLUED_LEAD.match(reading.text, name_start, end - len(suffix))
        if glued:  # segmenter glue: "二是产业资本", "A轮由高瓴创投", "获蔚来资本"
            name_start = glued.end()
        while reading.text[name_start] in _BULLETS:  # "·深圳兆威机电…": a list's bullet
            name_start += 1
        name = reading.text[name_start:end]
        if name.endswith(_DESCRIBING_ENDINGS) or _EVERY_BODY.match(name):
            continue  # 科创板上市公司, 全资子公司, 市各委办局: what a body is, not its name
        prefix_start, prefix_end = name_start, end - len(suffix)
        if suffix == "公司" and _only_describes(reading, knowledge, prefix_start, prefix_end):
            continue  # "杭州具身智能公司溯光智能": a place and an industry say what it is
        if (
            prefix_end - prefix_start < 2
            or len(name) > _MAX_NAME
            or (not is_strong and _PRODUCT_AFTER.match(reading.text, end))
            or (not is_strong and _BUSINESS_AFTER.match(reading.text, end))
        ):
            continue
        coded = _CODE_LEAD.fullmatch(reading.text, prefix_start, prefix_end)
        if coded and (
            not is_strong
            or any(
                reading.word_tags.get(word, "").startswith("v")
                for _, _, word in reading.words_between(coded.start("words"), prefix_end)
            )
        ):
            continue  # "T3主打汽车", "T3搭载公司": a model doing something; "3C电子": a sector
        if not is_strong and _JOINED.search(reading.text, prefix_start, prefix_end):
            continue  # "灵巧手及机器人": two things joined, not a brand (jieba glues 手及)
        if not is_strong and any(
            len(word) > 1 and reading.word_tags.get(word) == "v"
            for _, _, word in reading.words_between(prefix_start, prefix_end)
        ):
            continue  # "吴中区聚焦精密": a verb, then the words it governs
        if not is_strong and _DEED_WORD.search(reading.text, prefix_start, prefix_end):
            continue  # "钱塘智算举办技术开放日": a deed, then the next noun phrase
        if not is_strong and long_titles.search(reading.text, prefix_start, prefix_end):
            continue  # "董事长陆承泽在汽车…": a person's title, then what they did
        if (
            not is_strong
            and reading.text.endswith("人形", prefix_start, prefix_end)
            and not _is_brand(reading, knowledge, prefix_start, prefix_end - 2, strong=False)
        ):
            continue  # "投保人形机器人": what comes before 人形机器人 is no brand
        if is_strong and kind not in _COMPANY_LIKE:
            if not _is_distinctive(reading, knowledge, prefix_start, prefix_end):
                continue
        elif not _is_brand(reading, knowledge, prefix_start, prefix_end, strong=is_strong):
            continue
        if len(suffix) == 1 and not _GOVERNMENT_NAME.search(name):
            continue
        yield OrgCandidate(name_start, end, kind_of(name, knowledge), "suffix")


# jieba dictionary tags that never occur inside a name: prepositions, conjunctions,
# pronouns, time words, adverbs, particles, localizers, numerals, measure words.
_STOP_TAGS = frozenset(
    [
        "p",
        "c",
        "r",
        "t",
        "d",
        "u",
        "uj",
        "ul",
        "uz",
        "ug",
        "uv",
        "ud",
        "f",
        "y",
        "e",
        "o",
        "q",
        "ad",
        "tg",
        "dg",
        "rr",
        "rz",
    ]
)
_LEADING_TRIM = frozenset({"v", "vd", "vg", "vi", "vq", "l"})
# Single characters that are function words even inside a run of unknown characters
# (宁波中大力德: 中 is part of the name; 由兆威: 由 is not).
_FUNCTION_CHARS = frozenset("的了在和与及或对由把被向从自为将于以是也都就还又这那其此该")
_DESCRIBING_ENDINGS = (
    "上市公司",
    "子公司",
    "母公司",
    "参股公司",
    "本公司",
    "该公司",
    "我公司",
    "贵公司",
)
_GOVERNMENT_NAME = re.compile("国家|中央|国务院|[省市区县州]")
_JOINED = re.compile("[及与或、]")
_ZONE_WORDS = ("经开区", "高新区", "自贸区")
_PRODUCT_AFTER = re.compile(r"\s?(?:[A-Za-z0-9]|号|系列|型)")
# a weak ending followed by a business word is a line of business, not a company
# ("汇川技术机器人业务", "最大单笔机器人订单")
_BUSINESS_AFTER = re.compile("业务|板块|订单|出货|销量|产线|整机|本体|行业|赛道|产业(?!园|基地)")
# a Latin name going on into a model designation is the product's ("Figure 02",
# "MiniMax-Text-01"), not another mention of the maker
_DESIGNATION_GOES_ON = re.compile(r"[A-Za-z0-9][ \-]?[0-9]|[A-Za-z0-9]-[A-Za-z]")


_SUBSIDIARY = re.compile(
    r"(?:子公司|孙公司)(?P<name>[A-Z][A-Za-z&]+(?: [A-Z][A-Za-z&]+){0,3})(?![A-Za-z0-9\-])"
)


def _only_describes(reading: Reading, knowledge: DomainKnowledge, start: int, end: int) -> bool:
    """True when text[start:end] is places and an industry's everyday words only."""
    places = reading.places_between(start, end)
    words = [
        word
        for word_start, _, word in reading.words_between(start, end)
        if not any(place.start <= word_start < place.end for place in places)
    ]
    return bool(words) and all(word in knowledge.generic_name_words for word in words)


def _suffix_at(reading: Reading, index: int, knowledge: DomainKnowledge) -> tuple[str, int] | None:
    """Return the organization ending at the end of token `index` and the index of the
    token where that ending starts (研究中心 may be the tokens 研究 + 中心)."""
    tokens = reading.tokens
    end = tokens[index][1]
    for length in range(min(end, 7), 0, -1):
        suffix = reading.text[end - length : end]
        kind = knowledge.org_suffixes.get(suffix)
        if kind is None or (kind in {"media", "other"} and suffix not in _STRONG_SUFFIXES):
            continue
        first = index
        while first > 0 and tokens[first][0] > end - length:
            first -= 1
        if len(suffix) == 1:
            if suffix not in "局厅部委":
                return None
            word = tokens[index][2]
            if word != suffix and reading.word_frequencies.get(word, 0) >= _COMMON_WORD_FREQ:
                return None  # 布局, 内部: an everyday word, not 经信局
        return suffix, first
    return None


def _extend_left(
    reading: Reading, index: int, knowledge: DomainKnowledge, max_words: int, kind: str
) -> int:
    """Walk left over the words of a name; stop at function words, then drop leading verbs
    (组建杭州具身智能创新研究院 -> 杭州具身智能创新研究院)."""
    tokens, tags = reading.tokens, reading.word_tags
    taken: list[int] = []
    name_start = tokens[index][0]
    for previous in range(index - 1, max(index - 1 - max_words, -1), -1):
        word_start, word_end, word = tokens[previous]
        joinable = (
            word in {"与", "和"} and kind in _JOINABLE_KINDS and _joins_one_name(reading, previous)
        )
        if (
            word_end != name_start
            or (word in knowledge.name_stops and not joinable)
            or reading.in_date(word_start)
            or word.endswith("有限公司")  # "…科技有限公司获东风汽车集团": another company
            or _own_level_word(reading, previous + 1, word)
        ):
            break
        is_function_word = tags.get(word, "x") in _STOP_TAGS and (
            len(word) > 1 or word in _FUNCTION_CHARS
        )
        if not joinable and (
            not _is_name_word(word)
            or is_function_word
            or word.isdigit()
            or _COUNTED_WORD.fullmatch(word)
        ):
            break
        glued = len(word) - len(word.lstrip(_GLUED_LEAD_CHARS))
        if 0 < glued < len(word) and word not in tags:
            # the segmenter glued 由/和/这是 to the name: "由北特|科技", "这是曜衡|机器人"
            name_start = word_start + glued
            break
        name_start = word_start
        taken.append(previous)
    for position in reversed(taken):  # leftmost first
        word = tokens[position][2]
        if tags.get(word, "x") not in _LEADING_TRIM and word not in {"与", "和"}:
            break
        name_start = tokens[position][1]
    first = next(
        (
            token
            for token in reading.words_between(name_start, name_start + 1)
            if token[0] == name_start
        ),
        None,
    )
    if (
        reading.text[name_start] in _LEADING_FUNCTION_CHARS
        and name_start + 1 < tokens[index][0]
        and (first is None or first[1] - first[0] == 1 or first[2] not in tags)
    ):
        name_start += 1  # a function character glued on, never the head of a word (对话)
    return name_start


def _own_level_word(reading: Reading, index: int, before: str) -> bool:
    """ "请径向区工业和信息化局反映": 区 standing alone opens the name of the district's
    own bureau; the word before it is no place of which it is the level."""
    if index >= len(reading.tokens):
        return False
    start, _, word = reading.tokens[index]
    return (
        word in _LEVEL_WORDS
        and reading.word_tags.get(before) not in {"ns", "nt"}
        and not any(place.end == start for place in reading.places_between(start - 8, start))
    )


def _joins_one_name(reading: Reading, index: int) -> bool:
    """与/和 inside one name (测试验证与协同创新中心, 工业和信息化部), not between two
    (智谱华章和中国科学院…, …创新中心和重庆大学)."""
    tokens, tags = reading.tokens, reading.word_tags
    if index == 0 or index + 1 >= len(tokens):
        return False
    left, right = tokens[index - 1][2], tokens[index + 1][2]
    return (
        tags.get(right) not in {"ns", "nt", "nr", "nz"}
        and not reading.places_between(tokens[index + 1][0], tokens[index + 1][1])
        and not left.endswith((*_ORG_WORDS, "中心", "实验室", "局", "委员会"))
    )


def _is_distinctive(reading: Reading, knowledge: DomainKnowledge, start: int, end: int) -> bool:
    """An institution's name needs a word that names rather than describes:
    清华大学, 多模态…国家重点实验室, 测试验证与协同创新中心; not 人形机器人产业创新中心."""
    text = reading.text[start:end]
    words = [w for _, _, w in reading.words_between(start, end)]
    return len(text) >= 2 and any(
        word not in knowledge.generic_name_words
        and word not in knowledge.name_stops
        and word not in {"与", "和"}
        for word in words
    )


def _is_name_word(word: str) -> bool:
    return all(char.isalnum() or char in "·&-" for char in word)


def _is_brand(
    reading: Reading, knowledge: DomainKnowledge, start: int, end: int, *, strong: bool
) -> bool:
    """The words before the ending must include a brand: a rare word that is neither a
    place nor a description (乐聚, 智源; not 人形, 具身, 苏州). Before a strong ending a
    place will do (国网杭州供电公司). A weak ending right after a descriptive word
    (具身智能, 工业自动化) or after another organization (…大学自动化) is no name."""
    words = [
        reading.text[max(s, start) : min(e, end)] for s, e, _ in reading.words_between(start, end)
    ]
    if not words:
        return False
    if strong and (reading.places_between(start, end) or reading.text.startswith("中国", start)):
        return True
    if not strong and (
        reading.text[start:end] in knowledge.generic_name_words  # 智能网|联汽车 as cut
        or words[-1] in knowledge.generic_name_words
        or words[0] in knowledge.generic_name_words  # 机器人成渝智能: no name starts so
        or any(word.endswith(_ORG_WORDS) for word in words)
    ):
        return False
    frequencies, tags = reading.word_frequencies, reading.word_tags
    return any(
        word not in knowledge.generic_name_words
        and tags.get(word) not in _NOT_BRAND_TAGS
        and not word.isdigit()
        and (
            (
                len(word) >= 2
                and frequencies.get(word, 0) < _COMMON_WORD_FREQ
                and not _joins_common_words(word, frequencies)
            )
            or (word.isascii() and word.isalpha() and len(word) >= 2)
            or tags.get(word) in {"nt", "nz", "nrt"}
        )
        for word in words
    )


def _joins_common_words(word: str, frequencies: dict[str, int]) -> bool:
    """ "下游工业" is 下游 + 工业: a rare word made of everyday ones describes, not names
    (智元, 优必选, 科大讯飞 have no such split)."""
    return any(
        frequencies.get(word[:cut], 0) >= _COMMON_WORD_FREQ
        and frequencies.get(word[cut:], 0) >= _COMMON_WORD_FREQ
        for cut in range(2, len(word) - 1)
    )


# tags of words that describe rather than name: places, numbers, verbs, time words...
_NOT_BRAND_TAGS = frozenset(
    {"ns", "m", "v", "vn", "p", "c", "d", "u", "uj", "f", "r", "l", "t", "q", "ad", "b"}
)
_ORG_WORDS = ("大学", "学院", "公司", "集团", "研究院", "研究所")


def publication_candidates(reading: Reading) -> Iterable[OrgCandidate]:
    """Newspapers and magazines named in 《》: 《中国电子报》."""
    for match in _PUBLICATION.finditer(reading.text):
        yield OrgCandidate(match.start("name"), match.end("name"), "media", "title")


def byline_candidates(reading: Reading) -> Iterable[OrgCandidate]:
    """The outlet of a byline or source line: "来源：新华网", "证券时报记者 吴志"."""
    head = reading.text[:400]
    for match in _BYLINE_MEDIA.finditer(head):
        group = next(name for name in "abc" if match[name])
        name = match[group]
        if name not in {"本报", "本刊", "本台", "记者"} and not reading.regions.lookup(name):
            yield OrgCandidate(match.start(group), match.end(group), "media", "title")


def listed_candidates(reading: Reading) -> Iterable[OrgCandidate]:
    """A listed company named with its stock code: "鸿海（2317）", "晶片商地平线机器人
    （09660）", "「人形机器人第一股」的优必选（09880）" - the name runs back from the code to
    the word that describes it (…商, …厂, …股, 的)."""
    for match in _LISTED_NAME.finditer(reading.text):
        name = match["name"]
        cut = max(name.rfind(mark) for mark in _DESCRIBER_ENDS) + 1
        start = match.start("name") + cut
        places = reading.places_between(start, match.end("name"))
        if places and places[0].start == start:
            start = places[0].end  # 深圳优必选科技: 深圳 says where it is
        if 2 <= match.end("name") - start <= 8:
            yield OrgCandidate(start, match.end("name"), "company", "list")


def subsidiary_candidates(reading: Reading) -> Iterable[OrgCandidate]:
    """A foreign subsidiary named in Latin letters: "德国子公司Cloos（克鲁斯）"."""
    for match in _SUBSIDIARY.finditer(reading.text):
        yield OrgCandidate(match.start("name"), match.end("name"), "company", "list")


def _not_blocked(
    candidates: list[OrgCandidate], blocked: list[tuple[int, int]], size: int
) -> list[OrgCandidate]:
    """Drop candidates overlapping a known product name (Kimi智能助手 is no company), unless
    they are exactly that name."""
    marks = bytearray(size + 1)
    for start, end in blocked:
        marks[start:end] = b"\x01" * (end - start)
    exact = set(blocked)
    return [c for c in candidates if (c.start, c.end) in exact or not any(marks[c.start : c.end])]


def _departments_to_universities(reading: Reading, kept: list[OrgCandidate]) -> list[OrgCandidate]:
    """A university's school or department (四川大学机械工程学院) counts as the university."""
    result = []
    for candidate in kept:
        name = reading.text[candidate.start : candidate.end]
        cut = name.find("大学")
        if cut >= 2 and name.endswith(("学院", "系")) and cut + 2 < len(name):
            result.append(
                OrgCandidate(
                    candidate.start, candidate.start + cut + 2, "university", candidate.source
                )
            )
        else:
            result.append(candidate)
    return result


def _parents(
    reading: Reading, knowledge: DomainKnowledge, kept: list[OrgCandidate]
) -> list[OrgCandidate]:
    """清华大学计算机系知识工程实验室 also names 清华大学."""
    parents = []
    for candidate in kept:
        name = reading.text[candidate.start : candidate.end]
        for suffix in _PARENT_SUFFIXES:
            cut = name.find(suffix)
            if cut >= 2 and cut + len(suffix) < len(name):
                end = candidate.start + cut + len(suffix)
                parents.append(
                    OrgCandidate(
                        candidate.start,
                        end,
                        kind_of(name[: cut + len(suffix)], knowledge),
                        "parent",
                    )
                )
                break
    return parents


def tagger_candidates(reading: Reading, knowledge: DomainKnowledge) -> Iterable[OrgCandidate]:
    """Organization names the trained entity tagger found, when they name: the tagger also
    marks bodies in general (深圳市有关部门, 科研机构), places and products (伺服电机)."""
    labels = {"company": "company", "government": "government", "organization": "other"}
    for span in reading.tagged:
        if span.label not in labels:
            continue
        start, end = _tidy_span(reading, knowledge, span.start, span.end)
        alias = _CHINESE_ALIAS.search(reading.text, start, end)
        if alias is not None and alias.end() == end:
            end = alias.start()  # "国家发展基金（国发基金）": the name, its alias after it
        if not reading.is_word_boundary(end):
            continue  # "CTO司|徒晓蕾": a name never ends inside a word
        if _names_an_organization(reading, knowledge, start, end):
            name = reading.text[start:end]
            yield OrgCandidate(start, end, kind_of(name, knowledge, labels[span.label]), "tagger")


def _tidy_span(
    reading: Reading, knowledge: DomainKnowledge, start: int, end: int
) -> tuple[int, int]:
    """Drop what the tagger glued to a name: a leading 和/由, a trailing 继续/旗下."""
    marks = [m.end() for m in _HEADING_MARK.finditer(reading.text, start, end)]
    if marks:  # "⑨【合肥】合肥星衡动力科技有限公司": a digest item's heading goes first
        start = marks[-1]
    words = reading.words_between(start, end)
    while words and (
        words[0][2] in knowledge.name_stops
        or words[0][2] in _LEADING_FUNCTION_CHARS
        or reading.word_tags.get(words[0][2]) in {"r", "v", "p", "d", "t"}
    ):
        start = words.pop(0)[1]
    while words and words[0][2] in _ROLE_NOUNS and len(words) > 1:
        start = words.pop(0)[1]  # "投资方东元电机": the role the company plays
    while words and (
        words[-1][2] in knowledge.name_stops
        or reading.word_tags.get(words[-1][2]) in {"v", "d"}
        or words[-1][2] == "总部"  # "东元电机总部位于台北": the company's seat
    ):
        end = words.pop()[0]
    team = _TEAM_END.search(reading.text, start, end)
    if team is not None:  # "国泰海通证券机械行业": the broker, not its sector team
        end = team.start()
        while words and words[-1][1] > end:
            words.pop()
    deed = next((w for w in words[1:] if w[2] in _DEED_WORDS or _is_pronoun(reading, w[2])), None)
    if deed is not None:
        # "阿里巴巴开源Qwen3", "鸿海自家工厂": the name ends where a deed or a pronoun begins
        end = deed[0]
    return start, max(start, end)


def _is_pronoun(reading: Reading, word: str) -> bool:
    """自家, 其, 他们 - but not the 某某 that stands for a name (杭州某某投资有限公司)."""
    return reading.word_tags.get(word) == "r" and not word.startswith("某")


# a sector team or a report glued to the name before it: "…证券机械行业", "汇川技术中报"
_TEAM_END = re.compile(
    r"(?:[\u4e00-\u9fff]{2}(?:行业|行业组|研究组|团队)|半年报|中报|年报|季报|财报|研报|公告)$"
)
# what a company does, which the tagger glues to its name and the product after it
_DEED_WORDS = frozenset(
    {"发布", "推出", "开源", "宣布", "完成", "获得", "亮相", "上线", "签约", "牵头", "举办", "举行"}
)
_DEED_WORD = re.compile("|".join(sorted(_DEED_WORDS)))


@lru_cache(maxsize=4)
def _long_titles(titles: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every title of three characters or more (董事长, 首席科学家)."""
    long_titles = [re.escape(title) for title in titles if len(title) > 2]
    return re.compile("|".join(long_titles) if long_titles else "(?!)")


def _names_an_organization(
    reading: Reading, knowledge: DomainKnowledge, start: int, end: int
) -> bool:
    text = reading.text[start:end]
    if (
        len(text) < 2
        or _SPAN_BREAK.search(_LEGAL_BRACKET.sub("", text))
        or _GENERIC.match(text)
        or _MODEL_NAME.fullmatch(text)
        or _BRANDED_MODEL.fullmatch(text)
    ):
        return False
    if any(word in knowledge.name_stops for _, _, word in reading.words_between(start, end)):
        return False  # 中国移动旗下基金, PRS-12由北特科技: two things, not one name
    if _BUSINESS_AFTER.match(reading.text, end) and not text.endswith(tuple(_STRONG_SUFFIXES)):
        return False
    if text.isascii() and text.islower():
        return False  # "tokens": a word, not a name
    places = reading.places_between(start, end)
    core = text[places[0].end - start :] if places and places[0].start == start else text
    if (
        not core
        or reading.regions.lookup(text)
        or core in knowledge.generic_name_words
        or core in knowledge.product_nouns
        or core in knowledge.components
        or _GENERIC_BODY.search(core)
    ):
        return False
    if kind_of(text, knowledge, "") and len(core) > len(_suffix_of(text, knowledge)):
        return True  # a name before an organization word: 中联重科泵送机械公司, 国家网信办
    return _is_brand(reading, knowledge, start, end, strong=False)


def _suffix_of(name: str, knowledge: DomainKnowledge) -> str:
    return next(
        (
            name[-n:]
            for n in range(min(len(name) - 1, 7), 0, -1)
            if name[-n:] in knowledge.org_suffixes
        ),
        "",
    )


_DESCRIBED_AS = ("公司", "企业", "厂商", "初创", "独角兽")


def financing_candidates(reading: Reading, knowledge: DomainKnowledge) -> Iterable[OrgCandidate]:
    """Who raised money: the brand right before "宣布完成…融资" / "获得…投资" in funding
    news, where new companies appear before any lexicon knows them ("深圳帕西尼感知完成超3亿元
    B+轮融资" -> 帕西尼感知; the place before it is where it is, not part of its name)."""
    ending = reading.token_ending_at
    for match in _RAISED.finditer(reading.text):
        name_end = match.start()
        dated = reading.dates_between(max(0, name_end - 12), name_end)
        if dated and dated[-1].end == name_end:
            name_end = dated[-1].start  # "星衡智能2025年5月完成…融资"
            if reading.text[name_end - 1 : name_end] in ("于", "在"):
                name_end -= 1  # "速腾聚创于2024年1月5日在…挂牌"
        last = ending.get(name_end)
        if last is None or not _is_name_token(reading, knowledge, last):
            continue
        start = _extend_left(reading, last, knowledge, max_words=3, kind="company")
        if start == reading.tokens[last][0] and last > 0:
            start = _everyday_word_before(reading, knowledge, last) or start
        places = reading.places_between(start, name_end)
        if places and places[0].start == start:
            start = places[0].end
        if start < name_end and reading.text[start] == "的":
            start += 1
        # "具身大模型公司迈塔具身完成…融资": after the noun describing it, a name may end in
        # a word that would otherwise only describe (具身)
        described = reading.text.endswith(_DESCRIBED_AS, max(0, start - 3), start)
        if name_end - start >= 2 and (
            _is_brand(reading, knowledge, start, name_end, strong=described)
            or _is_headed_name(reading, knowledge, start, name_end)
        ):
            yield OrgCandidate(start, name_end, "company", "list")


def site_owner_candidates(reading: Reading, knowledge: DomainKnowledge) -> Iterable[OrgCandidate]:
    """Whose plant a robot works in: "已在隆基绿能的光伏组件车间开展搬运试用" - a customer
    named by its brand alone, which only its site shows to be a company."""
    for match in _SITE_OF.finditer(reading.text):
        start, end = match.span("name")
        places = reading.places_between(start, end)
        brand_start = places[0].end if places and places[0].start == start else start
        if end - brand_start >= 2 and _is_brand(reading, knowledge, brand_start, end, strong=False):
            yield OrgCandidate(start, end, "company", "list")  # 北京奔驰: the place is its name's


def _everyday_word_before(reading: Reading, knowledge: DomainKnowledge, index: int) -> int | None:
    """Where the word before a lone organization word starts, when it can open a name
    although it is an everyday word ("深圳的自变量机器人完成…融资": 自变量, which the name
    walk trims as a leading phrase)."""
    start, end, word = reading.tokens[index - 1]
    if (
        end != reading.tokens[index][0]
        or len(word) < 2
        or word in knowledge.name_stops
        or reading.word_tags.get(word, "x") in _STOP_TAGS
        or not _is_name_word(word)
        or reading.places_between(start, end)
    ):
        return None
    return start


def _is_headed_name(reading: Reading, knowledge: DomainKnowledge, start: int, end: int) -> bool:
    """A name ending in an organization word after a word that names rather than
    describes: who raised a round may be named with an everyday word (自变量机器人), which
    the raise itself shows to be a name."""
    suffix = _suffix_of(reading.text[start:end], knowledge)
    head = end - len(suffix)
    return (
        bool(suffix)
        and head - start >= 2
        and not reading.places_between(start, head)
        and _is_distinctive(reading, knowledge, start, head)
    )


def _is_name_token(reading: Reading, knowledge: DomainKnowledge, index: int) -> bool:
    word = reading.tokens[index][2]
    return (
        word[-1].isalnum()  # "（澄观智能）完成…融资": a bracket ends no name
        and word not in knowledge.name_stops
        and reading.word_tags.get(word, "x") not in _STOP_TAGS
    )


def list_candidates(reading: Reading, knowledge: DomainKnowledge) -> Iterable[OrgCandidate]:
    """Items of "共有5家企业，分别是A、B和C" and "A、B、C等企业"."""
    for match in _LIST_INTRO.finditer(reading.text):
        items = _list_items(reading, knowledge, match.end(), _list_end(reading.text, match.end()))
        if match["noun"].endswith("平台"):
            # "建设3个公共服务平台，分别是机器人检验检测中心、具身智能数据采集训练场…": a
            # facility is an organization when a place names it (重庆市人形机器人数据训练场)
            items = (c for c in items if reading.places_between(c.start, c.end))
        yield from items
    for match in _ETC_LIST.finditer(reading.text):
        yield from _list_items(reading, knowledge, match.start("items"), match.end("items"))
    for match in _COUNTED_LIST.finditer(reading.text):
        # the items open their clause: whole names, none trimmed to a brand
        items = _list_items(
            reading, knowledge, match.start("items"), match.end("items"), trim_first=False
        )
        for candidate in items:
            item = reading.text[candidate.start : candidate.end]
            yield replace(candidate, kind=kind_of(item, knowledge, "other"))
    for match in _INVESTORS.finditer(reading.text):
        for candidate in _list_items(reading, knowledge, match.start("items"), match.end("items")):
            kind = kind_of(reading.text[candidate.start : candidate.end], knowledge, "company")
            yield replace(candidate, kind=kind)


def _list_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end] not in "。；;\n":
        if text[end] == "，" and not text.startswith(("以及", "和", "及", "还有"), end + 1):
            break
        end += 1
    return end


def _list_items(
    reading: Reading, knowledge: DomainKnowledge, start: int, end: int, *, trim_first: bool = True
) -> Iterable[OrgCandidate]:
    parts = split_items(reading.text, start, end)
    if parts and trim_first:
        first_start, first_end = parts[0]
        parts[0] = (_trim_to_name(reading, knowledge, first_start, first_end), first_end)
    for item_start, item_end in parts:
        item_end = _without_trailing_stops(reading, knowledge, item_start, item_end)
        etc = reading.text.find("等", item_start, item_end)
        item_end = etc if etc > item_start else item_end  # "阿里巴巴等老股东": 阿里巴巴
        item = reading.text[item_start:item_end]
        if (
            not 2 <= len(item) <= 16
            or item.count("（") != item.count("）")  # "国发基金）": half an alias bracket
            or reading.regions.lookup(item)
            or re.search("[的了在将是]", item)
        ):
            continue
        yield OrgCandidate(item_start, item_end, kind_of(item, knowledge), "list")


def _without_trailing_stops(
    reading: Reading, knowledge: DomainKnowledge, start: int, end: int
) -> int:
    """ "优艾智合等", "线性资本继续超额跟投": the item ends where its name does."""
    words = reading.words_between(start, end)
    while len(words) > 1 and words[-1][2] in knowledge.name_stops:
        end = words.pop()[0]
    return end


def _trim_to_name(reading: Reading, knowledge: DomainKnowledge, start: int, end: int) -> int:
    """The first item of "主要参与方不乏美团、蚂蚁…等企业" starts where its name does."""
    last = reading.token_ending_at.get(end)
    if last is None:
        return start
    trimmed = max(start, _extend_left(reading, last, knowledge, max_words=4, kind="company"))
    dropped = reading.token_ending_at.get(trimmed)
    if reading.text[trimmed:end] in knowledge.org_suffixes and dropped is not None:
        # "启明创投": 创投 alone names no one, so 启明 is no verb before it
        return max(start, reading.tokens[dropped][0])
    return trimmed


_PRIORITY = {"title": 4, "lexicon": 3, "tagger": 2, "suffix": 2, "list": 1, "parent": 0}


def _resolve_overlaps(reading: Reading, candidates: list[OrgCandidate]) -> list[OrgCandidate]:
    """Keep the longest of overlapping candidates; a pack entry wins a tie."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -_PRIORITY[c.source], c.start))
    taken: list[OrgCandidate] = []
    occupied = bytearray(len(reading.text) + 1)
    for candidate in ordered:
        if any(occupied[candidate.start : candidate.end]):
            continue
        if candidate.source != "title" and reading.in_title(candidate.start):
            continue
        occupied[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
        taken.append(candidate)
    canonical = {(c.start, c.end): c.canonical for c in candidates if c.canonical}
    return sorted(
        (
            OrgCandidate(
                c.start, c.end, c.kind, c.source, c.canonical or canonical.get((c.start, c.end))
            )
            for c in taken
        ),
        key=lambda c: c.start,
    )


def _every_mention(reading: Reading, findings: Findings) -> None:
    """An organization found once (by a pattern, the tagger, a list) is named wherever its
    name or alias appears again: "它石智航宣布完成…融资。它石智航成立于2024年"."""
    name_again(
        reading.text,
        findings.of_type(MentionType.ORG),
        [],
        lambda start, end: (
            not reading.in_title(start)
            and not _DESIGNATION_GOES_ON.match(reading.text, end - 1)
            and (
                end - start > 2
                or (reading.is_word_boundary(start) and reading.is_word_boundary(end))
            )
        ),
    )


def _declared_aliases(reading: Reading, findings: Findings) -> None:
    """ "X（以下简称Y）" and "X（Fourier）": Y is another name of X, wherever it appears."""
    for entity in findings.of_type(MentionType.ORG):
        for _start, end in list(entity.spans):
            following = reading.text[end : end + 24]
            match = _DECLARED_ALIAS.match(following) or (
                None if _STOCK_CODE.match(following) else _LATIN_ALIAS.match(following)
            )
            if match is None and entity.name.isascii():
                match = _CHINESE_ALIAS.match(following)  # "Cloos（克鲁斯）", not "（德国）"
                if match is not None and reading.regions.lookup(match["alias"]):
                    match = None
            if match is None:  # "杭州拾光灵巧科技有限公司（拾光灵巧）": its short name
                short = _CHINESE_ALIAS.match(following)
                if short is not None and (
                    _is_legal_form_of(entity.name, short["alias"])
                    or _abbreviates(entity.name, short["alias"])
                ):
                    match = short
            if match is None:
                continue
            alias = match["alias"].strip()
            entity.aliases.add(alias)
            for found in find_all(reading.text, alias):
                if found[0] != end + match.start("alias"):
                    entity.spans.append(found)
            other = findings.entities.pop((MentionType.ORG, alias), None)
            if other is not None:
                entity.spans.extend(span for span in other.spans if span not in entity.spans)


def _declared_filer(reading: Reading, findings: Findings) -> None:
    """ "常州精驰传动科技股份有限公司（以下简称“精驰传动”、“发行人”或“公司”）", "…股份有限公司
    （「本公司」，…）": the company a document declares it calls 公司 is the one filing it,
    whatever others it names."""
    if findings.filer is not None:
        return
    for entity in findings.of_type(MentionType.ORG):
        if entity.kind == "company" and any(
            _CALLED_THE_COMPANY.match(reading.text, end) for _, end in entity.spans
        ):
            findings.filer = entity.name
            return


def _stock_short_name(reading: Reading, findings: Findings) -> None:
    """ "证券简称：埃斯顿" in a filing: the short name of the company that files it."""
    match = _STOCK_SHORT_NAME.search(reading.text)
    companies = [e for e in findings.of_type(MentionType.ORG) if e.kind == "company"]
    if match is None or not companies:
        return
    alias = match["alias"]
    filer = companies[0]
    findings.filer = filer.name
    if alias == filer.name:
        return
    filer.aliases.add(alias)
    other = findings.entities.pop((MentionType.ORG, alias), None)
    if other is not None:
        filer.spans.extend(span for span in other.spans if span not in filer.spans)
        filer.attrs.update({k: v for k, v in other.attrs.items() if k not in filer.attrs})
        filer.aliases.update(other.aliases - {filer.name})


def _is_set_up(reading: Reading, entity: FoundEntity) -> bool:
    """ "公司设立苏州汇川技术有限公司，这家子公司…": a company the text says was set up
    (or calls a subsidiary) is not the registered name of the company that set it up."""
    return any(
        _SET_UP_BEFORE.search(reading.text, max(0, start - 4), start)
        or _SUBSIDIARY_AFTER.match(reading.text, end)
        for start, end in entity.spans
    )


def _written_short(reading: Reading, findings: Findings, knowledge: DomainKnowledge) -> None:
    """ "武汉楚天智行机器人有限公司…楚天智行今年5月发布…": a registered company name, less
    its place and its trade and legal words, is the short name the text goes on to use."""
    company_words = tuple(w for w, kind in knowledge.org_suffixes.items() if kind == "company")
    for entity in findings.of_type(MentionType.ORG):
        if entity.kind != "company" or not entity.name.endswith(_LEGAL_FORMS):
            continue
        places = region_index().find(entity.name)
        core = entity.name[places[0].end :] if places and places[0].start == 0 else entity.name
        for size in _SHORT_NAME_SIZES:
            short = core[:size]
            if (
                _CJK_NAME.fullmatch(short)
                and not short.startswith(company_words)
                and core[size:].startswith(company_words)
                and region_index().lookup(short) is None
                and _written_alone(reading, short, entity)
            ):
                entity.aliases.add(short)
                break


def _written_alone(reading: Reading, short: str, entity: FoundEntity) -> bool:
    """True when `short` is written as a word of its own outside the entity's mentions."""
    for start, end in find_all(reading.text, short):
        inside = any(s <= start < e for s, e in entity.spans)
        if not inside and reading.is_word_boundary(start) and reading.is_word_boundary(end):
            return True
    return False


def _is_legal_form_of(full: str, short: str) -> bool:
    """南京埃斯顿自动化股份有限公司 is the registered name of 埃斯顿: [place] + short + a
    name tail ending in a legal form."""
    if not full.endswith(_LEGAL_FORMS):
        return False
    places = region_index().find(full)
    core = full[places[0].end :] if places and places[0].start == 0 else full
    return core.startswith(short) and len(short) >= 2


def _city_prefixed(full: str, short: str) -> bool:
    if not full.endswith(short) or len(short) < 2:
        return False
    prefix = full[: len(full) - len(short)]
    return region_index().lookup(prefix) is not None


def _local_short(full: FoundEntity, short: FoundEntity) -> bool:
    """区管委会 for 广州开发区管理委员会, 区工业和信息化局 for 广州市黄埔区工业和信息化局: a
    body named by its level (区, 市) and the rest of its name, its words shortened or not.
    The full name is a place's, and at the level's character the short one takes over."""
    name, word = full.name, short.name
    if full.kind != "government" or short.kind != "government" or word[0] not in _LEVEL_WORDS:
        return False
    places = region_index().find(name)
    if len(word) < 3 or not places or places[0].start != 0 or name[-1] != word[-1]:
        return False
    opening = name.rfind(word[:2], places[0].end - 1)
    return opening > 0 and _in_order(word[2:], name[opening + 2 :])


def _abbreviates(name: str, short: str) -> bool:
    """国发基金 for 国家发展基金: the name's first and last characters and some between,
    in order."""
    return (
        len(short) < len(name)
        and short[0] == name[0]
        and short[-1] == name[-1]
        and _in_order(short[1:], name[1:])
    )


def _in_order(chars: str, text: str) -> bool:
    """True when every character of `chars` is in `text`, in order (管委会 in 管理委员会)."""
    rest = iter(text)
    return all(char in rest for char in chars)


def _merge_short_forms(reading: Reading, findings: Findings, knowledge: DomainKnowledge) -> None:
    """Fold 小米 into 小米集团: same pack entry, or the full name is the short one plus a
    company word (集团, 科技, 公司, 股份 …)."""
    orgs = findings.of_type(MentionType.ORG)
    for short in orgs:
        for full in orgs:
            if full is short or len(full.name) <= len(short.name):
                continue
            if (
                _is_legal_form_of(full.name, short.name)
                and not any(
                    alias.startswith(short.name) and alias != short.name for alias in full.aliases
                )  # 埃斯顿酷卓 (南京埃斯顿酷卓科技有限公司) is a subsidiary, not 埃斯顿
                and not _is_set_up(reading, full)
            ):
                full.aliases.add(short.name)
                full.aliases.update(short.aliases - {full.name})
                full.spans.extend(span for span in short.spans if span not in full.spans)
                full.attrs.update({k: v for k, v in short.attrs.items() if k not in full.attrs})
                findings.entities.pop((MentionType.ORG, short.name), None)
                break
            if _local_short(full, short):
                # 区工业和信息化局 in a document that named 广州市黄埔区工业和信息化局
                full.aliases.add(short.name)
                full.spans.extend(span for span in short.spans if span not in full.spans)
                findings.entities.pop((MentionType.ORG, short.name), None)
                break
            if _city_prefixed(full.name, short.name):
                # 苏州伟创电气 and 伟创电气: the text's own short name is the name
                short.aliases.add(full.name)
                short.spans.extend(span for span in full.spans if span not in short.spans)
                findings.entities.pop((MentionType.ORG, full.name), None)
                continue
            pack_name = short.attrs.get("pack_name")
            # 讯飞 (the pack's 科大讯飞) and 科大讯飞股份有限公司（以下简称“科大讯飞”）
            same_entry = pack_name and (
                pack_name == full.attrs.get("pack_name") or pack_name in full.aliases
            )
            rest = full.name[len(short.name) :] if full.name.startswith(short.name) else ""
            if same_entry or (
                rest and knowledge.org_suffixes.get(rest) == "company" and len(short.name) >= 2
            ):
                full.aliases.add(short.name)
                full.spans.extend(span for span in short.spans if span not in full.spans)
                findings.entities.pop((MentionType.ORG, short.name), None)
                break
