"""`extract`, `eval`, `facts`, `entities` and `show` through the real CLI, on the seed page
and on the sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

from industry_atlas.evaluate import validate_gold
from industry_atlas.ingest import LoadOptions, build_document
from tests.conftest import SHARED

GOLD = SHARED / "seed" / "gold.json"


def test_extract_writes_the_gold_schema(cli, seed_path: Path) -> None:
    result = cli("extract", str(seed_path), "--format", "gold-json")
    assert result.exit_code == 0, result.output
    predicted = validate_gold(json.loads(result.stdout), "stdout")
    titles = {policy["title"] for policy in predicted["policies"]}
    assert "北京市机器人产业创新发展行动方案（2023—2025年）" in titles
    assert any(
        claim["claimed"] == 7 and claim["enumerated"] == 6 for claim in predicted["count_claims"]
    )


def test_extract_jsonl_facts_quote_their_evidence(cli, seed_path: Path) -> None:
    document = build_document(seed_path.read_bytes(), str(seed_path), LoadOptions())
    result = cli("extract", str(seed_path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    facts = [r for r in records if r["record"] == "fact"]
    assert {"policy_issued", "metric", "event", "count_claim", "quote"} <= {
        f["kind"] for f in facts
    }
    for fact in facts:
        assert fact["evidence"], fact
        for span in fact["evidence"]:
            assert document.text[span["start"] : span["end"]] == span["text"]


def test_extract_table_lists_sections(cli, seed_path: Path) -> None:
    result = cli("extract", str(seed_path), "--format", "table")
    assert result.exit_code == 0, result.output
    for heading in ("policies (6)", "organizations", "metrics", "count_claims"):
        assert heading in result.stdout


def test_eval_scores_a_document_and_a_saved_prediction_alike(
    cli, seed_path: Path, tmp_path: Path
) -> None:
    direct = cli("eval", str(GOLD), str(seed_path), "--json")
    assert direct.exit_code == 0, direct.output
    prediction = tmp_path / "seed.pred.json"
    extracted = cli("extract", str(seed_path), "--format", "gold-json")
    prediction.write_text(extracted.stdout, encoding="utf-8")
    saved = cli("eval", str(GOLD), str(prediction), "--json")
    assert saved.exit_code == 0, saved.output
    first, second = json.loads(direct.stdout)["total"], json.loads(saved.stdout)["total"]
    assert first["sections"] == second["sections"]
    assert first["sections"]["policies"]["f1"] == 1.0


def test_eval_errors_lists_what_was_missed(cli, seed_path: Path) -> None:
    result = cli("eval", str(GOLD), str(seed_path), "--errors")
    assert result.exit_code == 0, result.output
    assert "missed" in result.stdout.lower() or "spurious" in result.stdout.lower()


def test_eval_of_a_folder_matches_gold_and_documents_by_name(cli, tmp_path: Path) -> None:
    gold_dir, docs_dir = tmp_path / "gold", tmp_path / "docs"
    gold_dir.mkdir()
    docs_dir.mkdir()
    (gold_dir / "seed.json").write_bytes(GOLD.read_bytes())
    (docs_dir / "seed.txt").write_bytes((SHARED / "seed" / "seed.txt").read_bytes())
    result = cli("eval", "--dir", str(gold_dir), str(docs_dir), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [doc["doc"] for doc in report["documents"]] == ["seed"]
    assert report["total"]["sections"]["policies"]["f1"] == 1.0


def test_eval_with_a_missing_document_fails_naming_it(cli, tmp_path: Path) -> None:
    gold_dir, docs_dir = tmp_path / "gold", tmp_path / "docs"
    gold_dir.mkdir()
    docs_dir.mkdir()
    (gold_dir / "lost.json").write_text("{}", encoding="utf-8")
    result = cli("eval", "--dir", str(gold_dir), str(docs_dir))
    assert result.exit_code != 0
    assert "lost" in result.output


def test_stored_facts_entities_and_highlights_point_at_the_text(
    cli, seed_path: Path, db_path: Path
) -> None:
    assert cli("ingest", str(seed_path), "--db", str(db_path)).exit_code == 0
    (row,) = json.loads(cli("documents", "--db", str(db_path), "--json").stdout)
    shown = json.loads(cli("show", row["doc_id"], "--db", str(db_path), "--json").stdout)
    text = shown["text"]
    assert {"org", "person", "policy", "quantity"} <= {m["type"] for m in shown["mentions"]}
    for mention in shown["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]

    metrics = json.loads(cli("facts", "--type", "metric", "--db", str(db_path), "--json").stdout)
    assert metrics and all(fact["kind"] == "metric" for fact in metrics)
    for fact in metrics:
        for span in fact["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]

    about = cli("facts", "--subject", "北京市", "--db", str(db_path), "--json")
    assert {fact["subject"] for fact in json.loads(about.stdout)} == {"北京市"}

    orgs = json.loads(cli("entities", "--type", "org", "--db", str(db_path), "--json").stdout)
    zhipu = next(entity for entity in orgs if entity["name"] == "智谱AI")
    assert zhipu["mentions"] >= 2 and zhipu["documents"] == 1
