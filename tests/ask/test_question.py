"""Question understanding: parts, intents, anchors, content words (no knowledge base)."""

from __future__ import annotations

import pytest

from industry_atlas.ask.question import (
    Anchor,
    AnchorKind,
    Intent,
    listed_names,
    parse_question,
    split_alternatives,
    split_names,
)
from industry_atlas.ask.retrieval import coverage


def parse(text: str):
    return parse_question(text, lambda _text, _taken: [])


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("北京、上海、深圳三地中，哪个城市最先出台涉及人形机器人的产业政策？", Intent.FIRST),
        ("武汉、成都两座城市中，哪座城市最晚出台人形机器人政策？", Intent.LAST),
        ("2023年哪个城市发布的人形机器人最多？", Intent.MOST),
        ("智谱AI在2023年累计获得了多少融资？", Intent.VALUE),
        ("文中实际列举了几款“沪籍”人形机器人？", Intent.COUNT),
        ("文中列举的“沪籍”人形机器人有哪些？", Intent.LIST),
        ("远征A1是哪家企业推出的？", Intent.WHO),
        ("若干措施一共几条？", Intent.COUNT),
        ("产业园建在吴中哪个片区？", Intent.PLACE),
        ("创新中心位于长沙的什么地方？", Intent.PLACE),
        ("智谱AI何时发布新一代基座大模型GLM-4？", Intent.WHEN),
        ("北京市2023年6月发布的机器人产业政策名称是什么？", Intent.POLICY),
        ("2022年北京和上海的机器人产值分别达到什么水平？", Intent.COMPARE),
        ("谁表示2024年是人形机器人量产的关键期？", Intent.QUOTE),
        ("汤文博如何形容苏州和无锡的分工？", Intent.QUOTE),
        ("北京和合肥的人形机器人分别是哪家企业推出的？", Intent.WHO),
        ("这四款机器人里哪台最便宜？", Intent.WHAT),
    ],
)
def test_question_words_give_the_intent(question: str, intent: Intent) -> None:
    assert intent in parse(question).parts[0].intents


def test_which_few_is_a_list_not_a_count() -> None:
    intents = parse("深圳有哪几款人形机器人？").parts[0].intents
    assert Intent.LIST in intents
    assert Intent.COUNT not in intents


def test_a_policy_noun_without_a_question_word_is_no_policy_lookup() -> None:
    assert Intent.POLICY not in parse("《若干措施》提出到2027年产业规模达到多少？").parts[0].intents


def test_question_marks_and_a_comma_between_two_questions_make_parts() -> None:
    assert len(parse("智谱AI成立于哪一年？由哪个机构转化而来？").parts) == 2
    assert len(parse("湖北人形机器人创新中心何时揭牌、由谁牵头组建？").parts) == 2
    assert len(parse("北京、上海、深圳三地中，哪个城市最先出台政策？").parts) == 1


def test_a_part_naming_nothing_takes_the_other_parts_anchors() -> None:
    question = parse("《北京市机器人产业创新发展行动方案》何时印发？由谁印发？")
    second = question.parts[1]
    assert [a.kind for a in second.anchors] == [AnchorKind.TITLE]


def test_anchors_titles_quotes_years_regions_and_codes() -> None:
    part = parse("2023年上海的“沪籍”人形机器人XR4和《上海市行动方案》").parts[0]
    kinds = {anchor.kind: anchor for anchor in part.anchors}
    assert kinds[AnchorKind.YEAR].text == "2023"
    assert kinds[AnchorKind.QUOTED].text == "沪籍"
    assert kinds[AnchorKind.CODE].text == "XR4"
    assert kinds[AnchorKind.TITLE].text == "上海市行动方案"
    assert "上海市" in kinds[AnchorKind.REGION].forms


def test_a_district_keeps_its_city_in_its_forms() -> None:
    (anchor,) = [a for a in parse("徐汇区占几家？").parts[0].anchors]
    assert anchor.forms[:2] == ("徐汇区", "上海市徐汇区")


def test_amounts_the_question_states_are_premises() -> None:
    part = parse("首批通过备案的8家大模型中，海淀区占几家？").parts[0]
    assert part.premises == ("8家",)


def test_content_words_leave_out_question_and_function_words() -> None:
    part = parse("2022年北京机器人产业收入是多少？").parts[0]
    assert part.keywords == ("机器人", "产业", "收入")


def test_a_place_word_after_a_noun_joins_no_word() -> None:
    """里/内/会上 after a noun would otherwise run into the next character as a name would
    (行动计划里说 -> 里说) and weigh as a rare word no passage holds."""
    part = parse("北京行动计划里说的格局是指哪三个区？").parts[0]
    assert part.keywords == ("行动计划", "格局")
    assert "跑完" in parse("最后有几台机器人在时限内跑完？").parts[0].keywords


def test_this_one_of_a_document_is_no_content_word() -> None:
    assert parse("武汉这项政策从哪天开始施行？").parts[0].keywords == ("政策", "开始", "施行")


def test_a_measure_asked_for_names_the_units_that_answer_it() -> None:
    assert "厘米" in parse("青龙身高多少？").parts[0].measure_units
    assert parse("青龙售价多少？").parts[0].measure_units == frozenset()
    money = parse("一共多少起融资？披露金额合计大约多少？").parts[1].measure_units
    assert "元" in money and "起" not in money
    staff = parse("有多少研发人员？占员工总数的比例？").parts
    assert "名" in staff[0].measure_units
    assert staff[1].measure_units == frozenset() and staff[1].asks_share
    assert parse("研发人员占员工总数多少？").parts[0].asks_share  # 占…多少 asks a share
    assert not parse("新工厂占地多少？").parts[0].asks_share  # 占地 is an area


def test_an_amount_answers_a_part_only_in_a_unit_it_admits() -> None:
    output = parse("二期投产后总年产能达到多少？").parts[0]
    assert output.admits_unit("台") and not output.admits_unit("亿元")
    both = parse("年产能和总投资额是多少？").parts[0]  # either measure answers
    assert both.admits_unit("万台") and both.admits_unit("亿元") and not both.admits_unit("名")
    rate = parse("去年产能利用率是多少？").parts[0]  # a rate of the 产能, in %
    assert rate.measure_units == frozenset() and rate.admits_unit("%")
    assert not parse("多少钱？").parts[0].admits_unit("个")
    assert parse("售价多少？").parts[0].admits_unit("元/百万tokens")


def test_unknown_names_are_marked() -> None:
    assert parse("达闼机器人2024年的营业收入是多少？").parts[0].unknown_words == ("达闼",)


def test_conjoined_indicators_are_asked_one_by_one() -> None:
    part = parse("中大力德2024年营业收入和归母净利润分别是多少？").parts[0]
    first, second = split_alternatives(part)
    assert "营业" in first.keywords and "净利润" not in first.keywords
    assert "净利润" in second.keywords and "营业" not in second.keywords


def test_names_asked_about_respectively_are_asked_one_by_one() -> None:
    part = parse("Qwen3-235B与DeepSeek-R1的API输入价格分别是多少？").parts[0]
    first, second = split_names(part)
    assert [a.text for a in first.anchors if a.kind is AnchorKind.CODE] == ["Qwen3-235B"]
    assert [a.text for a in second.anchors if a.kind is AnchorKind.CODE] == ["DeepSeek-R1"]
    assert first.keywords == second.keywords == part.keywords


def test_names_in_two_clauses_are_no_list() -> None:
    part = parse("要跑满血版Qwen3-235B-A22B，阿里云说需要多少张显卡？").parts[0]
    assert listed_names(part) == []


def test_names_acting_together_are_not_split() -> None:
    assert split_names(parse("Qwen3-235B与DeepSeek-R1的API输入价格是多少？").parts[0]) == []
    assert split_names(parse("DeepSeek-R1的API输入价格分别是多少？").parts[0]) == []


def test_a_name_written_with_a_model_code_names_another_thing() -> None:
    def link(text: str, _taken: object) -> list[Anchor]:
        start = text.index("星火")
        return [Anchor("星火", AnchorKind.ENTITY, ("星火", "讯飞星火"), start, start + 2)]

    part = parse_question("星火X1是哪天发布的？", link).parts[0]
    # named also as its maker's model ("讯飞星火的X1"), never as the maker alone
    assert [(a.text, a.kind, a.forms) for a in part.anchors] == [
        ("星火X1", AnchorKind.CODE, ("星火X1", "星火的X1", "讯飞星火的X1"))
    ]
    part = parse_question("星火大模型是哪天发布的？", link).parts[0]
    assert [a.text for a in part.anchors if a.kind is AnchorKind.ENTITY] == ["星火"]


def test_finance_abbreviations_are_written_out() -> None:
    assert "归属于上市公司股东的净利润" in parse("归母净利润是多少？").text


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("青龙全身有多少个主动自由度？", "主动"),
        ("2023年上海有几款人形机器人？", "人形"),
        # a clause after the count word names no counted thing of its own
        ("福田区上线了多少名基于DeepSeek开发的数智员工？", None),
        ("智谱AI在2023年累计获得了多少融资？", None),
    ],
)
def test_the_counted_word_follows_the_count_word(question: str, counted: str | None) -> None:
    assert parse(question).parts[0].counted_word == counted


@pytest.mark.parametrize(
    ("question", "unit"),
    [("若干措施一共几条？", "条"), ("签约了多少家企业？", "家"), ("首批签约了多少个项目？", None)],
)
def test_the_count_cue_asks_its_measure_word_unless_it_is_the_general_one(
    question: str, unit: str | None
) -> None:
    assert parse(question).parts[0].counted_unit == unit


def test_a_count_cue_ends_where_a_word_ends() -> None:
    # 多少项 would count 目; 多少项目 asks 多少 of 项目, and 、 parts two questions
    question = parse("大会签下多少项目、总投资多少？")
    assert [part.text for part in question.parts] == ["大会签下多少项目", "总投资多少"]
    assert "项目" in question.parts[0].keywords
    assert not question.parts[0].has(Intent.COUNT)


def test_a_unit_written_in_latin_letters_is_no_model_name() -> None:
    part = parse("每个token激活多少参数？").parts[0]
    assert not [anchor for anchor in part.anchors if anchor.kind is AnchorKind.CODE]
    assert [a.text for a in parse("Kimi K2.5的API价格是多少？").parts[0].anchors] == ["Kimi K2.5"]


def test_a_short_word_matches_its_longer_written_form() -> None:
    # 总额 in the question, 总金额 in the text; not 金额 alone
    assert coverage({"总额": 1.0}, "合同总金额为人民币4.26亿元", "") == 0.8
    assert coverage({"总额": 1.0}, "合同金额为人民币4.26亿元", "") == 0.0


def test_a_part_naming_a_round_does_not_take_the_other_parts_year() -> None:
    def years(question: str) -> list[str]:
        return [a.text for a in parse(question).parts[1].anchors if a.kind is AnchorKind.YEAR]

    assert years("星罗触觉2025年出货多少？A+轮由哪家机构领投？") == []  # the deal dates itself
    assert years("星罗触觉2025年出货多少？客户有哪些？") == ["2025"]


def test_a_region_of_several_provinces_is_a_region_anchor_in_all_its_forms() -> None:
    anchors = parse("2025年第三季度长江三角洲的人形机器人营收是多少？").parts[0].anchors
    groups = [a for a in anchors if a.kind is AnchorKind.REGION and a.region is None]
    assert [(a.text, a.forms) for a in groups] == [("长三角", ("长三角", "长江三角洲"))]


def test_how_large_a_scale_asks_the_amount_and_scale_is_no_content_word() -> None:
    part = parse("2024年2月和3月，月之暗面和MiniMax各自完成了多大规模的融资？").parts[0]
    assert "融资" in part.keywords and "规模" not in part.keywords
    assert "规模" in parse("苏州的产业规模有多大？").parts[0].keywords
