"""Figures stated in tables, read from a Word file and a Markdown file the test writes."""

from __future__ import annotations

from decimal import Decimal

from corpus.render import Article, render_docx, render_pdf

from industry_atlas.core.models import FactKind
from industry_atlas.extract.rules import RuleExtractor
from industry_atlas.ingest import LoadOptions, build_document

REPORT = Article(
    "南京埃斯顿自动化股份有限公司2025年第三季度报告",
    (
        "证券代码：002747　证券简称：埃斯顿",
        "报告期内，埃斯顿工业机器人出货量保持增长。",
        "单位：元",
    ),
)
TABLE = (
    ("项目", "本报告期", "本报告期比上年同期增减"),
    ("营业收入", "1,236,412,305.27", "8.41%"),
    ("基本每股收益（元/股）", "-0.0377", "-418.64%"),
)
VALUATION = """# 人形机器人产业链周报

拓普集团与三花智控本周获得执行器定点。

| 公司 | 所在地 | 2024A营收（亿元） | 2025E PE（倍） |
|------|------|------|------|
| 三花智控 | 浙江绍兴 | 279.5 | 28 |
| 拓普集团 | 浙江宁波 | 266.0 | 24 |
"""


def metrics(data: bytes, name: str) -> dict[tuple[str, str], tuple[Decimal, str]]:
    document = build_document(data, name, LoadOptions())
    extraction = RuleExtractor().extract(document)
    found = {}
    for fact in extraction.facts:
        if fact.kind == FactKind.METRIC and fact.quantity is not None:
            found[(fact.subject, fact.predicate)] = (fact.quantity.value, fact.quantity.unit)
            assert all(span.is_grounded_in(document) for span in fact.evidence)
    return found


def test_a_filing_table_states_the_filers_figures() -> None:
    found = metrics(render_docx(REPORT, with_table=TABLE), "report.docx")
    filer = "南京埃斯顿自动化股份有限公司"
    assert found[(filer, "营业收入")] == (Decimal("1236412305.27"), "元")
    assert found[(filer, "营业收入同比增减")] == (Decimal("8.41"), "%")
    assert found[(filer, "基本每股收益")] == (Decimal("-0.0377"), "元/股")
    assert found[(filer, "基本每股收益同比增减")] == (Decimal("-418.64"), "%")


def test_rows_that_name_companies_hold_their_own_figures() -> None:
    found = metrics(VALUATION.encode(), "weekly.md")
    assert found[("三花智控", "2024A营收")] == (Decimal("27950000000"), "元")
    assert found[("拓普集团", "2025E PE")] == (Decimal("24"), "倍")
    # the place column is words, not figures: no metric comes from it
    assert {indicator for subject, indicator in found if subject == "三花智控"} == {
        "2024A营收",
        "2025E PE",
    }


MARKET = """人形机器人零部件行业深度报告
2025年3月18日
分析师：周慕白
我们测算各环节市场空间如下，绿的谐波、双环传动为重点推荐公司。
零部件        2024年(亿元)   2030E(亿元)   国产化率①
谐波减速器        6.2          85.0         ~60%
RV减速器          2.1          18.0         ~35%
"""


def test_an_industry_reports_market_table_is_about_the_market_not_a_company() -> None:
    extraction = RuleExtractor().extract(
        build_document(MARKET.encode(), "market.txt", LoadOptions())
    )
    found = {
        (f.subject, f.predicate, f.quantity.value, f.quantity.qualifier.value, str(f.time))
        for f in extraction.facts
        if f.kind == FactKind.METRIC and f.quantity is not None
    }
    assert ("全国", "谐波减速器", Decimal("620000000"), "=", "2024") in found
    assert ("全国", "谐波减速器", Decimal("8500000000"), "=", "2030") in found
    assert ("全国", "RV减速器国产化率", Decimal("35"), "~", "None") in found
    assert not any(fact[0] in {"绿的谐波", "双环传动"} for fact in found)


PRICES = """主力模型价格一览

2025年7月30日

星河智能发布星河-2与星河-2-Lite两款模型，价格如下表。

| 模型 | 上下文长度 | 输入价格（元/百万tokens） |
|---|---|---|
| 星河-2 | 128K | 4 |
| 星河-2-Lite | 32K | 0.8 |
"""


def test_a_markdown_price_table_gives_each_model_its_context_and_price() -> None:
    found = metrics(PRICES.encode(), "prices.txt")  # the page text, as a browser copies it
    assert found[("星河-2", "上下文长度")] == (Decimal("128000"), "tokens")
    assert found[("星河-2-Lite", "输入价格")] == (Decimal("0.8"), "元/百万tokens")
    assert not any(subject == "---" or indicator.startswith("---") for subject, indicator in found)


def test_a_table_of_a_citys_districts_names_its_zones_and_its_total() -> None:
    text = (
        "无锡机器人产业去年产值突破900亿元\n\n2025年2月18日\n\n"
        "2024年无锡机器人产业保持增长，分区域情况如下。\n"
        "区域          产值（亿元）    规上企业（家）\n"
        "高新区            438              231\n"
        "惠山区            326              205\n"
        "合计              920              610\n"
    )
    found = metrics(text.encode(), "wuxi.txt")
    assert found[("无锡高新区", "产值")] == (Decimal("43800000000"), "元")
    assert found[("无锡市惠山区", "产值")] == (Decimal("32600000000"), "元")
    assert found[("无锡市", "产值")] == (Decimal("92000000000"), "元")


def test_the_total_of_a_table_of_cities_is_the_nations_not_the_home_citys() -> None:
    text = (
        "具身智能融资月报（2026年3月）\n\n原创　硬核资本观察　2026年4月2日　上海\n\n"
        "3月国内具身智能赛道共发生融资事件31起。\n\n"
        "| 城市 | 事件数（起） |\n|---|---|\n| 上海 | 8 |\n| 北京 | 6 |\n| 深圳 | 7 |\n"
        "| 其他 | 10 |\n| 合计 | 31 |\n"
    )
    found = metrics(text.encode(), "monthly.md")
    assert found[("上海市", "事件数")] == (Decimal("8"), "起")
    totals = {subject for (subject, _), (value, _) in found.items() if value == Decimal("31")}
    assert totals == {"全国"}  # the table's total and the prose stating it: one national figure


def test_a_ranking_tables_rank_column_is_no_figure_and_its_city_names_the_row() -> None:
    text = (
        "2025年大模型产业重点城市排名\n\n2025年9月16日\n\n"
        "| 排名 | 城市 | 大模型企业数量（家） | 智能算力规模（EFLOPS） |\n"
        "|---|---|---|---|\n"
        "| 1 | 北京 | 约240 | 38.5 |\n"
        "| 2 | 深圳 | 约76 | 22.5 |\n"
    )
    found = metrics(text.encode(), "ranking.md")
    assert found[("深圳市", "智能算力规模")] == (Decimal("22.5"), "EFlops")
    assert found[("北京市", "大模型企业数量")] == (Decimal("240"), "家")
    assert not any(indicator.startswith(("1", "2")) for _, indicator in found)


def test_a_leaderboards_scores_are_points_and_a_price_pair_is_two_prices() -> None:
    text = (
        "星衡评测3月大模型榜单发布\n\n2026年4月3日\n\n"
        "| 排名 | 模型 | 厂商 | 总分 | 推理 | 输入/输出价格（元/百万tokens） |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | 澜川-4 | 澜川智能 | 82.6 | 85.1 | 2 / 8 |\n"
        "| 2 | 青穹-Pro | 青穹科技 | 79.4 | 80.2 | 0.8 / 3.2 |\n"
    )
    found = metrics(text.encode(), "board.md")
    assert found[("澜川-4", "总分")] == (Decimal("82.6"), "分")
    assert found[("青穹-Pro", "推理")] == (Decimal("80.2"), "分")
    assert found[("青穹-Pro", "输入价格")] == (Decimal("0.8"), "元/百万tokens")
    assert found[("青穹-Pro", "输出价格")] == (Decimal("3.2"), "元/百万tokens")
    assert not any(value == Decimal("2") and unit == "分" for value, unit in found.values())


def test_a_capacity_tables_rows_go_on_under_their_product_and_take_their_year() -> None:
    text = (
        "苏州衡岳传动科技股份有限公司首次公开发行股票招股说明书（节选）\n\n"
        "报告期内公司主要产品的产能情况如下：\n"
        "产品              年度      产能      产量      产能利用率\n"
        "谐波减速器（万台）  2025    12.00    10.80    90.00%\n"
        "                  2024    8.00     6.40     80.00%\n"
    )
    facts = RuleExtractor().extract(build_document(text.encode(), "ipo.txt", LoadOptions())).facts
    found = {
        (f.subject, f.predicate, str(f.time)): (f.quantity.value, f.quantity.unit)
        for f in facts
        if f.kind == FactKind.METRIC and f.quantity is not None
    }
    filer = "苏州衡岳传动科技股份有限公司"
    assert found[(filer, "谐波减速器产能", "2025")] == (Decimal("120000"), "台")
    assert found[(filer, "谐波减速器产量", "2024")] == (Decimal("64000"), "台")
    assert found[(filer, "谐波减速器产能利用率", "2024")] == (Decimal("80.00"), "%")
    assert not any(value == Decimal("20250000") for value, _ in found.values())  # 年度


ROUNDUP = """具身智能投融资周报

2025年11月17日

| 公司 | 城市 | 轮次 | 金额 |
|---|---|---|---|
| 岚峰机器人 | 上海 | B轮 | 8亿元 |
| 栩禾科技 | 杭州 | 天使轮 | 数千万元 |
| 衡岳传动 | 苏州 | A轮 | 约2亿元 |

## 上海｜岚峰机器人：8亿元B轮

11月12日，岚峰机器人宣布完成8亿元B轮融资。

## 苏州｜衡岳传动：约2亿元A轮

11月13日，苏州谐波减速器企业衡岳传动宣布完成约2亿元A轮融资。
"""


def facts_of(text: str, name: str) -> list[tuple[str, Decimal, str, int]]:
    return facts_of_document(text.encode(), name)


def facts_of_document(data: bytes, name: str) -> list[tuple[str, Decimal, str, int]]:
    document = build_document(data, name, LoadOptions())
    return [
        (fact.subject, fact.quantity.value, fact.quantity.unit, len(fact.evidence))
        for fact in RuleExtractor().extract(document).facts
        if fact.kind == FactKind.METRIC and fact.quantity is not None
    ]


def test_a_funding_tables_amount_cells_are_figures_and_the_prose_restating_one_is_one_fact() -> (
    None
):
    found = facts_of(ROUNDUP, "roundup.md")
    amounts = [(subject, value) for subject, value, unit, _ in found if unit == "元"]
    # one fact per company and amount, whether the table, a heading or a sentence states it
    assert sorted(amounts) == [
        ("岚峰机器人", Decimal("800000000")),
        ("衡岳传动", Decimal("200000000")),
    ]
    # the sentence's fact is grounded in the table's cell too
    assert all(evidence >= 2 for subject, _, _, evidence in found if subject == "岚峰机器人")
    # "数千万元" is several ten-millions: no figure, and the row below it is no header row
    assert not any(subject == "栩禾科技" for subject, *_ in found)
    assert not any(subject in {"上海市", "苏州市", "杭州市"} for subject, *_ in found)


def test_a_caption_glued_to_the_header_does_not_make_the_rows_names() -> None:
    article = Article(
        "人形机器人零部件深度报告",
        (
            "2025年11月24日",
            "主要环节市场规模预测（中国，人形机器人用）：",
            "环节　　2025年　　2030年　　CAGR",
            "谐波减速器　　约6.2亿元　　约78亿元　　约66%",
            "行星滚柱丝杠　　约5亿元　　约105亿元　　约84%",
        ),
    )
    found = facts_of_document(render_pdf(article, header="某证券研究所"), "report.pdf")
    assert ("全国", Decimal("620000000"), "元", 3) in found  # label, cell and column header
    assert not any(subject in {"谐波减速器", "行星滚柱丝杠"} for subject, *_ in found)


PROSPECTUS = """苏州衡骏传动科技股份有限公司首次公开发行股票招股说明书（申报稿）

2025年度，公司对前两名客户的销售情况如下：
序号 客户名称        销售金额（万元） 占营业收入比例
1  浙江星衡动力科技有限公司     9,120.50    12.30%
2  上海澜舟机器人有限公司       5,002.00     6.75%
"""


def test_a_customer_table_states_the_filers_sales_to_each_customer() -> None:
    found = metrics(PROSPECTUS.encode(), "prospectus.txt")
    filer = "苏州衡骏传动科技股份有限公司"
    assert found[(filer, "向浙江星衡动力科技有限公司销售金额")] == (Decimal("91205000"), "元")
    assert found[(filer, "向上海澜舟机器人有限公司销售占营业收入比例")] == (Decimal("6.75"), "%")
    assert not any(subject == "浙江星衡动力科技有限公司" for subject, _ in found)


def test_regions_of_several_provinces_are_subjects_in_a_table_and_in_prose() -> None:
    text = (
        "人形机器人产业链季度追踪\n\n2025年11月18日\n\n"
        "长三角仍是规模最大的区域，当季营收约82亿元。\n\n"
        "不过，挑战同样明显。多家企业反映，核心部件仍主要从长三角和珠三角采购，平均交期在8周以上。\n\n"
        "表3：分区域营收预测（亿元）\n\n"
        "区域\u3000\u3000\u3000营收\u3000同比增长\n"
        "珠三角\u3000\u3000\u3000200\u3000\u3000 65.0%\n"
        "京津冀\u3000\u3000\u3000110\u3000\u3000 45.5%\n"
    )
    found = metrics(text.encode(), "report.txt")
    assert found[("长三角", "当季营收")] == (Decimal("8200000000"), "元")
    assert found[("珠三角", "营收")] == (Decimal("20000000000"), "元")
    assert found[("京津冀", "营收同比增长")] == (Decimal("45.5"), "%")
    # where parts are bought from is no subject of their delivery time
    assert not [key for key in found if "交期" in key[1]]


def test_a_change_column_measures_the_column_before_it() -> None:
    # "营收（亿元）｜同比增长｜整机出货（台）｜同比": each growth is of the measure to its left
    text = (
        "三大城市群机器人产业季报\n\n2025年11月2日\n\n"
        "城市群   营收（亿元）   同比增长   整机出货（台）   同比\n"
        "长三角   82.0          52.6%      4150            95%\n"
        "珠三角   54.0          91.2%      5620            130%\n"
    )
    found = metrics(text.encode(), "quarterly.txt")
    assert found[("珠三角", "营收同比增长")] == (Decimal("91.2"), "%")
    assert found[("长三角", "整机出货同比")] == (Decimal(95), "%")
    assert found[("长三角", "营收")] == (Decimal("8.2e9"), "元")
