"""`industry-atlas ask` and `eval-ask` at the command line: the --json contract, the
printed citations, refusals and the scores."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from industry_atlas.cli.ask import SampleSet
from tests.conftest import SHARED


def test_ask_json_has_exactly_the_contract_keys(cli, seed_db: Path) -> None:
    result = cli("ask", "2022年北京机器人产业收入是多少？", "--db", str(seed_db), "--json")
    assert result.exit_code == 0, result.output
    reply = json.loads(result.stdout)
    assert set(reply) == {"question", "answer", "found", "citations", "method"}
    assert reply["found"] is True
    assert "170亿元" in reply["answer"]
    assert isinstance(reply["method"], str) and reply["method"]
    for citation in reply["citations"]:
        assert set(citation) == {"doc_id", "source", "start", "end", "text"}
        assert isinstance(citation["start"], int) and isinstance(citation["end"], int)


def test_ask_json_citation_text_is_the_document_text(cli, seed_db: Path) -> None:
    result = cli("ask", "远征A1是哪家企业推出的？", "--db", str(seed_db), "--json")
    reply = json.loads(result.stdout)
    shown = json.loads(
        cli("show", reply["citations"][0]["doc_id"], "--db", str(seed_db), "--json").stdout
    )
    for citation in reply["citations"]:
        assert shown["text"][citation["start"] : citation["end"]] == citation["text"]


def test_ask_prints_the_answer_with_numbered_sources(cli, seed_db: Path) -> None:
    result = cli("ask", "智谱AI何时发布新一代基座大模型GLM-4？", "--db", str(seed_db))
    assert result.exit_code == 0, result.output
    assert "2024年1月16日" in result.stdout
    assert "出处：" in result.stdout
    assert "[1] 《" in result.stdout


def test_ask_says_when_the_sources_do_not_answer(cli, seed_db: Path) -> None:
    result = cli("ask", "达闼机器人2024年的营业收入是多少？", "--db", str(seed_db), "--json")
    reply = json.loads(result.stdout)
    assert reply["found"] is False
    assert reply["answer"].startswith("资料中没有找到")


def test_ask_without_a_knowledge_base_is_an_error(cli, tmp_path: Path) -> None:
    result = cli("ask", "问题？", "--db", str(tmp_path / "none.sqlite"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")


def test_eval_ask_scores_the_seed_questions(cli, seed_db: Path) -> None:
    gold = SHARED / "seed" / "gold.json"
    result = cli("eval-ask", str(gold), "--db", str(seed_db), "--json")
    assert result.exit_code == 0, result.output
    (score,) = json.loads(result.stdout)
    assert score["questions"] == 25
    assert score["correct"] >= 24
    assert score["uncited"] == 0


def test_eval_ask_scores_the_bundled_unanswerable_questions(cli, sample_db: Path) -> None:
    result = cli("eval-ask", "--sample", "unanswerable", "--db", str(sample_db), "--errors")
    assert result.exit_code == 0, result.output
    assert "unanswerable" in result.stdout
    assert "15/15" in result.stdout


def test_eval_ask_needs_a_question_set(cli, seed_db: Path) -> None:
    result = cli("eval-ask", "--db", str(seed_db))
    assert result.exit_code == 1
    assert "Error:" in result.stderr


def test_every_question_set_shipped_can_be_chosen_as_a_sample() -> None:
    shipped = resources.files("industry_atlas") / "samples" / "questions"
    names = {Path(str(entry)).stem for entry in shipped.iterdir() if entry.name.endswith(".json")}
    assert names <= {choice.value for choice in SampleSet}
