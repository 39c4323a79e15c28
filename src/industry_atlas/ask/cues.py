"""The cue words of questions (data/cues.toml): intents, filler, count units, verbs, events.

Part of ask; imports only the standard library. The table is read on first use, never at
import; Chinese word lists stay in the data file, out of the code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_COUNTED = re.compile(r"([一二两三四五六七八九十百千\d]+)(\D)")


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue words, each list longest first so longer cues win."""

    intents: dict[str, tuple[str, ...]]
    filler: frozenset[str]
    count_units: frozenset[str]
    interchangeable_units: tuple[tuple[str, ...], ...]
    people_units: frozenset[str]
    said_verbs: tuple[str, ...]
    acted_verbs: tuple[str, ...]
    events: dict[str, tuple[str, ...]]
    organization_words: tuple[str, ...]
    organization_kinds: frozenset[str]
    policy_number_words: tuple[str, ...]
    money_words: tuple[str, ...]
    measure_units: dict[str, frozenset[str]]  # 身高 -> 厘米, 米 …
    share_words: tuple[str, ...]
    clause_openers: frozenset[str]
    synonym_groups: tuple[tuple[str, ...], ...]
    role_words: tuple[str, ...]
    past_role_words: tuple[str, ...]
    bounds: dict[str, tuple[str, ...]]
    abbreviations: dict[str, str]
    synonyms: dict[str, str]
    names: dict[str, frozenset[str]]
    comparatives: dict[str, bool]
    superlatives: dict[str, bool]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Return the cue table, reading data/cues.toml on first use."""
    data = tomllib.loads(
        (resources.files("industry_atlas.ask") / "data" / "cues.toml").read_text(encoding="utf-8")
    )
    intents = dict(data["intents"])
    # "几条", "多少次": every count unit makes a count cue with 几 and 多少
    intents["count"] = [
        *intents["count"],
        *(f"{ask}{unit}" for ask in ("几", "多少") for unit in data["units"]["count"]),
    ]
    return Cues(
        intents={
            name: _longest_first(list(dict.fromkeys(words))) for name, words in intents.items()
        },
        filler=frozenset(data["filler"]["words"]),
        count_units=frozenset(data["units"]["count"]),
        interchangeable_units=tuple(tuple(group) for group in data["units"]["interchangeable"]),
        people_units=frozenset(data["units"]["people"]),
        said_verbs=_longest_first(data["verbs"]["said"]),
        acted_verbs=_longest_first(data["verbs"]["acted"]),
        events={name: _longest_first(words) for name, words in data["events"].items()},
        organization_words=_longest_first(data["organization"]["words"]),
        organization_kinds=frozenset(data["organization"]["kinds"]),
        policy_number_words=_longest_first(data["policy_numbers"]["words"]),
        money_words=_longest_first(data["money"]["words"]),
        measure_units={
            word: frozenset(measure["units"])
            for measure in data["measure_units"].values()
            for word in measure["words"]
        },
        share_words=_longest_first(data["shares"]["words"]),
        clause_openers=frozenset(data["clause_openers"]["words"]),
        synonym_groups=tuple(tuple(group) for group in data["equivalents"]["groups"]),
        role_words=_longest_first(data["roles"]["words"]),
        past_role_words=_longest_first(data["roles"]["past"]),
        bounds={name: _longest_first(words) for name, words in data["bounds"].items()},
        abbreviations=dict(data["abbreviations"]),
        synonyms=dict(data["synonyms"]),
        names={name: frozenset(words) for name, words in data["names"].items()},
        comparatives=_directions(data["comparatives"]),
        superlatives=_directions(data["superlatives"]),
    )


def _directions(section: dict[str, list[str]]) -> dict[str, bool]:
    """Each word of a section's "larger" and "smaller" lists -> True when it asks for the
    larger amount; longest words first."""
    return {
        word: larger
        for larger, words in ((True, section["larger"]), (False, section["smaller"]))
        for word in _longest_first(words)
    }


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def expand_abbreviations(text: str) -> str:
    """Write finance abbreviations out as reports do (归母净利润 -> 归属于上市公司股东的净利润)."""
    for short, full in cues().abbreviations.items():
        text = text.replace(short, full)
    return text


def expand_synonyms(text: str) -> str:
    """Add the names tables give their columns (市盈率 -> PE) to a question's text."""
    found = [word for word in cues().synonyms if word in text]
    # 复合增速 is CAGR alone, not also the 增速 (同比增长) inside it
    kept = [word for word in found if not any(word in other != word for other in found)]
    return " ".join([text, *(cues().synonyms[word] for word in kept)])


@lru_cache(maxsize=4096)
def equivalents(word: str) -> tuple[str, ...]:
    """Return a word with the words of the same event (成立: 创立, 创办, 注册 …) or the
    same meaning (房租: 租金)."""
    table = cues()
    groups = [words for kind, words in table.events.items() if kind != "other" and word in words]
    groups += [group for group in table.synonym_groups if word in group]
    counted = _COUNTED.fullmatch(word)
    if counted:  # 四台 = 四款: one count in another unit
        number, unit = counted.groups()
        groups += [
            tuple(number + other for other in units)
            for units in table.interchangeable_units
            if unit in units
        ]
    return tuple(dict.fromkeys([word, *(other for group in groups for other in group)]))


def is_event_word(word: str) -> bool:
    """True for a verb naming an event a when-question asks about (成立, 发布, 施行 …)."""
    return any(word in words for words in cues().events.values())
