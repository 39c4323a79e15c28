"""Suppliers read from the text around organization mentions."""

from __future__ import annotations

from pathlib import Path

from industry_atlas.analyze.chain import ChainOptions, build_chain
from tests.analyze.builders import Doc, store_of


def suppliers(tmp_path: Path, text: str, *orgs: str) -> dict[str, list[str]]:
    doc = Doc(text)
    for name in orgs:
        doc.org(name)
        doc.located(name, "深圳市", "440300")
    with store_of(tmp_path / "kb.sqlite", doc) as store:
        chain = build_chain(store, ChainOptions())
    found: dict[str, list[str]] = {}
    for node in chain.nodes:
        if node.stage == "upstream":
            for member in node.members:
                found.setdefault(member.name, []).extend(member.terms)
    return found


def test_each_maker_owns_the_components_named_before_it(tmp_path: Path) -> None:
    text = "专注视觉感知的龙头企业甲光电、专注滚珠丝杠的供应商乙技术，以及专注谐波减速器、无框力矩电机的丙机电都是本地企业。"
    assert suppliers(tmp_path, text, "甲光电", "乙技术", "丙机电") == {
        "甲光电": ["视觉感知"],
        "乙技术": ["滚珠丝杠"],
        "丙机电": ["谐波减速器", "无框力矩电机"],
    }


def test_components_named_after_a_maker_with_a_cue_count(tmp_path: Path) -> None:
    assert suppliers(tmp_path, "由丁机电提供的灵巧手模组已量产。", "丁机电") == {
        "丁机电": ["灵巧手"]
    }


def test_a_buyer_of_components_is_no_supplier(tmp_path: Path) -> None:
    assert suppliers(tmp_path, "戊汽车今年采购了一批减速器。", "戊汽车") == {}
