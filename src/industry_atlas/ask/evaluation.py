"""Question-set evaluation: answer every question of a set and score the answers.

Part of ask; imports core, normalize and the ask helpers beside it. A question set is a
JSON file: a gold annotation with a "questions" list (../shared/seed/gold.json, the sample
corpus's gold files), or a plain list. A question with `answer_contains` is answered
correctly when the answer is found, contains every expected string literally (both read
in simplified characters) and cites a source; a question without it (unanswerable.json,
with a `why`) must be refused.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from industry_atlas.ask.engine import Asker
from industry_atlas.core.errors import ConfigError
from industry_atlas.core.models import Answer
from industry_atlas.normalize.script import simplified


@dataclass(frozen=True, slots=True)
class GoldQuestion:
    """A question with what its answer must contain; `expected` is empty when the
    sources do not answer it."""

    question: str
    expected: tuple[str, ...]
    source: str

    @property
    def is_answerable(self) -> bool:
        """True when the question comes with expected answer strings."""
        return bool(self.expected)


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """One question, the answer given and whether it is right."""

    gold: GoldQuestion
    answer: Answer
    seconds: float

    @property
    def is_correct(self) -> bool:
        """Answerable: found, cited and containing every expected string. Unanswerable:
        refused."""
        if not self.gold.is_answerable:
            return not self.answer.is_found
        answer = simplified(self.answer.text)  # expected strings may be in traditional
        return (
            self.answer.is_found
            and bool(self.answer.citations)
            and all(simplified(text) in answer for text in self.gold.expected)
        )


@dataclass(frozen=True, slots=True)
class SetScore:
    """The results of one question set, with the figures the project reports."""

    name: str
    results: tuple[QuestionResult, ...]

    @property
    def answerable_count(self) -> int:
        """Questions with expected answers."""
        return sum(result.gold.is_answerable for result in self.results)

    @property
    def correct_count(self) -> int:
        """Answerable questions answered correctly (found, cited, containing all)."""
        return sum(r.is_correct for r in self.results if r.gold.is_answerable)

    @property
    def unanswerable_count(self) -> int:
        """Questions the sources do not answer."""
        return len(self.results) - self.answerable_count

    @property
    def refused_count(self) -> int:
        """Unanswerable questions refused (found is false)."""
        return sum(r.is_correct for r in self.results if not r.gold.is_answerable)

    @property
    def uncited_count(self) -> int:
        """Answers given as found without a single citation (must be 0)."""
        return sum(r.answer.is_found and not r.answer.citations for r in self.results)

    def latency_ms(self, quantile: float) -> float:
        """Return a latency quantile over the questions, in milliseconds."""
        times = sorted(result.seconds for result in self.results)
        if not times:
            return 0.0
        return 1000 * times[min(len(times) - 1, int(quantile * len(times)))]


def load_questions(path: Path) -> list[GoldQuestion]:
    """Read the questions of a JSON file, or of every JSON file of a folder (sorted).

    Raises:
        ConfigError: if a file is not a question set.
    """
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    questions: list[GoldQuestion] = []
    for file in files:
        questions.extend(_questions_of(file))
    return questions


def _questions_of(file: Path) -> list[GoldQuestion]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ConfigError(f"{file}: not a readable JSON question set ({error})") from error
    items = data.get("questions", []) if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(i, dict) and "q" in i for i in items):
        raise ConfigError(
            f'{file}: expected a list of {{"q": ..., "answer_contains": [...]}} '
            '(or a gold file with a "questions" list)'
        )
    return [
        GoldQuestion(item["q"], tuple(item.get("answer_contains", ())), file.name) for item in items
    ]


def score_questions(asker: Asker, name: str, questions: Sequence[GoldQuestion]) -> SetScore:
    """Answer every question (timed, in-process) and return the scored results."""
    results = []
    for gold in questions:
        started = time.perf_counter()
        answer = asker.ask(gold.question)
        results.append(QuestionResult(gold, answer, time.perf_counter() - started))
    return SetScore(name, tuple(results))
