"""The timeline: policies, releases, financings, foundings and establishments by date.

Part of analyze; imports core, normalize.regions (through places) and analyze. A policy
stated by a `policy_issued` and an `event` fact, or by several documents, is one entry
holding every fact id; an entry's region is the policy's, or where its subject is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from industry_atlas.analyze.model import TimelineEntry, date_key
from industry_atlas.analyze.places import Places
from industry_atlas.analyze.snapshot import Snapshot, read_snapshot
from industry_atlas.core.allocation import collector_paused
from industry_atlas.core.errors import ConfigError
from industry_atlas.core.models import FactKind, PartialDate, Region, StoredFact
from industry_atlas.core.protocols import KnowledgeReader

KINDS = ("policy", "release", "financing", "founding", "establishment", "other")
_EVENT_KINDS = {"policy_issue": "policy"}
_RECURRING = ("financing", "other")


@dataclass(frozen=True, slots=True)
class TimelineOptions:
    """Which entries: in a region (by name; None: all) and of a kind (None: all)."""

    region: str | None = None
    kind: str | None = None


@collector_paused()
def build_timeline(store: KnowledgeReader, options: TimelineOptions) -> tuple[TimelineEntry, ...]:
    """Return the dated happenings of the knowledge base, oldest first (undated last).

    Raises:
        ConfigError: for an unknown kind or region name.
    """
    if options.kind is not None and options.kind not in KINDS:
        raise ConfigError(f"unknown kind {options.kind!r} (Tip: one of {', '.join(KINDS)})")
    return timeline_of(read_snapshot(store), options)


def timeline_of(snapshot: Snapshot, options: TimelineOptions) -> tuple[TimelineEntry, ...]:
    """Compute the timeline of a snapshot already read."""
    places = Places(snapshot.located)
    within = _region(places, options.region)
    entries: dict[tuple[str, str], list[TimelineEntry]] = {}
    for stored, kind in _happenings(snapshot):
        if options.kind is not None and kind != options.kind:
            continue
        region = _where(stored, kind, places)
        if within is not None and (region is None or not places.contains(within, region)):
            continue
        same = entries.setdefault((kind, stored.fact.subject), [])
        _add(same, _entry(stored, kind, region, places))
    return tuple(sorted((e for group in entries.values() for e in group), key=_order))


def _add(same: list[TimelineEntry], entry: TimelineEntry) -> None:
    """Merge `entry` into an entry of the same subject and kind whose date it may share
    (2024-09 and 2024-09-10; a recurring kind only on the very date), else append it."""
    for index, old in enumerate(same):
        if _may_share(old, entry):
            same[index] = _merge(old, entry)
            return
    same.append(entry)


def _may_share(old: TimelineEntry, new: TimelineEntry) -> bool:
    if old.kind in _RECURRING or old.date is None or new.date is None:
        return old.date == new.date
    short, long = sorted((str(old.date), str(new.date)), key=len)
    return long.startswith(short)


def _happenings(snapshot: Snapshot) -> Iterable[tuple[StoredFact, str]]:
    for stored in snapshot.of(FactKind.POLICY_ISSUED):
        yield stored, "policy"
    for stored in snapshot.of(FactKind.EVENT):
        predicate = stored.fact.predicate
        kind = _EVENT_KINDS.get(predicate, predicate)
        yield stored, kind if kind in KINDS else "other"


def _region(places: Places, name: str | None) -> Region | None:
    if name is None:
        return None
    region = places.resolve(name)
    if region is None:
        raise ConfigError(f"unknown region {name!r} (Tip: e.g. 北京, 上海市 or 上海市浦东新区)")
    return region


def _where(stored: StoredFact, kind: str, places: Places) -> Region | None:
    if stored.fact.kind is FactKind.POLICY_ISSUED:
        return places.region_of_fact(stored)
    located = places.located(stored.fact.subject)
    if located is None and kind == "policy":
        return places.resolve(stored.fact.subject)
    return located.region if located is not None else None


def _entry(stored: StoredFact, kind: str, region: Region | None, places: Places) -> TimelineEntry:
    fact = stored.fact
    detail = fact.qualifiers.get("detail") or fact.object or ""
    name = places.full_name(region) if region is not None else None
    return TimelineEntry(fact.time, kind, fact.subject, detail, name, (stored.fact_id,))


def _merge(old: TimelineEntry, new: TimelineEntry) -> TimelineEntry:
    dates = [date for date in (old.date, new.date) if date is not None]
    return TimelineEntry(
        max(dates, key=lambda date: len(str(date))) if dates else None,
        old.kind,
        old.subject,
        old.detail if len(old.detail) >= len(new.detail) else new.detail,
        old.region or new.region,
        tuple(dict.fromkeys(old.fact_ids + new.fact_ids)),
    )


def _order(entry: TimelineEntry) -> tuple[int, tuple[int, int, int], str]:
    date: PartialDate | None = entry.date
    return (0 if date else 1, date_key(date) if date else (0, 0, 0), entry.subject)
