from __future__ import annotations

from industry_atlas.normalize.script import to_simplified


def test_traditional_text_is_simplified_with_offsets_kept() -> None:
    original = "上海開普勒探索機器人推出的先行者系列，落戶浦東。"
    converted = to_simplified(original)
    assert converted.text == "上海开普勒探索机器人推出的先行者系列，落户浦东。"
    assert converted.was_traditional
    start = converted.text.index("先行者")
    assert original[converted.offset_map.to_original(start)] == "先"


def test_simplified_text_is_left_alone() -> None:
    converted = to_simplified("智谱AI发布新一代基座大模型GLM-4")
    assert not converted.was_traditional
    assert converted.offset_map.is_identity


def test_a_simplified_text_keeps_its_variant_characters() -> None:
    text = "湖南昇腾人工智能创新中心二期项目投资12亿元，由华为与长沙市合作建设。"
    converted = to_simplified(text)
    assert converted.text == text
    assert not converted.was_traditional
