"""The report as a person sees it: Debian's Chromium, driven by Playwright (no browser
download), draws every chart, reveals a number's highlighted source passage on a click,
and shows hostile text as text. Screenshots go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ARTIFACTS
from tests.report.hostile import IMG, SCRIPT, hostile_db

pytestmark = pytest.mark.slow

# Counts the pixels of a canvas that are not transparent: a drawn chart has many.
PAINTED = """canvas => {
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) painted++; }
  return painted;
}"""


def open_report(browser: Any, cli, db: Path, out: Path, *args: str) -> tuple[Any, list[str]]:
    result = cli("report", "--db", str(db), "--out", str(out), *args)
    assert result.exit_code == 0, result.output
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(("file:", "data:", "about:"))
            else problems.append(f"fetched {request.url}")
        ),
    )
    page.goto(out.as_uri())
    page.wait_for_function(
        "document.querySelectorAll('.chart[data-drawn]').length === document.querySelectorAll('.chart').length"
    )
    return page, problems


def test_every_chart_draws_and_a_click_reveals_the_highlighted_source(
    browser, cli, seed_db: Path, tmp_path: Path
) -> None:
    page, problems = open_report(
        browser, cli, seed_db, tmp_path / "seed.html", "--regions", "北京,上海,深圳"
    )
    charts = page.query_selector_all(".chart")
    assert len(charts) == 10
    for chart in charts:
        canvas = chart.query_selector("canvas")
        assert canvas is not None, f"{chart.get_attribute('id')} has no canvas"
        assert canvas.evaluate(PAINTED) > 500, f"{chart.get_attribute('id')} drew nothing"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-seed.png"), full_page=True)

    revenue = page.locator("a.num", has_text="170亿元")
    panel_id = revenue.get_attribute("href").lstrip("#")
    assert not page.locator(f"#{panel_id}").is_visible()
    revenue.click()
    panel = page.locator(f"#{panel_id}")
    assert panel.is_visible()
    marked = panel.locator("mark").all_inner_texts()
    assert any("170亿元" in text for text in marked)
    assert "北京机器人产业收入" in panel.inner_text()
    page.screenshot(path=str(ARTIFACTS / "report-seed-evidence.png"))
    assert problems == []


def test_hostile_text_is_shown_as_text_in_the_browser(browser, cli, tmp_path: Path) -> None:
    db = hostile_db(tmp_path / "hostile.sqlite")
    page, problems = open_report(browser, cli, db, tmp_path / "hostile.html")
    assert page.locator("img").count() == 0
    assert SCRIPT in page.inner_text("body")  # in the timeline table
    panels = page.eval_on_selector_all(".evidence", "els => els.map(e => e.textContent).join(' ')")
    assert IMG in panels
    page.locator("a.num", has_text="1").first.click()
    page.mouse.move(300, 300)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-hostile.png"), full_page=True)
    assert problems == []
