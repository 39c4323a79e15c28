"""Count claims: a stated count next to the items the text lists, so that a claim of 7
with 6 items listed is caught ("共有7个，分别是A、B、C、D、E和F").

Part of the rules extractor; imports core and normalize. Three shapes: "N家/个…，分别是
…", "A、B和C这三个城市", and "三要素（数据、算力和算法）". "北京和合肥则各有一个…，分别
是X和Y" is one claim per place. Items named as "A推出的B" are B; an unnamed product is
its maker's (科大讯飞推出的人形机器人 -> 科大讯飞人形机器人).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from industry_atlas.core.models import FactKind, MentionType, Quantity
from industry_atlas.extract.packs import DomainKnowledge
from industry_atlas.extract.rules.enumerations import split_items
from industry_atlas.extract.rules.findings import FactDetails, Findings
from industry_atlas.extract.rules.reading import Reading
from industry_atlas.normalize.numbers import parse_number

# The look-behinds keep each pattern from restarting inside a run of digits (linear time).
_NUMBER = r"(?:(?<![\d.])\d+|(?<![一二三四五六七八九十两])[一二三四五六七八九十两]+)"
_UNIT = r"(?:个|家|款|项|位|名|座|支|条|种|大类|类|大|所|件|台|只|起)"
_LIST_CLAIM = re.compile(
    rf"(?P<each>各有|各)?(?:共有|共计|共|有|包括|涵盖|形成)?(?P<count>{_NUMBER})(?:余|多)?{_UNIT}"
    rf"(?:(?P<noun>[^。；]{{0,30}}?)[，,：:]\s*(?:分别是|分别为|分别有|依次是|包括|即|比如|例如)"
    # "重点推荐5家公司——A、B、C", "七大核心零部件为：A、B…": a colon or dash opens the list
    rf"|(?P<headed>[^。；，,：:\n]{{0,20}}?)(?:为|是|有)?(?:：|:|——))"
)
_COUNTED_UNIT = re.compile(
    rf"{_NUMBER}(?:大)?(?P<unit>个|家|款|项|位|名|座|支|条|种|类|所|件|台|只|起)"
)
_ITEM = r"[^、，,。；：:\s“”的等在已从将均\d]{2,16}"
_APPOSITIVE = re.compile(
    rf"(?P<items>{_ITEM}(?:、{_ITEM}){{0,20}})(?:——|—)?(?:这|等)?(?P<count>{_NUMBER})"
    rf"(?:(?:个|座|家|大|类|项|种|款)(?P<noun>[\u4e00-\u9fff]{{1,6}})|(?P<places>地|城|省市))"
)
# Every appositive ends in a count and its measure word. Before the count, its items are
# a run of item characters and 、 (read backwards: at most 21 items of 16 characters, their
# separators and ——这), and its noun takes at most six characters after.
_APPOSITIVE_COUNT = re.compile(rf"{_NUMBER}(?:个|座|家|大|类|项|种|款|地|城|省市)")
_ITEM_RUN_BACKWARDS = re.compile(r"[^，,。；：:\s“”的等在已从将均\d]{0,360}")
_NOUN_REACH = 6
_LEADING_VERB = re.compile(
    r"^(?:还将|将|还|正在|重点)?(?:建设|打造|布局|培育|支持|推动|包括|有|是|即|如|由|在|对|涵盖|覆盖|聚焦|形成|设置|设立|设有)"
)
_BRACKETED = re.compile(
    rf"(?P<count>{_NUMBER})(?:个|大|项)?(?P<noun>要素|方面|环节|领域|类|部分|方向|板块)[（(](?P<items>[^（）()]{{2,40}})[）)]"
)
_MADE_BY = re.compile(r"^(?P<maker>.+?)(?:推出|发布|研发|打造|研制)(?:的|了)(?P<product>.+)$")
_QUOTES = "“”\"'‘’「」"
_BULLET_MARKS = "·•●▪◆■-*"
_COUNT_ENDING = re.compile(r"\d+[\u4e00-\u9fff]$")  # "融资9起": a share of a count
_BULLETS_FOLLOW = re.compile(rf"[ \t]*\n[ \t]*[{re.escape(_BULLET_MARKS)}]")
_BULLETS = "◎●○◆◇▶►·•▪■□※★☆"


def find_count_claims(reading: Reading, findings: Findings, knowledge: DomainKnowledge) -> None:
    """Add a `count_claim` fact per stated count with its enumerated items."""
    for match in _LIST_CLAIM.finditer(reading.text):
        count = parse_number(match["count"])
        if count is None:
            continue
        items = _items(
            reading, knowledge, match.end(), _list_end(reading.text, match.end())
        ) or _bulleted(reading, findings, match.end())
        if not items or (match["headed"] is not None and (len(items) < 2 or count < 2)):
            continue  # after a colon, one item (or "这样一个观点：") is a sentence, not a list
        if all(_COUNT_ENDING.search(name) for _, _, name in items):
            continue  # "动态46条：政策5条、融资9起…" breaks a count down, it lists nothing
        head = reading.text[reading.sentence_at(match.start()).start : match.start()]
        noun = match["headed"] if match["noun"] is None else match["noun"]
        if match["each"]:
            _per_place(reading, findings, match, items, count, noun)
        else:
            _record(reading, findings, _claim_text(head, noun), count, items, match.span())
    for match in _appositives(reading.text):
        count = parse_number(match["count"])
        items = split_items(reading.text, *match.span("items"))
        if items:
            first_start, first_end = items[0]
            verb = _LEADING_VERB.match(reading.text[first_start:first_end])
            items[0] = (first_start + (verb.end() if verb else 0), first_end)
        if (
            count is not None
            and len(items) >= 2
            and count >= 2
            and not _is_attribute_list(reading, match)
            # "由天津大学、南开大学和10家企业共同发起": the count is one more item
            and not match["items"].endswith(("和", "与", "及"))
        ):
            noun = match["noun"] or match["places"]
            listed = [(s, e, reading.text[s:e]) for s, e in items]
            _record(reading, findings, noun, count, listed, match.span())
    for match in _BRACKETED.finditer(reading.text):
        count = parse_number(match["count"])
        items = split_items(reading.text, *match.span("items"))
        if count is not None and len(items) >= 2:
            claim = (
                reading.text[max(0, match.start() - 8) : match.start()].split("，")[-1]
                + match["noun"]
            )
            _record(
                reading,
                findings,
                claim,
                count,
                [(s, e, reading.text[s:e]) for s, e in items],
                match.span(),
            )


def _appositives(text: str) -> Iterator[re.Match[str]]:
    """`_APPOSITIVE.finditer(text)`, tried only where items run up to a count: the pattern
    may start at any character, and scanning every one costs a tenth of the extraction."""
    backwards = text[::-1]
    window: tuple[int, int] | None = None
    for count in _APPOSITIVE_COUNT.finditer(text):
        items_end = count.start() - (text[count.start() - 1 : count.start()] == "等")
        run = _ITEM_RUN_BACKWARDS.match(backwards, len(text) - items_end)
        start = items_end - (len(run[0]) if run else 0)
        end = min(len(text), count.end() + _NOUN_REACH)
        if window is not None and start <= window[1]:
            window = (window[0], end)
            continue
        if window is not None:
            yield from _APPOSITIVE.finditer(text, *window)
        window = (start, end)
    if window is not None:
        yield from _APPOSITIVE.finditer(text, *window)


def _is_attribute_list(reading: Reading, match: re.Match[str]) -> bool:
    """ "身高、体重2项指标" lists attributes of one thing, not things counted; so does a run
    of measures ("身高165厘米、全身38个自由度": its first item is a unit)."""
    start = match.start("items")
    after_number = start > 0 and reading.text[start - 1].isdigit()
    return after_number or (bool(re.search("[A-Za-z0-9]", match["items"])) and not match["places"])


def _list_end(text: str, start: int) -> int:
    """Where a list after 分别是 ends: the sentence end, or a comma not followed by 以及/和."""
    end = start
    while end < len(text) and text[end] not in "。；;\n":
        if text[end] in "，," and not text.startswith(("以及", "和", "及", "还有"), end + 1):
            break
        end += 1
    return end - (text[end - 1 : end] == "等")  # "…和博众精工等": 等 closes the list


def _bulleted(reading: Reading, findings: Findings, start: int) -> list[tuple[int, int, str]]:
    """The items of a bulleted list under a count ("无锡本周落地三起：\n· 无锡灵犀关节…完成…
    \n· …"): the first organization or product each bullet names; a line without a bullet
    goes on with the item before it."""
    text = reading.text
    if not _BULLETS_FOLLOW.match(text, start):
        return []
    names = sorted(
        (span_start, span_end, entity.name)
        for kind in (MentionType.ORG, MentionType.PRODUCT)
        for entity in findings.of_type(kind)
        for span_start, span_end in entity.spans
    )
    items = []
    line_start = text.index("\n", start) + 1
    while line_start < len(text) and text[line_start] in _BULLET_MARKS:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        named = next((n for n in names if line_start <= n[0] < line_end), None)
        if named is None:
            return []  # a bullet naming nothing known: not a list of named things
        items.append(named)
        line_start = line_end + 1
        while line_start < len(text) and text[line_start] not in _BULLET_MARKS + "\n":
            line_start = (text.find("\n", line_start) + 1) or len(text)  # a wrapped line
    return items


def _items(
    reading: Reading, knowledge: DomainKnowledge, start: int, end: int
) -> list[tuple[int, int, str]]:
    """The enumerated items, each as (start, end, name) with "A推出的B" read as B."""
    items = []
    for item_start, item_end in split_items(reading.text, start, end):
        raw = reading.document.text[item_start:item_end]
        made = _MADE_BY.match(raw)
        if made:
            product = made["product"].strip(_QUOTES)
            product = re.sub(r"[（(][^（）()]*[）)]$", "", product)
            noun = next(
                (
                    n
                    for n in knowledge.product_nouns
                    if product.startswith(n) and len(product) > len(n)
                ),
                None,
            )
            if noun:
                product = product[len(noun) :].strip(_QUOTES)  # 人形机器人夸父 -> 夸父
            elif product in knowledge.product_nouns:
                product = made["maker"] + product  # 科大讯飞人形机器人
            offset = item_start + raw.find(product) if product in raw else item_start
            items.append((offset, offset + len(product) if product in raw else item_end, product))
        else:
            name = re.sub(r"[（(][^（）()]*[）)]$", "", raw).strip(_QUOTES)
            if 1 <= len(name) <= 30:
                items.append((item_start, item_start + len(name), name))
    return items


def _per_place(
    reading: Reading,
    findings: Findings,
    match: re.Match[str],
    items: list[tuple[int, int, str]],
    count: Decimal,
    noun: str,
) -> None:
    """ "北京和合肥则各有一个…，分别是X和Y": each place claims `count`, items in order."""
    sentence = reading.sentence_at(match.start())
    places = reading.places_between(sentence.start, match.start())
    per = int(count) or 1
    if len(places) * per != len(items):
        _record(reading, findings, noun, count * max(len(places), 1), items, match.span())
        return
    for index, place in enumerate(places):
        chunk = items[index * per : (index + 1) * per]
        claim = reading.text[place.start : place.end] + noun.strip()
        _record(reading, findings, claim, count, chunk, (place.start, match.end()))


def _measure_word(text: str) -> str:
    """The measure word a count is stated in ("5家人形机器人整机企业": 家), else 个."""
    found = _COUNTED_UNIT.search(text)
    return found["unit"] if found else "个"


def _claim_text(head: str, noun: str) -> str:
    """A readable name for the claim: the clause before the count, and its noun."""
    clauses = [part.strip() for part in re.split("[，,；;：:]", head) if part.strip()]
    return ((clauses[-1][-20:] if clauses else "") + noun.strip("的 "))[:40] or "count"


def _record(
    reading: Reading,
    findings: Findings,
    claim: str,
    count: Decimal,
    items: list[tuple[int, int, str]],
    count_span: tuple[int, int],
) -> None:
    names = [name for _, _, name in items]
    evidence = [count_span, *((start, end) for start, end, _ in items if end > start)]
    findings.fact(
        FactKind.COUNT_CLAIM,
        claim.strip().lstrip(_BULLETS).strip() or "count",  # "◎ 青岛市企业入选": no bullet
        "count",
        evidence,
        details=FactDetails(
            quantity=Quantity(count, _measure_word(reading.text[count_span[0] : count_span[1]])),
            qualifiers={"enumerated": str(len(names)), "items": "|".join(names)},
        ),
    )
