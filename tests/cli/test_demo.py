from __future__ import annotations

import json
import sqlite3
import tomllib
from pathlib import Path

from industry_atlas.cli.demo import sample_corpus
from tests.conftest import REPO


def test_demo_builds_the_sample_knowledge_base_offline(cli, tmp_path: Path) -> None:
    result = cli("demo", "--out", str(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["failed"] == []
    assert summary["documents"] >= 12
    assert summary["copies"] == 1
    assert set(summary["formats"]) == {"txt", "md", "html", "pdf", "docx"}
    with sqlite3.connect(tmp_path / "atlas.sqlite") as conn:
        encodings = {row[0] for row in conn.execute("SELECT encoding FROM documents")}
        scripts = {
            json.loads(row[0])["script"] for row in conn.execute("SELECT meta FROM documents")
        }
    assert {"gb18030", "big5", "utf-16", "utf-8"} <= encodings
    assert scripts == {"simplified", "traditional"}


def test_demo_twice_changes_nothing(cli, tmp_path: Path) -> None:
    cli("demo", "--out", str(tmp_path))
    again = json.loads(cli("demo", "--out", str(tmp_path), "--json").stdout)
    assert again["documents"] == len(list(sample_corpus().iterdir()))


def test_every_manifest_entry_is_shipped_in_its_format() -> None:
    manifest = tomllib.loads((REPO / "corpus" / "manifest.toml").read_text(encoding="utf-8"))
    shipped = {path.stem: path.suffix for path in sample_corpus().iterdir()}
    for entry in manifest["doc"]:
        assert shipped[entry["id"]] == f".{entry['format']}"
    assert len(shipped) == len(manifest["doc"])
