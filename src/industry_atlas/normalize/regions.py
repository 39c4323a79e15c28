"""Chinese administrative regions (GB/T 2260) and the names text uses for them.

Part of normalize; imports only core. The data (data/regions.tsv, data/region_aliases.tsv)
is read once, on first use. A name resolves to one region when it is unambiguous:
朝阳 (a district of both 北京 and 长春) does not resolve alone, 北京朝阳 does.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick

from industry_atlas.core.models import Region

NATIONAL = Region("000000", "全国", "country", None)

# Regions spanning several provinces, which analysts compare like cities ("珠三角营收约54
# 亿元"): no administrative code, so they are named, not looked up. Name -> other forms.
_REGION_GROUPS = {
    "长三角": ("长江三角洲",),
    "珠三角": ("珠江三角洲",),
    "京津冀": (),
    "粤港澳大湾区": (),
    "成渝地区": (),
}
_GROUP_NAMES = {form: name for name, forms in _REGION_GROUPS.items() for form in (name, *forms)}
REGION_GROUP = re.compile("|".join(sorted(_GROUP_NAMES, key=len, reverse=True)))


def region_group(surface: str) -> str | None:
    """The name of the region group `surface` writes (长江三角洲 -> 长三角), if any."""
    return _GROUP_NAMES.get(surface)


def region_group_forms(name: str) -> tuple[str, ...]:
    """Every way of writing the region group `name`."""
    return (name, *_REGION_GROUPS.get(name, ()))


_MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})


@dataclass(frozen=True, slots=True)
class RegionMatch:
    """A place name found in a text."""

    start: int
    end: int
    region: Region


class RegionIndex:
    """Lookup of regions by code and by the names texts use."""

    def __init__(
        self,
        regions: list[tuple[Region, str]],
        aliases: dict[str, str],
        abbreviations: dict[str, str],
    ) -> None:
        """Index `regions` (each with its short name, "" if none) and the extra names."""
        self._by_code = {region.code: region for region, _ in regions}
        names: dict[str, set[str]] = defaultdict(set)
        for region, _ in regions:
            names[region.name].add(region.code)
        full_names = set(names)
        for region, short in regions:
            # District short names (朝阳, 光明, 长安) are too often ordinary words or
            # ambiguous; the well-known ones are listed in region_aliases.tsv instead.
            if short and short not in full_names and region.level in {"province", "city"}:
                names[short].add(region.code)
        for alias, code in aliases.items():
            names[alias] = {code}
        self._names = dict(names)
        self._aliases = aliases
        self._abbreviations = abbreviations
        self._matcher: ahocorasick.Automaton | None = None

    def by_code(self, code: str) -> Region | None:
        """Return the region with this code."""
        return self._by_code.get(code)

    def other_names(self, alias: str) -> tuple[str, ...]:
        """Return the other names listed for the place an alias names (北京经开区: 北京经济
        技术开发区, 北京亦庄): aliases of its region sharing two of its characters, which
        leaves out other zones of the same district (张江 and 临港 are both 浦东)."""
        code = self._aliases.get(alias)
        return tuple(
            other
            for other, other_code in self._aliases.items()
            if other_code == code and other != alias and len(set(other) & set(alias)) >= 2
        )

    def lookup(self, name: str) -> Region | None:
        """Return the region a name stands for, if the name is unambiguous."""
        codes = self._names.get(name)
        if codes is None or len(codes) != 1:
            return None
        return self._by_code[next(iter(codes))]

    def abbreviation(self, char: str) -> Region | None:
        """Return the region of a one-character abbreviation (沪 -> 上海市)."""
        code = self._abbreviations.get(char)
        return self._by_code.get(code) if code else None

    def find(self, text: str) -> list[RegionMatch]:
        """Return the place names in `text`, longest first where names overlap."""
        found: list[RegionMatch] = []
        for end, name in self._automaton().iter(text):
            start = end - len(name) + 1
            region = self.lookup(name)
            if region is not None:
                found.append(RegionMatch(start, end + 1, region))
        found.sort(key=lambda match: (match.start, -(match.end - match.start)))
        kept: list[RegionMatch] = []
        for match in found:
            if not kept or match.start >= kept[-1].end:
                kept.append(match)
        return kept

    def full_name(self, region: Region) -> str:
        """Return the name analysts write: a district with its city (上海市浦东新区)."""
        if region.level != "district":
            return region.name
        city = self.city_of(region)
        return region.name if city is None or city.code == region.code else city.name + region.name

    def _automaton(self) -> ahocorasick.Automaton:
        if self._matcher is None:
            automaton = ahocorasick.Automaton()
            for name, codes in self._names.items():
                if len(codes) == 1 and len(name) >= 2:
                    automaton.add_word(name, name)
            automaton.make_automaton()
            self._matcher = automaton
        return self._matcher

    def parent(self, region: Region) -> Region | None:
        """Return the region one level up."""
        return self._by_code.get(region.parent_code) if region.parent_code else None

    def city_of(self, region: Region) -> Region | None:
        """Return the city a region belongs to (a municipality is its own city)."""
        current: Region | None = region
        while current is not None:
            if current.level == "city" or current.code in _MUNICIPALITIES:
                return current
            current = self.parent(current)
        return None

    def contains(self, outer: Region, inner: Region) -> bool:
        """True when `inner` is `outer` or lies inside it."""
        current: Region | None = inner
        while current is not None:
            if current.code == outer.code:
                return True
            current = self.parent(current)
        return outer.code == NATIONAL.code


@lru_cache(maxsize=1)
def region_index() -> RegionIndex:
    """Return the region index, loading the data files on first use."""
    data = resources.files("industry_atlas.normalize") / "data"
    regions = []
    for row in _rows((data / "regions.tsv").read_text(encoding="utf-8")):
        region = Region(row["code"], row["name"], row["level"], row["parent_code"] or None)
        regions.append((region, row["short"]))
    aliases, abbreviations = {}, {}
    for row in _rows((data / "region_aliases.tsv").read_text(encoding="utf-8")):
        (aliases if row["use"] == "name" else abbreviations)[row["alias"]] = row["code"]
    return RegionIndex(regions, aliases, abbreviations)


def _rows(text: str) -> Iterator[dict[str, str]]:
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    yield from csv.DictReader(lines, delimiter="\t")
