"""Dates as Chinese texts write them, resolved against the document date and each other.

Part of normalize; imports core and the number parser. "1月16日" in a January-2024 page is 2024-01-16;
"同年8月" takes the year of the date before it, "同月" its month, "次月" the month after,
"同日/当天" its day;
"今年/去年/上月" count from the document date. `find_dates` reads a text once, front to
back, because each relative date depends on the ones before it.
"""

from __future__ import annotations

import contextlib
import datetime
import re
from dataclasses import dataclass

from industry_atlas.core.models import PartialDate
from industry_atlas.normalize.numbers import parse_number

_MONTH = r"(?P<{}>1[0-2]|0?[1-9])\s*月"
_DAY = r"(?P<{}>3[01]|[12]\d|0?[1-9])\s*[日号]"
_RELATIVE = (
    "同年|同月|次月|下月|上月|上个月|本月|这个月|当月|今年|去年|明年|前年|次年|翌年|同日|当日|当天"
    "|次日|翌日|同一天|同一日"
)
_DAY_WORDS = {"同日": 0, "同一天": 0, "同一日": 0, "当日": 0, "当天": 0, "次日": 1, "翌日": 1}
# Days counted from the document's own day: 今天, 昨日, 上周五.
_TODAY_WORDS = {  # not 今天: "nowadays" in speech
    "今日": 0,
    "今晨": 0,
    "昨天": -1,
    "昨日": -1,
    "昨晚": -1,
    "昨夜": -1,
    "前天": -2,
}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEK_OFFSETS = {"上周": -7, "上星期": -7, "本周": 0, "这周": 0, "下周": 7}
_DOCUMENT_DAY = (
    r"(?P<today>今日|今晨|昨天|昨日|昨晚|昨夜|前天)"
    r"|(?P<week>上周|上星期|本周|这周|下周)(?:(?P<weekday>[一二三四五六日天])|(?![期边年围]))"
    r"|(?P<days>(?<![A-Za-z0-9])\d{1,2}|[两二三四五六七八九十]{1,2})天(?P<direction>前|后)"
)
# "二〇二五年六月十六日": an official document's date, written out in numerals
_WRITTEN_DIGIT = "〇零○一二三四五六七八九"
_DIGIT_VALUES = {char: max(0, index - 2) for index, char in enumerate(_WRITTEN_DIGIT)}
CHINESE_NUMERAL_DATE = (
    rf"(?P<cy>[一二][{_WRITTEN_DIGIT}]{{3}})年(?P<cm>十[一二]?|[一二三四五六七八九])月"
    r"(?:(?P<cd>三十一?|[一二]?十[一二三四五六七八九]?|[一二三四五六七八九])日)?"
)
_DATE = re.compile(
    "|".join(
        [
            CHINESE_NUMERAL_DATE,
            r"(?P<iso>(?P<iy>(?:19|20)\d{2})[-/.](?P<im>1[0-2]|0?[1-9])[-/.](?P<id>3[01]|[12]\d|0?[1-9]))(?!\d)",
            rf"(?:(?P<relative>{_RELATIVE})|(?P<year>(?:19|20)\d{{2}})\s*年)"
            rf"(?:{_MONTH.format('month')}(?:{_DAY.format('day')})?|{_DAY.format('rday')}"
            r"|(?P<yearend>年?[底末])|(?<=年)度)?",  # 2024年度: the fiscal year
            r"(?<![\d年])年(?P<bareend>[底末])",
            rf"(?<![\d年])(?<!\d\.){_MONTH.format('month2')}(?:{_DAY.format('day2')})?",
            r"(?<![\d月年])(?<!\d\.)(?P<dayonly>3[01]|[12]\d|0?[1-9])日(?![元内])",
            # "昨（15）日", "今（16）日": Taiwan's press names the day it counts
            r"[昨今前明][（(](?P<sday>3[01]|[12]\d|0?[1-9])[）)]日",
            _DOCUMENT_DAY,
        ]
    )
)
_YEAR_WORDS = frozenset({"同年", "今年", "去年", "明年", "前年", "次年", "翌年"})
_MONTH_WORDS = frozenset({"同月", "当月", "次月", "下月", "上月", "上个月", "本月", "这个月"})
_TARGET_CUE = re.compile("到$|至$|将$")  # "到2025年" is a target, not a time of events
_FUTURE_CUE = re.compile("将|计划|预计|拟|力争|到$|至$")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression, where it is, and the date it stands for."""

    start: int
    end: int
    date: PartialDate
    is_relative: bool
    is_year_end: bool = False  # "去年底": December, but as a time of figures the year itself

    @property
    def period(self) -> PartialDate:
        """The date as a time of figures: "截至2023年底" counts the year 2023."""
        return PartialDate(self.date.year) if self.is_year_end else self.date


def find_dates(text: str, reference: PartialDate | None) -> list[DateMatch]:
    """Return the dates of `text` in order, each resolved against `reference` (the
    document date) and the dates before it. Expressions that cannot be resolved (a
    month with no known year) are left out."""
    found: list[DateMatch] = []
    previous: PartialDate | None = None  # the last past date with a month: what 同月 means
    narrated: PartialDate | None = None  # the last with a day: what 三天前 counts from
    last_day: PartialDate | None = None  # the last day, 昨天 too: what 同一天 means
    for match in _DATE.finditer(text):
        date = _resolve(match, reference, previous, text, (narrated, last_day))
        if date is None:
            continue
        found.append(
            DateMatch(
                match.start(),
                match.end(),
                date,
                match["year"] is None and match["iso"] is None,
                date.month == 12 and bool(match["yearend"] or match["bareend"]),
            )
        )
        is_target = _TARGET_CUE.search(text[max(0, match.start() - 2) : match.start()])
        if date.month is not None and not is_target:
            previous = date
            if date.day is not None and match.group("today", "week", "days") == (None,) * 3:
                narrated = date  # a day the text names, not one it counts
            if date.day is not None:
                last_day = date
    return found


def _resolve(
    match: re.Match[str],
    reference: PartialDate | None,
    previous: PartialDate | None,
    text: str,
    days: tuple[PartialDate | None, PartialDate | None],
) -> PartialDate | None:
    """`days`: the last day the text names (what 三天前 counts from) and the last day
    named or counted (what 同一天 and 次日 mean: "昨天…宣布…。同一天，…发布")."""
    narrated, last_day = days
    month_text, day_text = match["month"] or match["month2"], match["day"] or match["day2"]
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    if match["rday"] and match["relative"] in _MONTH_WORDS:
        day = int(match["rday"])
    if match["cy"]:
        return written_out_date(match)
    if match["iso"]:
        return _date(int(match["iy"]), int(match["im"]), int(match["id"]))
    if match["sday"]:
        return _nearest_day(int(match["sday"]), reference)
    if match["days"] and narrated is not None:
        return _document_day(match, narrated)  # "8月21日…三天前刚刚发布": the day narrated
    if match["today"] or match["week"] or match["days"]:
        return _document_day(match, reference)
    if match["bareend"] and reference is not None:
        return _date(reference.year, 12, None)  # "计划年底前": this year's end
    if match["yearend"] and (match["year"] or match["relative"] in _YEAR_WORDS):
        month = 12  # "去年底", "2023年末"; "上月底" stays that month
    if match["year"]:
        return _date(int(match["year"]), month, day)
    if match["relative"] in _DAY_WORDS:
        # "11月12日，A…。A成立于2023年9月…。次日，B…": the day after the last day named
        return _relative(match["relative"], month, day, reference, last_day)
    if match["relative"]:
        return _relative(match["relative"], month, day, reference, previous)
    if match["dayonly"]:
        anchor = previous if previous and previous.month else reference
        if anchor is None or anchor.month is None:
            return None
        return _date(anchor.year, anchor.month, int(match["dayonly"]))
    if reference is None:
        return None
    year = reference.year
    if (
        reference.month
        and month
        and month > reference.month
        and not _FUTURE_CUE.search(text[max(0, match.start() - 4) : match.start()])
    ):
        year -= 1  # "11月" in a February article happened last November
    return _date(year, month, day)


def written_out_date(match: re.Match[str]) -> PartialDate | None:
    """The date of a match of CHINESE_NUMERAL_DATE ("二〇二五年六月十六日")."""
    year = int("".join(str(_DIGIT_VALUES[char]) for char in match["cy"]))
    day = _written_number(match["cd"]) if match["cd"] else None
    return _date(year, _written_number(match["cm"]), day)


def _written_number(text: str) -> int:
    """一 … 三十一, as written in a date."""
    if "十" not in text:
        return _DIGIT_VALUES[text]
    tens, _, ones = text.partition("十")
    return (_DIGIT_VALUES[tens] if tens else 1) * 10 + (_DIGIT_VALUES[ones] if ones else 0)


def _relative(
    word: str,
    month: int | None,
    day: int | None,
    reference: PartialDate | None,
    previous: PartialDate | None,
) -> PartialDate | None:
    if word in _DAY_WORDS:
        if previous is None or previous.day is None or month is not None:
            return None
        following = datetime.date(
            previous.year, previous.month or 1, previous.day
        ) + datetime.timedelta(days=_DAY_WORDS[word])
        return PartialDate(following.year, following.month, following.day)
    if word in {"同年", "次年", "翌年"}:
        if previous is None:
            return None
        return _date(previous.year + (word != "同年"), month, day)
    if word in {"同月", "当月", "次月", "下月"}:
        if previous is None or previous.month is None:
            return None
        shift = 0 if word in {"同月", "当月"} else 1
        return _shift_month(previous.year, previous.month, shift, day)
    if reference is None:
        return None
    if word in {"上月", "上个月", "本月", "这个月"}:
        if reference.month is None:
            return None
        return _shift_month(reference.year, reference.month, -1 if "上" in word else 0, day)
    offset = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}[word]
    return _date(reference.year + offset, month, day)


def _document_day(match: re.Match[str], reference: PartialDate | None) -> PartialDate | None:
    """ "昨日", "上周五", "三天前": a day counted from `reference` (the document's day, or
    for "三天前" the day the text last named), which must be known."""
    if reference is None or reference.month is None or reference.day is None:
        return None
    today = datetime.date(reference.year, reference.month, reference.day)
    if match["today"]:
        day = today + datetime.timedelta(days=_TODAY_WORDS[match["today"]])
    elif match["days"]:
        count = int(parse_number(match["days"]) or 0)
        day = today + datetime.timedelta(days=count if match["direction"] == "后" else -count)
    else:
        monday = today - datetime.timedelta(days=today.weekday() - _WEEK_OFFSETS[match["week"]])
        if not match["weekday"]:
            return _week_month(monday)
        day = monday + datetime.timedelta(days=_WEEKDAYS[match["weekday"]])
    return PartialDate(day.year, day.month, day.day)


def _nearest_day(day: int, reference: PartialDate | None) -> PartialDate | None:
    """Day `day` of the month that puts it nearest the document's day ("昨（31）日" in a
    page of 1 April is 31 March)."""
    if reference is None or reference.month is None or reference.day is None:
        return None
    today = datetime.date(reference.year, reference.month, reference.day)
    candidates = []
    for shift in (-1, 0, 1):
        index = reference.year * 12 + reference.month - 1 + shift
        with contextlib.suppress(ValueError):  # no 31st in that month
            candidates.append(datetime.date(index // 12, index % 12 + 1, day))
    if not candidates:
        return None
    nearest = min(candidates, key=lambda date: abs((date - today).days))
    return PartialDate(nearest.year, nearest.month, nearest.day)


def _week_month(monday: datetime.date) -> PartialDate | None:
    """ "上周" with no weekday: the month the week lies in, only its year when the week
    straddles a month's end, nothing when it straddles New Year (a day, or a month the
    week only partly lies in, would claim more than the text says)."""
    sunday = monday + datetime.timedelta(days=6)
    if sunday.year != monday.year:
        return None
    return PartialDate(monday.year, monday.month if sunday.month == monday.month else None)


def _shift_month(year: int, month: int, shift: int, day: int | None) -> PartialDate | None:
    index = year * 12 + (month - 1) + shift
    return _date(index // 12, index % 12 + 1, day)


def _date(year: int, month: int | None, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day if month else None)
    except ValueError:
        return None
