"""How numbers read: 1.7e10 元 as "170亿元", an undisclosed value as "未披露 not disclosed".

Part of analyze; imports core and analyze. Values stay typed in the results; these
strings are for people (terminal, report) and sit beside the typed values in JSON.
"""

from __future__ import annotations

from decimal import Decimal

from industry_atlas.analyze.model import Cell, Derived
from industry_atlas.core.models import Fact

NOT_DISCLOSED = "未披露 not disclosed"
_LARGE_UNITS = ((Decimal("1e8"), "亿"), (Decimal("1e4"), "万"))
_COUNT_UNITS = {"个", "类"}


def quantity_text(value: Decimal, unit: str, qualifier: str = "=") -> str:
    """Return a figure as an analyst writes it: ">170亿元", "383台/万人", "~200家"."""
    prefix = "" if qualifier == "=" else qualifier
    if unit == "元":
        for size, word in _LARGE_UNITS:
            if abs(value) >= size:
                return f"{prefix}{_plain(value / size)}{word}元"
    return f"{prefix}{_plain(value)}{unit}"


def cell_text(cell: Cell) -> str:
    """Return the value of a cell for display (its scope in brackets), or "not disclosed"."""
    if cell.date is not None:
        return str(cell.date)
    if cell.value is None:
        return NOT_DISCLOSED
    unit = "" if cell.unit in _COUNT_UNITS else cell.unit
    text = quantity_text(cell.value, unit, cell.qualifier)
    if cell.claimed is not None and cell.claimed != int(cell.value):
        text += f"（称{cell.claimed} claimed）"
    if cell.scope:
        text += f"（{cell.scope}）"
    return text


def _plain(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text if "." not in text else text.rstrip("0").rstrip(".")


def fact_statement(fact: Fact) -> str:
    """Return a fact as one line: subject, predicate, object or figure, and time."""
    if fact.quantity is not None:
        quantity = fact.quantity
        said = quantity_text(quantity.value, quantity.unit, quantity.qualifier.value)
    else:
        said = fact.object or ""
    when = fact.time or fact.qualifiers.get("time_text")
    parts = [fact.subject, fact.predicate, said, f"({when})" if when else ""]
    return f"[{fact.kind.value}] " + " ".join(part for part in parts if part)


def derived_statement(statement: Derived) -> str:
    """Return a derived statement as one line."""
    verb = "供应 supplies" if statement.kind == "supplies" else "应用于 applied in"
    return f"[{statement.kind}, read from text] {statement.subject} {verb} {statement.term} ({statement.category})"
