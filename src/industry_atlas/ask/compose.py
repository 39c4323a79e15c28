"""Answer composition: findings for the parts of a question -> one Answer with citations.

Part of ask; imports core. Every statement in the answer ends with the numbers of the
citations it rests on; a question the sources do not answer gets the refusal text and,
at most, related passages that are labelled as such.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from industry_atlas.core.models import Answer, Citation, PartialDate, Span

NOT_FOUND = "资料中没有找到能回答这个问题的内容。"
RELATED_NOTE = "以下相关段落仅供参考，并未给出答案。"
PART_NOT_FOUND = "第{number}问：资料中没有找到答案。"
ALTERNATIVE_NOT_FOUND = "{}：资料中没有找到"


@dataclass(frozen=True, slots=True)
class Finding:
    """What answers one part of a question: a statement, the spans it rests on, and how it
    was derived (`method`, e.g. "facts:policy"). `figure` is the amount a statement naming
    the winner of a superlative gives for it ("约45%" of "先进制造类项目（约45%）…"): a
    follow-up asking that amount ("占多少？") is answered by it."""

    text: str
    spans: tuple[Span, ...]
    method: str
    fact_ids: tuple[str, ...] = ()
    figure: str = ""


Describe = Callable[[str], tuple[str, str]]
"""Returns (source, title) of a document id."""


def compose(
    question: str,
    findings: Sequence[Finding | None],
    related: Sequence[Span],
    describe: Describe,
) -> Answer:
    """Join the findings of a question's parts into an answer with numbered citations.

    Args:
        question: the question as asked.
        findings: one per part, None for a part the sources do not answer.
        related: passages to show when no part is answered.
        describe: looks up the source and title of a document.

    Returns:
        The answer; `is_found` when at least one part is answered.
    """
    answered = [finding for finding in findings if finding is not None]
    if not answered:
        citations = tuple(_citation(span, describe) for span in related)
        text = NOT_FOUND + (RELATED_NOTE if citations else "")
        method = "retrieval:related" if citations else "none"
        return Answer(question, text, False, citations, method)
    spans: list[Span] = []
    statements = []
    for number, finding in enumerate(findings, start=1):
        if finding is None:
            statements.append(PART_NOT_FOUND.format(number=number))
            continue
        marks = "".join(f"[{_number(span, spans)}]" for span in finding.spans)
        statements.append(finding.text + marks)
    return Answer(
        question,
        "；".join(statements),
        True,
        tuple(_citation(span, describe) for span in spans),
        "+".join(dict.fromkeys(finding.method for finding in answered)),
        tuple(dict.fromkeys(fact_id for finding in answered for fact_id in finding.fact_ids)),
    )


def merge(findings: Sequence[Finding | None], alternatives: Sequence[Sequence[str]]) -> Finding:
    """Join the findings of the alternatives of one part ("营业收入和归母净利润") into one;
    an alternative nothing answers is said to be missing."""
    texts = [
        finding.text if finding is not None else ALTERNATIVE_NOT_FOUND.format("".join(words))
        for finding, words in zip(findings, alternatives, strict=True)
    ]
    found = [finding for finding in findings if finding is not None]
    return Finding(
        "；".join(dict.fromkeys(texts)),
        tuple(dict.fromkeys(span for finding in found for span in finding.spans)),
        "+".join(dict.fromkeys(finding.method for finding in found)),
        tuple(dict.fromkeys(i for finding in found for i in finding.fact_ids)),
    )


def _number(span: Span, spans: list[Span]) -> int:
    if span not in spans:
        spans.append(span)
    return spans.index(span) + 1


def _citation(span: Span, describe: Describe) -> Citation:
    source, title = describe(span.doc_id)
    return Citation(span, source, title)


def format_date(date: PartialDate) -> str:
    """Write a date the way Chinese text does: 2024年1月16日, 2024年1月, 2024年."""
    text = f"{date.year}年"
    if date.month is not None:
        text += f"{date.month}月"
    if date.day is not None:
        text += f"{date.day}日"
    return text


def quoted(text: str) -> str:
    """Put source words in Chinese quotation marks."""
    return f"“{text}”"
