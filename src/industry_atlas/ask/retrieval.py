"""Passage retrieval: BM25 over the passage index, then a check of what each passage names.

Part of ask; imports core, normalize and the ask helpers beside it. The store's FTS5 index
ranks passages by BM25 over character bigrams; each candidate is then scored on the
question's anchors (every one must be named in the passage, its paragraph or the
document title — a year also through the dates the passage states) and on how much of
the question's content (weighted by rarity) it shares. A passage naming another region
than the one asked about is not about it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from industry_atlas.ask.cues import cues, equivalents, expand_abbreviations
from industry_atlas.ask.question import SPECIFIC_KINDS, Anchor, AnchorKind, Intent, Part
from industry_atlas.core.models import Document, Passage, Span
from industry_atlas.core.protocols import AskReader
from industry_atlas.core.search import passage_spans, search_terms
from industry_atlas.core.text import find_all, fold_width, is_cjk
from industry_atlas.normalize.dates import find_dates
from industry_atlas.normalize.regions import region_index

SEARCH_DEPTH = 60
WORDS_DEPTH = 30  # passages found by the question's words alone, besides its names
TITLED_DEPTH = 3  # documents, best found first, whose every line a title naming it adds
ANCHOR_SHARE = 0.5
# BM25 scores every passage holding a query term: the rarest terms, up to this many
# postings, find the same passages as all of them, without scoring half the corpus.
POSTINGS_BUDGET = 5_000
MIN_ATTAINABLE = 0.5
MAX_QUERY_TERMS = 16
CONTEXT_WEIGHT = 0.5
_IN_PASSAGE = 1.0
_IN_CONTEXT = 0.7
_UNDATED = 0.5
_CHARS_BEFORE, _CHARS_AFTER = 120, 60
_BLANK_LINE = re.compile(r"\n\s*\n")
_CODE = re.compile(r"[A-Za-z][A-Za-z\-.]*\d[\w.\-]*")
_HEADING = 0.8
_COMPARED_YEAR = re.compile(
    r"[，,；;]\s*(?:19|20)\d{2}年(?:同期)?为|(?:较|比|相比|由|从)(?:19|20)\d{2}年(?:同期)?的?"
)  # "，2024年为7.91亿元", "较2024年下降", "由2024年的27.4%提升至31.7%"
_INNER_QUOTES = re.compile("[‘’「」『』]")
_SETTING_KINDS = frozenset({AnchorKind.REGION, AnchorKind.YEAR})
_WIDER_PLACES = ("全国", "国内", "我国", "中国", "全球", "全世界", "海外", "国外")
_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "；", ";", "”", "」", "…", "）")
_IN_DOCUMENT = 0.4
_NAMED = frozenset({AnchorKind.ENTITY, AnchorKind.QUOTED, AnchorKind.CODE})
_SUBREGION = 0.8
_OTHER_MONTH = 0.6
_MONTH = re.compile(r"(?<!\d)(1[0-2]|0?[1-9])月")
_YEAR_END = re.compile(r"\d{4}年(?:底|末)")
_ASKED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年)")
_TITLE_PERIOD = "（"
_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})年?$")
_BACK_REFERENCE = re.compile(
    "(?:本轮|此轮|该轮|这轮|本次|此次|本届|领投方|跟投方)"
)  # 领投方为…: of the round before
# "他认为，…": the view of the person the sentence before named
HE_SAID = re.compile(
    "[他她](?:还|也|则|进一步)?(?:认为|表示|指出|说|介绍|坦言|透露|强调|建议|提到)"
)
_BYLINE_CHARS = 200
_BYLINE_LINE_CHARS = 40
_DATE_DIGITS = re.compile(r"\d")
_REFERENCE_CHAIN = 3  # sentences a chain of 本轮… may go back
SENTENCE_END = re.compile("[。！？；\n]")
_GAPPED_SHARE = 0.8
_THIS_POLICY = re.compile("本(?:方案|计划|办法|措施|意见|政策|细则|规划|通知)")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A passage scored against one part of a question.

    `coverage` is the rarity-weighted share of the question's content words the passage
    holds, its neighbours counting half (0..1); `own_coverage` the same without the
    neighbours; `anchoring` the mean of how directly it names each anchor (0 when it
    misses one); `distant` holds the anchors it names neither in the passage nor around
    it, only elsewhere in its document.
    """

    span: Span
    document: Document
    coverage: float
    anchoring: float
    rank: float
    own_coverage: float = 0.0
    distant: frozenset[str] = frozenset()

    @property
    def match(self) -> float:
        """How well the passage matches: content first, then how directly it names the
        anchors."""
        return ANCHOR_SHARE * self.anchoring + self.coverage

    @property
    def score(self) -> float:
        """The overall relevance: the match; BM25 breaks ties."""
        return self.match + 0.01 * self.rank


class PassageSearch:
    """Finds and scores the passages that could answer a part of a question (results and
    documents are cached for the life of the search: one question)."""

    def __init__(self, store: AskReader) -> None:
        """Search `store`'s passage index."""
        self._store = store
        self._documents: dict[str, Document] = {}
        self._bylines: dict[str, str] = {}
        self._found: dict[tuple[Part, tuple[Span, ...]], list[Candidate]] = {}

    def document(self, doc_id: str) -> Document:
        """Return a stored document."""
        if doc_id not in self._documents:
            self._documents.update(self._store.get_documents([doc_id]))
        return self._documents[doc_id]

    def text_of(self, doc_id: str) -> str:
        """Return a stored document's text."""
        return self.document(doc_id).text

    def candidates(self, part: Part, after: Sequence[Span] = ()) -> list[Candidate]:
        """Return the passages naming every anchor of `part`, best first; with `after`
        (the answer to the part before), the passages holding it are weighed too, though
        the part's own words may not find them ("…产量有多少？增速多少？": the sentence
        stating the output goes on "增长22.5%")."""
        key = (part, tuple(after))
        if key not in self._found:
            self._found[key] = self._search(part, after)
        return self._found[key]

    def _search(self, part: Part, after: Sequence[Span] = ()) -> list[Candidate]:
        words = [*part.keywords, *part.premises]
        anchors = [form for anchor in part.anchors for form in anchor.forms[:1]]
        synonyms = {word: cues().synonyms[word] for word in words if word in cues().synonyms}
        looked_up = [*words, *synonyms.values(), *part.context_words, *part.unknown_words]
        forms = [form for word in looked_up for form in equivalents(word)]
        total, frequency = self._store.passage_frequencies(
            [term for word in [*forms, *anchors] for term in search_terms(word)]
        )
        # "市盈率" where the sources write only the table's "PE": search for what they write
        words = [
            synonyms[word] if word in synonyms and _unmentioned([word], frequency) else word
            for word in words
        ]
        written = {
            word: _written_form(word, frequency)
            for word in dict.fromkeys([*words, *part.context_words])
        }
        weights = _weights(written, total, frequency)
        if _unmentioned(part.unknown_words, frequency):
            return []  # the question names something no document mentions
        own = {word: weights[word] for word in words}  # the other parts' words may go unsaid
        if _attainable(own, written, frequency) < MIN_ATTAINABLE:
            return []  # most of what the question says, no passage says
        for word in part.context_words:
            weights[word] *= CONTEXT_WEIGHT
        said = [written[word] for word in words]
        terms = _query_terms([*said, *anchors], total, frequency)
        passages = self._store.search_passages(terms, SEARCH_DEPTH)
        if anchors and said:
            # a policy's long title has many terms: the passages naming it can crowd out
            # the one saying what is asked ("…但人形机器人整机企业仅有3家") in that document
            seen = {passage.span for passage in passages}
            more = self._store.search_passages(_query_terms(said, total, frequency), WORDS_DEPTH)
            passages += [passage for passage in more if passage.span not in seen]
        missing = {passage.span.doc_id for passage in passages} - set(self._documents)
        self._documents.update(self._store.get_documents(sorted(missing)))
        # the passage holding the answer before goes on too ("…约62亿元，同比增长118.3%；
        # 预计2030年将达到858亿元": the follow-up's figure is in the next passage)
        passages += self._holding(after, passages)
        passages = [*passages, *self._going_on(passages)]
        passages += self._titled(part, passages)
        months = _asked_months(part)
        found = [self._score(p.span, p.rank, part, weights, months) for p in passages]
        return sorted((c for c in found if c is not None), key=lambda c: -c.score)

    def _score(
        self, span: Span, rank: float, part: Part, weights: dict[str, float], months: set[int]
    ) -> Candidate | None:
        document = self.document(span.doc_id)
        # "本轮由高瓴创投领投" goes on from the sentence that named the round: its words count
        where = Surroundings(
            expand_abbreviations(_referred_sentence(document, span) + fold_width(span.quote)),
            expand_abbreviations(fold_width(self._neighbourhood(document, span))),
            expand_abbreviations(fold_width(document.title)),
        )
        levels = _with_setting(
            part.anchors,
            [_anchor_level(anchor, where, document) for anchor in part.anchors],
            document,
            where.passage,
        )
        if _rejects(part, levels, where):
            return None
        anchoring = sum(levels) / len(levels) if levels else _IN_CONTEXT
        if _names_subregion(part.anchors, where.passage):
            anchoring *= _SUBREGION
        if document.doc_id not in self._bylines:
            self._bylines[document.doc_id] = _byline(document)
        context = f"{where.paragraph}\n{where.title}\n{self._bylines[document.doc_id]}"
        found = coverage(weights, where.passage, context)
        own = coverage(weights, where.passage, "")
        if not where.passage.rstrip().endswith(_SENTENCE_ENDS):
            found *= _HEADING  # a headline or dateline names things, a sentence states them
        if _other_month(months, where.passage, document, _asked_years(part)):
            found *= _OTHER_MONTH
        distant = frozenset(
            anchor.text
            for anchor, level in zip(part.anchors, levels, strict=True)
            if level == _IN_DOCUMENT
            and not any(short in where.passage for short in anchor.mentions)
        )  # "G1坚持了112分钟" speaks of the 宇树G1 named in the paragraph before: not distant
        return Candidate(span, document, found, anchoring, rank, own, distant)

    def _going_on(self, passages: Sequence[Passage]) -> list[Passage]:
        """The sentences right after found passages that go on about what they said ("…已
        完成7.2亿元B+轮融资。本轮由高瓴创投领投"), which a search for the question's words
        may rank too low to find: they name the round's company only before."""
        seen = {(passage.span.doc_id, passage.span.start) for passage in passages}
        found = []
        for passage in passages:
            span = _next_sentence(self.document(passage.span.doc_id), passage.span.end)
            if span is not None and (span.doc_id, span.start) not in seen:
                seen.add((span.doc_id, span.start))
                found.append(Passage(span, passage.rank))
        return found

    def _titled(self, part: Part, passages: Sequence[Passage]) -> list[Passage]:
        """Every passage of the documents whose title names what the part asks about
        (擎川机器人's annual results): their lines may state its figures without naming it
        ("· 收入为人民币15.42亿元…"), which a search for the name cannot find."""
        forms = [form for anchor in part.anchors if anchor.kind in _NAMED for form in anchor.forms]
        seen = {(passage.span.doc_id, passage.span.start) for passage in passages}
        found = []
        documents = list(dict.fromkeys(passage.span.doc_id for passage in passages))
        for doc_id in documents[:TITLED_DEPTH]:
            document = self.document(doc_id)
            if not any(form in document.title for form in forms):
                continue
            for start, end in passage_spans(document.text):
                if (doc_id, start) not in seen:
                    quote = document.text[start:end]
                    found.append(Passage(Span(doc_id, start, end, quote), 0.0))
        return found

    def _holding(self, spans: Sequence[Span], passages: Sequence[Passage]) -> list[Passage]:
        """The passages holding `spans` that the search did not find."""
        seen = {(passage.span.doc_id, passage.span.start) for passage in passages}
        found = []
        for span in spans:
            text = self.document(span.doc_id).text
            for start, end in passage_spans(text):
                if start <= span.start < end and (span.doc_id, start) not in seen:
                    seen.add((span.doc_id, start))
                    found.append(Passage(Span(span.doc_id, start, end, text[start:end]), 0.0))
        return found

    def _neighbourhood(self, document: Document, span: Span) -> str:
        """Return the text around a passage (about two sentences before it, one after)
        within its block of text, up to a blank line: what "该公司", "此" and an omitted
        subject refer to, also in hard-wrapped text where every line ends in a break."""
        text = document.text
        blocks = [match.end() for match in _BLANK_LINE.finditer(text, 0, span.start)]
        start = max(blocks[-1] if blocks else 0, span.start - _CHARS_BEFORE)
        after = _BLANK_LINE.search(text, span.end)
        end = min(after.start() if after else len(text), span.end + _CHARS_AFTER)
        return text[start:end]


_GOES_ON = re.compile("预计|有望|将|并|同比|环比")  # a clause going on with no subject


def _byline(document: Document) -> str:
    """The short lines under the title, before the first sentence, that say who wrote it
    ("东吴证券研究所　机械设备行业深度报告"): what "东吴证券报告里" refers to. Not a
    date's year: a publication date is no event's."""
    text = document.text
    start = len(document.title) if text.startswith(document.title) else 0
    lines = []
    for line in text[start : start + _BYLINE_CHARS].splitlines():
        if SENTENCE_END.search(line) or len(line) > _BYLINE_LINE_CHARS:
            break
        lines.append(line)
    return fold_width(_DATE_DIGITS.sub("", "\n".join(lines)))


def _next_sentence(document: Document, position: int) -> Span | None:
    """The sentence starting at `position` (past blanks), when it opens by referring back."""
    text = document.text
    start = position
    while start < len(text) and text[start].isspace():
        start += 1
    if not _BACK_REFERENCE.match(text, start):
        return None
    end = SENTENCE_END.search(text, start)
    return Span.of(document, start, end.end() if end else len(text))


def _referred_sentence(document: Document, span: Span) -> str:
    """The sentences before a passage that refers back near its start (本轮, 此次, 他认为)
    or goes on from a semicolon with no subject of its own — back through a chain of such
    sentences — else ""."""
    text = document.text
    referred, start = "", span.start
    # "…完成数亿元B轮融资。本轮由…领投。知情人士透露，本轮投后估值…": back to the round
    for _ in range(_REFERENCE_CHAIN):
        if not (
            _BACK_REFERENCE.search(text, start, min(start + 12, len(text)))
            or HE_SAID.match(text, start)
            # "…市场规模约62亿元；预计2030年将达到858亿元": the sentence goes on, subjectless
            or (text[start - 1 : start] in {"；", ";"} and _GOES_ON.match(text, start))
        ):
            break
        end = start
        while end > 0 and (text[end - 1] in _SENTENCE_ENDS or text[end - 1].isspace()):
            end -= 1
        start = max((text.rfind(mark, 0, end) for mark in "。！？\n"), default=-1) + 1
        referred = text[start:end] + referred
    return fold_width(referred)


def _rejects(part: Part, levels: list[float], where: Surroundings) -> bool:
    """True when a passage cannot answer the part whatever its words: it misses an anchor,
    is about another region or model, or (when or by whom a policy was issued) does not
    name the policy."""
    if any(level == 0 for level in levels) or _names_other_region(part.anchors, where.passage):
        return True
    pairs = list(zip(part.anchors, levels, strict=True))
    if part.has(Intent.WHEN, Intent.WHO) and any(
        anchor.kind is AnchorKind.TITLE and level < _IN_PASSAGE for anchor, level in pairs
    ):
        return True
    if _CODE.search(where.passage) and any(
        _CODE.fullmatch(anchor.text) and level < _IN_CONTEXT for anchor, level in pairs
    ):
        return True  # "Qwen3的预训练数据量" is not about the Qwen2.5-Max asked about
    return (
        part.has(Intent.COUNT, Intent.VALUE)
        and _names_subregion(part.anchors, where.passage)
        and _leads_with_subregion(part, where)
    )  # a figure of 海淀区 is no figure of the 北京市 asked about


@dataclass(frozen=True, slots=True)
class Surroundings:
    """A passage, the passages around it and its document's title (width-folded)."""

    passage: str
    paragraph: str
    title: str


def _weights(written: dict[str, str], total: int, frequency: dict[str, int]) -> dict[str, float]:
    """Weigh each content word by the rarity of the bigrams of the form the passages write
    it in (inverse passage frequency)."""
    weights = {}
    for word, form in written.items():
        terms = search_terms(form)
        idfs = [math.log((total + 1) / (frequency.get(t, 0) + 0.5)) for t in terms]
        weights[word] = max(sum(idfs) / len(idfs), 0.1) if idfs else 0.1
    return weights


def _unmentioned(words: Sequence[str], frequency: dict[str, int]) -> bool:
    """True when some word has most of its bigrams in no passage: nothing mentions it."""
    for word in words:
        terms = search_terms(word)
        if terms and sum(term not in frequency for term in terms) * 2 > len(terms):
            return True
    return False


def _query_terms(words: Sequence[str], total: int, frequency: dict[str, int]) -> list[str]:
    """Return the rarest terms of the question for the BM25 query: common bigrams (机器,
    人形) match most passages of a large corpus and would only make the search slow."""
    terms = sorted(  # by rarity, then by the term: the same query whatever the hash seed
        {term for word in words for term in search_terms(word) if term in frequency},
        key=lambda term: (frequency[term], term),
    )
    chosen: list[str] = []
    postings = 0
    for term in terms[:MAX_QUERY_TERMS]:
        postings += frequency[term]
        if postings > POSTINGS_BUDGET and chosen:
            break
        chosen.append(term)
    return chosen


def _attainable(
    weights: dict[str, float], written: dict[str, str], frequency: dict[str, int]
) -> float:
    """Return the best coverage any passage could reach: the weight of the words (their
    share of bigrams) that some passage holds."""
    total = sum(weights.values())
    held = 0.0
    for word, weight in weights.items():
        terms = search_terms(written[word])
        held += weight * sum(term in frequency for term in terms) / max(len(terms), 1)
    return held / total if total else 1.0


def _written_form(word: str, frequency: dict[str, int]) -> str:
    """The form the passages write a word in: itself, else an equivalent they hold
    (签下 -> 签约), weighed and looked for in its place."""
    for form in equivalents(word):
        terms = search_terms(form)
        if terms and all(term in frequency for term in terms):
            return form
    return word


def coverage(weights: dict[str, float], passage: str, context: str) -> float:
    """Return the weighted share of content words found in the passage (a word found only
    in its context counts half, a word partly found counts its share of bigrams)."""
    if not weights:
        return 1.0  # the question says nothing its anchors and question words do not
    total = sum(weights.values())
    if total == 0:
        return 0.0
    found = 0.0
    for word, weight in weights.items():
        share = _share(word, passage)
        if share < 1 and word in context:
            share = max(share, 0.5)
        found += weight * share
    return found / total


def _share(word: str, text: str) -> float:
    if any(form in text for form in equivalents(word)):
        return 1.0  # 成立 in the question, 创立 in the text
    bigrams = [word[i : i + 2] for i in range(len(word) - 1)]
    share = sum(bigram in text for bigram in bigrams) / len(bigrams) * 0.8 if bigrams else 0.0
    gapped = _gapped(word)
    if share < _GAPPED_SHARE and gapped is not None and gapped.search(text):
        return _GAPPED_SHARE  # 总额 in the question, 总金额 in the text
    return share


@lru_cache(maxsize=4096)
def _gapped(word: str) -> re.Pattern[str] | None:
    """A short Chinese word written with a character or two inside it (总额: 总金额, 总投资额)."""
    if not 2 <= len(word) <= 3 or not all(is_cjk(char) for char in word):
        return None
    return re.compile(f"{re.escape(word[0])}[\u4e00-\u9fff]{{1,2}}" + re.escape(word[1:]))


def _anchor_level(anchor: Anchor, where: Surroundings, document: Document) -> float:
    if anchor.kind is AnchorKind.YEAR:
        published = document.published
        if anchor.dates_source and published is not None and published.year == int(anchor.text):
            return _IN_CONTEXT  # the report of that year asked about, whatever years it covers
        return _year_level(int(anchor.text), where, document)
    if anchor.kind is AnchorKind.TITLE:
        short = anchor.text.split(_TITLE_PERIOD)[0]
        if short not in document.text:
            return 0.0
        # "本方案自…起施行" in the policy's own text names it as surely as its title does
        named = short in where.passage or _THIS_POLICY.search(where.passage) is not None
        return _IN_PASSAGE if named else _IN_CONTEXT
    local = anchor.local_forms if anchor.local_forms and anchor.home in document.text else ()
    passage, context, whole = where.passage, where.paragraph + "\n" + where.title, document.text
    if anchor.kind is AnchorKind.QUOTED:  # “…不是表演…” quotes a saying written 不是‘表演’
        passage, context, whole = (
            _INNER_QUOTES.sub("", text) for text in (passage, context, whole)
        )

    def names(text: str) -> bool:
        return any(form in text for form in anchor.forms) or any(
            _names_locally(text, form, anchor.home) for form in local
        )

    if names(passage):
        return _IN_PASSAGE
    if names(context):
        return _IN_CONTEXT
    if anchor.kind in _NAMED and names(whole):
        return _IN_DOCUMENT  # "产业基金" two paragraphs after "广州市具身智能产业投资基金"
    return 0.0


def _names_locally(text: str, form: str, home: str) -> bool:
    """True when a text names `form` ("世界机器人大会" of "2024世界机器人大会") and not
    as another year's ("2025世界机器人大会")."""
    for start, _ in find_all(text, form):
        year = _YEAR_BEFORE.search(text, max(0, start - 5), start)
        if year is None or year.group(1) == home:
            return True
    return False


def _with_setting(
    anchors: Sequence[Anchor], levels: list[float], document: Document, passage: str
) -> list[float]:
    """A region the document names counts, weakly, for a passage that names the entity
    asked about itself: "绿的谐波在苏州…的扩产项目" is answered by a sentence on 绿的谐波's
    project in an article on 苏州's park that names the city paragraphs before. So it does
    for a passage naming no place at all when the question names nothing but places and
    years: "共有6台机器人在…关门时间内完赛" in a report on the race in 亦庄."""
    names_entity = any(  # a company, a model code, a quoted name (“旋风小子”)
        anchor.kind in SPECIFIC_KINDS and level == _IN_PASSAGE
        for anchor, level in zip(anchors, levels, strict=True)
    )
    if not names_entity and not (
        all(anchor.kind in _SETTING_KINDS for anchor in anchors) and not _names_a_place(passage)
    ):
        return levels
    return [
        _IN_DOCUMENT
        if level == 0
        and anchor.kind is AnchorKind.REGION
        and any(f in document.text for f in anchor.forms)
        else level
        for anchor, level in zip(anchors, levels, strict=True)
    ]


def _names_a_place(passage: str) -> bool:
    return any(word in passage for word in _WIDER_PLACES) or bool(region_index().find(passage))


def _year_level(year: int, where: Surroundings, document: Document) -> float:
    """A year is named literally or through a date the text resolves to it (今年 in a 2024
    article); a passage (else its paragraph, else the title) dated only to other years is
    about another time. An undated passage counts, weakly, in a document of that year or
    naming it ("截至2024年12月31日" two paragraphs up)."""
    texts = (
        (where.passage, _IN_PASSAGE),
        (where.paragraph, _IN_CONTEXT),
        (where.title, _IN_CONTEXT),
    )
    for text, level in texts:
        if str(year) in text:
            return level
        # "年内亏损为5.76亿元，2024年为7.91亿元": the year compared with is not the passage's
        text = _COMPARED_YEAR.sub("，", text)
        years = _years_in(text, where.paragraph if level == _IN_PASSAGE else "", document)
        if year in years:
            return level
        if years:
            return 0.0
    if document.published is not None and document.published.year == year:
        return _UNDATED
    return _UNDATED if str(year) in document.text else 0.0


def _years_in(text: str, around: str, document: Document) -> set[int]:
    """The years of the dates in `text`, those "同月" and "次年" refer to read from the
    text `around` it: "华中数控同月发布了…" follows "今年3月…；" in its paragraph."""
    at = around.find(text) if around else -1
    if at < 0:
        return {match.date.year for match in find_dates(text, document.published)}
    return {
        match.date.year
        for match in find_dates(around, document.published)
        if at <= match.start < at + len(text)
    }


def _asked_months(part: Part) -> set[int]:
    """The months a question names ("截至2025年6月底": 6; "2024年2月和3月": 2, 3;
    "截至2025年底": 12)."""
    months = {int(month) for month in _MONTH.findall(part.text)}
    return months | ({12} if _YEAR_END.search(part.text) else set())


def _asked_years(part: Part) -> set[int]:
    return {int(year) for year in _ASKED_YEAR.findall(part.text)}


def _other_month(asked: set[int], passage: str, document: Document, years: set[int]) -> bool:
    """True when the question asks about months and the passage dates its statement to
    other months only ("截至9月底" for 6月底); of the asked years, when it names any
    ("截至2025年6月30日…较2024年末增加137款" is no answer for 2025年底)."""
    if not asked:
        return False
    stated = {
        m.date.month
        for m in find_dates(passage, document.published)
        if m.date.month and (not years or m.date.year in years)
    }
    return bool(stated) and not asked & stated


def _names_other_region(anchors: Sequence[Anchor], passage: str) -> bool:
    """True when the passage names regions, none of them the asked one or inside it."""
    asked = [anchor for anchor in anchors if anchor.region is not None]
    if not asked or any(form in passage for anchor in asked for form in anchor.forms):
        return False
    index = region_index()
    named = [match.region for match in index.find(passage)]
    related = any(
        index.contains(anchor.region, region) or index.contains(region, anchor.region)
        for anchor in asked
        if anchor.region is not None
        for region in named
    )
    return bool(named) and not related


def _leads_with_subregion(part: Part, where: Surroundings) -> bool:
    """True when the first region the passage names lies inside an asked region and is
    not itself asked about: the passage is about that smaller place."""
    index = region_index()
    named = index.find(where.passage)
    asked = {anchor.region for anchor in part.anchors if anchor.region is not None}
    if not named or named[0].region in asked:
        return False
    return any(index.contains(region, named[0].region) for region in asked)


def _names_subregion(anchors: Sequence[Anchor], passage: str) -> bool:
    """True when the passage names a region inside one the question asks about."""
    index = region_index()
    asked = [anchor.region for anchor in anchors if anchor.region is not None]
    return any(
        match.region != region and index.contains(region, match.region)
        for match in index.find(passage)
        for region in asked
    )
