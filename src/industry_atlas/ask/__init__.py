"""Ask: a Chinese question -> an answer from the knowledge base, every claim cited.

Imports only core and normalize (and third-party jieba, rapidfuzz); talks to storage
through `core.protocols.AskReader`.
"""

from industry_atlas.ask.engine import Asker, answer

__all__ = ["Asker", "answer"]
