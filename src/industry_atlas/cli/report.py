"""`industry-atlas report`: the scorecard, timeline, chain and findings in one file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from industry_atlas.analyze import ScorecardOptions
from industry_atlas.analyze.overview import build_overview
from industry_atlas.cli.common import DbOption, open_store, resolve_db, stdout
from industry_atlas.cli.scorecard import IndustryOption, RegionsOption, WeightsOption
from industry_atlas.core.errors import AtlasError
from industry_atlas.report import FORMATS, render_report


def report(
    out: Annotated[
        Path,
        typer.Option("--out", help="File to write (.html or .md).", dir_okay=False, metavar="FILE"),
    ],
    db: DbOption = None,
    fmt: Annotated[
        str, typer.Option("--format", help=f"Output format: {'|'.join(FORMATS)}.", metavar="FORMAT")
    ] = "html",
    industry: IndustryOption = "humanoid_robots",
    regions: RegionsOption = None,
    weights: WeightsOption = None,
) -> None:
    """Write one self-contained report: the scorecard with a chart per dimension, the policy
    timeline, products by city and year, the supply-chain map, the experts and the
    findings. Every number links to its source passage; the HTML opens offline.

    Example: industry-atlas report --db kb.sqlite --out report.html
    """
    if fmt not in FORMATS:
        raise AtlasError(f"unknown format {fmt!r} (Tip: one of {', '.join(FORMATS)})")
    names = tuple(name for name in (regions or "").split(",") if name.strip()) or None
    options = ScorecardOptions(industry=industry, regions=names, weights=weights)
    with open_store(db) as store:
        overview = build_overview(store, options)
    text = render_report(overview, resolve_db(db).name, fmt)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise AtlasError(f"{out}: cannot write the report ({error.strerror})") from error
    stdout.print(
        f"report → {out} ({len(overview.scorecard.regions)} regions, {len(text):,} characters)"
    )
