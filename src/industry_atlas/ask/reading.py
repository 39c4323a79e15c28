"""Answers read out of passages: the retrieval path, used when no fact answers a part.

Part of ask; imports core and the ask helpers beside it. A passage answers a part only
when it names every anchor, shares enough of the question's content and holds a piece of
the kind asked for (a date, an amount, a name, an enumeration); the answer quotes the
clauses that state it. Otherwise the best passages are only related.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from industry_atlas.ask.compose import Finding, format_date, quoted
from industry_atlas.ask.cues import cues, equivalents, is_event_word
from industry_atlas.ask.extraction import (
    Piece,
    amounts_after,
    clause_window,
    find_piece,
    is_count_of,
    respective_amounts,
)
from industry_atlas.ask.question import SPECIFIC_KINDS, AnchorKind, Intent, Part, listed_names
from industry_atlas.ask.retrieval import HE_SAID, SENTENCE_END, Candidate, PassageSearch
from industry_atlas.core.models import Span
from industry_atlas.core.protocols import AskReader
from industry_atlas.core.search import passage_spans
from industry_atlas.core.text import find_all, fold_width
from industry_atlas.normalize.numbers import find_quantities
from industry_atlas.normalize.regions import region_index

METHOD = "retrieval:passage"
MIN_COVERAGE = 0.5
MIN_COVERAGE_UNTYPED = 0.65
MIN_OWN_COVERAGE = 0.3
READ_DEPTH = 8
WHOLE_PASSAGE_CHARS = 80
# the words a question repeats right before what it asks ("现在更要补" of "现在更要补什么")
_STEM = re.compile(r"(?P<stem>[\u4e00-\u9fff]{4,10})(?:什么|啥)$")
_QUOTE_REACH = 300  # characters a quotation may go on past its first sentence
_BACK_REFERENCES = ("在此", "于此", "此处", "该处")
_LIST_CUE = re.compile("有哪些|哪些|哪几|哪[两三四五六七八2-8]")
_FIRST_ITEM = re.compile("一是|其一|第一，")
_NEXT_ITEM = re.compile(r"\s*(?:[二三四五六七八九十]是|其[二三四五六]|第[二三四五六七八]，)")
_NAMES_ENOUGH = 2
_READ_ON_REACH = 120  # characters the answer's sentence may go on for a follow-up
_CLAUSE_BREAK = re.compile("[，,；;：:]")
_ASKED_AMOUNT = re.compile("(?:是|为|有|达到?)?多少")
_EACH_MATCH = 0.7  # of the best passage's match, for one naming every name asked
_MEASURE_COVERAGE = 0.8  # of the best passage's coverage, for one stating the measure asked
_WHICH_WORDS = ("哪个", "哪座", "哪所", "哪一个")
_SHARE_BASE = re.compile(r"占[^，,。；;]*$")  # "占营业" before 收入: a share's base
_SHARE_REACH = 6
_MEASURE = re.compile(  # "旗舰版的总参数是多少": 总参数, not 旗舰版的总参数
    r"(?:^|(?<=[，,、的]))(?P<measure>(?:(?!的)[\u4e00-\u9fff]){2,8}?)(?:是|为|有|达到?)?多少"
)


def read_answer(part: Part, candidates: list[Candidate], store: AskReader) -> Finding | None:
    """Return the answer the best passage states for `part`, or None.

    Args:
        part: the sub-question.
        candidates: scored passages, best first (from `PassageSearch.candidates`).
        store: for the mentions (people, organizations) found in a passage's document.
    """
    verbs = [word for word in part.keywords if is_event_word(word)] if part.has(Intent.WHEN) else []
    # "哪家机构领投的": a passage saying who led, not one naming the round (融资) only
    # "哪两家单位共同主办": organizations listed are asked for as "who" is
    asks_who = part.has(Intent.WHO) or (
        part.has(Intent.LIST) and any(word in part.text for word in cues().organization_words)
    )
    deeds = (
        [v for v in cues().acted_verbs if any(w.startswith(v) for w in part.keywords)]
        if asks_who
        else []
    )  # 领投方 asks who did 领投
    listed = _listed_noun(part)
    ranked = candidates[:READ_DEPTH]
    if listed:  # "有哪些新平台揭牌": a passage naming 平台 lists them, before one that does not
        ranked = sorted(ranked, key=lambda candidate: listed not in candidate.span.quote)
    measure = _asked_measure(part)
    if measure and ranked:
        # "总参数量是多少": a passage stating 总参数量 and sharing as much of the question
        # goes before one that only names the model more directly; so does one sharing
        # nearly as much and naming what is asked about as surely ("…产值突破1,500亿元")
        top = ranked[0]

        def states_measure(c: Candidate) -> bool:
            shares = c.coverage >= top.coverage or (
                c.coverage >= top.coverage * _MEASURE_COVERAGE and c.anchoring >= top.anchoring
            )
            return shares and _states(measure, fold_width(c.span.quote))

        ranked = sorted(ranked, key=lambda c: not states_measure(c))
    asked = _STEM.search(part.text) if part.has(Intent.WHAT) else None
    stem = asked["stem"] if asked else None
    restating = {c.span for c in ranked if stem and stem in fold_width(c.span.quote)}
    if restating:  # "过去补的是设备，现在更要补什么": a passage going on from 现在更要补 says it
        ranked = sorted(ranked, key=lambda c: c.span not in restating)
    if part.has(Intent.PLACE):  # "杭州…核心区是哪个区": a passage naming a place in 杭州 first
        ranked = sorted(ranked, key=lambda c: not _names_place_within(part, c.span.quote))
    if part.superlative:  # "哪款自由度最少": the passage saying which is 最少 goes first
        ranked = sorted(ranked, key=lambda c: not states_superlative(part, c.span.quote))
    for candidate in ranked:
        restated = candidate.span in restating
        if candidate.coverage < _min_coverage(part, candidate) and not restated:
            continue
        if candidate.span.quote.rstrip().endswith(("？", "?")):
            # "每经记者：目前四足机器人主要用在哪些场景？" asks; the passage after answers
            answer = _passage_after(candidate.document.text, candidate.span)
            if answer is None:
                continue
            candidate = replace(candidate, span=answer)
        if verbs and not any(
            form in candidate.span.quote for v in verbs for form in equivalents(v)
        ):
            continue  # a date beside another verb dates another event (出台, not 施行)
        if deeds and not any(deed in candidate.span.quote for deed in deeds):
            continue
        mentions = store.mentions_of(candidate.span.doc_id)
        piece = (
            _going_on_from(candidate.span, stem)
            if stem is not None and restated
            else find_piece(part, candidate.span, candidate.document, mentions)
        )
        if piece is not None:
            return _finding(part, candidate, piece)
    return None


def _quote_end(text: str, start: int, end: int) -> int:
    """Where a quotation the window opens and does not close ends: a view quoted over
    several sentences ("…现金流底子。说白了，这家公司饿不死，…。”") is read whole."""
    if text.count("“", start, end) <= text.count("”", start, end):
        return end
    close = text.find("”", end)
    return close + 1 if 0 <= close - end <= _QUOTE_REACH else end


def _view_goes_on(text: str, end: int) -> int:
    """Where a view ends that the next sentence goes on with: "严启明则给行业“泼了点冷水”。
    他认为，…真正的瓶颈在操作…" is read to the end of 他认为."""
    following = next(iter(_passages_after(text, end)), None)
    if following is None or "\n" in text[end : following[0]]:
        return end
    return following[1] if HE_SAID.match(text, following[0]) else end


def _going_on_from(passage: Span, stem: str) -> Piece:
    """What the passage says on from the words a question restates, to the end of their
    sentence ("现在更要补数据、补场景，让机器人在真实产线上‘练手’。")."""
    quote = fold_width(passage.quote)
    start = quote.index(stem)
    end = SENTENCE_END.search(quote, start)
    stop = end.end() if end else len(quote)
    return Piece(passage.start + start, passage.start + stop, passage.quote[start:stop])


def related_passages(search: PassageSearch, part: Part, count: int = 3) -> list[Span]:
    """Return the passages closest to a part that the search found (not answers)."""
    return [candidate.span for candidate in search.candidates(part)[:count]]


def _min_coverage(part: Part, candidate: Candidate) -> float:
    """A passage answers with half the question's content when it holds a piece of the
    kind asked for, or names everything specific the question names itself; otherwise
    it must share more of it."""
    typed = (
        Intent.WHEN,
        Intent.COUNT,
        Intent.VALUE,
        Intent.WHO,
        Intent.QUOTE,
        Intent.LIST,
        Intent.PLACE,
    )
    specific = sum(anchor.kind in SPECIFIC_KINDS for anchor in part.anchors)
    passage = fold_width(candidate.span.quote)
    named = sum(
        anchor.kind in SPECIFIC_KINDS and any(form in passage for form in anchor.forms)
        for anchor in part.anchors
    )
    if named >= _NAMES_ENOUGH and not candidate.distant:
        # "李大海提出的“密度法则”指什么": naming both is what matters, the rest (the
        # 世界人工智能大会 the 商汤科技 release was at) may be said around the passage
        return 0.0
    if candidate.own_coverage < MIN_OWN_COVERAGE and not named:
        # its neighbours say what the question says, the passage itself does not; one
        # naming what is asked about ("旋风小子由北京理工大学团队研制") is about it
        return 1.1
    if states_superlative(part, candidate.span.quote) or _names_one_of_kind(part, passage):
        # "众擎SA01…是四款中最便宜的" says which, "…北人亦创国际会展中心开幕" names the
        # 会展中心 asked for: either is what is asked, sharing few other words
        return MIN_OWN_COVERAGE
    names_all = candidate.anchoring == 1.0 and specific > 0
    # "发布了哪份宣言": a passage naming a title 《…》 holds what a document question asks
    names_policy = (part.has(Intent.POLICY) or "哪份" in part.text) and "《" in candidate.span.quote
    return MIN_COVERAGE if part.has(*typed) or names_all or names_policy else MIN_COVERAGE_UNTYPED


def _names_one_of_kind(part: Part, passage: str) -> bool:
    """True when the part asks which one of a kind ("哪个会展中心") and the passage names
    one ("北人亦创国际会展中心"); a kind of organization is asked by who-questions."""
    kinds = [
        word
        for word in part.keywords
        if word not in cues().organization_kinds
        and any(f"{which}{word}" in part.text for which in _WHICH_WORDS)
    ]
    return any(re.search(rf"[\u4e00-\u9fff]{{2,}}{re.escape(kind)}", passage) for kind in kinds)


def _names_place_within(part: Part, passage: str) -> bool:
    """True when a passage names a place inside the region the part names (滨江区 for
    杭州), or, when it names none, a place it does not name itself."""
    index = region_index()
    asked = [a.region for a in part.anchors if a.kind is AnchorKind.REGION and a.region]
    for found in index.find(fold_width(passage)):
        if all(found.region.code != region.code for region in asked) and all(
            index.contains(region, found.region) for region in asked
        ):
            return True
    return False


def states_superlative(part: Part, passage: str) -> bool:
    """True when a passage says the superlative the part asks for (最少, or 领跑 for 最快)."""
    superlative = part.superlative
    if superlative is None:
        return False
    folded = fold_width(passage)
    return any(form in folded for form in equivalents(superlative))


def _finding(part: Part, candidate: Candidate, piece: Piece) -> Finding:
    passage = candidate.span
    is_short = part.has(Intent.WHEN, Intent.COUNT, Intent.VALUE, Intent.WHO)
    text = candidate.document.text
    # a view is read whole, however long ("…表示，目前…，…") ; other long passages are cut
    is_view = part.has(Intent.QUOTE)
    if is_short or (len(passage.quote) > WHOLE_PASSAGE_CHARS and not is_view):
        start, end = clause_window(passage, piece, part)
    else:
        start, end = passage.start, passage.end  # a statement reads best whole
    if not is_short and any(word in text[start:end] for word in _BACK_REFERENCES):
        # "…均在此开展测试" needs the words naming 此: the passage, or the one before
        start = passage.start if start > passage.start else _previous_start(text, passage)
    if not is_short and end == passage.end:
        end = _next_end_naming(text, passage, _unnamed(part, text[start:end]))
        end = _enumeration_end(text, start, end)
    if not is_short:
        end = _quote_end(text, start, end)
    if is_view:
        end = _view_goes_on(text, end)
    window = Span(passage.doc_id, start, end, text[start:end])
    lead = piece.text if is_short and (piece.start, piece.end) != (start, end) else ""
    if piece.date is not None and format_date(piece.date) != piece.text:
        lead += f"（{format_date(piece.date)}）"
    statement = f"{lead}——{quoted(window.quote)}" if lead else quoted(window.quote)
    return Finding(statement, (window,), METHOD)


def _states(measure: str, passage: str) -> bool:
    """True when a passage states the measure, not only as the base of a share
    ("研发开支为4.37亿元，占收入的28.3%" states no 收入)."""
    return any(
        not _SHARE_BASE.search(passage, max(0, start - _SHARE_REACH), start)
        for start, _ in find_all(passage, measure)
    )


def _asked_measure(part: Part) -> str | None:
    """The measure a value question names right before asking it ("总参数量是多少" ->
    总参数量), when it is a word of its own, not a pronoun or a question word."""
    if not part.has(Intent.VALUE):
        return None
    found = _MEASURE.search(part.text)
    if found is not None:
        return found["measure"]
    # "…关键零组件产值达到多少": the question's last word before it, when no comma or 的
    # sets the measure apart
    asked = _ASKED_AMOUNT.search(part.text)
    before = part.text[: asked.start()] if asked else ""
    return next((word for word in part.keywords if len(word) >= 2 and before.endswith(word)), None)


def _listed_noun(part: Part) -> str | None:
    """The noun a list question asks for: its first content word after the list cue
    ("有哪些新平台" -> 平台, "哪几条主线" -> 主线)."""
    if not part.has(Intent.LIST):
        return None
    cue = _LIST_CUE.search(part.text)
    if cue is None:
        return None
    after = [(part.text.find(word, cue.end()), word) for word in part.keywords]
    return min(((at, word) for at, word in after if at >= 0), default=(0, None))[1]


def _enumeration_end(text: str, start: int, end: int) -> int:
    """Where an enumeration begun in `text[start:end]` ("一是执行器总成…；") ends: after the
    next passages of its paragraph that go on with it ("二是…；三是…。")."""
    if not _FIRST_ITEM.search(text, start, end):
        return end
    for following_start, following_end in _passages_after(text, end):
        if "\n" in text[end:following_start] or not _NEXT_ITEM.match(text, following_start):
            break
        end = following_end
    return end


def _passage_after(text: str, passage: Span) -> Span | None:
    """The passage that follows `passage` in its document, if any."""
    following = next(iter(_passages_after(text, passage.end)), None)
    if following is None:
        return None
    start, end = following
    return Span(passage.doc_id, start, end, text[start:end])


def _passages_after(text: str, offset: int) -> list[tuple[int, int]]:
    """The passages of `text` that start at or after `offset`, in order."""
    return [span for span in passage_spans(text) if span[0] >= offset]


def _previous_start(text: str, passage: Span) -> int:
    """Return where the passage before this one in its paragraph starts, else where this
    one starts."""
    spans = passage_spans(text)
    index = (
        spans.index((passage.start, passage.end)) if (passage.start, passage.end) in spans else 0
    )
    if index and "\n" not in text[spans[index - 1][1] : passage.start]:
        return spans[index - 1][0]
    return passage.start


def _unnamed(part: Part, window: str) -> list[str]:
    """Return the first form of each entity or region anchor the window does not name."""
    kinds = (AnchorKind.ENTITY, AnchorKind.REGION)
    return [
        anchor.forms[0]
        for anchor in part.anchors
        if anchor.kind in kinds and not any(form in window for form in anchor.forms)
    ]


def _next_end_naming(text: str, passage: Span, names: list[str]) -> int:
    """Return the end of the next passage of the paragraph when it names all of `names`
    ("两地面临的共同短板同样明显。" is followed by who said which), else the passage's end."""
    if not names:
        return passage.end
    after = _passages_after(text, passage.end)
    if not after or "\n" in text[passage.end : after[0][0]]:
        return passage.end
    following = text[after[0][0] : after[0][1]]
    return after[0][1] if all(name in following for name in names) else passage.end


def read_each(part: Part, candidates: list[Candidate], _store: AskReader) -> Finding | None:
    """Answer "A、B、C各占多少" from a passage naming every one of them: for each, the
    amount written after its name (before the next one's)."""
    names = listed_names(part)
    if not part.has(Intent.VALUE, Intent.COUNT) or len(names) < _NAMES_ENOUGH:
        return None
    best = max((candidate.match for candidate in candidates), default=0.0)
    for candidate in candidates[:READ_DEPTH]:
        text = candidate.span.quote
        positions = [_position(anchor.forms, text) for anchor in names]
        # naming them all is not enough where the passage matches the question far worse
        # than the best one: "截至3月31日，深圳…89款，广州…61款" does not answer
        # 截至2月底, which each name's own passage may
        if any(position < 0 for position in positions) or candidate.match < best * _EACH_MATCH:
            continue
        amounts = respective_amounts(candidate.span, max(positions), len(names), part) or (
            amounts_after(candidate.span, sorted(positions))
        )
        if len(amounts) == len(names):
            order = sorted(range(len(names)), key=lambda i: positions[i])
            lines = [f"{names[i].text}：{amount}" for i, amount in zip(order, amounts, strict=True)]
            return Finding("；".join(lines), (candidate.span,), METHOD)
    return None


def _position(forms: tuple[str, ...], text: str) -> int:
    found = [text.find(form) for form in forms if form in text]
    return min(found) if found else -1


def read_on(part: Part, follows: Sequence[Span], text_of: Callable[[str], str]) -> Finding | None:
    """A follow-up the passages word otherwise is answered by what the answer's sentence
    goes on to say, in a clause sharing a character with what the follow-up asks: its
    next amount ("净募资大约多少" after the placing price: "集资净额约27.2亿港元"), or for a
    what-question the clause itself ("最大的难点在哪": 难的是“大脑”)."""
    amount = part.has(Intent.COUNT, Intent.VALUE)
    if not follows or part.names_its_own or not part.keywords:
        return None  # a part naming something of its own is about that
    if not amount and not part.has(Intent.WHAT):
        return None
    last = max(follows, key=lambda span: span.end)
    text = text_of(last.doc_id)
    end = SENTENCE_END.search(text, last.end, last.end + _READ_ON_REACH)
    window = fold_width(text[last.end : end.start() + 1 if end else last.end])
    asked = set("".join(part.keywords))
    read = _amount_read_on(part, window, asked) if amount else _clause_read_on(window, asked)
    if read is None:
        return None
    start, stop, lead = last.end + read[0], last.end + read[1], read[2]
    said = quoted(text[start:stop])
    return Finding(
        f"{lead}——{said}" if lead else said,
        (Span(last.doc_id, start, stop, text[start:stop]),),
        METHOD,
    )


def _amount_read_on(part: Part, window: str, asked: set[str]) -> tuple[int, int, str] | None:
    """The first amount of the window the part admits, in a clause sharing its words."""
    counts = part.has(Intent.COUNT)
    for match in find_quantities(window):
        clause_start = max(
            (m.end() for m in _CLAUSE_BREAK.finditer(window, 0, match.start)), default=0
        )
        clause_end = _CLAUSE_BREAK.search(window, match.end)
        clause = window[clause_start : clause_end.start() if clause_end else len(window)]
        unit = match.quantity.unit
        fits = is_count_of(part, unit) if counts else part.admits_unit(unit)
        if fits and asked & set(clause):  # "够装多少台整机": "可满足约8000台…整机"
            return clause_start, match.end, window[match.start : match.end]
    return None


def _clause_read_on(window: str, asked: set[str]) -> tuple[int, int, str] | None:
    """The first clause of the window sharing the part's words."""
    start = 0
    for found in [*_CLAUSE_BREAK.finditer(window), None]:
        stop = found.start() if found else len(window)
        clause = window[start:stop].strip("，,；;：: ")
        if len(clause) > 1 and asked & set(clause):
            return start, stop, ""
        start = found.end() if found else stop
    return None
