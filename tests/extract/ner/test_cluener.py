"""CLUENER JSON lines: inclusive ends in the file, half-open spans in memory."""

from __future__ import annotations

import json

import pytest

from industry_atlas.core.errors import AtlasError
from industry_atlas.extract.ner.cluener import annotate_lines, format_record, parse_line
from industry_atlas.extract.ner.spans import NamedSpan

LINE = '{"text": "浙商银行企业信贷部叶老桂博士", "label": {"name": {"叶老桂": [[9, 11]]}, "company": {"浙商银行": [[0, 3]]}}}'


def test_inclusive_ends_become_half_open_spans() -> None:
    record = parse_line(LINE)
    assert record.spans == (
        NamedSpan(0, 4, "company", "浙商银行"),
        NamedSpan(9, 12, "name", "叶老桂"),
    )
    for span in record.spans:
        assert record.text[span.start : span.end] == span.text


def test_format_then_parse_round_trips() -> None:
    record = parse_line(LINE)
    again = parse_line(format_record(record.text, record.spans))
    assert again == record
    assert json.loads(format_record(record.text, record.spans))["label"]["name"] == {
        "叶老桂": [[9, 11]]
    }


def test_a_line_without_labels_has_no_spans_and_keeps_other_keys() -> None:
    record = parse_line('{"id": 7, "text": "你好"}')
    assert record.spans == ()
    assert json.loads(format_record(record.text, [], record.extra)) == {
        "id": 7,
        "text": "你好",
        "label": {},
    }


@pytest.mark.parametrize(
    "line",
    ["not json", '{"label": {}}', '{"text": "abc", "label": {"name": {"x": [[0, 0]]}}}'],
)
def test_bad_lines_name_the_line(line: str) -> None:
    with pytest.raises(AtlasError, match=r"train\.json:3"):
        parse_line(line, "train.json:3")


class _Echo:
    def recognize_many(self, texts):
        return [[NamedSpan(0, 1, "name", text[0])] for text in texts]


def test_annotate_lines_keeps_order_and_blank_lines() -> None:
    lines = ['{"text": "甲乙"}', "", '{"text": "丙"}']
    output = list(annotate_lines(lines, _Echo(), batch_size=1))
    assert output[1] == ""
    assert [json.loads(line)["text"] for line in (output[0], output[2])] == ["甲乙", "丙"]
    assert json.loads(output[2])["label"] == {"name": {"丙": [[0, 0]]}}
