"""Comparisons: which listed name has the larger or smaller amount, and amounts given to
names "respectively" (分别) in a source sentence."""

from __future__ import annotations

import pytest

from industry_atlas.ask.comparison import verdict, with_verdict
from industry_atlas.ask.compose import Finding
from industry_atlas.ask.extraction import respective_amounts
from industry_atlas.ask.question import Anchor, AnchorKind, Part, parse_question
from industry_atlas.core.models import Span


def _names(*texts: str) -> list[Anchor]:
    return [Anchor(text, AnchorKind.ENTITY, (text,), 0, len(text)) for text in texts]


def _finding(text: str) -> Finding:
    return Finding(text, (Span("doc", 0, 1, "x"),), "retrieval:passage")


@pytest.mark.parametrize(
    ("text", "names", "comparative", "expected"),
    [
        (
            "坤维科技：约4500台；宇立仪器：约3000台",
            ("坤维科技", "宇立仪器"),
            "更大",
            "坤维科技更大",
        ),
        (
            "坤维科技：约4500台；宇立仪器：约3000台",
            ("坤维科技", "宇立仪器"),
            "更少",
            "宇立仪器更少",
        ),
        # amounts in 亿 and 万 are compared as values, not as written
        ("北京：约8.6亿元；深圳：约6100万元", ("北京", "深圳"), "更高", "北京更高"),
        ("北京：约6100万元；深圳：约8.6亿元", ("北京", "深圳"), "更高", "深圳更高"),
        # a label may say what the amount is before it
        (
            "Doubao输入价格（2025年1月）：0.8元；Qwen输入价格：2.4元",
            ("Doubao", "Qwen"),
            "更便宜",
            "Doubao更便宜",
        ),
    ],
)
def test_the_name_with_the_larger_or_smaller_amount_wins(
    text: str, names: tuple[str, str], comparative: str, expected: str
) -> None:
    assert verdict(_finding(text), _names(*names), comparative) == expected
    assert with_verdict(_finding(text), _names(*names), comparative) == _finding(
        f"{expected}。{text}"
    )


@pytest.mark.parametrize(
    "text",
    [
        "坤维科技：约4500台；宇立仪器：约4500台",  # a tie names no winner
        "坤维科技：约4500台；宇立仪器：约30%",  # units differ
        "坤维科技：约4500台；第2问：资料中没有找到答案",  # one name has no amount
    ],
)
def test_no_verdict_when_the_amounts_cannot_be_compared(text: str) -> None:
    finding = _finding(text)
    assert verdict(finding, _names("坤维科技", "宇立仪器"), "更大") is None
    assert with_verdict(finding, _names("坤维科技", "宇立仪器"), "更大") == finding


def _part(question: str) -> Part:
    return parse_question(question, lambda _text, _taken: []).parts[0]


def test_amounts_given_respectively_are_read_for_the_year_asked() -> None:
    text = (
        "坤维科技和宇立仪器的出货量分别由2023年的约1800台和约1200台增至2024年的约4500台和约3000台。"
    )
    span = Span("doc", 0, len(text), text)
    after = text.index("宇立仪器")
    assert respective_amounts(span, after, 2, _part("2023年两家的出货量分别是多少？")) == [
        "约1800台",
        "约1200台",
    ]
    # no year asked: the last run, the latest state
    assert respective_amounts(span, after, 2, _part("两家的出货量分别是多少？")) == [
        "约4500台",
        "约3000台",
    ]
    # three names asked: no run of three amounts
    assert respective_amounts(span, after, 3, _part("出货量分别是多少？")) == []


def test_no_respective_amounts_without_respectively() -> None:
    text = "坤维科技出货约4500台，宇立仪器约3000台。"
    span = Span("doc", 0, len(text), text)
    assert respective_amounts(span, 4, 2, _part("出货量分别是多少？")) == []
