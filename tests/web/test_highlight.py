"""A document's text cut for display: nested mentions, evidence and the target span."""

from __future__ import annotations

from industry_atlas.core.models import Fact, FactKind, Mention, MentionType, Span, StoredFact
from industry_atlas.web.highlight import cut

TEXT = "上海开普勒探索机器人发布了K1。"


def mention(start: int, end: int, type_: MentionType) -> Mention:
    return Mention(Span("d", start, end, TEXT[start:end]), type_, TEXT[start:end], TEXT[start:end])


def fact(*spans: tuple[int, int]) -> StoredFact:
    evidence = tuple(Span("d", a, b, TEXT[a:b]) for a, b in spans)
    return StoredFact("f", "d", Fact(FactKind.MAKES, "开普勒", "makes", evidence, object="K1"))


def test_pieces_rebuild_the_text_and_the_innermost_mention_colours() -> None:
    pieces = cut(TEXT, [mention(0, 10, MentionType.ORG), mention(0, 2, MentionType.PLACE)], [])
    assert "".join(p.text for p in pieces) == TEXT
    assert [(p.text, p.type) for p in pieces[:2]] == [
        ("上海", "place"),
        ("开普勒探索机器人", "org"),
    ]
    assert pieces[0].label == "place 上海 · org 上海开普勒探索机器人"
    assert pieces[-1].type is None


def test_pieces_know_the_facts_over_them_and_the_target() -> None:
    pieces = cut(
        TEXT,
        [mention(13, 15, MentionType.PRODUCT)],
        [fact((0, 10), (13, 15)), fact((13, 15))],
        (13, 15),
    )
    by_text = {p.text: p for p in pieces}
    assert by_text["上海开普勒探索机器人"].facts == (1,)
    assert by_text["K1"].facts == (1, 2) and by_text["K1"].is_target
    assert by_text["发布了"].facts == () and not by_text["发布了"].is_target


def test_spans_outside_the_text_are_ignored() -> None:
    pieces = cut(TEXT, [mention(0, 2, MentionType.PLACE)], [], (10, 999))
    assert "".join(p.text for p in pieces) == TEXT
    assert not any(p.is_target for p in pieces)
