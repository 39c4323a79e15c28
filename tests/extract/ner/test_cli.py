"""`industry-atlas ner` through the real CLI: tag, evaluate and train on CLUENER lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SENTENCES = [
    {"id": 0, "text": "小米集团董事长雷军在发布会上表示，公司将加大研发投入。"},
    {"id": 1, "text": "工业和信息化部副部长辛国斌出席会议并讲话。"},
    {"id": 2, "text": "今天天气很好。"},
    {"id": 3, "text": "北京市经济和信息化局近日印发机器人产业若干措施。"},
]


def write_lines(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    return path


def test_tagging_writes_one_valid_cluener_line_per_input_line(cli, tmp_path: Path) -> None:
    source = write_lines(tmp_path / "in.json", SENTENCES)
    result = cli("ner", "--cluener", str(source))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(SENTENCES)
    for line, row in zip(lines, SENTENCES, strict=True):
        data = json.loads(line)
        assert (data["id"], data["text"]) == (row["id"], row["text"])
        for label, surfaces in data["label"].items():
            assert isinstance(label, str)
            for surface, positions in surfaces.items():
                for start, end in positions:
                    assert 0 <= start <= end < len(row["text"])
                    assert row["text"][start : end + 1] == surface
    assert json.loads(lines[0])["label"]["name"] == {"雷军": [[7, 8]]}


def test_tagging_reads_stdin(cli) -> None:
    result = cli("ner", "--cluener", "-", input='{"text": "雷军说"}\n')
    assert result.exit_code == 0
    assert json.loads(result.stdout)["text"] == "雷军说"


def test_evaluate_prints_scores_as_json(cli, tmp_path: Path) -> None:
    gold = [
        {"text": "小米集团董事长雷军表示。", "label": {"name": {"雷军": [[7, 8]]}}},
        {"text": "今天天气很好。"},
    ]
    result = cli("ner", "--evaluate", str(write_lines(tmp_path / "gold.json", gold)), "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["labels"]["name"]["recall"] == 1.0
    assert set(scores["focus_labels"]) == {
        "company",
        "government",
        "organization",
        "name",
        "position",
    }


def test_a_missing_file_is_one_error_line(cli, tmp_path: Path) -> None:
    result = cli("ner", "--cluener", str(tmp_path / "nope.json"))
    assert result.exit_code == 1
    assert "nope.json: no such file" in result.stderr


def test_exactly_one_action_is_required(cli) -> None:
    assert cli("ner").exit_code == 2


def test_a_tiny_training_run_writes_a_model_that_tags(cli, tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("jieba")
    rows = [
        {
            "text": f"{company}董事长{person}表示。",
            "label": {
                "company": {company: [[0, len(company) - 1]]},
                "position": {"董事长": [[len(company), len(company) + 2]]},
                "name": {person: [[len(company) + 3, len(company) + 4]]},
            },
        }
        for company in ("小米集团", "华为公司", "腾讯控股", "阿里巴巴")
        for person in ("雷军", "马云", "任正非", "马化腾", "张三")
        if len(person) == 2
    ]
    source = write_lines(tmp_path / "train.json", rows)
    model = tmp_path / "tiny.npz"
    result = cli("ner", "--train", str(source), "--model", str(model), "--epochs", "2", "--json")
    assert result.exit_code == 0, result.output
    assert model.exists()
    metrics = json.loads((tmp_path / "tiny.metrics.json").read_text("utf-8"))
    held_out = round(len(rows) * 0.1)
    assert metrics["records"] == {"training": len(rows) - held_out, "validation": held_out}
    tagged = cli("ner", "--cluener", str(source), "--model", str(model))
    assert len(tagged.stdout.splitlines()) == len(rows)
