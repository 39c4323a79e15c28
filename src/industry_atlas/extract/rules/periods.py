"""The time a figure is of: a date of its own sentence, a half or quarters of a year, or
the period its paragraph, section or headline is about.

Part of the rules extractor; imports core, normalize and the reading. Analysts compare
figures of one period, so a figure stated under "## 一、2024年工作回顾" or after
"2025年全省地区生产总值…。其中，第一产业增加值6812亿元" is of 2024 or 2025 although its own
sentence names no year; a half or a quarter is labelled as analysts write it
("2025H1", "2025Q3", "2025Q1-Q3").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from industry_atlas.core.models import PartialDate, Region
from industry_atlas.extract.rules.reading import Reading
from industry_atlas.normalize.dates import DateMatch

_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# the part of a year after a year ("2025年上半年", "今年第三季度", "2025年1—9月")
_PART = (
    r"(?P<half>[上下])半年(?:度)?"
    r"|前(?P<quarters>[二两三])(?:个)?季度"
    r"|第?(?P<quarter>[一二三四1-4])季度"
    r"|(?<![A-Za-z])[Qq](?P<q>[1-4])(?![\d])"
)
# "1—9月": the months from January, a month range rather than September
_FROM_JANUARY = re.compile("(?:1|一)[-—–~～至到]$")
_PART_AFTER_YEAR = re.compile(rf"(?:的)?(?:{_PART})")
_BARE_PART = re.compile(rf"(?<![\d年月季度])(?:{_PART})")
_BULLET = re.compile(r"[^\S\n]*(?:[■□▪▫●○◆◇•·\-*]|\d{1,2}[.、)）]|（\d{1,2}）)")
_AHEAD = re.compile("明年|次年|到|至|将|预计|力争|目标")
_STOCK = re.compile(r"(?:截至|截止|到)$")


@dataclass(frozen=True, slots=True)
class FigureTime:
    """A figure's time: the date (a year for a half or quarter), a label for a part of a
    year, and the span of the words in the figure's own sentence, if any."""

    date: PartialDate | None = None
    label: str | None = None
    span: tuple[int, int] | None = None

    def carried(self) -> FigureTime:
        """The same time for a figure of another sentence, which holds none of its words."""
        return FigureTime(self.date, self.label)


def time_of_date(reading: Reading, found: DateMatch) -> FigureTime:
    """A date of the figure's sentence, with the part of the year written after it."""
    date = found.period
    if (
        date.month is not None
        and date.day is None
        and _FROM_JANUARY.search(reading.text, max(0, found.start - 2), found.start)
    ):
        label = f"{date.year}-01/{date.year}-{date.month:02d}"
        return FigureTime(PartialDate(date.year), label, (found.start - 2, found.end))
    if date.month is None:
        part = _PART_AFTER_YEAR.match(reading.text, found.end)
        if part:
            return FigureTime(
                PartialDate(date.year), _label(date.year, part), (found.start, part.end())
            )
    return FigureTime(date, None, (found.start, found.end))


def bare_part(reading: Reading, start: int, end: int) -> FigureTime | None:
    """ "上半年，公司实现营收…": the last part of a year named without one between `start`
    and `end`, in the year of the dates before it, else the document's."""
    parts = list(_BARE_PART.finditer(reading.text, start, end))
    if not parts:
        return None
    year = _year_before(reading, parts[-1].start())
    if year is None:
        return None
    return FigureTime(PartialDate(year), _label(year, parts[-1]), parts[-1].span())


def carried_time(reading: Reading, before: int, place: Region | None) -> FigureTime | None:
    """The period the paragraph states before `before` (where the figure's statement
    starts), else that of the heading above it, else the headline's. `place` is a region
    the figure's own sentence names: a period stated of another place earlier in the
    paragraph is not its period ("北京…2022年机器人产业收入突破了170亿元。上海浦东机器人
    企业超过100家"), one stated of no place or of a place holding it is."""
    text = reading.text
    paragraph = _block_start(text, text.rfind("\n", 0, before) + 1)
    found = _period_between(reading, paragraph, before)
    if found is not None:
        if place is None or found.span is None or _stated_of(reading, found.span[0], place):
            return found.carried()
        return None
    heading = _heading_period(reading, paragraph)
    if heading is not None:
        return heading
    if paragraph <= reading.headline_end:
        return None
    # "山东发布2025年统计公报": the headline's period, not a forecast ("产能明年翻倍")
    headline = _period_between(reading, 0, reading.headline_end)
    if (
        headline is None
        or headline.span is None
        or _AHEAD.search(reading.text, max(0, headline.span[0] - 2), headline.span[1])
    ):
        return None
    return headline.carried()


def _stated_of(reading: Reading, offset: int, place: Region) -> bool:
    """True when the sentence at `offset` names no place, or `place` or one holding it."""
    sentence = reading.sentence_at(offset)
    places = reading.places_between(sentence.start, sentence.end)
    return not places or any(reading.regions.contains(found.region, place) for found in places)


def _block_start(text: str, line: int) -> int:
    """Where the run of bullet lines holding `line` starts ("■ 2025年第三季度，…营收约186亿元。"
    then "■ 长三角…当季营收约82亿元"): a list of points is read as one paragraph."""
    while _BULLET.match(text, line) and line > 0:
        previous = text.rfind("\n", 0, line - 1) + 1
        if not _BULLET.match(text, previous):
            break
        line = previous
    return line


def _period_between(reading: Reading, start: int, end: int) -> FigureTime | None:
    """The last period stated between `start` and `end`: a year, a part of one, or a
    month figures are counted to ("截至2025年8月底"), not a day an event happened."""
    dated = None
    for found in reversed(reading.dates_between(start, end)):
        if found.end > end or found.date.day is not None:
            continue
        candidate = time_of_date(reading, found)
        if (
            found.date.month is None
            or candidate.label
            or found.is_year_end
            or _STOCK.search(reading.text, max(0, found.start - 2), found.start)
        ):
            dated = candidate
            break
    part = bare_part(reading, start, end)
    if part is None or dated is None:
        return part or dated
    # "上半年公司实现营业收入205.1亿元…；归母净利润29.9亿元": the one stated later
    return part if (part.span or (0, 0)) > (dated.span or (0, 0)) else dated


def _heading_period(reading: Reading, paragraph: int) -> FigureTime | None:
    """The period of the nearest heading line above `paragraph` that states one."""
    lines = reading.heading_lines
    for start, end in reversed(lines[: bisect.bisect_left(lines, (paragraph, -1))]):
        found = _period_between(reading, start, end)
        if found is not None:
            return found.carried()
    return None


def _label(year: int, part: re.Match[str]) -> str:
    if part["half"]:
        return f"{year}H{1 if part['half'] == '上' else 2}"
    if part["quarters"]:
        return f"{year}Q1-Q{_NUMERALS[part['quarters']]}"
    return f"{year}Q{_NUMERALS[part['quarter'] or part['q']]}"


def _year_before(reading: Reading, offset: int) -> int | None:
    before = reading.dates_between(0, offset)
    if before:
        return before[-1].date.year
    reference = reading.reference_date
    return reference.year if reference else None
