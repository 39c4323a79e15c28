"""Numbers as Chinese texts write them: 170亿元, 100多亿元, 超25亿元, 十余款, 383台/万人.

Part of normalize; imports only core. `find_quantities` finds every amount with a unit in
a (width-folded) text and returns typed values: a Decimal, the unit as the schema writes
it (money in 元), and the qualifier the wording implies (突破/超过 -> ">", 近/约 -> "~",
最高 -> "<=", 上千万 -> ">="). Patterns are linear-time (no nested quantifiers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from industry_atlas.core.models import Qualifier, Quantity

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10**4, "亿": 10**8}
_CN_NUMBER = "[零〇一二三四五六七八九十百千两]+"
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|{_CN_NUMBER}"
# 兆 is 10^12 as Taiwan and Hong Kong write money ("新台币1.79兆元")
MULTIPLIERS = "万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百|兆"
# Units as written -> (unit as stored, factor). Longest first: 万台 before 万, 亿元 is
# multiplier + 元. Money is always stored in 元 of its currency's name.
# the end of a price's unit: 元/百万tokens, 美元/百万tokens
PER_MILLION_TOKENS = "/百万tokens"
UNITS: dict[str, str] = {
    "元人民币": "元",
    "人民币": "元",
    "元": "元",
    "美元": "美元",
    "港元": "港元",
    "港币": "港元",
    "新台币": "新台币",
    "元新台币": "新台币",
    "新台币元": "新台币",  # as a gold file may write it
    "欧元": "欧元",
    "日元": "日元",
    "%": "%",
    "％": "%",
    "个百分点": "个百分点",
    "台/万人": "台/万人",
    "元/股": "元/股",
    "港元/股": "港元/股",
    "户": "户",
    "股": "股",
    "台": "台",
    "套": "套",
    "家": "家",
    "个": "个",
    "款": "款",
    "项": "项",
    "件": "件",
    "人": "人",
    "名": "名",
    "位": "位",
    "支": "支",
    "条": "条",
    "所": "所",
    "只": "只",
    "辆": "辆",
    "年": "年",
    "倍": "倍",
    "人次": "人次",
    "次": "次",
    "张": "张",
    "块": "块",
    "米": "米",
    "类": "类",
    "大类": "类",
    "轮": "轮",
    "起": "起",  # events: 融资事件27起
    "座": "座",
    "种": "种",
    "枚": "枚",
    "根": "根",
    "片": "片",
    "场": "场",
    "PFLOPS": "PFlops",
    "摄氏度": "摄氏度",
    "度": "度",
    "平方米": "平方米",
    "万平方米": "平方米",
    "亩": "亩",
    "公里": "公里",
    "千米": "千米",
    "厘米": "厘米",
    "毫米": "毫米",
    "平方公里": "平方公里",
    "公顷": "公顷",
    "克": "克",
    "分贝": "分贝",
    "米/秒": "米/秒",
    "公里/小时": "公里/小时",
    "公斤": "公斤",
    "千克": "千克",
    "小时": "小时",
    "个小时": "小时",  # "六个小时": hours, not six of something
    "个钟头": "小时",
    "分钟": "分钟",
    "个月": "个月",
    "个星期": "周",
    "个工作日": "天",
    "天": "天",
    "周": "周",
    "秒": "秒",
    "参数": "个",  # a model's parameters are counted, as 8B is
    "tokens": "tokens",
    "Token": "tokens",
    "token": "tokens",
    "GB": "GB",
    "TB": "TB",
    "PFlops": "PFlops",
    "P": "PFlops",
    "EFlops": "EFlops",
    "W": "W",
    "kW": "kW",
    "Nm": "牛·米",
    "N·m": "牛·米",
    "牛·米": "牛·米",
    "牛米": "牛·米",
    "TOPS": "TOPS",
    "EFLOPS": "EFlops",
}
# 一起 (together), 一种, 一场, 一片: words, not counts of one
_WORD_AFTER_ONE = frozenset({"起", "种", "场", "片", "根", "枚", "座"})
_UNIT_PATTERN = "|".join(re.escape(unit) for unit in sorted(UNITS, key=len, reverse=True))
_BEFORE = {
    "突破": Qualifier.GT,
    "超过": Qualifier.GT,
    "超": Qualifier.GT,
    "逾": Qualifier.GT,
    "高于": Qualifier.GT,
    "多于": Qualifier.GT,
    "大于": Qualifier.GT,
    "不少于": Qualifier.GE,
    "不低于": Qualifier.GE,
    "至少": Qualifier.GE,
    "上": Qualifier.GE,  # 上千万, 上百台: only before 百/千/万/亿 (see QUANTITY)
    "近": Qualifier.APPROX,
    "约": Qualifier.APPROX,
    "大约": Qualifier.APPROX,
    "接近": Qualifier.APPROX,
    "逼近": Qualifier.APPROX,
    "将近": Qualifier.APPROX,
    "不到": Qualifier.LT,
    "不足": Qualifier.LT,
    "低于": Qualifier.LT,
    "少于": Qualifier.LT,
    "最高": Qualifier.LE,
    "不超过": Qualifier.LE,
    "最多": Qualifier.LE,
    "至多": Qualifier.LE,
}
_AFTER = {
    "以上": Qualifier.GT,
    "多": Qualifier.GT,
    "余": Qualifier.GT,
    "左右": Qualifier.APPROX,
    "上下": Qualifier.APPROX,
    "以下": Qualifier.LE,
    "以内": Qualifier.LE,
}
# 约 ends words that say nothing of precision: 签约32个项目 is 32 projects signed
_NOT_ABOUT = "签合节预制契条公履违特邀相集"
_BEFORE_PATTERN = (
    "|".join(
        word if word != "约" else f"(?<![{_NOT_ABOUT}])约"
        for word in sorted(set(_BEFORE) - {"上"}, key=len, reverse=True)
    )
    + "|上(?=[百千万亿])"
)
# A hyphen right after a number, a percent sign, a multiplier or a unit joins a range
# ("40%-50%", "3-5年"): only elsewhere is it a minus sign ("同比-4.1%").
_RANGE_DASH_AFTER = "".join(
    sorted({unit[-1] for unit in UNITS if not unit[-1].isascii()} | set("万亿千百"))
)
QUANTITY = re.compile(
    rf"(?:(?P<before>{_BEFORE_PATTERN})了?)?(?P<minus>零下|负|(?<![0-9%{_RANGE_DASH_AFTER}])-)?"
    rf"(?<![A-Za-z0-9.])(?P<number>{_NUMBER})(?P<more>多|余)?(?P<multiplier>{MULTIPLIERS})?(?P<more2>多|余)?"
    # "80 TOPS": a Latin unit may stand a space after its number, and ends its word
    rf"(?:\s(?=[A-Za-z]))?(?P<unit>{_UNIT_PATTERN})(?:(?<![A-Za-z])|(?![A-Za-z]))"
    r"(?<!支(?=[持付撑援]))"  # "言川-2支持128K": 支持 is a verb, not a count of 支
    rf"(?P<after>以上|以下|以内|左右|上下)?"
)


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """An amount found in a text: where, what it said, and its typed value."""

    start: int
    end: int
    quantity: Quantity


def parse_number(text: str) -> Decimal | None:
    """Parse "1,800", "10.62", "一百二十", "十", "两千" into a Decimal."""
    if not text:
        return None
    if text[0].isdigit():
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    return _parse_chinese(text)


def _parse_chinese(text: str) -> Decimal | None:
    total, section, digit = 0, 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[char]
            digit = None
        elif char in _LARGE_UNITS:
            total += (section + (digit or 0)) * _LARGE_UNITS[char]
            section, digit = 0, None
        else:
            return None
    if digit is not None and section == 0 and total == 0 and len(text) > 1:
        # a digit string such as 二〇二四 reads digit by digit
        return Decimal("".join(str(_DIGITS.get(char, "")) for char in text) or "0")
    return Decimal(total + section + (digit or 0))


def multiplier_value(multiplier: str | None) -> int:
    """Return the factor of 亿, 千万, 万 ... (1 when absent)."""
    if not multiplier:
        return 1
    value = 1
    for char in multiplier:
        value *= {**_SMALL_UNITS, **_LARGE_UNITS, "兆": 10**12}[char]
    return value


# A time written in parts is one length (2小时01分35秒, 6分34秒, 33秒71, 4小时10分钟): in
# seconds when it counts them, else in minutes
_DURATION = re.compile(
    r"(?<![\d.])(?:(?P<hours>\d{1,3})\s*(?:个)?小时\s*(?=\d{1,2}\s*分)|(?=\d{1,3}\s*分钟?\s*\d))"
    r"(?:(?P<minutes>\d{1,3})\s*分(?:钟)?)?\s*(?:(?P<seconds>\d{1,2})\s*秒)?"
    r"|(?<![\d.])(?P<whole>\d{1,3})秒(?P<hundredths>\d{2})(?!\d)"
)


_BEFORE_DURATION = re.compile(rf"(?P<before>{_BEFORE_PATTERN})了?$")


def _durations(text: str) -> list[QuantityMatch]:
    """Times written in parts, each as one amount ("约1小时30分": about 90 minutes)."""
    found: list[QuantityMatch] = []
    if "分" not in text and "秒" not in text:
        return found  # most texts hold no time in parts: one scan says so
    for match in _DURATION.finditer(text):
        before = _BEFORE_DURATION.search(text, max(0, match.start() - 4), match.start())
        qualifier = _BEFORE[before["before"]] if before else Qualifier.EQ
        if match["whole"]:
            seconds = Decimal(f"{match['whole']}.{match['hundredths']}")
            found.append(
                QuantityMatch(match.start(), match.end(), Quantity(seconds, "秒", qualifier))
            )
            continue
        hours, minutes = int(match["hours"] or 0), int(match["minutes"] or 0)
        if match["seconds"] is None and not (hours and minutes):
            continue  # "3分钟" alone, or a bare 分 (a score) with no seconds after it
        if match["seconds"] is None:
            value, unit = hours * 60 + minutes, "分钟"
        else:
            value, unit = (hours * 60 + minutes) * 60 + int(match["seconds"]), "秒"
        found.append(
            QuantityMatch(match.start(), match.end(), Quantity(Decimal(value), unit, qualifier))
        )
    return found


def find_quantities(text: str) -> list[QuantityMatch]:
    """Return every amount with a unit in `text` (which should be width-folded), shares
    written in words: 七成 (70%), 一半 (50%), 三分之一 (33.3%), model scales (8B, 128K)
    and times written in parts (2小时01分35秒)."""
    found = _durations(text)
    timed = [(duration.start, duration.end) for duration in found]
    last_price: _Price | None = None
    declared = [(m.end(), _PER_COUNTS.get(m["per"], 10**6)) for m in _DECLARED_PER.finditer(text)]
    for match in QUANTITY.finditer(text):
        quantity = quantity_of(match)
        if timed and any(start < match.end() and match.start() < end for start, end in timed):
            continue  # a part of a time written in parts
        if (
            quantity is None
            or _is_year(quantity)
            or _is_pricing_unit(text, match, quantity)
            or (match.group().startswith("一") and quantity.unit in _WORD_AFTER_ONE)
        ):
            continue
        currency = _CURRENCY_BEFORE.search(text, max(0, match.start() - 8), match.start())
        if currency and quantity.unit == "元":  # "营收达新台币1.79兆元": the currency named first
            quantity = replace(quantity, unit=UNITS[currency["currency"]])
        amount, per = _priced_per_tokens(
            text, _as_speed(text, match, quantity), last_price, declared
        )
        last_price = _Price(amount, per) if per else last_price
        found.append(amount)
    for match in _MODEL_SCALE.finditer(text):
        scaled = _model_scale(text, match)
        if scaled is not None:
            found.append(QuantityMatch(match.start(), match.end(), scaled))
    for match in _PARAMETERS_BEFORE.finditer(text):
        count = normalize_value(Decimal(match["number"]) * multiplier_value(match["multiplier"]))
        about = Qualifier.APPROX if match["about"] else Qualifier.EQ
        found.append(
            QuantityMatch(match.start("number"), match.end(), Quantity(count, "个", about))
        )
    for match in _SHARE.finditer(text):
        share = _share(match)
        if share is not None:
            found.append(QuantityMatch(match.start(), match.end(), share))
    return sorted(found, key=lambda m: m.start)


# "每百万 tokens 2.4元", "0.8元/百万tokens", "每千tokens 0.008元": a model's price, stored
# per million tokens whatever count the text prices (unit "元" + PER_MILLION_TOKENS)
_PER = r"(?P<per>百万|十万|万|千|1M|1K|100万|1000)?\s*(?:个\s*)?(?:[Tt]okens?|词元)"
_PRICED_BEFORE = re.compile(rf"每\s*{_PER}[^，。；,、\d]{{0,10}}$")  # 每百万tokens的输出价格普遍在
_PRICED_AFTER = re.compile(rf"\s*/\s*(?:每\s*)?{_PER}")
_PER_COUNTS = {None: 1, "千": 10**3, "1K": 10**3, "1000": 10**3, "万": 10**4, "十万": 10**5}
_CURRENCIES = frozenset({"元", "美元", "港元", "欧元", "日元"})
# "…4元、输出16元", "…2元，输出价格为8元", "…8元，思考模式下为20元": the prices go on
_PRICE_GOES_ON = re.compile(
    r"[、，,；;和及]\s*(?=[^，。；、\d]{0,10}?(?:输出|输入|模式|价))[^，。；、\d]{0,12}"
    r"|\s*(?:到|至|降到|降至|降为|下调至|下调到|调至|调整为|提高到|提高至|上调至|涨到|涨至)\s*"
)
# "…缓存命中的输入是0.5元。星河-3 Flash更便宜，输入0.3元": a price of the same list a
# sentence later, named by what it prices
_PRICE_NAMED = re.compile(r"(?:输入|输出)[^，。；、\d]{0,6}$")
_PRICE_REACH = 100
# "以下均为各家官方API的人民币牌价，单位是每百万个词元（token）": the lines after price
# their 输入/输出 amounts per that many tokens
_DECLARED_PER = re.compile(rf"单位(?:是|为|均为|:)\s*(?:人民币)?(?:元\s*/\s*)?(?:每\s*)?{_PER}")
_DECLARED_REACH = 600
_TOKEN_WORD = re.compile(r"\s*(?:词元|[Tt]okens?)")


# "每小时14公里", "时速约8公里", "每秒1.2米": a distance per time is a speed
_PER_TIME_BEFORE = re.compile(r"(?P<per>每小时|时速|每秒|秒速)(?:可?达到?|为|约|最高|仅)*$")
_SPEEDS = {("小时", "公里"): "公里/小时", ("小时", "千米"): "公里/小时", ("秒", "米"): "米/秒"}


def _as_speed(text: str, match: re.Match[str], quantity: Quantity) -> QuantityMatch:
    before = _PER_TIME_BEFORE.search(text, max(0, match.start() - 8), match.start())
    speed = before and _SPEEDS.get(("秒" if "秒" in before["per"] else "小时", quantity.unit))
    return QuantityMatch(
        match.start(), match.end(), replace(quantity, unit=speed) if speed else quantity
    )


def _is_pricing_unit(text: str, match: re.Match[str], quantity: Quantity) -> bool:
    """The 百万tokens of "每百万tokens" or "/百万tokens" is what a price is per, no amount."""
    before = text[max(0, match.start() - 4) : match.start()].rstrip()
    counted = quantity.unit == "tokens" or (
        quantity.unit == "个" and _TOKEN_WORD.match(text, match.end()) is not None
    )  # "每百万个词元"
    return counted and before.endswith(("每", "/"))


@dataclass(frozen=True, slots=True)
class _Price:
    """A price per tokens found, and how many tokens it is per: the next price of the list
    is per as many."""

    match: QuantityMatch
    per: int


def _priced_per_tokens(
    text: str, match: QuantityMatch, last_price: _Price | None, declared: list[tuple[int, int]]
) -> tuple[QuantityMatch, int | None]:
    """A money amount priced per tokens, or the next price of one list (输入每百万tokens
    4元、输出16元; …输出是8元；缓存命中的输入是0.5元), or an 输入/输出 amount under a
    declared unit (`declared`: where each declaration ends, and per how many tokens),
    becomes a price per million tokens; returned with how many tokens it is per (None: no
    price per tokens)."""
    quantity = match.quantity
    if quantity.unit not in _CURRENCIES:
        return match, None
    after = _PRICED_AFTER.match(text, match.end)
    basis = after or _priced_before(text, match.start)
    if basis is not None:
        per = _PER_COUNTS.get(basis["per"], 10**6)  # 百万, 1M, 100万
    elif (
        last_price is not None
        and last_price.match.quantity.unit == quantity.unit + PER_MILLION_TOKENS
        and (
            _PRICE_GOES_ON.fullmatch(text, last_price.match.end, match.start)
            or (
                match.start - last_price.match.end <= _PRICE_REACH
                and _PRICE_NAMED.search(text, max(0, match.start - 8), match.start) is not None
            )
        )
    ):
        per = last_price.per
    elif (declaration := _declared_before(declared, match.start)) is not None and (
        _PRICE_NAMED.search(text, max(0, match.start - 8), match.start)
    ):
        per = declaration
    else:
        return match, None
    priced = QuantityMatch(
        match.start,
        after.end() if after else match.end,
        replace(
            quantity,
            value=normalize_value(quantity.value * 10**6 / per),
            unit=quantity.unit + PER_MILLION_TOKENS,
        ),
    )
    return priced, per


def _declared_before(declared: list[tuple[int, int]], start: int) -> int | None:
    """Per how many tokens the nearest unit declared before `start` prices, if near."""
    before = [per for end, per in declared if 0 <= start - end <= _DECLARED_REACH]
    return before[-1] if before else None


def _priced_before(text: str, start: int) -> re.Match[str] | None:
    return _PRICED_BEFORE.search(text, max(0, start - 24), start)


# "8B版本", "0.5B", "128K上下文": a model's parameters (B, M) and its context length (K)
_MODEL_SCALE = re.compile(
    r"(?<![A-Za-z0-9.\-])(?P<number>\d+(?:\.\d+)?)\s?(?P<scale>[BMK])(?![A-Za-z0-9+]|端|业务|市场|客户|轮)"
)
_CURRENCY_BEFORE = re.compile(r"(?P<currency>新台币|港币|港元|美元|欧元|日元)(?:约|达|超过|共)?$")
# "总参数3550亿、激活参数320亿": the count follows the word 参数 (as "700亿参数" precedes it)
_PARAMETERS_BEFORE = re.compile(
    r"参数(?:量|规模|总量)?(?:为|达|达到|高达|超过)?(?P<about>约|近)?"
    r"(?P<number>\d+(?:\.\d+)?)(?P<multiplier>万亿|千亿|亿|万)"
    r"(?!\s*(?:[元个次人台家款项倍条张美港]|参数|[A-Za-z]))"
)
_CONTEXT_WORDS = re.compile("上下文|窗口|长度|长文本|token|Token")


def _model_scale(text: str, match: re.Match[str]) -> Quantity | None:
    number = Decimal(match["number"])
    if match["scale"] == "K":
        before = text[max(0, match.start() - 12) : match.start()]
        after = text[match.end() : match.end() + 8]
        if not (_CONTEXT_WORDS.search(before) or _CONTEXT_WORDS.search(after)):
            return None  # 4K屏幕, 10K跑: not a context length
        return Quantity(normalize_value(number * 1000), "tokens", Qualifier.EQ)
    factor = 10**9 if match["scale"] == "B" else 10**6
    return Quantity(normalize_value(number * factor), "个", Qualifier.EQ)


_SHARE = re.compile(
    rf"(?P<before>{_BEFORE_PATTERN})?(?:(?P<tenths>[一二三四五六七八九])成(?![本员功立为果])|(?P<half>一半)"
    r"|(?P<den>[二三四五六七八九十百])分之(?P<num>[一二三四五六七八九十]))"
)


def _share(match: re.Match[str]) -> Quantity | None:
    if match["tenths"]:
        value = Decimal(_DIGITS[match["tenths"]] * 10)
    elif match["half"]:
        value = Decimal(50)
    else:
        denominator = parse_number(match["den"])
        numerator = parse_number(match["num"])
        if not denominator or numerator is None:
            return None
        value = (numerator * 100 / denominator).quantize(Decimal("0.1"))
    qualifier = _BEFORE[match["before"]] if match["before"] else Qualifier.EQ
    return Quantity(normalize_value(value), "%", qualifier)


def quantity_of(match: re.Match[str]) -> Quantity | None:
    """Turn a QUANTITY match into a typed Quantity."""
    number = parse_number(match["number"])
    if number is None:
        return None
    unit_text = match["unit"]
    factor = multiplier_value(match["multiplier"])
    if unit_text == "万平方米":
        factor *= 10**4
    value = number * factor * (-1 if match["minus"] else 1)
    return Quantity(normalize_value(value), UNITS[unit_text], _qualifier(match))


def _is_year(quantity: Quantity) -> bool:
    """2023年 is a date, not a duration."""
    return quantity.unit == "年" and quantity.value >= 1000


def _qualifier(match: re.Match[str]) -> Qualifier:
    if match["before"]:
        return _BEFORE[match["before"]]
    if match["more"] or match["more2"]:
        return Qualifier.GT
    if match["after"]:
        return _AFTER[match["after"]]
    return Qualifier.EQ


def normalize_value(value: Decimal) -> Decimal:
    """Drop trailing zeros after the point but keep integers integral (1.7E+10 -> 17000000000)."""
    normalized = value.normalize()
    if normalized == normalized.to_integral_value():
        return normalized.quantize(Decimal(1))
    return normalized
