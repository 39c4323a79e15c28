from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from industry_atlas.ingest.fingerprint import best_match, fingerprint, similarity


def test_syndicated_copy_is_found_and_other_articles_are_not(seed_text: str) -> None:
    first, second = seed_text.split("## 智谱AI CEO张鹏")
    copy = (
        "来源：某某网 转载自中国电子报\n\n"
        + first.replace("热闹非凡", "十分热闹")
        + "\n责任编辑：李四"
    )
    stored = [("original", fingerprint(first)), ("other", fingerprint(second))]
    match = best_match(fingerprint(copy), stored, 0.9)
    assert match is not None and match[0] == "original" and match[1] >= 0.9
    assert best_match(fingerprint(second[: len(second) // 2]), stored, 0.9) is None


def test_copies_share_lookup_keys(seed_text: str) -> None:
    copy = "转载\n\n" + seed_text.replace("热闹非凡", "十分热闹")
    shared = set(fingerprint(seed_text).lookup_keys) & set(fingerprint(copy).lookup_keys)
    assert shared


def test_rewrapped_copy_has_the_same_fingerprint(seed_text: str) -> None:
    rewrapped = seed_text.replace("。", "。\n\n").replace("，", "，\n")
    assert fingerprint(rewrapped) == fingerprint(seed_text)


def test_unrelated_articles_share_no_lookup_key(seed_text: str) -> None:
    first, second = seed_text.split("## 智谱AI CEO张鹏")
    assert not set(fingerprint(first).lookup_keys) & set(fingerprint(second).lookup_keys)


@given(st.text(max_size=300))
def test_a_text_is_fully_similar_to_itself(text: str) -> None:
    assert similarity(fingerprint(text), fingerprint(text)) == 1.0
