"""Quotes: who said what ("“……”乔红表示", "张鹏坦言：“……”", interview lines "朱秋国：……").

Part of the rules extractor; imports core. The speaker is a person already found; 他/她
is the last person named before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from industry_atlas.core.models import FactKind, MentionType
from industry_atlas.extract.packs import DomainKnowledge
from industry_atlas.extract.rules.findings import FactDetails, Findings
from industry_atlas.extract.rules.reading import Reading

_QUOTE = r"“(?P<quote>[^“”]{6,400})”"
_MIN_LINE = 8
_INTERVIEW_LINE = re.compile(
    rf"(?m)^(?P<speaker>[^\n：:]{{1,40}})[：:](?P<quote>[^\n]{{{_MIN_LINE},}})$"
)


def find_quotes(reading: Reading, findings: Findings, knowledge: DomainKnowledge) -> None:
    """Add a `quote` fact per quotation with a known speaker."""
    people = sorted((p.name for p in findings.of_type(MentionType.PERSON)), key=len, reverse=True)
    if not people:
        return
    seen: set[tuple[int, int]] = set()
    for match in _attributed_quotes(reading.text, [*people, "他", "她"], knowledge.speech_verbs):
        span = match.span("quote")
        if span in seen:
            continue
        speaker = _speaker(reading, people, match)
        if speaker is None:
            continue
        seen.add(span)
        findings.fact(
            FactKind.QUOTE,
            speaker,
            "said",
            [span, match.span("speaker")],
            details=FactDetails(object=reading.document.text[span[0] : span[1]]),
        )


def _attributed_quotes(
    text: str, speakers: list[str], verbs: Sequence[str]
) -> Iterator[re.Match[str]]:
    """Quotations with a speaker: “…”乔红表示, 张鹏坦言：“…”, and interview lines 朱秋国：…"""
    if "“" in text:  # the patterns naming this document's people cost a compile each
        names = "|".join(map(re.escape, speakers))
        said = "|".join(map(re.escape, verbs))
        yield from re.finditer(
            rf"{_QUOTE}[，。]?\s*[^，。“”]{{0,20}}?(?P<speaker>{names})(?:在[^，。“”]{{0,24}})?(?:{said})",
            text,
        )
        yield from re.finditer(
            rf"(?P<speaker>{names})(?:在[^，。“”]{{0,30}}时|对[^，。“”]{{0,16}})?(?:{said})"
            rf"(?:道|[^“”。]{{0,30}}?[：:])?[：:，,]?\s*{_QUOTE}",
            text,
        )
    for line in _INTERVIEW_LINE.finditer(text):
        if line["speaker"] in speakers:
            yield line


def _speaker(reading: Reading, people: list[str], match: re.Match[str]) -> str | None:
    name = match["speaker"]
    if name not in {"他", "她"}:
        return name
    before = reading.text[: match.start("speaker")]
    last = max(((before.rfind(person), person) for person in people), default=(-1, ""))
    return last[1] if last[0] >= 0 else None
