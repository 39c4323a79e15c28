"""Events: dated happenings — releases and launches (开售, 上市), financing rounds, foundings, establishments
(揭牌, 开园, 成立 of a platform), and meetings held — each with its date resolved.

Part of the rules extractor; imports core and normalize. Policy issues are recorded by
the policy rules. An event needs a date stated in its own sentence.
"""

from __future__ import annotations

import re

from industry_atlas.core.models import Fact, FactKind, MentionType, PartialDate
from industry_atlas.extract.rules.findings import FactDetails, Findings, FoundEntity
from industry_atlas.extract.rules.products import (
    LAUNCH_VERBS,
    company_named_before,
    main_company,
)
from industry_atlas.extract.rules.reading import EVENT_NAME_CHAR, LISTING, MEETING_ENDINGS, Reading
from industry_atlas.normalize.dates import DateMatch

_FOUNDED_AFTER = re.compile(r"(?:成立于|创立于|创办于|始创于|诞生于|注册成立于)")
_ALIAS_AFTER = re.compile(r"[（(][^（）()，。]{2,30}[）)]")
_FOUNDED_BEFORE = re.compile(r"(?:成立于|创立于|创办于)$")
_FOUNDED_APPOSITION = re.compile(
    r"成立于[^，。的]{2,12}的(?:[^，。]{0,10}(?:公司|企业|机构)[，,]\s*)?$"
)
# "百川智能由搜狗创始人王小川于2023年4月10日创立"
_FOUNDED_BY = re.compile(r"由[^，。；]{1,24}?(?:于|在)(?=[^，。；]{2,14}?(?:创立|创办|创建|成立))")
_ESTABLISHED = re.compile(
    r"(?:正式|在[^，。]{1,12})?(?:揭牌成立|揭牌|开园|成立|启用|落成|挂牌|(?:宣布|正式)?设立(?=[，。；])"
    r"|(?:一期|首期|二期)?(?:正式)?(?:竣工|建成)?(?:启用|投用|投产|投入运营|投入使用))"
)
# a sentence about what happened at the meeting the article reports
_AT_MEETING = re.compile(r"会上|大会|会议|论坛|峰会|活动现场|仪式|开幕式")
_ESTABLISHED_LATER = re.compile(
    r"[^，。；]{0,40}?(?:正式揭牌|揭牌成立|正式开园|正式成立|揭牌|开园|建成投用|正式投产|正式启用)"
)
_PRODUCTION = re.compile("投产|投用|投入运营|投入使用")  # a plant's start, not a founding
_ESTABLISHED_BEFORE = re.compile(r"(?:成立|揭牌|开园|组建)的$")
_FINANCING = re.compile(
    r"(?:完成|获得|宣布完成|宣布获得|拿下|拿到|斩获)(?:了)?[^。，；]{0,30}?"
    r"(?:融资|[A-Z天使种子]\+?轮(?:投资)?|战略投资)"  # "获得…5000万元天使轮投资"
    r"|(?:配售|增发|定增)[^。，；]{0,24}?(?:新股|H股|A股|股份)"  # a listed company's raise
)
# an interview answer: a paragraph opening with its speaker ("冷晓琨：头两年挺难熬的")
_ANSWER = re.compile(r"(?m)^[\u4e00-\u9fff·]{2,5}[：:]")
# not "开幕前一天", "召开前夕": a date relative to the meeting is another day's
_HELD = re.compile(r"(?:举行|召开|开幕|举办|开跑|鸣枪|闭幕|落幕|落下帷幕)(?!前|之前|之际|在即)")
_HELD_LEAD = re.compile(r"为期[^，。；的]{1,6}的")  # "为期4天的首届世界人形机器人运动会"
_EVENT_NAME = re.compile(
    rf"(?:(?<=的)|(?<![\u4e00-\u9fffA-Za-z0-9]))(?:\d{{4}})?{EVENT_NAME_CHAR}{{2,40}}(?:{MEETING_ENDINGS})"
)
_INVESTOR = re.compile(r"(?:联合)?(?:领投|跟投|参投|注资|等投资)")
_MEETING = re.compile(r"[^，。；]{0,10}?(?:发布会|说明会|会议|大会|论坛|仪式|峰会|座谈会|推介会)")
_THIS_POLICY = re.compile(r"本[\u4e00-\u9fff]{0,4}?(?:方案|计划|办法|措施|意见|政策|细则|规定)")
_VALID = re.compile(r"[，,]\s*(?P<term>有效期(?:至|到|为)?[^，。；]{1,14})")
_IN_FORCE = re.compile(
    r"(?:本[\u4e00-\u9fff]{0,4}?(?:方案|计划|办法|措施|意见|政策|细则|规定))?"
    r"自[^，。；]{4,14}?起(?:施行|实施|执行|生效)"
)
# deeds an article dates: agreements, acquisitions, ground-breaking, listing applications
# and listings on an exchange, reports, share-price moves and share placings, a plant or
# line going into production
_ACTION = re.compile(
    r"(?:签署|签订|签下|达成)[^，。；]{0,16}?(?:协议|合同|订单|备忘录)|(?:获得|拿下|斩获)(?!的)[^，。；]{0,12}?订单"
    r"|完成对[^，。；]{1,16}?的收购|动工|开工(?!率|前)|签约(?:共建|落户|入驻)|竣工(?!验收)|量产下线"
    r"|递交[^，。；]{0,24}?上市申请|(?:发布|公布|披露)[^，。；]{0,20}?(?:年度报告|季度报告|年报|季报|财报|业绩)"
    r"|(?:发布|公布|发出)[^，。；]{0,24}?(?:清单|报告|白皮书|蓝皮书|公告|榜单|名单)"
    rf"|{LISTING}"
    r"|股价[^，。；]{0,12}?(?:收报|收于|上涨|下跌|大涨|大跌|涨停|跌停|高开|低开)"
    r"|公告[，,：:]?[^，。；]{0,6}?(?:拟|计划)?[^，。；]{0,16}?投资[^，。；]{0,12}?建设"
    r"|收到[^，。；]{0,24}?(?:定点|中标)(?:通知|书)|(?:计划|拟)?减持|协议受让"
    r"|(?:工厂|产线|生产线|基地)[^，。；]{0,4}?(?:正式)?(?:投产|竣工投产)"
    r"|启用[^，。；]{0,8}?(?:产线|生产线|量产线)|通过[^，。；]{0,24}?备案|上市辅导备案"
    r"|取得[^，。；]{0,12}?控股权"
)
# deeds of a robot or model as much as of its maker: a trial on a site, a race won, the
# first deliveries, a first showing ("楚行C1进入…总装车间开展零件分拣试点")
_PUT_TO_WORK = re.compile(
    r"(?:开展|进行|启动)[^，。；]{0,16}?(?:试点|试用|实训)(?:应用|工作)?"
    r"|(?:夺得|摘得|获得|斩获)[^，。；]{0,12}?(?:冠军|亚军|季军)|率先撞线"
    r"|(?:开始|启动|实现)?小?批量交付|交付首批|首次[^，。；]{0,8}?亮相"
)
_PLANNED = re.compile("计划|预计|将|拟|准备|有望")
# a deed planned for a date: 预计5月封顶, 计划于2026年底建成, 将于明年启用
_PLAN = re.compile(
    r"(?:预计|计划|将于|拟于)[^，。；]{0,12}?(?:投产|封顶|启用|投用|建成|开园|竣工|量产)"
)
_SHORT_TITLE = re.compile(r"《(?P<title>[^《》]{2,16})》$")  # "《若干措施》自…起施行"
_PARTNER_MARKS = frozenset("与和同跟对向")  # 向港交所递交…: the exchange receives
_OPENING_COMPANY = r"(?:^|(?<=[。；\n]))[▶●◆·•▪■ \t\u3000]*公司"  # 公司 opening a sentence
# "这家1999年成立于合肥的企业": the company just named, founded on a date
_FOUNDED_THIS = (
    re.compile(
        r"(?:这家|该)(?P<date>[^，。；的]{2,12}?)(?:成立|创立|创办)(?:于[^，。；的]{1,8})?的"
        r"(?:企业|公司|创业公司|初创公司|科技公司)"
    ),
    # "这家成立于2024年的公司专做…"
    re.compile(
        r"(?:这家|该)(?:成立|创立)于(?P<date>[^，。；的]{2,12}?)的"
        r"(?:企业|公司|创业公司|初创公司|科技公司)"
    ),
    # "这家公司2016年3月由冷晓琨和几位同学在深圳南山区创办", "这家公司去年8月才在杭州滨江区注册成立"
    # "▶ 公司2023年成立，位于苏州工业园区": a digest item's bare 公司
    re.compile(
        rf"(?:(?:这家|该)(?:公司|企业)|{_OPENING_COMPANY})(?:于)?(?P<date>[^，。；]{{2,16}}?)"
        r"(?:由[^，。；]{1,30}?)?(?:成立|创立|创办|创建)"
    ),
    # "这家公司成立于今年2月", "回看月之暗面的成长轨迹…。公司成立于2023年3月"
    re.compile(
        rf"(?:(?:这家|该)(?:公司|企业)|{_OPENING_COMPANY})(?:成立|创立)于"
        r"(?P<date>[^，。；]{2,12}?)(?=[，。；])"
    ),
)
# "汇川技术于2003年由朱兴明等人在深圳创立"
_FOUNDED_BY_AFTER = re.compile(r"由[^，。；]{1,30}?(?:创立|创办|创建|发起成立|成立)")
# "溯光智能2023年3月注册于杭州市西湖区": a company registered on a date was founded then
_REGISTERED_AFTER = re.compile(r"(?:在[^，。；]{1,12}?)?注册(?:成立|于|在)")
_THIS_REACH = 120  # how far back 这家 may point
_THIS_COMPANY_OPENS = re.compile(r"\s*这家[^，。；]{0,20}?(?:公司|企业)")
_OWN_COMPANY = re.compile("本?公司")
# 公司 standing for a company, not the end of a phrase ("头部公司密集完成融资")
_COMPANY_PRONOUN = re.compile(r"(?:该|本)公司|(?<![\u4e00-\u9fff])公司")
_WE = re.compile(r"我们(?=[^，。；]{0,16}$)")
# "累计完成4轮融资", "一年多完成五轮融资": a tally of rounds, not one round (a sum raised
# in a year, "累计获得超25亿元融资", is dated financing)
_TALLY = re.compile(
    r"(?<![A-Za-z0-9+\-])(?:第?[0-9]+|[两三四五六七八九十几][一二两三四五六七八九十]*"
    r"|第[一二三四五六七八九十]+)轮融资"  # "完成的第二轮融资" restates a round, too
)
_CLAUSE_BREAK = re.compile(r"[，。；：,;:\n]")
_COMPANY_KINDS = frozenset({"company"})


def find_events(reading: Reading, findings: Findings) -> None:
    """Add `event` facts for releases, financing, foundings, establishments and meetings."""
    _releases(reading, findings)
    _held(reading, findings)
    meetings = [
        fact
        for fact in findings.facts
        if fact.kind == FactKind.EVENT and fact.predicate == "other" and fact.time is not None
    ]
    orgs = findings.of_type(MentionType.ORG)
    for entity in orgs:
        for span in entity.spans:
            _founded(reading, findings, entity, span, meetings)
    _financing(reading, findings, orgs)
    _in_force(reading, findings)
    _actions(reading, findings, _ACTION, orgs)
    _put_to_work(reading, findings, orgs + findings.of_type(MentionType.PRODUCT))
    _plans(reading, findings, orgs)
    _founded_this(reading, findings, orgs)


def _releases(reading: Reading, findings: Findings) -> None:
    for fact in list(findings.facts):
        if (
            fact.kind != FactKind.MAKES
            or fact.time is None
            or fact.qualifiers.get("date_basis") != "sentence"
        ):
            continue
        sentence = reading.sentence_at(fact.evidence[-1].start)
        detail = reading.document.text[sentence.start : sentence.end].strip()[:60]
        on_sale = any(
            verb in reading.text[span.start : span.end]
            for span in fact.evidence
            for verb in LAUNCH_VERBS
        )
        findings.fact(
            FactKind.EVENT,
            fact.object or "",
            "launch" if on_sale else "release",
            [(span.start, span.end) for span in fact.evidence],
            details=FactDetails(time=fact.time, qualifiers={"detail": detail}),
        )


def _founded(
    reading: Reading,
    findings: Findings,
    entity: FoundEntity,
    span: tuple[int, int],
    meetings: list[Fact],
) -> None:
    """ "智谱AI成立于2019年", "成立于2019年的…公司", "2024年1月12日成立的…专委会",
    "成都人形机器人创新中心于2024年5月揭牌"; "大会还为…创新中心揭牌" on the day of the
    meeting the article reports."""
    start, end = span
    text = reading.text
    alias = _ALIAS_AFTER.match(text, end)  # "书澜智能（南京书澜智能科技有限公司）成立于…"
    end = alias.end() if alias else end
    date: DateMatch | None = None
    meeting_day: PartialDate | None = None
    if _FOUNDED_AFTER.match(text, end):
        date = _first_date(reading, end, end + 14)
    elif _ESTABLISHED_BEFORE.search(text, max(0, start - 4), start):
        date = _last_date(reading, max(0, start - 20), start)
    elif founded := _FOUNDED_APPOSITION.search(text, max(0, start - 30), start):
        date = _first_date(
            reading, founded.start(), founded.end()
        )  # "成立于2019年的创业公司，智谱AI"
    elif founded_by := _FOUNDED_BY.match(text, end):
        date = _first_date(reading, founded_by.end(), founded_by.end() + 14)
    else:
        after = _first_date(reading, end, end + 14)
        if (
            after is not None
            and re.fullmatch(r"(?:于|在)?", text[end : after.start])
            and (
                _ESTABLISHED.match(text, after.end)
                or (
                    entity.kind in _COMPANY_KINDS
                    and (
                        _FOUNDED_BY_AFTER.match(text, after.end)
                        or _REGISTERED_AFTER.match(text, after.end)
                    )
                )
            )
        ):
            established = _ESTABLISHED.match(text, after.end)
            if entity.kind in _COMPANY_KINDS and established and "挂牌" in established.group():
                return  # "越疆科技于2024年12月23日挂牌": its listing on an exchange
            date = after
        elif established := _ESTABLISHED.match(text, end) or _ESTABLISHED_LATER.match(text, end):
            if entity.kind in _COMPANY_KINDS and _PRODUCTION.search(established.group()):
                return  # "两江智行位于…的整机工厂正式投产": its plant's start, no founding
            sentence = reading.sentence_at(start)
            date = _last_date(reading, sentence.start, start)
            if date is None and _AT_MEETING.search(text, sentence.start, start):
                meeting_day = _meeting_before(meetings, start)
    if date is None and meeting_day is None:
        return
    kind = "founding" if entity.kind in _COMPANY_KINDS else "establishment"
    if _has_event(findings, entity.name, kind):
        return
    findings.fact(
        FactKind.EVENT,
        entity.name,
        kind,
        [span, (date.start, date.end)] if date else [span],
        details=FactDetails(
            time=date.date if date else meeting_day,
            qualifiers={"detail": "成立" if kind == "founding" else "成立/揭牌"},
        ),
    )


def _has_event(findings: Findings, subject: str, kind: str) -> bool:
    """A founding or an establishment happens once: the first dating of it stands."""
    return any(
        f.kind == FactKind.EVENT and f.subject == subject and f.predicate == kind
        for f in findings.facts
    )


def _meeting_before(meetings: list[Fact], position: int) -> PartialDate | None:
    """The day of the last meeting the article reported before `position`."""
    held = [fact for fact in meetings if fact.evidence[0].start < position]
    return max(held, key=lambda fact: fact.evidence[0].start).time if held else None


def _financing(reading: Reading, findings: Findings, orgs: list[FoundEntity]) -> None:
    """ "百川智能已完成A轮融资，融资金额50亿元": the company before 完成…融资, dated. A
    headline's round the body tells again is that one round, dated by the body."""
    matches = list(_FINANCING.finditer(reading.text))
    told = {match.group() for match in matches if match.start() >= reading.headline_end}
    for match in matches:
        if match.start() < reading.headline_end and match.group() in told:
            continue
        sentence = reading.sentence_at(match.start())
        if _TALLY.search(reading.text, max(sentence.start, match.start() - 4), match.end()):
            continue
        company = _nearest_company(orgs, sentence.start, match.start(), reading.text)
        date = _last_date(reading, sentence.start, match.start())
        if company is None:
            company = _we(reading, findings, sentence.start, match.start())
        if company is None:
            company = _company_meant(reading, findings, orgs, sentence.start, match.start())
        if company is None:
            company = _interviewee(reading, findings, match.start())
        if company is None:
            continue
        entity, span = company
        time = date.date if date else _recent(reading)
        if time is None:
            continue
        findings.fact(
            FactKind.EVENT,
            entity.name,
            "financing",
            [span, match.span(), *([(date.start, date.end)] if date else [])],
            details=FactDetails(
                time=time, qualifiers={"detail": reading.document.text[match.start() : match.end()]}
            ),
        )


def _held(reading: Reading, findings: Findings) -> None:
    """ "2024世界人工智能大会…在上海开幕": a named meeting or race, held on a date (the
    first day of "11月15日至16日")."""
    for match in _HELD.finditer(reading.text):
        sentence = reading.sentence_at(match.start())
        clause_start = _clause_start(reading, sentence.start, match.start())
        lead = _HELD_LEAD.match(reading.text, clause_start)
        named = _EVENT_NAME.search(
            reading.text, lead.end() if lead else clause_start, match.start()
        )
        dates = reading.dates_between(sentence.start, match.start())
        if not dates:
            continue
        if named is None:
            _org_held(reading, findings, match, clause_start, dates[-1])
            continue
        date = (
            dates[-2]
            if len(dates) > 1
            and reading.text[dates[-2].end : dates[-1].start] in {"至", "到", "-", "—"}
            else dates[-1]
        )
        findings.fact(
            FactKind.EVENT,
            reading.document.text[named.start() : named.end()],
            "other",
            [named.span(), match.span(), (date.start, date.end)],
            details=FactDetails(
                time=date.date, qualifiers={"detail": reading.text[match.start() : match.end()]}
            ),
        )


def _org_held(
    reading: Reading, findings: Findings, match: re.Match[str], clause_start: int, date: DateMatch
) -> None:
    """ "9月12日上午，杭州市人民政府新闻办公室举行新闻发布会": an organization holds a meeting."""
    if not _MEETING.match(reading.text, match.end()):
        return
    holder = None
    for entity in findings.of_type(MentionType.ORG):
        for start, end in entity.spans:
            if (
                clause_start <= start
                and end <= match.start()
                and (holder is None or start > holder[1][0])
            ):
                holder = (entity, (start, end))
    if holder is None:
        return
    entity, span = holder
    meeting = _MEETING.match(reading.text, match.end())
    findings.fact(
        FactKind.EVENT,
        entity.name,
        "other",
        [span, (match.start(), meeting.end() if meeting else match.end()), (date.start, date.end)],
        details=FactDetails(
            time=date.date,
            qualifiers={
                "detail": reading.text[match.start() : meeting.end() if meeting else match.end()]
            },
        ),
    )


def _actions(
    reading: Reading, findings: Findings, deeds: re.Pattern[str], actors: list[FoundEntity]
) -> None:
    """ "6月3日，拓普集团公告与…签订投资协议", "2017年，美的集团完成对德国库卡的收购",
    "公司于2025年10月30日发布第三季度报告": a dated deed of the actor opening its clause
    (not the partner after 与), or of the filer where a filing says 公司."""
    for match in deeds.finditer(reading.text):
        segment = reading.segment_start(match.start())
        date = _last_date(reading, segment, match.start()) or next(
            (d for d in reading.dates_between(match.start(), match.end()) if d.is_relative),
            None,
        )  # "股价昨日高开高走": the day inside the deed
        if date is None:
            continue
        clause_start = _clause_start(reading, segment, date.start)
        actor = _actor(reading, findings, actors, clause_start, match.start()) or _described(
            reading, actors, match.end()
        )
        if actor is None:
            continue
        entity, span = actor
        findings.fact(
            FactKind.EVENT,
            entity.name,
            "other",
            [span, match.span(), (date.start, date.end)],
            details=FactDetails(time=date.date, qualifiers={"detail": match.group()}),
        )


def _put_to_work(reading: Reading, findings: Findings, actors: list[FoundEntity]) -> None:
    """ "7月，Codroid 01在公司江宁工厂开展焊装上下料试点": a robot's or maker's deed, dated
    in its own clause or where the sentence opens (an earlier clause's date is a release's:
    "5月发布的…，已进入…开展试点"), and done, not planned ("计划年底前在…开展试点")."""
    for match in _PUT_TO_WORK.finditer(reading.text):
        segment = reading.segment_start(match.start())
        clause_start = _clause_start(reading, segment, match.start())
        if _PLANNED.search(reading.text, clause_start, match.start()):
            continue
        date = _last_date(reading, clause_start, match.start()) or _opening_date(reading, segment)
        actor = _first_acting(reading, actors, clause_start, match.start())
        if date is None or actor is None:
            continue
        entity, span = _described(reading, actors, actor[1][1]) or actor  # 优必选的Walker S2
        findings.fact(
            FactKind.EVENT,
            entity.name,
            "other",
            [span, match.span(), (date.start, date.end)],
            details=FactDetails(time=date.date, qualifiers={"detail": match.group()}),
        )


def _clause_start(reading: Reading, start: int, end: int) -> int:
    """Where the clause holding `end` starts, not before `start`."""
    return max((m.end() for m in _CLAUSE_BREAK.finditer(reading.text, start, end)), default=start)


def _opening_date(reading: Reading, segment: int) -> DateMatch | None:
    """The date a sentence opens on, before its first comma ("4月19日，…")."""
    date = _first_date(reading, segment, segment + 16)
    if date is None or reading.text[segment : date.start].strip():
        return None
    return date if reading.text[date.end : date.end + 1] in ("，", ",") else None


def _plans(reading: Reading, findings: Findings, orgs: list[FoundEntity]) -> None:
    """ "临港基地一期厂房预计5月封顶", "二期预计于2026年底建成": a deed planned for a date,
    of the organization opening its clause (else the one the sentence opened on)."""
    for match in _PLAN.finditer(reading.text):
        dates = reading.dates_between(match.start(), match.end())
        if not dates:
            continue
        segment = reading.segment_start(match.start())
        clause_start = _clause_start(reading, segment, match.start())
        actor = _actor(reading, findings, orgs, clause_start, match.start()) or _actor(
            reading, findings, orgs, reading.sentence_at(match.start()).start, match.start()
        )
        if actor is None:
            continue
        entity, span = actor
        detail = reading.document.text[clause_start : match.end()].strip()
        findings.fact(
            FactKind.EVENT,
            entity.name,
            "other",
            [span, match.span()],
            details=FactDetails(time=dates[0].date, qualifiers={"detail": detail}),
        )


def _founded_this(reading: Reading, findings: Findings, orgs: list[FoundEntity]) -> None:
    """ "绕不开科大讯飞。这家1999年成立于合肥的企业…", "这家公司2016年3月由…创办": 这家
    is the company named last (not an investor in its round: "…完成5亿元融资，阿里巴巴、
    中金资本跟投。公司成立于2021年")."""
    matches = [m for pattern in _FOUNDED_THIS for m in pattern.finditer(reading.text)]
    for match in matches:
        dates = reading.dates_between(match.start("date"), match.end("date"))
        named = company_named_before(reading, orgs, match.start(), _THIS_REACH)
        if not dates or named is None:
            continue
        entity, span = named
        if _has_event(findings, entity.name, "founding"):
            continue
        findings.fact(
            FactKind.EVENT,
            entity.name,
            "founding",
            [span, (match.start(), match.end())],
            details=FactDetails(time=dates[-1].date, qualifiers={"detail": "成立"}),
        )


def _actor(
    reading: Reading, findings: Findings, orgs: list[FoundEntity], start: int, end: int
) -> tuple[FoundEntity, tuple[int, int]] | None:
    """The first organization of [start, end) that is not a partner (与/和/同 X); where the
    clause says 公司 instead, the filer of a filing, else the organization that opened
    the sentence ("面壁智能发布…；上周，公司又与长安汽车签署…协议"), else the company
    named last before it ("汇川技术…。订单方面，7月公司与宁德时代签署…")."""
    first = _first_acting(reading, orgs, start, end)
    if first is not None:
        return first
    pronoun = _pronoun_at(reading, orgs, _OWN_COMPANY, start, end)
    if pronoun is None:
        return _this_company(reading, orgs, start)
    if findings.filer is not None:
        return _filer_as(findings, pronoun)
    return (
        _first_acting(reading, orgs, reading.sentence_at(start).start, start)
        or _headline_company(reading, findings, pronoun)
        or _company_before(reading, orgs, pronoun)
    )


def _headline_company(
    reading: Reading, findings: Findings, pronoun: tuple[int, int]
) -> tuple[FoundEntity, tuple[int, int]] | None:
    """The one company a headline names, which a bare 公司 in its article means rather
    than a rival named just before."""
    company = findings.headline_company(reading.headline_end)
    return (company, pronoun) if company is not None else None


def _company_meant(
    reading: Reading, findings: Findings, orgs: list[FoundEntity], start: int, end: int
) -> tuple[FoundEntity, tuple[int, int]] | None:
    """ "灵衍智能成立于2024年1月。公司至今已完成四轮融资：2024年3月获得…": 公司 is the
    filer of a filing, else the company named last before it."""
    pronoun = _pronoun_at(reading, orgs, _COMPANY_PRONOUN, start, end)
    if pronoun is None:
        return _this_company(reading, orgs, end)
    if findings.filer is not None:
        return _filer_as(findings, pronoun)
    return _headline_company(reading, findings, pronoun) or _company_before(reading, orgs, pronoun)


def _this_company(
    reading: Reading, orgs: list[FoundEntity], position: int
) -> tuple[FoundEntity, tuple[int, int]] | None:
    """ "这家成立于2024年的公司专做…，1月27日宣布完成…融资": a sentence opening on 这家…公司
    is about the company named just before it."""
    opening = _THIS_COMPANY_OPENS.match(reading.text, reading.sentence_at(position).start)
    if opening is None or opening.end() > position:
        return None
    return _company_before(reading, orgs, opening.span())


def _company_before(
    reading: Reading, orgs: list[FoundEntity], pronoun: tuple[int, int]
) -> tuple[FoundEntity, tuple[int, int]] | None:
    """The company named last before a 公司 that means it, within reach: of those, one a
    clause is about ("甬岸智能成立于…，创始团队来自…和吉利汽车。…该公司完成…融资": 甬岸智能,
    not the 吉利汽车 its founders came from)."""
    before = [
        (entity, span)
        for entity in orgs
        if entity.kind in _COMPANY_KINDS
        for span in entity.spans
        if pronoun[0] - _THIS_REACH <= span[0]
        and span[1] <= pronoun[0]
        and not _INVESTOR.match(reading.text, span[1])  # "国元创投跟投": not the one raising
    ]
    topics = [found for found in before if reading.opens_clause(found[1][0])]
    return max(topics or before, key=lambda found: found[1][0], default=None)


def _pronoun_at(
    reading: Reading, orgs: list[FoundEntity], pronoun: re.Pattern[str], start: int, end: int
) -> tuple[int, int] | None:
    """The first 公司 of [start, end) that stands alone, not inside a name (华为终端有限公司)."""
    named = [span for entity in orgs for span in entity.spans]
    return next(
        (
            m.span()
            for m in pronoun.finditer(reading.text, start, end)
            if not any(s <= m.start() < e for s, e in named)
        ),
        None,
    )


def _filer_as(
    findings: Findings, pronoun: tuple[int, int]
) -> tuple[FoundEntity, tuple[int, int]] | None:
    """The filer of a filing, which its 公司 means, with the pronoun as the evidence."""
    filer = findings.get(MentionType.ORG, findings.filer) if findings.filer else None
    return None if filer is None else (filer, pronoun)


def _described(
    reading: Reading, orgs: list[FoundEntity], end: int
) -> tuple[FoundEntity, tuple[int, int]] | None:
    """The entity named right after `end` and a 的: the one a deed describes ("2024年12月23日
    在港交所主板上市的越疆科技"), or the one an owner has ("优必选的Walker S2")."""
    if reading.text[end : end + 1] != "的":
        return None
    return next(
        ((entity, span) for entity in orgs for span in entity.spans if span[0] == end + 1), None
    )


def _first_acting(
    reading: Reading, orgs: list[FoundEntity], start: int, end: int
) -> tuple[FoundEntity, tuple[int, int]] | None:
    acting = [
        (entity, span)
        for entity in orgs
        for span in entity.spans
        if start <= span[0]
        and span[1] <= end
        and reading.text[span[0] - 1 : span[0]] not in _PARTNER_MARKS
    ]
    return min(acting, key=lambda found: found[1][0], default=None)


def _in_force(reading: Reading, findings: Findings) -> None:
    """ "本方案自2024年10月12日起施行": the day a policy takes effect."""
    policies = findings.of_type(MentionType.POLICY)
    for match in _IN_FORCE.finditer(reading.text):
        dates = reading.dates_between(match.start(), match.end())
        before = [p for p in policies if p.first < match.start()]
        if not dates or not before:
            continue
        short = _SHORT_TITLE.search(reading.text, max(0, match.start() - 20), match.start())
        named = [
            p
            for p in before
            if short
            and (p.name.endswith(short["title"]) or short["title"] == p.attrs.get("short_title"))
        ]
        sentence = reading.sentence_at(match.start())
        # "本政策由…负责解释，自…起施行": the document's own policy, however far its 本
        own = _THIS_POLICY.search(reading.text, sentence.start, match.end())
        policy = named[0] if named else before[0] if own else before[-1]
        qualifiers = {"detail": "起施行"}
        evidence = [match.span(), policy.spans[0]]
        valid = _VALID.match(reading.text, match.end())
        if valid is not None:  # "…起施行，有效期至2028年12月31日" / "有效期3年"
            qualifiers["valid"] = reading.document.text[valid.start("term") : valid.end()]
            evidence.append(valid.span("term"))
        findings.fact(
            FactKind.EVENT,
            policy.name,
            "other",
            evidence,
            details=FactDetails(time=dates[0].date, qualifiers=qualifiers),
        )


def _nearest_company(
    orgs: list[FoundEntity], start: int, end: int, text: str
) -> tuple[FoundEntity, tuple[int, int]] | None:
    best: tuple[FoundEntity, tuple[int, int]] | None = None
    for entity in orgs:
        if entity.kind not in _COMPANY_KINDS:
            continue
        for span in entity.spans:
            is_investor = _INVESTOR.match(text, span[1])
            if (
                start <= span[0]
                and span[1] <= end
                and not is_investor
                and (best is None or span[0] > best[1][0])
            ):
                best = (entity, span)
    return best


def _we(
    reading: Reading, findings: Findings, start: int, end: int
) -> tuple[FoundEntity, tuple[int, int]] | None:
    """ "朱秋国：2024年12月我们完成了…融资": in an interview, 我们 is the company the
    document is about; the pronoun is the evidence that names it here."""
    we = _WE.search(reading.text, start, end)
    company = main_company(findings) if we else None
    return (company, we.span()) if company is not None and we is not None else None


def _interviewee(
    reading: Reading, findings: Findings, position: int
) -> tuple[FoundEntity, tuple[int, int]] | None:
    """ "冷晓琨：…2016年8月拿到松禾资本1000万元天使轮": in an interview answer, a deed
    with no company named is the company the interview is about; the speaker's label is
    the evidence."""
    paragraph = reading.text.rfind("\n", 0, position) + 1
    label = _ANSWER.match(reading.text, paragraph)
    company = main_company(findings) if label else None
    return (company, label.span()) if company is not None and label is not None else None


def _recent(reading: Reading) -> PartialDate | None:
    """ "近日/已完成": the month of the document's date."""
    date = reading.reference_date
    return PartialDate(date.year, date.month) if date and date.month else None


def _first_date(reading: Reading, start: int, end: int) -> DateMatch | None:
    dates = reading.dates_between(start, end)
    return dates[0] if dates else None


def _last_date(reading: Reading, start: int, end: int) -> DateMatch | None:
    dates = reading.dates_between(start, end)
    return dates[-1] if dates else None
