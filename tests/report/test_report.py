"""`industry-atlas report`: one self-contained file with the seed's picture; hostile text
stays text in the report and the terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.report.hostile import IMG, RICH, SCRIPT, hostile_db


def report(cli, db: Path, out: Path, *args: str) -> str:
    result = cli("report", "--db", str(db), "--out", str(out), *args)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_html_report_of_the_seed_is_self_contained_and_shows_the_picture(
    cli, seed_db: Path, tmp_path: Path
) -> None:
    html = report(cli, seed_db, tmp_path / "report.html", "--regions", "北京,上海,深圳")
    assert not re.search(r"<(script|img|link)[^>]+(src|href)=\"?https?:", html)
    assert "echarts" in html and html.count('data-chart="') == 10
    for shown in (
        "&gt;170亿元",
        "383台/万人",
        "未披露 not disclosed",
        "claims 7, lists 6",
        "2023-05",
    ):
        assert shown in html
    for supplier in ("奥比中光", "视觉感知", "汇川技术", "昊志机电", "无框力矩电机"):
        assert supplier in html
    assert "<mark>共有7个，分别是</mark>" in html


def test_every_linked_number_has_its_evidence_panel(cli, seed_db: Path, tmp_path: Path) -> None:
    html = report(cli, seed_db, tmp_path / "report.html")
    links = set(re.findall(r'class="num" href="#(ev-\d+)"', html))
    panels = set(re.findall(r'<section class="evidence" id="(ev-\d+)"', html))
    assert links and links == panels


def test_markdown_report(cli, seed_db: Path, tmp_path: Path) -> None:
    text = report(
        cli, seed_db, tmp_path / "report.md", "--format", "md", "--regions", "北京,上海,深圳"
    )
    assert text.startswith("# 哪个城市领先")
    assert "| 产值/产业规模 Output value (1.0) |" in text
    assert "## Evidence" in text and "**[EV-1]**" in text


def test_unknown_format_is_an_error(cli, seed_db: Path, tmp_path: Path) -> None:
    result = cli(
        "report", "--db", str(seed_db), "--out", str(tmp_path / "r.pdf"), "--format", "pdf"
    )
    assert result.exit_code == 1
    assert "unknown format 'pdf'" in result.stderr


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_hostile_document_text_is_text_in_the_report(cli, tmp_path: Path, fmt: str) -> None:
    db = hostile_db(tmp_path / "hostile.sqlite")
    text = report(cli, db, tmp_path / f"r.{fmt}", "--format", fmt)
    assert SCRIPT not in text and "<img src=x" not in text and "<b>标题</b>" not in text
    assert "&lt;script&gt;alert(" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_hostile_document_text_is_text_in_the_terminal(cli, tmp_path: Path) -> None:
    db = hostile_db(tmp_path / "hostile.sqlite")
    result = cli("scorecard", "--db", str(db), "--explain", "北京", "platforms")
    assert result.exit_code == 0, result.output
    assert RICH in result.stdout and IMG in result.stdout
    result = cli("timeline", "--db", str(db))
    assert "<script>" in result.stdout
