"""The rules backend (`rules.v1`): patterns, domain packs and the trained entity tagger."""

from industry_atlas.extract.rules.extractor import RuleExtractor

__all__ = ["RuleExtractor"]
