"""`industry-atlas documents` and `industry-atlas show`: look at what is stored."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from industry_atlas.cli.common import DbOption, JsonOption, open_store, print_json, stdout
from industry_atlas.core.models import Document, Mention, MentionType

# One colour per mention type, shared with the legend printed under the text.
MENTION_STYLES = {
    MentionType.ORG: "bold cyan",
    MentionType.PERSON: "bold magenta",
    MentionType.PLACE: "bold green",
    MentionType.POLICY: "bold yellow",
    MentionType.PRODUCT: "bold blue",
    MentionType.COMPONENT: "bold red",
    MentionType.QUANTITY: "underline",
    MentionType.TIME: "italic",
}


def documents(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the documents in the knowledge base.

    Example: industry-atlas documents --db kb.sqlite --json
    """
    with open_store(db) as store:
        rows = store.documents()
    if as_json:
        print_json([{**asdict(row), "published": str(row.published or "") or None} for row in rows])
        return
    table = Table("id", "title", "published", "chars", "format", "copy of", "source")
    for row in rows:
        table.add_row(
            row.doc_id,
            Text(row.title),
            str(row.published or "—"),
            f"{row.char_count:,}",
            row.format,
            row.duplicate_of or "",
            Text(row.source),
        )
    stdout.print(table)
    stdout.print(f"{len(rows)} documents")


def show(
    ref: Annotated[
        str,
        typer.Argument(
            help="Document id, id prefix (4+ characters) or source path.", metavar="DOC"
        ),
    ],
    db: DbOption = None,
    original: Annotated[
        bool,
        typer.Option(
            "--original", help="Show the text as the source had it (e.g. traditional characters)."
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Print a document's text with the stored mentions highlighted by type.

    Example: industry-atlas show 3f2a --db kb.sqlite
    """
    with open_store(db) as store:
        document = store.get_document(ref)
        mentions = store.mentions_of(document.doc_id)
    if as_json:
        print_json(_document_json(document, mentions))
        return
    stdout.print(Text(document.title, style="bold"))
    stdout.print(
        Text(
            f"{document.doc_id} · {document.published or 'date unknown'} · {document.source}",
            style="dim",
        )
    )
    stdout.print()
    if original and document.original_text is not None:
        stdout.print(_highlight_original(document, mentions))
    else:
        stdout.print(
            highlight(document.text, [(m.span.start, m.span.end, m.type) for m in mentions])
        )
    if mentions:
        legend = Text("  ").join(
            Text(kind.value, style=style) for kind, style in MENTION_STYLES.items()
        )
        stdout.print()
        stdout.print(Text("legend: ") + legend)


def highlight(text: str, spans: list[tuple[int, int, MentionType]]) -> Text:
    """Return `text` as Rich text with each span styled by its mention type (never markup)."""
    rich_text = Text(text)
    for start, end, kind in spans:
        rich_text.stylize(MENTION_STYLES[kind], start, end)
    return rich_text


def _highlight_original(document: Document, mentions: list[Mention]) -> Text:
    assert document.original_text is not None
    spans = [(*document.original_span(m.span.start, m.span.end), m.type) for m in mentions]
    return highlight(document.original_text, spans)


def _document_json(document: Document, mentions: list[Mention]) -> dict[str, object]:
    return {
        "id": document.doc_id,
        "title": document.title,
        "source": document.source,
        "published": str(document.published) if document.published else None,
        "meta": dict(document.meta),
        "text": document.text,
        "mentions": [
            {"start": m.span.start, "end": m.span.end, "type": m.type.value, "text": m.span.quote}
            for m in mentions
        ],
    }
