"""Answers from a hand-built knowledge base: each intent, linking, count claims, refusals."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from industry_atlas.ask import Asker, answer
from industry_atlas.ask.evaluation import GoldQuestion, QuestionResult
from industry_atlas.ask.linking import NameLinker
from industry_atlas.ask.question import AnchorKind, parse_question
from industry_atlas.ask.retrieval import Candidate
from industry_atlas.ask.tables import table_row
from industry_atlas.core import ids
from industry_atlas.core.models import (
    Answer,
    Document,
    DocumentRecord,
    Entity,
    Fact,
    FactKind,
    Mention,
    MentionType,
    PartialDate,
)
from industry_atlas.store.sqlite import SqliteStore
from tests.ask.conftest import RUN, span


def assert_cited(store: SqliteStore, reply: Answer) -> None:
    """A found answer has citations, and every citation slices its document's text."""
    assert reply.is_found, reply.text
    assert reply.citations
    for citation in reply.citations:
        text = store.get_document(citation.span.doc_id).text
        assert text[citation.span.start : citation.span.end] == citation.span.quote


def test_policy_of_a_region_and_month(tiny_store: SqliteStore) -> None:
    reply = answer("杭州市2024年3月印发了哪份政策？", tiny_store)
    assert "杭州市人形机器人产业行动计划" in reply.text
    assert reply.method == "facts:policy"
    assert_cited(tiny_store, reply)


def test_a_question_in_traditional_characters_reads_like_the_sources(
    tiny_store: SqliteStore,
) -> None:
    reply = answer("宇樹科技何時發佈H1？", tiny_store)
    assert reply.text.startswith("2023年8月")
    assert_cited(tiny_store, reply)
    # and an expected answer written in traditional characters is met by the simplified one
    result = QuestionResult(GoldQuestion("宇樹科技何時發佈H1？", ("宇樹科技",), "t"), reply, 0.0)
    assert result.is_correct
    wrong = QuestionResult(GoldQuestion("宇樹科技何時發佈H1？", ("2024年",), "t"), reply, 0.0)
    assert not wrong.is_correct


def test_when_a_product_was_launched(tiny_store: SqliteStore) -> None:
    reply = answer("宇树科技何时发布H1？", tiny_store)
    assert reply.text.startswith("2023年8月")
    assert reply.method == "facts:when"
    assert_cited(tiny_store, reply)


def test_maker_found_through_an_alias_of_the_product(tiny_store: SqliteStore) -> None:
    reply = answer("宇树H1是哪家企业推出的？", tiny_store)
    assert "宇树科技" in reply.text
    assert reply.method == "facts:maker"
    assert_cited(tiny_store, reply)


def test_where_a_product_comes_from_asks_for_its_maker(tiny_store: SqliteStore) -> None:
    reply = answer("H1出自哪家企业？", tiny_store)
    assert reply.method == "facts:maker"
    assert "宇树科技" in reply.text
    assert_cited(tiny_store, reply)


def test_a_makers_newest_model(tiny_store: SqliteStore) -> None:
    reply = answer("宇树科技新出的那款人形机器人型号是什么？", tiny_store)
    assert (reply.method, reply.text.split("[")[0]) == (
        "facts:model",
        "H1（宇树科技2023年8月推出）",
    )
    assert_cited(tiny_store, reply)


def test_region_short_name_links_to_the_full_name(tiny_store: SqliteStore) -> None:
    reply = answer("2024年杭州机器人产业收入是多少？", tiny_store)
    assert "突破了300亿元" in reply.text  # as the source writes it
    assert reply.method == "facts:metric"
    assert_cited(tiny_store, reply)


def test_count_claim_states_the_claimed_and_the_listed_count(tiny_store: SqliteStore) -> None:
    reply = answer("首批入驻企业共有几家？", tiny_store)
    assert "文中称3家，实际列举2家" in reply.text
    assert "甲公司" in reply.text and "乙公司" in reply.text
    assert reply.method == "facts:count_claim"
    assert_cited(tiny_store, reply)


def test_who_said_it_from_the_passage(tiny_store: SqliteStore) -> None:
    reply = answer("谁表示人形机器人明年将进入工厂？", tiny_store)
    assert reply.text.startswith("王兴兴")
    assert reply.method == "retrieval:passage"
    assert_cited(tiny_store, reply)


@pytest.mark.parametrize(
    "question",
    [
        "达闼机器人的营业收入是多少？",
        "西安市出台了哪些人形机器人政策？",
        "2019年杭州市机器人产业收入是多少？",
        "宇树科技的专利申请量是多少？",
    ],
)
def test_questions_the_sources_do_not_answer_are_refused(
    tiny_store: SqliteStore, question: str
) -> None:
    reply = answer(question, tiny_store)
    assert not reply.is_found
    assert reply.text.startswith("资料中没有找到")
    assert reply.method in {"none", "retrieval:related"}


def test_one_asker_answers_many_questions(tiny_store: SqliteStore) -> None:
    asker = Asker(tiny_store)
    assert asker.ask("H1是哪家企业推出的？").is_found
    assert not asker.ask("达闼机器人的营业收入是多少？").is_found


def test_linking_finds_aliases_and_their_entity(tiny_store: SqliteStore) -> None:
    anchors = NameLinker(tiny_store)("Unitree推出了什么？", [])
    assert [anchor.kind for anchor in anchors] == [AnchorKind.ENTITY]
    assert {"宇树科技", "Unitree", "宇树"} <= set(anchors[0].forms)


def test_linking_matches_a_name_written_slightly_differently(tiny_store: SqliteStore) -> None:
    anchors = NameLinker(tiny_store)("杭州市经济与信息化局印发了什么？", [])
    assert anchors[0].forms[0] == "杭州市经济和信息化局"


def test_a_deed_answers_when_only_for_the_verb_it_states(tmp_path: Path) -> None:
    text = "顺德基地建设纪事\n库卡机器人顺德基地于2018年动工，一期在2021年投产。"
    document = Document(ids.doc_id(text), "kuka.txt", "顺德基地建设纪事", text)
    ground_breaking = Fact(
        FactKind.EVENT,
        "库卡机器人",
        "other",
        (span(document, "库卡机器人"), span(document, "动工"), span(document, "2018年")),
        time=PartialDate(2018),
        qualifiers={"detail": "动工"},
    )
    entities = (Entity("", MentionType.ORG, "库卡机器人"),)
    mentions = (Mention(span(document, "库卡机器人"), MentionType.ORG, "库卡机器人", "库卡机器人"),)
    record = DocumentRecord(
        document, b"\x00" * 8, RUN, mentions=mentions, entities=entities, facts=(ground_breaking,)
    )
    with SqliteStore(tmp_path / "kuka.sqlite") as store:
        store.add_document(record)
        broke_ground = answer("库卡机器人哪一年动工？", store)
        assert (broke_ground.method, broke_ground.text[:5]) == ("facts:when", "2018年")
        assert_cited(store, broke_ground)
        went_live = answer("库卡机器人哪一年投产？", store)
        assert went_live.method != "facts:when"
        assert went_live.text.startswith("2021年")  # read from the passage instead


SEGMENTS = (
    "成都机器人产业分板块情况\n"
    "去年成都机器人产业各板块均有增长，分化明显。\n"
    "板块            产值（亿元）    企业（家）    同比增长（%）\n"
    "高新区            96              120             14.2\n"
    "天府新区          58               75             21.5\n"
    "经开区            71               88              9.8\n"
    "合计             225              283             14.6\n"
    "资料来源：成都市经信局\n"
)


FORECAST = (
    "宁波机器人零部件市场预测\n"
    "我们预测了宁波各零部件环节2025—2030年的市场规模及增速。\n"
    "环节            2025年（亿元）    2030年（亿元）    CAGR\n"
    "谐波减速器          6.2              78            66%\n"
    "行星滚柱丝杠        5.0             105            84%\n"
    "灵巧手             12.0             150            66%\n"
)


def _stored(tmp_path: Path, text: str) -> SqliteStore:
    document = Document(ids.doc_id(text), "segments.txt", text.split("\n")[0], text)
    store = SqliteStore(tmp_path / "segments.sqlite")
    store.add_document(DocumentRecord(document, b"\x00" * 8, RUN))
    return store


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the column the question's words name (增速: 同比增长), not the first with a number
        ("成都哪个板块的机器人产值增速最快？", "天府新区（同比增长（%） 21.5%，表中最高）"),
        ("成都哪个板块的机器人产值增速最慢？", "经开区（同比增长（%） 9.8%，表中最低）"),
        # the 合计 row sums the others: never the largest
        ("成都哪个板块的机器人企业最多？", "高新区（企业（家） 120，表中最高）"),
    ],
)
def test_a_superlative_reads_a_table_aligned_by_spaces(
    tmp_path: Path, question: str, expected: str
) -> None:
    with _stored(tmp_path, SEGMENTS) as store:
        reply = answer(question, store)
        assert (reply.method, reply.text.split("[")[0]) == ("table:most", expected)
        assert_cited(store, reply)


ROUNDS = (
    "合肥具身智能融资周报\n"
    "2025年6月2日至6日，合肥具身智能领域共有4家公司披露融资，单笔金额均在千万元以上。"
    "庐州灵动宣布完成3亿元A轮融资。"
    "巢湖智元完成近5亿元B轮融资。"
    "淝河机器人完成8000万美元B+轮融资。"
    "科大具身完成数亿元天使轮融资。"
)


JUNE = PartialDate(2025, 6)


def _round(document: Document, company: str, words: str, time: PartialDate = JUNE) -> Fact:
    return Fact(
        FactKind.EVENT,
        company,
        "financing",
        (span(document, company), span(document, words)),
        time=time,
        qualifiers={"detail": words},
    )


def test_the_largest_round_is_ranked_within_its_currency(tmp_path: Path) -> None:
    document = Document(ids.doc_id(ROUNDS), "rounds.txt", "合肥具身智能融资周报", ROUNDS)
    rounds = (
        _round(document, "庐州灵动", "完成3亿元A轮"),
        _round(document, "巢湖智元", "完成近5亿元B轮"),
        _round(document, "淝河机器人", "完成8000万美元B+轮"),
        _round(document, "科大具身", "完成数亿元天使轮"),  # no amount to rank
    )
    record = DocumentRecord(document, b"\x00" * 8, RUN, facts=rounds)
    with SqliteStore(tmp_path / "rounds.sqlite") as store:
        store.add_document(record)
        reply = answer("合肥披露融资的公司中，哪家公司单笔金额最大？", store)
        assert reply.method == "facts:largest_round"
        # 美元 is not ranked against 元 with a rate no source gives: said beside it
        assert reply.text.split("[")[0] == (
            "巢湖智元，近5亿元（以人民币计最大）；以其他币种计：淝河机器人，8000万美元"
        )
        assert_cited(store, reply)


def test_the_largest_round_of_a_span_of_days_is_of_a_round_dated_within_it(
    tmp_path: Path,
) -> None:
    document = Document(ids.doc_id(ROUNDS), "rounds.txt", "合肥具身智能融资周报", ROUNDS)
    rounds = (
        _round(document, "庐州灵动", "完成3亿元A轮", PartialDate(2025, 6, 3)),
        _round(document, "巢湖智元", "完成近5亿元B轮"),  # June, but which week is not known
        _round(document, "淝河机器人", "完成8000万美元B+轮", PartialDate(2025, 6, 12)),
    )
    record = DocumentRecord(document, b"\x00" * 8, RUN, facts=rounds)
    with SqliteStore(tmp_path / "rounds.sqlite") as store:
        store.add_document(record)
        reply = answer("2025年6月2日至6日合肥披露的融资中，哪家公司单笔金额最大？", store)
        assert reply.text.split("[")[0] == "庐州灵动，3亿元（文中金额最大的一笔）"


def test_a_growth_over_years_asked_reads_the_cagr_column_not_a_years_column(
    tmp_path: Path,
) -> None:
    with _stored(tmp_path, FORECAST) as store:
        reply = answer("宁波2025—2030年哪个零部件环节的市场规模增速最快？", store)
        assert reply.text.split("[")[0] == "行星滚柱丝杠（CAGR 84%，表中最高）"


SHARES = (
    "合肥机器人产业分领域情况\n"
    "2025年合肥机器人产业规模约300亿元。"
    "从领域看，工业机器人占比约52%、服务机器人占31%、特种机器人占17%。\n"
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("2025年合肥机器人产业哪个领域占比最高？", "工业机器人（约52%）"),
        ("2025年合肥机器人产业哪个领域占比最低？", "特种机器人（17%）"),
    ],
)
def test_a_superlative_reads_the_items_a_passage_lists(
    tmp_path: Path, question: str, expected: str
) -> None:
    with _stored(tmp_path, SHARES) as store:
        reply = answer(question, store)
        assert reply.text.startswith(f"{expected}——“工业机器人占比约52%、服务机器人占31%"), (
            reply.text
        )
        assert_cited(store, reply)


def test_a_follow_up_asking_the_winners_amount_is_answered_with_it(tmp_path: Path) -> None:
    with _stored(tmp_path, SHARES) as store:
        reply = answer("2025年合肥机器人产业哪个领域占比最低？占多少？", store)
        assert reply.text.split("；")[1].startswith("17%")  # not the first share listed


def _ingested(tmp_path: Path, cli: Callable[..., Any], text: str) -> Path:
    """A knowledge base holding `text` as an article, ingested by the CLI as a user would."""
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    db = tmp_path / "article.sqlite"
    assert cli("ingest", str(article), "--db", str(db)).exit_code == 0
    return db


ANNUAL = (
    "衡岳智能2025年营收58亿元 第四季度增速放缓\n\n"
    "2026年3月28日\n\n"
    "3月27日晚，衡岳智能发布2025年年度报告。报告期内，公司实现营业收入58.36亿元，"
    "同比增长21.4%；归母净利润6.12亿元，同比增长30.8%。"
    "其中第四季度公司实现营业收入16.9亿元，同比增长9.7%。\n"
)


ROUND = (
    "溯光智能完成B轮融资\n\n2025年11月20日\n\n"
    "杭州溯光智能科技有限公司（以下简称“溯光智能”）昨天宣布，公司已完成7.5亿元B轮融资，"
    "本轮由国投创业领投。今年以来，杭州具身智能企业累计获得股权融资约85亿元。\n"
)


def test_an_amount_asked_after_a_round_is_that_rounds(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    # "金额多少" alone fits 融资金额 poorly; the part before says it is the round's amount
    with SqliteStore(_ingested(tmp_path, cli, ROUND)) as store:
        reply = answer("溯光智能这轮融资是什么轮次、金额多少？", store)
        assert "7.5亿元" in reply.text and "85亿元" not in reply.text, reply.text
        assert_cited(store, reply)


PROJECTS = (
    "嘉兴市具身智能首批重点项目\n"
    "嘉兴市首批重点项目共3个，各项目总投资和所在区县如下。\n"
    "序号    项目名称                  所在区县      总投资（亿元）    计划建成年份\n"
    "1       南湖整机智造基地          南湖区        28.5              2027\n"
    "2       秀洲关节模组产业园        秀洲区        16.0              2028\n"
    "3       嘉善具身智能算力中心      嘉善县        9.2               2026\n"
)


def test_a_superlatives_row_answers_the_other_parts_asking_its_other_cells(
    tmp_path: Path,
) -> None:
    # the row that wins "哪个项目总投资最大" also answers "位于哪个区县" from its 所在区县
    with _stored(tmp_path, PROJECTS) as store:
        document = Document(ids.doc_id(PROJECTS), "segments.txt", "嘉兴", PROJECTS)
        candidate = Candidate(span(document, "嘉兴市首批重点项目共3个"), document, 1.0, 1.0, 1.0)
        question = parse_question(
            "首批重点项目中哪个项目总投资最大？位于哪个区县？", NameLinker(store)
        )
        found = table_row(question.parts[0], [candidate], store)
        assert found is not None
        assert found.text.startswith(
            "南湖整机智造基地（总投资（亿元） 28.5，表中最高）；所在区县 南湖区"
        ), found.text


TWO_ROUNDS = (
    "鈦躍機器人完成新台幣25億元B輪募資\n\n工商時報　2026.04.16\n\n"
    "鈦躍機器人股份有限公司（以下簡稱鈦躍）昨（15）日宣布完成新台幣25億元B輪募資，"
    "本輪由國家發展基金領投。鈦躍2021年成立，2024年曾完成新台幣6億元A輪募資。\n"
)


@pytest.mark.parametrize(
    ("article", "question", "expected", "not_expected"),
    [
        # the year's figures, not the quarter's; the body's precise amount, not the
        # headline's round one
        (
            ANNUAL,
            "衡岳智能2025年营业收入多少？同比增长多少？",
            ["58.36亿元", "21.4%"],
            ["9.7%", "58亿元"],
        ),
        (ANNUAL, "衡岳智能2025年第四季度营业收入多少？", ["16.9亿元"], ["58.36亿元"]),
        # 这轮 is the company's latest round; a year asked picks that year's
        (TWO_ROUNDS, "钛跃这轮募资是什么轮次、金额多少？", ["B轮", "25亿元"], ["A轮", "6亿元"]),
        (TWO_ROUNDS, "钛跃2024年那轮融资是什么轮次？", ["A轮"], ["B轮"]),
    ],
)
def test_the_period_or_round_asked_is_the_one_answered_from_the_stored_facts(
    tmp_path: Path,
    cli: Callable[..., Any],
    article: str,
    question: str,
    expected: list[str],
    not_expected: list[str],
) -> None:
    with SqliteStore(_ingested(tmp_path, cli, article)) as store:
        reply = answer(question, store)
        said = re.sub(r"\[\d+\]", "", reply.text)
        assert reply.method.startswith("facts:"), reply.text
        assert all(text in said for text in expected), reply.text
        assert not any(text in said for text in not_expected), reply.text
        assert_cited(store, reply)


GROWTH = (
    "零部件市场规模测算\n2026年1月15日\n"
    "表1　核心零部件各环节市场规模与增速测算（单位：亿元）\n\n"
    "部件        2025年    2025年增速    2030年E    2025—2030年CAGR\n"
    "减速器      12.4       103.3%        152          65.1%\n"
    "丝杠         8.6       168.7%        158          79.0%\n"
    "灵巧手      14.2       189.8%        196          69.0%\n"
)


def test_a_growth_over_a_span_of_years_reads_the_column_naming_both_years(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    with SqliteStore(_ingested(tmp_path, cli, GROWTH)) as store:
        reply = answer("2025—2030年哪个环节的复合增速最高？", store)
        assert reply.text.startswith("丝杠（2025—2030年CAGR 79.0%"), reply.text
        assert_cited(store, reply)


def test_a_size_asked_as_what_scale_is_the_indicators_amount(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    plan = (
        "长沙市印发人形机器人产业链实施方案\n\n2026年3月11日\n\n"
        "长沙市人民政府办公厅3月6日印发实施方案，提出到2027年，"
        "全市人形机器人与具身智能产业链营业收入突破500亿元，整机企业达到12家。\n"
    )
    with SqliteStore(_ingested(tmp_path, cli, plan)) as store:
        reply = answer("长沙提出到2027年人形机器人与具身智能产业链营业收入达到什么规模？", store)
        assert reply.method.startswith("facts:metric") and "500亿元" in reply.text, reply.text
        assert_cited(store, reply)


def test_a_follow_up_reads_the_clause_going_on_after_a_semicolon_in_the_same_report(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    reports = {
        "east.txt": "东岳证券零部件深度报告\n\n2026年1月15日\n\n"
        "1．市场规模：我们测算2025年中国人形机器人核心零部件市场规模约62亿元，同比增长118.3%；"
        "预计2030年将达到858亿元，2025—2030年复合增速约69.1%。\n",
        "west.txt": "西岭证券执行器专题\n\n2025年3月18日\n\n"
        "■ 市场空间：我们测算，2024年国内人形机器人核心零部件市场规模约38亿元，"
        "预计2030年达到约620亿元，2024—2030年CAGR约59%。\n",
    }
    db = tmp_path / "reports.sqlite"
    for name, text in reports.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert cli("ingest", str(tmp_path / name), "--db", str(db)).exit_code == 0
    with SqliteStore(db) as store:
        reply = answer(
            "报告测算2025年中国人形机器人核心零部件市场规模是多少？预计2030年达到多少？", store
        )
        assert "62亿元" in reply.text and "858亿元" in reply.text, reply.text
        assert "620亿元" not in reply.text, reply.text
        assert_cited(store, reply)


def test_a_places_count_on_a_list_the_sentence_before_names_answers_for_that_place(
    tmp_path: Path, cli: Callable[..., Any]
) -> None:
    digest = (
        "快讯合集\n\n2026-04-28\n\n"
        "▎15:47　【青岛】省级示范名单出炉\n"
        "◎ 山东省工业和信息化厅4月25日公布2026年度具身智能应用场景示范名单，全省共32家企业入选。\n"
        "◎ 青岛市共有7家企业入选，分别是海尔卡奥斯、海信集团、青岛港、"
        "青岛歌尔微电子和青岛海工智能（其余2家名单暂未公开）。\n"
    )
    with SqliteStore(_ingested(tmp_path, cli, digest)) as store:
        reply = answer("青岛市有多少家企业入选山东省2026年度具身智能应用场景示范名单？", store)
        assert reply.text.startswith("文中称7家"), reply.text
        assert_cited(store, reply)
