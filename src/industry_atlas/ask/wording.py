"""Content words of a question: what a passage answering it should share.

Part of ask; imports core, jieba (through `words`) and the cue table. Question words,
function words, anchors, dates and amounts are cut out; what is left is segmented into
words, and runs of single characters (names the word list does not know) kept whole.
Conjoined phrases ("营业收入和归母净利润") are found so they can be asked one by one.
"""

from __future__ import annotations

from collections.abc import Sequence

from industry_atlas.ask.cues import cues
from industry_atlas.core.text import is_cjk
from industry_atlas.normalize.words import jieba_tokenize

CONJUNCTIONS = frozenset({"和", "与", "及", "以及"})
# What precedes 和 has no mark where its phrase starts ("新建的关节模组产线年产能和总投资"):
# take two words; what follows runs to the next question word ("…和归母净利润分别是多少").
_MAX_LEFT_WORDS = 2


def content_words(masked: str, hidden: Sequence[tuple[int, int]]) -> tuple[list[str], list[str]]:
    """Return the content words of a part in order: words of two or more characters, or
    runs of single characters (an unknown name falls apart into those), without anchors,
    dates, amounts, question words, function words and punctuation. A gap between words
    is kept as "" and a conjunction as itself, for `conjoined`. Also returns the runs of
    single characters that stand where a name stands: names the word list does not know."""
    chars = list(masked)
    for start, end in hidden:
        chars[start:end] = "|" * (end - start)
    # "招商大会上": the meeting, then where (jieba would make 大 and 会上 of it)
    text = "".join(chars).replace("会上", "会|")
    filler = cues().filler
    for phrase in sorted((word for word in filler if len(word) >= 2), key=len, reverse=True):
        text = text.replace(phrase, "|" * len(phrase))
    words: list[str] = []
    runs: list[str] = []
    run, before_run, previous = "", "", ""
    tokens = [word for word, _, _ in jieba_tokenize(text + "|", guess_unknown=False)]
    for index, word in enumerate(tokens):
        is_content = word not in filler and all(is_cjk(char) or char.isalpha() for char in word)
        if run and len(word) == 1 and is_cjk(word) and _is_name(before_run, tokens[index + 1]):
            is_content = True  # "云从科技": 从 is a function word, but not before 科技
        if is_content and len(word) == 1:
            before_run = before_run if run else previous
            run += word
            continue
        if len(run) >= 2:
            words.append(run)
            if _is_name(before_run, word):
                runs.append(run)
        run, previous = "", word
        if is_content or word in CONJUNCTIONS:
            words.append(word)
        elif word not in filler:
            words.append("")  # a question word, anchor or mark ends a phrase; 的 does not
    kept = [word for index, word in enumerate(words) if word or (index and words[index - 1])]
    return kept, runs


def _is_name(before: str, after: str) -> bool:
    """An unknown run of characters is a name when a name's head word follows it (达闼 机器人)
    or a title precedes it (创始人 杨植麟)."""
    names = cues().names
    return after in names["heads"] or before in names["titles"]


def conjoined(words: list[str], *, compare: bool) -> tuple[tuple[str, ...], ...]:
    """Return the two word groups joined by a conjunction (营业 收入 和 归母 净利润)."""
    joining = CONJUNCTIONS if compare else {"和"}  # 机器人及智能制造产业集群 is one name
    for index, word in enumerate(words):
        if word in joining and 0 < index < len(words) - 1:
            left = _run(words[index - 1 :: -1], _MAX_LEFT_WORDS)[::-1]
            right = _run(words[index + 1 :], len(words))
            if left and right:
                return (tuple(left), tuple(right))
    return ()


def _run(words: Sequence[str], limit: int) -> list[str]:
    """Return up to `limit` words before the next gap."""
    run = []
    for word in words[:limit]:
        if not word or word in CONJUNCTIONS:
            break
        run.append(word)
    return run
