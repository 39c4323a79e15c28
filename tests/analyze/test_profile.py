"""Dimension weights: shipped defaults and a user file overriding them."""

from __future__ import annotations

from pathlib import Path

import pytest

from industry_atlas.analyze.profile import load_profile
from industry_atlas.core.errors import ConfigError


def test_default_profile_has_the_six_dimensions_of_the_design() -> None:
    profile = load_profile()
    assert [d.zh for d in profile.dimensions] == [
        "政策",
        "产业基础",
        "企业与产品",
        "供应链",
        "创新平台",
        "人才",
    ]
    assert profile.industry.components["谐波减速器"] == "减速器"


def test_user_weights_override_only_the_keys_they_name(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text("[dimensions]\ntalent = 3\n[indicators]\nproducts = 0.25\n")
    profile = load_profile(weights=path)
    weights = {d.id: d.weight for d in profile.dimensions}
    assert weights["talent"] == 3 and weights["policy"] == load_profile().dimensions[0].weight
    assert next(i for i in profile.indicators if i.id == "products").weight == 0.25


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[dimensions]\npolicy = -1\n", "must be a number >= 0"),
        ("[indicators]\nwealth = 1\n", "unknown indicator 'wealth'"),
        ("[extra]\nx = 1\n", "unknown table 'extra'"),
        ("policy = ", "not a TOML weights file"),
    ],
)
def test_bad_weights_are_config_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "w.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_profile(weights=path)


def test_unknown_industry_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown industry 'fintech'"):
        load_profile("fintech")
