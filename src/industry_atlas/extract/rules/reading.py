"""One reading of a document, shared by every rule: sentences, dates, amounts, places.

Part of the rules extractor; imports core and normalize. Everything here is computed once
per document, in one pass each, so the rules that follow only look things up.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from industry_atlas.core.models import Document, PartialDate, Region
from industry_atlas.core.protocols import TaggedSpan
from industry_atlas.core.text import fold_width
from industry_atlas.normalize.dates import DateMatch, find_dates
from industry_atlas.normalize.numbers import QuantityMatch, find_quantities
from industry_atlas.normalize.regions import RegionIndex, RegionMatch, region_index
from industry_atlas.normalize.tables import Table, find_tables
from industry_atlas.normalize.words import jieba_frequencies, jieba_tags, jieba_tokenize

_T = TypeVar("_T")
# a character of a meeting's name, a place in brackets counting as one
# ("2026中国（深圳）人形机器人与具身智能博览会")
EVENT_NAME_CHAR = r"(?:[\u4e00-\u9fffA-Za-z0-9]|（[\u4e00-\u9fff]{2,3}）)"
# a company's listing on an exchange: "在香港联合交易所主板挂牌", "于2024年12月23日挂牌"
LISTING = (
    r"在(?:港交所|香港联交所|联交所|上交所|深交所|北交所|纳斯达克|纽交所|港股|A股|美股|科创板|创业板"
    r"|香港联合交易所|香港交易所|上海证券交易所|深圳证券交易所|北京证券交易所)"
    r"[^，。；]{0,6}?(?:上市|挂牌)"
    r"|(?<=[日月年])(?:正式)?(?:挂牌|上市)(?=[，。；、）)\s]|$)"
)
# meetings where deals are made or work is pushed ("投资推介会", "高质量发展推进会")
TRADE_MEETINGS = "推进会|推介会|对接会|招商会|洽谈会|座谈会"
MEETING_ENDINGS = (
    f"大会|会议|论坛|峰会|博览会|展览会|马拉松|运动会|大赛|比赛|发布会|说明会|{TRADE_MEETINGS}"
)
_NAME_ENDS = frozenset("局厅部委院所办")
_GLUED = frozenset(
    {"等", "于", "和", "与", "在", "将", "的", "已", "及", "也", "还", "则", "对", "为"}
)
_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[”’」』）)]*)?|\n")
_TITLE = re.compile(r"《([^《》\n]{1,80})》")
# after an organization: it invested in a round ("阿里巴巴、中金资本跟投"), it did not raise
INVESTORS_AFTER = re.compile(r"(?:[、和及与][^，。；、]{1,12}?)*(?:联合|共同)?(?:领投|跟投|参投)")
# a section heading: a line in 【】 or a Markdown heading
_HEADING_LINE = re.compile(r"(?m)^(?:【[^】\n]{1,40}】|#{1,4} [^\n]{1,40})$")
_CLAUSE_OPENERS = frozenset("\n。！？；，：")
# a line under the headline that states no sentence: "一、2024年工作回顾", "## 二、2025年主要预期目标"
_SHORT_LINE = re.compile(r"(?m)^[^\S\n]*[^。！？；\n]{2,64}$")
_LISTED_AT = re.compile(r"(?:主板|创业板|科创板)?(?:正式)?(?:上市|挂牌)")
_FUTURE = re.compile("将|计划|预计|拟|力争|到|至|目标|有望")
_PLACE_TAG = re.compile(r"【(?P<place>[\u4e00-\u9fff]{2,8})】")  # a digest item's 【成都】
_NAME_BREAK = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")
# "均在广州开发区（黄埔区）（以下简称本区）": the place a policy's 本区 or 本市 stands for
_HOME_DEFINED = re.compile(
    r"[（(](?:以下简称|以下称|下称|简称)[“\"]?(?P<word>[本我][区市县])[”\"]?[）)]"
)
_DEFINED_NAME_REACH = 24


@dataclass(frozen=True, slots=True)
class DefinedHome:
    """A place the text names once and then calls 本区/我市 ("X（以下简称本区）").

    Attributes:
        name: the place as the text writes it ("广州开发区（黄埔区）").
        level: the level character of the word standing for it (区, 市 or 县).
        start, end: where the name stands.
    """

    name: str
    level: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as offsets into the document text."""

    start: int
    end: int


@dataclass
class Reading:
    """The shared facts about one document that the rules consult."""

    document: Document
    tagged: Sequence[TaggedSpan] = ()  # what the trained tagger found in `text`
    text: str = field(init=False)  # width-folded copy: same length, same offsets
    regions: RegionIndex = field(init=False)
    _sentence_matches: dict[tuple[str, int], bool] = field(
        init=False, default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        self.text = fold_width(self.document.text)
        self.regions = region_index()

    @cached_property
    def headline_end(self) -> int:
        """Where the first line (the headline, or the whole text) ends."""
        end = self.text.find("\n")
        return len(self.text) if end == -1 else end

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences, in order (line breaks end sentences too)."""
        return [
            Sentence(match.start(), match.end())
            for match in _SENTENCE.finditer(self.text)
            if match.group().strip()
        ]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def sentence_at(self, offset: int) -> Sentence:
        """Return the sentence containing `offset`."""
        index = max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)
        return self.sentences[index] if self.sentences else Sentence(0, len(self.text))

    def sentence_has(self, pattern: re.Pattern[str], offset: int) -> bool:
        """True when the sentence holding `offset` has a match of `pattern`. Kept per
        sentence: a text with no sentence end is one sentence, and a search for each of
        its amounts would scan all of it."""
        sentence = self.sentence_at(offset)
        key = (pattern.pattern, sentence.start)
        found = self._sentence_matches.get(key)
        if found is None:
            found = bool(pattern.search(self.text, sentence.start, sentence.end))
            self._sentence_matches[key] = found
        return found

    def segment_start(self, offset: int) -> int:
        """Where the part of the sentence holding `offset` starts: a semicolon joins
        independent statements ("…印发《…》；按照这一部署设立的基金…总规模100亿元")."""
        sentence = self.sentence_at(offset)
        return self.text.rfind("；", sentence.start, offset) + 1 or sentence.start

    def opens_clause(self, offset: int) -> bool:
        """True when `offset` stands first in its clause, where a name is what the clause
        is about ("甬岸智能成立于…", not the "吉利汽车" of "来自…和吉利汽车")."""
        return offset == 0 or self.text[offset - 1] in _CLAUSE_OPENERS

    @cached_property
    def titles(self) -> list[tuple[int, int]]:
        """Spans of 《》 titles, brackets included."""
        return [match.span() for match in _TITLE.finditer(self.text)]

    def in_title(self, offset: int) -> bool:
        """True when `offset` lies inside a 《》 title."""
        return bool(self._title_chars[offset]) if offset < len(self._title_chars) else False

    @cached_property
    def _title_chars(self) -> bytearray:
        marks = bytearray(len(self.text) + 1)
        for start, end in self.titles:
            marks[start + 1 : end] = b"\x01" * (end - start - 1)
        return marks

    @cached_property
    def token_ending_at(self) -> dict[int, int]:
        """Index of the word ending at each offset."""
        return {end: index for index, (_, end, _) in enumerate(self.tokens)}

    @cached_property
    def _dated_headings(self) -> list[tuple[int, PartialDate]]:
        """(end, date) of each heading line that states a day: "【次日（3月26日）：零部件唱
        主角】", "## 8月9日：开幕" — the day of the section under it."""
        found = []
        for heading in _HEADING_LINE.finditer(self.text):
            dates = self.dates_between(heading.start(), heading.end())
            if dates and dates[-1].date.day is not None:
                found.append((heading.end(), dates[-1].date))
        return found

    @cached_property
    def heading_lines(self) -> list[tuple[int, int]]:
        """(start, end) of each short line below the headline that states no sentence: a
        heading, a caption, a byline."""
        return [
            line.span()
            for line in _SHORT_LINE.finditer(self.text, self.headline_end)
            if line.start() > self.headline_end
        ]

    @cached_property
    def _placed_headings(self) -> list[tuple[int, Region]]:
        """(end, place) of each heading that names its place in 【】 ("▎09:05　【成都】…")."""
        found = []
        for start, end in self.heading_lines:
            bracket = _PLACE_TAG.search(self.text, start, end)
            place = self.regions.lookup(bracket["place"]) if bracket else None
            if place is not None:
                found.append((end, place))
        return found

    def section_place(self, offset: int) -> Region | None:
        """The place of the section `offset` lies in, when a digest's heading tags it."""
        ends = [end for end, _ in self._placed_headings]
        index = bisect.bisect_right(ends, offset) - 1
        return self._placed_headings[index][1] if index >= 0 else None

    def section_date(self, offset: int) -> PartialDate | None:
        """The day of the dated section `offset` lies in, if a heading states one."""
        ends = [end for end, _ in self._dated_headings]
        index = bisect.bisect_right(ends, offset) - 1
        if index < 0:
            return None
        next_heading = _HEADING_LINE.search(self.text, self._dated_headings[index][0], offset)
        return None if next_heading else self._dated_headings[index][1]

    @cached_property
    def reference_date(self) -> PartialDate | None:
        """The document date: as published, else the month of the latest past date stated."""
        if self.document.published is not None:
            return self.document.published
        stated = [
            match.date
            for match in find_dates(self._untitled, None)
            if match.date.month is not None
            and not _FUTURE.search(self.text[max(0, match.start - 3) : match.start])
        ]
        if not stated:
            return None
        latest = max(stated)
        return PartialDate(latest.year, latest.month)

    @cached_property
    def dates(self) -> list[DateMatch]:
        """Every date expression outside 《》 titles, resolved in reading order."""
        return find_dates(self._untitled, self.reference_date)

    @cached_property
    def _untitled(self) -> str:
        """The text with the digits inside 《》 titles masked: a plan period such as
        （2023—2025年） is neither a date nor the year a later "同年" refers to."""
        masked = list(self.text)
        for start, end in self.titles:
            for index in range(start, end):
                if masked[index].isdigit():
                    masked[index] = "#"
        return "".join(masked)

    @cached_property
    def quantities(self) -> list[QuantityMatch]:
        """Every amount with a unit, outside 《》 titles."""
        return [m for m in find_quantities(self.text) if not self.in_title(m.start)]

    @cached_property
    def tables(self) -> list[Table]:
        """Blocks of lines split into cells (｜, |, tabs)."""
        return find_tables(self.text)

    def in_table(self, offset: int) -> bool:
        """True when `offset` is inside a table."""
        return any(table.start <= offset < table.end for table in self.tables)

    @cached_property
    def places(self) -> list[RegionMatch]:
        """Every place name."""
        return self.regions.find(self.text)

    @cached_property
    def home_region(self) -> Region | None:
        """The city the document is mostly about: the most frequent city-level place."""
        counts: dict[str, int] = {}
        for match in self.places:
            city = self.regions.city_of(match.region)
            if city is not None:
                counts[city.code] = counts.get(city.code, 0) + 1
        if not counts:
            return None
        code = max(counts, key=lambda key: counts[key])
        return self.regions.by_code(code)

    @cached_property
    def defined_home(self) -> DefinedHome | None:
        """The first place the text declares its 本区/本市/我区/我市; the name starts at
        the first place name within reach before the declaration, and runs on to it
        unbroken (its own bracket, "（黄埔区）", is part of it)."""
        for match in _HOME_DEFINED.finditer(self.text):
            end = match.start()
            for place in self.places_between(max(0, end - _DEFINED_NAME_REACH), end):
                name = self.text[place.start : end]
                if not _NAME_BREAK.search(name.replace("（", "").replace("）", "")):
                    return DefinedHome(name, match["word"][1], place.start, end)
        return None

    @cached_property
    def tokens(self) -> list[tuple[int, int, str]]:
        """Words (jieba segmentation) as (start, end, word), with a name's last character
        split from a function word glued to it (委等 -> 委 + 等, 厅于 -> 厅 + 于, and
        速腾聚|创于 -> 创 + 于 where 创于 is no dictionary word)."""
        words = jieba_tokenize(self.text)
        known = jieba_frequencies()
        glued = [
            index
            for index, (word, _, _) in enumerate(words)
            if word[1:] in _GLUED and (word[0] in _NAME_ENDS or word not in known)
        ]
        tokens = [(start, end, word) for word, start, end in words]
        for index in reversed(glued):  # from the end, so earlier indices stay valid
            start, end, word = tokens[index]
            tokens[index : index + 1] = [(start, start + 1, word[0]), (start + 1, end, word[1:])]
        return tokens

    @property
    def word_frequencies(self) -> dict[str, int]:
        """How common a word is in general Chinese (jieba's dictionary counts)."""
        return jieba_frequencies()

    @cached_property
    def _boundaries(self) -> frozenset[int]:
        return frozenset(offset for start, end, _ in self.tokens for offset in (start, end))

    def is_word_boundary(self, offset: int) -> bool:
        """True when a word starts or ends at `offset` (京东 is not a word in 北京东城)."""
        return offset in self._boundaries

    @property
    def word_tags(self) -> dict[str, str]:
        """Dictionary part-of-speech tags of words (jieba's lexicon)."""
        return jieba_tags()

    @cached_property
    def _date_chars(self) -> bytearray:
        marks = bytearray(len(self.text) + 1)
        for match in self.dates:
            marks[match.start : match.end] = b"\x01" * (match.end - match.start)
        return marks

    org_marks: bytearray = field(init=False, default_factory=bytearray)

    def mark_orgs(self, spans: list[tuple[int, int]]) -> None:
        """Remember where organizations are named, so nouns inside them are not read."""
        self.org_marks = bytearray(len(self.text) + 1)
        for start, end in spans:
            self.org_marks[start:end] = b"\x01" * (end - start)

    def in_org(self, offset: int) -> bool:
        """True when `offset` is inside an organization's name."""
        return bool(self.org_marks[offset]) if self.org_marks else False

    def is_listing_venue(self, start: int, end: int) -> bool:
        """True when the name at [start, end) is where a company lists ("在港交所主板上市"):
        a place of the deed, neither its subject nor a maker."""
        return self.text[start - 1 : start] == "在" and bool(_LISTED_AT.match(self.text, end))

    def in_date(self, offset: int) -> bool:
        """True when `offset` is inside a date expression."""
        return bool(self._date_chars[offset])

    def dates_between(self, start: int, end: int) -> list[DateMatch]:
        """Date expressions starting within [start, end)."""
        return _starting_between(self.dates, self._date_starts, start, end)

    def places_between(self, start: int, end: int) -> list[RegionMatch]:
        """Place names starting within [start, end)."""
        return _starting_between(self.places, self._place_starts, start, end)

    def words_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The words overlapping [start, end)."""
        first = max(bisect.bisect_right(self._token_starts, start) - 1, 0)
        last = bisect.bisect_left(self._token_starts, end)
        return [token for token in self.tokens[first:last] if token[0] < end and token[1] > start]

    @cached_property
    def _date_starts(self) -> list[int]:
        return [match.start for match in self.dates]

    @cached_property
    def _place_starts(self) -> list[int]:
        return [match.start for match in self.places]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [start for start, _, _ in self.tokens]


def _starting_between(items: list[_T], starts: list[int], start: int, end: int) -> list[_T]:
    """The items (sorted by start, `starts` their offsets) that start within [start, end)."""
    return items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
