"""Turn what a user typed into what the store filters on: a region name into its code, an
entity id or name into all the names it goes by.

Part of web. Regions resolve through the GB/T 2260 hierarchy as in the analyses
(北京 -> 北京市, 浦东 -> 上海市浦东新区); an unknown region is an error, not an empty list.
"""

from __future__ import annotations

from industry_atlas.analyze.places import Places
from industry_atlas.core.errors import ConfigError
from industry_atlas.store.browse import FactQuery, SqliteBrowser


def fact_query(
    reader: SqliteBrowser,
    kind: str | None = None,
    region: str | None = None,
    entity: str | None = None,
    doc_id: str | None = None,
) -> FactQuery:
    """Return the store's filter for facts of `kind`, placed in `region`, about `entity`.

    Raises:
        ConfigError: if `region` names no known region.
    """
    code = name = None
    if region:
        places = Places(())
        found = places.resolve(region.strip())
        if found is None:
            raise ConfigError(
                f"unknown region {region.strip()!r} (Tip: write a province, city or district, e.g. 北京 or 上海市浦东新区)"
            )
        code, name = found.code, places.full_name(found)
    names = entity_names(reader, entity) if entity else ()
    return FactQuery(kind=kind, region_code=code, region_name=name, names=names, doc_id=doc_id)


def entity_names(reader: SqliteBrowser, ref: str) -> tuple[str, ...]:
    """Return the name and aliases of the entity with id `ref`, else of the entities one
    of whose names is `ref`, else `ref` itself."""
    stored = reader.entity(ref)
    entities = [stored.entity] if stored is not None else reader.entities_named([ref])
    names = {name for entity in entities for name in (entity.name, *entity.aliases)}
    return tuple(sorted(names)) or (ref,)
