from __future__ import annotations

import pytest

from industry_atlas.normalize.regions import region_index


@pytest.mark.parametrize(
    ("name", "full", "city"),
    [
        ("北京", "北京市", "北京市"),
        ("浦东", "上海市浦东新区", "上海市"),
        ("徐汇区", "上海市徐汇区", "上海市"),
        ("北京经开区", "北京市大兴区", "北京市"),
        ("杭州", "杭州市", "杭州市"),
        ("滨江", "杭州市滨江区", "杭州市"),
        ("坪山区", "深圳市坪山区", "深圳市"),
    ],
)
def test_names_resolve_to_regions_with_their_city(name: str, full: str, city: str) -> None:
    index = region_index()
    region = index.lookup(name)
    assert region is not None
    assert index.full_name(region) == full
    assert index.full_name(index.city_of(region)) == city  # type: ignore[arg-type]


def test_codes_follow_gb_t_2260() -> None:
    index = region_index()
    assert index.lookup("上海市").code == "310000"  # type: ignore[union-attr]
    assert index.lookup("浦东新区").code == "310115"  # type: ignore[union-attr]


def test_ambiguous_district_names_do_not_resolve_alone() -> None:
    # 鼓楼区 is a district of 南京, 福州, 徐州, 开封 ...; 龙华区 of 深圳 and 海口
    assert region_index().lookup("鼓楼区") is None
    assert region_index().lookup("龙华区") is None


def test_a_province_has_no_city() -> None:
    index = region_index()
    assert index.city_of(index.lookup("广东")) is None  # type: ignore[arg-type]


def test_abbreviations() -> None:
    assert region_index().abbreviation("沪").name == "上海市"  # type: ignore[union-attr]


def test_places_are_found_in_text_longest_first() -> None:
    text = "上海浦东机器人企业超过100家，北京经济技术开发区管理委员会发布计划"
    found = [text[m.start : m.end] for m in region_index().find(text)]
    assert found == ["上海", "浦东", "北京经济技术开发区"]


def test_a_zone_alias_knows_its_other_names_but_not_other_zones_of_its_district() -> None:
    index = region_index()
    assert "北京经济技术开发区" in index.other_names("北京经开区")
    assert "临港新片区" in index.other_names("临港")
    assert index.other_names("张江") == ()  # 临港 is another zone of 浦东


def test_taiwans_cities_and_counties_are_cities_of_the_province() -> None:
    regions = region_index()
    taichung = regions.lookup("台中")
    assert taichung is not None and taichung.name == "台中市" and taichung.level == "city"
    changhua = regions.lookup("彰化县")
    assert changhua is not None and changhua.parent_code == regions.lookup("台湾").code
