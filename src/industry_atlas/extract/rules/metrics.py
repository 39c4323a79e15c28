"""Metrics: every amount the text states about a region, organization, product or event.

Part of the rules extractor; imports core and normalize. `subjects` decides what each
amount is about; here are the amount's time (a date in its sentence that is not an event
date, "近三年", or the period a "报告期内" refers back to), its indicator (the words
between subject and amount, or the noun after a count), and ranges ("500至1000台" is at
least 500 and at most 1000). "两城市…均突破100亿元" gives one metric per city listed.
Amounts that are not measurements are skipped: an ordinal (第三), a restated list count
(北京和上海两个城市), a condition (超过100台的企业), a time of day (2小时40分).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from industry_atlas.core.models import (
    Fact,
    FactKind,
    MentionType,
    Qualifier,
    Quantity,
    Span,
)
from industry_atlas.extract.rules.findings import FactDetails, Findings
from industry_atlas.extract.rules.periods import FigureTime, bare_part, carried_time, time_of_date
from industry_atlas.extract.rules.reading import Reading
from industry_atlas.extract.rules.subjects import (
    FIELD_LINE,
    Subject,
    Subjects,
    clause_start_of,
    collect_subjects,
    subject_for,
)
from industry_atlas.normalize.numbers import (
    MULTIPLIERS,
    PER_MILLION_TOKENS,
    QuantityMatch,
    multiplier_value,
    normalize_value,
)
from industry_atlas.normalize.regions import NATIONAL

_DISTRIBUTIVE = re.compile(r"均|都|各")
_RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达|增长|下降|约为|占|有|实现|突破)?")
_FILLER = re.compile(
    r"^(?:的|在|于|已经|已|目前|今年以来|以来|全年|全部|均|都|也|还|将|可|共|共计|累计|合计|总计|截至|截止|提出到|提出|到|届时|其中|设立)+|"
    r"(?:已经|已|达到|达|为|是|约|超过|突破了|突破|超|逾|实现|可达到|可达|将|(?<!平)均|仅|就|有|共有|共|至|近|高达|预计|"
    r"同比|分别|预计将|力争|达到了|约为|则|了|的|占|有望|每小时|每秒)+$"
)
_ASIDE_LEAD = 2  # characters between an opening bracket and the date it holds
_PLAN_AFTER = re.compile("(?:行动)?(?:计划|规划|方案)")
_EACH_SEPARATOR = re.compile("和|、|及|与")
_EACH_LEAD = re.compile("^(?:建成|建设|新建|打造|培育|布局|设立|组建|建)")
_PRICE_OF = re.compile(r"价格?(?:为|是)(?=输入|输出)")
_PER_TOKENS = re.compile(r"(?:低至|仅为?)?每\s*[^\s，。；]{0,4}\s*[Tt]okens?.*$")
# the low end of a range before an amount: "40至50%", "40%-50%", "1500亿至2000亿元"
_RANGE = re.compile(
    rf"(?<![\d.])(?P<low>\d+(?:\.\d+)?)(?P<multiplier>{MULTIPLIERS})?%?\s*(?:至|到|-|—|~|～)\s*$"
)
_RANGE_HIGH_AFTER = re.compile(r"\s*(?:至|到|-|—|~|～)\s*\d")
_SKIP_BEFORE = re.compile(r"[×x*第这那该]$")
# "培育营业收入超过50亿元的整机龙头企业": a threshold that qualifies, not an amount of anyone
_CONDITION_AFTER = re.compile(
    # "首次突破1亿元、5亿元的…企业": each threshold of a list, not only the last (a list of
    # at most 12: unbounded, every amount of a long list would scan the rest of it)
    r"(?:、[^，。；、]{1,8}){0,12}(?:以上|以下)?的[\u4e00-\u9fff“”]{0,8}?"
    r"(?:企业|项目|单位|机构|园区|公司|团队|人才)(?![A-Za-z])"
)
# "单笔5亿元以上的大额融资4起": a threshold of the deals counted, not a deal
_THRESHOLD_AFTER = re.compile("(?:以上|以下)?的[\u4e00-\u9fff]{0,4}?(?:融资|交易|订单|合同)")
_BOUNDS = ("以上", "以下")
_DURATION_CHAIN = re.compile(r"\d+分")
# a change from one amount to another: "由目前的15万套提升至40万套", "由上年的5.6%升至14.4%"
_CHANGE_VERB = "(?:提升|提高|增加|增长|扩大|下降|降低|减少|缩小|降|增|升|扩)(?:至|到)"
_CHANGE_TO = re.compile(_CHANGE_VERB)
_CHANGED_TO = re.compile(rf"由[^，。；由]{{0,8}}?[\d.]+[^，。；\d]{{0,4}}?{_CHANGE_VERB}的?$")
_WHEN_FROM = re.compile("(?P<when>[^，。；\\d的]{0,6})的?")
# what one unit costs or holds: "单台用量", "整机BOM成本", "单机成本中…占比"
_UNIT_ECONOMICS = re.compile("BOM|单台|单机|每台|整机成本")
_CATEGORY = re.compile("人形机器人")
_HEADING_LENGTH = 40
_SENTENCE_MARKS = ("。", "！", "？", "”", "；", "…", ".", "!", "?", "|", "｜")
_MULTIPLE = "倍数"
_MULTIPLE_OF = re.compile("(?:是|为|相当于)(?P<base>[^，。；]{1,12}?)的?")
# the amount a multiple is of: "是2023年约0.76万只的2.4倍"
_BASE_BEFORE = re.compile(r"(?:是|为|相当于)(?:\d{4}年|上年|去年|同期|上年同期)?(?:的)?(?:约|近)?$")
_MULTIPLE_AFTER = re.compile(r"的[\d.]+倍")
_BOUND_REACH = Decimal("1.5")  # a headline's "超千亿" bounds amounts below 1500亿
_DEAL_COUNTS = frozenset({"起", "笔"})
_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_LONGEST_CONTEXT = 100_000_000  # tokens; more is the size of a training corpus
_VAGUE = re.compile("数[十百千万亿]")
_APPOSITION = re.compile(r"(?:城市|地|座城市|省|省市|区)")
_EVENT_AFTER_DATE = re.compile(
    r"(?:的)?(?:成立|发布|举行|印发|召开|推出|开园|揭牌|签约|上线|开幕|出台)"
)
_EVENT_BEFORE_DATE = re.compile(r"(?:成立于|创立于|始于|成立|创立|自)$")
_RELATIVE_PERIOD = re.compile(r"近[一二三四五六七八九十两\d]+年")
_REFERS_BACK = re.compile("报告期|全年|当年|同期|期内")
_SUPPORT = re.compile(r"给予|资助|奖励|补助|补贴|贴息")
_PER_SHARE = re.compile(r"每股[^，。；\d]{0,6}$")
_DURATIONS = frozenset({"年", "个月", "月", "周", "天", "日", "小时", "分钟", "秒"})
_GOVERNMENT_DOCUMENT = re.compile(
    r"政府工作报告|统计公报|经济运行情况|人民政府|办公厅|[局委]关于|印发|通知|实施方案|行动方案|行动计划|若干措施|实施意见|政策解读"
)
_BENEFICIARY = re.compile(
    r"对(?:于)?(?P<target>[^，。；,;]{2,30}?)(?:的企业|的)?(?:[，,]|(?=给予|分别给予|按))"
)
_GRANT = re.compile(r"[^，。；]*?(?P<grant>资助|奖励|补助|补贴|贴息)")
_ENDS_WITH_VERB = re.compile(
    r"(?:完成|获得|拥有|拥|具有|具备|进入|设立|建设|布局|推出|达成|吸引|聚集|集聚|培育|引进|新增|"
    r"开展|打造|覆盖|服务|给予|配备|搭载|揭幕|发布|落地|签约|招引|引育)$"
)
_NOUN_AFTER = re.compile(
    r"(?:的)?(?P<noun>[^，。；、,;（）()“”\d][^，。；、,;（）()“”]{0,9}?)(?=[，。；、,;（）()“”]|并|将|用于|$)"
)
_MEASURES = ("自由度", "度", "倍", "次")
_SINGLE_COUNT_UNITS = frozenset({"个", "家", "款", "位", "名", "项"})
_COUNT_UNITS = frozenset({"家", "个", "款", "项", "台", "人", "名"})
_MAX_INDICATOR = 24
_COUNTED_NOUN = re.compile(r"[\u4e00-\u9fff“]{2}")
# "完成新台币25亿元B轮募资": the currency written before an amount says nothing it measures
_CURRENCY_BEFORE = re.compile("(?:新台币|人民币|美元|港币|港元|欧元|日元)$")


def find_metrics(reading: Reading, findings: Findings, titles: tuple[str, ...]) -> None:
    """Add a `metric` fact per amount with a subject."""
    subjects = collect_subjects(reading, findings, titles)
    previous: dict[int, Subject] = {}  # paragraph start -> subject of its last amount
    seen: set[tuple[object, ...]] = set()
    respective = _respectively(reading, subjects)
    # (sentence start, unit) -> indicator of its last amount: "北京累计备案94款，上海为62款"
    said: dict[tuple[int, str], str] = {}
    last_said: dict[int, str] = {}  # sentence start -> indicator of its last amount, any unit
    by_government = bool(_GOVERNMENT_DOCUMENT.search(reading.text, 0, reading.headline_end))
    headings = {m.start for m in reading.quantities if _in_heading(reading, m.start)}
    in_body = {
        (m.quantity.value, m.quantity.unit)
        for m in reading.quantities
        if m.start > reading.headline_end and m.start not in headings
    }
    for match in reading.quantities:
        if _skipped(reading, match):
            continue
        if (match.start < reading.headline_end or match.start in headings) and _restated(
            reading, match, in_body
        ):
            continue  # a headline or heading restates a figure the body states in context
        paragraph = reading.text.rfind("\n", 0, match.start) + 1
        paired = respective.get(match.start)
        subject = (
            paired.subject
            if paired
            else subject_for(reading, subjects, match, previous.get(paragraph))
        )
        subject = _tally_of_deals(reading, match, subject)
        subject = _per_unit(reading, match, subject) or (
            subject
            or _policy_measure_subject(reading, match, by_government)
            or _event_of_paragraph(reading, subjects, paragraph, match)
            or _headline_company(reading, subjects, match)
        )
        if subject is None:
            continue
        previous[paragraph] = subject
        for target in _distributed(reading, subjects, subject, match):
            measure = _measure_indicator(reading, match)
            # one figure restated is one fact; two measures of one rate are two, and so are
            # an amount and a cap of the same size ("奖励1000万元…单个项目最高1000万元")
            key = (
                target.name,
                match.quantity.value,
                match.quantity.unit,
                measure,
                match.quantity.qualifier,
            )
            if key not in seen:  # a headline restates a figure of the body
                seen.add(key)
                sentence = reading.sentence_at(match.start).start
                echo = (sentence, match.quantity.unit)
                earlier = paired.indicator if paired else said.get(echo)
                said[echo] = last_said[sentence] = _record(
                    reading, findings, target, match, measure, earlier, last_said.get(sentence)
                )
    _merge_restated_cells(findings)


def _merge_restated_cells(findings: Findings) -> None:
    """A table cell the prose restates (a funding table's "8亿元" and "曜衡机器人宣布完成8亿元
    B轮融资") is one fact: the sentence's, which says what and when, grounded in both."""
    metrics = [fact for fact in findings.facts if fact.kind == FactKind.METRIC]
    prose = {_figure(fact): id(fact) for fact in metrics if not _from_table(fact)}
    cells: dict[int, list[Span]] = {}  # id of a prose fact -> the cells restating it
    dropped = set()
    for fact in metrics:
        restating = prose.get(_figure(fact)) if _from_table(fact) else None
        if restating is not None:
            cells.setdefault(restating, []).extend(fact.evidence)
            dropped.add(id(fact))
    findings.facts[:] = [
        replace(fact, evidence=tuple(sorted({*fact.evidence, *cells[id(fact)]}, key=_offsets)))
        if id(fact) in cells
        else fact
        for fact in findings.facts
        if id(fact) not in dropped
    ]


def _from_table(fact: Fact) -> bool:
    return fact.qualifiers.get("subject_kind") == "table"


def _figure(fact: Fact) -> tuple[str, Quantity | None]:
    return fact.subject, fact.quantity


def _offsets(span: Span) -> tuple[int, int]:
    return span.start, span.end


@dataclass(frozen=True)
class _Paired:
    subject: Subject
    indicator: str


def _policy_measure_subject(
    reading: Reading, match: QuantityMatch, by_government: bool
) -> Subject | None:
    """ "对首次量产的整机产品，给予最高500万元奖励": a subsidy with no subject in its
    sentence is granted by the city the document is about; in a government's own document
    (`by_government`: a work report, a policy) every amount without a subject is that
    city's."""
    sentence = reading.sentence_at(match.start)
    if not (by_government or reading.sentence_has(_SUPPORT, match.start)):
        return None
    # a government's own document is about the place of the government its headline names
    # (湖北省人民政府办公厅…: the province, however often 武汉 is named in it), and so is an
    # article whose headline names one place only (四川具身智能产业“半年报”出炉)
    # (a policy that calls its district 本区 is about the district it so declares)
    named = reading.places_between(0, reading.headline_end)
    one_place = len({place.region for place in named}) == 1
    home = reading.section_place(match.start) or (
        named[0].region if named and (by_government or one_place) else reading.home_region
    )  # in a digest, the place the item's 【】 heading tags
    defined = reading.defined_home
    if home is None and defined is None:
        return None
    name = defined.name if defined is not None else reading.regions.full_name(home)
    # unnamed, the subject stands where the amount's clause starts: its words are the indicator
    clause = clause_start_of(reading, sentence.start, match.start)
    return Subject(clause, clause, name, "region")


def _in_heading(reading: Reading, position: int) -> bool:
    """A section heading: a short line of its own that ends in no sentence mark
    ("具身智能业务收入增至上年的3.4倍" above the paragraph that states it)."""
    start = reading.text.rfind("\n", 0, position) + 1
    end = reading.text.find("\n", position)
    line = reading.text[start : end if end != -1 else len(reading.text)].strip()
    return 0 < len(line) <= _HEADING_LENGTH and not line.endswith(_SENTENCE_MARKS)


def _per_unit(reading: Reading, match: QuantityMatch, subject: Subject | None) -> Subject | None:
    """ "单台人形机器人用量约14台", "关节执行器约占整机BOM成本的55%": what one robot costs and
    holds is the robot's, the product category, whoever the sentence quotes (a broker, a
    maker of parts) — unless it names the model it is about."""
    if subject is not None and subject.kind not in {"org", "national", "global"}:
        return None  # a model's own price, a city's subsidy per robot
    sentence = reading.sentence_at(match.start)
    clause = clause_start_of(reading, sentence.start, match.start)
    if not _UNIT_ECONOMICS.search(reading.text, clause, match.start) or reading.sentence_has(
        _SUPPORT, match.start
    ):
        return None
    category = _CATEGORY.search(reading.text, sentence.start, sentence.end)
    return Subject(clause, clause, category.group(), "category") if category else None


def _event_of_paragraph(
    reading: Reading, subjects: Subjects, paragraph: int, match: QuantityMatch
) -> Subject | None:
    """ "…人形机器人半程马拉松在南海子公园鸣枪起跑。42支赛队的人形机器人与约1.2万名人类跑者
    在同一条21.0975公里的赛道上…": a figure with no subject of its own, in a paragraph
    that opened on an event, is the event's."""
    event = subjects.last_before(match.start, lambda s: s.kind == "event")
    if event is None or event.start < paragraph:
        return None
    clause = clause_start_of(reading, reading.sentence_at(match.start).start, match.start)
    return replace(event, start=clause, end=clause)


def _tally_of_deals(
    reading: Reading, match: QuantityMatch, subject: Subject | None
) -> Subject | None:
    """ "本周共6起融资", "国资背景机构领投的有4起": a tally of deals is the market's unless
    its own clause names whose deals they are, not a company named before."""
    if match.quantity.unit not in _DEAL_COUNTS:
        return subject
    clause = clause_start_of(reading, reading.sentence_at(match.start).start, match.start)
    if subject is not None and clause <= subject.start < match.start:
        return subject
    return Subject(match.start, match.start, NATIONAL.name, "national")


def _headline_company(reading: Reading, subjects: Subjects, match: QuantityMatch) -> Subject | None:
    """ "汇川技术中报点评" … "分业务看，通用自动化业务收入约86.5亿元": in an article whose
    headline names one company and nothing else that figures could be about, a figure
    with no subject of its own is that company's."""
    if match.quantity.unit in _DURATIONS:
        return None  # "成立不到两个月", "未来3年": spans of time said in passing
    named = [s for s in subjects.starting_in(0, reading.headline_end) if s.kind != "person"]
    if len(named) != 1 or named[0].kind != "org" or named[0].entity_kind != "company":
        return None
    clause = clause_start_of(reading, reading.sentence_at(match.start).start, match.start)
    return replace(named[0], start=clause, end=clause)


def _respectively(reading: Reading, subjects: Subjects) -> dict[int, _Paired]:
    """ "北京、上海的产值分别为100亿元和80亿元": the n-th amount after 分别 belongs to the
    n-th subject listed before it, and all share the words between list and 分别."""
    paired: dict[int, _Paired] = {}
    for match in _RESPECTIVELY.finditer(reading.text):
        sentence = reading.sentence_at(match.start())
        end = reading.text.find("。", match.end(), sentence.end + 1)
        amounts = [
            q
            for q in reading.quantities
            if match.end() <= q.start < (end if end != -1 else sentence.end)
        ]
        listed = [
            s
            for s in subjects.starting_in(sentence.start, match.start())
            if not s.role and s.kind != "person"
        ]
        listed = _trailing_list(reading, listed)
        if len(listed) >= 2 and len(amounts) >= len(listed):
            indicator = _clean(reading.text[listed[-1].end : match.start()])
            paired.update(
                {
                    amount.start: _Paired(subject, indicator)
                    for amount, subject in zip(amounts, listed, strict=False)
                }
            )
    return paired


def _trailing_list(reading: Reading, subjects: list[Subject]) -> list[Subject]:
    """The last run of subjects joined by 、/和/与/及 (the list 分别 refers back to)."""
    run: list[Subject] = []
    for subject in reversed(subjects):
        if run and reading.text[subject.end : run[0].start].strip() not in {
            "、",
            "和",
            "与",
            "及",
            "以及",
            "，",
        }:
            break
        run.insert(0, subject)
    return run


_EXCHANGE_RATE = re.compile(r"按?1(?:美元|欧元|港元|港币|日元)(?:兑|兑换|折合)[\d.]+(?:元|人民币)")


def _skipped(reading: Reading, match: QuantityMatch) -> bool:
    text, quantity = reading.text, match.quantity
    if (
        _SKIP_BEFORE.search(text, max(0, match.start - 1), match.start)
        or reading.in_org(match.start)
        or reading.in_table(match.start)  # the table rules read those
    ):
        return True
    if _APPOSITION.match(text, match.end) and reading.places_between(
        max(0, match.start - 4), match.start
    ):
        return True
    if _VAGUE.match(text, max(0, match.start - 1)):
        return True  # 数千万元, 数亿元: "several", no figure
    if _EXCHANGE_RATE.search(text, max(0, match.start - 8), min(len(text), match.end + 12)):
        return True  # "（美元金额按1美元兑7.1元人民币折算）": how sums were converted
    if (
        _CONDITION_AFTER.match(text, match.end)
        or _is_threshold(text, match)
        or _DURATION_CHAIN.match(text, match.end)
    ):
        return True
    if quantity.unit == "%" and _RANGE_HIGH_AFTER.match(text, match.end):
        return True  # "40%-50%": the amount after it states both ends (see `_range`)
    if quantity.unit == "年" and (
        "近" in text[max(0, match.start - 1) : match.start + 1]
        or _PLAN_AFTER.match(text, match.end)
    ):
        return True  # 近三年 is a period, 三年行动计划 a plan's name, not an amount
    if quantity.value == 1 and (
        quantity.unit in _SINGLE_COUNT_UNITS or "一" in text[match.start : match.end]
    ):
        # 一个/一轮/一度 are articles ("下一轮", "一度上涨"), unless counted: "各有一个"
        return not text[max(0, match.start - 2) : match.start].endswith(
            ("各", "各有", "只有", "仅有")
        )
    return False


def _is_threshold(text: str, match: QuantityMatch) -> bool:
    """ "单笔5亿元以上的大额融资4起": a bound on the deals counted, not a deal."""
    bounded = text.endswith(_BOUNDS, 0, match.end) or text.startswith(_BOUNDS, match.end)
    return bounded and bool(_THRESHOLD_AFTER.match(text, match.end))


def _distributed(
    reading: Reading, subjects: Subjects, subject: Subject, match: QuantityMatch
) -> list[Subject]:
    """ "北京和上海两个城市…两城市…均已突破100亿元": one subject per listed place."""
    sentence = reading.sentence_at(match.start)
    if subject.kind != "region" or not _DISTRIBUTIVE.search(reading.text, subject.end, match.start):
        return [subject]
    names = list(
        dict.fromkeys(
            s.name for s in subjects.starting_in(sentence.start, match.start) if s.kind == "region"
        )
    )
    return (
        [Subject(subject.start, subject.end, name, "region") for name in names]
        if len(names) > 1
        else [subject]
    )


def _record(
    reading: Reading,
    findings: Findings,
    subject: Subject,
    match: QuantityMatch,
    measure: str | None,
    earlier: str | None,
    last: str | None,
) -> str:
    """Add the fact; return its indicator. `measure` is what a policy measure grants
    (see `_measure_indicator`); `earlier` is the indicator of a list the amount
    belongs to, or of the previous amount of the sentence in its unit, for when its own
    words are none; `last` that of the sentence's previous amount in any unit, which a
    share names the part of ("研发投入5230万元，占营业收入的4.9%")."""
    start, quantities = _range(reading, match)
    match = replace(match, start=start)  # a range's words come before its low end
    time = _time_for(reading, subject, match)
    indicator = (
        _model_indicator(reading, match)
        or measure
        or _indicator(reading, subject, match, time.span)
        or earlier
        or match.quantity.unit
    )
    if last and indicator.startswith("占") and not last.startswith("占"):
        # "…收入4.12亿元，是上年的3.4倍，占营业收入的比重由上年的5.6%升至14.4%": both
        # shares are of the revenue, not of its multiple
        whole = last[: last.rfind("为")] if last.endswith(_MULTIPLE) else last
        at = whole.find(indicator)
        indicator = whole[: at + len(indicator)] if at > 0 else whole + indicator
    if (
        last
        and _BASE_BEFORE.search(reading.text, max(0, match.start - 12), match.start)
        and _MULTIPLE_AFTER.match(reading.text, match.end)
    ):
        indicator = last  # "出货量约1.82万只，是2023年约0.76万只的2.4倍": 出货量 of 2023
    multiple = _MULTIPLE_OF.fullmatch(indicator) if match.quantity.unit == "倍" else None
    if last and multiple:  # "收入4.12亿元，是上年的3.4倍": the revenue, as a multiple
        indicator = f"{last}为{multiple['base']}{_MULTIPLE}"
    if (
        last
        and last.endswith("比例")
        and indicator == match.quantity.unit
        and match.quantity.qualifier is Qualifier.LE
    ):
        indicator = last.removesuffix("比例") + "上限"  # "按…的20%给予补助，最高1000万元"
    qualifiers = {"subject_kind": subject.kind}
    if time.label:
        qualifiers["time_text"] = time.label
    indicators = _each_of(reading, match, indicator) or [indicator]
    if _PER_SHARE.search(reading.text, max(0, match.start - 8), match.start):
        # "以每股91.4港元配售", "基本每股收益0.54元": a price per share
        quantities = [
            replace(q, unit=f"{q.unit}/股") if q.unit.endswith("元") else q for q in quantities
        ]
    for quantity in quantities:
        for each in indicators:
            findings.fact(
                FactKind.METRIC,
                subject.name,
                each,
                [(min(subject.start, match.start), max(subject.end, match.end))],
                details=FactDetails(quantity=quantity, time=time.date, qualifiers=dict(qualifiers)),
            )
        findings.mention(
            MentionType.QUANTITY, match.start, match.end, f"{quantity.value} {quantity.unit}"
        )
    return indicator


def _each_of(reading: Reading, match: QuantityMatch, indicator: str) -> list[str]:
    """ "建成人形机器人训练场和中试验证平台各1个": one figure per thing listed before 各
    (人形机器人训练场数量, 中试验证平台数量); none when 各 does not stand before the amount."""
    if reading.text[match.start - 1 : match.start] != "各":
        return []
    items = _EACH_SEPARATOR.split(_EACH_LEAD.sub("", indicator.removesuffix("各")))
    if len(items) < 2 or not all(2 <= len(item) <= 16 for item in items):
        return []
    counted = match.quantity.unit in _COUNT_UNITS
    return [f"{item}数量" if counted else item for item in items]


def _range(reading: Reading, match: QuantityMatch) -> tuple[int, list[Quantity]]:
    """Where the amount starts and what it states: for a range ("40%-50%", "40至50%",
    "1500亿至2000亿元") its low end, and both bounds; else the amount itself."""
    quantity = match.quantity
    window_start = max(0, match.start - 16)
    low = _RANGE.search(reading.text, window_start, match.start)
    high = re.match(
        rf"\D*(?P<number>\d+(?:\.\d+)?)(?P<multiplier>{MULTIPLIERS})?",
        reading.text[match.start : match.end],
    )
    if low is None or high is None or not Decimal(high["number"]):
        return match.start, [quantity]
    # the high end's multiplier and unit apply to a low end that states none ("40至50%")
    factor = quantity.value / Decimal(high["number"])
    if low["multiplier"]:
        factor = factor / multiplier_value(high["multiplier"]) * multiplier_value(low["multiplier"])
    return low.start(), [
        Quantity(normalize_value(Decimal(low["low"]) * factor), quantity.unit, Qualifier.GE),
        Quantity(quantity.value, quantity.unit, Qualifier.LE),
    ]


def _restated(reading: Reading, match: QuantityMatch, in_body: set[tuple[Decimal, str]]) -> bool:
    """True when the body states the amount, exactly or more precisely: a headline's
    "营收58亿元" is the body's "营业收入58.36亿元" (within half its last written digit),
    its "超千亿元" the body's 1139亿元."""
    quantity = match.quantity
    if (quantity.value, quantity.unit) in in_body:
        return True
    if quantity.qualifier in (Qualifier.GT, Qualifier.GE) and quantity.value > 0:
        # "总投资超千亿元" over "总投资1139亿元": a bound the body's exact amount meets
        return any(
            unit == quantity.unit and quantity.value <= value < quantity.value * _BOUND_REACH
            for value, unit in in_body
        )
    written = _WRITTEN_NUMBER.search(reading.text, match.start, match.end)
    if written is None or not quantity.value:
        return False
    number = Decimal(written.group().replace(",", ""))
    if not number:
        return False
    decimals = len(written.group().partition(".")[2])
    margin = quantity.value / number * Decimal(5) / Decimal(10) ** (decimals + 1)
    return any(
        unit == quantity.unit and abs(value - quantity.value) < abs(margin)
        for value, unit in in_body
    )


def _time_for(reading: Reading, subject: Subject, match: QuantityMatch) -> FigureTime:
    """A date of the sentence (not an event's date), a part of a year, "近三年", a
    report's period, or the period the paragraph, section or headline is about — but a
    product's specification and a policy's grant are of no period."""
    sentence = reading.sentence_at(match.start)
    text = reading.text
    segment = reading.segment_start(match.start)
    dates = [
        date
        for date in reading.dates_between(segment, match.start)
        if not _EVENT_AFTER_DATE.match(text, date.end)
        and not _EVENT_BEFORE_DATE.search(text, max(0, date.start - 3), date.start)
        and not _in_closed_aside(text, date.start, date.end, match.start)
    ]
    if dates:
        return time_of_date(reading, dates[-1])
    part = bare_part(reading, segment, match.start)
    if part is not None:
        return part
    relative = _RELATIVE_PERIOD.search(text, sentence.start, match.start)
    if relative:
        return FigureTime(None, relative.group(), relative.span())
    if sentence.start and _REFERS_BACK.search(text, sentence.start, match.start):
        previous = reading.sentence_at(sentence.start - 1)
        earlier = reading.dates_between(previous.start, previous.end)
        if earlier:  # "发布2024年年度报告。报告期内，公司实现营业收入…"
            return FigureTime(earlier[-1].period)
    if subject.kind == "product" or reading.sentence_has(_SUPPORT, match.start):
        return FigureTime()
    places = reading.places_between(subject.start, subject.end)
    place = places[0].region if subject.kind == "region" and places else None
    return carried_time(reading, segment, place) or FigureTime()


def _in_closed_aside(text: str, start: int, end: int, amount: int) -> bool:
    """ "共有雇员2,486名（2024年12月31日：1,903名），其中研发人员1,137名": a date in brackets
    closed before the amount dates the bracket's own figure."""
    opened = max(text.rfind("（", 0, start), text.rfind("(", 0, start))
    if opened < 0 or start - opened > _ASIDE_LEAD or re.search("[）)]", text[opened:start]):
        return False
    return re.search("[）)]", text[end:amount]) is not None


def _model_indicator(reading: Reading, match: QuantityMatch) -> str | None:
    """8B, 700亿参数 and 128K say what they measure themselves."""
    written = reading.text[match.start : match.end]
    if match.quantity.unit == "tokens" and match.quantity.value <= _LONGEST_CONTEXT:
        return "上下文长度"  # not "预训练数据量约15.5万亿tokens": a corpus, not a context
    if written.endswith(("B", "M", "参数")):
        return "参数规模"
    return None


def _measure_indicator(reading: Reading, match: QuantityMatch) -> str | None:
    """ "对关键技术攻关项目，按总投资的30%给予最高2000万元资助": what is funded and how,
    as 关键技术攻关项目资助比例 (30%) and 关键技术攻关项目资助上限 (2000万元)."""
    sentence = reading.sentence_at(match.start)
    beneficiary = None
    for found in _BENEFICIARY.finditer(reading.text, sentence.start, match.start):
        beneficiary = found  # the last 对…, nearest the amount
    grant = _GRANT.match(reading.text, match.end, min(sentence.end, match.end + 20))
    if beneficiary is None or grant is None:
        return None
    quantity = match.quantity
    aspect = (
        "比例" if quantity.unit == "%" else "上限" if quantity.qualifier is Qualifier.LE else ""
    )
    return f"{beneficiary['target']}{grant['grant']}{aspect}"


def _clean(text: str) -> str:
    return _FILLER.sub("", _FILLER.sub("", text.strip())).strip("“”\"' ")


def _from_or_to(reading: Reading, match: QuantityMatch, text: str) -> tuple[str, str]:
    """ "年产能将由目前的15万套提升至40万套": 40万套 is the 年产能 and 15万套 the 年产能 of
    目前 (returned as the words before the change and the time of the amount it leaves)."""
    to = _CHANGED_TO.search(text)
    if to is not None:
        return text[: to.start()], ""
    start = text.rfind("由")
    if start >= 0 and _CHANGE_TO.match(reading.text, match.end):
        when = _WHEN_FROM.fullmatch(text, start + 1)
        if when is not None:
            return text[:start], when["when"]  # none: the amount's own date tells
    return text, ""


def _indicator(
    reading: Reading, subject: Subject, match: QuantityMatch, time_span: tuple[int, int] | None
) -> str:
    """The words between subject and amount, without times and verbs; for a count with
    nothing before it, the noun after it (52个自由度 -> 自由度)."""
    sentence_start = reading.sentence_at(match.start).start
    # "总规模20亿元的…基金": a subject the amount describes leaves the words before it
    start = (
        subject.end
        if subject.end <= match.start
        else sentence_start
        if subject.start >= match.end
        else match.start
    )
    # a subject carried over from an earlier sentence lends no words to this one
    start = max(start, sentence_start)
    clause_start = clause_start_of(reading, start, match.start)
    text = reading.text[clause_start : match.start]
    if time_span and clause_start <= time_span[0] < match.start:
        text = reading.text[clause_start : time_span[0]] + reading.text[time_span[1] : match.start]
    text, left = _from_or_to(reading, match, text)
    text = _clean(_CURRENCY_BEFORE.sub("", text))
    if match.quantity.unit.endswith(PER_MILLION_TOKENS):
        text = _price_indicator(text)
    counted = (
        match.quantity.unit in _COUNT_UNITS
        and _COUNTED_NOUN.match(reading.text, match.end)
        and not _CHANGE_TO.match(reading.text, match.end)  # "由30万台提升至80万台"
    )
    if len(text) < 2:
        text = _field_label(reading, match) or text
    if len(text) < 2 or _ENDS_WITH_VERB.search(text) or counted:
        # "建设3个特色集聚区": what is counted names the figure better than the verb before it
        text = _noun_after(reading, match) or text
    text = text[-_MAX_INDICATOR:] if len(text) >= 2 else ""
    return f"{text}（{left}）" if text and left else text


def _field_label(reading: Reading, match: QuantityMatch) -> str:
    """The label of a field whose value the amount is ("4.注册资本：1.2亿元人民币")."""
    line_start = reading.text.rfind("\n", 0, match.start) + 1
    field = FIELD_LINE.match(reading.text, line_start)
    if field is None or reading.text[field.end() : match.start].strip():
        return ""
    return field["label"]


def _price_indicator(text: str) -> str:
    """ "输入价格低至每百万tokens" -> 输入价格; "标准价格为输入每百万tokens 4元、输出" (the
    next price of a list) -> 输出价格; "价格为输入每…" -> 输入价格."""
    text = _clean(_PER_TOKENS.sub("", text.split("、")[-1]))
    text = _PRICE_OF.sub("", text)
    return text if not text or text.endswith(("价格", "价")) else text + "价格"


def _noun_after(reading: Reading, match: QuantityMatch) -> str:
    """What an amount counts or pays for when the words before it are only a verb:
    完成5亿元A轮融资 -> A轮融资金额, 拥有52个自由度 -> 自由度, 6家企业 -> 企业数量."""
    after = _NOUN_AFTER.match(reading.text, match.end)
    if after is None:
        return ""
    noun, unit = after["noun"], match.quantity.unit
    if unit in {"元", "新台币", "美元", "港元"} and noun.endswith(("融资", "投资", "募资")):
        return noun + "金额"
    if unit in _COUNT_UNITS and not noun.endswith(_MEASURES):
        return noun + "数量"
    return noun
