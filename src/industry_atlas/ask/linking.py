"""Entity linking: find the names a question shares with the knowledge base.

Part of ask; imports core, normalize, rapidfuzz and the ask helpers beside it. Every
substring of the question is looked up among entity aliases and the subjects and objects
of facts (exact, longest first); what is left is matched against names with the same
first two characters: as the name without its head word (智元 -> 智元机器人, 云深处 ->
云深处科技), or fuzzily (北京人形机器人创新中心的专委会 -> 北京人形机器人创新中心专委会).
A name found this way becomes an anchor whose forms are all the entity's aliases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from industry_atlas.ask.cues import cues
from industry_atlas.ask.question import Anchor, AnchorKind, short_region_name
from industry_atlas.core.models import Entity, Region
from industry_atlas.core.protocols import AskReader
from industry_atlas.core.text import is_cjk
from industry_atlas.normalize.regions import region_index
from industry_atlas.normalize.words import jieba_tokenize

_MAX_NAME_CHARS = 40
_NAME_EXTRA_CHARS = frozenset(" -·.&+")
_FUZZY_MIN_CHARS = 4
_FUZZY_MIN_RATIO = 88.0
_SHORT_MIN_CHARS = 2
_QUANTITY_WORD = re.compile(r"[每各首这那几][一二两三四五六七八九十\d]*[个台家款项位名只套条批轮]")
_MODEL_CODE_CHAR = re.compile("[A-Za-z0-9]")
# The level a region's name ends in, which its own bodies keep: 北京市科委 -> 市科委
_LEVEL_CHARS = frozenset("省市区县")
_YEAR = re.compile(r"(?:19|20)\d{2}年")
_LEGAL_FORM = re.compile("(?:股份)?有限(?:责任)?公司$|股份公司$")
_LEADING_YEAR = re.compile(r"((?:19|20)\d{2})年?(?=[\u4e00-\u9fff]{2})")
_LINKED_KINDS = ("makes", "located_in", "holds_title", "policy_issued", "event", "quote")


class NameLinker:
    """Links question text to the names stored in a knowledge base."""

    def __init__(self, store: AskReader) -> None:
        """Link against `store`."""
        self._store = store

    def __call__(self, text: str, taken: Sequence[tuple[int, int]]) -> list[Anchor]:
        """Return an entity anchor for every known name in `text` outside `taken`.

        Args:
            text: the (width-folded) question.
            taken: spans already claimed by other anchors (《titles》).

        Returns:
            Anchors, longest names first where names overlap, in text order.
        """
        candidates = _substrings(text, taken)
        known = self._store.known_names(list(candidates), _LINKED_KINDS)
        spans = _longest_first([(span, name) for name, span in candidates.items() if name in known])
        spans += self._near(text, [*taken, *(span for span, _ in spans)])
        spans = [
            (span, name)
            for span, name in spans
            if not any(_inside(span, other) for other, _ in spans if other != span)
        ]
        names = [name for _, name in spans]
        entities = {
            form: entity
            for entity in self._store.entities_named(names)
            for form in (entity.name, *entity.aliases)
        }
        return sorted(
            (_entity_anchor(text, span, name, entities.get(name)) for span, name in spans),
            key=lambda anchor: anchor.start,
        )

    def _near(
        self, text: str, taken: Sequence[tuple[int, int]]
    ) -> list[tuple[tuple[int, int], str]]:
        """Names the question writes short (without their head word) or nearly as stored."""
        found: list[tuple[tuple[int, int], str]] = []
        words = {(start, end) for _, start, end in jieba_tokenize(text, guess_unknown=False)}
        boundaries = {offset for span in words for offset in span}
        for start in range(len(text) - 1):
            if not _is_name_char(text[start]) or not _is_name_char(text[start + 1]):
                continue
            nearest: tuple[float, tuple[int, int], str] | None = None
            for name in self._store.names_starting(text[start : start + 2]):
                claimed = [*taken, *(span for span, _ in found)]
                short = next((s for s in _short_forms(name) if text.startswith(s, start)), None)
                if short:
                    end = start + len(short)
                    # a short form stands alone and is no dictionary word: not 国新 in
                    # 全国新增, not 线性 (线性资本) in 线性滑轨, not 智元 in a model 智元A2
                    # (a year after it is no model: 擎川机器人2025年)
                    if (
                        {start, end} <= boundaries
                        and (not _MODEL_CODE_CHAR.match(text, end) or _YEAR.match(text, end))
                        and (start, end) not in words
                        and not _overlaps(start, end, claimed)
                        and not _is_region(short)
                    ):
                        found.append(((start, end), name))
                    continue
                contracted = name.replace("人民政府", "政府")  # 苏州市政府办公室
                if contracted != name and text.startswith(contracted, start):
                    # over any shorter name inside it (市政府): the longer name is meant
                    found.append(((start, start + len(contracted)), name))
                    continue
                end = start + len(name)
                if len(name) < _FUZZY_MIN_CHARS or _overlaps(start, end, claimed):
                    continue
                ratio = fuzz.ratio(text[start:end], name)
                if ratio >= _FUZZY_MIN_RATIO and (nearest is None or ratio > nearest[0]):
                    nearest = (ratio, (start, min(end, len(text))), name)
            if nearest is not None:  # of names written nearly so, the nearest
                found.append(nearest[1:])
        return [(span, name) for span, name in found if not _is_region(name)]


def _inside(span: tuple[int, int], other: tuple[int, int]) -> bool:
    return other[0] <= span[0] and span[1] <= other[1]


def _short_forms(name: str) -> list[str]:
    """How a question may write a name short: without its legal form (擎川机器人 for
    擎川机器人股份有限公司), without its head word (智元 for 智元机器人), longest first."""
    plain = _LEGAL_FORM.sub("", name)
    forms = [plain] if plain != name and len(plain) >= _SHORT_MIN_CHARS else []
    short = _without_head(plain)
    return [*forms, short] if short else forms


def _without_head(name: str) -> str | None:
    """智元 for 智元机器人: a name less the head word of an organization (cues.toml), when
    two or more characters of its own are left."""
    for head in sorted(cues().names["heads"], key=len, reverse=True):  # 大模型 before 模型
        if name.endswith(head) and len(name) - len(head) >= _SHORT_MIN_CHARS:
            short = name[: -len(head)]
            # "每台机器人" less 机器人 is 每台, a quantity in any question ("每台整机用多少个")
            return None if _QUANTITY_WORD.fullmatch(short) else short
    return None


def _substrings(text: str, taken: Sequence[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Return every name-like substring (2+ characters, no punctuation) -> first span."""
    found: dict[str, tuple[int, int]] = {}
    for start in range(len(text)):
        for end in range(start + 2, min(len(text), start + _MAX_NAME_CHARS) + 1):
            if not _is_name_char(text[end - 1]) or _overlaps(start, end, taken):
                break
            piece = text[start:end]
            if _is_name_char(piece[0]) and piece.strip() == piece and not _is_region(piece):
                found.setdefault(piece, (start, end))
    return found


def _is_name_char(char: str) -> bool:
    return is_cjk(char) or char.isalnum() or char in _NAME_EXTRA_CHARS


def _is_region(name: str) -> bool:
    """Region names are left to the region anchors (and their hierarchy)."""
    return region_index().lookup(name) is not None


def _longest_first(
    spans: list[tuple[tuple[int, int], str]],
) -> list[tuple[tuple[int, int], str]]:
    kept: list[tuple[tuple[int, int], str]] = []
    for span, name in sorted(spans, key=lambda item: (item[0][0] - item[0][1], item[0][0])):
        if not _overlaps(*span, [other for other, _ in kept]):
            kept.append((span, name))
    return kept


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _entity_anchor(text: str, span: tuple[int, int], name: str, entity: Entity | None) -> Anchor:
    forms = tuple(
        dict.fromkeys((name,) if entity is None else (name, entity.name, *entity.aliases))
    )
    surface = text[span[0] : span[1]]
    year = _LEADING_YEAR.match(name)
    if year is not None:  # "2025世界人工智能大会" is 世界人工智能大会 in a 2025 article
        return Anchor(
            surface,
            AnchorKind.ENTITY,
            forms,
            *span,
            local_forms=(name[year.end() :],),
            home=year[1],
        )
    local = [found for form in forms if (found := _local_form(form)) is not None]
    if not local:
        return Anchor(surface, AnchorKind.ENTITY, forms, *span)
    home = short_region_name(local[0][1])
    local_forms = tuple(dict.fromkeys(short for short, region in local if region == local[0][1]))
    return Anchor(surface, AnchorKind.ENTITY, forms, *span, local_forms=local_forms, home=home)


def _local_form(name: str) -> tuple[str, Region] | None:
    """市科委 and 北京市 for 北京市科委: how a body named after its region is written in
    that region's own documents, which name the region once and the body short after."""
    index = region_index()
    for cut in range(len(name) - 2, 2, -1):
        if name[cut - 1] in _LEVEL_CHARS and (region := index.lookup(name[:cut])) is not None:
            return name[cut - 1 :], region
    return None
