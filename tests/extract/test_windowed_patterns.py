"""Patterns tried only in windows find exactly what scanning the whole text finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from industry_atlas.extract.rules import counts

# the characters the appositive pattern and its windows turn on, and filler between them
APPOSITIVE_ALPHABET = st.sampled_from(
    list("北京上海深圳合肥杭州苏州这等、，。的在—三两十2024个座家大类项种款地城省市 和与")
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=APPOSITIVE_ALPHABET, max_size=300))
def test_appositive_windows_match_a_full_scan(text: str) -> None:
    full = [match.group(0, "items", "count") for match in counts._APPOSITIVE.finditer(text)]
    windowed = [match.group(0, "items", "count") for match in counts._appositives(text)]
    assert windowed == full


def test_appositive_windows_reach_a_long_enumeration() -> None:
    items = "、".join(f"城市{chr(0x4E00 + n)}" * 2 for n in range(20))
    text = f"报告称，{items}这二十个城市入选。"
    windowed = [match.group(0) for match in counts._appositives(text)]
    assert windowed == [match.group(0) for match in counts._APPOSITIVE.finditer(text)]
    assert windowed and windowed[0].startswith("城市")
