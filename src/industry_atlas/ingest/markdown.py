"""Render a Markdown article as the plain text a reader sees.

Part of ingest; imports only ingest.formats' result type. Emphasis (**李大海：**), heading
marks, link targets, HTML tags and table rules are markup, not words: left in, they would
sit between a speaker and a colon or a number and its unit. Blocks become paragraphs
separated by blank lines, list items keep their marker, and a table row becomes one line
of tab-separated cells, as Word tables do.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from industry_atlas.ingest.formats import ExtractedText

_PARSER = MarkdownIt("commonmark").enable("table")
_LINE_BREAKS = frozenset({"softbreak", "hardbreak"})


def read_markdown(text: str, encoding: str | None) -> ExtractedText:
    """Return the plain text of the Markdown `text`, its first heading as the title."""
    tokens = _PARSER.parse(text)
    blocks = list(_blocks(tokens))
    title = next(
        (
            _inline(tokens[index + 1].children or [])
            for index, token in enumerate(tokens)
            if token.type == "heading_open" and token.tag == "h1"
        ),
        None,
    )
    return ExtractedText("\n\n".join(block for block in blocks if block), "md", encoding, title)


def _blocks(tokens: Sequence[Token]) -> Iterator[str]:
    """One string per paragraph, heading, list item, code block or table."""
    row: list[str] = []
    table: list[str] = []
    markers: list[str] = []  # the marker of each open list, innermost last
    numbers: list[int] = []
    pending_marker = ""
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in {"bullet_list_open", "ordered_list_open"}:
            markers.append("" if kind == "bullet_list_open" else token.markup)
            numbers.append(int(token.attrGet("start") or 1) if markers[-1] else 0)
        elif kind in {"bullet_list_close", "ordered_list_close"}:
            markers.pop()
            numbers.pop()
        elif kind == "list_item_open":
            if markers[-1]:
                pending_marker = f"{numbers[-1]}{markers[-1]} "
                numbers[-1] += 1
            else:
                pending_marker = f"{token.markup} "
        elif kind == "inline" and tokens[index - 1].type in {"th_open", "td_open"}:
            row.append(_inline(token.children or []).strip())
        elif kind == "tr_close":
            table.append("\t".join(row))
            row = []
        elif kind == "table_close":
            yield "\n".join(table)
            table = []
        elif kind == "inline":
            yield pending_marker + _inline(token.children or []).strip()
            pending_marker = ""
        elif kind in {"fence", "code_block"}:
            yield token.content.rstrip("\n")


def _inline(children: Sequence[Token]) -> str:
    parts = []
    for child in children:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in _LINE_BREAKS:
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline(child.children or []))
    return "".join(parts)
