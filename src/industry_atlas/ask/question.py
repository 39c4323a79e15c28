"""Question understanding: a Chinese question -> parts, intents, anchors and content words.

Part of ask; imports core, normalize and the ask helpers beside it. A question such as
"北京人形机器人创新中心专委会何时成立？主任是谁？" has two parts; each part has intents
(when, who ...), the things it names (anchors: entities of the knowledge base, regions,
years, quoted terms, 《titles》, model codes) and content words that a passage stating the
answer should share.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from industry_atlas.ask.cues import cues, expand_abbreviations
from industry_atlas.ask.wording import CONJUNCTIONS, conjoined, content_words
from industry_atlas.core.models import PartialDate, Region
from industry_atlas.core.text import find_all, fold_width
from industry_atlas.normalize.dates import find_dates
from industry_atlas.normalize.numbers import UNITS, find_quantities
from industry_atlas.normalize.regions import (
    REGION_GROUP,
    region_group,
    region_group_forms,
    region_index,
)
from industry_atlas.normalize.words import jieba_tokenize


class Intent(StrEnum):
    """What a part of a question asks for."""

    WHEN = "when"
    FIRST = "first"
    LAST = "last"
    MOST = "most"
    COUNT = "count"
    VALUE = "value"
    LIST = "list"
    WHO = "who"
    QUOTE = "quote"
    POLICY = "policy"
    COMPARE = "compare"
    PLACE = "place"
    WHAT = "what"


class AnchorKind(StrEnum):
    """What sort of thing a question names."""

    ENTITY = "entity"
    REGION = "region"
    YEAR = "year"
    QUOTED = "quoted"
    TITLE = "title"
    CODE = "code"


# The kinds of anchor that name one thing (a region or a year names many).
SPECIFIC_KINDS = frozenset(
    {AnchorKind.ENTITY, AnchorKind.QUOTED, AnchorKind.TITLE, AnchorKind.CODE}
)
# "这轮融资金额多少": of several rounds, the latest
_LATEST = re.compile("这轮|本轮|这一轮|最新一轮|最近一轮")


@dataclass(frozen=True, slots=True)
class Anchor:
    """Something a question names; a passage answering it must name it too.

    `forms` are the strings that count as naming it (an entity's aliases, a region's full
    and short names); `start`/`end` locate it in the question. `mentions` are shorter
    strings a passage naming it may use after it (N2 for 松延动力N2): they show where the
    passage speaks of it, never that it names it. `local_forms` name it only in a
    document that names its `home` (a region or a year): 市科委 is 北京市科委 in a
    Beijing notice, 世界人工智能大会 the 2025世界人工智能大会 in a 2025 article. A year
    `dates_source` when it dates the source asked about ("招商证券2025年5月的…报告"), not
    what the source reports.
    """

    text: str
    kind: AnchorKind
    forms: tuple[str, ...]
    start: int
    end: int
    region: Region | None = None
    mentions: tuple[str, ...] = ()
    local_forms: tuple[str, ...] = ()
    home: str = ""
    dates_source: bool = False


@dataclass(frozen=True, slots=True)
class Part:
    """One sub-question: its intents, its own anchors and its content words.

    `premises` are the amounts the question itself states ("8家"): never an answer.
    `dates` are the calendar dates it names (2023年6月 -> 2023-06). `alternatives` are
    conjoined content words asked about one by one ("营业收入和归母净利润分别是多少" ->
    (营业, 收入), (归母, 净利润)). `context_words` are the content words of the other
    parts, for a part that names nothing itself ("身高多少？"). `unknown_words` are
    content words the word list does not know (达闼, 杨植麟): names, most likely. `start`
    is where the part begins in the question (anchor offsets are the question's).
    `asks_latest`: it or another part asks of the latest of several ("这轮融资").
    """

    text: str
    intents: frozenset[Intent]
    anchors: tuple[Anchor, ...]
    keywords: tuple[str, ...]
    premises: tuple[str, ...]
    dates: tuple[PartialDate, ...]
    alternatives: tuple[tuple[str, ...], ...] = ()
    context_words: tuple[str, ...] = ()
    unknown_words: tuple[str, ...] = ()
    start: int = 0
    asks_latest: bool = False

    def between(self, first: Anchor, second: Anchor) -> str | None:
        """Return the part's text between two of its own anchors (None for anchors taken
        from other parts)."""
        end = self.start + len(self.text)
        if not (self.start <= first.end <= second.start <= end):
            return None
        return self.text[first.end - self.start : second.start - self.start]

    def has(self, *intents: Intent) -> bool:
        """True when the part asks for any of `intents`."""
        return any(intent in self.intents for intent in intents)

    @property
    def asked_bound(self) -> tuple[str, ...]:
        """The words of the bound the part asks for ("奖励上限": 最高, 最多 …), else ()."""
        return next(
            (words for words in cues().bounds.values() if any(w in self.text for w in words)),
            (),
        )

    @property
    def counted_unit(self) -> str | None:
        """The measure word the count cue asks in ("几条" -> 条), unless it is the general
        个, which any measure word answers."""
        for unit in sorted(cues().count_units, key=len, reverse=True):
            if unit != "个" and any(f"{ask}{unit}" in self.text for ask in ("几", "多少")):
                return unit
        return None

    @property
    def counted_word(self) -> str | None:
        """The first content word after the count or list cue: what the part counts
        ("有多少个主动自由度" -> 主动; "有几款人形机器人" -> 人形), when it names it there."""
        ends = [
            self.text.find(cue) + len(cue)
            for intent in ("count", "list")
            for cue in cues().intents[intent]
            if cue in self.text
        ]
        if not ends:
            return None
        placed = [(self.text.find(word, min(ends)), word) for word in self.keywords]
        first = min(((at, word) for at, word in placed if at >= 0), default=(0, None))[1]
        # "多少名基于DeepSeek开发的…": a preposition opens a clause, not the noun counted
        return None if first in cues().clause_openers else first

    @property
    def comparative(self) -> str | None:
        """The comparative the part asks by ("谁的出货量更大" -> 更大), if it asks one."""
        return next((word for word in cues().comparatives if word in self.text), None)

    @property
    def superlative(self) -> str | None:
        """The superlative a which-question asks by ("哪款最便宜" -> 最便宜), if any."""
        if not _WHICH.search(self.text):
            return None
        return next((word for word in cues().superlatives if word in self.text), None)

    @property
    def names_its_own(self) -> bool:
        """True when the part names something of its own, not only a year ("2025年新增了
        几家" is still about what the part before named)."""
        return any(
            anchor.start >= self.start and anchor.kind is not AnchorKind.YEAR
            for anchor in self.anchors
        )

    @property
    def version(self) -> str | None:
        """The version of a product the part asks about ("星火X1初版" -> 初版), if any."""
        found = VERSIONS.search(self.text)
        return found.group() if found else None

    @property
    def asks_money(self) -> bool:
        """True for "多少钱": a sum of money answers, not a count or a share."""
        return any(word in self.text for word in cues().money_words)

    @property
    def asks_share(self) -> bool:
        """True for "占…的比例/占比" and "占员工总数多少": a percentage answers, not the
        counts it is made of (not 占地多少, an area)."""
        return any(word in self.text for word in cues().share_words) or bool(
            _SHARE_OF.search(self.text)
        )

    def admits_unit(self, unit: str) -> bool:
        """True when an amount in `unit` can answer the part: "多少钱" is not answered by
        "200个" (a price per tokens is money), "身高多少" not by "两项成果", "占雇员总数的
        比例" not by "雇员2,486名"; "年产能和总投资是多少" by an amount of either."""
        measured = self.measure_units
        fits = [
            *([unit.split("/")[0].endswith(_MONEY_UNITS)] if self.asks_money else []),
            *([unit in measured] if measured else []),
            *([unit == "%"] if self.asks_share else []),
        ]
        return not fits or any(fits)

    @property
    def measure_units(self) -> frozenset[str]:
        """The units that can answer the measures the part asks for ("身高多少": 厘米, 米 …;
        "年产能和总投资额": 台 … and 元 …); empty when any may, or when it asks for a share
        ("占员工总数的比例")."""
        if self.asks_share or _RATE.search(self.text):
            return frozenset()  # "产能利用率" is a rate of the 产能, in %
        table = cues().measure_units
        return frozenset().union(*(table[word] for word in table if word in self.text))

    @property
    def asks_organization(self) -> bool:
        """True for "哪家企业/哪个部门" questions: a person does not answer them."""
        return self.has(Intent.WHO) and any(w in self.text for w in cues().organization_words)


@dataclass(frozen=True, slots=True)
class Question:
    """A parsed question: the text as asked (width-folded) and its parts."""

    text: str
    parts: tuple[Part, ...]

    @property
    def anchors(self) -> tuple[Anchor, ...]:
        """Every anchor of every part, in question order."""
        return tuple(anchor for part in self.parts for anchor in part.anchors)


Linker = Callable[[str, Sequence[tuple[int, int]]], list[Anchor]]
"""Finds knowledge-base names in a text, avoiding the given (start, end) spans."""

_RATE = re.compile("率")
_MONEY_UNITS = ("元", "新台币")  # 元, 美元, 港元, 欧元 …; 新台币
_SHARE_OF = re.compile(r"占(?!地|用|据|领)[^，,。？?]{1,12}?(?:的)?多少")
_PART_END = re.compile(r"[？?；;！!]+")
# the versions a product is released in ("星火X1初版", "升级版")
VERSIONS = re.compile("初版|首版|第一版|升级版|新版|正式版|测试版|公测版|内测版")
_WHICH = re.compile("哪|谁")  # what a superlative asks for: which one
_POINTING = frozenset({"这", "那"})  # "这几款…" points at the ones named: no count asked
_TITLE = re.compile(r"《([^》]{2,80})》")
_QUOTED = re.compile(r"[“「『‘\"]([^”」』’\"]{1,30})[”」』’\"]")
_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9.\-]*(?: [A-Za-z0-9][A-Za-z0-9.\-]*)*")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# after a year: "年5月的深圳机器人产业报告" dates the report, not the figures it gives
_SOURCE_DATED = re.compile(
    r"年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:发布)?的[^，,。？?]{0,16}?"
    r"(?:报告|周报|月报|研报|年报|白皮书|专访|采访|报道|榜单|公报)"
)
_MODEL_CODE = re.compile(r"[A-Za-z]*\d[A-Za-z0-9.\-]*|[A-Z]{1,3}")
_MIN_CODE_CHARS = 4
_UNIT_WORDS = frozenset(unit.lower() for unit in UNITS if unit.isascii())
_LIST_SEPARATORS = frozenset("、和与及 ")
_RESPECTIVELY = ("分别", "各自", "各")
# a clause of its own before 的 ("两市发起的"), not a possessive ("A和B的产品")
_DESCRIBING = re.compile(r"[\u4e00-\u9fff]{2,}的")
_INDEFINITE = re.compile("[^第]一|^一")


def parse_question(text: str, link: Linker) -> Question:
    """Parse a question into parts with intents, anchors and content words.

    Args:
        text: the question as asked.
        link: finds the names the knowledge base knows (see `ask.linking`).

    Returns:
        The parsed question; its text is width-folded (offsets are unchanged).
    """
    folded = expand_abbreviations(fold_width(text.strip()))
    anchors = _anchors(folded, link)
    parts = []
    for start, end in _part_spans(folded):
        own = tuple(anchor for anchor in anchors if start <= anchor.start < end)
        parts.append(_part(folded, start, end, own))
    return Question(folded, _share_context(parts))


def _part_spans(text: str) -> list[tuple[int, int]]:
    """Cut a question at question marks, and at a 、 between two questions ("何时揭牌、由谁
    牵头组建")."""
    spans = []
    for start, end in _spans_between(text, _PART_END, 0, len(text)):
        spans.extend(_split_enumerated_questions(text, start, end))
    return spans or [(0, len(text))]


def _spans_between(
    text: str, pattern: re.Pattern[str], start: int, end: int
) -> list[tuple[int, int]]:
    spans, position = [], start
    for match in pattern.finditer(text, start, end):
        if text[position : match.start()].strip():
            spans.append((position, match.start()))
        position = match.end()
    if text[position:end].strip():
        spans.append((position, end))
    return spans


def _split_enumerated_questions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for index in range(start, end):
        if text[index] == "、" and _asks(text[start:index]) and _asks(text[index + 1 : end]):
            spans.append((start, index))
            start = index + 1
    return [*spans, (start, end)]


def _asks(text: str) -> bool:
    table = cues().intents
    return any(word in text for group in (*_QUESTION_WORD_GROUPS, "value") for word in table[group])


def _anchors(text: str, link: Linker) -> list[Anchor]:
    found: list[Anchor] = []
    for match in _TITLE.finditer(text):
        found.append(_anchor(match, AnchorKind.TITLE))
    taken = [(anchor.start, anchor.end) for anchor in found]
    found.extend(link(text, taken))
    taken = [(anchor.start, anchor.end) for anchor in found]
    for match in _QUOTED.finditer(text):
        if not _overlaps(match.start(1), match.end(1), taken):
            found.append(_anchor(match, AnchorKind.QUOTED))
    found.extend(_regions(text, [(anchor.start, anchor.end) for anchor in found]))
    taken = [(anchor.start, anchor.end) for anchor in found]
    for match in _CODE.finditer(text):
        code = match.group().strip()
        is_code = any(char.isdigit() for char in code) or len(code) >= _MIN_CODE_CHARS
        if code.lower() in _UNIT_WORDS:
            continue  # "每个token激活多少参数": a unit, not a model
        if is_code and not _overlaps(match.start(), match.end(), taken):
            found.append(Anchor(code, AnchorKind.CODE, (code,), match.start(), match.end()))
    for match in _YEAR.finditer(text):
        if not _overlaps(match.start(), match.end(), [(a.start, a.end) for a in found]):
            year = match.group(1)
            of_source = bool(_SOURCE_DATED.match(text, match.end()))
            found.append(
                Anchor(year, AnchorKind.YEAR, (year,), *match.span(), dates_source=of_source)
            )
    return _glue_model_codes(sorted(found, key=lambda anchor: anchor.start), text)


def _glue_model_codes(anchors: list[Anchor], text: str) -> list[Anchor]:
    """A name written together with a model code names another thing ("星火X1" is not
    讯飞星火, "灵犀X1" not 灵犀): one code anchor for both."""
    glued: list[Anchor] = []
    for anchor in anchors:
        previous = glued[-1] if glued else None
        if (
            previous is not None
            and previous.kind is AnchorKind.ENTITY
            and previous.end == anchor.start
            and anchor.kind in (AnchorKind.ENTITY, AnchorKind.CODE)
            and _MODEL_CODE.fullmatch(anchor.text)
        ):
            name = text[previous.start : anchor.end]
            # "宇树科技的H1以6分34秒夺冠" names 宇树H1 as its maker's H1
            forms = (name, *(f"{maker}的{anchor.text}" for maker in previous.forms))
            glued[-1] = Anchor(
                name, AnchorKind.CODE, forms, previous.start, anchor.end, mentions=(anchor.text,)
            )
        else:
            glued.append(anchor)
    return glued


def _anchor(match: re.Match[str], kind: AnchorKind) -> Anchor:
    inner = match.group(1).strip()
    return Anchor(inner, kind, (inner,), match.start(1), match.end(1))


def _regions(text: str, taken: list[tuple[int, int]]) -> list[Anchor]:
    index = region_index()
    found = []
    for match in index.find(text):
        if _overlaps(match.start, match.end, taken):
            continue
        surface = text[match.start : match.end]
        names = (
            surface,
            *index.other_names(surface),
            match.region.name,
            index.full_name(match.region),
            short_region_name(match.region),
        )
        forms = tuple(dict.fromkeys(name for name in names if len(name) >= 2))
        found.append(
            Anchor(surface, AnchorKind.REGION, forms, match.start, match.end, match.region)
        )
    for group in REGION_GROUP.finditer(text):  # 珠三角: no code, a passage names it
        name = region_group(group.group()) or group.group()
        if not _overlaps(group.start(), group.end(), taken):
            found.append(Anchor(name, AnchorKind.REGION, region_group_forms(name), *group.span()))
    return found


_ROUND = re.compile(r"(?:Pre-)?[A-G]\+{0,2}轮|天使\+?轮|种子轮|Pre-IPO轮", re.IGNORECASE)


def short_region_name(region: Region) -> str:
    """上海市 -> 上海, 浦东新区 -> 浦东, 广东省 -> 广东 (a two-character name stays)."""
    name = region.name
    for suffix in ("特别行政区", "自治区", "新区", "省", "市", "区", "县"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _part(text: str, start: int, end: int, anchors: tuple[Anchor, ...]) -> Part:
    part_text = text[start:end]
    intents, masked = _intents(part_text)
    for word in (word for words in cues().bounds.values() for word in words):
        # the bound asked for is matched as a bound ("最多能领到": 最高500万元), not as words
        masked = masked.replace(word, "|" * len(word))
    dates = find_dates(part_text, None)
    amounts = find_quantities(masked)
    hidden = [(anchor.start - start, anchor.end - start) for anchor in anchors]
    hidden += [(match.start, match.end) for match in dates]
    hidden += [(match.start, match.end) for match in amounts]
    # "B+轮融资金额是多少": the round picks the figure (B, + and 轮 alone would be lost)
    rounds = list(_ROUND.finditer(masked)) if intents & {Intent.VALUE, Intent.COUNT} else []
    hidden += [match.span() for match in rounds]
    words, unknown = content_words(masked, hidden)
    words = [match.group() for match in rounds] + words
    if Intent.WHO in intents:  # "是哪家机构领投的": 机构 says what is asked, not what is said
        words = [word for word in words if word not in cues().organization_kinds]
        # "领投方是谁" asks who did 领投: the passage says "X领投", not 领投方
        acted = cues().acted_verbs
        words = [w[:-1] if w.endswith("方") and w[:-1] in acted else w for w in words]
    return Part(
        text=part_text,
        intents=intents,
        anchors=anchors,
        keywords=tuple(dict.fromkeys(w for w in words if w and w not in CONJUNCTIONS)),
        premises=tuple(
            part_text[match.start : match.end]
            for match in amounts
            # 最新一轮 is "a round", no figure; 第一款 is one
            if not _INDEFINITE.match(part_text, max(0, match.start - 1))
        ),
        dates=tuple(match.date for match in dates),
        alternatives=conjoined(words, compare=Intent.COMPARE in intents)
        if {Intent.VALUE, Intent.COUNT} & intents
        else (),
        unknown_words=tuple(unknown),
        start=start,
        asks_latest=_LATEST.search(part_text) is not None,
    )


# Cue groups in the order they claim text: "哪几款" is a list cue before "几款" can make
# it a count, "多少家" a count before "多少" makes it a value, "什么水平" a value before
# "什么" makes it a what-question.
_CUE_ORDER = (
    "when",
    "list",
    "count",
    "who",
    "quote",
    "place",
    "value",
    "what",
    "first",
    "last",
    "most",
    "policy",
    "compare",
)
# Cue groups that are question words, not content: cut from the content words.
_QUESTION_WORD_GROUPS = frozenset(
    {"when", "list", "count", "who", "quote", "place", "what", "compare"}
)


def _intents(text: str) -> tuple[frozenset[Intent], str]:
    """Return the intents of a part and its text with question words masked."""
    table = cues().intents
    found, claimed, masked = set(), text, text
    word_ends = {end for _, _, end in jieba_tokenize(text, guess_unknown=False)}
    priced = any(word in text for word in cues().money_words)  # "售价多少起" counts nothing
    for name in _CUE_ORDER:
        if name == "count" and priced:
            continue
        for word in table[name]:
            if word in claimed and (name != "count" or _asks_a_count(text, word, word_ends)):
                found.add(Intent(name))
                claimed = claimed.replace(word, "|" * len(word))
                if name in _QUESTION_WORD_GROUPS:
                    masked = masked.replace(word, "|" * len(word))
    if not ({Intent.WHAT, Intent.LIST, Intent.WHO, Intent.PLACE} & found):
        # a policy noun alone is no policy lookup, nor 最高 in 最高给予 a superlative
        found -= {Intent.FIRST, Intent.LAST, Intent.MOST}
        if Intent.WHEN not in found:
            found.discard(Intent.POLICY)
    return frozenset(found), masked


def _asks_a_count(text: str, cue: str, word_ends: set[int]) -> bool:
    """True when the count cue ends where a word ends and points at nothing before it:
    多少项 counts in "多少项措施", not in "多少项目", which asks 多少 of 项目; "这几款机器人
    里哪款最轻" asks no count."""
    return any(
        end in word_ends and text[start - 1 : start] not in _POINTING
        for start, end in find_all(text, cue)
    )


def _share_context(parts: list[Part]) -> tuple[Part, ...]:
    """A part naming nothing specific ("主任是谁？") asks about what the other parts name:
    it takes their anchors, and their content words as context."""
    result = []
    for part in parts:
        if any(anchor.kind in SPECIFIC_KINDS for anchor in part.anchors):
            result.append(part)
            continue
        others = [other for other in parts if other is not part]
        has_year = any(anchor.kind is AnchorKind.YEAR for anchor in part.anchors)
        # "2025年的目标是多少" keeps its own year; "A+轮由哪家机构领投" names a deal, dated
        # by itself, not by the year the other part asks about
        dated = has_year or _ROUND.search(part.text) is not None
        anchors = [
            a
            for other in others
            for a in other.anchors
            if a not in part.anchors and not (dated and a.kind is AnchorKind.YEAR)
        ]
        context = [w for other in others for w in other.keywords if w not in part.keywords]
        # "2025年9月这次配售每股多少钱？集资净额多少？": the second part asks of that month too
        dates = part.dates or (() if has_year else tuple(d for o in others for d in o.dates))
        result.append(
            replace(
                part,
                anchors=part.anchors + tuple(anchors),
                context_words=tuple(dict.fromkeys(context)),
                dates=tuple(dict.fromkeys(dates)),
                asks_latest=any(p.asks_latest for p in parts),
            )
        )
    return tuple(result)


def split_alternatives(part: Part) -> list[Part]:
    """Return one part per conjoined alternative, each with the shared content words and
    its own ("营业收入和归母净利润" -> one part about 营业收入, one about 归母净利润)."""
    joined = {word for group in part.alternatives for word in group}
    shared = tuple(word for word in part.keywords if word not in joined)
    return [replace(part, keywords=shared + group, alternatives=()) for group in part.alternatives]


def listed_names(part: Part) -> list[Anchor]:
    """Return the names the question lists ("宇树科技、智元机器人、优必选", "深圳和广州"):
    specific or region anchors one after another with only a 、 or 和 between them
    ("松延动力N2" is no list)."""
    listable = SPECIFIC_KINDS | {AnchorKind.REGION}
    names = sorted(
        (anchor for anchor in part.anchors if anchor.kind in listable), key=lambda a: a.start
    )
    listed: list[Anchor] = []
    for first, second in itertools.pairwise(names):
        between = part.between(first, second)
        if between and set(between) <= _LIST_SEPARATORS:
            listed.extend(anchor for anchor in (first, second) if anchor not in listed)
    later = [
        anchor
        for anchor in part.anchors
        if anchor.kind in SPECIFIC_KINDS and listed and anchor.start >= listed[-1].end
    ]
    if later and _DESCRIBING.search(part.between(listed[-1], later[0]) or ""):
        return []  # "合肥、芜湖两市发起的…母基金": the names describe what is asked about
    return listed


def split_names(part: Part) -> list[Part]:
    """Return one part per name a question lists and asks the same thing of ("A与B的价格分别
    是多少" -> one part about A, one about B), each without the other names; [] when the
    part lists fewer than two or does not ask of each ("A与B联合发布了什么")."""
    names = listed_names(part)
    asks_each = any(word in part.text for word in _RESPECTIVELY) or part.comparative
    if len(names) < 2 or not asks_each:
        return []
    return [
        replace(part, anchors=tuple(a for a in part.anchors if a is name or a not in names))
        for name in names
    ]


def amount_asked(part: Part) -> Part:
    """What a comparison asks of each name: its amount ("坤维科技和宇立仪器谁的出货量更大"
    asks each one's 出货量), without the comparative's words (更大, 便宜)."""
    comparative = part.comparative
    if comparative is None:
        return part
    keywords = tuple(word for word in part.keywords if word not in comparative)
    return replace(part, intents=frozenset({Intent.VALUE}), keywords=keywords)
