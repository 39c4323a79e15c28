"""`industry-atlas extract` and `industry-atlas eval`: read one document, score against gold."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from industry_atlas import pipeline
from industry_atlas.cli.common import JsonOption, fail, print_json, stdout
from industry_atlas.core.models import Extraction, Fact
from industry_atlas.evaluate import SECTIONS, DocumentScore, total
from industry_atlas.evaluate.gold import to_gold_json
from industry_atlas.extract import DEFAULT_EXTRACTOR, get_extractor
from industry_atlas.ingest import LoadOptions

ExtractorOption = Annotated[
    str, typer.Option("--extractor", help="Extraction backend.", metavar="NAME")
]


class OutputFormat(StrEnum):
    """How `extract` prints what it found."""

    GOLD_JSON = "gold-json"
    JSONL = "jsonl"
    TABLE = "table"


def extract(
    path: Annotated[
        Path, typer.Argument(help="Document to read (.txt .md .html .pdf .docx).", metavar="FILE")
    ],
    output: Annotated[
        OutputFormat,
        typer.Option("--format", help="gold-json (SCHEMA.md), jsonl (one fact per line) or table."),
    ] = OutputFormat.TABLE,
    extractor: ExtractorOption = DEFAULT_EXTRACTOR,
) -> None:
    """Extract the facts of one document without a knowledge base.

    Example: industry-atlas extract ../shared/seed/seed.txt --format gold-json
    """
    extraction = pipeline.extract_file(path, get_extractor(extractor), LoadOptions())
    if output == OutputFormat.GOLD_JSON:
        print_json(to_gold_json(extraction, path.stem))
    elif output == OutputFormat.JSONL:
        for record in _jsonl(extraction):
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    else:
        _print_tables(to_gold_json(extraction, path.stem))


def evaluate(
    gold: Annotated[
        Path | None, typer.Argument(help="Gold file (SCHEMA.md).", metavar="GOLD")
    ] = None,
    target: Annotated[
        Path | None,
        typer.Argument(help="Prediction (.json) or a document to extract.", metavar="PRED-OR-DOC"),
    ] = None,
    folders: Annotated[
        tuple[Path, Path] | None,
        typer.Option(
            "--dir",
            help="Score a folder: GOLD_DIR DOCS_DIR, matched by file name.",
            metavar="GOLD_DIR DOCS_DIR",
        ),
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors", help="List missed and spurious items.")
    ] = False,
    extractor: ExtractorOption = DEFAULT_EXTRACTOR,
    as_json: JsonOption = False,
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per section,
    and the accuracy of attributes on matched items.

    Example: industry-atlas eval ../shared/seed/gold.json ../shared/seed/seed.txt
    """
    backend = get_extractor(extractor)
    if folders is not None:
        scores = pipeline.evaluate_folder(folders[0], folders[1], backend, LoadOptions())
        score = total(scores, str(folders[0]))
    elif gold is not None and target is not None:
        scores = [pipeline.evaluate_target(gold, target, backend, LoadOptions())]
        score = scores[0]
    else:
        fail(
            "give GOLD and PRED-OR-DOC, or --dir GOLD_DIR DOCS_DIR (Tip: industry-atlas eval --help)"
        )
    if as_json:
        print_json(
            {
                "total": _score_json(score),
                "documents": [_score_json(s) for s in scores],
            }
        )
        return
    _print_score(score, len(scores))
    if errors:
        _print_errors(score)


def _jsonl(extraction: Extraction) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = [
        {
            "record": "entity",
            "type": e.type.value,
            "name": e.name,
            "aliases": list(e.aliases),
            **dict(e.attrs),
        }
        for e in extraction.entities
    ]
    records.extend(_fact_json(fact) for fact in extraction.facts)
    return records


def _fact_json(fact: Fact) -> dict[str, Any]:
    quantity = fact.quantity
    return {
        "record": "fact",
        "kind": fact.kind.value,
        "subject": fact.subject,
        "predicate": fact.predicate,
        "object": fact.object,
        "value": str(quantity.value) if quantity else None,
        "unit": quantity.unit if quantity else None,
        "qualifier": quantity.qualifier.value if quantity else None,
        "time": str(fact.time) if fact.time else None,
        "qualifiers": dict(fact.qualifiers),
        "evidence": [{"start": s.start, "end": s.end, "text": s.quote} for s in fact.evidence],
        "extractor": fact.extractor,
    }


def _print_tables(gold: dict[str, Any]) -> None:
    for section in SECTIONS:
        items = gold.get(section) or []
        if not items:
            continue
        columns = list(items[0])
        table = Table(*columns, title=f"{section} ({len(items)})", title_justify="left")
        for item in items:
            table.add_row(*(Text(_cell(item.get(column))) for column in columns))
        stdout.print(table)


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return "" if value is None else str(value)


def _score_json(score: DocumentScore) -> dict[str, Any]:
    def section_json(name: str) -> dict[str, Any]:
        s = score.sections[name]
        return {
            "gold": s.gold,
            "predicted": s.predicted,
            "matched": s.matched,
            "precision": round(s.precision, 4),
            "recall": round(s.recall, 4),
            "f1": round(s.f1, 4),
            "attributes": {
                a: round(v, 4) for a in s.attributes if (v := s.attribute_accuracy(a)) is not None
            },
        }

    overall = score.overall
    return {
        "doc": score.doc,
        "sections": {name: section_json(name) for name in SECTIONS},
        "overall": {
            "precision": round(overall.precision, 4),
            "recall": round(overall.recall, 4),
            "f1": round(overall.f1, 4),
        },
        "published_correct": score.published_correct,
    }


def _print_score(score: DocumentScore, documents: int) -> None:
    table = Table(
        "section",
        "gold",
        "pred",
        "matched",
        "P",
        "R",
        "F1",
        "attribute accuracy",
        title=f"{score.doc} ({documents} document{'s' if documents != 1 else ''})",
        title_justify="left",
    )
    for name in SECTIONS:
        s = score.sections[name]
        attributes = ", ".join(
            f"{a} {v:.2f}" for a in s.attributes if (v := s.attribute_accuracy(a)) is not None
        )
        table.add_row(
            name,
            str(s.gold),
            str(s.predicted),
            str(s.matched),
            f"{s.precision:.2f}",
            f"{s.recall:.2f}",
            f"{s.f1:.2f}",
            attributes,
        )
    overall = score.overall
    table.add_row(
        "overall",
        str(overall.gold),
        str(overall.predicted),
        str(overall.matched),
        f"{overall.precision:.2f}",
        f"{overall.recall:.2f}",
        f"{overall.f1:.2f}",
        "",
        style="bold",
    )
    stdout.print(table)


def _print_errors(score: DocumentScore) -> None:
    for name in SECTIONS:
        s = score.sections[name]
        for item in s.missed:
            stdout.print(
                Text(f"missed   {name}: {json.dumps(item, ensure_ascii=False)}", style="red")
            )
        for item in s.spurious:
            stdout.print(
                Text(f"spurious {name}: {json.dumps(item, ensure_ascii=False)}", style="yellow")
            )
