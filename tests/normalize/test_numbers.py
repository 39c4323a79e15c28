from __future__ import annotations

from decimal import Decimal

import pytest

from industry_atlas.core.text import fold_width
from industry_atlas.normalize.numbers import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("收入突破了170亿元", "17000000000", "元", ">"),
        ("产值已达100多亿元", "10000000000", "元", ">"),
        ("累计获得超25亿元融资", "2500000000", "元", ">"),
        ("相继发布十余款人形机器人", "10", "款", ">"),
        ("机器人密度达383台/万人", "383", "台/万人", "="),
        ("年平均增速超过20%", "20", "%", ">"),
        ("吸引近200家上下游企业", "200", "家", "~"),
        ("研发成本动辄上千万元", "10000000", "元", ">="),
        ("给予最高1000万元补助", "10000000", "元", "<="),
        ("售价9.9万元", "99000", "元", "="),
        ("产值1,800亿元", "180000000000", "元", "="),
        ("本地配套率达到50%以上", "50", "%", ">"),
        ("一百二十家企业", "120", "家", "="),
        ("首期4.5万平方米", "45000", "平方米", "="),
        ("零下20摄氏度", "-20", "摄氏度", "="),
        ("出货量占全国比重近七成", "70", "%", "~"),
        ("部署成本约为三分之一", "33.3", "%", "="),
        # 约 closing 签约 is no "about"
        ("大会现场签约32个项目", "32", "个", "="),
        ("投后估值约200亿元", "20000000000", "元", "~"),
        # a Latin unit may stand a space after its number; torque in 牛·米 however written
        ("单颗算力达560 TOPS，", "560", "TOPS", "="),
        ("智能算力规模38.5 EFLOPS", "38.5", "EFlops", "="),
        ("峰值扭矩300牛·米", "300", "牛·米", "="),
        ("额定扭矩120N·m", "120", "牛·米", "="),
    ],
)
def test_amounts_are_typed_with_unit_and_qualifier(
    text: str, value: str, unit: str, qualifier: str
) -> None:
    [found] = find_quantities(text)
    assert found.quantity.value == Decimal(value)
    assert found.quantity.unit == unit
    assert found.quantity.qualifier.value == qualifier
    assert text[found.start : found.end] in text


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("占比约40%-50%", ["40", "50"]),  # a range: the dash is not a minus sign
        ("周期3-5年", ["5"]),  # the bare low end is read with the range (extract.rules.metrics)
        ("同比-4.1%", ["-4.1"]),
        ("净利润为-3.5亿元", ["-350000000"]),
    ],
)
def test_a_dash_after_an_amount_joins_a_range_elsewhere_it_is_a_minus(
    text: str, values: list[str]
) -> None:
    assert [str(found.quantity.value) for found in find_quantities(text)] == values


def test_full_width_digits_parse_like_half_width() -> None:
    [full] = find_quantities(fold_width("产值１２亿元"))
    [half] = find_quantities("产值12亿元")
    assert full.quantity == half.quantity


@pytest.mark.parametrize(
    "text",
    ["2023年5月", "GPT-4发布", "电科机器人1号", "第三代人工智能", "T1人形机器人", "GPT-4 Pro发布"],
)
def test_dates_ordinals_and_model_numbers_are_not_amounts(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"), [("十", 10), ("二十", 20), ("两千", 2000), ("一百零五", 105), ("3.5", 3.5)]
)
def test_chinese_and_arabic_numbers(text: str, value: float) -> None:
    assert parse_number(text) == Decimal(str(value))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("输入价格为每百万 tokens 2.4元。", "2.4", "元/百万tokens"),
        ("定价0.8元/百万tokens", "0.8", "元/百万tokens"),
        ("每千tokens仅0.008元", "8", "元/百万tokens"),  # priced per thousand, stored per million
        ("每1000 tokens 0.02美元", "20", "美元/百万tokens"),
    ],
)
def test_a_price_per_tokens_is_one_amount_per_million_tokens(
    text: str, value: str, unit: str
) -> None:
    [price] = find_quantities(text)  # the 百万tokens it is per is no amount of its own
    assert (price.quantity.value, price.quantity.unit) == (Decimal(value), unit)


def test_the_next_price_of_a_list_is_priced_per_the_same_tokens() -> None:
    text = "输入每千tokens 0.004元、输出0.016元，研发投入5亿元。"
    assert [(m.quantity.value, m.quantity.unit) for m in find_quantities(text)] == [
        (Decimal("4"), "元/百万tokens"),
        (Decimal("16"), "元/百万tokens"),
        (Decimal("500000000"), "元"),
    ]


def test_a_list_of_prices_goes_on_per_the_same_tokens_however_long() -> None:
    text = "输入价格是每千tokens 0.002元，输出是0.008元；缓存命中的输入是0.0005元。"
    assert [(m.quantity.value, m.quantity.unit) for m in find_quantities(text)] == [
        (Decimal("2"), "元/百万tokens"),
        (Decimal("8"), "元/百万tokens"),
        (Decimal("0.5"), "元/百万tokens"),
    ]


def test_prices_under_a_declared_unit_are_per_the_tokens_it_declares() -> None:
    # a table-like list under "单位是每百万个词元（token）" (词元: token, as Taiwan writes it)
    text = (
        "以下均为官方API牌价，单位是每百万个词元（token）:\n"
        "甲模型输入6元、输出24元；\n乙模型输入0.8元、输出8元。\n公司研发投入3亿元。"
    )
    assert [(m.quantity.value, m.quantity.unit) for m in find_quantities(text)] == [
        (Decimal("6"), "元/百万tokens"),
        (Decimal("24"), "元/百万tokens"),
        (Decimal("0.8"), "元/百万tokens"),
        (Decimal("8"), "元/百万tokens"),
        (Decimal("300000000"), "元"),  # no 输入/输出: money
    ]
    [price] = find_quantities("每百万词元仅0.8元")
    assert (price.quantity.value, price.quantity.unit) == (Decimal("0.8"), "元/百万tokens")


def test_a_price_changed_or_named_a_sentence_later_is_per_the_same_tokens() -> None:
    text = (
        "旗舰模型每百万tokens的输出价格普遍在40元到90元之间，输入从每百万tokens 4元降到2元。"
        "轻量版更便宜，输入0.2元、输出0.9元。公司研发投入3亿元。"
    )
    assert [(m.quantity.value, m.quantity.unit) for m in find_quantities(text)] == [
        (Decimal("40"), "元/百万tokens"),
        (Decimal("90"), "元/百万tokens"),
        (Decimal("4"), "元/百万tokens"),
        (Decimal("2"), "元/百万tokens"),
        (Decimal("0.2"), "元/百万tokens"),
        (Decimal("0.9"), "元/百万tokens"),
        (Decimal("300000000"), "元"),  # named by no price word: money
    ]


def test_a_parameter_count_may_follow_the_word_parameters() -> None:
    text = "总参数6710亿、激活参数约370亿的模型，参数规模1万亿，参数费用5亿元。"
    assert [
        (m.quantity.value, m.quantity.unit, m.quantity.qualifier.value)
        for m in find_quantities(text)
    ] == [
        (Decimal("671000000000"), "个", "="),
        (Decimal("37000000000"), "个", "~"),
        (Decimal("1000000000000"), "个", "="),
        (Decimal("500000000"), "元", "="),  # money, not a count of parameters
    ]


def test_a_currency_named_before_the_amount_is_its_unit_and_zhao_is_a_trillion() -> None:
    text = "第二季营收达新台币1.79兆元，另有港币约3亿元。"
    assert [(m.quantity.value, m.quantity.unit) for m in find_quantities(text)] == [
        (Decimal("1790000000000"), "新台币"),
        (Decimal("300000000"), "港元"),
    ]


def test_events_facilities_and_small_measures_are_counted_but_yi_qi_is_together() -> None:
    found = [
        (m.quantity.value, m.quantity.unit)
        for m in find_quantities(
            "融资事件27起，其中两起超5亿元；建成训练场3座，整手重量500克，3.6米/秒"
        )
    ]
    assert (Decimal("27"), "起") in found
    assert (Decimal("2"), "起") in found
    assert (Decimal("3"), "座") in found
    assert (Decimal("500"), "克") in found
    assert (Decimal("3.6"), "米/秒") in found
    assert find_quantities("我们一起努力，这是一种新型机器人") == []


@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("天工Ultra以2小时40分42秒夺冠", "2小时40分42秒", "9642", "秒"),
        ("比去年快了39分07秒", "39分07秒", "2347", "秒"),
        ("以6分34秒夺冠", "6分34秒", "394", "秒"),
        ("以33秒71夺得金牌", "33秒71", "33.71", "秒"),
        ("在4小时10分钟的关门时间内完赛", "4小时10分钟", "250", "分钟"),
    ],
)
def test_a_time_written_in_parts_is_one_length(
    text: str, written: str, value: str, unit: str
) -> None:
    (match,) = find_quantities(text)
    assert text[match.start : match.end] == written
    assert (match.quantity.value, match.quantity.unit) == (Decimal(value), unit)


def test_minutes_or_hours_alone_and_scores_stay_as_written() -> None:
    found = find_quantities("换电用时3分钟，续航2小时，得分65.8分")
    assert [(m.quantity.value, m.quantity.unit) for m in found] == [
        (Decimal("3"), "分钟"),
        (Decimal("2"), "小时"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("最高奔跑速度达到每小时14公里", "14", "公里/小时"),
        ("全程平均时速约8公里", "8", "公里/小时"),
        ("行走速度每秒0.8米左右", "0.8", "米/秒"),
        ("单次续航5公里", "5", "公里"),
    ],
)
def test_a_distance_per_hour_or_second_is_a_speed(text: str, value: str, unit: str) -> None:
    (match,) = find_quantities(text)
    assert (match.quantity.value, match.quantity.unit) == (Decimal(value), unit)


def test_a_count_word_starting_a_verb_is_no_unit() -> None:
    found = [
        (m.quantity.value, m.quantity.unit)
        for m in find_quantities("旗舰模型言川-2支持128K上下文，组建了3支团队")
    ]
    assert (Decimal("-2"), "支") not in found and (Decimal("2"), "支") not in found
    assert (Decimal("3"), "支") in found


def test_hours_and_weeks_counted_with_ge_are_times_not_counts() -> None:
    found = [
        (m.quantity.value, m.quantity.unit)
        for m in find_quantities("装配要六个小时，新线压到2个小时以内，海试两个星期")
    ]
    assert found == [(Decimal("6"), "小时"), (Decimal("2"), "小时"), (Decimal("2"), "周")]
