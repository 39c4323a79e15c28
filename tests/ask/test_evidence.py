"""Amounts in answers are shown as their evidence writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from industry_atlas.ask.evidence import written_amount
from industry_atlas.core.models import Fact, FactKind, Qualifier, Quantity, Span, StoredFact


def metric(quote: str, *amounts: tuple[int, str, Qualifier]) -> list[StoredFact]:
    span = Span("doc", 0, len(quote), quote)
    return [
        StoredFact(
            f"f{number}",
            "doc",
            Fact(
                FactKind.METRIC,
                "Optimus",
                "产量目标",
                (span,),
                quantity=Quantity(Decimal(value), unit, qualifier),
            ),
        )
        for number, (value, unit, qualifier) in enumerate(amounts)
    ]


@pytest.mark.parametrize(
    ("quote", "amounts", "written"),
    [
        # a range: the bound's qualifier comes from 至, not from the amount's own words
        (
            "2026年产量目标为5万至10万台",
            [(50000, "台", Qualifier.GE), (100000, "台", Qualifier.LE)],
            "5万至10万台",
        ),
        ("年产500至1000台", [(500, "台", Qualifier.GE), (1000, "台", Qualifier.LE)], "500至1000台"),
        # the words that make 128K a context length lie outside the evidence
        ("GLM-4-Plus支持128K", [(128000, "tokens", Qualifier.EQ)], "128K"),
    ],
)
def test_amounts_are_shown_as_written(
    quote: str, amounts: list[tuple[int, str, Qualifier]], written: str
) -> None:
    assert written_amount(metric(quote, *amounts)) == written
