"""Report: analysis results -> one self-contained HTML file (charts inlined) or Markdown.

Imports only core and analyze results; never cli, pipeline or web.
"""

from industry_atlas.report.render import FORMATS, render_report

__all__ = ["FORMATS", "render_report"]
