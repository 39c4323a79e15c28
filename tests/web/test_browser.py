"""The dashboard as a person uses it: Debian's Chromium, driven by Playwright (no browser
download), against a real server. A scorecard cell opens its evidence, a document shows
its highlighted spans, a question gets a cited answer, an uploaded file appears, and
hostile text stays text. Screenshots go to test-artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ARTIFACTS
from tests.web.conftest import LiveServer
from tests.web.test_safety import HOSTILE, IMG, SCRIPT

LAPTOP = {"width": 1400, "height": 950}
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.slow


@pytest.fixture
def page(browser, live_server: LiveServer) -> Iterator[Any]:
    """A page that records script errors, dialogs (an executed alert) and requests that
    leave the server."""
    context = browser.new_context(viewport=LAPTOP, base_url=live_server.url)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on(
        "dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    opened.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_server.url, "data:"))
            else problems.append(f"fetched {request.url}")
        ),
    )
    opened.problems = problems
    yield opened
    context.close()
    assert problems == []


def shoot(page: Any, name: str, *, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=full_page)


def test_a_scorecard_cell_opens_its_evidence(page) -> None:
    page.goto("/")
    page.wait_for_function(
        "document.querySelectorAll('.chart[data-drawn]').length === document.querySelectorAll('.chart').length"
    )
    assert page.locator(".chart").count() >= 7
    cell = page.locator("button.cell").first
    panel = page.locator("#evidence")
    assert not panel.is_visible()
    cell.click()
    page.wait_for_selector("#evidence .passage mark")
    assert panel.is_visible()
    marks = panel.locator("mark").all_inner_texts()
    assert marks and all(marks)
    link = panel.locator(".passage cite a").first
    assert "/documents/" in link.get_attribute("href") and "hl=" in link.get_attribute("href")
    shoot(page, "home-evidence")
    link.click()
    page.wait_for_selector(".doc-text .target")
    assert page.locator(".doc-text .target").first.is_visible()


def test_a_document_shows_highlighted_spans_and_a_fact_scrolls_to_its_span(page) -> None:
    page.goto("/documents")
    page.locator("table.listing a").first.click()
    spans = page.locator(".doc-text .m")
    assert spans.count() > 5 and spans.first.is_visible()
    colours = spans.first.evaluate(
        "e => getComputedStyle(e).backgroundColor + getComputedStyle(e).textDecorationLine"
    )
    assert colours != "rgba(0, 0, 0, 0)none", "a highlighted span has no colour"
    assert page.locator(".legend .m").count() == 8
    facts = page.locator("button.fact")
    last = facts.nth(facts.count() - 1)
    last.click()
    active = page.locator(".doc-text .ev.active").first
    active.wait_for()
    page.wait_for_timeout(600)  # smooth scrolling
    assert active.is_visible() and active.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    shoot(page, "document")


def test_a_question_gets_a_cited_answer_that_opens_the_passage(page) -> None:
    page.goto("/ask")
    page.fill("#q", "深圳有哪几款人形机器人？")
    page.click("form.ask button")
    page.wait_for_selector(".answer")
    assert "Walker" in page.inner_text(".answer-text")
    citations = page.locator("ol.citations details")
    assert citations.count() >= 2
    second = citations.nth(1)
    assert second.get_attribute("open") is None
    page.locator("a.cite", has_text="[2]").first.click()
    assert second.get_attribute("open") is not None
    assert second.locator(".passage mark").inner_text()
    shoot(page, "ask")


def test_an_uploaded_file_appears(page, tmp_path: Path) -> None:
    document = tmp_path / "苏州新闻.txt"
    document.write_text(
        "苏州人形机器人产业观察\n\n2024年5月，苏州市工业和信息化局印发《苏州市人形机器人产业创新发展实施方案》。",
        encoding="utf-8",
    )
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not really a pdf")
    page.goto("/upload")
    page.set_input_files("input[type=file]", [str(document), str(broken)])
    page.click("#upload button")
    page.wait_for_selector("#progress li.stored a")
    page.wait_for_selector("#progress li.failed")
    assert "PDF" in page.inner_text("#progress li.failed")
    shoot(page, "upload")
    page.click("#progress li.stored a")
    page.wait_for_selector("h1")
    assert "苏州人形机器人产业观察" in page.inner_text("h1")
    page.goto("/documents")
    assert "苏州人形机器人产业观察" in page.inner_text("table.listing")


def test_hostile_text_is_shown_as_text(page, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    page.goto("/upload")
    page.set_input_files("input[type=file]", str(hostile))
    page.click("#upload button")
    page.wait_for_selector("#progress li a")
    page.click("#progress li a")
    page.wait_for_selector(".doc-text")
    text = page.inner_text(".doc-text")
    assert SCRIPT in text and IMG in text
    assert page.locator("main img").count() == 0
    page.goto("/documents")
    assert SCRIPT in page.inner_text("table.listing")
    page.goto("/ask?q=" + SCRIPT)
    assert page.locator("#q").input_value() == SCRIPT
    shoot(page, "hostile", full_page=True)


def test_the_home_page_reads_on_a_phone(browser, live_server: LiveServer) -> None:
    context = browser.new_context(viewport=PHONE, base_url=live_server.url, is_mobile=True)
    phone = context.new_page()
    phone.goto("/")
    phone.wait_for_selector(".chart[data-drawn]")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, "the page scrolls sideways; only the table may"
    phone.locator("button.cell").first.click()
    phone.wait_for_selector("#evidence .passage mark")
    shoot(phone, "phone-home")
    context.close()
