"""`industry-atlas ner`: tag CLUENER files, score a model, or train one."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.table import Table

from industry_atlas.cli.common import JsonOption, print_json, stderr, stdout
from industry_atlas.core.errors import AtlasError
from industry_atlas.extract.ner.cluener import annotate_lines, read_records
from industry_atlas.extract.ner.evaluation import Evaluation, LabelScore
from industry_atlas.extract.ner.tagger import EntityRecognizer


def ner(
    cluener: Annotated[
        str | None,
        typer.Option(
            help="Tag the texts of a CLUENER JSON-lines file ('-' for stdin); "
            "write one CLUENER line per input line to stdout.",
            metavar="FILE",
        ),
    ] = None,
    evaluate: Annotated[
        str | None,
        typer.Option(
            help="Score the model on a labelled CLUENER file: P/R/F1 per label.",
            metavar="FILE",
        ),
    ] = None,
    train: Annotated[
        str | None,
        typer.Option(
            help="Train a model on a CLUENER file (holds out 10% for validation); "
            "needs the 'train' extra.",
            metavar="FILE",
        ),
    ] = None,
    model: Annotated[
        Path | None,
        typer.Option(
            help="Model file to use, or to write with --train [default: the shipped model].",
            metavar="FILE",
            dir_okay=False,
        ),
    ] = None,
    epochs: Annotated[
        int | None, typer.Option(help="Training epochs [default: 12].", metavar="N", min=1)
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Recognize generic entities (company, government, organization, name, position, ...).

    Exactly one of --cluener, --evaluate, --train. Spans in the output use CLUENER's
    inclusive end offsets.

    Example: industry-atlas ner --cluener sentences.json > tagged.json
    """
    chosen = [
        flag
        for flag, value in (("--cluener", cluener), ("--evaluate", evaluate), ("--train", train))
        if value
    ]
    if len(chosen) != 1:
        raise typer.BadParameter("give exactly one of --cluener, --evaluate, --train")
    if cluener:
        recognizer = EntityRecognizer(model)
        with _open_text(cluener) as lines:
            for line in annotate_lines(lines, recognizer, name=cluener):
                sys.stdout.write(line + "\n")
    elif evaluate:
        _evaluate(evaluate, model, as_json)
    elif train:
        _train(train, model, epochs, as_json)


def _evaluate(path: str, model: Path | None, as_json: bool) -> None:
    from industry_atlas.extract.ner.train import evaluate

    with _open_text(path) as lines:
        records = list(read_records(lines, name=path))
    result = evaluate(EntityRecognizer(model), records)
    if as_json:
        print_json(result.as_dict())
    else:
        _print_table(result, f"{len(records)} records of {path}")


def _train(path: str, model: Path | None, epochs: int | None, as_json: bool) -> None:
    from industry_atlas.extract.ner.train import TrainOptions, train_and_save

    if model is None:
        raise typer.BadParameter("--train needs --model FILE to write", param_hint="--model")
    with _open_text(path) as lines:
        records = list(read_records(lines, name=path))
    options = TrainOptions() if epochs is None else TrainOptions(epochs=epochs)
    report = train_and_save(records, model, options, progress=lambda message: stderr.print(message))
    if as_json:
        print_json({"model": str(report.model_path), **report.evaluation.as_dict()})
        return
    _print_table(report.evaluation, f"validation: {report.record_counts['validation']} records")
    stdout.print(
        f"trained in {report.seconds:.0f} s → {report.model_path} ({report.metrics_path.name})"
    )


def _print_table(result: Evaluation, title: str) -> None:
    table = Table(title=title, title_justify="left")
    for column in ("label", "gold", "predicted", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for score in (*result.labels, result.focus, result.overall):
        table.add_row(
            _row_name(score, result),
            str(score.gold_count),
            str(score.predicted_count),
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
        )
    stdout.print(table)


def _row_name(score: LabelScore, result: Evaluation) -> str:
    if score is result.focus:
        return f"micro ({len(result.focus.label.split('+'))} focus labels)"
    return "micro (all labels)" if score is result.overall else score.label


@contextmanager
def _open_text(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdin
        return
    if not Path(path).is_file():
        raise AtlasError(f"{path}: no such file")
    with Path(path).open(encoding="utf-8") as handle:
        yield handle
