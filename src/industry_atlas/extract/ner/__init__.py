"""The generic entity recognizer: a character tagger trained on CLUENER2020.

Imports core only (and numpy, ahocorasick); torch and jieba are needed for training only.
"""

from industry_atlas.extract.ner.spans import NamedSpan
from industry_atlas.extract.ner.tagger import EntityRecognizer

__all__ = ["EntityRecognizer", "NamedSpan"]
