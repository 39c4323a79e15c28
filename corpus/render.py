"""Render an article into the real file formats Industry Atlas reads.

A development tool shared by corpus/build.py (the bundled sample corpus) and the tests
(documents made on the fly): HTML pages with site boilerplate, PDFs with hard-wrapped
lines, running headers/footers and page breaks that cut sentences, Word documents.
Not part of the installed package.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

_PDF_FONT = "STSong-Light"  # an Adobe CJK CID font: readers supply it, nothing to embed


@dataclass(frozen=True)
class Article:
    """A headline and body paragraphs ("## " marks a section heading)."""

    title: str
    paragraphs: tuple[str, ...]

    @classmethod
    def parse(cls, source: str) -> Article:
        """Read the article source layout: headline, blank line, paragraphs."""
        head, _, body = source.strip("\ufeff").partition("\n")
        paragraphs = tuple(p.strip() for p in body.split("\n") if p.strip())
        return cls(head.strip(), paragraphs)

    def plain(self) -> str:
        """Return the article as plain text, paragraphs separated by blank lines."""
        return self.title + "\n\n" + "\n\n".join(self.paragraphs) + "\n"


def render_html(article: Article, *, site: str, published: str | None, byline: str = "") -> str:
    """Return a news page: navigation, ads, related links and footer around the article."""
    body = []
    for paragraph in article.paragraphs:
        if paragraph.startswith("## "):
            body.append(f"<h2>{html.escape(paragraph[3:])}</h2>")
        else:
            body.append(f"<p>{html.escape(paragraph)}</p>")
    date_meta = (
        f'<meta property="article:published_time" content="{published}T08:00:00+08:00">'
        if published
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{html.escape(article.title)}_{html.escape(site)}</title>
<meta property="og:site_name" content="{html.escape(site)}">
{date_meta}
</head><body>
<div class="top-nav"><a href="/">首页</a> | <a href="/news">要闻</a> | <a href="/tech">科技</a> |
<a href="/finance">财经</a> | <a href="/auto">汽车</a> | <a href="/login">登录</a></div>
<div class="ad-banner">【广告】限时优惠，点击领取新人礼包</div>
<div class="breadcrumb">当前位置：首页 &gt; 科技 &gt; 正文</div>
<article>
<h1>{html.escape(article.title)}</h1>
<div class="meta">{html.escape(byline)}</div>
{chr(10).join(body)}
</article>
<div class="share">分享到：微信 微博 QQ空间</div>
<aside class="related"><h3>相关阅读</h3><ul>
<li><a href="/a/1">机器人板块午后拉升 多只个股涨停</a></li>
<li><a href="/a/2">一图读懂今年科技产业十大关键词</a></li>
<li><a href="/a/3">专家解读：新质生产力如何落地</a></li></ul></aside>
<footer>版权所有 © {html.escape(site)} 未经授权禁止转载 | 关于我们 | 联系方式 | 网站地图<br>
ICP备案号：京ICP备00000000号</footer>
</body></html>
"""


def render_pdf(
    article: Article,
    *,
    header: str,
    chars_per_line: int = 36,
    lines_per_page: int = 38,
) -> bytes:
    """Return a PDF: hard-wrapped lines, a running header and a page-number footer on each
    page, and page breaks wherever the page fills up (mid-sentence, as real PDFs do)."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1  # no timestamps: the same article gives the same bytes
    pdfmetrics.registerFont(UnicodeCIDFont(_PDF_FONT))
    lines = [article.title, ""]
    for paragraph in article.paragraphs:
        lines.extend(_wrap(paragraph.removeprefix("## "), chars_per_line))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setTitle(article.title)
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    for number, page_lines in enumerate(pages, start=1):
        pdf.setFont(_PDF_FONT, 9)
        pdf.drawString(72, 810, header)
        pdf.setFont(_PDF_FONT, 11)
        for row, line in enumerate(page_lines):
            pdf.drawString(72, 780 - row * 18, line)
        pdf.setFont(_PDF_FONT, 9)
        pdf.drawString(280, 40, f"第 {number} 页 共 {len(pages)} 页")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def render_docx(article: Article, *, with_table: tuple[tuple[str, ...], ...] = ()) -> bytes:
    """Return a Word document: a Title paragraph, headings, body paragraphs, optional table."""
    import docx

    document = docx.Document()
    document.core_properties.title = article.title
    document.add_paragraph(article.title, style="Title")
    for paragraph in article.paragraphs:
        if paragraph.startswith("## "):
            document.add_heading(paragraph[3:], level=2)
        else:
            document.add_paragraph(paragraph)
    if with_table:
        table = document.add_table(rows=len(with_table), cols=len(with_table[0]))
        for row, cells in zip(table.rows, with_table, strict=True):
            for cell, value in zip(row.cells, cells, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _wrap(paragraph: str, width: int) -> list[str]:
    """Hard-wrap at `width` columns (a CJK character takes two, Latin one, as on paper);
    like a typesetter, never inside a Latin word or number."""
    lines: list[str] = []
    line = ""
    for char in paragraph:
        if _columns(line + char) > 2 * width:
            cut = len(line)
            while (
                cut > 0
                and _is_latin(line[cut - 1])
                and _is_latin(char if cut == len(line) else line[cut])
            ):
                cut -= 1
            cut = cut or len(line)
            lines.append(line[:cut])
            line = line[cut:]
        line += char
    if line:
        lines.append(line)
    return lines


def _columns(text: str) -> int:
    return sum(1 if char.isascii() else 2 for char in text)


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()
