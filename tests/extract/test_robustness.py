"""Extraction never crashes and never hangs, whatever the text."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from industry_atlas.core import ids
from industry_atlas.core.models import Document
from industry_atlas.extract import get_extractor
from tests.conftest import assert_grounded

EXTRACTOR = get_extractor()
NEWS_ALPHABET = st.sampled_from(
    list(
        "北京上海深圳杭州合肥人形机器人公司集团研究院大学发布推出印发亿万元%年月日，。、；：“”《》（）0123456789ABCGPT-"
    )
)


def extract(text: str) -> None:
    document = Document(ids.doc_id(text), "test", "t", text)
    extraction = EXTRACTOR.extract(document)
    for fact in extraction.facts:
        assert_grounded(document, fact)
    for mention in extraction.mentions:
        assert mention.span.is_grounded_in(document)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_unicode_text_extracts_without_error(text: str) -> None:
    extract(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=NEWS_ALPHABET, max_size=600))
def test_newslike_text_extracts_grounded_facts(text: str) -> None:
    extract(text)


@settings(max_examples=30, deadline=None)
@given(
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Po", "Ps", "Pe"]), max_size=300)
)
def test_control_characters_and_punctuation_only(text: str) -> None:
    extract(text)


def test_mixed_scripts_and_emoji() -> None:
    extract(
        "宇树科技🤖发布H1人形机器人；Tesla Optimus в Москве 東京ロボット 2024年3月售价9.9万元😀"
    )


ADVERSARIAL = {
    "unclosed titles": "《" * 20_000,
    "unclosed quotes": "“人形机器人" * 10_000,
    "digits": "1" * 50_000,
    "years": "年" * 50_000,
    "enumeration": "、".join(["智元机器人"] * 5_000) + "等企业",
    "count claims": "共有7个，分别是" * 5_000,
    "dashes": "——" * 25_000,
    "brackets": "（" * 30_000 + "）" * 30_000,
    "suffixes": "公司" * 30_000,
    "amounts": "超过100亿元、" * 10_000,
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_text_finishes_in_bounded_time(name: str) -> None:
    started = time.perf_counter()
    extract(ADVERSARIAL[name])
    assert time.perf_counter() - started < 30, f"{name} took too long"


@pytest.mark.slow
def test_a_one_megabyte_single_line_finishes() -> None:
    rng = random.Random(1)
    alphabet = [chr(code) for code in range(0x4E00, 0x4E00 + 3000)] + list(
        "，。、0123456789年月日亿元%“”《》（）公司研究院"
    )
    text = "".join(rng.choice(alphabet) for _ in range(340_000))
    assert len(text.encode()) > 1_000_000
    started = time.perf_counter()
    extract(text)
    assert time.perf_counter() - started < 120
