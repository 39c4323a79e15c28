"""Domain packs: industry knowledge read from TOML files, not written in code.

Part of extract; imports only core. `packs/common.toml` holds how Chinese news names
organizations, titles, policies and speech; one file per industry (humanoid_robots,
large_models) adds makers, products and the component taxonomy. A user adds an industry
by adding a file; `load_packs()` reads every file in the folder once.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from industry_atlas.core.errors import ConfigError


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """A maker or product the packs know, with where it comes from."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    pack: str
    city: str | None = None
    maker: str | None = None


@dataclass(frozen=True, slots=True)
class DomainKnowledge:
    """Everything the rule extractor knows beyond the text, merged from all packs."""

    org_suffixes: dict[str, str]  # suffix -> organization kind
    name_stops: frozenset[str]
    generic_name_words: frozenset[str]
    titles: tuple[str, ...]  # longest first
    surnames: frozenset[str]
    compound_surnames: tuple[str, ...]
    policy_keywords: tuple[str, ...]
    publication_words: tuple[str, ...]
    national_issuers: tuple[str, ...]
    issue_verbs: tuple[str, ...]
    release_verbs: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    makers: tuple[KnownEntity, ...]  # makers, institutions and media
    products: tuple[KnownEntity, ...]
    components: dict[str, str]  # word -> component category
    product_nouns: dict[str, str] = field(default_factory=dict)  # noun -> industry pack
    # the last characters of organization suffixes: a word ending otherwise is no name
    org_suffix_ends: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_packs() -> DomainKnowledge:
    """Read and merge every pack in industry_atlas/extract/packs/.

    Raises:
        ConfigError: naming the pack file that is not valid TOML.
    """
    folder = resources.files("industry_atlas.extract") / "packs"
    packs = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".toml"):
            try:
                packs[entry.name] = tomllib.loads(entry.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as error:
                raise ConfigError(f"domain pack {entry.name}: {error}") from error
    common = packs.pop("common.toml", {})
    industries = list(packs.values())
    org_suffixes = _suffix_kinds(common.get("org_suffixes", {}))
    return DomainKnowledge(
        org_suffixes=org_suffixes,
        org_suffix_ends=frozenset(suffix[-1] for suffix in org_suffixes),
        name_stops=frozenset(common.get("name_stops", [])),
        generic_name_words=frozenset(common.get("generic_name_words", [])),
        titles=_longest_first(common.get("titles", [])),
        surnames=frozenset(common.get("surnames", "")),
        compound_surnames=tuple(common.get("compound_surnames", [])),
        policy_keywords=_longest_first(common.get("policy_keywords", [])),
        publication_words=tuple(common.get("publication_words", [])),
        national_issuers=_longest_first(common.get("national_issuers", [])),
        issue_verbs=_longest_first(common.get("issue_verbs", [])),
        release_verbs=_longest_first(common.get("release_verbs", [])),
        speech_verbs=_longest_first(common.get("speech_verbs", [])),
        makers=tuple(_known(item, pack) for pack in industries for item in pack.get("makers", []))
        + tuple(
            KnownEntity(name, (), kind, pack.get("name", ""))
            for pack in (*industries, common)
            for kind, names in pack.get("known_organizations", {}).items()
            for name in names
        )
        + tuple(_known(item, common) for item in common.get("makers", [])),
        products=tuple(
            _known(item, pack) for pack in industries for item in pack.get("products", [])
        ),
        components={
            word: category
            for pack in industries
            for category, words in pack.get("components", {}).items()
            for word in words
        },
        product_nouns={
            noun: pack["name"] for pack in industries for noun in pack.get("product_nouns", [])
        },
    )


def _suffix_kinds(table: dict[str, Any]) -> dict[str, str]:
    return {suffix: kind for kind, suffixes in table.items() for suffix in suffixes}


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


def _known(item: dict[str, Any], pack: dict[str, Any]) -> KnownEntity:
    return KnownEntity(
        name=item["name"],
        aliases=tuple(item.get("aliases", [])),
        kind=item.get("kind", "company"),
        pack=pack.get("name", ""),
        city=item.get("city"),
        maker=item.get("maker"),
    )
