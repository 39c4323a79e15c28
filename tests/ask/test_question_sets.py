"""Issue 5's acceptance figures: the seed's 25 questions and the refusals of the sample
corpus's unanswerable questions, every citation slicing its document."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from industry_atlas.ask import Asker
from industry_atlas.ask.evaluation import SetScore, load_questions, score_questions
from industry_atlas.ask.linking import NameLinker
from industry_atlas.cli import app
from industry_atlas.core.models import Answer
from industry_atlas.store.sqlite import SqliteStore
from tests.conftest import SHARED

SAMPLES = Path(str(resources.files("industry_atlas") / "samples"))


@pytest.fixture(scope="module")
def seed_score(seed_db: Path) -> SetScore:
    with SqliteStore(seed_db) as store:
        return score_questions(Asker(store), "seed", load_questions(SHARED / "seed" / "gold.json"))


@pytest.fixture(scope="module")
def refusal_score(sample_db: Path) -> SetScore:
    questions = load_questions(SAMPLES / "questions" / "unanswerable.json")
    with SqliteStore(sample_db) as store:
        return score_questions(Asker(store), "unanswerable", questions)


def _ask(db: Path, question: str) -> Answer:
    with SqliteStore(db) as store:
        return Asker(store).ask(question)


def test_issue_5_seed_questions_at_least_24_of_25_correct_and_cited(seed_score: SetScore) -> None:
    wrong = [r.gold.question for r in seed_score.results if not r.is_correct]
    assert seed_score.answerable_count == 25
    assert seed_score.correct_count >= 24, wrong
    assert all(r.answer.citations for r in seed_score.results if r.is_correct)


def test_issue_5_no_answer_is_given_without_a_citation(
    seed_score: SetScore, refusal_score: SetScore
) -> None:
    assert seed_score.uncited_count == 0
    assert refusal_score.uncited_count == 0


def test_issue_5_every_unanswerable_question_is_refused(refusal_score: SetScore) -> None:
    answered = [r.answer.text for r in refusal_score.results if r.answer.is_found]
    assert refusal_score.unanswerable_count >= 10
    assert refusal_score.refused_count == refusal_score.unanswerable_count, answered


def test_every_citation_slices_its_document_text(seed_db: Path, seed_score: SetScore) -> None:
    with SqliteStore(seed_db) as store:
        for result in seed_score.results:
            for citation in result.answer.citations:
                text = store.get_document(citation.span.doc_id).text
                assert text[citation.span.start : citation.span.end] == citation.span.quote


def test_issue_5_count_question_reports_claimed_and_listed(seed_db: Path) -> None:
    reply = _ask(seed_db, "2023年上海有几款人形机器人")
    assert reply.is_found
    assert "文中称7个，实际列举6个" in reply.text
    for item in ("电科机器人1号", "远征A1", "GR1", "XR4"):
        assert item in reply.text


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        ("dev", 0.78),
        ("test", 0.78),
        ("holdout-1", 0.95),
        ("holdout-2", 0.85),
        ("holdout-3", 0.8),
        ("holdout-4", 0.8),
        ("holdout-5", 0.68),
        ("holdout-6", 0.9),
        ("holdout-7", 0.7),
        ("holdout-8", 0.8),
        ("holdout-9", 0.85),
        ("holdout-10", 0.8),
        ("holdout-11", 0.75),
        ("holdout-12", 0.75),
        ("holdout-13", 0.65),
        ("holdout-14", 0.85),
        ("holdout-15", 0.8),
        ("holdout-16", 0.75),
    ],
)
def test_own_question_sets_stay_above_their_measured_floors(
    sample_db: Path, name: str, floor: float
) -> None:
    """Regression floors a little under what eval-ask measures now (docs/ask.md); each
    holdout set was written blind to the answerer and scored once before it was seen."""
    folder = SAMPLES / "gold" / name
    questions = load_questions(
        folder if folder.exists() else SAMPLES / "questions" / f"{name}.json"
    )
    with SqliteStore(sample_db) as store:
        score = score_questions(Asker(store), name, questions)
    assert len(questions) >= 48
    assert score.correct_count >= floor * score.answerable_count
    assert score.uncited_count == 0


def test_a_question_word_the_sources_write_otherwise_is_searched_as_they_write_it(
    sample_db: Path,
) -> None:
    with SqliteStore(sample_db) as store:  # the valuation table's column is "2025E PE（倍）"
        reply = Asker(store).ask("表1中2025E市盈率最高的公司是哪家？")
    assert reply.text.startswith("北特科技（2025E PE（倍） 110，表中最高）")
    assert reply.method == "table:most"


def test_sources_saying_the_same_release_are_said_once_and_all_cited(sample_db: Path) -> None:
    reply = _ask(sample_db, "DeepSeek-R1是哪天发布的？")
    statements = reply.text.split("[")[0].split("；")
    assert len(statements) == len(set(statements)) and "2025年1月20日" in statements[0]
    assert len(reply.citations) >= 2


def test_a_table_row_answers_through_the_column_naming_what_is_asked(sample_db: Path) -> None:
    with SqliteStore(sample_db) as store:  # 变动 is the column's 增减
        reply = Asker(store).ask("埃斯顿2025年前三季度归属于上市公司股东的净利润变动多少？")
    assert reply.method == "table:row"
    assert "-61.73%" in reply.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a count of something said about products is read from the text, not counted
        ("截至2024年底，上海市累计有多少款大模型完成了备案？", ["62款"]),
        # regions asked about respectively, each from its own sentence
        ("截至2月底，广州和深圳分别有多少款大模型通过备案？", ["广州：15款", "深圳：31款"]),
        # a view is quoted whole, not cut after its first clause
        ("韩旭东怎么看大模型备案？", ["入场券"]),
        # an enumeration goes on over the passages that continue it (一是…；二是…；三是…)
        (
            "开源证券建议人形机器人产业链沿哪几条主线布局？",
            ["执行器总成", "丝杠与减速器", "灵巧手"],
        ),
        # the passage naming what is listed (平台) answers before a closer one that does not
        ("成渝人形机器人产业大会期间有哪些新平台揭牌？", ["中试验证平台", "数据训练场"]),
        # a place question needs no more of the question's words than other typed questions
        ("Apptronik的总部在哪个城市？", ["奥斯汀"]),
        # a document of unknown date still answers "今年8月", as written
        ("世界人形机器人运动会什么时候在北京举办？", ["今年8月"]),
        # a bound asked for (上限) is the amount written as one (最高2000万元), not the 10%
        (
            "《长沙市促进具身智能机器人产业发展若干政策》给新落户整机企业的奖励上限是多少？",
            ["最高2000万元——"],
        ),
        # an interviewer's question matches best; the interviewee's answer after it answers
        ("云深处科技的四足机器人现在主要用于哪些场景？", ["朱秋国：电力巡检"]),
        # a name the word list splits at a function word (云 从 科技) still counts
        ("云从科技的从容大模型与哪家企业的算力平台完成了适配？", ["华为昇腾"]),
        # a reason is read whole, past the speaker's first clause
        ("智元机器人联合创始人彭志辉为什么看好在成渝地区落地人形机器人？", ["工程师红利"]),
        # the city asked about is named paragraphs before the sentence on the company's project
        ("绿的谐波在苏州的谐波减速器扩产项目达产后新增多少年产能？", ["100万台"]),
        ("蓝思科技在湘江新区签约的代工项目落户哪里？", ["望城经开区"]),
        # a passage saying the superlative asked (是四款中最便宜的) says which, sharing little
        # else; "四台" in the question are the "四款" of the text
        ("IT之家测评的四台人形机器人里，哪台最便宜？", ["SA01", "3.8万元"]),
        # people counted in 名 are written in 人
        ("月之暗面杭州研发中心首批有多少名研发人员入驻？", ["约260人"]),
        # 起 counts events, and "多了几起" asks for the change (增加12起), not a total
        ("今年1月具身智能领域融资事件比去年同期多了几起？", ["12起——"]),
        # a passage saying the superlative asked (出手最多的是) shares few other words
        ("1月份哪家投资机构出手最多？", ["深创投——"]),
        # "这几款" points at the robots named and asks no count; the passage saying which is
        # 最少 goes before the one listing them all
        (
            "宇树G1、众擎SA01、加速进化T1和松延动力N2这几款机器人中，哪款的自由度最少？",
            ["是四款中自由度最少的机型"],
        ),
        # a results announcement's lines state its figures without naming the company; a
        # line with 收入 only as a share's base (占收入的28.3%) states no 收入
        ("擎川机器人2025年全年的收入有多少？", ["15.42亿元——"]),
        # the measure asked is the word before 是多少 (总参数), not "旗舰版的总参数": the
        # passage stating it goes before one naming only the 旗舰版
        ("阿里开源通义千问Qwen3时共放出几款模型？旗舰版的总参数是多少？", ["2350亿——"]),
        # a place question about 杭州 reads first the passage naming a place inside it
        (
            "杭州具身智能机器人产业发展行动方案提出的“一核多区”中，核心区是哪个区？",
            ["以滨江区为核心区"],
        ),
        # a title written without its 市 is the nearest stored title (广州市推动…若干措施),
        # not the first one close enough (广州市具身智能机器人产业创新发展若干措施)
        (
            "广州推动具身智能机器人产业创新发展若干措施要设立的产业投资基金规模是多少？",
            ["100亿元——"],
        ),
        # "2025年5月的…报告" dates the report asked about, not the figures it gives: a
        # paragraph of 2024 figures in that report is no other year's
        (
            "招商证券2025年5月的深圳机器人产业报告说，深圳哪个区的机器人产业产值约占全市三分之一？",
            ["宝安区"],
        ),
        # a version asked about is dated by the date written nearest it, not the release
        # fact of another version (上个月20日 is the 升级版's)
        ("科大讯飞星火X1的初版是哪天发布的？", ["今年1月15日"]),
        ("升级版的星火X1是哪天发布的？", ["上个月20日（2025年4月20日）"]),
        # the agent of a deed put in the passive, which no mention names ("由台积电…代工")
        ("征程6P由谁代工？", ["台积电——"]),
        # "哪个会展中心" asks for one of a kind: a passage naming a 会展中心 holds it
        ("2024世界机器人大会是在北京哪个会展中心举办的？", ["北人亦创国际会展中心"]),
        # "哪份" asks for a document: a passage naming a title holds the answer
        (
            "2024世界人工智能大会开幕那天发布了哪份关于全球治理的宣言？",
            ["《人工智能全球治理上海宣言》"],
        ),
        # a capacity (年产能) is counted in 台, not the 亿元 invested; "12,000台" is one
        # amount, its thousands comma ends no clause
        ("港湾智动东莞二期投产后总年产能达到多少？", ["12,000台"]),
        # a follow-up the passages word otherwise is the next amount the answer's sentence
        # goes on to (所得款项净额, 每年不超过)
        ("擎川7月配售H股的价格是多少？到手净额多少？", ["68.50港元", "约28.4亿港元——"]),
        # a table row named in the question answers only when a column says what is asked:
        # the stock table's 拓普集团 row has no investment, the passage does
        ("拓普集团在宁波杭州湾新区的执行器基地投资规模多大？", ["50亿元——"]),
        ("北京的具身智能行动计划要求2026年底核心零部件国产化率达到多少？", ["80%以上——"]),
        # 净募资 asks for money (not the 一股 of 第一股), and never the part before's answer
        ("优必选9月配售新H股每股多少钱？净募资多少？", ["91.4港元", "约27.2亿港元——"]),
        (
            "湖北的算力券按合同金额多少比例抵扣？一家企业一年封顶多少？",
            ["40%", "不超过1000万元——"],
        ),
        # "每百万tokens 8元" is a price per a million tokens, not a million
        ("Qwen3-235B-A22B在百炼平台上非思考模式的输出价格是多少？", ["8元——"]),
        # a start (开始/启动) is no product launch: the stored release dates answer nothing
        ("傅利叶什么时候开始研发人形机器人？", ["2019年——"]),
        # a count of what the question counts (43个主动自由度), not of the 两项成果 before it
        ("创新中心的青龙全身有几个主动自由度？", ["43个——"]),
        # which regulation: the 《title》 the passage names answers, with its clause
        ("2023年首批备案的8家大模型是按照哪份办法备案的？", ["《生成式人工智能服务管理暂行办法》"]),
        # a count cue made of any count unit (几条); a part whose words are all anchors and
        # question words is matched on its anchors alone
        ("济南人形机器人与具身智能若干措施总共有几条？", ["6条——"]),
        # 解读 asks for a view, read whole; 近期 is a question word, not content to match
        ("何建伟怎么解读大会签约的项目？", ["补链"]),
        ("面壁智能近期和哪家车企签了战略合作？", ["长安汽车"]),
        # a zone asked by one name (北京经开区) is named by another (北京经济技术开发区);
        # 房租 is 租金, 网友 are 网民, 叫作 is 称为
        ("北京经开区对入驻园区的整机企业有什么房租支持？", ["3年租金全额补贴"]),
        ("WAIC 2024展馆门口迎宾的18台人形机器人被网友叫作什么？", ["十八金刚"]),
        # 智元 is 智元机器人 written without its head word
        ("前5个月的出货份额里优必选和智元各占多少？", ["智元：19%", "优必选：15%"]),
        # 领投 asks for organizations, all of those joined by 和 (not the interviewee
        # before the colon); 最新一轮 states no figure to match
        ("云深处科技的C轮融资是谁领投的？", ["国新基金和中国移动旗下基金——"]),
        ("帕西尼感知最新一轮融资是谁领投的？", ["深创投——"]),
        # 之后/最多 are matched as a bound (最高500万元), not as words; 多少钱 wants 元,
        # not the 200个 of the sentence before, and 定价多少 wants 港元, not 3,000万股
        ("团队进入松山湖机器人基地之后最多能领到多少种子钱？", ["最高500万元——"]),
        ("松山湖机器人基地的创业团队以后最多可以拿到多少钱？", ["最高500万元——"]),
        ("优必选配售新H股每股定价多少？", ["91.4港元——"]),
        # 签下 is weighed and searched as the 签约 the articles write; 多少项目 asks 多少
        # of 项目, not 多少项 of 目
        ("招商大会上一共签下多少项目？", ["38个——"]),
        # a race report naming 亦庄 only in its dateline answers for a passage naming no
        # place; 4小时10分钟 is one length of time
        ("亦庄机器人半马的关门时间是多长？", ["4小时10分钟——"]),
        # 同月 dates the launch by the 今年3月 said before it in the paragraph
        ("华中数控2025年3月推出的面向人形机器人的一体化关节模组叫什么系列？", ["HJ系列"]),
        # 本届大会 goes on about the 2024 conference named in the sentence before; a Hong
        # Kong paper's 机械人 is 机器人, its 参展 the 展出 asked about
        ("2024世界人工智能大会上共展出多少款人形机器人？", ["25款——"]),
        # the year asked about picks the 2024 conference, not a 2025 event of the same name
        ("2024世界人工智能大会是哪一天在上海世博中心开幕的？", ["2024年7月4日"]),
        # the passages naming a long policy title do not crowd out the one answering
        (
            "济南市出台《加快人形机器人与具身智能产业发展若干措施》之前，本地人形机器人整机企业有几家？",
            ["3家——"],
        ),
        # naming the company and the rival model is enough; the conference is named around
        (
            "2024世界人工智能大会期间，商汤科技发布的号称综合能力对标GPT-4o的大模型是哪个版本？",
            ["日日新5.5"],
        ),
        # organizations listed are asked for as "who" is: the passage stating the deed
        # (主办) answers, not one naming the listed noun (30家单位共同发起)
        ("2025世界机器人大会是由哪两家单位共同主办的？", ["中国电子学会、世界机器人合作组织"]),
        # 宇树H1 is written 宇树科技的H1; "6分34秒" is one length of time (分 alone is no unit)
        ("首届世界人形机器人运动会1500米决赛，宇树H1夺冠的成绩是多少？", ["6分34秒——"]),
        # a quoted name is as specific as a company: the place the race report names counts
        # for the passage naming it, which is about it however little else it shares
        (
            "2025北京亦庄人形机器人半程马拉松中在关门时间内完赛的“旋风小子”是哪个团队研制的？",
            ["北京理工大学——"],
        ),
        # the places listed describe the fund (两市发起的…母基金); 分别 asks for two measures
        (
            "安徽省新兴产业引导基金联合合肥、芜湖两市发起的安徽省具身智能产业母基金，总规模和首期规模分别是多少？",
            ["50亿元", "20亿元"],
        ),
        # 2025世界人工智能大会 is the 世界人工智能大会 of a 2025 article; the passage stating
        # 总参数量 answers before the one that names Step 3 more directly; token is a unit
        (
            "阶跃星辰在2025世界人工智能大会前发布的基座模型Step 3，总参数量是多少？每个token激活多少参数？",
            ["3210亿——", "380亿"],
        ),
        # "东吴证券报告里" is said by the byline under the report's title
        ("东吴证券报告里，绿的谐波在国内谐波减速器市场大概占几成份额？", ["25%"]),
        # a plan's name in the question does not make the question one about the plan
        (
            "北京具身智能行动计划提出依托北京人形机器人创新中心建设的开源通用具身智能平台叫什么名字？",
            ["慧思开物"],
        ),
        # 主攻 is what the source calls 专攻
        ("锡动传动主攻什么产品？", ["行星滚柱丝杠"]),
        # a 场馆 asked about is the 会展中心 the source names
        ("第七届世界智能产业博览会在哪个场馆举办？", ["国家会展中心（天津）"]),
        # 2025年底 is December 2025: "截至2025年6月30日…较2024年末增加137款" is another
        # month of the year asked, whatever month 2024年末 is
        ("截至2025年底全国累计有多少款生成式人工智能服务完成备案？", ["611款"]),
        # "…，公司以截至2021年9月30日经审计的净资产…整体变更": a cutoff dates no deed
        ("精驰传动是哪一天整体变更为股份有限公司的？", ["2021年12月28日"]),
    ],
)
def test_answers_read_from_the_sample_corpus(
    sample_db: Path, question: str, expected: list[str]
) -> None:
    reply = _ask(sample_db, question)
    assert reply.is_found and reply.method.split("+")[0] == "retrieval:passage"
    assert all(text in reply.text for text in expected), reply.text


def test_each_names_share_of_a_pair_is_not_read_from_the_sentence_about_the_other(
    sample_db: Path,
) -> None:
    reply = _ask(sample_db, "2024年2月和3月，月之暗面和MiniMax各自完成了多大规模的融资？")
    # 月之暗面's round is a stored figure; MiniMax's is read from its own sentence
    assert "超过10亿美元" in reply.text and "MiniMax：6亿美元" in reply.text, reply.text
    assert reply.method == "facts:metric+retrieval:passage"
    assert len(reply.citations) == 2


def test_a_change_asked_after_an_amount_is_the_change_of_that_amount(sample_db: Path) -> None:
    # "…营业收入14.72亿元，同比增长8.36%；归属于上市公司股东的净利润9860万元，同比下降
    # 12.4%": the second part asks for the change of the profit the first part names, and
    # the half year (2024H1) the figures are of comes from 上半年 before the revenue
    reply = _ask(sample_db, "鸣志电器2024年上半年归母净利润多少？同比变了多少？")
    assert reply.method == "facts:metric"
    assert "9860万元" in reply.text and "12.4%" in reply.text, reply.text
    assert "8.36%" not in reply.text and "2024H1" in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the source gives both "respectively" (分别由…约1800台和约1200台增至…约4500台和
        # 约3000台): each its 2024 figure, then the larger
        ("2024年国内六维力传感器厂商里，坤维科技和宇立仪器谁的出货量更大？", "坤维科技更大。"),
        (
            "华泰证券方启明提到，2025年前三季度北京和深圳哪个城市的具身智能融资额更高？",
            "北京更高。",
        ),
        # a comparison naming nothing itself compares the amounts the part before found
        ("截至2月底，深圳和广州分别有多少款大模型通过备案？哪个城市更多？", "深圳更多"),
    ],
)
def test_which_of_two_has_more_is_said_from_the_amounts_of_each(
    sample_db: Path, question: str, expected: str
) -> None:
    reply = _ask(sample_db, question)
    assert expected in reply.text
    assert reply.citations


def test_a_price_asked_without_saying_which_is_every_price_its_sentence_states(
    sample_db: Path,
) -> None:
    reply = _ask(sample_db, "书澜-3的API价格是多少？")
    assert reply.method == "facts:metric"
    assert reply.text.startswith("书澜-3输入价格：1元/百万tokens；书澜-3输出价格：4元/百万tokens")
    assert len(reply.citations) == 2


def test_a_bureau_written_short_is_the_bureau_the_sources_name_in_full(sample_db: Path) -> None:
    # d30 cites 深圳市工业和信息化局 for 1960亿元; another article the city's robot association
    reply = _ask(sample_db, "据深圳市工信局数据，2024年深圳机器人产业总产值是多少？")
    assert "1960亿元" in reply.text


def test_how_someone_positions_something_asks_for_their_view(sample_db: Path) -> None:
    reply = _ask(sample_db, "杨植麟在Kimi K2.5发布会上怎么定位长上下文和智能体？")
    assert reply.method in {"facts:quote", "retrieval:passage"}
    assert "智能体是下一站" in reply.text


def test_a_post_held_before_is_read_from_the_text_not_the_titles_held_now(
    sample_db: Path,
) -> None:
    # d26: "创始人兼CEO周亦凡…此前在华为诺亚方舟实验室担任主任研究员"
    now = _ask(sample_db, "杭州余杭的具身智能公司灵衍智能，创始人兼CEO是谁？")
    assert now.method == "facts:title" and "周亦凡" in now.text
    before = _ask(sample_db, "灵衍智能创始人兼CEO周亦凡此前在哪家机构任职？")
    assert before.text.startswith("华为诺亚方舟实验室")


def test_a_body_named_with_its_city_is_found_by_its_short_name_in_that_citys_notice(
    sample_db: Path,
) -> None:
    # the Beijing notice writes 市科委; a Beijing interview elsewhere writes 北京市科委
    reply = _ask(
        sample_db, "北京市科委、中关村管委会2025年1月印发具身智能行动计划时用的文号是多少？"
    )
    assert reply.text.startswith("京科发〔2025〕3号")


def test_a_model_is_dated_by_its_own_release_not_its_makers_other_models(
    sample_db: Path,
) -> None:
    # "上个月20日，讯飞…发布了升级版深度推理大模型星火X1" in a May 2025 interview
    reply = _ask(sample_db, "科大讯飞的深度推理大模型星火X1是哪天发布的？")
    assert reply.method == "facts:when"
    assert reply.text.startswith("2025年4月20日") and "星火X1" in reply.text


def test_the_round_asked_about_picks_the_amount_of_that_round(sample_db: Path) -> None:
    # d26 states four rounds of 灵衍智能: the B+ round's amount, not the A round's
    reply = _ask(sample_db, "灵衍智能B+轮融资金额是多少？")
    assert reply.method == "facts:metric"
    assert "7.2亿元" in reply.text and "2亿元" not in reply.text.replace("7.2亿元", "")


def test_sources_that_disagree_on_a_figure_are_both_shown_and_cited(sample_db: Path) -> None:
    # d08 says 广州 made 1.6万套 industrial robots in 2024, d30 says 8.2万套
    reply = _ask(sample_db, "2024年广州工业机器人产量是多少？")
    assert reply.method == "facts:metric"
    assert "1.6万套" in reply.text and "8.2万套" in reply.text and "另一来源称" in reply.text
    assert len({citation.span.doc_id for citation in reply.citations}) == 2


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # 本方案 in the policy's own text names it
        (
            "《杭州市具身智能机器人产业发展行动方案（2024—2027年）》什么时候起施行？",
            "2024年10月12日起施行《杭州市具身智能机器人产业发展行动方案（2024—2027年）》",
        ),
        # 《若干措施》, its short title, names the 济南 policy (not the 山东 plan cited before it);
        # 生效 asks what 施行 states, and 济南 with its topic words selects the policy
        (
            "济南的人形机器人与具身智能若干措施是从哪天开始生效的？",
            "2025年9月1日起施行《济南市加快人形机器人与具身智能产业发展若干措施》",
        ),
        ("济南若干措施什么时候生效？", "2025年9月1日起施行《济南市加快"),
    ],
)
def test_the_day_a_policy_takes_effect_is_read_from_its_in_force_fact(
    sample_db: Path, question: str, expected: str
) -> None:
    reply = _ask(sample_db, question)
    assert reply.method == "facts:policy_in_force"
    assert reply.text.startswith(expected)


def test_a_cap_stated_after_a_rate_answers_a_question_about_the_cap(sample_db: Path) -> None:
    # "按…的10%给予奖励，最高2000万元": the rate is no answer; the cap after it is stored as
    # the measure's 上限 and answers
    reply = _ask(sample_db, "长沙对新落户的整机企业奖励上限是多少？")
    assert reply.method == "facts:metric"
    assert "最高2000万元" in reply.text and "10%" not in reply.text


def test_a_verb_of_a_family_asks_for_the_deed_its_sibling_names(sample_db: Path) -> None:
    # 开建 asks about the event the text calls 动工; 投产 is not answered by it
    with SqliteStore(sample_db) as store:
        started = Asker(store).ask("库卡机器人顺德基地哪年开建？")
        went_live = Asker(store).ask("库卡机器人顺德基地一期是哪一年投产的？")
    assert (started.method, started.text[:5]) == ("facts:when", "2018年")
    assert "动工" in {citation.span.quote for citation in started.citations}
    assert (went_live.method, went_live.text[:5]) == ("retrieval:passage", "2021年")


def test_a_price_is_answered_per_million_tokens(sample_db: Path) -> None:
    reply = _ask(sample_db, "Doubao-1.5-pro的输入价格是多少？")
    assert reply.method == "facts:metric"
    assert "0.8元/百万tokens" in reply.text


def test_a_policy_number_is_read_from_the_passage_naming_the_policy(sample_db: Path) -> None:
    reply = _ask(sample_db, "《济南市加快人形机器人与具身智能产业发展若干措施》的文号是什么？")
    assert reply.method == "retrieval:policy_number"
    assert reply.text.startswith("济政办字〔2025〕31号——")
    assert "济政办字〔2025〕31号" in [citation.span.quote for citation in reply.citations]


def test_a_policy_number_on_its_own_line_under_the_title_is_read(sample_db: Path) -> None:
    reply = _ask(sample_db, "杭州的具身智能机器人产业发展行动方案文号是多少？")
    assert reply.method == "retrieval:policy_number"
    assert reply.text.startswith("杭政办函〔2024〕41号——")


def test_the_parts_of_a_question_are_read_from_one_document(sample_db: Path) -> None:
    # three conferences state a number of signed projects, two a 总投资额 as well (d10's
    # 32 projects and 186.5亿元, d33's 25 and 86亿元): both parts come from one of those two
    reply = _ask(sample_db, "大会现场签约了多少个项目？总投资额是多少？")
    pairs = {("32个", "186.5亿元"), ("25个", "86亿元")}
    assert any(reply.text.startswith(count) and total in reply.text for count, total in pairs)
    assert len({citation.span.doc_id for citation in reply.citations}) == 1


def test_a_follow_up_reads_on_from_the_answer_before_it(sample_db: Path) -> None:
    # the annual report's profit matches 归母净利润 as well; the quarter's follows the answer
    reply = _ask(sample_db, "中大力德2025年第一季度营业收入是多少？归母净利润是多少？")
    assert "2.61亿元" in reply.text and "1480万元" in reply.text
    assert "6150万元" not in reply.text


def test_a_change_asked_for_is_read_as_its_end_or_its_size(sample_db: Path) -> None:
    # "由0.02元/千tokens降至0.0005元/千tokens，降幅达97%": 降到了多少 asks where it came
    # down to, 降了多少 by how much
    reply = _ask(sample_db, "阿里云把Qwen-Long的输入价格降到了多少？降了多少？")
    first, second = reply.text.split("；", 1)
    assert first.startswith("0.0005元/千tokens")
    assert second.startswith("97%")


def test_a_measure_asked_for_is_answered_only_in_its_units(sample_db: Path) -> None:
    # "发布两项成果…「青龙」" is the passage the name was found in; 两项 is no height, the
    # sentence going on "「青龙」身高185厘米、体重80公斤" answers
    reply = _ask(
        sample_db, "国家地方共建人形机器人创新中心在WAIC 2024上亮出的“青龙”，身高体重分别多少？"
    )
    assert "185厘米" in reply.text and "80公斤" in reply.text
    assert "两项——" not in reply.text


def test_a_view_is_read_on_into_the_sentence_saying_what_he_thinks(sample_db: Path) -> None:
    # "严启明则给行业“泼了点冷水”。他认为，…“而真正的瓶颈在操作…”"
    reply = _ask(sample_db, "清华大学自动化系的严启明认为人形机器人真正的瓶颈在哪方面？")
    assert "真正的瓶颈在操作" in reply.text


def test_who_said_it_asks_for_the_speaker_of_the_answer_before(sample_db: Path) -> None:
    reply = _ask(sample_db, "武汉想把零部件本地配套率从多少提高到多少？这话是谁说的？")
    first, second = reply.text.split("；", 1)
    assert "60%" in first
    assert second.startswith("邵立群")


def test_how_much_it_grew_is_the_rate_written_after_a_growth_word(sample_db: Path) -> None:
    # "出货约198万套，年增106%": 年增 says the growth, as 同比增长 would
    reply = _ask(sample_db, "地平线机器人2025年上半年征程系列芯片卖出去多少套？同比增长了多少？")
    first, second = reply.text.split("；", 1)
    assert "198万套" in first and second.startswith("106%")


def test_a_makers_first_product_of_a_kind_is_named_from_its_facts(sample_db: Path) -> None:
    # "公司发布首款灵巧手XY-Hand12" names no maker: its makes fact (the report's company) does
    reply = _ask(sample_db, "湘岳智能推出的第一款灵巧手叫什么名字？")
    assert reply.text.startswith("XY-Hand12")
    assert reply.method == "facts:model"


def test_a_robot_named_with_its_maker_is_found_by_its_code_in_a_list_of_robots(
    sample_db: Path,
) -> None:
    # "G1坚持了112分钟，SA01为81分钟，N2为98分钟": N2 is 松延动力N2
    reply = _ask(sample_db, "连续行走续航测试中，松延动力N2坚持了多久？")
    assert reply.text.startswith("98分钟")


def test_which_region_issued_its_first_policy_last(seed_db: Path) -> None:
    reply = _ask(seed_db, "北京、上海、深圳三地中，哪座城市最晚出台人形机器人政策？")
    assert reply.text.startswith("上海市最晚：2023年10月《上海市促进智能机器人产业高质量发展")
    assert reply.method == "facts:first_policy" and reply.citations


def test_names_asked_about_respectively_are_answered_each(seed_db: Path) -> None:
    reply = _ask(seed_db, "小米集团和优必选分别推出了哪款人形机器人？")
    first, second = reply.text.split("；")
    assert first.startswith("小米集团：") and "铁大" in first
    assert second.startswith("优必选：") and "Walker X" in second
    assert len(reply.citations) == 2


def test_refusals_show_related_passages_only_as_such(refusal_score: SetScore) -> None:
    for result in refusal_score.results:
        assert result.answer.text.startswith("资料中没有找到")
        assert result.answer.method in {"none", "retrieval:related"}


@pytest.mark.parametrize(
    ("question", "linked", "unlinked"),
    [
        ("智元今年的出货量目标是多少台？", "智元机器人", None),
        # inside a word (全国新增), a dictionary word (线性), before a model code (智元A2)
        ("全国新增了多少款生成式人工智能服务？", None, "国新基金"),
        ("哪家公司在滚珠螺杆和线性滑轨上有优势？", None, "线性资本"),
        ("智元A2售价多少？", None, "智元机器人"),
    ],
)
def test_a_name_written_without_its_head_word_is_linked_only_where_it_stands_alone(
    sample_db: Path, question: str, linked: str | None, unlinked: str | None
) -> None:
    with SqliteStore(sample_db) as store:
        forms = {form for anchor in NameLinker(store)(question, []) for form in anchor.forms}
    assert linked is None or linked in forms, forms
    assert unlinked is None or unlinked not in forms, forms


def test_of_a_bureaus_policies_of_one_month_the_one_on_the_asked_topic_answers(
    sample_db: Path,
) -> None:
    # 深圳市工业和信息化局 issued two plans in March 2025 (d30's of 3月4日, t12's of 本月);
    # the question's topic (人工智能终端) names one of them, quoted whole, dash and all
    reply = _ask(sample_db, "深圳市工业和信息化局2025年3月印发的人工智能终端产业政策叫什么？")
    assert reply.method == "facts:policy"
    assert reply.text.startswith("《深圳市加快推进人工智能终端产业发展行动计划（2025—2026年）》")
    assert "具身智能机器人技术创新" not in reply.text


def test_a_question_listing_a_months_policies_keeps_every_one_on_its_topic(
    seed_db: Path,
) -> None:
    reply = _ask(seed_db, "上海市2023年10月印发了哪两份涉及人形机器人的政策文件？")
    assert "上海市促进智能机器人产业高质量发展行动方案" in reply.text
    assert "上海市进一步推进新型基础设施建设行动方案" in reply.text


def test_who_led_a_round_is_read_where_the_text_goes_on_about_it(sample_db: Path) -> None:
    # d26: "…灵衍智能已完成7.2亿元B+轮融资。本轮由高瓴创投领投，…": the sentence naming the
    # round does not say who led it; the one after, opening with 本轮, does
    reply = _ask(sample_db, "灵衍智能那轮7.2亿元B+轮是哪家机构领投的？")
    assert reply.text.startswith("高瓴创投")


def test_who_led_is_read_from_a_sentence_opening_on_the_lead_investor(sample_db: Path) -> None:
    # d70: "…澄观智能…完成超5亿元B轮融资。领投方为北京市人工智能产业投资基金，…": not the
    # next company's "杭州资本领投" further on
    reply = _ask(sample_db, "澄观智能超5亿元的B轮融资由哪家领投？")
    assert reply.text.startswith("北京市人工智能产业投资基金")


def test_a_company_written_without_its_legal_form_before_a_year_is_named(
    sample_db: Path,
) -> None:
    # d73: "擎川机器人" is 擎川机器人股份有限公司, though a year (no model number) follows it;
    # "…为人民币3.98亿元，2024年为人民币6.02亿元" states 2025's figure, 2024's beside it
    reply = _ask(sample_db, "擎川机器人2025年经调整净亏损是多少？")
    assert reply.text.startswith("3.98亿元")


def test_asked_who_the_lead_investor_is_a_passage_saying_who_led_answers(
    sample_db: Path,
) -> None:
    # d65: "…完成2.5亿元B轮融资，无锡产业发展集团领投": 领投方 asks who did 领投
    reply = _ask(sample_db, "无锡灵犀关节的B轮融资，领投方是谁？")
    assert reply.text.startswith("无锡产业发展集团")


def test_a_when_question_naming_no_event_is_not_answered_by_other_events(
    sample_db: Path,
) -> None:
    # d73 dates 擎川's robot launches; the meeting asked about is dated in a passage only
    reply = _ask(sample_db, "擎川的股东周年大会哪天开？")
    assert reply.text.startswith("2026年6月12日")


def test_who_said_a_saying_is_found_though_the_text_quotes_a_word_inside_it(
    sample_db: Path,
) -> None:
    # d69: "…机器人进厂不是‘表演’，而是要真正算得过账。": the question quotes it without ‘’
    reply = _ask(sample_db, "“机器人进厂不是表演，而是要真正算得过账”这句话是谁说的？")
    assert reply.text.startswith("秦川")


def test_how_many_tenths_asks_for_a_share(sample_db: Path) -> None:
    # d71: "海外收入占35%": 占几成 asks a value, as 占多少 does
    reply = _ask(sample_db, "星河智言的海外收入大概占几成？")
    assert "35%" in reply.text


def test_a_headcount_is_answered_by_people_counted_and_its_share_by_a_share(
    sample_db: Path,
) -> None:
    # d73: "…停止销售两款入门级消费机器人，并将相关研发人员转岗…" counts no staff; "共有雇员
    # 2,486名…其中研发人员1,137名，占比45.7%" does, and states their share of 雇员
    reply = _ask(sample_db, "擎川机器人的研发人员有多少名？占雇员总数的比例是多少？")
    first, second = reply.text.split("；", 1)
    assert "1,137名" in first
    assert "45.7%" in second and "2,486名" not in second


def test_new_taiwan_dollars_are_money_and_a_measure_asked_picks_the_passage_stating_it(
    sample_db: Path,
) -> None:
    # d74 (traditional characters): "4年将投入新台币120亿元" answers 多少钱 (not "4年");
    # "目标2029年…产值突破新台币1,500亿元" answers 产值, over the plan's own sentence
    money = _ask(sample_db, "台湾的智慧机器人关键零组件推动计划一共要投入多少钱？")
    assert money.text.startswith("120亿元")
    output = _ask(sample_db, "产发署的计划里，2029年台湾关键零组件产值达到多少？")
    assert output.text.startswith("1,500亿元")


def test_the_day_a_policy_takes_effect_comes_with_how_long_it_is_valid(sample_db: Path) -> None:
    # d69: "《若干措施》自2026年3月1日起施行，有效期至2028年12月31日。"
    reply = _ask(sample_db, "重庆的具身智能机器人若干政策措施从哪天开始施行，有效期到什么时候？")
    assert "2026年3月1日" in reply.text and "2028年12月31日" in reply.text


def test_an_amount_of_money_asked_is_answered_in_money_not_by_a_count(sample_db: Path) -> None:
    # d70: "…共发生融资事件31起，…；已披露金额合计约58.6亿元"
    reply = _ask(sample_db, "2026年3月国内具身智能融资一共多少起？披露的金额合计大约多少？")
    assert "58.6亿元" in reply.text.split("；", 1)[-1]


def test_shipments_asked_as_chuhuoliang_match_a_text_saying_chuhuo(sample_db: Path) -> None:
    # d74: "兆威机电…2025年灵巧手出货约1.2万只": 出货量 is what 出货 counts, not the 1万只
    # of 因时机器人 in a sentence naming 兆威机电 and 出货量 literally
    reply = _ask(sample_db, "2025年兆威机电的灵巧手出货量大约多少？")
    assert "1.2万只" in reply.text


def test_robots_shipped_are_a_number_of_units_not_a_list_of_models(sample_db: Path) -> None:
    # d72: "全年出货人形机器人约1.3万台", not the humanoid models stored as made in 深圳
    reply = _ask(sample_db, "2025年深圳全年出货了多少台人形机器人？")
    assert reply.method != "facts:region_products"
    assert "1.3万台" in reply.text


def test_a_superlative_of_a_figure_is_no_count_of_products(sample_db: Path) -> None:
    # "哪个区的产值增速最快" asks about growth, not which place made the most robots
    reply = _ask(sample_db, "2024年苏州六个机器人主要板块中，哪个区的产值增速最快？")
    assert reply.method != "facts:most_products"


def test_a_city_government_written_without_renmin_is_its_peoples_government(
    sample_db: Path,
) -> None:
    # d36 names 苏州市人民政府办公室; the question says 苏州市政府办公室 (and 市政府, another
    # stored name, lies inside it)
    reply = _ask(sample_db, "苏州市政府办公室2025年1月印发的机器人产业行动计划叫什么？")
    assert reply.text.startswith("《苏州市机器人产业高质量发展行动计划（2025—2026年）》")


def test_asked_for_a_post_a_question_naming_a_product_is_not_asking_its_maker(
    sample_db: Path,
) -> None:
    reply = _ask(sample_db, "研发“紫东太初”的武汉人工智能研究院，院长是谁？")
    assert reply.text.startswith("王金桥")


def test_a_passage_dated_to_another_month_than_the_asked_one_ranks_below(
    sample_db: Path,
) -> None:
    # d28 states the July placing; another document's placing in another month must not
    # answer a question about 7月
    reply = _ask(sample_db, "优必选今年7月配售新H股的价格和集资净额是多少？")
    assert "96.6" in reply.text and "37.4" in reply.text


def test_a_chain_of_sentences_going_on_about_a_round_leads_back_to_its_company(
    sample_db: Path,
) -> None:
    # d34: "穹动智能宣布完成数亿元B轮融资。本轮由…领投…。知情人士透露，本轮投后估值已超过
    # 40亿元" — not 启源人形's "本轮完成后，公司投后估值约10亿美元" further on
    reply = _ask(sample_db, "穹动智能本轮B轮融资后投后估值是多少？")
    assert "40亿元" in reply.text


def test_asked_for_the_price_now_the_present_one_of_two_answers(sample_db: Path) -> None:
    reply = _ask(sample_db, "深圳掌度科技的DH-22灵巧手现在售价大约多少？")
    assert reply.text.startswith("约4.5万元")


def test_the_second_part_of_a_question_asks_of_the_first_parts_month(sample_db: Path) -> None:
    # 优必选 placed shares in July and again in September 2025 (t07, d28)
    reply = _ask(sample_db, "优必选2025年9月这次港股配售，每股多少钱？集资净额多少？")
    assert "91.4港元" in reply.text and "27.2亿港元" in reply.text


def test_a_value_is_no_year_of_a_plan_period_and_answers_do_not_depend_on_the_hash_seed(
    sample_db: Path,
) -> None:
    # the plan's own header holds "（2024—2027年）", whose 2024 answers nothing; which
    # passage ranks first must not change with Python's string hashing (the BM25 query
    # took the rarest terms in set order: equally rare terms came and went by hash seed)
    question = "《杭州市具身智能机器人产业发展行动方案（2024—2027年）》提出，到2027年全市具身智能机器人产业规模要达到多少？"
    answers = set()
    for seed in ("0", "3"):
        shown = subprocess.run(
            [
                sys.executable,
                "-m",
                "industry_atlas",
                "ask",
                "--db",
                str(sample_db),
                "--json",
                question,
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        answers.add(json.loads(shown.stdout)["answer"])
    assert len(answers) == 1
    assert answers.pop().startswith("突破300亿元")


def test_a_question_restating_a_sentence_is_answered_by_what_the_sentence_goes_on_to_say(
    sample_db: Path,
) -> None:
    # d31: "“过去我们补的是设备，现在更要补数据、补场景，…”他说" — the question repeats
    # 现在更要补 and asks for the rest
    reply = _ask(
        sample_db,
        "湖北省经信厅副厅长陈启明解读湖北具身智能新政时说，过去补的是设备，现在更要补什么？",
    )
    assert reply.is_found and "补数据、补场景" in reply.text


def test_a_view_quoted_over_several_sentences_is_read_to_its_closing_mark(
    sample_db: Path,
) -> None:
    # d37: "…现金流底子。说白了，这家公司饿不死，熬得住…长周期。”"
    reply = _ask(sample_db, "东方富海合伙人程启航是怎么评价乐聚机器人的？")
    assert "饿不死" in reply.text


def test_who_filed_a_service_is_the_company_its_filing_list_names(sample_db: Path) -> None:
    # d76's list "序号｜服务名称｜属地｜主体名称": the row's company offers the service
    reply = _ask(sample_db, "格物工业质检大模型是哪家公司备案的？")
    assert reply.method == "facts:maker"
    assert "珠海格力电器股份有限公司" in reply.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the first part comes from a metric; the follow-up count, worded otherwise (够装),
        # reads on in the sentence of that metric ("…可满足约8000台星擎S2整机")
        ("恒锐传动预计供应谐波减速器多少台？够装多少台整机？", ["约12万台", "约8000台"]),
        # 几倍 asks for a value
        ("湘岳智能的具身智能业务去年收入多少？是上一年的几倍？", ["4.12亿元", "3.4倍"]),
        # "售价多少起" asks for a price from which, not a count of 起
        ("秦川T2有多少个自由度？售价多少起？", ["43个", "19.9万元"]),
        # "每台" is a quantity, never the short form of a name (每台机器人 less 机器人)
        ("鹏擎K2的谐波减速器是谁供应的？每台整机要用几个？", ["14个"]),
        # the growth read on in the line of the revenue, though another line matches the
        # follow-up a little better ("…较2024年的人民币3.65亿元增长19.7%")
        ("擎川机器人2025年收入是多少？同比增长了多少？", ["48.6%——"]),
        # a what-question no passage answers reads on in the clause after the answer
        ("重庆两江新区的渝精传动科技主攻什么减速器？主力产品是什么系列？", ["YJ-H14系列"]),
        # "难点在哪" asks what, and the answer's sentence goes on to say it
        ("朱秋国觉得人形机器人离进厂干活还要多久？最大的难点在哪？", ["难的是“大脑”"]),
        # a year dates the follow-up; it names nothing else to ask about
        ("山东国家级专精特新“小巨人”企业有多少家？2025年当年新增多少家？", ["164家"]),
    ],
)
def test_a_follow_up_after_a_fact_reads_on_in_its_sentence(
    sample_db: Path, question: str, expected: list[str]
) -> None:
    reply = _ask(sample_db, question)
    assert all(text in reply.text for text in expected), reply.text


def test_an_event_of_one_year_is_not_answered_from_the_same_event_of_another(
    sample_db: Path,
) -> None:
    # "世界机器人大会" stands for "2024世界机器人大会" only where no other year is written
    reply = _ask(sample_db, "2024世界机器人大会上一共有多少款人形机器人亮相？")
    assert "2025世界机器人大会" not in reply.text


def test_a_region_of_several_provinces_asked_by_another_name_is_answered_from_its_figures(
    sample_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "atlas.sqlite"
    shutil.copy(sample_db, db)
    report = tmp_path / "report.txt"
    report.write_text(
        "区域产业追踪\n\n2025年11月18日\n\n"
        "2025年，珠三角人形机器人产业营收约54亿元，同比增长91.2%。2025年，长三角人形机器人"
        "产业营收约82亿元，同比增长52.6%，但整机出货增速低于珠三角和京津冀。\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["ingest", str(report), "--db", str(db)])
    assert result.exit_code == 0, result.output
    reply = _ask(db, "2025年长江三角洲人形机器人产业营收是多少？")
    assert "82亿元" in reply.text and reply.citations, reply.text
