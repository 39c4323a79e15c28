"""What the analyses measure, read from data files shipped in the package.

Part of analyze; imports only core. `indicators.toml` defines the dimensions, indicators and
industries; `weights.toml` the default weights, which a user file overrides key by key;
`chain.toml` the cue words of the industry chain; the domain pack of an industry
(`extract/packs/<pack>.toml`, read as data) its component taxonomy. Files are read when a
profile is loaded, never at import.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from industry_atlas.analyze.model import Dimension, Indicator
from industry_atlas.core.errors import ConfigError

DEFAULT_INDUSTRY = "humanoid_robots"


@dataclass(frozen=True, slots=True)
class Industry:
    """An industry the scorecard can compare regions on."""

    id: str
    zh: str
    en: str
    keywords: tuple[str, ...]
    off_topic: tuple[str, ...]  # the other industries' keywords
    product_kinds: tuple[str, ...]
    components: Mapping[str, str]  # word -> component category, longest word first


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words the chain is read with: cues, organization kinds and application scenes."""

    supply_cues: tuple[str, ...]
    supplier_kinds: tuple[str, ...]
    application_cues: tuple[str, ...]
    applications: Mapping[str, str]  # word -> application category, longest word first
    labels: Mapping[str, tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything one analysis run is parameterised by."""

    industry: Industry
    dimensions: tuple[Dimension, ...]
    indicators: tuple[Indicator, ...]
    platform_kinds: tuple[str, ...]
    talent_excluded_kinds: tuple[str, ...]
    vocabulary: Vocabulary


def load_profile(industry: str = DEFAULT_INDUSTRY, weights: Path | None = None) -> Profile:
    """Read the shipped definitions, with `weights` (a TOML file) overriding default weights.

    Raises:
        ConfigError: for an unknown industry, or a weights file that is unreadable, not
            TOML, names an unknown dimension or indicator, or gives a negative weight.
    """
    definitions = _packaged("analyze/indicators.toml")
    merged = _merge_weights(_packaged("analyze/weights.toml"), _user_weights(weights))
    industries = definitions.get("industries", {})
    if industry not in industries:
        known = ", ".join(sorted(industries))
        raise ConfigError(f"unknown industry {industry!r} (Tip: one of {known})")
    dimension_weights, indicator_weights = merged["dimensions"], merged["indicators"]
    return Profile(
        industry=_industry(industry, industries),
        dimensions=tuple(
            Dimension(item["id"], item["zh"], item["en"], dimension_weights[item["id"]])
            for item in definitions["dimensions"]
        ),
        indicators=tuple(
            _indicator(item, indicator_weights[item["id"]]) for item in definitions["indicators"]
        ),
        platform_kinds=tuple(definitions["platform_kinds"]),
        talent_excluded_kinds=tuple(definitions["talent_excluded_kinds"]),
        vocabulary=_vocabulary(_packaged("analyze/chain.toml")),
    )


def _packaged(path: str) -> dict[str, Any]:
    # Resolved from the top-level package so that reading a domain pack as data does not
    # import the extract stage.
    resource = resources.files("industry_atlas").joinpath(*path.split("/"))
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def _user_weights(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the weights file ({error.strerror})") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not a TOML weights file ({error})") from error


def _merge_weights(default: dict[str, Any], user: dict[str, Any]) -> dict[str, dict[str, float]]:
    merged: dict[str, dict[str, float]] = {}
    for table in ("dimensions", "indicators"):
        merged[table] = dict(default[table])
        overrides = user.get(table, {})
        for key, weight in overrides.items():
            if key not in merged[table]:
                known = ", ".join(merged[table])
                raise ConfigError(f"weights: unknown {table[:-1]} {key!r} (Tip: one of {known})")
            if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
                raise ConfigError(f"weights: {table}.{key} must be a number >= 0, not {weight!r}")
            merged[table][key] = float(weight)
    unknown = set(user) - {"dimensions", "indicators"}
    if unknown:
        raise ConfigError(
            f"weights: unknown table {sorted(unknown)[0]!r} (Tip: use [dimensions] and [indicators])"
        )
    return merged


def _indicator(item: Mapping[str, Any], weight: float) -> Indicator:
    return Indicator(
        id=item["id"],
        dimension=item["dimension"],
        zh=item["zh"],
        en=item["en"],
        kind=item["kind"],
        direction=item.get("direction", "higher"),
        weight=weight,
        units=tuple(item.get("units", ())),
        keywords=tuple(item.get("keywords", ())),
    )


def _industry(name: str, industries: Mapping[str, Any]) -> Industry:
    item = industries[name]
    pack = _packaged(f"extract/packs/{item['pack']}.toml")
    own = tuple(item["keywords"])
    others = {
        word for other, entry in industries.items() if other != name for word in entry["keywords"]
    }
    components = {
        word: category for category, words in pack.get("components", {}).items() for word in words
    }
    return Industry(
        id=name,
        zh=item["zh"],
        en=item["en"],
        keywords=own,
        off_topic=tuple(sorted(others - set(own))),
        product_kinds=tuple(item["product_kinds"]),
        components=_longest_first(components),
    )


def _vocabulary(data: Mapping[str, Any]) -> Vocabulary:
    scenes = {
        word: category
        for category, words in data["applications"]["categories"].items()
        for word in words
    }
    return Vocabulary(
        supply_cues=tuple(data["supply"]["cues"]),
        supplier_kinds=tuple(data["supply"]["kinds"]),
        application_cues=tuple(data["applications"]["cues"]),
        applications=_longest_first(scenes),
        labels={key: (zh, en) for key, (zh, en) in data["labels"].items()},
    )


def _longest_first(words: Mapping[str, str]) -> dict[str, str]:
    return dict(sorted(words.items(), key=lambda item: (-len(item[0]), item[0])))
