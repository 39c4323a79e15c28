"""Real files in real formats, made by the tests, read back through ingest."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from corpus.render import Article, render_docx, render_html, render_pdf

from industry_atlas.core.errors import IngestError
from industry_atlas.core.models import PartialDate
from industry_atlas.ingest import LoadOptions, build_document
from industry_atlas.ingest.formats import extract_text

ARTICLE = Article(
    "杭州发布人形机器人产业行动计划",
    (
        "2024年3月18日 来源：杭州日报",
        "3月18日，杭州市人民政府办公厅印发《杭州市人形机器人产业发展行动计划（2024—2027年）》，"
        "提出到2027年全市人形机器人产业规模突破100亿元，培育具有全球影响力的整机企业2家以上。",
        "## 龙头企业",
        "宇树科技总部位于杭州市滨江区，其发布的H1人形机器人已在多家高校和研究机构落地应用，"
        "云深处科技推出的绝影X30四足机器人则在电力巡检、应急救援等场景中批量使用。" * 3,
        "业内人士表示，杭州在算法、传感器和整机方面已形成较完整的产业链条。",
    ),
)


def test_html_boilerplate_is_dropped_and_metadata_kept() -> None:
    page = render_html(ARTICLE, site="杭州网", published="2024-03-18")
    document = build_document(page.encode("utf-8"), "news/page.html", LoadOptions())
    assert document.title == ARTICLE.title
    assert document.published == PartialDate(2024, 3, 18)
    assert document.meta["format"] == "html"
    assert document.meta["site_name"] == "杭州网"
    assert "《杭州市人形机器人产业发展行动计划（2024—2027年）》" in document.text
    for boilerplate in ("限时优惠", "相关阅读", "版权所有", "首页"):
        assert boilerplate not in document.text


def test_gbk_html_without_charset_declaration_is_decoded() -> None:
    page = render_html(ARTICLE, site="杭州网", published=None).replace('<meta charset="utf-8">', "")
    document = build_document(page.encode("gb18030"), "page.htm", LoadOptions())
    assert "宇树科技总部位于杭州市滨江区" in document.text
    assert document.meta["encoding"] == "gb18030"


def test_pdf_page_breaks_and_running_headers_are_repaired() -> None:
    pdf = render_pdf(ARTICLE, header="杭州市经信局 | 产业动态", lines_per_page=6)
    document = build_document(pdf, "report.pdf", LoadOptions())
    assert int(document.meta["page_count"]) >= 3
    assert "杭州市经信局" not in document.text
    assert "第 1 页" not in document.text
    # the sentence crosses line and page breaks in the PDF; it comes back whole
    assert (
        "宇树科技总部位于杭州市滨江区，其发布的H1人形机器人已在多家高校和研究机构落地应用"
        in document.text
    )
    assert "《杭州市人形机器人产业发展行动计划（2024—2027年）》" in document.text
    assert document.title == ARTICLE.title


def test_docx_paragraphs_and_tables_are_read_in_order() -> None:
    data = render_docx(ARTICLE, with_table=(("企业", "城市"), ("宇树科技", "杭州")))
    document = build_document(data, "notice.docx", LoadOptions())
    assert document.title == ARTICLE.title
    assert document.text.index("龙头企业") < document.text.index("宇树科技总部")
    assert "宇树科技\t杭州" in document.text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("x.pdf", os.urandom(2048), "corrupt or unreadable PDF"),
        ("cut.pdf", b"%PDF-1.4\n" + os.urandom(600), "corrupt or unreadable PDF"),
        ("x.docx", os.urandom(2048), "corrupt or unreadable DOCX"),
        ("old.doc", b"\xd0\xcf\x11\xe0" + os.urandom(600), "legacy Office file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(600), "PNG image"),
    ],
)
def test_damaged_and_foreign_files_fail_naming_the_file(
    name: str, data: bytes, reason: str
) -> None:
    with pytest.raises(IngestError) as raised:
        extract_text(data, name)
    assert raised.value.source == name
    assert reason in str(raised.value)


def test_a_zip_that_is_not_a_word_document_is_unsupported() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(IngestError, match="not a Word document"):
        extract_text(buffer.getvalue(), "archive.docx")


def test_truncated_docx_is_corrupt() -> None:
    data = render_docx(ARTICLE)
    with pytest.raises(IngestError, match="corrupt or unreadable DOCX"):
        extract_text(data[: len(data) // 2], "half.docx")


def test_a_page_without_a_date_in_its_markup_is_dated_by_its_byline() -> None:
    body = "".join(
        f"<p>{paragraph}</p>"
        for paragraph in ARTICLE.paragraphs[1:]
        if not paragraph.startswith("##")
    )
    page = (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{ARTICLE.title}_西部智造观察</title></head><body>"
        '<div class="nav">首页 | 产业 | 科技</div>'
        f"<h1>{ARTICLE.title}</h1>"
        '<p class="byline">西部智造观察记者\u3000罗晓岚\u30002026年3月18日 09:12</p>'
        f"{body}</body></html>"
    )
    document = build_document(page.encode("utf-8"), "page.html", LoadOptions())
    assert "罗晓岚" not in document.text  # the byline is not main text…
    assert document.published == PartialDate(2026, 3, 18)  # …but it dates the page
