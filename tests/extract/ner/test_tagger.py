"""The shipped recognizer: finds the entities of news sentences, survives any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from industry_atlas.extract.ner import EntityRecognizer, NamedSpan
from industry_atlas.extract.ner.tagger import split_chunks

SHARED = EntityRecognizer()


@pytest.fixture
def recognizer() -> EntityRecognizer:
    return SHARED


def found(recognizer: EntityRecognizer, text: str) -> set[tuple[str, str]]:
    return {(span.label, span.text) for span in recognizer.recognize(text)}


def assert_inside(text: str, spans: list[NamedSpan]) -> None:
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text


def test_finds_a_company_and_its_chairman(recognizer: EntityRecognizer) -> None:
    text = "小米集团董事长雷军在发布会上表示，公司将加大人形机器人研发投入。"
    assert {("company", "小米集团"), ("position", "董事长"), ("name", "雷军")} <= found(
        recognizer, text
    )


def test_finds_a_government_body_and_an_official(recognizer: EntityRecognizer) -> None:
    text = "工业和信息化部副部长辛国斌出席会议并讲话。"
    assert {("government", "工业和信息化部"), ("position", "副部长"), ("name", "辛国斌")} <= found(
        recognizer, text
    )


def test_finds_a_city_bureau(recognizer: EntityRecognizer) -> None:
    text = "北京市经济和信息化局近日印发机器人产业若干措施。"
    assert ("government", "北京市经济和信息化局") in found(recognizer, text)


def test_offsets_refer_to_the_whole_text_across_sentences(recognizer: EntityRecognizer) -> None:
    text = "会议在上海召开。\n\n优必选科技股份有限公司创始人周剑介绍了新产品。"
    spans = recognizer.recognize(text)
    assert_inside(text, spans)
    assert ("company", "优必选科技股份有限公司") in {(s.label, s.text) for s in spans}


def test_labels_filter_the_output() -> None:
    only_names = EntityRecognizer(labels=["name"])
    spans = only_names.recognize("小米集团董事长雷军表示。")
    assert [span.label for span in spans] == ["name"]


def test_a_batch_tags_each_text_as_it_would_be_tagged_alone(recognizer: EntityRecognizer) -> None:
    # chunks are batched by length across texts, not in text order
    texts = [
        "小米集团董事长雷军表示，人形机器人产业发展迅速。北京市经济和信息化局近日印发措施。",
        "会议在上海召开。",
        "优必选科技股份有限公司创始人周剑介绍了新产品。" * 6 + "\n深圳市人民政府。",
        "",
    ]
    alone = [recognizer.recognize(text) for text in texts]
    assert recognizer.recognize_many(texts) == alone
    assert all(spans == sorted(spans, key=lambda span: span.start) for spans in alone)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "。。。",
        "\x00\x01\x1f小米\x7f",
        "😀🤖👍🏽" * 50,
        "\ud800孤立代理",
        "a" * 10,
    ],
)
def test_odd_texts_do_not_crash(recognizer: EntityRecognizer, text: str) -> None:
    assert_inside(text, recognizer.recognize(text))


def test_a_one_megabyte_single_line_is_tagged_in_chunks(recognizer: EntityRecognizer) -> None:
    unit = "小米集团董事长雷军表示，人形机器人产业发展迅速，"
    text = unit * (1_000_000 // len(unit.encode("utf-8")) + 1)
    spans = recognizer.recognize(text)
    assert_inside(text, spans)
    assert sum(span.text == "雷军" for span in spans) > len(text) // len(unit) // 2


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_spans_always_stay_inside_the_text(text: str) -> None:
    spans = SHARED.recognize(text)
    assert_inside(text, spans)
    assert spans == sorted(spans)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("。，,\n 甲乙丙"), max_size=400), st.integers(1, 50))
def test_chunks_cover_the_text_in_order_within_the_limit(text: str, limit: int) -> None:
    pieces = split_chunks(text, limit)
    assert "".join(text[start:end] for start, end in pieces) == text
    assert all(0 < end - start <= limit for start, end in pieces)
