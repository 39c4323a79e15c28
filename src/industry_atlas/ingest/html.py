"""Extract the main text of a news or government web page, dropping navigation and ads.

Part of ingest; imports only core and ingest.formats' result type and metadata. Uses
trafilatura for boilerplate removal and its metadata (title, publish date, site name);
a page whose markup dates nothing is dated by the dateline of its visible text, which
trafilatura leaves out of the main text with the byline ("记者 罗晓岚 2026年3月18日").
"""

from __future__ import annotations

import lxml.html
import trafilatura
from lxml.etree import ParserError

from industry_atlas.core.errors import empty_input
from industry_atlas.ingest.formats import ExtractedText
from industry_atlas.ingest.metadata import find_dateline


def read_html(html: str, encoding: str, source: str) -> ExtractedText:
    """Return the main-content text of `html` with its title, date and site name.

    Raises:
        IngestError: if the page has no main text.
    """
    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        deduplicate=False,
        # Only dates from the page's markup: htmldate's search of the visible text guesses
        # (a copyright year becomes "2024-01-01"); metadata.find_dateline reads the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        raise empty_input(source)
    result = result if isinstance(result, dict) else result.as_dict()
    text = result.get("text")
    if not text or not text.strip():
        raise empty_input(source)
    meta = {"site_name": result["sitename"]} if result.get("sitename") else {}
    return ExtractedText(
        text,
        "html",
        encoding,
        title=result.get("title") or None,
        published=result.get("date") or _page_dateline(html),
        meta=meta,
    )


def _page_dateline(html: str) -> str | None:
    """The date of a dateline in the page's visible text (its byline), as ISO text."""
    try:
        page = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return None
    for hidden in page.xpath("//script|//style|//title"):
        hidden.drop_tree()
    date = find_dateline(page.text_content())
    return date.iso() if date is not None else None
