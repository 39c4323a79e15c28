"""Answer extraction: the piece of a passage that answers a part of a question.

Part of ask; imports core, normalize and the ask helpers beside it. A when-question wants
a date the passage states, a count- or value-question an amount (not one the question
itself gives), a who-question a person or organization the knowledge base found in the
passage, a list-question an enumeration. The piece nearest the question's content words
wins; the clauses around it form the quoted window.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from industry_atlas.ask.cues import cues
from industry_atlas.ask.question import VERSIONS, AnchorKind, Intent, Part
from industry_atlas.core.models import Document, Mention, MentionType, PartialDate, Span
from industry_atlas.core.text import CLOSING_QUOTES, find_all, fold_width
from industry_atlas.normalize.dates import find_dates
from industry_atlas.normalize.numbers import QuantityMatch, find_quantities

# a comma between a digit and three more ("12,000台") groups thousands, it ends no clause
_CLAUSE_END = re.compile(r"(?:[，：:；;。！？!?—]|(?<!\d),|,(?!\d{3}(?!\d)))+")
_ENUMERATION = re.compile(r"[^，。；、]{1,30}、[^，。；、]{1,30}|分别是|分别为|包括")
_LISTED_TYPES = frozenset({MentionType.PERSON, MentionType.ORG, MentionType.PRODUCT})
_NAME_JOINERS = frozenset({"和", "、", "及", "与", "以及"})
_RESPECTIVELY = "分别"
_JOINER = re.compile(r"\s*(?:和|与|及|、|，|,)\s*")  # between amounts of one run
# what relative dates ("今年8月") are found against in a document of unknown date
_STAND_IN_DATE = PartialDate(2000, 6, 15)
_YEAR_WRITTEN = re.compile(r"\d{4}\s*年")
# the words a count is written before, up to a break ("43个主动自由度", "7家具身智能企业")
_COUNTED_AFTER = re.compile(r"[\u4e00-\u9fff][^，,。；;、：:（(“”\s]{0,11}")
# the years of a title or of a plan's period ("（2024—2027年）") date no event
_TITLE = re.compile(r"《[^《》]{2,80}》")
_CUTOFF_WORD = re.compile("截至|截止")
_CUTOFF_BEFORE = re.compile(r"(?:截至|截止)(?:到)?\s*$")
_TITLED = re.compile(r"《[^》]*》|\d{4}\s*[—–\-~至到]+\s*\d{4}\s*年")
# "由A、B联合领投", "由台积电以7奈米制程代工": the agent of a deed, written before it
_AGENT = r"由(?P<who>[^，,。；;：:\s]{2,30}?)(?:以[^，,。；;]{1,12}?|联合|共同|牵头)?"
_BARE_NUMBER = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?[万亿]?(?![\d.年月日])|[一二两三四五六七八九]成"
    r"|[一二两三四五六七八九十百千]+[几余多]?[批个家款台套项次人名位倍]"
)


@dataclass(frozen=True, slots=True)
class Piece:
    """An answer found in a passage: document offsets, the words as written, and a date
    when the words are a relative one ("今年5月22日" -> 2024-05-22)."""

    start: int
    end: int
    text: str
    date: PartialDate | None = None


def find_piece(
    part: Part, span: Span, document: Document, mentions: Sequence[Mention]
) -> Piece | None:
    """Return the piece of the passage `span` that answers `part`, if it states one.

    Returns:
        The piece nearest the part's content words, or None when the passage holds
        nothing of the kind asked for. What- and policy-questions take the passage.
    """
    pieces = _pieces(part, span, document, mentions)
    if pieces is None:
        return _best_clause(span, part)
    if not pieces:
        return None
    focus = _focus(part, span)
    clause = next((c for c in _clauses(span) if c[0] <= focus < c[1]), (focus, focus))
    bound = part.asked_bound
    # "现在售价多少", "降到了多少": the amount a change arrived at, not the one it left
    now = bool(_NOW.search(part.text) or _ARRIVED_AT.search(part.text)) and not _LEFT_FROM.search(
        part.text
    )
    changed = bool(_CHANGE_ASKED.search(part.text))
    # a bound when one is asked for ("奖励上限": 最高2000万元, not the 10% before it); the
    # piece in the clause of the question's words ("自2024年10月12日起施行", not the 有效期
    # 至… after it); the nearest; at equal distance the one after its subject
    best = min(
        pieces,
        key=lambda piece: (
            bool(bound) and not _bounded(document.text, piece, bound),
            # "现在售价多少": "去年底售价约8万元，如今已降至约4.5万元" — the present one
            now and not _NOW_BEFORE.search(document.text, max(0, piece.start - 8), piece.start),
            # "降了多少": "降幅达97%", not the price it came down to
            changed
            and not _CHANGE_BEFORE.search(document.text, max(0, piece.start - 6), piece.start),
            not clause[0] <= piece.start < clause[1],
            abs(piece.start - focus),
            piece.start < focus,
        ),
    )
    return _with_conjoined(best, pieces, document.text) if part.has(Intent.WHO) else best


_NOW = re.compile("现在|目前|如今|当前|眼下")
_ARRIVED_AT = re.compile(
    "(?:降|升|增|提高|提升|增加|减少|扩大|下调|上调|降低|压缩)(?:到|至)了?多少"
)
_LEFT_FROM = re.compile("[从由]多少")
_CHANGE_ASKED = re.compile(
    "(?:降|涨|升|增长|下降|上涨|提高|增加|减少|降低|缩短|快)了多少|(?:增速|增幅|涨幅|降幅)(?:是|为)?多少"
    "|[多少]了(?:几|多少)"
)
_CHANGE_BEFORE = re.compile(
    "(?:降幅|增幅|涨幅|跌幅|增速|下降|增长|上涨|提高|增加|减少|降低|缩短|快了|年增|同比|环比|按年)"
    "[^，。；]{0,3}$"
)
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*[—–\-~至到]\s*(?:19|20)\d{2}")
_NOW_BEFORE = re.compile(
    "(?:现在|目前|如今|当前|眼下|现已|降至|降到|升至|增至|提高到|提升至)[^，。；]{0,4}$"
)


def _with_conjoined(best: Piece, pieces: list[Piece], text: str) -> Piece:
    """The names joined to the chosen one by 和/、/及 ("由国新基金和中国移动旗下基金联合领
    投"): who did it is all of them."""
    start, end = best.start, best.end
    for piece in sorted(pieces, key=lambda piece: -piece.start):
        if piece.end <= start and text[piece.end : start] in _NAME_JOINERS:
            start = piece.start
    for piece in sorted(pieces, key=lambda piece: piece.start):
        if piece.start >= end and text[end : piece.start] in _NAME_JOINERS:
            end = piece.end
    return best if (start, end) == (best.start, best.end) else Piece(start, end, text[start:end])


def _bounded(text: str, piece: Piece, words: tuple[str, ...]) -> bool:
    """True when the piece is written as a bound: one of `words` opens it ("最高2000万元")
    or ends right before it (a character may sit between)."""
    before = text[max(0, piece.start - 5) : piece.start]
    return any(
        piece.text.startswith(word) or before.endswith(word) or before[:-1].endswith(word)
        for word in words
    )


def _best_clause(span: Span, part: Part) -> Piece:
    """Return the clause naming most of the question's words (the last such clause: the
    statement usually comes after its topic)."""
    start, end = max(
        _clauses(span),
        key=lambda clause: (
            _hits(span.quote[clause[0] - span.start : clause[1] - span.start], part),
            clause[0],
        ),
    )
    return Piece(start, end, span.quote[start - span.start : end - span.start])


def _hits(clause: str, part: Part) -> int:
    folded = fold_width(clause)
    words = [*part.keywords, *part.premises]
    forms = [form for anchor in part.anchors for form in anchor.forms[:1]]
    return sum(word in folded for word in words) + sum(form in folded for form in forms)


def _pieces(
    part: Part, span: Span, document: Document, mentions: Sequence[Mention]
) -> list[Piece] | None:
    if part.has(Intent.WHEN):
        return _dates(span, document, part)
    if part.has(Intent.COUNT, Intent.VALUE):
        return _amounts(span, part, count_only=part.has(Intent.COUNT))
    if part.has(Intent.POLICY) and part.has(Intent.WHAT):
        return _titles(span) or None  # "依据哪份管理办法": the 《title》 the passage names
    if part.has(Intent.WHO):
        return _names(span, mentions, part) or _agents(span, part)
    if part.has(Intent.LIST):
        # "有哪些投资方": an enumeration, else the names the passage gives; "各自的长板
        # 分别是什么" asks for statements and "远征A2和灵犀X1" lists with 和: the passage
        listed = _enumerations(span) or _names(span, mentions, part, _LISTED_TYPES)
        is_pair = any(word in span.quote for word in ("和", "及", "与"))
        return listed or (None if part.has(Intent.WHAT, Intent.COMPARE) or is_pair else [])
    return None


def _titles(span: Span) -> list[Piece]:
    return [
        Piece(span.start + match.start(), span.start + match.end(), match.group())
        for match in _TITLE.finditer(span.quote)
    ]


def _dates(span: Span, document: Document, part: Part) -> list[Piece]:
    """The dates the passage states. In a document of unknown date, "今年8月" is still an
    answer, given as written: found against a stand-in year that is never reported."""
    asked = set(part.dates)
    reference = document.published or _STAND_IN_DATE
    pieces: list[tuple[Piece, bool]] = []  # with whether it is a cutoff day
    folded = fold_width(span.quote)
    for match in find_dates(folded, reference):
        written = span.quote[match.start : match.end]
        known = document.published is not None or _YEAR_WRITTEN.search(written)
        date = match.date if known else None
        if (date is None or date not in asked) and not _inside(
            match.start, _TITLED.finditer(span.quote)
        ):
            piece = Piece(span.start + match.start, span.start + match.end, written, date)
            pieces.append((piece, _CUTOFF_BEFORE.search(folded, 0, match.start) is not None))
    # "2021年12月28日，公司以截至2021年9月30日经审计的净资产…整体变更": the day a figure
    # is counted to dates no deed, unless the question asks 截至 or nothing else is dated
    keep_cutoffs = _CUTOFF_WORD.search(part.text) or all(cutoff for _, cutoff in pieces)
    kept = [piece for piece, cutoff in pieces if keep_cutoffs or not cutoff]
    version = part.version
    versions = list(VERSIONS.finditer(span.quote))
    if version and versions:
        # "上个月20日…发布了升级版…，距离其初版亮相不过三个多月": each date is the version's
        # written nearest it, and 上个月20日 is the 升级版's, not the 初版 asked about
        def nearest(piece: Piece) -> str:
            at = piece.start - span.start
            return min(versions, key=lambda found: abs(found.start() - at)).group()

        kept = [piece for piece in kept if nearest(piece) == version]
    return kept


def _inside(offset: int, matches: Iterator[re.Match[str]]) -> bool:
    return any(match.start() <= offset < match.end() for match in matches)


def _amounts(span: Span, part: Part, *, count_only: bool) -> list[Piece]:
    premises = set(part.premises)
    pieces: list[Piece] = []
    folded = fold_width(span.quote)
    counted = part.counted_word if count_only else None
    measured = part.measure_units
    for match in find_quantities(folded):
        written = span.quote[match.start : match.end]
        if written in premises or (count_only and not is_count_of(part, match.quantity.unit)):
            continue  # "一共几条" is not answered by "3家"
        if not part.admits_unit(match.quantity.unit):
            continue
        if counted and _counts_another(folded, match.end, counted):
            continue  # "两项成果" counts no 主动自由度
        pieces.append(Piece(span.start + match.start, span.start + match.end, written))
    if pieces or count_only or part.asks_money or measured or part.asks_share:
        return pieces
    return _bare_numbers(span, part)


def is_count_of(part: Part, unit: str) -> bool:
    """True when a count in `unit` answers the count the part asks for ("一共几条" is not
    answered by "3家"; "多少名研发人员" is by "约260人")."""
    asked, people = part.counted_unit, cues().people_units
    return unit in cues().count_units and (
        asked in (None, unit) or (asked in people and unit in people)
    )


def _counts_another(text: str, end: int, counted: str) -> bool:
    """True when a count is written before a noun phrase that does not name what the
    question counts ("两项成果" for 自由度); a count with its noun left out ("上海市为
    62款，") may count it."""
    following = _COUNTED_AFTER.match(text, end)
    return following is not None and counted not in following.group()


def _bare_numbers(span: Span, part: Part) -> list[Piece]:
    """Return amounts written without a unit ("超过30万", "不足两成"), outside dates and
    the question's own figures: the answer to a value question when nothing else is."""
    folded = fold_width(span.quote)
    # dates, and the names the question gives ("Codroid 01"), hold numbers that answer nothing
    taken = [(match.start, match.end) for match in find_dates(folded, None)]
    taken += [match.span() for match in _YEAR_RANGE.finditer(folded)]  # （2024—2027年）
    taken += [
        found
        for anchor in part.anchors
        for form in anchor.forms
        for found in find_all(folded, fold_width(form))
    ]
    return [
        Piece(span.start + match.start(), span.start + match.end(), match.group())
        for match in _BARE_NUMBER.finditer(folded)
        if not any(start <= match.start() < end for start, end in taken)
        and not any(match.group() in premise for premise in part.premises)
    ]


def _agents(span: Span, part: Part) -> list[Piece]:
    """Who did the deed the question asks about, as the passage puts it in the passive
    ("由台积电以7奈米制程代工" for 由谁代工): the names no mention found."""
    pieces = []
    for deed in part.keywords:
        for match in _agent_of(deed).finditer(span.quote):
            start, end = match.span("who")
            pieces.append(Piece(span.start + start, span.start + end, match["who"]))
    return pieces


@lru_cache(maxsize=256)
def _agent_of(deed: str) -> re.Pattern[str]:
    return re.compile(_AGENT + re.escape(deed))


def _names(
    span: Span,
    mentions: Sequence[Mention],
    part: Part,
    kinds: frozenset[MentionType] = frozenset({MentionType.PERSON, MentionType.ORG}),
) -> list[Piece]:
    """Return the people (for 谁, else organizations) and organizations (or other `kinds`)
    the passage names, the longest of overlapping names, leaving out what the question
    itself names."""
    asked = {form for anchor in part.anchors for form in anchor.forms}
    types = {MentionType.ORG} if part.asks_organization else kinds
    named = [
        mention
        for mention in mentions
        if mention.type in types
        and span.start <= mention.span.start
        and mention.span.end <= span.end
        and mention.normalized not in asked
        and mention.surface not in asked
    ]
    people = [mention for mention in named if mention.type is MentionType.PERSON]
    chosen = people or named
    return [
        Piece(mention.span.start, mention.span.end, mention.span.quote)
        for mention in chosen
        if not any(_contains(other.span, mention.span) for other in chosen if other is not mention)
    ]


def _contains(outer: Span, inner: Span) -> bool:
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.end - outer.start) > (inner.end - inner.start)
    )


def _enumerations(span: Span) -> list[Piece]:
    return [
        Piece(span.start + match.start(), span.start + match.end(), match.group())
        for match in _ENUMERATION.finditer(span.quote)
    ]


def _focus(part: Part, span: Span) -> int:
    """Return the document offset of the question's rarest-looking content in the passage:
    the last-found keyword, else the first anchor, else the passage start."""
    text = fold_width(span.quote)
    positions = [text.find(word) for word in part.keywords if word in text]
    positions += [
        text.find(form)
        for anchor in part.anchors
        for form in (*anchor.forms, *anchor.mentions)
        if form in text
    ]
    return span.start + (max(positions) if positions else 0)


def clause_window(span: Span, piece: Piece, part: Part) -> tuple[int, int]:
    """Return the clauses of the passage from the piece's clause out to the adjacent clauses
    that name the question's anchors or content words (document offsets)."""
    clauses = _clauses(span)
    hit = {
        index
        for index, (start, end) in enumerate(clauses)
        if _names_question(span.quote[start - span.start : end - span.start], part)
    }
    first = last = next(
        index for index, (start, end) in enumerate(clauses) if start <= piece.start < end
    )
    while first - 1 in hit:
        first -= 1
    while last + 1 in hit:
        last += 1
    start, end = clauses[first][0], max(clauses[last][1], piece.end)
    return start, end


def _clauses(span: Span) -> list[tuple[int, int]]:
    clauses, start = [], 0
    titles = list(_TITLED.finditer(span.quote))
    for match in _CLAUSE_END.finditer(span.quote):
        if any(title.start() < match.start() < title.end() for title in titles):
            continue  # "《…行动计划（2025—2027年）》" and "2025—2027年" are one name each
        end = match.end()
        while end < len(span.quote) and span.quote[end] in CLOSING_QUOTES:
            end += 1  # a closing quote ends the clause it closes
        clauses.append((span.start + start, span.start + end))
        start = end
    if start < len(span.quote):
        clauses.append((span.start + start, span.end))
    return clauses or [(span.start, span.end)]


def _names_question(clause: str, part: Part) -> bool:
    folded = fold_width(clause)
    return any(word in folded for word in part.keywords) or any(
        form in folded for anchor in part.anchors for form in anchor.forms
    )


def amounts_after(span: Span, positions: list[int]) -> list[str]:
    """Return, for each position in the passage, the first amount written after it and
    before the next position ("宇树科技占24%、智元机器人占19%"); fewer when one has none."""
    found = first_amounts(fold_width(span.quote), positions)
    return [span.quote[match.start : match.end] for match in found if match is not None]


def first_amounts(text: str, positions: Sequence[int]) -> list[QuantityMatch | None]:
    """For each position in `text`, the first amount written at or after it and before
    the next position (in any order), else None."""
    found = find_quantities(text)
    amounts = []
    for position in positions:
        limit = min((other for other in positions if other > position), default=len(text))
        amounts.append(next((m for m in found if position <= m.start < limit), None))
    return amounts


def respective_amounts(span: Span, after: int, count: int, part: Part) -> list[str]:
    """The amounts a passage gives names "respectively", in the names' order: "坤维科技和
    宇立仪器的出货量分别由2023年的约1800台和约1200台增至2024年的约4500台和约3000台" gives
    each its 2024 figure when 2024 is asked, else the last run of `count` amounts (the
    latest state); [] when the passage does not say 分别 after the names."""
    folded = fold_width(span.quote)
    at = folded.find(_RESPECTIVELY, after)
    if at < 0:
        return []
    runs: list[list[QuantityMatch]] = []
    for match in (m for m in find_quantities(folded) if m.start > at):
        if runs and _JOINER.fullmatch(folded, runs[-1][-1].end, match.start):
            runs[-1].append(match)
        else:
            runs.append([match])
    runs = [run for run in runs if len(run) == count]
    if not runs:
        return []
    years = [anchor.text for anchor in part.anchors if anchor.kind is AnchorKind.YEAR]
    starts = [at, *(run[-1].end for run in runs)]
    dated = [
        run
        for run, start in zip(runs, starts, strict=False)
        if any(year in folded[start : run[0].start] for year in years)
    ]
    chosen = dated[0] if dated else runs[-1]
    return [span.quote[match.start : match.end] for match in chosen]
