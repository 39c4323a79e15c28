"""Read and check gold-annotation files (one JSON object per document, SCHEMA.md).

Part of evaluate; imports only core.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from industry_atlas.core.errors import ConfigError
from industry_atlas.core.models import Extraction, Fact, FactKind, MentionType

SECTIONS = (
    "policies",
    "organizations",
    "products",
    "persons",
    "metrics",
    "events",
    "count_claims",
)
_REQUIRED = {
    "policies": ("title",),
    "organizations": ("name",),
    "products": ("name",),
    "persons": ("name",),
    "metrics": ("subject", "value", "unit"),
    "events": ("type",),
    "count_claims": ("claimed", "items"),
}

GoldDocument = dict[str, Any]


def load_gold(path: Path) -> GoldDocument:
    """Load and check a gold (or predicted) file.

    Raises:
        ConfigError: naming the file and what is wrong with it.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ConfigError(f"{path}: not a readable JSON gold file ({error})") from error
    return validate_gold(data, str(path))


def validate_gold(data: Any, source: str) -> GoldDocument:
    """Check the shape of a gold document; missing sections count as empty.

    Raises:
        ConfigError: naming `source` and the first problem found.
    """
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: a gold file holds one JSON object")
    for section in SECTIONS:
        items = data.setdefault(section, [])
        if not isinstance(items, list):
            raise ConfigError(f"{source}: '{section}' must be a list")
        for index, item in enumerate(items):
            missing = [
                key for key in _REQUIRED[section] if not isinstance(item, dict) or key not in item
            ]
            if missing:
                raise ConfigError(f"{source}: {section}[{index}] lacks {', '.join(missing)}")
    return data


def to_gold_json(extraction: Extraction, doc_id: str | None = None) -> GoldDocument:
    """Project an extraction onto the gold-annotation schema (SCHEMA.md).

    Only what the text itself states goes in: a city known only from a domain pack is
    left out, as an annotator would leave it out.
    """
    facts = extraction.facts
    return {
        "id": doc_id or extraction.document.doc_id,
        "url": None,
        "published": str(extraction.published) if extraction.published else None,
        "policies": [_policy(fact) for fact in _of(facts, FactKind.POLICY_ISSUED)],
        "organizations": _organizations(extraction),
        "products": _products(extraction),
        "persons": _persons(extraction),
        "metrics": [_metric(fact) for fact in _of(facts, FactKind.METRIC)],
        "events": [_event(fact) for fact in _of(facts, FactKind.EVENT)],
        "count_claims": [_count_claim(fact) for fact in _of(facts, FactKind.COUNT_CLAIM)],
        "quotes": [_quote(fact) for fact in _of(facts, FactKind.QUOTE)],
        "questions": [],
    }


def _of(facts: tuple[Fact, ...], kind: FactKind) -> list[Fact]:
    return [fact for fact in facts if fact.kind == kind]


def _date(fact: Fact) -> str | None:
    return str(fact.time) if fact.time else None


def _policy(fact: Fact) -> dict[str, Any]:
    return {
        "title": fact.subject,
        "issuer": fact.object,
        "region": fact.qualifiers.get("region"),
        "date": _date(fact),
        "period": fact.qualifiers.get("period"),
    }


def _cities(extraction: Extraction) -> dict[str, str]:
    return {
        fact.subject: fact.object or ""
        for fact in _of(extraction.facts, FactKind.LOCATED_IN)
        if fact.qualifiers.get("basis") != "lexicon"
    }


def _organizations(extraction: Extraction) -> list[dict[str, Any]]:
    cities = _cities(extraction)
    return [
        {
            "name": entity.name,
            "aliases": list(entity.aliases),
            "kind": entity.attrs.get("kind"),
            "city": cities.get(entity.name) or None,
        }
        for entity in extraction.entities
        if entity.type == MentionType.ORG
    ]


def _products(extraction: Extraction) -> list[dict[str, Any]]:
    cities = _cities(extraction)
    makers = {fact.object: fact for fact in _of(extraction.facts, FactKind.MAKES)}
    products = []
    for entity in extraction.entities:
        if entity.type != MentionType.PRODUCT:
            continue
        made = makers.get(entity.name)
        products.append(
            {
                "name": entity.name,
                "aliases": list(entity.aliases),
                "maker": made.subject if made else None,
                "kind": entity.attrs.get("kind"),
                "date": _date(made) if made else None,
                "city": cities.get(entity.name) or None,
            }
        )
    return products


def _persons(extraction: Extraction) -> list[dict[str, Any]]:
    persons: dict[str, dict[str, Any]] = {
        entity.name: {"name": entity.name, "titles": [], "org": None}
        for entity in extraction.entities
        if entity.type == MentionType.PERSON
    }
    for fact in _of(extraction.facts, FactKind.HOLDS_TITLE):
        person = persons.setdefault(fact.subject, {"name": fact.subject, "titles": [], "org": None})
        if fact.predicate not in person["titles"]:
            person["titles"].append(fact.predicate)
        if fact.object and (person["org"] is None or fact.qualifiers.get("primary") == "yes"):
            person["org"] = fact.object
    return list(persons.values())


def _metric(fact: Fact) -> dict[str, Any]:
    quantity = fact.quantity
    assert quantity is not None
    value = quantity.value
    return {
        "subject": fact.subject,
        "indicator": fact.predicate,
        "value": int(value) if value == value.to_integral_value() else float(value),
        "unit": quantity.unit,
        "time": fact.qualifiers.get("time_text") or _date(fact),
        "qualifier": quantity.qualifier.value,
    }


def _event(fact: Fact) -> dict[str, Any]:
    return {
        "type": fact.predicate,
        "date": _date(fact),
        "subject": fact.subject,
        "detail": fact.qualifiers.get("detail", ""),
    }


def _count_claim(fact: Fact) -> dict[str, Any]:
    quantity = fact.quantity
    items = fact.qualifiers.get("items", "")
    return {
        "claim": fact.subject,
        "claimed": int(quantity.value) if quantity else None,
        "enumerated": int(fact.qualifiers.get("enumerated", "0")),
        "items": items.split("|") if items else [],
    }


def _quote(fact: Fact) -> dict[str, Any]:
    return {"speaker": fact.subject, "text": fact.object}
