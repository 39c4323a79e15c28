"""`industry-atlas facts` and `industry-atlas entities`: what the knowledge base knows."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from industry_atlas.cli.common import DbOption, JsonOption, open_store, print_json, stdout
from industry_atlas.cli.extract import _fact_json
from industry_atlas.core.models import FactKind, MentionType


def facts(
    kind: Annotated[
        FactKind | None,
        typer.Option("--type", help="Only facts of this kind.", case_sensitive=False),
    ] = None,
    doc: Annotated[
        str | None,
        typer.Option("--doc", help="Only facts of this document (id or prefix).", metavar="DOC"),
    ] = None,
    subject: Annotated[
        str | None, typer.Option("--subject", help="Only facts about this subject.", metavar="NAME")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.", min=1)] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List stored facts with their evidence (the exact text each one rests on).

    Example: industry-atlas facts --type metric --subject 北京市 --db kb.sqlite
    """
    with open_store(db) as store:
        doc_id = store.get_document(doc).doc_id if doc else None
        rows = store.facts(kind.value if kind else None, doc_id, subject, limit)
    if as_json:
        print_json(
            [{"id": row.fact_id, "doc_id": row.doc_id, **_fact_json(row.fact)} for row in rows]
        )
        return
    table = Table("kind", "subject", "predicate", "object / value", "time", "evidence")
    for row in rows:
        fact = row.fact
        value = (
            f"{fact.quantity.qualifier.value if fact.quantity.qualifier.value != '=' else ''}{fact.quantity.value} {fact.quantity.unit}"
            if fact.quantity
            else (fact.object or "")
        )
        table.add_row(
            fact.kind.value,
            Text(fact.subject),
            Text(fact.predicate),
            Text(value),
            str(fact.time or ""),
            Text(" … ".join(span.quote for span in fact.evidence)[:80]),
        )
    stdout.print(table)
    stdout.print(f"{len(rows)} facts")


def entities(
    kind: Annotated[
        MentionType | None,
        typer.Option("--type", help="Only entities of this type.", case_sensitive=False),
    ] = None,
    query: Annotated[
        str | None,
        typer.Option(
            "--q", help="Only entities whose name or alias contains this.", metavar="TEXT"
        ),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the entities (organizations, people, products, policies) across documents,
    each with its aliases and how often it is mentioned.

    Example: industry-atlas entities --type org --db kb.sqlite
    """
    with open_store(db) as store:
        rows = store.entities(kind.value if kind else None, query)
    if as_json:
        print_json(
            [
                {
                    "id": row.entity.entity_id,
                    "type": row.entity.type.value,
                    "name": row.entity.name,
                    "aliases": list(row.entity.aliases),
                    "attrs": dict(row.entity.attrs),
                    "mentions": row.mention_count,
                    "documents": row.document_count,
                }
                for row in rows
            ]
        )
        return
    table = Table("type", "name", "aliases", "kind", "mentions", "documents")
    for row in rows:
        entity = row.entity
        table.add_row(
            entity.type.value,
            Text(entity.name),
            Text("、".join(entity.aliases)),
            entity.attrs.get("kind", ""),
            str(row.mention_count),
            str(row.document_count),
        )
    stdout.print(table)
    stdout.print(f"{len(rows)} entities")
