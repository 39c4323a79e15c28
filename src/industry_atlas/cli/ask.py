"""`industry-atlas ask` and `industry-atlas eval-ask`: answers with citations, and their score.

The CLI is an edge: it parses options, calls `ask` and formats the result.
"""

from __future__ import annotations

from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from industry_atlas.ask import Asker
from industry_atlas.ask.evaluation import SetScore, load_questions, score_questions
from industry_atlas.cli.common import DbOption, JsonOption, fail, open_store, print_json, stdout
from industry_atlas.core.models import Answer, Citation
from industry_atlas.core.protocols import AskReader
from industry_atlas.core.search import passage_spans

MARK = "bold black on yellow"
RELATED = "相关段落（资料并未给出答案，仅供参考）："
SOURCES = "出处："


class SampleSet(StrEnum):
    """The question sets shipped with the sample corpus."""

    DEV = "dev"
    TEST = "test"
    # written blind to the answerer, after tuning; each scored once before being seen
    HOLDOUT_1 = "holdout-1"
    HOLDOUT_2 = "holdout-2"
    HOLDOUT_3 = "holdout-3"
    HOLDOUT_4 = "holdout-4"
    HOLDOUT_5 = "holdout-5"
    HOLDOUT_6 = "holdout-6"
    HOLDOUT_7 = "holdout-7"
    HOLDOUT_8 = "holdout-8"
    HOLDOUT_9 = "holdout-9"
    HOLDOUT_10 = "holdout-10"
    HOLDOUT_11 = "holdout-11"
    HOLDOUT_12 = "holdout-12"
    HOLDOUT_13 = "holdout-13"
    HOLDOUT_14 = "holdout-14"
    HOLDOUT_15 = "holdout-15"
    HOLDOUT_16 = "holdout-16"
    UNANSWERABLE = "unanswerable"


def ask(
    question: Annotated[str, typer.Argument(help="The question, in Chinese.", metavar="QUESTION")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Answer a question from the knowledge base, citing the exact passages; when the
    sources do not answer it, say so and show the closest passages as related only.

    Example: industry-atlas ask "2022年北京机器人产业收入是多少？" --db kb.sqlite
    """
    with open_store(db) as store:
        answer = Asker(store).ask(question)
        contexts = [_context(store, citation) for citation in answer.citations]
    if as_json:
        print_json(answer_json(answer))
        return
    stdout.print(Text(answer.text, style="bold"))
    if answer.citations:
        stdout.print(SOURCES if answer.is_found else RELATED)
    for number, (citation, context) in enumerate(zip(answer.citations, contexts, strict=True), 1):
        where = f"[{number}] 《{citation.title}》 {citation.source} {citation.span.start}–{citation.span.end}"
        stdout.print(Text(where, style="dim"))
        stdout.print(Text("    ") + context)
    stdout.print(Text(f"method: {answer.method}", style="dim"))


def answer_json(answer: Answer) -> dict[str, Any]:
    """Return the answer in the `ask --json` contract (see docs/cli.md)."""
    return {
        "question": answer.question,
        "answer": answer.text,
        "found": answer.is_found,
        "citations": [
            {
                "doc_id": citation.span.doc_id,
                "source": citation.source,
                "start": citation.span.start,
                "end": citation.span.end,
                "text": citation.span.quote,
            }
            for citation in answer.citations
        ],
        "method": answer.method,
    }


def _context(store: AskReader, citation: Citation) -> Text:
    """Return the passages around a citation with the cited span highlighted."""
    text = store.get_document(citation.span.doc_id).text
    span = citation.span
    around = [
        (start, end) for start, end in passage_spans(text) if start < span.end and span.start < end
    ]
    start = min([span.start, *(begin for begin, _ in around)])
    end = max([span.end, *(finish for _, finish in around)])
    return (
        Text(text[start : span.start].replace("\n", " "))
        + Text(span.quote.replace("\n", " "), style=MARK)
        + Text(text[span.end : end].replace("\n", " "))
    )


def eval_ask(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Question sets: JSON files or folders of them.", metavar="FILE|DIR", exists=True
        ),
    ] = None,
    sample: Annotated[
        list[SampleSet] | None,
        typer.Option("--sample", help="A question set shipped with the sample corpus."),
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors", help="List the questions answered wrongly.")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Answer every question of question sets and score the answers: correct (found,
    cited, containing every expected string), uncited answers, refusals of questions the
    sources do not answer, and latency.

    Example: industry-atlas eval-ask --sample dev --sample unanswerable --db atlas-demo/atlas.sqlite
    """
    sets = [(path.name, path) for path in paths or []]
    sets += [(choice.value, _sample_path(choice)) for choice in sample or []]
    if not sets:
        fail("give question files or folders, or --sample dev|test|unanswerable")
    with open_store(db) as store:
        asker = Asker(store)
        scores = [score_questions(asker, name, load_questions(path)) for name, path in sets]
    if as_json:
        print_json([_score_json(score, errors=errors) for score in scores])
        return
    stdout.print(_score_table(scores))
    if errors:
        for score in scores:
            _print_errors(score)


def _sample_path(choice: SampleSet) -> Path:
    samples = resources.files("industry_atlas") / "samples"
    if choice not in (SampleSet.DEV, SampleSet.TEST):
        return Path(str(samples / "questions" / f"{choice.value}.json"))
    return Path(str(samples / "gold" / choice.value))


def _score_table(scores: list[SetScore]) -> Table:
    table = Table("set", "questions", "correct", "uncited", "refused", "p50 ms", "p95 ms")
    for score in scores:
        correct = (
            f"{score.correct_count}/{score.answerable_count}" if score.answerable_count else "—"
        )
        refused = (
            f"{score.refused_count}/{score.unanswerable_count}" if score.unanswerable_count else "—"
        )
        table.add_row(
            score.name,
            str(len(score.results)),
            correct,
            str(score.uncited_count),
            refused,
            f"{score.latency_ms(0.5):.1f}",
            f"{score.latency_ms(0.95):.1f}",
        )
    return table


def _score_json(score: SetScore, *, errors: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "set": score.name,
        "questions": len(score.results),
        "answerable": score.answerable_count,
        "correct": score.correct_count,
        "uncited": score.uncited_count,
        "unanswerable": score.unanswerable_count,
        "refused": score.refused_count,
        "p50_ms": round(score.latency_ms(0.5), 2),
        "p95_ms": round(score.latency_ms(0.95), 2),
    }
    if errors:
        data["errors"] = [
            {
                "question": result.gold.question,
                "expected": list(result.gold.expected),
                "answer": result.answer.text,
                "found": result.answer.is_found,
                "method": result.answer.method,
            }
            for result in score.results
            if not result.is_correct
        ]
    return data


def _print_errors(score: SetScore) -> None:
    for result in score.results:
        if result.is_correct:
            continue
        expected = "、".join(result.gold.expected) or "（应拒答）"
        stdout.print(Text(f"✗ [{score.name}] {result.gold.question}", style="bold"))
        stdout.print(Text(f"    expected: {expected}"))
        stdout.print(Text(f"    answer:   {result.answer.text}  ({result.answer.method})"))
