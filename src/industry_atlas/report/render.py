"""Render a report: one self-contained HTML file (ECharts inlined) or Markdown.

Part of report; imports core and analyze results. Templates live in report/templates,
the ECharts script (Apache-2.0, see assets/echarts-NOTICE.txt) in report/assets; both
are read when a report is rendered, never at import. Nothing is fetched when the report
is opened: it works offline.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape

from industry_atlas.analyze.overview import Overview
from industry_atlas.report.view import report_view

FORMATS = ("html", "md")
_MARKDOWN_SPECIAL = str.maketrans(
    {
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "|": "\\|",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "`": "\\`",
        "\n": " ",
    }
)


def render_report(overview: Overview, source: str, fmt: str = "html") -> str:
    """Return the report on `overview` as HTML or Markdown text.

    Args:
        overview: the analyses and their evidence.
        source: what the report is about (the knowledge-base file name), shown in the header.
        fmt: "html" (charts, clickable evidence) or "md" (tables, evidence as footnotes).
    """
    generated = datetime.now(UTC).isoformat(timespec="seconds")
    context = report_view(overview, source, generated)
    if fmt == "md":
        return _environment(markdown=True).get_template("report.md.j2").render(context)
    echarts = resources.files("industry_atlas.report").joinpath("assets", "echarts.min.js")
    # "</script" inside the library would end the inline script early.
    script = echarts.read_text(encoding="utf-8").replace("</script", "<\\/script")
    template = _environment(markdown=False).get_template("report.html.j2")
    return template.render(context, echarts=script)


def _environment(*, markdown: bool) -> Environment:
    environment = Environment(
        loader=PackageLoader("industry_atlas.report", "templates"),
        autoescape=False if markdown else select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["md"] = lambda value: str(value).translate(_MARKDOWN_SPECIAL)
    return environment
