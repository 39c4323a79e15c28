"""Passages and search terms shared by the passage index and the question parser."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from industry_atlas.core.search import passage_spans, search_terms


def passages(text: str) -> list[str]:
    return [text[start:end] for start, end in passage_spans(text)]


def test_sentences_end_at_chinese_end_punctuation() -> None:
    assert passages("第一句。第二句！第三句？第四；") == [
        "第一句。",
        "第二句！",
        "第三句？",
        "第四；",
    ]


def test_a_closing_quote_stays_with_its_sentence() -> None:
    assert passages("“会很快。”他说。下一句。") == ["“会很快。”他说。", "下一句。"]


def test_headings_and_datelines_are_passages_of_their_own() -> None:
    text = "北上深抢占人形机器人产业制高点\n2024年1月16日 来源：中国电子报\n正文第一句。"
    assert passages(text) == [
        "北上深抢占人形机器人产业制高点",
        "2024年1月16日 来源：中国电子报",
        "正文第一句。",
    ]


def test_a_sentence_wrapped_over_lines_stays_whole() -> None:
    text = "记者获悉，2024年广州市机器人及相关产业规模约为320\n亿元，工业机器人产量达到1.6万套。"
    assert passages(text) == [text]
    long_line = "从地域分布看，北京和上海依旧是备案大模型最集中的两座城市，记者据公开名单统计，北京市累计备案数量达到\n94款。"
    assert len(passages(long_line)) == 1


def test_terms_are_cjk_bigrams_ascii_words_and_numbers() -> None:
    assert search_terms("人形机器人H1售价9.9万元") == [
        "人形",
        "形机",
        "机器",
        "器人",
        "h1",
        "售价",
        "9",
        "9",
        "万元",
    ]


def test_full_width_text_gives_the_same_terms() -> None:
    assert search_terms("ＧＬＭ－４发布于２０２４年") == search_terms("GLM-4发布于2024年")


@given(st.text(max_size=300))
def test_passages_lie_inside_the_text_in_order(text: str) -> None:
    spans = passage_spans(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(first[1] <= second[0] for first, second in itertools.pairwise(spans))
