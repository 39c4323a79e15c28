"""Quotes: who said what ("“……”乔红表示", "张鹏坦言：“……”", interview lines "朱秋国：……").

Part of the rules extractor; imports core. The speaker is a person already found; 他/她
is the last person named before.
"""

from __future__ import annotations

import re

from industry_atlas.core.models import FactKind, MentionType
from industry_atlas.extract.packs import DomainKnowledge
from industry_atlas.extract.rules.findings import FactDetails, Findings
from industry_atlas.extract.rules.reading import Reading

_QUOTE = r"“(?P<quote>[^“”]{6,400})”"
_MIN_LINE = 8


def find_quotes(reading: Reading, findings: Findings, knowledge: DomainKnowledge) -> None:
    """Add a `quote` fact per quotation with a known speaker."""
    people = sorted((p.name for p in findings.of_type(MentionType.PERSON)), key=len, reverse=True)
    if not people:
        return
    names = "|".join(map(re.escape, [*people, "他", "她"]))
    verbs = "|".join(map(re.escape, knowledge.speech_verbs))
    patterns = (
        re.compile(
            rf"{_QUOTE}[，。]?\s*[^，。“”]{{0,20}}?(?P<speaker>{names})(?:在[^，。“”]{{0,24}})?(?:{verbs})"
        ),
        re.compile(
            rf"(?P<speaker>{names})(?:在[^，。“”]{{0,30}}时|对[^，。“”]{{0,16}})?(?:{verbs})"
            rf"(?:道|[^“”。]{{0,30}}?[：:])?[：:，,]?\s*{_QUOTE}"
        ),
        re.compile(rf"(?m)^(?P<speaker>{names})[：:](?P<quote>[^\n]{{{_MIN_LINE},}})$"),
    )
    seen: set[tuple[int, int]] = set()
    for pattern in patterns:
        for match in pattern.finditer(reading.text):
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


def _speaker(reading: Reading, people: list[str], match: re.Match[str]) -> str | None:
    name = match["speaker"]
    if name not in {"他", "她"}:
        return name
    before = reading.text[: match.start("speaker")]
    last = max(((before.rfind(person), person) for person in people), default=(-1, ""))
    return last[1] if last[0] >= 0 else None
