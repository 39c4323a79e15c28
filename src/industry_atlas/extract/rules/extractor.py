"""`RuleExtractor`: reads a document once and runs every rule over the shared reading.

Part of the rules extractor; imports core, normalize and the rule modules. The order
matters: policies and organizations first, because persons, products, attributions,
metrics and events refer to the organizations found.
"""

from __future__ import annotations

from collections.abc import Sequence

from industry_atlas.core.models import Document, Extraction
from industry_atlas.core.protocols import EntityTagger
from industry_atlas.extract.packs import load_packs
from industry_atlas.extract.rules.attribution import attribute_cities
from industry_atlas.extract.rules.counts import find_count_claims
from industry_atlas.extract.rules.events import find_events
from industry_atlas.extract.rules.findings import EXTRACTOR, Findings
from industry_atlas.extract.rules.lexicon import default_lexicon
from industry_atlas.extract.rules.metrics import find_metrics
from industry_atlas.extract.rules.organizations import find_organizations
from industry_atlas.extract.rules.persons import find_persons
from industry_atlas.extract.rules.policies import find_policies
from industry_atlas.extract.rules.products import find_products
from industry_atlas.extract.rules.quotes import find_quotes
from industry_atlas.extract.rules.reading import Reading
from industry_atlas.extract.rules.tables import find_table_metrics


class RuleExtractor:
    """The default, offline extractor: no network, no API key.

    Args:
        tagger: the trained entity recognizer; None reads with patterns and packs only.
    """

    name = EXTRACTOR

    def __init__(self, tagger: EntityTagger | None = None) -> None:
        self.tagger = tagger

    def extract(self, document: Document) -> Extraction:
        """Return the mentions, entities and grounded facts of `document`."""
        return self.extract_many([document])[0]

    def extract_many(self, documents: Sequence[Document]) -> list[Extraction]:
        """Return the extraction of each document; the tagger reads them in one batch."""
        readings = [Reading(document) for document in documents]
        if self.tagger is not None:
            texts = [reading.text for reading in readings]  # folded once, by the reading
            for reading, spans in zip(readings, self.tagger.recognize_many(texts), strict=True):
                reading.tagged = spans
        return [self._extract(reading) for reading in readings]

    @staticmethod
    def _extract(reading: Reading) -> Extraction:
        knowledge = load_packs()
        lexicon = default_lexicon()
        findings = Findings(reading.document)
        find_policies(reading, findings, knowledge)
        find_organizations(reading, findings, knowledge, lexicon)
        find_persons(reading, findings, knowledge)
        find_products(reading, findings, knowledge, lexicon)
        find_table_metrics(reading, findings)
        find_metrics(reading, findings, knowledge.titles)
        find_count_claims(reading, findings, knowledge)
        attribute_cities(reading, findings, lexicon)
        find_events(reading, findings)
        find_quotes(reading, findings, knowledge)
        return findings.to_extraction(reading.reference_date)
