"""Extract: `Document` -> grounded mentions, entities and facts.

Imports core and normalize. Backends are registered by versioned name; `rules.v1` is the
default: offline patterns, domain packs and the trained entity tagger.
"""

from __future__ import annotations

from industry_atlas.core.errors import ConfigError
from industry_atlas.core.protocols import EntityTagger, Extractor

DEFAULT_EXTRACTOR = "rules.v1"


def extractor_names() -> list[str]:
    """The names of the available extraction backends."""
    return [DEFAULT_EXTRACTOR]


def get_extractor(name: str = DEFAULT_EXTRACTOR) -> Extractor:
    """Return a ready extractor by its registered name.

    Raises:
        ConfigError: if no backend has that name.
    """
    if name == DEFAULT_EXTRACTOR:
        from industry_atlas.extract.rules import RuleExtractor

        return RuleExtractor(tagger=_default_tagger())
    raise ConfigError(
        f"unknown extractor {name!r} (Tip: available: {', '.join(extractor_names())})"
    )


def _default_tagger() -> EntityTagger:
    """The shipped CLUENER recognizer, limited to the labels the rules read."""
    from industry_atlas.extract.ner import EntityRecognizer

    return EntityRecognizer(labels=("company", "government", "organization", "name"))
