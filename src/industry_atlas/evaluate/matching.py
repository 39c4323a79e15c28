"""How a predicted item is paired with a gold item, section by section.

Part of evaluate; imports only core. Names are compared after light normalization
(width, quotes, dashes, spaces); an item also matches through its aliases. Metrics pair
on subject (any name the gold file gives that organization) + value + unit, events on type + date with the closest description, count
claims on their enumerated items. Each section also names the attributes whose accuracy
is reported on matched pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz

from industry_atlas.normalize.numbers import UNITS

Item = dict[str, Any]

_DASHES = re.compile("[—–－―‐-]+")
_DROP = re.compile(r"[\s《》“”\"'‘’「」『』·•]")
_ADMIN_SUFFIX = re.compile("(?:特别行政区|自治区|省|市)$")


def norm(value: Any) -> str:
    """Normalize a name or title for comparison."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = _DROP.sub("", text)
    return _DASHES.sub("-", text).lower()


def unit_norm(value: Any) -> str:
    """Normalize a unit as the extractor writes it: N·m and 牛·米, P and PFLOPS, 新台币元
    and 新台币 compare equal."""
    unit = str(value or "")
    return norm(UNITS.get(unit, unit))


_NATIONAL = frozenset({"全国", "中国", "我国", "国内", "国家"})


def region_norm(value: Any) -> str:
    """Normalize a place name so that 上海 and 上海市 compare equal (and 全国 and 中国)."""
    text = norm(value)
    if text in _NATIONAL:
        return "全国"
    return _ADMIN_SUFFIX.sub("", text) if len(text) > 2 else text


def _names(item: Item, field: str = "name") -> set[str]:
    names = {norm(item.get(field))}
    names.update(norm(alias) for alias in item.get("aliases") or [])
    return names - {""}


def _same_name(pred: Item, gold: Item, canon: Canon) -> float:
    return (
        1.0
        if norm(pred.get("name")) in _names(gold) or norm(gold.get("name")) in _names(pred)
        else 0.0
    )


def _same_title(pred: Item, gold: Item, canon: Canon) -> float:
    left, right = norm(pred.get("title")), norm(gold.get("title"))
    if left == right:
        return 1.0
    return 0.9 if fuzz.ratio(left, right) >= 92 else 0.0


def _same_metric(pred: Item, gold: Item, canon: Canon) -> float:
    if unit_norm(pred.get("unit")) != unit_norm(gold.get("unit")) or not _same_number(
        pred.get("value"), gold.get("value")
    ):
        return 0.0
    subject, gold_subject = pred.get("subject"), gold.get("subject")
    if not _same_subject(subject, gold_subject) and not _same_entity(subject, gold_subject, canon):
        return 0.0
    return 0.5 + fuzz.partial_ratio(norm(pred.get("indicator")), norm(gold.get("indicator"))) / 200


def _same_event(pred: Item, gold: Item, canon: Canon) -> float:
    if pred.get("type") != gold.get("type") or str(pred.get("date")) != str(gold.get("date")):
        return 0.0
    left = norm(pred.get("subject")) + norm(pred.get("detail"))
    right = norm(gold.get("subject")) + norm(gold.get("detail"))
    similarity = fuzz.partial_ratio(norm(pred.get("subject")), right) / 100
    return similarity if similarity >= 0.6 or fuzz.partial_ratio(left, right) >= 60 else 0.0


def _same_claim(pred: Item, gold: Item, canon: Canon) -> float:
    left = {norm(item) for item in pred.get("items") or []}
    right = {norm(item) for item in gold.get("items") or []}
    overlap = sum(1 for item in left if any(item in other or other in item for other in right))
    union = len(left) + len(right) - overlap
    jaccard = overlap / union if union else 0.0
    return jaccard if jaccard >= 0.5 else 0.0


def _same_number(left: Any, right: Any) -> bool:
    try:
        a, b = float(left), float(right)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _same_subject(left: Any, right: Any) -> bool:
    a, b = region_norm(left), region_norm(right)
    return bool(a and b) and (
        a == b or (min(len(a), len(b)) >= 2 and (a.endswith(b) or b.endswith(a)))
    )


def _same_entity(left: Any, right: Any, canon: Canon) -> bool:
    """Two names the gold file lists as one organization's (经开区管委会 / 北京经济技术开发区)."""
    return bool(norm(left) and norm(right)) and canon.declared(left) == canon.declared(right)


class _AliasSets:
    """Union-find over names: every name of one organization leads to the same key."""

    def __init__(self, organizations: list[Item]) -> None:
        self._parent: dict[str, str] = {}
        for org in organizations:
            names = sorted(_names(org))
            for name in names[1:]:
                self._union(names[0], name)

    def find(self, name: str) -> str:
        while self._parent.get(name, name) != name:
            name = self._parent[name]
        return name

    def _union(self, left: str, right: str) -> None:
        a, b = self.find(left), self.find(right)
        if a != b:
            self._parent[max(a, b)] = min(a, b)


class Canon:
    """Maps an organization name or any of its aliases to one comparison key.

    Built from the gold file's organizations and the prediction's, so a prediction naming
    小米 where the gold says 小米集团 (alias 小米) still agrees on a maker or an employer.
    `declared` uses the gold file's alone: a metric's subject may be written as any name
    the gold gives its organization, but a prediction cannot join two subjects by listing
    one as the other's alias.
    """

    def __init__(self, gold: list[Item], predicted: list[Item]) -> None:
        self._any = _AliasSets(gold + predicted)
        self._gold = _AliasSets(gold)

    def __call__(self, value: Any) -> str:
        return self._any.find(norm(value))

    def declared(self, value: Any) -> str:
        return self._gold.find(norm(value))


def _titles(values: Any) -> set[str]:
    return {norm(value) for value in values or []}


def attribute_agrees(kind: str, pred: Any, gold: Any, canon: Canon) -> bool:
    """Compare one attribute of a matched pair by its kind of value."""
    if kind == "region":
        return region_norm(pred) == region_norm(gold)
    if kind == "entity":
        return canon(pred) == canon(gold)
    if kind == "set":
        return _titles(pred) == _titles(gold)
    if kind == "text":
        return fuzz.partial_ratio(norm(pred), norm(gold)) >= 60
    return norm(pred) == norm(gold)


Pairing = Callable[[Item, Item, "Canon"], float]

# section -> (pairing score of a candidate pair (0 = no match), {attribute: kind of value})
SECTION_RULES: dict[str, tuple[Pairing, dict[str, str]]] = {
    "policies": (
        _same_title,
        {"issuer": "entity", "region": "region", "date": "exact", "period": "exact"},
    ),
    "organizations": (_same_name, {"kind": "exact", "city": "region"}),
    "products": (
        _same_name,
        {"maker": "entity", "kind": "exact", "date": "exact", "city": "region"},
    ),
    "persons": (_same_name, {"titles": "set", "org": "entity"}),
    "metrics": (_same_metric, {"indicator": "text", "time": "exact", "qualifier": "exact"}),
    "events": (_same_event, {}),
    "count_claims": (_same_claim, {"claimed": "exact", "enumerated": "exact"}),
}
