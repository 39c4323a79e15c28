"""`industry-atlas timeline`, `chain` and `findings`: what happened when, who supplies whom,
and where the sources disagree."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from industry_atlas.analyze import (
    ChainOptions,
    TimelineOptions,
    build_chain,
    build_findings,
    build_timeline,
)
from industry_atlas.analyze.export import chain_json, findings_json, timeline_json
from industry_atlas.analyze.timeline import KINDS
from industry_atlas.cli.common import DbOption, JsonOption, open_store, print_json, stdout
from industry_atlas.cli.scorecard import MARK, IndustryOption

RegionOption = Annotated[
    str | None,
    typer.Option("--region", help="Only this region (and what lies inside it).", metavar="NAME"),
]


def timeline(
    db: DbOption = None,
    region: RegionOption = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help=f"Only one kind: {'|'.join(KINDS)}.", metavar="KIND"),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List policies, product releases, financings, foundings and establishments by date,
    each once however many sources state it.

    Example: industry-atlas timeline --region 北京 --kind policy --db kb.sqlite
    """
    with open_store(db) as store:
        entries = build_timeline(store, TimelineOptions(region=region, kind=kind))
    if as_json:
        print_json(timeline_json(entries))
        return
    table = Table("date", "kind", "subject", "detail", "region", "sources")
    for entry in entries:
        table.add_row(
            str(entry.date or "—"),
            entry.kind,
            Text(entry.subject),
            Text(entry.detail[:60]),
            Text(entry.region or "—"),
            str(len(entry.fact_ids)),
        )
    stdout.print(table)
    stdout.print(f"{len(entries)} entries")


def chain(
    db: DbOption = None,
    region: RegionOption = None,
    industry: IndustryOption = "humanoid_robots",
    as_json: JsonOption = False,
) -> None:
    """Show the industry chain, upstream components -> robot bodies and models ->
    applications, with the companies and their regions at each node.

    Example: industry-atlas chain --region 广东 --db kb.sqlite
    """
    with open_store(db) as store:
        result = build_chain(store, ChainOptions(industry=industry, region=region))
    if as_json:
        print_json(chain_json(result))
        return
    stage = ""
    for node in result.nodes:
        if node.stage != stage:
            stage = node.stage
            stdout.print(Text(stage.upper(), style="bold underline"))
        members = Text("、").join(
            Text(f"{m.name}（{m.region or '—'}）") + Text(f" {'/'.join(m.terms)}", style="dim")
            for m in node.members
        )
        label = node.zh if node.zh == node.en else f"{node.zh} {node.en}"
        stdout.print(Text(f"  {label}: ", style="bold") + (members or Text("—", style="dim")))


def findings(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List consistency findings with both citations: stated counts against the items
    listed, conflicting figures, conflicting dates, syndicated copies counted once.

    Example: industry-atlas findings --db kb.sqlite --json
    """
    with open_store(db) as store:
        found = build_findings(store)
    if as_json:
        print_json(findings_json(found))
        return
    for finding in found:
        stdout.print(Text(f"{finding.kind}: ", style="bold") + Text(finding.message))
        for citation in finding.citations:
            quotes = Text(" … ").join(Text(span.quote, style=MARK) for span in citation.spans[:6])
            doc = citation.spans[0].doc_id if citation.spans else ""
            stdout.print(Text(f"  {citation.label} [{doc}] ") + quotes)
    stdout.print(f"{len(found)} findings")
