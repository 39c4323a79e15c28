"""Industry Atlas: a source-grounded knowledge base of Chinese emerging-industry documents."""

from industry_atlas.core.models import Document, Entity, Fact, Mention, PartialDate, Span

__version__ = "0.1.0"

__all__ = ["Document", "Entity", "Fact", "Mention", "PartialDate", "Span", "__version__"]
