"""`industry-atlas scorecard` on the seed page shows the article's picture (issue 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from industry_atlas.store.sqlite import SqliteStore

THREE = "北京,上海,深圳"


def scorecard(cli, db: Path, *args: str) -> dict:
    result = cli("scorecard", "--db", str(db), "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def cells(card: dict, region: str) -> dict:
    return next(r for r in card["regions"] if r["region"] == region)["cells"]


@pytest.fixture(scope="module")
def seed_card(seed_db: Path) -> dict:
    from typer.testing import CliRunner

    from industry_atlas.cli import app

    result = CliRunner().invoke(
        app, ["scorecard", "--db", str(seed_db), "--json", "--regions", THREE + ",合肥"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_shenzhen_issued_the_first_policy(seed_card: dict) -> None:
    firsts = {r["region"]: r["cells"]["first_policy"]["date"] for r in seed_card["regions"]}
    assert firsts["深圳市"] == "2023-05"
    assert min(d for d in firsts.values() if d) == "2023-05"
    assert cells(seed_card, "深圳市")["first_policy"]["score"] == 100


def test_beijing_has_two_policies_one_from_the_e_town_administration(seed_card: dict) -> None:
    policy = cells(seed_card, "北京市")["policy_count"]
    assert policy["value"] == 2
    assert policy["breakdown"] == {"区级": 1, "市级": 1}
    assert any("北京经济技术开发区" in item and "2023-08" in item for item in policy["items"])
    assert cells(seed_card, "北京市")["first_policy"]["date"] == "2023-06"


def test_shanghai_has_two_policies_of_october_2023(seed_card: dict) -> None:
    shanghai = cells(seed_card, "上海市")
    assert shanghai["policy_count"]["value"] == 2
    assert shanghai["first_policy"]["date"] == shanghai["latest_policy"]["date"] == "2023-10"


def test_national_policies_are_shown_apart(seed_card: dict) -> None:
    assert [p["subject"] for p in seed_card["apart"]] == ["生成式人工智能服务管理暂行办法"]
    assert all(
        "生成式" not in item
        for r in seed_card["regions"]
        for item in r["cells"]["policy_count"]["items"]
    )


def test_beijing_revenue_and_growth(seed_card: dict) -> None:
    beijing = cells(seed_card, "北京市")
    revenue, growth = beijing["revenue"], beijing["growth"]
    assert (revenue["value"], revenue["unit"], revenue["qualifier"], revenue["time"]) == (
        17000000000,
        "元",
        ">",
        "2022",
    )
    assert revenue["display"] == ">170亿元"
    assert (growth["value"], growth["unit"], growth["qualifier"]) == (20, "%", ">")


def test_beijing_and_shanghai_output_over_ten_billion_shenzhen_not_disclosed(
    seed_card: dict,
) -> None:
    for city in ("北京市", "上海市"):
        output = cells(seed_card, city)["output"]
        assert (output["value"], output["qualifier"], output["time"]) == (10000000000, ">", "2022")
    shenzhen = cells(seed_card, "深圳市")["output"]
    assert shenzhen["value"] is None and shenzhen["disclosed"] is False
    assert "not disclosed" in shenzhen["display"]
    assert shenzhen["score"] is None


def test_pudong_enterprises_and_shanghai_robot_density(seed_card: dict) -> None:
    shanghai = cells(seed_card, "上海市")
    assert (shanghai["enterprises"]["value"], shanghai["enterprises"]["qualifier"]) == (100, ">")
    assert shanghai["enterprises"]["scope"] == "上海市浦东新区"
    assert (shanghai["density"]["value"], shanghai["density"]["unit"]) == (383, "台/万人")


def test_products_by_registration_city_with_shanghais_claim_flagged(seed_card: dict) -> None:
    shanghai = cells(seed_card, "上海市")["products"]
    assert shanghai["value"] == 6 and shanghai["claimed"] == 7
    assert shanghai["breakdown"] == {"2023": 6}
    assert "claims 7, lists 6" in shanghai["note"]
    assert cells(seed_card, "北京市")["products"]["value"] == 1
    assert cells(seed_card, "合肥市")["products"]["value"] == 1


def test_shenzhen_has_three_products(seed_card: dict) -> None:
    assert cells(seed_card, "深圳市")["products"]["value"] == 3


def test_shenzhens_claim_and_list_agree(seed_card: dict) -> None:
    products = cells(seed_card, "深圳市")["products"]
    assert products["claimed"] == 3
    assert "claims 3, lists 3" in products["note"]
    assert "→" not in products["note"]  # every listed product is counted for Shenzhen


def test_shenzhen_supply_chain_comes_from_its_component_makers(seed_card: dict) -> None:
    supply = cells(seed_card, "深圳市")["component_categories"]
    assert supply["value"] == 2
    assert set(supply["items"]) == {"传感器: 奥比中光（视觉感知）", "丝杠: 汇川技术（滚珠丝杠）"}
    assert all(d["evidence"] for d in supply["derived"])


def test_innovation_platforms_and_experts_per_city(seed_card: dict) -> None:
    beijing = cells(seed_card, "北京市")
    assert "北京人形机器人创新中心" in beijing["platforms"]["items"]
    assert "大模型语料数据联盟" in cells(seed_card, "上海市")["platforms"]["items"]
    assert any(
        item.startswith("朱松纯（北京通用人工智能研究院") for item in beijing["experts"]["items"]
    )
    experts = {e["name"]: e for e in seed_card["experts"]}
    assert experts["乔红"]["institution"].split("；") == [
        "多模态人工智能系统国家重点实验室",
        "北京人形机器人创新中心专委会",
    ]
    assert experts["黄铁军"]["region"] == "北京市"


def test_every_disclosed_cell_rests_on_stored_facts(seed_card: dict, seed_db: Path) -> None:
    with SqliteStore(seed_db) as store:
        for region in seed_card["regions"]:
            for name, cell in region["cells"].items():
                if cell["disclosed"]:
                    assert cell["fact_ids"], f"{region['region']} {name} has no facts"
                    assert len(store.facts_by_id(cell["fact_ids"])) == len(set(cell["fact_ids"]))


def test_the_score_is_the_weighted_mean_of_dimension_scores(seed_card: dict) -> None:
    weights = {d["id"]: d["weight"] for d in seed_card["dimensions"]}
    for region in seed_card["regions"]:
        total = sum(weights[d] * (s or 0) for d, s in region["dimensions"].items())
        assert region["score"] == pytest.approx(total / sum(weights.values()), abs=0.06)


def test_weights_file_overrides_the_default(cli, seed_db: Path, tmp_path: Path) -> None:
    weights = tmp_path / "weights.toml"
    weights.write_text(
        "[dimensions]\npolicy = 0\nbase = 0\nfirms = 0\nplatforms = 0\ntalent = 0\nsupply = 1\n"
    )
    card = scorecard(cli, seed_db, "--regions", THREE, "--weights", str(weights))
    assert card["regions"][0]["region"] == "深圳市"
    assert card["regions"][0]["score"] == 100
    assert {d["id"]: d["weight"] for d in card["dimensions"]}["policy"] == 0


def test_bad_weights_file_is_an_error(cli, seed_db: Path, tmp_path: Path) -> None:
    weights = tmp_path / "weights.toml"
    weights.write_text("[dimensions]\nmoney = 2\n")
    result = cli("scorecard", "--db", str(seed_db), "--weights", str(weights))
    assert result.exit_code == 1
    assert "Error: weights: unknown dimension 'money'" in result.stderr


def test_unknown_region_is_an_error(cli, seed_db: Path) -> None:
    result = cli("scorecard", "--db", str(seed_db), "--regions", "亚特兰蒂斯")
    assert result.exit_code == 1
    assert "Error: unknown region '亚特兰蒂斯'" in result.stderr


def test_terminal_table_shows_not_disclosed_never_zero(cli, seed_db: Path) -> None:
    result = cli("scorecard", "--db", str(seed_db), "--regions", THREE)
    assert result.exit_code == 0
    assert "未披露" in result.stdout  # the terminal may wrap "not disclosed" onto a new line
    assert ">170亿元" in result.stdout and "383台/万人" in result.stdout


def test_explain_prints_the_facts_and_source_sentences_of_a_cell(cli, seed_db: Path) -> None:
    result = cli(
        "scorecard", "--db", str(seed_db), "--regions", THREE, "--explain", "上海", "products"
    )
    assert result.exit_code == 0, result.output
    assert "claims 7, lists 6" in result.stdout
    assert "[makes] 智元机器人 makes 远征A1" in result.stdout
    assert "共有7个，分别是中国电科21所推出的电科机器人1号" in result.stdout


def test_explain_json_gives_passages_with_marked_evidence(cli, seed_db: Path) -> None:
    card = scorecard(cli, seed_db, "--regions", THREE, "--explain", "北京", "revenue")
    (cell,) = card
    (evidence,) = cell["evidence"]
    (passage,) = evidence["passages"]
    start, end = passage["marks"][0]
    assert (
        passage["text"][start:end]
        == "北京机器人产业收入年平均增速超过20%，2022年机器人产业收入突破了170亿元"[: end - start]
        or passage["text"][start:end]
    )
    assert "170亿元" in passage["text"]


def test_explain_of_an_indicator_that_does_not_exist_is_an_error(cli, seed_db: Path) -> None:
    result = cli("scorecard", "--db", str(seed_db), "--explain", "北京", "wealth")
    assert result.exit_code == 1
    assert "unknown indicator 'wealth'" in result.stderr


def test_sample_corpus_compares_more_regions_than_the_seed(cli, sample_db: Path) -> None:
    card = scorecard(cli, sample_db)
    names = [r["region"] for r in card["regions"]]
    assert len(names) > 3
    assert {"北京市", "上海市", "深圳市", "杭州市"} <= set(names)
