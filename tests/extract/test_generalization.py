"""Beyond the seed page: an article written here and nowhere else, and quality floors on
the sample corpus's development and held-out test halves (measured with `eval`)."""

from __future__ import annotations

from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from industry_atlas import pipeline
from industry_atlas.core.models import Extraction, FactKind, MentionType, PartialDate
from industry_atlas.evaluate import total
from industry_atlas.extract import get_extractor
from industry_atlas.ingest import LoadOptions, build_document

UNSEEN = """合肥出台具身智能产业若干政策 最高补助2000万元

合肥日报讯（记者 周雯）2025年6月12日

6月10日，合肥市人民政府办公室印发《合肥市加快具身智能产业发展若干政策》，提出到2027年全市具身智能产业规模突破300亿元。

总部位于合肥高新区的科大讯飞今年3月发布了面向人形机器人的“讯飞超脑”平台；同月，合肥本土企业星曜智能宣布完成2亿元A轮融资，由合肥产投领投，国元创投跟投。

据合肥市经济和信息化局介绍，2024年合肥机器人产业营业收入约180亿元，同比增长21%。合肥市经济和信息化局局长张立群表示：“我们要把场景开放作为最大的招商资源。”
"""


@pytest.fixture(scope="module")
def unseen() -> Extraction:
    document = build_document(UNSEEN.encode(), "hefei.txt", LoadOptions())
    return get_extractor().extract(document)


def facts(extraction: Extraction, kind: FactKind) -> list:
    return [fact for fact in extraction.facts if fact.kind == kind]


def test_an_unseen_policy_has_its_issuer_region_and_date(unseen: Extraction) -> None:
    (policy,) = facts(unseen, FactKind.POLICY_ISSUED)
    assert policy.subject == "合肥市加快具身智能产业发展若干政策"
    assert policy.object == "合肥市人民政府办公室"
    assert policy.qualifiers["region"] == "合肥市"
    assert policy.time == PartialDate(2025, 6, 10)


def test_an_unlisted_company_is_found_with_its_financing_and_investors(
    unseen: Extraction,
) -> None:
    organizations = {entity.name for entity in unseen.entities if entity.type.value == "org"}
    assert {"星曜智能", "合肥产投", "国元创投", "合肥市经济和信息化局"} <= organizations
    financing = [f for f in facts(unseen, FactKind.EVENT) if f.predicate == "financing"]
    assert [(f.subject, f.time) for f in financing] == [("星曜智能", PartialDate(2025, 3))]
    located = {f.subject: f.object for f in facts(unseen, FactKind.LOCATED_IN)}
    assert located["星曜智能"] == "合肥市"


def test_unseen_figures_have_subject_value_unit_and_time(unseen: Extraction) -> None:
    metrics = {
        (f.subject, f.quantity.value, f.quantity.unit, f.quantity.qualifier.value, str(f.time))
        for f in facts(unseen, FactKind.METRIC)
        if f.quantity
    }
    assert ("合肥市", Decimal("30000000000"), "元", ">", "2027") in metrics
    assert ("合肥市", Decimal("18000000000"), "元", "~", "2024") in metrics
    assert ("合肥市", Decimal("21"), "%", "=", "2024") in metrics
    assert ("星曜智能", Decimal("200000000"), "元", "=", "2025-03") in metrics


def test_an_unseen_quote_has_its_speaker_and_title(unseen: Extraction) -> None:
    (quote,) = facts(unseen, FactKind.QUOTE)
    assert quote.subject == "张立群"
    titles = {(f.subject, f.predicate, f.object) for f in facts(unseen, FactKind.HOLDS_TITLE)}
    assert ("张立群", "局长", "合肥市经济和信息化局") in titles


SAMPLES = Path(str(resources.files("industry_atlas") / "samples"))
# Floors a little under the figures measured when they were set (docs/extraction.md): a
# change that loses more than a point or two on either half fails here (set at dev
# 0.795, test 0.805).
FLOORS = {"dev": 0.79, "test": 0.80}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_sample_corpus_quality_does_not_regress(split: str) -> None:
    scores = pipeline.evaluate_folder(
        SAMPLES / "gold" / split, SAMPLES / "docs", get_extractor(), LoadOptions()
    )
    overall = total(scores).overall.f1
    assert overall >= FLOORS[split], f"{split} overall F1 {overall:.3f} < {FLOORS[split]}"


@pytest.mark.parametrize(
    ("sentence", "indicator", "low", "high"),
    [
        ("测算显示，执行器占比约40%-50%。", "执行器占比", "40", "50"),
        ("预计市场空间约1500亿至2000亿元。", "预计市场空间", "150000000000", "200000000000"),
        ("本地配套率达到60至70%。", "本地配套率", "60", "70"),
    ],
)
def test_a_range_is_two_bounds_with_the_words_before_it(
    sentence: str, indicator: str, low: str, high: str
) -> None:
    text = f"机器人产业观察\n\n2025年3月1日\n\n苏州汇川技术{sentence}"
    extraction = get_extractor().extract(build_document(text.encode(), "range.txt", LoadOptions()))
    bounds = {
        (fact.predicate, str(fact.quantity.value), fact.quantity.qualifier.value)
        for fact in facts(extraction, FactKind.METRIC)
        if fact.quantity is not None
    }
    assert {(indicator, low, ">="), (indicator, high, "<=")} <= bounds
    assert all(not value.startswith("-") for _, value, _ in bounds)


def test_a_company_named_with_an_everyday_word_is_found_by_its_raise() -> None:
    # 自变量 and 灯塔 are dictionary words; raising a round shows them to open a name
    text = (
        "具身智能融资周报\n2025年5月8日\n"
        "5月6日，成都的灯塔机器人完成1亿元天使轮融资，由成都科创投领投。"
        "人形机器人完成首次半程马拉松。"
    )
    document = build_document(text.encode(), "weekly.txt", LoadOptions())
    extraction = get_extractor().extract(document)
    organizations = {entity.name for entity in extraction.entities if entity.type.value == "org"}
    assert "灯塔机器人" in organizations
    assert "人形机器人" not in organizations
    financing = [f for f in facts(extraction, FactKind.EVENT) if f.predicate == "financing"]
    assert [(f.subject, f.time) for f in financing] == [("灯塔机器人", PartialDate(2025, 5, 6))]


REVIEW = """四款消费级人形机器人横评
2025年6月2日

我们挑选了乐聚机器人、云帆机器人两家企业的机型进行测试。
X3来自深圳的乐聚机器人，去年11月发布，身高120厘米、体重28公斤。
K5则由成都的云帆机器人研发，今年4月上市，售价4.2万元。
云帆机器人成立至今累计完成3轮融资。
"""

INTERVIEW = """专访智元机器人联合创始人：先把单台成本降下来
2025年6月2日

智元机器人是今年最受关注的人形机器人创业公司之一，智元机器人的总部位于上海。记者近日专访了智元机器人联合创始人李明。
李明：今年3月我们完成了2亿元B轮融资，由上海创投领投。
"""


def _extraction(text: str) -> Extraction:
    return get_extractor().extract(build_document(text.encode(), "article.txt", LoadOptions()))


def test_a_sentence_opening_with_a_model_dates_its_release_or_launch() -> None:
    # "X3…，去年11月发布" is a release; "…，今年4月上市" is a launch (going on sale)
    events = {(f.subject, f.predicate, f.time) for f in facts(_extraction(REVIEW), FactKind.EVENT)}
    assert ("X3", "release", PartialDate(2024, 11)) in events
    assert ("K5", "launch", PartialDate(2025, 4)) in events


def test_a_tally_of_rounds_is_no_financing_event() -> None:
    financing = [
        f for f in facts(_extraction(REVIEW), FactKind.EVENT) if f.predicate == "financing"
    ]
    assert financing == []


def test_we_in_an_interview_raise_for_the_company_the_article_is_about() -> None:
    financing = [
        (f.subject, f.time)
        for f in facts(_extraction(INTERVIEW), FactKind.EVENT)
        if f.predicate == "financing"
    ]
    assert financing == [("智元机器人", PartialDate(2025, 3))]


def test_what_is_unveiled_at_a_meeting_is_dated_by_the_meeting() -> None:
    text = (
        "苏州具身智能大会举行\n2025年6月20日\n"
        "6月18日，2025苏州具身智能产业大会在苏州国际博览中心举行。"
        "大会还为苏州市具身智能创新研究院揭牌。"
        "会上，规模20亿元的苏州具身智能产业基金宣布设立。"
    )
    events = {(f.subject, f.predicate, f.time) for f in facts(_extraction(text), FactKind.EVENT)}
    assert ("苏州市具身智能创新研究院", "establishment", PartialDate(2025, 6, 18)) in events
    assert ("苏州具身智能产业基金", "establishment", PartialDate(2025, 6, 18)) in events


def test_a_product_named_again_with_its_brand_is_what_its_price_is_about() -> None:
    # 众擎SA01 in the price sentence is SA01 again, not a figure of the N2 before it
    text = (
        "两款入门人形机器人对比\n2025年6月2日\n"
        "我们挑选了两家企业的主力机型，即众擎SA01和松延动力N2，进行了两周的测试。\n"
        "SA01来自深圳的众擎机器人，身高约121厘米。\n"
        "N2则由北京的松延动力研发，身高120厘米。\n"
        "价格方面，众擎SA01售价3.8万元；松延动力N2售价3.99万元。"
    )
    prices = {
        (f.subject, f.quantity.value)
        for f in facts(_extraction(text), FactKind.METRIC)
        if f.quantity and f.quantity.unit == "元"
    }
    # (the product is 众擎SA01, SA01 its alias: one product named with and without its brand)
    assert prices == {("众擎SA01", Decimal("38000")), ("松延动力N2", Decimal("39900"))}


def test_the_word_opening_a_list_is_no_part_of_its_first_name() -> None:
    text = "新品速览\n2025年6月2日\n本周共有三款机型亮相，即宇树G1、众擎SA01、加速进化T1。"
    products = {e.name for e in _extraction(text).entities if e.type.value == "product"}
    assert "宇树G1" in products and "即宇树G1" not in products


def test_words_of_a_plan_or_a_speaker_open_no_name() -> None:
    # 力争全年机器人…, 我代表…: a plan's and a speaker's words before an organization word;
    # an old investor "继续跟投" is the investor, not 基金继续
    text = (
        "政府工作报告摘要\n2025年1月6日\n"
        "我代表宁波市人民政府作工作报告。力争全年机器人产业营业收入突破300亿元。"
        "今年3月，宁波的星川智能完成3亿元A轮融资，宁波天使基金继续跟投。"
    )
    organizations = _organizations(_extraction(text))
    assert {"宁波市人民政府", "宁波天使基金"} <= organizations
    assert not {"我代表宁波市人民政府", "力争全年机器人", "宁波天使基金继续"} & organizations


def _organizations(extraction: Extraction) -> set[str]:
    return {e.name for e in extraction.entities if e.type.value == "org"}


def _dated_deeds(extraction: Extraction) -> set[tuple[str, str]]:
    """(subject, date) of the `other` events: deeds, listings, meetings held."""
    return {
        (f.subject, str(f.time))
        for f in facts(extraction, FactKind.EVENT)
        if f.predicate == "other"
    }


def _indicators_by_value(extraction: Extraction) -> dict[Decimal, str]:
    """Each figure's value -> the indicator it was given."""
    return {f.quantity.value: f.predicate for f in facts(extraction, FactKind.METRIC) if f.quantity}


def _subjects_by_value(extraction: Extraction) -> dict[Decimal, str]:
    """Each figure's value -> the subject it was given."""
    return {f.quantity.value: f.subject for f in facts(extraction, FactKind.METRIC) if f.quantity}


def _metrics(text: str) -> set[tuple[str, Decimal, str]]:
    return {
        (f.subject, f.quantity.value, f.quantity.unit)
        for f in facts(_extraction(text), FactKind.METRIC)
        if f.quantity
    }


def test_a_latin_maker_name_going_on_into_a_designation_is_the_product() -> None:
    # "Figure 02" and "MiniMax-Text-01" are products, not one more mention of their maker;
    # "其人形机器人Apollo身高…" presents a product of the company the sentence before names
    text = (
        "海外周报\n2025年2月3日\n"
        "Figure AI 的Figure 02自去年8月发布以来一直在工厂测试。"
        "MiniMax在1月15日开源的MiniMax-Text-01支持超长上下文。"
        "Apptronik宣布完成3.5亿美元A轮融资。其人形机器人Apollo身高173厘米。"
    )
    extraction = _extraction(text)
    makes = {(f.object, f.subject) for f in facts(extraction, FactKind.MAKES)}
    assert {("Figure 02", "Figure AI"), ("MiniMax-Text-01", "MiniMax")} <= makes
    assert ("Apollo", "Apptronik") in makes
    events = {(f.subject, f.predicate, f.time) for f in facts(extraction, FactKind.EVENT)}
    assert ("Figure 02", "release", PartialDate(2024, 8)) in events
    assert ("Apollo", Decimal("173"), "厘米") in _metrics(text)


def test_a_code_name_given_to_a_robot_is_a_product() -> None:
    text = (
        "长春机器人产业简报\n2025年3月2日\n"
        "由吉林大学研发、代号为“北国一号”的人形机器人样机于2月在长春下线，身高165厘米。"
    )
    extraction = _extraction(text)
    makes = {(f.object, f.subject) for f in facts(extraction, FactKind.MAKES)}
    assert ("北国一号", "吉林大学") in makes
    assert ("北国一号", Decimal("165"), "厘米") in _metrics(text)


def test_in_a_filing_the_company_is_the_filer_not_the_last_company_named() -> None:
    text = (
        "杭州示例智能装备股份有限公司2025年半年度报告摘要\n"
        "证券代码：300000　证券简称：示例智能\n"
        "控股股东杭州某某投资有限公司持股比例为31.5%。\n"
        "上半年，公司机器人业务实现收入5.2亿元，同比增长12%。"
    )
    metrics = _metrics(text)
    assert ("杭州示例智能装备股份有限公司", Decimal("520000000"), "元") in metrics
    assert ("杭州某某投资有限公司", Decimal("31.5"), "%") in metrics


def test_a_government_report_owns_the_figures_it_states_without_a_subject() -> None:
    # the issuer of a document named in passing is no subject; an indicator never reaches
    # back over a sentence end
    text = (
        "2025年长沙市政府工作报告（摘要）\n2025年1月10日\n"
        "过去一年，长沙加快产业升级。工程机械产业集群营业收入达到2800亿元。"
        "深入落实工业和信息化部等部门印发的《指导意见》，设立规模30亿元的机器人产业基金。"
    )
    facts_by_value = {
        f.quantity.value: f for f in facts(_extraction(text), FactKind.METRIC) if f.quantity
    }
    revenue = facts_by_value[Decimal("280000000000")]
    assert (revenue.subject, revenue.predicate) == ("长沙市", "工程机械产业集群营业收入")
    assert facts_by_value[Decimal("3000000000")].subject == "长沙市"


def test_a_function_word_glued_to_a_name_by_the_segmenter_is_no_part_of_it() -> None:
    text = "产业链周报\n2025年6月9日\n新一代行星滚柱丝杠PRS-12由北特科技研发，已小批量供货。"
    organizations = _organizations(_extraction(text))
    assert "北特科技" in organizations
    assert not any("由" in name for name in organizations)


def test_if_and_by_means_of_open_no_name() -> None:
    # "若星擎智能…" (jieba reads 若星擎 as a person's name), "90日内以银行转账"
    text = (
        "某公司关于签订重大合同的公告\n2025年12月17日\n"
        "货到验收合格后90日内以银行转账方式结算。若星擎智能量产计划调整，实际执行金额可能降低。"
    )
    organizations = _organizations(_extraction(text))
    assert "星擎智能" in organizations
    assert not any(name.startswith(("若", "日内")) for name in organizations)


def test_a_dated_deed_belongs_to_the_organization_doing_it_not_its_partner() -> None:
    text = (
        "人形机器人周刊\n2025年7月14日\n"
        "今年6月，优必选科技发布Walker S2；上周，公司又与比亚迪签署战略合作协议。"
        "2019年，埃斯顿完成对德国克鲁斯的收购。"
    )
    deeds = {
        (f.subject, f.time)
        for f in facts(_extraction(text), FactKind.EVENT)
        if f.predicate == "other"
    }
    # 上周 of a Monday, 14 July, is 7 to 13 July; 公司 is the company that opened the sentence
    assert deeds == {("优必选科技", PartialDate(2025, 7)), ("埃斯顿", PartialDate(2019))}


def test_the_investor_in_a_park_is_not_what_the_parks_figures_are_about() -> None:
    text = (
        "园区动态\n2025年3月2日\n"
        "去年底，由吉利集团投资建设的杭州湾机器人智造产业园一期启用，总建筑面积约12万平方米。"
    )
    assert _metrics(text) == {("杭州湾机器人智造产业园", Decimal("120000"), "平方米")}


def test_a_district_bureau_stands_for_its_district_not_the_whole_city() -> None:
    text = (
        "政策速递\n2024年5月20日\n"
        "5月，杭州市余杭区经济和信息化局出台《余杭区支持具身智能产业发展若干政策》，"
        "对新落户的整机企业，按设备投资额的20%给予补助。"
    )
    assert ("杭州市余杭区", Decimal("20"), "%") in _metrics(text)


def test_a_rare_word_made_of_everyday_words_does_not_open_a_company_name() -> None:
    text = "公司公告\n2025年4月22日\n受下游工业自动化需求疲软影响，公司营业收入下降3%。"
    organizations = _organizations(_extraction(text))
    assert not any("下游" in name for name in organizations)


def test_a_share_names_the_part_the_sentence_counted_before_it() -> None:
    text = "年报点评\n2025年4月22日\n2024年，汇川技术研发投入30亿元，占营业收入的8.1%。"
    shares = {
        f.predicate: f.quantity.value
        for f in facts(_extraction(text), FactKind.METRIC)
        if f.quantity and f.quantity.unit == "%"
    }
    assert shares == {"研发投入占营业收入": Decimal("8.1")}


def test_a_foreign_subsidiary_named_in_latin_letters_is_an_organization() -> None:
    text = "公告解读\n2025年10月30日\n报告期内，德国子公司Kassow（卡索）收入同比下降4%。卡索将继续开拓欧洲市场。"
    subsidiary = next(e for e in _extraction(text).entities if e.name == "Kassow")
    assert subsidiary.aliases == ("卡索",)


def test_platforms_a_count_sums_up_are_organizations_and_a_count_claim() -> None:
    text = (
        "大会快讯\n2024年11月16日\n"
        "11月15日，大会在成都开幕。同日，四川省具身智能机器人中试验证平台、"
        "重庆市人形机器人数据训练场两个新平台揭牌。"
    )
    extraction = _extraction(text)
    platforms = {"四川省具身智能机器人中试验证平台", "重庆市人形机器人数据训练场"}
    kinds = {e.name: e.attrs["kind"] for e in extraction.entities if e.name in platforms}
    assert kinds == dict.fromkeys(platforms, "other")
    claims = facts(extraction, FactKind.COUNT_CLAIM)
    assert [(c.quantity.value, c.qualifiers["enumerated"]) for c in claims if c.quantity] == [
        (Decimal(2), "2")
    ]


def test_a_first_phase_going_into_use_establishes_the_park() -> None:
    text = "园区动态\n2025年3月2日\n2024年12月，萧山机器人智造产业园一期启用，首批入驻企业12家。"
    events = {(f.subject, f.predicate, f.time) for f in facts(_extraction(text), FactKind.EVENT)}
    assert events == {("萧山机器人智造产业园", "establishment", PartialDate(2024, 12))}


def test_a_price_per_million_tokens_is_the_models() -> None:
    text = "大模型价格战\n2025年1月23日\n1月22日，字节跳动发布Doubao-1.5-pro，输入价格低至每百万tokens 0.8元。"
    assert ("Doubao-1.5-pro", Decimal("0.8"), "元/百万tokens") in _metrics(text)


def test_what_a_company_did_is_no_part_of_its_name() -> None:
    text = "模型周报\n2025年5月6日\n4月29日，阿里巴巴开源Qwen3系列模型，其中旗舰版Qwen3-235B-A22B总参数2350亿。"
    organizations = _organizations(_extraction(text))
    assert "阿里巴巴" in organizations
    assert not any("开源" in name for name in organizations)


def test_a_makers_team_releasing_a_model_is_the_maker_releasing_it() -> None:
    text = "模型动态\n2025年2月3日\n1月20日，月之暗面（Moonshot AI）Kimi团队发布Kimi-k1.5，支持128K上下文。"
    releases = {
        (f.subject, f.time)
        for f in facts(_extraction(text), FactKind.EVENT)
        if f.predicate == "release"
    }
    assert releases == {("Kimi-k1.5", PartialDate(2025, 1, 20))}


def test_every_model_after_one_release_verb_is_released() -> None:
    text = "展会直击\n2024年8月22日\n傅利叶带来了两天前刚刚发布的GR-2和GR-1T，吸引大批观众。"
    released = {
        f.subject for f in facts(_extraction(text), FactKind.EVENT) if f.predicate == "release"
    }
    assert released == {"GR-2", "GR-1T"}


def test_the_maker_of_a_product_is_named_in_its_own_part_of_the_sentence() -> None:
    text = (
        "行业观察\n2025年3月1日\n"
        "春节期间，宇树科技（Unitree）的H1登上舞台；优必选（UBTech）的Walker S1则已进入车厂实训。"
    )
    makes = {(f.subject, f.object) for f in facts(_extraction(text), FactKind.MAKES)}
    assert ("优必选", "Walker S1") in makes
    assert ("宇树科技", "Walker S1") not in makes


def test_this_company_founded_on_a_date_is_the_company_just_named() -> None:
    text = "城市产业观察\n2025年6月3日\n说起杭州的机器人产业，总要提到宇树科技。这家2016年成立于杭州的企业，如今已是行业明星。"
    foundings = {
        (f.subject, f.time)
        for f in facts(_extraction(text), FactKind.EVENT)
        if f.predicate == "founding"
    }
    assert foundings == {("宇树科技", PartialDate(2016))}


def test_a_place_in_brackets_after_a_company_is_where_it_is_not_what_figures_are_about() -> None:
    text = (
        "零部件公司跟踪\n2025年3月18日\n"
        "• 恒川精密（江苏常州）：2024年实现营业收入3.87亿元，同比增长8.5%。\n"
    )
    extraction = get_extractor().extract(build_document(text.encode(), "brief.txt", LoadOptions()))
    subjects = _subjects_by_value(extraction)
    assert subjects == {Decimal("387000000"): "恒川精密", Decimal("8.5"): "恒川精密"}


LINEUP = (
    "具身智能周报\n2025年3月2日\n"
    "宇树科技、加速进化与乐聚机器人在杭州设有展厅。2月28日的展会上共有4款人形机器人同台亮相，"
    "分别是宇树H1、加速进化T1、乐聚夸父和星尘S9。"
    "报告重点推荐3家公司——绿的谐波、双环传动、拓普集团。"
    "他分享过这样一个观点：数据、算力、算法缺一不可。"
)


def test_a_counted_lineup_names_each_product_after_its_maker() -> None:
    extraction = _extraction(LINEUP)
    makers = {f.object: f.subject for f in facts(extraction, FactKind.MAKES)}
    assert makers["加速进化T1"] == "加速进化"
    assert makers["夸父"] == "乐聚机器人"  # 乐聚 is the brand of 乐聚机器人
    claims = {
        (f.quantity.value, f.qualifiers["items"])
        for f in facts(extraction, FactKind.COUNT_CLAIM)
        if f.quantity
    }
    assert (Decimal(3), "绿的谐波|双环传动|拓普集团") in claims
    assert all(claimed >= 2 for claimed, _ in claims)  # "一个观点：" opens no list


def test_list_and_suffix_names_stop_where_the_name_does() -> None:
    text = (
        "融资周报\n2025年5月6日\n"
        "本轮由红杉中国领投，老股东启明创投、线性资本继续超额跟投。"
        "客户有极智嘉、海柔创新、优艾智合等企业。"
        "为落实四川省经济和信息化厅部署，成都出台措施。"
        "三城若能形成“深圳研发、东莞制造、广州应用”的分工，三市机器人相关产业规模有望突破5000亿元。"
    )
    extraction = _extraction(text)
    organizations = _organizations(extraction)
    assert {"启明创投", "线性资本", "优艾智合", "四川省经济和信息化厅"} <= organizations
    assert not any(
        name.endswith(("等", "超额")) or name.startswith(("落实", "三市")) for name in organizations
    )


def test_rounds_told_after_the_company_was_named_are_its_financing() -> None:
    text = (
        "星衡智能完成B轮融资\n2025年11月18日\n"
        "星衡智能成立于2024年1月。公司至今已完成三轮融资：2024年3月获得奇绩创坛5000万元天使轮投资；"
        "2024年10月完成2亿元A轮融资，由启明创投领投。"
        "头部公司今年密集完成大额融资。"
        "《关于加快具身智能发展的若干措施》同时印发。《若干措施》自2025年9月1日起施行。"
        "《星城人形机器人行动方案》另行发布。"
    )
    extraction = _extraction(text)
    events = {(f.predicate, f.subject, str(f.time)) for f in facts(extraction, FactKind.EVENT)}
    assert ("financing", "星衡智能", "2024-03") in events
    assert ("financing", "星衡智能", "2024-10") in events
    assert ("other", "关于加快具身智能发展的若干措施", "2025-09-01") in events
    assert not any(subject == "星城人形机器人行动方案" for _, subject, _ in events)


def test_a_designation_keeps_the_brand_its_maker_is_named_after() -> None:
    text = "新品速递\n2025年5月8日\n星衡智能今年4月发布了双足人形机器人星衡T2，身高168厘米。"
    extraction = _extraction(text)
    products = {e.name for e in extraction.entities if e.type.value == "product"}
    assert "星衡T2" in products and "T2" not in products


def test_a_known_series_name_inside_a_designation_is_the_designation() -> None:
    text = (
        "模型价格观察\n2025年3月24日\n"
        "上周五，腾讯正式发布深度思考模型混元T1。"
        "定价方面，混元T1的API输入价格为每百万tokens 1元。"
        "同日，星衡智能发布了轮式双臂机器人星衡W1。"
    )
    extraction = _extraction(text)
    products = {e.name for e in extraction.entities if e.type.value == "product"}
    assert {"混元T1", "星衡W1"} <= products and "混元" not in products
    prices = {
        f.subject
        for f in facts(extraction, FactKind.METRIC)
        if f.quantity and "tokens" in f.quantity.unit
    }
    assert prices == {"混元T1"}


def test_two_measures_granting_the_same_rate_are_two_facts() -> None:
    text = (
        "杭州市人民政府办公厅关于支持具身智能发展的若干措施\n2025年3月24日\n"
        "对列入市级攻关项目的核心零部件，按项目总投资的30%给予支持。"
        "对企业租用本地算力开展模型训练的，按实际支付费用的30%给予补贴。"
    )
    extraction = _extraction(text)
    rates = [f for f in facts(extraction, FactKind.METRIC) if f.quantity and f.quantity.unit == "%"]
    assert len(rates) == 2
    assert any("算力" in f.predicate for f in rates)


def test_an_exchange_and_a_word_inside_qizhong_are_no_subjects() -> None:
    text = (
        "港股观察\n2025年8月20日\n"
        "星衡智能于2024年12月23日在港交所主板上市，招股价每股18.8港元。"
        "截至2024年底，深圳规模以上机器人企业超过1100家，其中国家级专精特新企业52家。"
    )
    extraction = _extraction(text)
    subjects = _subjects_by_value(extraction)
    assert subjects[Decimal("18.8")] != "港交所"
    assert subjects[Decimal("52")] == "深圳市"


def test_parameters_belong_to_the_model_and_an_edition_word_is_no_name() -> None:
    text = (
        "大模型周报\n2025年7月29日\n"
        "7月28日，智谱发布新一代旗舰模型GLM-4.5。这是一款总参数3550亿、激活参数320亿的模型。"
        "同时推出的还有轻量版GLM-4.5-Air。"
    )
    extraction = _extraction(text)
    products = {e.name for e in extraction.entities if e.type.value == "product"}
    assert {"GLM-4.5", "GLM-4.5-Air"} <= products
    assert not {"GLM-4", "轻量版GLM-4.5-Air"} & products
    counts = _subjects_by_value(extraction)
    assert counts[Decimal("355000000000")] == counts[Decimal("32000000000")] == "GLM-4.5"


def test_the_company_a_pronoun_means_is_not_the_investor_named_last() -> None:
    text = (
        "融资快讯\n2025年11月18日\n"
        "星衡智能2025年5月完成4亿元B轮融资，美团龙珠领投。按此计算，公司累计融资额已超过13亿元。"
    )
    extraction = _extraction(text)
    subjects = _subjects_by_value(extraction)
    assert subjects[Decimal("1300000000")] == "星衡智能"
    # the headline 融资快讯 is a column name, not the byline of an outlet called 融资快
    assert "融资快" not in {e.name for e in extraction.entities}


def test_the_customers_a_count_introduces_are_organizations() -> None:
    text = (
        "订单观察\n2025年11月18日\n"
        "星衡W1已进入4家行业头部客户的产线，包括吉利汽车、顺丰、京东物流和杭州娃哈哈集团。"
    )
    extraction = _extraction(text)
    organizations = _organizations(extraction)
    assert {"吉利汽车", "顺丰", "京东物流", "杭州娃哈哈集团"} <= organizations


def test_this_one_released_on_a_date_dates_the_product_named_last() -> None:
    text = (
        "展会直击\n2024年8月22日\n"
        "北京人形机器人创新中心推出的人形机器人“天衡”也吸引了不少观众。"
        "这款由创新中心今年4月发布的全尺寸人形机器人，奔跑速度可达每小时6公里。"
    )
    extraction = _extraction(text)
    releases = {
        (f.subject, str(f.time))
        for f in facts(extraction, FactKind.EVENT)
        if f.predicate == "release"
    }
    assert ("天衡", "2024-04") in releases


def test_our_model_released_on_a_date_is_the_interviewees_company() -> None:
    text = (
        "对话星衡智能创始人\n2025年3月8日\n"
        "星衡智能成立于2020年。记者：星衡智能的产品用在哪里？\n"
        "李明：星衡智能主要做巡检。我们的巡星X30在2023年10月推出，已在变电站巡检。"
    )
    extraction = _extraction(text)
    makers = {(f.subject, f.object, str(f.time)) for f in facts(extraction, FactKind.MAKES)}
    assert ("星衡智能", "巡星X30", "2023-10") in makers


def test_a_science_city_is_a_place_not_a_company() -> None:
    text = (
        "沈阳新闻\n2025年1月6日\n"
        "6月，辽宁省人形机器人创新中心在浑南科技城揭牌，首批吸纳成员单位41家。星衡科技"
    )
    extraction = _extraction(text)
    organizations = _organizations(extraction)
    assert "浑南科技" not in organizations
    assert "辽宁省人形机器人创新中心" in organizations


def test_an_indicator_does_not_open_with_the_as_of_word_of_its_date() -> None:
    text = (
        "基地观察\n2025年3月5日\n松山湖国际机器人产业基地截至2024年底累计孵化硬科技企业超过100家。"
    )
    extraction = _extraction(text)
    (figure,) = [f for f in facts(extraction, FactKind.METRIC) if f.quantity]
    assert figure.predicate == "孵化硬科技企业" and str(figure.time) == "2024"


def test_a_dated_clause_releases_for_its_sentences_company_whose_accounts_stay_its_own() -> None:
    text = (
        "零部件公司跟踪\n2025年3月18日\n"
        "• 星衡传动（广东深圳）：2024年11月发布XH-17灵巧手，单手17个自由度；"
        "2024年营业收入约15.2亿元。\n"
    )
    extraction = _extraction(text)
    releases = {
        (f.subject, str(f.time))
        for f in facts(extraction, FactKind.EVENT)
        if f.predicate == "release"
    }
    assert any(subject.startswith("XH-17") and time == "2024-11" for subject, time in releases)
    subjects = _subjects_by_value(extraction)
    assert subjects[Decimal("1520000000")] == "星衡传动"


def test_a_listing_on_an_exchange_is_an_event_of_the_company_not_the_exchange() -> None:
    text = (
        "港股观察\n2025年8月20日\n"
        "2024年12月23日在港交所主板上市的星衡科技，招股价每股18.8港元，公司今年推出的人形机器人Atom已接获订单。"
        "2025年7月，星衡机器人有限公司向港交所递交上市申请。"
    )
    extraction = _extraction(text)
    events = {(f.subject, str(f.time)) for f in facts(extraction, FactKind.EVENT)}
    assert ("星衡科技", "2024-12-23") in events
    assert ("星衡机器人有限公司", "2025-07") in events
    assert not any(subject == "港交所" for subject, _ in events)
    makers = {f.object: f.subject for f in facts(extraction, FactKind.MAKES)}
    assert makers.get("Atom") != "港交所"


def test_facilities_a_count_introduces_are_organizations_only_when_a_place_names_them() -> None:
    text = (
        "东莞新闻\n2025年3月18日\n"
        "今年将建设3个公共服务平台，分别是机器人检验检测中心、具身智能数据采集训练场和关节模组中试平台。"
        "大会期间共有2个新平台揭牌，分别是四川省具身智能机器人中试验证平台和重庆市人形机器人数据训练场。"
    )
    organizations = _organizations(_extraction(text))
    assert "具身智能数据采集训练场" not in organizations
    assert "重庆市人形机器人数据训练场" in organizations


def test_a_place_after_a_place_of_zai_is_where_not_whose() -> None:
    text = (
        "数据工厂探访\n2025年11月18日\n"
        "星衡智能在杭州未来科技城建有一座面积约3000平方米的数据采集工厂。"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("3000")] == "星衡智能"


def test_joints_counted_after_the_amount_are_the_robots_not_its_models() -> None:
    text = (
        "新品速递\n2025年4月25日\n"
        "今年4月24日，星衡智能推出双足人形机器人星衡L2，搭载自研大模型“星脑”，全身41个自由度。"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("41")] == "星衡L2"


def test_results_announced_on_a_day_are_a_dated_deed() -> None:
    text = "港股速递\n2025年8月20日\n星衡科技昨日（19日）公布截至今年6月30日止六个月的中期业绩。"
    events = {(f.subject, str(f.time)) for f in facts(_extraction(text), FactKind.EVENT)}
    assert ("星衡科技", "2025-08-19") in events


def test_a_company_named_with_its_stock_code_is_found() -> None:
    text = (
        "港股观察\n2025年8月20日\n"
        "全球最大电子代工厂鸿海（2317）亦加快机器人布局。智能驾驶晶片商星衡图灵（09660）则于去年挂牌。"
        "《机器人产业报告（2024）》同日发布。"
    )
    organizations = _organizations(_extraction(text))
    assert {"鸿海", "星衡图灵"} <= organizations
    assert not {"电子代工厂鸿海", "机器人产业报告"} & organizations  # a year is no code


def test_a_tagged_name_ends_where_a_pronoun_begins() -> None:
    text = (
        "台湾科技新闻\n2025年8月20日\n"
        "鸿海董事长刘扬伟表示，集团正与辉达合作。「机械人不只是产品，更是鸿海自家工厂的生产力。」刘扬伟说。"
    )
    organizations = _organizations(_extraction(text))
    assert "鸿海" in organizations and "鸿海自家工厂" not in organizations


def test_the_names_before_deng_gongchang_or_cheqi_are_organizations() -> None:
    text = "工厂实训\n2025年8月20日\n星衡S2目前已进入比亚迪、吉利及富士康等工厂实训。"
    organizations = _organizations(_extraction(text))
    assert {"比亚迪", "吉利", "富士康"} <= organizations


def test_a_count_after_ge_is_one_figure_per_thing_listed() -> None:
    text = (
        "成都政策\n2025年3月24日\n"
        "到2025年底，全市推出整机产品10款以上，建成人形机器人训练场和中试验证平台各1个。"
    )
    figures = {
        (f.subject, f.predicate, f.quantity.value)
        for f in facts(_extraction(text), FactKind.METRIC)
        if f.quantity
    }
    assert ("成都市", "人形机器人训练场数量", Decimal(1)) in figures
    assert ("成都市", "中试验证平台数量", Decimal(1)) in figures


def test_a_district_park_its_pronoun_and_a_local_company_in_a_plan_story() -> None:
    text = (
        "苏州工业园区发布具身智能产业三年行动计划\n\n2025年9月12日　苏州日报\n\n"
        "9月10日，苏州工业园区管委会印发行动计划，提出到2027年园区具身智能产业规模突破200亿元。"
        "园区现有机器人相关企业约90家。"
        "据悉，苏州本地企业汇川技术已在园区设立关节研发中心，总投资5亿元。"
    )
    figures = {
        f.quantity.value: (f.subject, f.predicate)
        for f in facts(_extraction(text), FactKind.METRIC)
        if f.quantity
    }
    assert Decimal(3) not in figures  # 三年行动计划 names a plan
    assert figures[Decimal("20000000000")] == ("苏州工业园区", "园区具身智能产业规模")
    assert figures[Decimal(90)][0] == "苏州工业园区"
    assert figures[Decimal(500000000)][0] == "汇川技术"


def test_a_funding_story_of_a_company_nobody_lists() -> None:
    text = (
        "合肥具身智能企业星海智元获2亿元Pre-A轮融资\n\n2024-12-03 10:21　来源：安徽日报\n\n"
        "12月2日，总部位于合肥高新区的具身智能企业星海智元宣布完成2亿元Pre-A轮融资，本轮由合肥产投"
        "领投，国元创投、安徽省高新投跟投。这是该公司今年完成的第二轮融资。\n\n"
        "星海智元成立于2023年5月，创始人兼CEO刘一鸣曾任科大讯飞研究院副院长。"
        "2024年全市机器人产业规模有望突破500亿元。"
    )
    extraction = _extraction(text)
    organizations = _organizations(extraction)
    assert {"星海智元", "科大讯飞研究院"} <= organizations
    assert "智元" not in organizations  # the 智元 of 星海智元 is not 智元机器人
    events = {(f.predicate, f.subject, str(f.time)) for f in facts(extraction, FactKind.EVENT)}
    assert ("founding", "星海智元", "2023-05") in events
    assert [e for e in events if e[0] == "financing"] == [("financing", "星海智元", "2024-12-02")]
    predicates = {f.predicate for f in facts(extraction, FactKind.METRIC)}
    assert "机器人产业规模" in predicates


def test_a_show_report_names_each_makers_products_and_only_dated_releases() -> None:
    text = (
        "机器人大会开幕\n2025年8月8日\n"
        "在人形机器人展区，优必选展出了最新的Walker S2，宇树科技带来了今年7月发布的R1，售价3.99万元起。"
        "北京人形机器人创新中心则首次展示了“天工2.0”，该机器人身高173厘米。"
    )
    extraction = _extraction(text)
    makers = {(f.object, f.subject, str(f.time)) for f in facts(extraction, FactKind.MAKES)}
    assert ("R1", "宇树科技", "2025-07") in makers  # the clause's company, not the sentence's first
    assert ("天工2.0", "北京人形机器人创新中心", "None") in makers  # shown, not released
    heights = {
        f.subject for f in facts(extraction, FactKind.METRIC) if f.predicate.endswith("身高")
    }
    assert heights == {"天工2.0"}


def test_a_cap_after_a_rate_and_thresholds_of_a_list_in_a_policy() -> None:
    text = (
        "无锡市人民政府办公室关于加快人形机器人产业发展的若干政策措施\n\n2025年4月8日\n\n"
        "一、对年营业收入首次突破1亿元、5亿元的人形机器人整机企业，分别给予100万元、300万元一次性奖励。\n"
        "二、对新建的人形机器人中试平台，按设备投资的20%给予补助，最高1000万元。"
    )
    figures = _indicators_by_value(_extraction(text))
    assert Decimal(100000000) not in figures and Decimal(500000000) not in figures  # thresholds
    assert figures[Decimal(10000000)] == "新建的人形机器人中试平台补助上限"


def test_rivals_parents_and_the_world_are_what_figures_are_about_only_when_they_are() -> None:
    text = (
        "减速器行业观察\n2025年3月2日\n"
        "来福精密是国内精密减速器龙头，2024年国内份额约20%，仅次于日本哈默纳科。"
        "公司2024年实现营业收入3.15亿元。"
        "美的集团旗下的瑞泽机器人则专攻重载机器人，累计交付量已超过5000台。"
        "有机构测算，到2030年全球人形机器人市场规模有望达到1500亿元，比亚迪、中国移动都已入局。"
    )
    extraction = _extraction(text)
    subjects = _subjects_by_value(extraction)
    assert subjects[Decimal("315000000")] == "来福精密"  # 公司 is not the rival named last
    assert subjects[Decimal("5000")] == "瑞泽机器人"  # the company owned, not its owner
    assert subjects[Decimal("150000000000")] == "全球"
    organizations = _organizations(extraction)
    assert {"比亚迪", "中国移动"} <= organizations  # well known, with no suffix to see


def test_a_subsidiary_set_up_and_a_business_line_are_no_second_name_of_the_company() -> None:
    text = (
        "汇川技术中报点评\n2025年8月26日\n"
        "2013年，汇川技术设立苏州汇川技术有限公司，这家子公司后来成为主要制造基地。"
        "上半年汇川技术机器人业务收入11.8亿元。华鑫证券机械行业首席分析师刘洋认为，订单仍将增长。"
    )
    extraction = _extraction(text)
    organizations = _organizations(extraction)
    assert {"汇川技术", "苏州汇川技术有限公司", "华鑫证券"} <= organizations
    assert not {"汇川技术中报", "汇川技术机器人", "华鑫证券机械行业"} & organizations
    subjects = _subjects_by_value(extraction)
    assert subjects[Decimal("1180000000")] == "汇川技术"


def test_a_released_line_up_dates_each_makers_product() -> None:
    text = (
        "大模型半年记\n2025年9月1日\n"
        "1月至8月共有3款旗舰模型发布，分别是：深度求索的DeepSeek-R1（1月20日）、"
        "腾讯的混元T1（3月21日）以及智谱的GLM-4.5（7月28日）。"
        "8月8日开幕当天，共有2款人形机器人新品集中首发，其中包括傅利叶的GR-3和优必选的Walker S2。"
    )
    extraction = _extraction(text)
    makers = {(f.object, f.subject, str(f.time)) for f in facts(extraction, FactKind.MAKES)}
    assert {
        ("DeepSeek-R1", "深度求索", "2025-01-20"),
        ("混元T1", "腾讯", "2025-03-21"),
        ("GLM-4.5", "智谱", "2025-07-28"),
        ("GR-3", "傅利叶", "2025-08-08"),
        ("Walker S2", "优必选", "2025-08-08"),
    } <= makers
    releases = {(f.subject, str(f.time)) for f in facts(extraction, FactKind.EVENT)}
    assert ("GR-3", "2025-08-08") in releases


def test_a_provincial_notice_grants_for_its_province_and_a_results_note_speaks_for_its_company() -> (
    None
):
    notice = (
        "江西省人民政府办公厅关于印发江西省支持人形机器人产业发展若干措施的通知\n\n"
        "2025年6月3日\n\n"
        "2024年，南昌、赣州两市机器人产业营收分别约为120亿元和40亿元。南昌将建设整机基地。\n"
        "第一条　对新获批的省级创新中心，给予500万元一次性支持。\n"
        "第二条　按平台设备投资的30%给予补助，额定扭矩30N·m以上的关节模组优先。"
    )
    subjects = {
        f.quantity.value: f.subject
        for f in facts(_extraction(notice), FactKind.METRIC)
        if f.quantity
    }
    assert subjects[Decimal("5000000")] == "江西省"  # not 南昌, named most often
    assert "30N" not in {e.name for e in _extraction(notice).entities}  # a torque, no model
    note = (
        "鸣志电器中报点评：空心杯电机放量\n2025年8月28日\n"
        "分业务看，控制电机业务收入约12.5亿元，同比增长18.2%。"
    )
    subjects = _subjects_by_value(_extraction(note))
    assert subjects[Decimal("1250000000")] == "鸣志电器"


def test_foundings_told_after_the_date_and_rounds_told_in_an_interview_answer() -> None:
    text = (
        "专访星衡机器人创始人：九年磨一剑\n2025年9月15日\n"
        "星衡机器人是一家人形机器人企业。星衡机器人创始人、CEO王立表示，今年是量产元年。"
        "这家公司2016年3月由王立和几位同学在深圳南山区创办。星衡机器人的产品已进入工厂。\n"
        "记者：融资一路顺利吗？\n"
        "王立：头两年挺难熬的。2016年8月拿到松禾资本1000万元天使轮，救了急。\n"
        "谈到同行，他说，极川动力于2003年由张三等人在杭州创立。"
    )
    extraction = _extraction(text)
    events = {(f.subject, f.predicate, str(f.time)) for f in facts(extraction, FactKind.EVENT)}
    assert ("星衡机器人", "founding", "2016-03") in events
    assert ("星衡机器人", "financing", "2016-08") in events
    assert ("极川动力", "founding", "2003") in events
    rounds = _subjects_by_value(extraction)
    assert rounds[Decimal("10000000")] == "星衡机器人"  # not 松禾资本, whose money it is


def test_orders_and_agreements_are_dated_deeds_of_the_company_a_pronoun_means() -> None:
    text = (
        "汇川技术中报点评\n2025年8月26日\n"
        "汇川技术是工控龙头。订单方面，7月公司与宁德时代签署2025—2026年度框架协议。"
        "去年10月，乐聚机器人获得首张百台级订单。2025年7月，乐聚机器人与海尔智家签下500台框架协议。"
    )
    events = {
        (f.subject, f.predicate, str(f.time)) for f in facts(_extraction(text), FactKind.EVENT)
    }
    assert {
        ("汇川技术", "other", "2025-07"),
        ("乐聚机器人", "other", "2024-10"),
        ("乐聚机器人", "other", "2025-07"),
    } <= events


def test_a_former_employer_is_not_what_a_later_company_pronoun_means() -> None:
    text = (
        "融资周报\n2025年9月6日\n"
        "穹景智能成立于2023年6月，联合创始人付明此前在百度负责感知算法。目前公司员工约180人。"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("180")] == "穹景智能"


def test_makers_an_industry_pack_knows_by_name_and_no_name_joined_by_ji() -> None:
    text = (
        "2024年中国灵巧手及机器人核心零部件市场回顾\n2025年1月16日\n"
        "因时机器人以约27%的份额居首，强脑科技、速腾聚创和火山引擎也在加快布局。"
    )
    organizations = _organizations(_extraction(text))
    assert {"因时机器人", "强脑科技", "速腾聚创", "火山引擎"} <= organizations
    assert "灵巧手及机器人" not in organizations


def test_share_price_moves_and_placings_are_dated_deeds_of_the_headline_company() -> None:
    text = (
        "星衡机器人中期业绩点评\n2025年8月20日\n"
        "星衡机器人上半年收入增长27.5%，仅次于极川动力。公司今年7月8日以每股96.6港元配售3900万股新H股。"
        "市场反应热烈，星衡机器人股价昨日高开高走，收报118.5港元。8月25日公司股价上涨4.3%。"
    )
    events = {
        (f.subject, f.predicate, str(f.time)) for f in facts(_extraction(text), FactKind.EVENT)
    }
    assert ("星衡机器人", "financing", "2025-07-08") in events
    assert ("星衡机器人", "other", "2025-08-19") in events
    assert ("星衡机器人", "other", "2025-08-25") in events


def test_a_verb_a_quarter_or_a_trailing_deng_is_no_part_of_an_organizations_name() -> None:
    text = (
        "月之暗面完成新一轮融资\n2025年10月28日\n"
        "月之暗面透露，今年前三季度公司商业化收入同比增长超过4倍，日均处理超过4000亿tokens。"
        "10月20日，月之暗面确认完成新一轮6亿美元融资，红杉中国、五源资本、阿里巴巴等老股东跟投。"
    )
    organizations = _organizations(_extraction(text))
    assert {"月之暗面", "阿里巴巴"} <= organizations
    assert not {"前三季度公司", "月之暗面确认", "阿里巴巴等老", "tokens"} & organizations


def test_a_measure_in_an_article_whose_headline_names_one_province_is_the_provinces() -> None:
    text = (
        "江西具身智能产业半年报出炉\n2025年8月19日\n"
        "今年上半年，南昌、赣州两市产值分别为120亿元和40亿元，南昌新增企业30家，南昌继续领跑。\n"
        "▍省级层面\n对首台（套）产品，按单台售价的20%给予奖励，单个产品最高500万元。"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("5000000")] == "江西省"


def test_a_count_claim_keeps_the_measure_word_its_count_is_stated_in() -> None:
    text = (
        "关节模组送样\n2025年8月26日\n"
        "截至6月底，这一系列已向5家人形机器人整机企业送样，包括智元机器人、优必选和乐聚机器人。"
    )
    claims = facts(_extraction(text), FactKind.COUNT_CLAIM)
    assert [(c.quantity.value, c.quantity.unit) for c in claims if c.quantity] == [
        (Decimal(5), "家")
    ]


def test_a_zone_word_the_segmenter_cuts_stays_whole_in_a_name() -> None:
    text = (
        "亦庄企业跑进量产季\n2025年8月19日\n"
        "今年3月，经开区管委会印发若干措施。今年上半年，经开区机器人产业产值达到78亿元。"
    )
    organizations = _organizations(_extraction(text))
    assert "经开区管委会" in organizations
    assert not {"开区管委会", "开区机器人", "经开区机器人"} & organizations


def test_registered_capital_is_the_company_just_registered_not_its_parent() -> None:
    text = (
        "公司公告速递\n2024年8月29日\n"
        "8月12日，星衡电气全资子公司在常州注册成立常州星衡机器人科技有限公司，注册资本5000万元。"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal(50000000)] == "常州星衡机器人科技有限公司"


def test_a_price_per_share_is_in_currency_per_share() -> None:
    text = (
        "星衡机器人配售新股\n2025年9月5日\n"
        "星衡机器人4日晚间公告，以每股91.4港元配售3000万股新H股。公司上半年基本每股收益0.54元。"
    )
    units = {
        f.quantity.value: f.quantity.unit
        for f in facts(_extraction(text), FactKind.METRIC)
        if f.quantity
    }
    assert units[Decimal("91.4")] == "港元/股"
    assert units[Decimal("0.54")] == "元/股"


def test_the_nation_describing_a_company_is_not_the_subject_of_its_figures() -> None:
    text = (
        "半年报速递\n2025年8月29日\n"
        "中国工业机器人龙头企业埃斯顿昨日公布上半年财报，营收人民币25.3亿元，同比增长12.5%。"
        "中国人形机器人市场规模今年有望达到80亿元。"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("2530000000")] == "埃斯顿"
    assert subjects[Decimal("8000000000")] == "全国"  # here the nation is the subject


def test_an_interviewees_company_figures_are_the_speakers_companys_not_a_product_before() -> None:
    text = (
        "专访星衡机器人张立：明年交付冲刺3000台\n2025年10月20日\n"
        "星衡机器人创始人张立接受了本报专访。\n"
        "记者：今年交付情况怎么样？\n"
        "张立：今年前三季度交付了约400台，其中轮式人形机器人星衡Q5大概占六成。"
        "截至9月底，在手订单金额超过5亿元，海外收入大约占一半。\n"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("500000000")] == "星衡机器人"


def test_an_answer_in_a_question_and_answer_interview_speaks_for_the_headline_company() -> None:
    # "答：" names no speaker; the interview's headline names the one company answering,
    # whose figures these are — not the customer the answer before named
    text = (
        "对话衡岳精工董事长许明川：减速器订单排到明年\n2025年9月3日\n"
        "问：客户主要有哪些？\n"
        "答：我们给国内9家整机企业供货，比如深圳的优必选科技、杭州的宇树科技。\n"
        "问：产能跟得上吗？\n"
        "答：减速器年产能30万台，基本满产。另外，公司在苏州设了研发中心，有60多名工程师。\n"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("300000")] == "衡岳精工"
    assert subjects[Decimal("60")] == "衡岳精工"


def test_a_heading_naming_a_maker_then_a_designation_names_its_product() -> None:
    # an expo round-up's line-up: "· 城市 | 公司 产品" over each product's paragraph, whose
    # figures are that product's, not the one the paragraph before described
    text = (
        "机器人大会逛展笔记\n2025年8月10日\n"
        "· 合肥 | 庐鸣智能 庐鸣H2\n"
        "轮式双臂，全身36个自由度，售价21.8万元。\n"
        "· 苏州 | 栩动科技 栩动Duo\n"
        "能放在工作台上做装配，14个自由度，售价6.5万元。\n"
    )
    extraction = _extraction(text)
    makes = {(f.subject, f.object) for f in facts(extraction, FactKind.MAKES)}
    assert ("栩动科技", "栩动Duo") in makes
    subjects = _subjects_by_value(extraction)
    assert subjects[Decimal(14)] == "栩动Duo"
    assert subjects[Decimal(65000)] == "栩动Duo"


def test_an_article_number_or_a_joining_word_is_no_part_of_an_issuer() -> None:
    # "第一条　为贯彻工业和信息化部…印发的《…》，并与区管委会…印发的《…》相衔接"
    text = (
        "关于印发若干措施的通知\n2025年6月16日\n"
        "第一条　为贯彻工业和信息化部2023年10月印发的《人形机器人创新发展指导意见》，"
        "并与区管委会同年1月印发的《促进人工智能产业高质量发展办法》相衔接，制定本措施。\n"
    )
    extraction = _extraction(text)
    issuers = {f.subject: f.object for f in facts(extraction, FactKind.POLICY_ISSUED)}
    assert issuers["人形机器人创新发展指导意见"] == "工业和信息化部"
    assert issuers["促进人工智能产业高质量发展办法"] == "区管委会"
    organizations = _organizations(extraction)
    assert not {"第一条", "为贯彻工业和信息化部", "并与区管委会"} & organizations


def test_a_place_and_an_industry_before_gongsi_describe_the_company_named_after_them() -> None:
    # "杭州具身智能公司溯光智能" says what 溯光智能 is; the headline's “知行” is the model
    # the body names "SG-Embody 2.0（中文名“知行”）": one product, under its own name
    text = (
        "杭州具身智能公司溯光智能完成B轮融资 同步发布基座模型“知行”\n2025年11月20日\n"
        "杭州溯光智能科技有限公司（以下简称“溯光智能”）昨天宣布完成7.5亿元B轮融资。"
        "同一天，这家公司在杭州发布了第二代具身智能基座模型SG-Embody 2.0（中文名“知行”）。\n"
    )
    extraction = _extraction(text)
    assert "杭州具身智能公司" not in _organizations(extraction)
    products = {
        e.name: set(e.aliases) for e in extraction.entities if e.type is MentionType.PRODUCT
    }
    assert products == {"SG-Embody 2.0": {"知行"}}


def test_a_round_the_headline_announces_and_the_body_tells_is_one_dated_round() -> None:
    text = (
        "溯光智能完成7.5亿元B轮融资\n2025年11月20日\n"
        "杭州溯光智能科技有限公司（以下简称“溯光智能”）昨天宣布，公司已完成7.5亿元B轮融资。\n"
    )
    rounds = [f for f in facts(_extraction(text), FactKind.EVENT) if f.predicate == "financing"]
    assert [str(f.time) for f in rounds] == ["2025-11-19"]


def test_a_known_name_going_on_into_a_designation_names_that_model() -> None:
    # the packs know DeepSeek-V3 and Kimi: "DeepSeek-V3.2" and "Kimi K2 Thinking" are
    # other models, each a product of its own
    text = (
        "大模型季度榜单\n2025年12月18日\n"
        "排名第二的DeepSeek-V3.2由深度求索推出，Kimi K2 Thinking总参数达到1兆。\n"
    )
    products = {e.name for e in _extraction(text).entities if e.type is MentionType.PRODUCT}
    assert {"DeepSeek-V3.2", "Kimi K2 Thinking"} <= products
    assert not {"DeepSeek-V3", "Kimi"} & products


def test_a_weeklys_tally_of_deals_is_the_markets_and_a_round_is_no_company() -> None:
    # a round-up whose headline names one company: its tallies are not that company's
    text = (
        "【具身周报】栖木智能4.2亿元B轮领跑\n2026年3月21日\n"
        "1. 上海栖木智能科技有限公司3月16日完成4.2亿元B轮融资，IDG资本领投。\n"
        "2. 合肥铂智科技有限公司3月18日宣布完成3.6亿元Pre-B轮融资，合肥产投领投。"
        "其首款芯片采用12纳米工艺，算力128TOPS。\n"
        "本周小结：本周共6起融资，披露金额合计约10.1亿元；国资背景机构领投的有4起。\n"
    )
    extraction = _extraction(text)
    subjects = _subjects_by_value(extraction)
    assert subjects[Decimal(6)] == "全国"
    assert subjects[Decimal(4)] == "全国"
    assert "Pre-B轮" not in _organizations(extraction)
    products = {e.name for e in extraction.entities if e.type is MentionType.PRODUCT}
    assert not [name for name in products if "TOPS" in name]


def test_an_annual_reports_amounts_are_no_models_and_a_partnership_form_is_in_the_name() -> None:
    text = (
        "衡驱智能2025年年度报告摘要\n2026年4月16日\n"
        "容诚会计师事务所（特殊普通合伙）为本公司出具了标准无保留意见的审计报告。"
        "2025年公司研发投入20,879万元，同比增长31.1%。\n"
    )
    extraction = _extraction(text)
    assert "容诚会计师事务所（特殊普通合伙）" in _organizations(extraction)
    assert not [e for e in extraction.entities if e.type is MentionType.PRODUCT]


def test_a_count_followed_by_examples_is_a_claim_listing_fewer() -> None:
    # "11家…，比如A、B": the text states eleven and names two, which an analyst checks
    text = (
        "对话衡岳精工董事长\n2025年9月12日\n"
        "目前公司给国内11家人形机器人整机企业批量供货，比如深圳的优必选科技、杭州的宇树科技。"
    )
    claims = facts(_extraction(text), FactKind.COUNT_CLAIM)
    assert [(c.quantity.value, c.qualifiers["enumerated"]) for c in claims if c.quantity] == [
        (Decimal(11), "2")
    ]


def test_a_company_registered_on_a_date_was_founded_then() -> None:
    text = (
        "溯光智能完成B轮融资\n2025年11月20日\n"
        "杭州溯光智能科技有限公司（以下简称“溯光智能”）宣布完成7.5亿元B轮融资。"
        "溯光智能2023年3月注册于杭州市西湖区，最初做视觉大模型。\n"
    )
    assert ("founding", "2023-03") in {
        (f.predicate, str(f.time)) for f in facts(_extraction(text), FactKind.EVENT)
    }


def test_a_model_after_a_long_description_released_by_this_company_is_dated() -> None:
    text = (
        "溯光智能完成B轮融资\n2025年11月20日\n"
        "杭州溯光智能科技有限公司昨天宣布完成7.5亿元B轮融资。"
        "同一天，这家公司在杭州发布了第二代具身智能基座模型SG-Embody 2.0。\n"
    )
    extraction = _extraction(text)
    releases = {(f.subject, str(f.time)) for f in facts(extraction, FactKind.EVENT)}
    assert ("SG-Embody 2.0", "2025-11-19") in releases
    makes = {(f.subject, f.object) for f in facts(extraction, FactKind.MAKES)}
    assert ("杭州溯光智能科技有限公司", "SG-Embody 2.0") in makes


def test_a_headlines_bound_the_body_states_exactly_is_one_figure() -> None:
    text = (
        "天津52个项目集中签约总投资超千亿元\n2025年6月6日\n"
        "智博会开幕式上，天津市52个重点项目集中签约，总投资1139亿元，涵盖机器人等领域。\n"
    )
    values = {value for _, value, _ in _metrics(text)}
    assert Decimal("1.139e11") in values
    assert Decimal("1e11") not in values


def test_a_model_released_in_a_later_clause_of_a_dated_sentence_is_a_dated_release() -> None:
    text = (
        "星衡智能发布新模型\n2025年7月26日\n"
        "7月25日晚，星衡大会开幕前一天，总部位于上海的星衡智能举办开发者之夜，"
        "发布新一代基座模型Hengxing 3。"
    )
    events = facts(_extraction(text), FactKind.EVENT)
    releases = {(e.subject, str(e.time)) for e in events if e.predicate == "release"}
    assert ("Hengxing 3", "2025-07-25") in releases
    # the day before the conference opens is not the day it opens
    assert not [e for e in events if e.subject == "星衡大会"]


def test_a_company_named_after_the_noun_describing_it_is_found_by_its_raise() -> None:
    # 具身 would only describe, but after "…公司" and before a raise it ends a name
    text = (
        "具身智能融资周报\n2025年11月17日\n"
        "11月13日，杭州的具身大模型公司岚图具身完成约2亿元A轮融资，蓝驰创投领投。"
    )
    organizations = _organizations(_extraction(text))
    assert "岚图具身" in organizations


def test_a_base_put_into_production_on_a_date_is_an_establishment() -> None:
    text = (
        "顺德具身智能产业观察\n2025年9月26日\n"
        "2025年7月，乐聚机器人华南生产基地在大良街道投产，设计年产能2000台。"
    )
    events = {
        (e.subject, e.predicate, str(e.time)) for e in facts(_extraction(text), FactKind.EVENT)
    }
    assert ("乐聚机器人华南生产基地", "establishment", "2025-07") in events


def test_a_company_title_with_no_organization_beside_it_is_at_the_headlines_company() -> None:
    text = (
        "星衡智能完成5亿元B轮融资\n2025年9月18日\n"
        "星衡智能成立于2023年，总部位于杭州。\n\n"
        "创始人兼CEO王立新毕业于浙江大学，此前在一家研究院任职。"
    )
    titles = {
        (f.subject, f.predicate, f.object) for f in facts(_extraction(text), FactKind.HOLDS_TITLE)
    }
    assert ("王立新", "CEO", "星衡智能") in titles


def test_a_company_described_after_yi_jia_is_no_organization_but_one_named_is() -> None:
    text = (
        "星衡扩充团队\n2025年9月1日\n"
        "今年4月，首席财务官许嘉文从一家港股上市公司加盟星衡机器人。一家名为岚峰科技的公司完成融资。"
    )
    organizations = _organizations(_extraction(text))
    assert "岚峰科技" in organizations
    assert not any("港股" in name for name in organizations)


def test_the_central_government_stands_for_the_nation_as_a_bureau_for_its_city() -> None:
    text = (
        "人工智能+行动意见印发\n2025年8月27日\n"
        "国务院日前印发意见，提出到2027年新一代智能终端应用普及率超过70%。"
        "深入落实工业和信息化部等七部门印发的实施意见，沈阳设立规模50亿元的产业基金。"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("70")] == "全国"
    assert subjects[Decimal("5000000000")] != "全国"  # the ministry only issued a document


def test_an_interview_headline_word_is_no_part_of_the_name_after_it() -> None:
    text = "对话华泰证券方启明：大模型价格战之后\n2025年10月9日\n记者：价格战结束了吗？"
    organizations = _organizations(_extraction(text))
    assert "华泰证券" in organizations
    assert not {"话华泰证券", "对话华泰证券"} & organizations


def test_a_meeting_that_lasted_days_is_dated_by_the_day_it_closed() -> None:
    text = "亦庄观察\n2025年8月19日\n为期4天的首届世界人形机器人运动会8月17日在北京落下帷幕。"
    events = {(e.subject, str(e.time)) for e in facts(_extraction(text), FactKind.EVENT)}
    assert ("首届世界人形机器人运动会", "2025-08-17") in events


def test_an_announced_investment_a_nomination_and_a_share_reduction_are_dated_deeds() -> None:
    text = (
        "公司公告速递\n2024年8月29日\n"
        "汇川技术6月18日公告，拟在江苏省昆山市投资18.5亿元建设行星滚柱丝杠生产基地项目。"
        "8月，汇川技术收到某新能源汽车企业的行星滚柱丝杠定点通知。"
        "8月14日，汇川技术公告股东计划减持不超过338万股。"
    )
    dated = {
        str(e.time)
        for e in facts(_extraction(text), FactKind.EVENT)
        if e.subject == "汇川技术" and e.predicate == "other"
    }
    assert {"2024-06-18", "2024-08", "2024-08-14"} <= dated


def test_a_brand_with_h3_is_a_robot_not_a_half_year() -> None:
    text = (
        "岚峰机器人发布新品\n2025年11月17日\n"
        "岚峰机器人今年6月发布的全尺寸人形机器人岚峰H3身高172厘米、全身42个自由度。"
        "2025H1公司营收同比增长40%。"
    )
    extraction = _extraction(text)
    products = {e.name for e in extraction.entities if e.type.value == "product"}
    assert "岚峰H3" in products
    assert _subjects_by_value(extraction)[Decimal("172")] == "岚峰H3"
    assert not any("H1" in name for name in products)


def test_a_listed_company_is_named_without_its_board_and_its_bare_gongsi_is_not_a_customer() -> (
    None
):
    text = (
        "岳峰智能2025年营收增长31.8%\n2026年3月27日\n"
        "3月26日晚，科创板上市公司岳峰智能装备股份有限公司（以下简称“岳峰智能”）披露年报。"
        "公司关节模组已向12家整机企业批量供货，其中包括优必选、智元机器人和乐聚机器人。"
        "2025年10月，公司发布首款灵巧手，全年出货约3200只。"
    )
    extraction = _extraction(text)
    organizations = _organizations(extraction)
    assert "岳峰智能装备股份有限公司" in organizations
    assert not any("上市公司" in name for name in organizations)
    assert _subjects_by_value(extraction)[Decimal("3200")] == "岳峰智能装备股份有限公司"


def test_the_company_whose_plant_a_robot_works_in_is_an_organization() -> None:
    text = (
        "唐风T1进厂试用\n2025年8月6日\n"
        "唐风T1已在隆基绿能的光伏组件车间开展搬运试用，港资厂商在珠三角的工厂也在试用。"
    )
    organizations = _organizations(_extraction(text))
    assert "隆基绿能" in organizations
    assert "珠三角" not in organizations


def test_a_change_from_one_amount_to_another_names_the_new_one_and_dates_the_old() -> None:
    text = (
        "岳峰智能年报\n2026年3月27日\n"
        "岳峰智能新基地投产后，关节模组年产能将由目前的15万套提升至40万套。"
        "岳峰智能营收由上年的20亿元增长至28亿元。"
    )
    indicators = _indicators_by_value(_extraction(text))
    assert indicators[Decimal("400000")] == "关节模组年产能"
    assert indicators[Decimal("150000")] == "关节模组年产能（目前）"
    assert indicators[Decimal("2800000000")] == "营收"
    assert indicators[Decimal("2000000000")] == "营收（上年）"


def test_a_notice_by_joint_issuers_is_dated_by_their_signature_and_names_each() -> None:
    text = (
        "秦川市工业和信息化局 秦川市财政局关于印发《秦川市加快具身智能产业发展若干措施》的通知\n\n"
        "市工信发〔2025〕58号\n\n"
        "为贯彻落实陕西省人民政府办公厅2024年12月印发的《陕西省促进人工智能产业高质量发展"
        "行动方案（2024—2026年）》，现将《秦川市加快具身智能产业发展若干措施》印发给你们。\n\n"
        "秦川市工业和信息化局　　秦川市财政局\n2025年7月31日\n\n"
        "唐风T1身高165厘米、全身38个自由度。"
    )
    extraction = _extraction(text)
    issued = {f.subject: (f.object, str(f.time)) for f in facts(extraction, FactKind.POLICY_ISSUED)}
    assert issued["秦川市加快具身智能产业发展若干措施"] == (
        "秦川市工业和信息化局、秦川市财政局",
        "2025-07-31",
    )
    organizations = _organizations(extraction)
    assert {"秦川市工业和信息化局", "秦川市财政局", "陕西省人民政府办公厅"} <= organizations
    assert not any(" " in name or "贯彻" in name for name in organizations)
    assert not facts(extraction, FactKind.COUNT_CLAIM)  # 165厘米、全身38个: measures, no list


def test_this_fairs_figures_are_the_fairs_and_a_count_after_he_is_one_more_item() -> None:
    text = (
        "第七届世界智能产业博览会在津开幕\n2023年5月19日\n"
        "5月18日，第七届世界智能产业博览会在天津开幕。"
        "本届展会展览面积约10万平方米，设置智能制造、智能网联汽车、智慧港口等8个展区。"
        "由天津大学、南开大学和10家企业共同发起的天津市人形机器人创新联盟宣告成立。"
    )
    extraction = _extraction(text)
    assert _subjects_by_value(extraction)[Decimal("100000")] == "第七届世界智能产业博览会"
    organizations = _organizations(extraction)
    assert "智能网联汽车" not in organizations
    claims = {f.subject: f.qualifiers["items"] for f in facts(extraction, FactKind.COUNT_CLAIM)}
    assert not any("南开大学" in items for items in claims.values())
    assert claims.get("展区", "").split("|")[0] == "智能制造"


def test_a_chinese_brand_with_a_version_is_a_model_and_a_founding_may_follow_an_alias() -> None:
    text = (
        "书岚智能专访\n2025年12月8日\n"
        "书岚智能（南京书岚智能科技有限公司）成立于2023年3月，总部位于南京江北新区。"
        "9月，公司发布旗舰模型书岚-3，总参数2350亿，同时开源了轻量版书岚-3-Mini。"
    )
    extraction = _extraction(text)
    products = {e.name for e in extraction.entities if e.type.value == "product"}
    assert {"书岚-3", "书岚-3-Mini"} <= products
    assert _subjects_by_value(extraction)[Decimal("235000000000")] == "书岚-3"
    events = {(f.subject, f.predicate, str(f.time)) for f in facts(extraction, FactKind.EVENT)}
    assert ("南京书岚智能科技有限公司", "founding", "2023-03") in events


def test_what_one_robot_costs_and_holds_is_the_robots_whoever_says_it() -> None:
    text = (
        "人形机器人零部件深度报告\n2025年11月24日\n"
        "华泰证券认为，人形机器人单台BOM成本约35万元，其中关节执行器约占整机BOM成本的55%。"
        "宇树科技H1单台售价约65万元。"
        "合肥市对首购人形机器人的用户每台奖励1万元。"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("350000")] == "人形机器人"
    assert subjects[Decimal("55")] == "人形机器人"
    assert subjects[Decimal("650000")] != "人形机器人"  # a model's own price
    assert subjects[Decimal("10000")] == "合肥市"  # a city's subsidy per robot


def test_a_bureau_named_by_its_level_alone_governs_the_province_the_article_is_about() -> None:
    text = (
        "四川具身智能产业半年报\n2025年7月20日\n"
        "成都、绵阳两地企业加快布局。今年以来，省经济和信息化厅先后发布两批应用场景清单，共126个场景。"
        "成都市高新区新增企业12家。"
    )
    assert _subjects_by_value(_extraction(text))[Decimal("126")] == "四川省"


def test_a_heading_restating_a_figure_gives_way_to_the_sentence_that_states_it() -> None:
    text = (
        "岳峰智能年报\n2026年3月27日\n"
        "具身智能业务收入增至上年的3.4倍\n\n"
        "岳峰智能具身智能业务收入4.12亿元，是上年的3.4倍，占营业收入的比重由上年的5.6%升至14.4%。"
        "1月16日，锡岭传动官宣完成3.2亿元A轮融资。"
    )
    extraction = _extraction(text)
    indicators = _indicators_by_value(extraction)
    assert indicators[Decimal("3.4")] == "具身智能业务收入为上年倍数"
    assert indicators[Decimal("14.4")] == "具身智能业务收入占营业收入的比重"
    assert indicators[Decimal("5.6")] == "具身智能业务收入占营业收入的比重（上年）"
    organizations = _organizations(extraction)
    assert "锡岭传动" in organizations and not any("官宣" in name for name in organizations)


def test_a_bound_on_the_deals_counted_is_no_deal() -> None:
    text = (
        "1月具身智能融资盘点\n2026年2月3日\n"
        "2026年1月，国内具身智能领域共披露融资事件27起，其中单笔5亿元以上的大额融资4起。"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("27")] == "全国"
    assert Decimal("500000000") not in subjects


def test_the_word_model_before_a_designation_is_no_part_of_the_product_name() -> None:
    text = (
        "某传动公司关于签订日常经营重大合同的公告\n2025年12月17日\n"
        "合同标的为谐波减速器（型号HR-17）及旋转关节模组（型号HRJ-60），用于人形机器人的批量生产。"
    )
    products = {e.name for e in _extraction(text).entities if e.type.value == "product"}
    assert {"HR-17", "HRJ-60"} <= products
    assert not any(name.startswith("型号") for name in products)


def test_the_fields_of_a_record_are_the_named_organizations() -> None:
    # an announcement's profile of its counterparty: the figures are the counterparty's,
    # not the filer's, and a bare field's label is what its amount measures
    text = (
        "甲传动科技股份有限公司关于签订日常经营重大合同的公告\n2025年12月17日\n\n"
        "（二）合同对方当事人情况\n\n"
        "1.公司名称：深圳乙智能机器人有限公司\n"
        "2.法定代表人：梁启航\n"
        "3.注册资本：1.2亿元人民币\n"
        "4.主要财务数据：2024年度实现营业收入2.3亿元，净利润-1.6亿元。\n\n"
        "三、合同主要条款\n\n"
        "1.合同金额：合同总金额4.26亿元。\n"
    )
    by_value = _subjects_by_value(_extraction(text))
    assert by_value[Decimal("120000000")] == "深圳乙智能机器人有限公司"
    assert by_value[Decimal("230000000")] == "深圳乙智能机器人有限公司"
    assert by_value[Decimal("426000000")] == "甲传动科技股份有限公司"
    assert _indicators_by_value(_extraction(text))[Decimal("120000000")] == "注册资本"


def test_a_statistics_bulletin_owns_the_figures_it_states_without_a_subject() -> None:
    text = (
        "安徽发布2025年统计公报：工业机器人产量增长28%\n2026年3月5日\n"
        "工业方面，全年规模以上工业增加值比上年增长7.9%。"
        "新产品产量保持较快增长：工业机器人产量1.9万套，增长28.0%。"
    )
    by_value = _subjects_by_value(_extraction(text))
    assert by_value[Decimal("7.9")] == "安徽省"
    assert by_value[Decimal("19000")] == "安徽省"


def test_figures_going_on_about_an_event_are_the_events() -> None:
    text = (
        "第二届机器人马拉松开跑\n2026年4月19日\n"
        "4月18日，第二届北京亦庄人形机器人半程马拉松在南海子公园鸣枪起跑。"
        "42支赛队参赛，其中31支赛队在关门时间内完赛，完赛率约74%。\n"
        "另一段里没有主语的数字不属于它：全年累计观看量超过8000万人次。"
    )
    by_value = _subjects_by_value(_extraction(text))
    assert by_value[Decimal("42")] == "第二届北京亦庄人形机器人半程马拉松"
    assert by_value[Decimal("74")] == "第二届北京亦庄人形机器人半程马拉松"
    assert Decimal("80000000") not in by_value


def test_then_after_a_name_goes_with_the_verb() -> None:
    text = (
        "大模型价格战观察\n2025年8月28日\n"
        "量知咨询首席分析师裴思远认为，价格已经接近成本线。"
        "研究总监汤韵则提醒，推理模型的输出长度普遍是普通模型的5倍以上。"
    )
    persons = {e.name for e in _extraction(text).entities if e.type.value == "person"}
    assert "汤韵" in persons
    assert "汤韵则" not in persons


def test_a_level_named_after_a_model_is_no_mention_of_it() -> None:
    text = (
        "大模型价格战观察\n2025年8月28日\n"
        "阿里云将通义千问GPT-4级主力模型的输入价格降至每百万tokens 0.5元，降幅达97%。"
    )
    extraction = _extraction(text)
    products = {e.name for e in extraction.entities if e.type.value == "product"}
    assert "GPT-4" not in products
    assert "GPT-4" not in set(_subjects_by_value(extraction).values())


def test_this_company_is_the_one_the_clause_before_was_about() -> None:
    # the company a clause opens on, not the one its founders came from, raised; 这家企业
    # launched what it launched on the date said between it and its verb
    text = (
        "宁波具身智能产业观察\n2025年9月20日\n"
        "甬岸智能成立于2023年6月，创始团队来自中国科学院宁波材料技术与工程研究所和吉利汽车。"
        "这家企业去年底推出首款全尺寸人形机器人甬岸A1，售价36.8万元。"
        "今年7月，该公司完成3亿元B轮融资，由宁波通商基金领投。"
    )
    extraction = _extraction(text)
    events = {(f.subject, f.predicate, f.time) for f in facts(extraction, FactKind.EVENT)}
    assert ("甬岸智能", "financing", PartialDate(2025, 7)) in events
    assert ("甬岸A1", "release", PartialDate(2024, 12)) in events
    makes = {(f.object, f.subject) for f in facts(extraction, FactKind.MAKES)}
    assert ("甬岸A1", "甬岸智能") in makes


def test_an_events_name_starts_after_the_words_describing_it() -> None:
    text = (
        "机器人大会闭幕\n2025年8月12日\n"
        "8月12日，为期五天的2025世界机器人大会在北京落下帷幕。本届大会展览面积约5万平方米。"
    )
    assert _subjects_by_value(_extraction(text))[Decimal("50000")] == "2025世界机器人大会"


def test_the_amount_a_change_leaves_measures_what_the_one_it_reaches_does() -> None:
    text = (
        "恒锐传动扩产公告\n2025年12月17日\n"
        "投产后谐波减速器年产能将由30万台提升至80万台，可保障本合同的交付。"
    )
    indicators = _indicators_by_value(_extraction(text))
    assert indicators[Decimal("300000")] == indicators[Decimal("800000")]
    assert "提升至" not in indicators[Decimal("300000")]


def test_a_notice_signed_by_its_issuers_full_names_dates_its_own_policy() -> None:
    # the headline's 市财政局 is signed as 武汉市财政局; a policy cited before (…2025年6月
    # 印发的《湖北…》) neither dates the notice's own nor lends it the cited title's issuer;
    # 本政策…自…起施行 is the notice's own policy taking effect
    text = (
        "市经济和信息化局 市财政局关于印发《武汉市人形机器人产业若干政策》的通知\n\n"
        "各区人民政府：\n\n"
        "为贯彻落实工业和信息化部《人形机器人创新发展指导意见》和湖北省人民政府办公厅2025年6月"
        "印发的《湖北省具身智能产业行动方案》，现将《武汉市人形机器人产业若干政策》印发给你们。\n\n"
        "武汉市经济和信息化局　武汉市财政局\n2025年9月28日\n\n"
        "本政策由市经济和信息化局会同市财政局负责解释，自2025年11月1日起施行，有效期3年。\n"
    )
    extraction = _extraction(text)
    issued = {f.subject: (f.object, f.time) for f in facts(extraction, FactKind.POLICY_ISSUED)}
    assert issued["武汉市人形机器人产业若干政策"] == (
        "武汉市经济和信息化局、武汉市财政局",
        PartialDate(2025, 9, 28),
    )
    assert issued["湖北省具身智能产业行动方案"][0] == "湖北省人民政府办公厅"
    in_force = {
        f.subject for f in facts(extraction, FactKind.EVENT) if f.time == PartialDate(2025, 11, 1)
    }
    assert in_force == {"武汉市人形机器人产业若干政策"}
    assert not any("由" in name or "《" in name for name in _organizations(extraction))


def test_a_brand_right_after_a_product_noun_is_part_of_the_model_name() -> None:
    text = (
        "武汉产业观察\n2025年10月15日\n"
        "其中，楚天智行今年5月发布的双足人形机器人楚行C1身高170厘米。"
        "光启具身的轮式人形机器人光启W3主要面向仓储搬运。"
    )
    products = {e.name for e in _extraction(text).entities if e.type.value == "product"}
    assert {"楚行C1", "光启W3"} <= products
    assert not {"C1", "W3"} & products


def test_a_name_before_its_stock_code_is_a_company_and_a_headline_space_ends_a_clause() -> None:
    text = (
        "地平线机器人上半年营收年增67.6% 征程晶片出货近200万套\n2025年8月29日\n"
        "中国智慧驾驶晶片大厂地平线机器人（09660-HK）昨日公布2025年上半年财报。"
    )
    extraction = _extraction(text)
    assert "地平线机器人" in _organizations(extraction)
    assert _indicators_by_value(extraction)[Decimal("2000000")] == "征程晶片出货"


def test_who_counted_is_no_subject_of_the_count() -> None:
    text = (
        "2024年中国灵巧手市场年度回顾\n2025年2月10日\n"
        "GGII统计显示，全年中国灵巧手市场规模约12.6亿元，同比增长约54%；出货量约1.82万只。"
    )
    by_value = _subjects_by_value(_extraction(text))
    assert by_value[Decimal("18200")] == "全国"
    assert by_value[Decimal("54")] == "全国"


def test_the_amount_a_multiple_is_of_measures_what_the_multiple_does() -> None:
    text = (
        "灵巧手市场回顾\n2025年2月10日\n全年中国灵巧手出货量约1.82万只，是2023年约0.76万只的2.4倍。"
    )
    assert _indicators_by_value(_extraction(text))[Decimal("7600")] == "灵巧手出货量"


def test_a_launch_with_its_place_between_doer_and_verb_is_the_doers() -> None:
    text = (
        "苏州具身智能观察\n2025年6月20日\n"
        "擎岳智能成立于2024年，总部位于相城区。"
        "今年1月，这家企业在基地内发布首款人形机器人擎岳Q1，身高172厘米。"
    )
    extraction = _extraction(text)
    assert ("擎岳Q1", "擎岳智能") in {
        (f.object, f.subject) for f in facts(extraction, FactKind.MAKES)
    }


def test_a_listing_on_an_exchange_named_in_full_and_a_plant_going_into_production_are_events() -> (
    None
):
    text = (
        "零部件年度回顾\n2025年2月10日\n"
        "2024年1月5日，速腾聚创在香港联合交易所主板挂牌上市。"
        "2024年9月，因时机器人在北京经济技术开发区的新工厂投产。"
    )
    events = {(f.subject, f.time) for f in facts(_extraction(text), FactKind.EVENT)}
    assert ("速腾聚创", PartialDate(2024, 1, 5)) in events
    assert ("因时机器人", PartialDate(2024, 9)) in events


def test_a_count_over_a_bulleted_list_claims_what_its_bullets_name() -> None:
    # a breakdown of a count ("46条：政策5条、融资9起") lists nothing
    text = (
        "具身周报（第62期）\n2026年4月20日\n"
        "本周我们共跟踪到相关动态46条：政策5条、融资9起、新品7款、重要活动4场。\n\n"
        "无锡本周一口气落地三起：\n"
        "· 无锡灵犀关节科技有限公司完成2.5亿元B轮融资，无锡产业发展集团领投，\n"
        "元禾原点跟投；\n"
        "· 无锡惠力传感科技有限公司完成6000万元Pre-A轮；\n"
        "· 锡智机器人完成3000万元天使轮。\n"
    )
    claims = {
        (f.quantity.value, f.qualifiers["enumerated"])
        for f in facts(_extraction(text), FactKind.COUNT_CLAIM)
        if f.quantity
    }
    assert (Decimal("3"), "3") in claims
    assert not any(value == Decimal("46") for value, _ in claims)


def test_a_place_opening_a_models_name_is_where_its_maker_is() -> None:
    text = (
        "具身周报｜青岛十条出炉、郑州发布三年方案，东莞极臂X5开卖（第62期）\n2026年4月20日\n"
        "东莞极臂机器人有限公司发布全尺寸人形机器人极臂X5。"
    )
    products = {e.name for e in _extraction(text).entities if e.type.value == "product"}
    assert "极臂X5" in products
    assert "东莞极臂X5" not in products


def test_a_speed_is_named_by_what_it_measures_not_by_the_time_it_is_per() -> None:
    text = (
        "天工Ultra 2卫冕半程马拉松\n2026年4月19日\n"
        "北京人形机器人创新中心研发的天工Ultra 2最高奔跑速度达到每小时14公里，全程平均时速约8公里。"
    )
    assert _indicators_by_value(_extraction(text)) == {
        Decimal("14"): "最高奔跑速度",
        Decimal("8"): "全程平均时速",
    }


def test_the_fund_a_clause_opens_on_is_the_fund_named_before_not_its_backer() -> None:
    text = (
        "亦庄人形机器人产业论坛举行\n2026年4月19日\n"
        "北京市人工智能产业投资基金合伙人韩柏舟表示，基金已累计投资具身智能企业23家。\n\n"
        "当天揭牌的顺德区具身智能产业投资基金总规模50亿元，由顺德区产业发展引导基金联合"
        "美的集团、广东粤科金融集团共同发起。该基金单个项目投资额原则上不超过基金规模的10%。"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("23")] == "北京市人工智能产业投资基金"
    assert subjects[Decimal("10")] == "顺德区具身智能产业投资基金"


def test_a_short_name_in_brackets_before_a_raise_is_an_alias_not_a_name() -> None:
    text = (
        "具身智能融资月报\n2026年4月2日\n"
        "3月5日，具身大模型公司北京澄观智能科技有限公司（澄观智能）完成超5亿元B轮融资。"
    )
    extraction = _extraction(text)
    assert "北京澄观智能科技有限公司" in _organizations(extraction)
    assert not any(name.endswith("）") for name in _organizations(extraction))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("研调机构集邦科技（TrendForce）预估，全球人形机器人出货量将突破5万台。", "集邦科技"),
        ("电源大厂台达电子（台达电）则从自动化本业切入。", "台达电子"),
        (
            "据主办方深圳市工业和信息化局介绍，本届展会展览面积约12万平方米。",
            "深圳市工业和信息化局",
        ),
        ("新竹新创晶擎机器人则是台湾队的缩影。", "晶擎机器人"),
        ("本集团的综合财务报表已由本公司核数师安永会计师事务所审核。", "安永会计师事务所"),
    ],
)
def test_a_noun_describing_an_organization_is_no_part_of_its_name(sentence: str, name: str) -> None:
    organizations = _organizations(_extraction(f"产业观察\n2026年1月19日\n{sentence}"))
    assert name in organizations
    assert not any(other.endswith(name) and other != name for other in organizations)


def test_a_board_listed_with_honorifics_gives_every_director_the_title_before_them() -> None:
    text = (
        "擎川机器人股份有限公司年度业绩公告\n2026年3月26日\n"
        "于本公告日期，董事会包括执行董事程砺先生、孙雅琳女士及韦建峰先生；非执行董事罗海东先生；"
        "以及独立非执行董事陈慕华女士、许立成先生及叶朗先生。"
    )
    titles = {(f.subject, f.predicate) for f in facts(_extraction(text), FactKind.HOLDS_TITLE)}
    assert {
        ("程砺", "执行董事"),
        ("孙雅琳", "执行董事"),
        ("韦建峰", "执行董事"),
        ("罗海东", "非执行董事"),
        ("陈慕华", "独立非执行董事"),
        ("许立成", "独立非执行董事"),
        ("叶朗", "独立非执行董事"),
    } <= titles


def test_a_model_after_its_makers_brand_is_one_product_with_the_model_as_alias() -> None:
    text = (
        "深圳具博会开幕\n2026年3月25日\n"
        "同样来自深圳的众擎机器人则主打“性价比”：新款众擎SE03身高150厘米、体重38公斤。\n"
        "北京的松延动力今年4月推出N2，售价3.99万元。松延动力N2身高120厘米。"
    )
    products = {e.name: e.aliases for e in _extraction(text).entities if e.type.value == "product"}
    assert "众擎SE03" in products
    assert "N2" in products.get("松延动力N2", ())
    assert "N2" not in products


def test_a_place_in_brackets_is_part_of_a_meetings_name() -> None:
    text = (
        "深圳具博会落幕\n2026年3月29日\n"
        "3月28日下午，为期四天的2026中国（深圳）人形机器人与具身智能博览会在深圳国际会展中心闭幕。"
        "本届展会展览面积约12万平方米，586家展商参展。"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("586")] == "2026中国（深圳）人形机器人与具身智能博览会"


def test_a_verb_before_a_humanoid_robot_opens_no_company_name() -> None:
    text = (
        "政策解读\n2026年2月12日\n"
        "整机企业投保人形机器人首批次应用综合保险的，按实际保费的80%给予补贴。"
    )
    assert not any(name.endswith("人形机器人") for name in _organizations(_extraction(text)))


def test_the_company_a_filing_calls_itself_is_no_name() -> None:
    text = (
        "擎川机器人股份有限公司年度业绩公告\n2026年3月26日\n"
        "本集团截至2025年12月31日止年度的综合财务报表已由本公司核数师安永会计师事务所审核。"
    )
    assert not any(name.endswith("本公司") for name in _organizations(_extraction(text)))


def test_a_date_in_brackets_dates_the_bracket_not_the_figure_after_it() -> None:
    text = (
        "擎川机器人股份有限公司年度业绩公告\n2026年3月26日\n"
        "于2025年12月31日，本集团共有雇员2,486名（2024年12月31日：1,903名），"
        "其中研发人员1,137名，占比45.7%。"
    )
    staff = next(
        f
        for f in facts(_extraction(text), FactKind.METRIC)
        if f.quantity and f.quantity.value == Decimal("1137")
    )
    assert (staff.predicate, str(staff.time)) == ("研发人员", "2025-12-31")


def test_a_short_name_in_brackets_after_a_registered_name_is_its_alias() -> None:
    text = (
        "融资月报\n2026年4月2日\n"
        "杭州拾光灵巧科技有限公司（拾光灵巧）3月30日完成约6000万元天使轮融资，梅花创投领投。"
        "团队来自浙江大学，首款产品为腱绳驱动灵巧手SG-Hand 21，21个自由度。"
    )
    extraction = _extraction(text)
    company = next(e for e in extraction.entities if e.name == "杭州拾光灵巧科技有限公司")
    assert "拾光灵巧" in company.aliases
    makers = {f.subject for f in facts(extraction, FactKind.MAKES) if f.object == "SG-Hand 21"}
    assert "浙江大学" not in makers  # where the team comes from makes nothing


def test_a_release_under_a_heading_stating_its_day_is_dated_to_that_day() -> None:
    text = (
        "深圳具博会落幕\n2026年3月29日\n"
        "【次日（3月26日）：零部件唱主角】\n\n"
        "次日观众增至约6.4万人次，焦点转向上游。\n"
        "·深圳兆威机电股份有限公司（兆威机电）发布ZW-Hand 22灵巧手，22个自由度。\n"
    )
    extraction = _extraction(text)
    events = {(f.subject, f.predicate, str(f.time)) for f in facts(extraction, FactKind.EVENT)}
    assert ("ZW-Hand 22", "release", "2026-03-26") in events
    assert "深圳兆威机电股份有限公司" in _organizations(extraction)  # not the bullet before it


def test_what_a_maker_brings_to_a_fair_is_released_there() -> None:
    text = (
        "深圳具博会落幕\n2026年3月29日\n"
        "【第三天（3月27日）：服务场景走上前台】\n\n"
        "乐聚机器人则带来夸父KUAVO 5，身高166厘米、全身40个自由度。\n"
    )
    events = {(f.predicate, str(f.time)) for f in facts(_extraction(text), FactKind.EVENT)}
    assert ("release", "2026-03-27") in events


def test_a_filing_that_says_the_group_released_a_model_names_the_filer_its_maker() -> None:
    text = (
        "擎川机器人股份有限公司年度业绩公告\n2026年3月26日\n"
        "擎川机器人股份有限公司董事会欣然宣布本集团的年度业绩。擎川机器人股份有限公司是人形机器人企业。"
        "擎川机器人股份有限公司总部位于深圳。\n"
        "本集团于2025年4月发布工业人形机器人擎川QC-7，身高172厘米。\n"
        "本集团于2025年6月与比亚迪签订框架采购协议，约定于2025年至2027年间采购不少于500台擎川QC-7。"
    )
    makes = {
        (f.subject, str(f.time))
        for f in facts(_extraction(text), FactKind.MAKES)
        if f.object == "擎川QC-7"
    }
    assert makes == {("擎川机器人股份有限公司", "2025-04")}


def test_a_policy_taking_effect_under_its_declared_short_title_is_that_policy() -> None:
    text = (
        "政策解读\n2026年2月12日\n"
        "2月6日，重庆市经济和信息化委员会印发《重庆市加快具身智能机器人规模化应用和整机制造若干政策措施》"
        "（渝经信发〔2026〕5号，以下简称《若干措施》）。"
        "这也是落实国务院2025年8月印发的《关于深入实施“人工智能+”行动的意见》的具体举措。\n"
        "《若干措施》自2026年3月1日起施行，有效期至2028年12月31日。"
    )
    extraction = _extraction(text)
    in_force = {
        (f.subject, f.qualifiers.get("valid"))
        for f in facts(extraction, FactKind.EVENT)
        if f.qualifiers.get("detail") == "起施行"
    }
    assert in_force == {
        ("重庆市加快具身智能机器人规模化应用和整机制造若干政策措施", "有效期至2028年12月31日")
    }
    # the short title is no alias: many documents call their own policy 《若干措施》
    assert not any("若干措施" in e.aliases for e in extraction.entities)


def test_a_brand_before_h1_or_h2_names_a_model_not_a_half_year() -> None:
    text = (
        "政策解读\n2026年2月12日\n"
        "总部位于两江新区的重庆巴山具身智能科技有限公司（简称巴山具身），去年9月推出全尺寸人形机器人"
        "巴山H2——身高168厘米、体重62公斤。2025年H2，公司交付量明显增长。"
    )
    products = {e.name for e in _extraction(text).entities if e.type.value == "product"}
    assert products == {"巴山H2"}
    assert _subjects_by_value(_extraction(text))[Decimal("168")] == "巴山H2"


def test_an_edition_word_after_a_model_names_another_model_of_its_maker() -> None:
    text = (
        "对话星河智言\n2026年3月20日\n"
        "1月15日，星河智言科技有限公司发布新一代旗舰模型星河-3。"
        "一个多月后，公司又推出轻量版星河-3 Flash。"
        "腾讯的快思考模型混元Turbo S也在降价。"
    )
    extraction = _extraction(text)
    makers = {f.object: f.subject for f in facts(extraction, FactKind.MAKES)}
    assert makers.get("星河-3 Flash") == makers.get("星河-3") == "星河智言科技有限公司"
    products = {e.name for e in extraction.entities if e.type.value == "product"}
    assert "混元Turbo" not in products  # the name goes on: "混元Turbo S"


def test_a_deed_planned_for_a_date_is_an_event_of_the_company_planning_it() -> None:
    text = (
        "具身智能融资月报\n2026年4月2日\n"
        "上海栖云具身智能科技有限公司完成7亿元C轮融资。公司临港基地一期厂房预计5月封顶。"
    )
    events = _dated_deeds(_extraction(text))
    assert ("上海栖云具身智能科技有限公司", "2026-05") in events


def test_the_company_a_founding_sentence_means_is_the_raiser_not_its_investor() -> None:
    text = (
        "具身智能融资周报\n2025年11月15日\n"
        "11月11日，杭州钱塘智动科技有限公司完成5亿元Pre-B轮融资，由杭州市科创基金领投，"
        "阿里巴巴、中金资本跟投。公司成立于2021年，总部位于杭州市滨江区。"
    )
    founded = {
        (f.subject, str(f.time))
        for f in facts(_extraction(text), FactKind.EVENT)
        if f.predicate == "founding"
    }
    assert founded == {("杭州钱塘智动科技有限公司", "2021")}


def test_a_sentence_opening_on_the_company_releases_for_the_one_named_before() -> None:
    text = (
        "具身智能融资月报\n2026年4月2日\n"
        "3月5日，北京澄观智能科技有限公司完成超5亿元B轮融资，联想创投、顺为资本跟投。"
        "公司去年10月发布的视觉-语言-动作模型澄观VLA-2已授权给9家整机企业使用。"
    )
    makes = {
        (f.subject, str(f.time))
        for f in facts(_extraction(text), FactKind.MAKES)
        if f.object == "澄观VLA-2"
    }
    assert makes == {("北京澄观智能科技有限公司", "2025-10")}


def test_a_digest_items_heading_and_the_company_it_deals_with_are_no_part_of_a_name() -> None:
    text = (
        "具身早报｜5月13日\n2026年5月13日\n"
        "⑤【武汉】武汉格灵智造科技有限公司获东风汽车集团有限公司轮式人形机器人采购订单200台。\n\n"
        "⑨【合肥】合肥星衡动力科技有限公司完成1.2亿元A轮融资。\n\n"
        "2）沈阳｜沈阳新松机器人自动化股份有限公司与华晨宝马汽车有限公司签署合作协议。\n"
    )
    organizations = _organizations(_extraction(text))
    assert {
        "武汉格灵智造科技有限公司",
        "东风汽车集团有限公司",
        "合肥星衡动力科技有限公司",
        "沈阳新松机器人自动化股份有限公司",
    } <= organizations
    assert not any(mark in name for name in organizations for mark in "【】｜⑤⑨获")


def test_a_numbered_list_of_products_and_their_makers_is_a_table_of_products() -> None:
    text = (
        "关于第三批生成式人工智能服务备案信息的公告\n2026年4月8日\n"
        "本批次部分已备案服务名单如下：\n"
        "序号｜服务名称｜属地｜主体名称\n"
        "1｜澜川政务大模型｜杭州市｜杭州澜川智能科技有限公司\n"
        "2｜青穹客服大模型｜宁波市｜宁波青穹信息技术有限公司\n"
    )
    extraction = _extraction(text)
    makes = {
        (fact.object, fact.subject) for fact in extraction.facts if fact.kind == FactKind.MAKES
    }
    assert ("澜川政务大模型", "杭州澜川智能科技有限公司") in makes
    assert ("青穹客服大模型", "宁波青穹信息技术有限公司") in makes


def test_a_model_pointed_at_is_the_model_named_before_not_one_named_so() -> None:
    text = (
        "大模型周报\n2026年6月8日\n"
        "本周最受关注的是澜川-4。澜川智能于6月2日发布并开源该模型，总参数约1.2万亿。\n"
    )
    extraction = _extraction(text)
    products = {e.name for e in extraction.entities if e.type == MentionType.PRODUCT}
    assert "该模型" not in products
    subjects = {f.subject for f in extraction.facts if f.kind == FactKind.METRIC}
    assert "该模型" not in subjects


def test_a_companys_plant_going_into_production_is_no_founding_of_the_company() -> None:
    text = (
        "渝北智造观察\n2026年3月18日\n"
        "3月10日，重庆嘉渝智行机器人有限公司位于鱼复工业园的整机工厂正式投产，总投资6.2亿元。\n"
    )
    events = {
        (fact.predicate, fact.subject)
        for fact in _extraction(text).facts
        if fact.kind == FactKind.EVENT
    }
    assert ("founding", "重庆嘉渝智行机器人有限公司") not in events
    assert ("other", "重庆嘉渝智行机器人有限公司") in events


def test_a_table_of_models_with_their_release_days_dates_each_release() -> None:
    text = (
        "大模型周报（2026年第10周）\n2026年3月9日\n"
        "| 模型 | 厂商 | 发布日期 | 输入价格（元/百万tokens） |\n"
        "|---|---|---|---|\n"
        "| 澜川-3 | 杭州澜川智能科技有限公司 | 2026-03-02 | 2 |\n"
        "| 青穹-2 | 宁波青穹信息技术有限公司 | 2026-02-26 | 0.8 |\n"
    )
    extraction = _extraction(text)
    releases = {
        (fact.subject, str(fact.time))
        for fact in extraction.facts
        if fact.kind == FactKind.EVENT and fact.predicate == "release"
    }
    assert releases == {("澜川-3", "2026-03-02"), ("青穹-2", "2026-02-26")}
    makes = {(f.object, f.subject) for f in extraction.facts if f.kind == FactKind.MAKES}
    assert ("澜川-3", "杭州澜川智能科技有限公司") in makes


def test_ground_broken_a_lab_signed_a_line_rolled_off_on_a_day_are_events() -> None:
    text = (
        "具身早报\n2026年5月13日\n"
        "澜舟智能装备有限公司人形机器人整机工厂昨日在崂山区开工，总投资12亿元。\n"
        "星衡传动股份有限公司与南京航空航天大学本周二签约共建联合实验室。\n"
        "5月8日，津沽机器人有限公司首批500台人形机器人在滨海新区量产下线。\n"
    )
    events = {
        (fact.subject, str(fact.time))
        for fact in _extraction(text).facts
        if fact.kind == FactKind.EVENT and fact.predicate == "other"
    }
    assert {
        ("澜舟智能装备有限公司", "2026-05-12"),
        ("星衡传动股份有限公司", "2026-05-12"),
        ("津沽机器人有限公司", "2026-05-08"),
    } <= events


def test_a_quoted_name_with_a_latin_name_in_brackets_is_the_product_and_its_alias() -> None:
    text = (
        "华中科技大学发布开源人形机器人\n2025年11月17日\n"
        "11月16日，华中科技大学在武汉发布开源人形机器人平台“江夏-1”（JiangXia-1）。\n"
        "“江夏-1”身高1.62米，体重48公斤，全身32个自由度。\n"
    )
    extraction = _extraction(text)
    products = {e.name: e for e in extraction.entities if e.type == MentionType.PRODUCT}
    assert "JiangXia-1" in products["江夏-1"].aliases
    heights = {
        fact.subject
        for fact in extraction.facts
        if fact.kind == FactKind.METRIC and fact.quantity is not None and fact.quantity.unit == "米"
    }
    assert heights == {"江夏-1"}


def test_an_amount_describing_the_fund_after_it_is_the_funds_size() -> None:
    text = (
        "济南出台人形机器人产业政策\n2025年8月6日\n"
        "设立总规模20亿元的济南市人形机器人产业基金，重点投向整机和核心零部件项目。\n"
    )
    sizes = {
        (fact.subject, fact.predicate)
        for fact in _extraction(text).facts
        if fact.kind == FactKind.METRIC
        and fact.quantity is not None
        and fact.quantity.value == Decimal("2000000000")
    }
    assert sizes == {("济南市人形机器人产业基金", "总规模")}


def test_a_list_item_naming_a_person_then_titles_gives_the_person_those_titles() -> None:
    text = (
        "常州衡川传动科技股份有限公司招股说明书（节选）\n2026年3月20日\n"
        "公司核心技术人员共2名，具体如下：\n"
        "（1）陈立衡，董事、副总经理、首席技术官，负责公司整体技术路线；\n"
        "（2）方艺，关节模组研发部经理，博士，负责关节模组控制算法。\n"
    )
    titles: dict[str, set[str]] = {}
    for fact in _extraction(text).facts:
        if fact.kind == FactKind.HOLDS_TITLE:
            titles.setdefault(fact.subject, set()).add(fact.predicate)
            assert fact.object == "常州衡川传动科技股份有限公司"
    assert titles == {
        "陈立衡": {"董事", "副总经理", "首席技术官"},
        "方艺": {"关节模组研发部经理", "博士"},
    }


def test_hong_kong_and_taiwan_titles_are_titles() -> None:
    text = (
        "科学园具身智能中心启用\n2025年12月4日\n"
        "港湾智动主席兼行政总裁区志朗表示，公司今年交付人形机器人412台。\n"
        "台达电执行长郑平指出，关节模组已送样6家客户。\n"
    )
    titles = {
        (fact.subject, fact.predicate)
        for fact in _extraction(text).facts
        if fact.kind == FactKind.HOLDS_TITLE
    }
    assert {("区志朗", "主席"), ("区志朗", "行政总裁"), ("郑平", "执行长")} <= titles


def test_a_zone_a_city_names_is_what_its_figures_are_about() -> None:
    text = (
        "园区观察\n2025年10月9日\n"
        "截至9月底，合肥高新区已聚集机器人企业85家，2024年产业规模约210亿元。"
        "合肥市今年还将新建3个具身智能训练场，高新区计划再引进企业20家。"
        "10月12日至14日在高新区举行的2025合肥具身智能创新大会上，参展企业超过120家。"
    )
    metrics = _metrics(text)
    assert ("合肥高新区", Decimal("85"), "家") in metrics
    assert ("合肥高新区", Decimal("21000000000"), "元") in metrics
    assert ("合肥市", Decimal("3"), "个") in metrics
    # written again without its city, it is still the zone; the fair held in it is no zone
    assert ("合肥高新区", Decimal("20"), "家") in metrics
    assert ("2025合肥具身智能创新大会", Decimal("120"), "家") in metrics


def test_this_conference_is_the_conference_named_not_a_society_that_runs_it() -> None:
    text = (
        "展会快讯\n2025年9月20日\n"
        "2025长三角机器人大会9月18日在苏州开幕。据主办方中国自动化学会介绍，参展企业超过300家。"
        "此外，本届大会共有来自15个国家的企业参展。\n大会期间，现场签约项目18个。"
    )
    metrics = _metrics(text)
    assert ("2025长三角机器人大会", Decimal("15"), "个") in metrics
    assert ("2025长三角机器人大会", Decimal("18"), "个") in metrics


def test_an_alliance_founded_by_others_is_what_its_figures_are_about() -> None:
    text = (
        "联盟成立\n2025年6月3日\n"
        "6月2日，由浙江大学、之江实验室和22家企业共同发起的杭州具身智能产业联盟正式成立，"
        "首批成员单位共85家。"
    )
    metrics = _metrics(text)
    assert ("杭州具身智能产业联盟", Decimal("22"), "家") in metrics
    assert ("杭州具身智能产业联盟", Decimal("85"), "家") in metrics


def test_a_project_signed_somewhere_is_what_its_investment_is_about() -> None:
    text = (
        "项目签约\n2025年3月10日\n"
        "3月8日，埃斯顿人形机器人关节模组产业化项目在南京江宁开发区签约，总投资12亿元。"
    )
    assert ("埃斯顿人形机器人关节模组产业化项目", Decimal("1200000000"), "元") in _metrics(text)


def test_a_cap_the_size_of_an_earlier_award_is_a_figure_of_its_own() -> None:
    text = (
        "政策解读\n2025年4月2日\n"
        "合肥市对年销量首次突破500台的整机企业给予一次性奖励800万元。"
        "对灵巧手等关键零部件研发，按研发投入的20%给予补助，单个项目最高800万元。"
    )
    amounts = [
        (f.quantity.value, f.quantity.qualifier.value)
        for f in facts(_extraction(text), FactKind.METRIC)
        if f.quantity and f.quantity.unit == "元"
    ]
    assert sorted(amounts) == [(Decimal("8000000"), "<="), (Decimal("8000000"), "=")]


def test_this_company_described_at_length_is_the_company_named_before() -> None:
    text = (
        "公司公告\n2025年7月15日\n"
        "兆威机电公布上半年业绩，营业收入7.6亿元。\n"
        "同一天，这家总部位于深圳的微型传动企业还公告，拟在东莞投资5亿元建设灵巧手产线，"
        "达产后形成年产灵巧手20万只的能力。"
    )
    metrics = _metrics(text)
    assert ("兆威机电", Decimal("500000000"), "元") in metrics
    assert ("兆威机电", Decimal("200000"), "只") in metrics


def test_the_whole_province_is_the_province_of_the_place_written_about() -> None:
    text = (
        "产业观察\n2025年7月20日\n"
        "具身智能产业半年报发布\n"
        "杭州市经信局介绍了重点企业情况。\n"
        "上半年，全省新引进机器人企业64家，其中整机企业9家。"
    )
    metrics = _metrics(text)
    assert ("浙江省", Decimal("64"), "家") in metrics


def test_a_trade_meeting_held_is_an_event_and_what_its_signings_are_about() -> None:
    text = (
        "招商快讯\n2025年6月21日\n"
        "6月20日，2025安徽具身智能产业投资推介会在合肥举行，现场集中签约项目18个，总投资96亿元。"
        "今年3月全省机器人产业对接会签约项目12个。"
    )
    extraction = _extraction(text)
    held = [f for f in facts(extraction, FactKind.EVENT) if f.predicate == "other"]
    assert [(f.subject, str(f.time)) for f in held] == [
        ("2025安徽具身智能产业投资推介会", "2025-06-20")
    ]
    metrics = _metrics(text)
    assert ("2025安徽具身智能产业投资推介会", Decimal("18"), "个") in metrics
    assert ("2025安徽具身智能产业投资推介会", Decimal("9600000000"), "元") in metrics
    assert ("全省机器人产业对接会", Decimal("12"), "个") in metrics  # not "今年3月全省…"


def test_a_list_or_report_published_on_a_date_is_an_event_of_its_publisher() -> None:
    text = (
        "政务动态\n2025年5月12日\n"
        "5月9日，杭州市经济和信息化局发布第二批具身智能应用场景清单，共45个场景。"
    )
    published = [
        (f.subject, str(f.time))
        for f in facts(_extraction(text), FactKind.EVENT)
        if f.predicate == "other"
    ]
    assert published == [("杭州市经济和信息化局", "2025-05-09")]


def test_a_company_goes_on_by_its_registered_name_less_place_and_trade_words() -> None:
    text = (
        "企业动态\n2025年9月3日\n"
        "目前全市已有整机企业7家，包括成都蜀山智擎科技有限公司和另两家企业。\n"
        "其中，蜀山智擎今年5月发布的双足人形机器人蜀行C1身高170厘米。"
    )
    extraction = _extraction(text)
    company = next(e for e in extraction.entities if e.name == "成都蜀山智擎科技有限公司")
    assert "蜀山智擎" in company.aliases
    makes = {(f.subject, f.object) for f in facts(extraction, FactKind.MAKES)}
    assert ("成都蜀山智擎科技有限公司", "蜀行C1") in makes


def test_a_release_going_on_a_clause_after_the_company_is_the_companys() -> None:
    text = (
        "模型发布\n2025年11月6日\n"
        "11月5日，总部位于北京的大模型公司澜舟科技举办技术开放日，正式发布新一代推理模型孟子-3。"
    )
    extraction = _extraction(text)
    makes = {(f.subject, f.object, str(f.time)) for f in facts(extraction, FactKind.MAKES)}
    assert ("澜舟科技", "孟子-3", "2025-11-05") in makes


def test_a_series_name_after_its_makers_name_and_de_is_part_of_the_designation() -> None:
    text = (
        "展会现场\n2025年8月9日\n"
        "记者看到，智元机器人的远征A3和优必选的Walker S2在现场演示搬运。"
        "人形机器人楚行C2身高168厘米。"
    )
    products = {e.name for e in _extraction(text).entities if e.type.value == "product"}
    assert {"远征A3", "楚行C2"} <= products and "A3" not in products


def test_a_deed_then_a_trade_word_makes_no_company_name() -> None:
    text = (
        "模型发布\n2025年11月6日\n"
        "11月5日，总部位于北京的大模型公司月之暗面举办技术开放日，正式发布新一代模型Kimi K3。"
    )
    assert not any("举办" in name for name in _organizations(_extraction(text)))


def test_a_company_listing_on_an_exchange_is_its_dated_event_not_its_founding() -> None:
    text = (
        "资本市场\n2025年3月2日\n"
        "服务机器人厂商云帆智控于2024年11月8日在香港联合交易所主板挂牌，发行价每股12港元；"
        "同一天，苏州精工传动则在北京证券交易所上市。另一家企业星辉灵动于2023年6月20日挂牌。"
    )
    extraction = _extraction(text)
    listed = _dated_deeds(extraction)
    assert ("云帆智控", "2024-11-08") in listed
    assert ("星辉灵动", "2023-06-20") in listed
    assert not [f for f in facts(extraction, FactKind.EVENT) if f.predicate == "founding"]
    cities = {f.subject: f.object for f in facts(extraction, FactKind.LOCATED_IN)}
    assert cities.get("苏州精工传动") != "北京市"  # where it listed is not where it is


def test_a_name_glued_to_yu_by_the_segmenter_still_ends_before_yu() -> None:
    text = "市场动态\n2025年3月2日\n感知部件厂商速腾聚创于2024年1月5日在港交所主板挂牌。"
    assert "速腾聚创" in _organizations(_extraction(text))


def test_a_robots_trial_or_race_dated_in_its_own_clause_is_an_event_and_a_plan_is_not() -> None:
    text = (
        "应用进展\n2025年9月2日\n"
        "8月，优必选的Walker S2在奇瑞汽车芜湖工厂开展焊装上下料试点。"
        "4月19日，天行Ultra在半程马拉松中夺得冠军。"
        "另一家企业蓝鲸智能今年5月发布的蓝鲸B1，已进入武汉工厂开展分拣试点。"
        "蓝鲸智能计划年底前在顺德工厂开展试用。"
    )
    events = _dated_deeds(_extraction(text))
    assert ("Walker S2", "2025-08") in events
    assert ("天行Ultra", "2025-04-19") in events
    assert not {subject for subject, _ in events} & {"蓝鲸B1", "蓝鲸智能"}


def test_a_name_extended_over_a_verb_starts_after_the_verb_when_found_on_its_own() -> None:
    text = (
        "券商观点\n2025年9月2日\n"
        "云帆传动集团今年营收增长三成。报告重点推荐云帆传动集团，并建议衔接星桥精工集团。"
        "星桥精工集团位于常州。"
    )
    assert _organizations(_extraction(text)) == {"云帆传动集团", "星桥精工集团"}


def test_a_memorandum_a_filing_passed_and_a_control_stake_taken_are_dated_deeds() -> None:
    text = (
        "公司动态\n2025年9月2日\n"
        "2024年10月，星桥精工集团与常州市武进区人民政府签署合作备忘录。"
        "2024年4月，云帆智能的对话模型通过国家生成式人工智能服务备案。"
        "2025年7月，智元机器人宣布通过协议转让取得上纬新材控股权。"
    )
    events = _dated_deeds(_extraction(text))
    assert {
        ("星桥精工集团", "2024-10"),
        ("云帆智能", "2024-04"),
        ("智元机器人", "2025-07"),
    } <= events


def test_the_company_a_filing_declares_it_calls_gongsi_owns_the_gongsi_figures() -> None:
    text = (
        "苏州云帆精密传动股份有限公司首次公开发行股票招股说明书（节选）\n"
        "发行人名称：苏州云帆精密传动股份有限公司（以下简称“云帆传动”、“发行人”或“公司”）\n"
        "2025年，智元机器人成为公司第一大客户，采购谐波减速器1.2万台。\n"
        "报告期内，公司营业收入年均复合增长率为48.5%。2025年度研发投入为6,120.30万元。"
    )
    metrics = _metrics(text)
    assert ("苏州云帆精密传动股份有限公司", Decimal("48.5"), "%") in metrics
    assert ("苏州云帆精密传动股份有限公司", Decimal("61203000"), "元") in metrics


def test_a_hong_kong_announcements_benggongsi_declaration_names_the_filer() -> None:
    text = (
        "云帆机器人股份有限公司截至2025年12月31日止年度业绩公告（节选）\n"
        "云帆机器人股份有限公司（「本公司」，连同其附属公司统称「本集团」）董事会欣然宣布年度业绩。\n"
        "报告期内，本集团主要客户包括比亚迪及富士康。"
        "2025年7月15日，公司完成配售，所得款项净额约28.4亿港元。"
    )
    assert ("云帆机器人股份有限公司", Decimal("2840000000"), "港元") in _metrics(text)


def test_a_model_named_again_without_its_brand_and_space_is_the_same_product() -> None:
    text = (
        "模型发布\n2025年11月6日\n"
        "11月5日，月之暗面正式发布新一代模型Kimi K3。K3在多项评测中位列开源模型第一。"
    )
    products = [e for e in _extraction(text).entities if e.type.value == "product"]
    assert [(p.name, "K3" in p.aliases) for p in products] == [("Kimi K3", True)]


def test_a_product_after_the_word_chanpin_or_a_makers_other_name_and_de_is_named_alone() -> None:
    text = (
        "模型盘点\n2025年9月2日\n"
        "DeepSeek（深度求索）成立于2023年。今年共有3款旗舰模型发布，分别是：深度求索的DeepSeek-R2、"
        "字节跳动的豆包大模型2.0和百度的文心大模型5.0。"
        "同年10月，月之暗面推出首款产品Kimi智能助手。"
    )
    products = {e.name for e in _extraction(text).entities if e.type.value == "product"}
    assert "DeepSeek-R2" in products and any(name.startswith("Kimi") for name in products)
    assert not {name for name in products if name.startswith(("产品", "深度求索的"))}


def test_a_notices_contacts_are_persons_at_the_body_their_unit_belongs_to() -> None:
    text = (
        "关于组织申报2026年度机器人产业专项资金项目的通知\n"
        "6月3日，浙江省经济和信息化厅印发本通知。\n"
        "联系人：省经济和信息化厅装备工业处　林晓东；电话：0571-8705××××\n"
        "政策咨询：市经信局智能制造处 联系人：周婉 电话：0574-8918××××"
    )
    extraction = _extraction(text)
    contacts = {
        f.subject: f.object
        for f in facts(extraction, FactKind.HOLDS_TITLE)
        if f.predicate == "联系人"
    }
    assert set(contacts) == {"林晓东", "周婉"} and contacts["周婉"] is None
    body = next(e for e in extraction.entities if e.name == contacts["林晓东"])
    assert "浙江省经济和信息化厅" in {body.name, *body.aliases}


def test_a_packs_short_name_joins_the_company_declared_under_the_packs_name() -> None:
    text = (
        "年报速递\n2026年4月21日\n"
        "4月20日晚，科大讯飞股份有限公司（以下简称“科大讯飞”）发布2025年年度报告。"
        "报告期内，讯飞开放平台及消费者业务收入52.7亿元，同比增长26.3%。"
    )
    extraction = _extraction(text)
    assert _organizations(extraction) == {"科大讯飞股份有限公司"}
    company = next(e for e in extraction.entities if e.name == "科大讯飞股份有限公司")
    assert {"科大讯飞", "讯飞"} <= set(company.aliases)


def test_a_persons_title_never_opens_a_company_name() -> None:
    text = (
        "融资周报\n2026年4月17日\n"
        "擎岳动力完成A轮融资。公司成立于2022年，创始人兼董事长陆承泽在汽车转向系统行业从业18年。"
        "公司目前丝杠年产能为5万根。"
    )
    extraction = _extraction(text)
    assert not any("董事长" in name for name in _organizations(extraction))
    assert ("擎岳动力", Decimal("50000"), "根") in _metrics(text)


def test_trillions_of_tokens_are_a_training_corpus_not_a_context_length() -> None:
    text = (
        "模型发布\n2026年1月27日\n"
        "月之暗面发布Kimi K3，上下文长度扩展到512K tokens，预训练数据量约18万亿tokens。"
    )
    measured = {
        (f.predicate, f.quantity.value)
        for f in facts(_extraction(text), FactKind.METRIC)
        if f.quantity
    }
    assert ("上下文长度", Decimal("512000")) in measured
    assert ("预训练数据量", Decimal("18000000000000")) in measured


def test_a_designation_opening_with_one_companys_brand_is_that_companys() -> None:
    text = (
        "融资周报\n2026年4月17日\n"
        "上海星衍机器人完成3000万美元A轮融资。方知远表示，公司的轮式双臂机器人星衍W2"
        "已在80余家商超门店承担理货工作。"
    )
    makes = {(f.subject, f.object) for f in facts(_extraction(text), FactKind.MAKES)}
    assert ("上海星衍机器人", "星衍W2") in makes


def test_a_labelled_name_in_brackets_is_the_models_alias_and_a_branded_model_no_company() -> None:
    text = (
        "新品发布\n2026年3月17日\n"
        "昨天下午，深圳市曜衡机器人有限公司推出第三代工业人形机器人曜衡T3（英文名Rover T3），"
        "同时发布关节模组YJ-R60（又称“R60关节”）。曜衡T3将于今年5月开始批量交付。"
    )
    extraction = _extraction(text)
    products = {e.name: e.aliases for e in extraction.entities if e.type.value == "product"}
    assert "Rover T3" in products["曜衡T3"]
    assert "R60关节" in products["YJ-R60"]
    assert not any("英文名" in name for name in products)
    assert "曜衡T3" not in _organizations(extraction)


def test_a_size_after_a_verb_is_no_model_and_a_price_is_the_model_named_with_its_brand() -> None:
    text = (
        "讯飞发布新模型\n2026年3月18日\n"
        "科大讯飞发布深度推理模型讯飞星火X2，在评测上较X1.5有明显提升。该模型支持128K上下文。"
        "价格方面，讯飞星火X2的API输入价格为每百万tokens 2元。"
    )
    extraction = _extraction(text)
    assert not any("128K" in e.name for e in extraction.entities if e.type.value == "product")
    prices = {
        f.subject
        for f in facts(extraction, FactKind.METRIC)
        if f.quantity and f.quantity.value == 2
    }
    assert prices == {"讯飞星火X2"}


def test_a_known_makers_name_with_de_then_a_legal_ending_is_one_company_in_its_city() -> None:
    text = (
        "行动方案\n2025年7月8日\n"
        "全市已集聚企业20余家，包括苏州绿的谐波传动科技股份有限公司（以下简称绿的谐波）。\n"
        "主要供应商：兆威机电（深圳）、鸣志电器（上海）。"
    )
    extraction = _extraction(text)
    organizations = _organizations(extraction)
    assert "苏州绿的谐波传动科技股份有限公司" in organizations
    assert not any(name.startswith("科技") for name in organizations)
    cities = {f.subject: f.object for f in facts(extraction, FactKind.LOCATED_IN)}
    assert cities["兆威机电"] == "深圳市"
    assert cities["鸣志电器"] == "上海市"


def test_a_conversion_note_states_no_figure_and_some_firms_listed_are_a_count_claim() -> None:
    text = (
        "融资周报\n2026年2月9日\n"
        "过去两周，北京、杭州、成都三地共有6家公司宣布完成融资，已披露金额合计近15亿元"
        "（美元金额按1美元兑7.1元人民币折算）。\n"
        "全市已集聚整机及零部件企业20余家，包括科沃斯机器人股份有限公司、追觅科技和博众精工科技股份有限公司等。"
    )
    extraction = _extraction(text)
    values = {f.quantity.value for f in facts(extraction, FactKind.METRIC) if f.quantity}
    assert Decimal("1500000000") in values
    assert not values & {Decimal("1"), Decimal("7.1")}
    claims = {
        (f.quantity.value, f.qualifiers["items"])
        for f in facts(extraction, FactKind.COUNT_CLAIM)
        if f.quantity
    }
    assert (Decimal("20"), "科沃斯机器人股份有限公司|追觅科技|博众精工科技股份有限公司") in claims


def test_glued_words_model_codes_and_a_name_cut_inside_a_word_make_no_company() -> None:
    text = (
        "新品发布\n2026年3月17日\n"
        "深圳市曜衡机器人有限公司（以下简称“曜衡机器人”）发布T3。这是曜衡机器人成立以来的第三代产品。"
        "T3主打汽车零部件和3C电子工厂。软件方面，T3搭载公司自研的具身大模型。"
        "六维力传感器则采购自苏州力准传感技术有限公司。"
        "公司联合创始人兼CTO司徒晓蕾介绍，核心部件国产化率已达92%。"
    )
    organizations = _organizations(_extraction(text))
    assert {"深圳市曜衡机器人有限公司", "苏州力准传感技术有限公司"} <= organizations
    assert not any(
        name.startswith(("这是", "T3", "自", "CTO")) or name == "3C电子" for name in organizations
    ), organizations


def test_a_place_in_brackets_inside_a_legal_name_is_no_address_of_the_name_before_it() -> None:
    text = (
        "公告速递\n2025年7月21日\n"
        "上海北特科技集团股份有限公司（以下简称北特科技）公告，全资子公司北特科技（昆山）精密传动"
        "有限公司注册成立。主要供应商还有曜川科技（深圳）。"
    )
    cities = {f.subject: f.object for f in facts(_extraction(text), FactKind.LOCATED_IN)}
    assert cities.get("上海北特科技集团股份有限公司") == "上海市"
    assert cities.get("曜川科技") == "深圳市"


def test_a_founder_under_a_bare_company_word_belongs_to_the_paragraphs_company() -> None:
    text = (
        "融资周报｜灵御科技3亿元B轮领跑\n2026年4月18日\n"
        "灵御科技完成3亿元B轮融资，创始人兼CEO韩亦舟表示将扩产。\n"
        "4月15日，杭州灵巧手企业织力机器人完成5000万元天使轮融资，由联想之星领投。"
        "公司成立于2025年8月，创始人兼总经理沈沐阳曾负责灵巧手研发。"
    )
    extraction = _extraction(text)
    employers = {(f.subject, f.object) for f in facts(extraction, FactKind.HOLDS_TITLE)}
    assert ("沈沐阳", "织力机器人") in employers
    assert ("沈沐阳", "灵御科技") not in employers


def test_this_company_opening_a_sentence_founds_and_raises_for_the_company_just_named() -> None:
    text = (
        "融资周报\n2026年2月9日\n"
        "同在成都高新区的川序科技则走了另一条路。这家成立于2024年的公司专做端侧大模型，"
        "1月27日宣布完成1.5亿元A轮融资，由君联资本领投。\n"
        "澄溪智能宣布完成6000万元天使轮融资。这家公司去年8月才在杭州滨江区注册成立。"
    )
    deeds = {
        (f.subject, f.predicate, str(f.time)) for f in facts(_extraction(text), FactKind.EVENT)
    }
    assert ("川序科技", "founding", "2024") in deeds
    assert ("川序科技", "financing", "2026-01-27") in deeds
    assert ("澄溪智能", "founding", "2025-08") in deeds


def test_each_one_of_a_model_is_no_product_and_a_place_after_company_is_its_site() -> None:
    text = (
        "新品发布\n2026年3月17日\n"
        "曜衡机器人推出人形机器人曜衡T3。谐波减速器由同川精密供应，每台T3用量12个。\n"
        "同川精密总经理罗国栋表示，公司宝安区的谐波减速器产线年产能约15万台。"
    )
    extraction = _extraction(text)
    products = {e.name for e in extraction.entities if e.type.value == "product"}
    assert "曜衡T3" in products and not any(name.startswith("每台") for name in products)
    assert _subjects_by_value(extraction).get(Decimal("150000")) == "同川精密"


def test_a_verb_before_a_weak_organization_word_makes_no_name() -> None:
    text = (
        "行动方案\n2025年7月8日\n"
        "按照“一核四区”统筹推进：吴中区聚焦精密减速器和一体化关节模组，相城区建设数据训练场。"
    )
    assert not any("聚焦" in name for name in _organizations(_extraction(text)))


def test_every_body_of_a_kind_in_a_notices_address_line_is_no_organization() -> None:
    text = (
        "苏州市工业和信息化局关于印发行动方案的通知\n2025年7月8日\n"
        "各县级市、区人民政府（管委会），市各委办局，各直属单位：现将方案印发给你们。"
    )
    assert not any("各" in name for name in _organizations(_extraction(text)))


def test_a_district_a_policy_calls_benqu_is_the_subject_of_its_figures() -> None:
    text = (
        "苏州市吴中区工业和信息化局关于印发若干措施的通知\n2026年2月3日\n"
        "本措施适用于注册在苏州太湖新城（吴中区）（以下简称本区）的企业。"
        "力争到2028年，本区机器人产业规模突破200亿元。"
        "对新建中试平台的企业，按设备投资额的20%给予补助，最高800万元。"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("20000000000")] == "苏州太湖新城（吴中区）"
    assert subjects[Decimal("8000000")] == "苏州太湖新城（吴中区）"


def test_a_bureau_named_by_its_level_alone_is_the_full_named_bodys_other_name() -> None:
    text = (
        "通知\n2026年2月3日\n"
        "成都市武侯区经济和信息化局、成都高新区管理委员会联合发布通知（蓉武经信〔2026〕3号）。"
        "区经济和信息化局负责受理，区管委会负责审核；请径向区经济和信息化局咨询。"
        "各街道办事处、镇政府做好宣传。"
    )
    extraction = _extraction(text)
    aliases = {e.name: set(e.aliases) for e in extraction.entities if e.type.value == "org"}
    assert "区经济和信息化局" in aliases["成都市武侯区经济和信息化局"]
    assert "区管委会" in aliases["成都高新区管理委员会"]
    assert not {name for name in aliases if "〔" in name or "径向" in name or name == "镇政府"}


def test_a_trial_measure_is_a_policy_and_a_digest_items_bare_company_was_founded() -> None:
    text = (
        "快讯合集\n2026-05-06\n"
        "◆ 昨日（5月5日），武汉市经济和信息化局印发《武汉市机器人应用场景开放管理办法（试行）》。\n"
        "▶ 武汉灵枢智能科技有限公司宣布完成1亿元天使轮融资。\n"
        "▶ 公司2022年成立，位于东湖高新区。\n"
    )
    extraction = _extraction(text)
    (policy,) = facts(extraction, FactKind.POLICY_ISSUED)
    assert policy.subject == "武汉市机器人应用场景开放管理办法（试行）"
    assert policy.time == PartialDate(2026, 5, 5)
    assert ("武汉灵枢智能科技有限公司", "2022") in {
        (f.subject, str(f.time))
        for f in facts(extraction, FactKind.EVENT)
        if f.predicate == "founding"
    }


def test_a_fund_with_its_abbreviation_in_brackets_and_a_role_before_a_company() -> None:
    text = (
        "工商時報　記者 林欣／台中報導　2026.04.16\n"
        "總部位於台中市的鈦躍機器人股份有限公司昨（15）日宣布完成新台幣25億元B輪募資。"
        "本輪由國家發展基金（國發基金）領投，台杉投資與東元電機跟投。"
        "投資方東元電機總部位於台北，是老牌馬達大廠。"
    )
    extraction = _extraction(text)
    orgs = {e.name: e for e in extraction.entities if e.type.value == "org"}
    assert "国发基金" in orgs["国家发展基金"].aliases
    assert "东元电机" in orgs and not any("总部" in name or "投资方" in name for name in orgs)
    located = {f.subject: f.object for f in facts(extraction, FactKind.LOCATED_IN)}
    assert located["钛跃机器人股份有限公司"] == "台中市"
    assert ("钛跃机器人股份有限公司", "2026-04-15") in {
        (f.subject, str(f.time))
        for f in facts(extraction, FactKind.EVENT)
        if f.predicate == "financing"
    }


def test_a_cited_title_right_after_its_issuer_has_that_issuer_and_its_bracketed_date() -> None:
    text = (
        "西安市人民政府办公厅关于印发行动方案的通知\n2026年3月2日\n"
        "为贯彻落实国务院《关于深入实施“人工智能+”行动的意见》（2025年8月）"
        "和陕西省工业和信息化厅同年10月印发的《陕西省具身智能产业发展行动计划》，制定本方案。"
        "科研院所与企业组建联合体，完成Pre-B轮投资的企业给予奖励。"
    )
    extraction = _extraction(text)
    issued = {f.subject: (f.object, str(f.time)) for f in facts(extraction, FactKind.POLICY_ISSUED)}
    assert issued["关于深入实施“人工智能+”行动的意见"] == ("国务院", "2025-08")
    assert issued["陕西省具身智能产业发展行动计划"] == ("陕西省工业和信息化厅", "2025-10")
    assert not {name for name in _organizations(extraction) if name in {"科研院所", "-B轮投资"}}


def test_a_digest_items_support_is_its_tagged_places_and_a_measure_by_project_names_none() -> None:
    text = (
        "快讯合集（5月6日）\n2026-05-06\n"
        "▎09:05　【成都】训练场开放\n"
        "◆ 成都市经济和信息化局印发办法，对使用训练场的企业按服务费用的30%给予补助。\n"
        "▎15:47　【青岛】示范名单出炉\n"
        "◎ 青岛市工业和信息化局表示，将对入选企业按项目投资额的10%给予配套奖励，单个项目最高300万元。\n"
    )
    subjects = _subjects_by_value(_extraction(text))
    assert subjects[Decimal("30")] == "成都市"
    assert subjects[Decimal("10")] == subjects[Decimal("3000000")] == "青岛市"


def test_a_legal_name_with_a_bracketed_group_word_is_one_company() -> None:
    text = (
        "融资快讯\n2026年5月6日\n"
        "合肥星衡动力科技有限公司完成1.2亿元A轮融资，合肥市产业投资控股（集团）有限公司领投。\n"
    )
    organizations = _organizations(_extraction(text))
    assert "合肥市产业投资控股（集团）有限公司" in organizations
    assert not any(name.startswith("）") for name in organizations)
