"""`industry-atlas findings`, `timeline` and `chain` on the seed page (issue 4)."""

from __future__ import annotations

import json
from pathlib import Path


def run_json(cli, *args: str) -> object:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_findings_flag_shanghais_seven_claimed_six_listed_with_both_citations(
    cli, seed_db: Path
) -> None:
    findings = run_json(cli, "findings", "--db", str(seed_db))
    (mismatch,) = [f for f in findings if f["kind"] == "count_mismatch"]
    stated, listed = mismatch["citations"]
    assert "共有7个" in stated["evidence"][0]["text"]
    assert [e["text"] for e in listed["evidence"]] == [
        "电科机器人1号",
        "远征A1",
        "GR1",
        "先行者系列",
        "XR4",
        "通用人形机器人",
    ]
    assert "states 7, lists 6" in mismatch["message"]


def test_findings_in_the_terminal_show_both_quotes(cli, seed_db: Path) -> None:
    result = cli("findings", "--db", str(seed_db))
    assert result.exit_code == 0
    assert "count_mismatch" in result.stdout and "共有7个" in result.stdout


def test_policy_timeline_of_the_seed_in_order(cli, seed_db: Path) -> None:
    entries = run_json(cli, "timeline", "--db", str(seed_db), "--kind", "policy")
    dated = [(e["date"], e["region"]) for e in entries if e["date"]]
    assert dated == [
        ("2023-05", "深圳市"),
        ("2023-06", "北京市"),
        ("2023-08", "北京市"),
        ("2023-10", "上海市"),
        ("2023-10", "上海市"),
    ]
    assert all(len(e["fact_ids"]) == 2 for e in entries if e["date"])  # policy_issued + event, once


def test_timeline_of_a_region_counts_its_development_zone(cli, seed_db: Path) -> None:
    entries = run_json(
        cli, "timeline", "--db", str(seed_db), "--region", "北京", "--kind", "policy"
    )
    assert [e["date"] for e in entries] == ["2023-06", "2023-08"]


def test_timeline_with_an_unknown_kind_is_an_error(cli, seed_db: Path) -> None:
    result = cli("timeline", "--db", str(seed_db), "--kind", "party")
    assert result.exit_code == 1
    assert "Error: unknown kind 'party'" in result.stderr


def test_chain_maps_guangdong_component_makers_to_categories(cli, seed_db: Path) -> None:
    chain = run_json(cli, "chain", "--db", str(seed_db), "--region", "广东")
    upstream = {
        (member["name"], node["key"]): (member["region"], member["terms"])
        for node in chain["nodes"]
        if node["stage"] == "upstream"
        for member in node["members"]
    }
    assert upstream == {
        ("奥比中光", "传感器"): ("深圳市", ["视觉感知"]),
        ("汇川技术", "丝杠"): ("深圳市", ["滚珠丝杠"]),
        ("昊志机电", "减速器"): ("广州市", ["谐波减速器"]),
        ("昊志机电", "电机"): ("广州市", ["无框力矩电机"]),
    }
    bodies = next(node for node in chain["nodes"] if node["key"] == "bodies")
    assert {m["name"] for m in bodies["members"]} == {"优必选", "小鹏汽车", "乐聚机器人"}


def test_chain_in_the_terminal_lists_stages(cli, seed_db: Path) -> None:
    result = cli("chain", "--db", str(seed_db))
    assert result.exit_code == 0
    assert "UPSTREAM" in result.stdout and "昊志机电（广州市）" in result.stdout
