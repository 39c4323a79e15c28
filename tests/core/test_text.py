"""core.text: width folding and literal search shared by the stages."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from industry_atlas.core.text import find_all, fold_width

# A small alphabet, so that needles recur and overlap ("啊啊" in "啊啊啊").
_TEXT = st.text(alphabet="啊吧ab。", max_size=40)


@given(_TEXT, _TEXT.filter(bool))
def test_find_all_finds_what_a_literal_pattern_finds(text: str, needle: str) -> None:
    expected = [match.span() for match in re.finditer(re.escape(needle), text)]
    assert list(find_all(text, needle)) == expected


def test_find_all_takes_occurrences_left_to_right_without_overlap() -> None:
    assert list(find_all("优必选优必选优", "优必选")) == [(0, 3), (3, 6)]
    assert list(find_all("啊啊啊", "啊啊")) == [(0, 2)]
    assert list(find_all("小米集团", "")) == []


def test_fold_width_keeps_length_and_chinese_punctuation() -> None:
    assert fold_width("Ｇ２，（１）") == "G2，（1）"
