"""The issue's acceptance checks for `industry-atlas ingest`, through the real CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

from corpus.render import Article, render_pdf

from tests.conftest import dump


def documents(cli, db: Path) -> list[dict]:
    result = cli("documents", "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_seed_ingested_twice_is_one_repaired_document(cli, seed_path: Path, db_path: Path) -> None:
    for _ in range(2):
        assert cli("ingest", str(seed_path), "--db", str(db_path)).exit_code == 0
    rows = documents(cli, db_path)
    assert len(rows) == 1
    shown = cli("show", rows[0]["doc_id"], "--db", str(db_path), "--json")
    assert "（2023—2025年）》明确" in json.loads(shown.stdout)["text"]


def test_gb18030_copy_of_the_seed_adds_nothing(
    cli, seed_path: Path, seed_text: str, db_path: Path, tmp_path: Path
) -> None:
    cli("ingest", str(seed_path), "--db", str(db_path))
    before = dump(db_path)
    copy = tmp_path / "seed-gb.txt"
    copy.write_bytes(seed_text.encode("gb18030"))
    result = cli("ingest", str(copy), "--db", str(db_path), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["status"] == "unchanged"
    assert dump(db_path) == before


def test_random_bytes_named_pdf_is_rejected_and_db_unchanged(
    cli, seed_path: Path, db_path: Path, tmp_path: Path
) -> None:
    cli("ingest", str(seed_path), "--db", str(db_path))
    before = dump(db_path)
    bad = tmp_path / "x.pdf"
    bad.write_bytes(os.urandom(4096))
    result = cli("ingest", str(bad), "--db", str(db_path))
    assert result.exit_code != 0
    assert "x.pdf" in result.stderr and "PDF" in result.stderr
    assert dump(db_path) == before


def test_bad_files_are_reported_one_line_each_and_the_rest_goes_on(
    cli, seed_path: Path, db_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"  \n ")
    (tmp_path / "in" / "blob.txt").write_bytes(os.urandom(3000))
    (tmp_path / "in" / "broken.docx").write_bytes(b"PK\x03\x04" + os.urandom(500))
    (tmp_path / "in" / "good.md").write_text(
        "# 标题\n\n合肥市发布通用人工智能产业政策。", encoding="utf-8"
    )
    result = cli(
        "ingest", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "--db", str(db_path)
    )
    assert result.exit_code == 1
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(error_lines) == 4
    for name in ("empty.txt", "blob.txt", "broken.docx", "missing.txt"):
        assert sum(name in line for line in error_lines) == 1
    assert [row["title"] for row in documents(cli, db_path)] == ["标题"]


def test_oversized_file_is_rejected_with_the_limit_named(
    cli, db_path: Path, tmp_path: Path
) -> None:
    big = tmp_path / "big.txt"
    big.write_text("人形机器人。" * 200_000, encoding="utf-8")
    result = cli("ingest", str(big), "--db", str(db_path), "--max-mb", "1")
    assert result.exit_code == 1
    assert "big.txt" in result.stderr and "over the 1 MB limit" in result.stderr


def test_folder_is_ingested_recursively_with_formats_detected(
    cli, db_path: Path, tmp_path: Path
) -> None:
    article = Article(
        "苏州机器人核心部件产业观察", ("苏州绿的谐波是国内谐波减速器龙头企业。" * 20,)
    )
    nested = tmp_path / "corpus" / "reports"
    nested.mkdir(parents=True)
    (nested / "r.pdf").write_bytes(render_pdf(article, header="研究报告"))
    (tmp_path / "corpus" / "n.txt").write_bytes(
        "合肥发布人形机器人政策。科大讯飞参与。".encode("gb18030")
    )
    (tmp_path / "corpus" / ".hidden.txt").write_text("隐藏文件", encoding="utf-8")
    (tmp_path / "corpus" / "notes.json").write_text("{}", encoding="utf-8")
    assert cli("ingest", str(tmp_path / "corpus"), "--db", str(db_path)).exit_code == 0
    assert sorted(row["format"] for row in documents(cli, db_path)) == ["pdf", "txt"]


def test_stdin_with_date_and_source_options(cli, db_path: Path) -> None:
    text = "人形机器人企业加速布局\n\n1月16日，某公司发布新一代人形机器人。"
    result = cli(
        "ingest",
        "-",
        "--db",
        str(db_path),
        "--date",
        "2024-01",
        "--source",
        "中国电子报",
        input=text.encode("gb18030"),
    )
    assert result.exit_code == 0, result.output
    [row] = documents(cli, db_path)
    assert row["published"] == "2024-01"
    assert row["source"] == "中国电子报"


def test_bad_date_option_is_a_usage_error(cli, seed_path: Path, db_path: Path) -> None:
    result = cli("ingest", str(seed_path), "--db", str(db_path), "--date", "January 2024")
    assert result.exit_code == 2
    assert "--date" in result.output


def test_traditional_document_is_simplified_and_shown_in_the_original(
    cli, db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "tw.txt"
    path.write_bytes(
        "達闥機器人發布的XR4（七仙女）亮相上海。\n\n產業鏈\n\n加速成形。".encode("big5")
    )
    assert cli("ingest", str(path), "--db", str(db_path)).exit_code == 0
    [row] = documents(cli, db_path)
    shown = json.loads(cli("show", row["doc_id"], "--db", str(db_path), "--json").stdout)
    assert shown["text"].startswith("达闼机器人发布的XR4（七仙女）亮相上海。")
    assert shown["meta"]["script"] == "traditional"
    original = cli("show", row["doc_id"][:6], "--db", str(db_path), "--original")
    assert "達闥機器人" in original.stdout


def test_syndicated_copy_is_stored_and_linked_to_the_first(
    cli, seed_text: str, db_path: Path, tmp_path: Path
) -> None:
    first = seed_text.split("## 智谱AI")[0]
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "转载自中国电子报\n\n" + first.replace("热闹非凡", "十分热闹"), encoding="utf-8"
    )
    cli("ingest", str(tmp_path / "a.txt"), "--db", str(db_path))
    result = cli("ingest", str(tmp_path / "b.txt"), "--db", str(db_path), "--json")
    [outcome] = json.loads(result.stdout)
    rows = documents(cli, db_path)
    assert outcome["duplicate_of"] == rows[0]["doc_id"]
    assert rows[1]["duplicate_of"] == rows[0]["doc_id"]


def test_reading_commands_do_not_create_a_database(cli, tmp_path: Path) -> None:
    result = cli("documents", "--db", str(tmp_path / "none.sqlite"))
    assert result.exit_code == 1
    assert "no knowledge base here" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_show_unknown_document_is_a_clear_error(cli, seed_path: Path, db_path: Path) -> None:
    cli("ingest", str(seed_path), "--db", str(db_path))
    result = cli("show", "ffffffff", "--db", str(db_path))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no document matches 'ffffffff'")
