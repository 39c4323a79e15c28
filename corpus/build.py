"""Render the sample corpus into src/industry_atlas/samples/docs/ in each manifest format.

Usage: python -m corpus.build   (from the repository root; needs the `test` extras)

Text formats keep the article source byte for byte apart from the encoding, so messy
layouts stay messy; HTML, PDF and DOCX are rendered by corpus.render, except a `verbatim`
entry, whose article is the finished file (a hand-written web page).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from corpus.render import Article, render_docx, render_html, render_pdf

ROOT = Path(__file__).resolve().parent
OUT = ROOT.parent / "src" / "industry_atlas" / "samples" / "docs"
_DATELINE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_SUFFIX = {"txt": ".txt", "md": ".md", "html": ".html", "pdf": ".pdf", "docx": ".docx"}


def build(out: Path = OUT) -> list[Path]:
    """Render every manifest entry into `out`; return the files written."""
    manifest = tomllib.loads((ROOT / "manifest.toml").read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for entry in manifest["doc"]:
        suffix = _SUFFIX[entry["format"]] if entry.get("verbatim") else ".txt"
        source = (ROOT / "articles" / f"{entry['id']}{suffix}").read_text(encoding="utf-8")
        target = out / f"{entry['id']}{_SUFFIX[entry['format']]}"
        target.write_bytes(_render(entry, source))
        written.append(target)
    return written


def _render(entry: dict[str, str], source: str) -> bytes:
    kind = entry["format"]
    if entry.get("verbatim"):
        return source.encode()  # a page written by hand, boilerplate and table included
    if kind == "txt":
        return source.encode(entry.get("encoding", "utf-8"))
    if kind == "md":
        head, _, body = source.partition("\n")
        return f"# {head.strip()}\n{body}".encode()
    article = Article.parse(source)
    if kind == "html":
        return render_html(article, site=entry["site"], published=_dateline(source)).encode()
    if kind == "pdf":
        return render_pdf(article, header=entry["header"])
    return render_docx(article)


def _dateline(source: str) -> str | None:
    match = _DATELINE.search(source[:300])
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


if __name__ == "__main__":
    for path in build():
        sys.stdout.write(f"{path.relative_to(ROOT.parent)}\n")
