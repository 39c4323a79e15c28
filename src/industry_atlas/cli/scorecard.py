"""`industry-atlas scorecard`: which region leads, and the evidence behind every cell."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from industry_atlas.analyze import ScorecardOptions, build_scorecard
from industry_atlas.analyze.display import cell_text, derived_statement, fact_statement
from industry_atlas.analyze.export import (
    cell_json,
    derived_json,
    passage_json,
    scorecard_json,
    span_json,
)
from industry_atlas.analyze.model import Cell, Passage, RegionCard, Scorecard
from industry_atlas.analyze.passages import evidence_passages, facts_in_order
from industry_atlas.cli.common import DbOption, JsonOption, open_store, print_json, stdout
from industry_atlas.core.errors import AtlasError
from industry_atlas.core.protocols import KnowledgeReader

IndustryOption = Annotated[
    str,
    typer.Option("--industry", help="Industry to compare on (humanoid_robots, large_models)."),
]
RegionsOption = Annotated[
    str | None,
    typer.Option(
        "--regions",
        help="Comma-separated regions to compare, e.g. 北京,上海,深圳 [default: every city with evidence].",
        metavar="NAMES",
    ),
]
WeightsOption = Annotated[
    Path | None,
    typer.Option(
        "--weights", help="TOML file overriding the default weights.", dir_okay=False, exists=True
    ),
]
TERMINAL_REGIONS = 8
MARK = "bold black on yellow"


def scorecard(
    db: DbOption = None,
    industry: IndustryOption = "humanoid_robots",
    regions: RegionsOption = None,
    weights: WeightsOption = None,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            help="Print the facts and source sentences behind a region's cells.",
            metavar="REGION",
        ),
    ] = None,
    indicator: Annotated[
        str | None,
        typer.Argument(
            help="With --explain: only this indicator (e.g. products).", show_default=False
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Compare regions on policy, industrial base, enterprises and products, supply chain,
    innovation platforms and talent, with a transparent weighted score.

    Every cell rests on stored facts; --explain REGION [INDICATOR] shows them with their
    source sentences, the evidence highlighted. Undisclosed values show as "not disclosed".

    Example: industry-atlas scorecard --regions 北京,上海,深圳 --db kb.sqlite
    """
    names = tuple(name for name in (regions or "").split(",") if name.strip()) or None
    options = ScorecardOptions(industry=industry, regions=names, weights=weights)
    with open_store(db) as store:
        card = build_scorecard(store, options)
        if explain is not None:
            _explain(store, card, explain, indicator, as_json=as_json)
            return
    if as_json:
        print_json(scorecard_json(card))
        return
    _print_scorecard(card, shown=len(card.regions) if names else TERMINAL_REGIONS)


def _print_scorecard(card: Scorecard, shown: int) -> None:
    regions = card.regions[:shown]
    table = Table(title=f"区域评分 Region scorecard · {card.industry}", title_justify="left")
    table.add_column("指标 Indicator", no_wrap=True)
    for region in regions:
        table.add_column(Text(f"{region.rank}. {region.name}"), justify="right")
    for dimension in card.dimensions:
        scores = [_dimension_score(region, dimension.id) for region in regions]
        table.add_row(Text(dimension.zh, style="bold"), *scores)
        for indicator in card.indicators:
            if indicator.dimension == dimension.id:
                cells = [region.cell(indicator.id) for region in regions]
                table.add_row(f"  {indicator.zh}", *(_value(c) for c in cells))
    table.add_row(
        Text("总分 Score", style="bold"), *(Text(f"{r.score:.1f}", style="bold") for r in regions)
    )
    stdout.print(table)
    if len(card.regions) > shown:
        stdout.print(f"{len(card.regions) - shown} more regions: use --regions or --json")
    for entry in card.apart:
        stdout.print(
            Text(f"above city level: {entry.date or '—'} {entry.subject} ({entry.region})")
        )
    stdout.print("Explain a cell: industry-atlas scorecard --explain REGION [INDICATOR]")


def _dimension_score(region: RegionCard, dimension: str) -> Text:
    score = next(entry.score for entry in region.dimensions if entry.dimension == dimension)
    return Text("—" if score is None else f"{score:.1f}", style="bold")


def _value(cell: Cell) -> Text:
    return Text(cell_text(cell), style="" if cell.is_disclosed else "dim")


def _explain(
    store: KnowledgeReader, card: Scorecard, name: str, indicator: str | None, *, as_json: bool
) -> None:
    try:
        region = card.region(name)
    except KeyError:
        raise AtlasError(
            f"{name!r} is not on this scorecard (Tip: add it with --regions {name})"
        ) from None
    known = [item.id for item in card.indicators]
    if indicator is not None and indicator not in known:
        raise AtlasError(f"unknown indicator {indicator!r} (Tip: one of {', '.join(known)})")
    cells = [cell for cell in region.cells if indicator in (None, cell.indicator)]
    fact_ids = [fact_id for cell in cells for fact_id in cell.fact_ids]
    passages = evidence_passages(store, fact_ids, [s for cell in cells for s in cell.derived])
    facts = {stored.fact_id: stored for stored in facts_in_order(store, fact_ids)}
    if as_json:
        print_json([_explained_json(cell, facts, passages) for cell in cells])
        return
    labels = {item.id: f"{item.zh} {item.en}" for item in card.indicators}
    for cell in cells:
        stdout.print(
            Text(f"{region.name} · {labels[cell.indicator]}: {cell_text(cell)}", style="bold")
        )
        if cell.note:
            stdout.print(Text(f"  note: {cell.note}", style="italic"))
        for fact_id in dict.fromkeys(cell.fact_ids):
            stored = facts.get(fact_id)
            if stored is not None:
                stdout.print(Text(f"  {fact_id} ") + Text(fact_statement(stored.fact)))
                _print_passages(passages.get(fact_id, ()))
        for statement in cell.derived:
            stdout.print(Text("  ") + Text(derived_statement(statement)))
            _print_passages(passages.get(statement.key, ()))
        stdout.print()


def _print_passages(passages: tuple[Passage, ...]) -> None:
    for passage in passages:
        line = Text("      ")
        for piece, marked in passage.segments():
            line.append(piece.replace("\n", " "), style=MARK if marked else "")
        line.append(f"  — {passage.title} ({passage.doc_id})", style="dim")
        stdout.print(line)


def _explained_json(cell: Cell, facts: dict[str, Any], passages: dict[str, Any]) -> dict[str, Any]:
    return {
        "indicator": cell.indicator,
        **cell_json(cell),
        "evidence": [
            {
                "fact_id": fact_id,
                "statement": fact_statement(facts[fact_id].fact),
                "evidence": [span_json(span) for span in facts[fact_id].fact.evidence],
                "passages": [passage_json(p) for p in passages.get(fact_id, ())],
            }
            for fact_id in dict.fromkeys(cell.fact_ids)
            if fact_id in facts
        ],
        "derived": [
            {**derived_json(s), "passages": [passage_json(p) for p in passages.get(s.key, ())]}
            for s in cell.derived
        ],
    }
