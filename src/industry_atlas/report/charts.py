"""The report's charts as ECharts options, built with pyecharts.

Part of report; imports core and analyze results. Options are plain data: the report
inlines them as JSON next to the ECharts script shipped in report/assets, so a report
draws offline. Labels are bilingual, Chinese first. Animation is off: a chart is drawn
at once (and a screenshot shows it).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pyecharts import options as opts
from pyecharts.charts import Bar, Radar, Sankey, Scatter
from pyecharts.charts.chart import Chart

from industry_atlas.analyze.model import Chain, RegionCard, Scorecard, TimelineEntry

CHART_REGIONS = 10
_INIT = opts.InitOpts(renderer="canvas", animation_opts=opts.AnimationOpts(animation=False))


def scorecard_charts(card: Scorecard) -> list[tuple[str, str, dict[str, Any]]]:
    """Return (id, title, options) of the overview radar and one bar chart per dimension."""
    regions = card.regions[:CHART_REGIONS]
    charts = [("chart-radar", "总览 Overview (0-100)", _options(_radar(card, regions)))]
    for dimension in card.dimensions:
        indicators = [i for i in card.indicators if i.dimension == dimension.id]
        bar = Bar(init_opts=_INIT).add_xaxis([region.name for region in regions])
        for indicator in indicators:
            scores = [_score(region, indicator.id) for region in regions]
            bar.add_yaxis(f"{indicator.zh} {indicator.en}", scores, label_opts=_NO_LABEL)
        bar.set_global_opts(
            yaxis_opts=opts.AxisOpts(name="得分 score", max_=100),
            legend_opts=opts.LegendOpts(type_="scroll"),
            tooltip_opts=opts.TooltipOpts(trigger="axis"),
        )
        title = f"{dimension.zh} {dimension.en}"
        charts.append((f"chart-{dimension.id}", title, _options(bar)))
    return charts


def policy_chart(entries: Sequence[TimelineEntry]) -> dict[str, Any]:
    """Return a scatter of dated policies: time across, region down, title on hover."""
    dated = [entry for entry in entries if entry.kind == "policy" and entry.date and entry.region]
    chart = (
        Scatter(init_opts=_INIT)
        .add_xaxis([])
        .add_yaxis("政策 Policies", [], symbol_size=12, label_opts=_NO_LABEL)
    )
    chart.set_global_opts(
        xaxis_opts=opts.AxisOpts(type_="time", name="日期 date"),
        yaxis_opts=opts.AxisOpts(type_="category"),
        legend_opts=opts.LegendOpts(is_show=False),
    )
    options = _options(chart)
    options["yAxis"][0]["data"] = sorted({entry.region or "" for entry in dated})
    options["series"][0]["data"] = [[_iso(entry), entry.region, entry.subject] for entry in dated]
    options["series"][0]["encode"] = {"x": 0, "y": 1, "tooltip": [0, 1, 2]}
    return options


def products_chart(card: Scorecard) -> dict[str, Any]:
    """Return stacked bars of products by registration city and year."""
    regions = [r for r in card.regions if r.cell("products").is_disclosed][:CHART_REGIONS]
    years = sorted({year for r in regions for year, _ in r.cell("products").breakdown})
    bar = Bar(init_opts=_INIT).add_xaxis([region.name for region in regions])
    for year in years:
        counts = [dict(region.cell("products").breakdown).get(year, 0) for region in regions]
        bar.add_yaxis(year, counts, stack="products", label_opts=_NO_LABEL)
    bar.set_global_opts(
        yaxis_opts=opts.AxisOpts(name="产品数 products"),
        tooltip_opts=opts.TooltipOpts(trigger="axis"),
    )
    return _options(bar)


def chain_chart(chain: Chain) -> dict[str, Any]:
    """Return a Sankey of component categories -> suppliers -> their cities."""
    nodes: dict[str, None] = {}
    links: dict[tuple[str, str], int] = {}
    for node in chain.nodes:
        if node.stage != "upstream":
            continue
        for member in node.members:
            category, company = f"部件 {node.zh}", f"企业 {member.name}"
            city = f"城市 {member.region or '未知 unknown'}"
            nodes.update(dict.fromkeys((category, company, city)))
            links[(category, company)] = links.get((category, company), 0) + 1
            links[(company, city)] = 1
    chart = Sankey(init_opts=_INIT).add(
        "供应链 Supply chain",
        [{"name": name} for name in nodes],
        [{"source": a, "target": b, "value": value} for (a, b), value in links.items()],
        label_opts=opts.LabelOpts(position="right"),
    )
    return _options(chart)


def to_json(options: Any) -> str:
    """Serialise chart data for a <script type="application/json"> element: no "<", ">"
    or "&" can close the element or start markup, whatever the names in it."""
    text = json.dumps(options, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _radar(card: Scorecard, regions: Sequence[RegionCard]) -> Radar:
    schema = [opts.RadarIndicatorItem(name=f"{d.zh}\n{d.en}", max_=100) for d in card.dimensions]
    radar = Radar(init_opts=_INIT).add_schema(schema=schema)
    for region in regions:
        values = [entry.score or 0 for entry in region.dimensions]
        radar.add(region.name, [values], label_opts=_NO_LABEL)
    radar.set_global_opts(legend_opts=opts.LegendOpts(type_="scroll"))
    return radar


def _score(region: RegionCard, indicator: str) -> float:
    score = region.cell(indicator).score
    return round(score, 1) if score is not None else 0.0


def _iso(entry: TimelineEntry) -> str:
    date = entry.date
    assert date is not None
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}"


def _options(chart: Chart) -> dict[str, Any]:
    options: dict[str, Any] = json.loads(chart.dump_options())
    return options


_NO_LABEL = opts.LabelOpts(is_show=False)
