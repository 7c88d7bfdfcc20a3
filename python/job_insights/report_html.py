"""The HTML report: one self-contained file (inline CSS, data and script; no network).

The page script draws two SVG charts from the embedded data: errors by category per day
(stacked bars) and the top error groups. When it has drawn them it sets
`data-charts-rendered` on <body> to the number of charts drawn; tests read that attribute.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from job_insights.report import Report

MAX_DETAIL_ROWS = 5000
TOP_GROUPS = 10
COLORS = {
    "INPUT_DATA_QUALITY": "#e69f00",
    "WORKFLOW_ENGINE": "#0072b2",
    "THIRD_PARTY_SYSTEM": "#cc79a7",
    "UNKNOWN": "#999999",
}

STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
h1 { margin-bottom: 0; } .meta { color: #666; margin-top: .3em; }
.cards { display: flex; gap: 1em; margin: 1em 0; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: .6em 1em; min-width: 10em; }
.card b { display: block; font-size: 1.6em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1.5em; }
th, td { border-bottom: 1px solid #eee; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f6f6f6; } td.num { text-align: right; }
.chart { width: 100%; border: 1px solid #eee; border-radius: 6px; }
.legend span { display: inline-block; margin-right: 1em; }
.legend i { display: inline-block; width: .9em; height: .9em; margin-right: .3em; }
.msg { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-word; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 2em; }
"""

SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var NS = 'http://www.w3.org/2000/svg';
  function el(name, attrs, text) {
    var node = document.createElementNS(NS, name);
    for (var key in attrs) { node.setAttribute(key, attrs[key]); }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function dailyChart(svg) {
    var days = data.daily, width = 1000, height = 260, left = 40, bottom = 40, top = 10;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    var max = 1;
    days.forEach(function (day) {
      var sum = 0; data.categories.forEach(function (c) { sum += day.counts[c] || 0; });
      max = Math.max(max, sum);
    });
    var plotW = width - left - 10, plotH = height - top - bottom;
    var step = plotW / Math.max(days.length, 1), barW = Math.max(step * 0.8, 1);
    svg.appendChild(el('line', {x1: left, y1: top + plotH, x2: width - 10, y2: top + plotH,
                                stroke: '#999'}));
    svg.appendChild(el('text', {x: left - 5, y: top + 10, 'text-anchor': 'end',
                                'font-size': 11}, String(max)));
    svg.appendChild(el('text', {x: left - 5, y: top + plotH, 'text-anchor': 'end',
                                'font-size': 11}, '0'));
    days.forEach(function (day, i) {
      var x = left + i * step + (step - barW) / 2, y = top + plotH;
      data.categories.forEach(function (category) {
        var count = day.counts[category] || 0;
        if (!count) { return; }
        var h = plotH * count / max;
        y -= h;
        var bar = el('rect', {x: x, y: y, width: barW, height: h, fill: data.colors[category],
                              'class': 'bar', 'data-category': category});
        bar.appendChild(el('title', {}, day.day + ' ' + category + ': ' + count));
        svg.appendChild(bar);
      });
      var every = Math.ceil(days.length / 15);
      if (i % every === 0) {
        svg.appendChild(el('text', {x: x + barW / 2, y: height - bottom + 15,
                                    'text-anchor': 'middle', 'font-size': 10},
                           day.day.slice(5)));
      }
    });
  }
  function groupsChart(svg) {
    var groups = data.groups, width = 1000, rowH = 24, left = 360;
    var height = Math.max(groups.length, 1) * rowH + 10;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    var max = 1; groups.forEach(function (g) { max = Math.max(max, g.errors); });
    groups.forEach(function (g, i) {
      var y = 5 + i * rowH, w = (width - left - 60) * g.errors / max;
      var label = (g.exception_type || '(no exception)') + ': ' + (g.sample_message || '');
      if (label.length > 55) { label = label.slice(0, 52) + '...'; }
      svg.appendChild(el('text', {x: left - 8, y: y + 15, 'text-anchor': 'end',
                                  'font-size': 11}, label));
      var bar = el('rect', {x: left, y: y, width: Math.max(w, 1), height: rowH - 6,
                            fill: data.colors[g.category] || '#999', 'class': 'bar',
                            'data-fingerprint': g.fingerprint});
      bar.appendChild(el('title', {}, g.fingerprint + ' ' + g.category + ': ' + g.errors));
      svg.appendChild(bar);
      svg.appendChild(el('text', {x: left + w + 5, y: y + 15, 'font-size': 11},
                         String(g.errors)));
    });
  }
  var drawn = 0;
  var daily = document.getElementById('chart-daily');
  if (daily) { dailyChart(daily); drawn += 1; }
  var groups = document.getElementById('chart-groups');
  if (groups) { groupsChart(groups); drawn += 1; }
  document.body.setAttribute('data-charts-rendered', String(drawn));
})();
"""


def _embedded_json(value: Any) -> str:
    """JSON that cannot end the <script> element it sits in."""
    return json.dumps(value, default=str).replace("<", "\\u003c").replace(">", "\\u003e")


def _table(headers: list[str], rows: list[list[Any]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    body = "".join(
        "<tr>" + "".join(
            f'<td class="num">{escape(str(cell))}</td>' if index in numeric
            else f"<td>{escape('' if cell is None else str(cell))}</td>"
            for index, cell in enumerate(row)
        ) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(report: Report) -> str:
    groups = report.groups()
    data = {
        "categories": list(COLORS),
        "colors": COLORS,
        "daily": [{"day": day.isoformat(), "counts": counts}
                  for day, counts in report.daily_by_category()],
        "groups": [group.to_dict() for group in groups[:TOP_GROUPS]],
    }
    period = f"{report.filter.since.isoformat()} to {report.filter.until.isoformat()}"
    legend = "".join(f'<span><i style="background:{color}"></i>{escape(category)}</span>'
                     for category, color in COLORS.items())
    cards = "".join(
        f'<div class="card">{escape(label)}<b>{value}</b></div>'
        for label, value in (("Failed jobs", report.total_jobs),
                             ("Errors", report.total_errors),
                             ("Error groups", len(groups)))
    )
    categories = _table(["Category", "Errors", "Share"],
                        [[c, n, f"{s:.1f}%"] for c, n, s in report.by_category()], {1, 2})
    methods = _table(["Classified by", "Errors"],
                     [list(item) for item in report.by_classified_by()], {1})
    tenants = _table(["Tenant", "Failed jobs"],
                     [list(item) for item in report.failed_jobs_by("tenant_id")], {1})
    pipelines = _table(["Pipeline", "Failed jobs"],
                       [list(item) for item in report.failed_jobs_by("pipeline_name")], {1})
    group_table = _table(
        ["Fingerprint", "Errors", "Jobs", "Category", "Classified by", "Rule", "Exception",
         "Message"],
        [[g.fingerprint[:12], g.errors, g.jobs, g.category, g.classified_by, g.rule_id or "",
          g.exception_type, (g.sample_message or "")[:300]] for g in groups[:50]],
        {1, 2},
    )
    shown = report.errors[:MAX_DETAIL_ROWS]
    details = _table(
        ["Finished at", "Job", "Pipeline", "Activity", "Category", "Classified by", "Rule",
         "Confidence", "Reasoning", "Exception", "Message"],
        [[row["finished_at"], row["job_id"], row["pipeline_name"], row["activity_name"],
          row["category"], row["classified_by"], row["rule_id"] or "",
          "" if row["confidence"] is None else f"{row['confidence']:.2f}",
          row["reasoning"], row["exception_type"], (row["error_message"] or "")[:500]]
         for row in shown],
    )
    more = (f"<p>Showing the latest {MAX_DETAIL_ROWS} of {len(report.errors)} errors; "
            "use --format csv for all.</p>" if len(report.errors) > MAX_DETAIL_ROWS else "")
    filters = ", ".join(f"{key} {value}" for key, value in report.filter.to_dict().items()
                        if value)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Failure Analysis Report</title>
<style>{STYLE}</style>
</head>
<body data-charts-rendered="0">
<h1>Failure Analysis Report</h1>
<p class="meta">Analysis period {escape(period)} (UTC){escape(' · ' + filters) if filters else ''}
 · analyzed at {escape(report.analyzed_at.isoformat())}</p>
<div class="cards">{cards}</div>
<h2>Errors by category over time</h2>
<div class="legend">{legend}</div>
<svg id="chart-daily" class="chart" role="img" aria-label="Errors by category per day"></svg>
<h2>Top error groups</h2>
<svg id="chart-groups" class="chart" role="img" aria-label="Largest error groups"></svg>
<div class="columns">
<div><h2>Errors by category</h2>{categories}<h2>Classified by</h2>{methods}</div>
<div><h2>Failed jobs by tenant</h2>{tenants}<h2>Failed jobs by pipeline</h2>{pipelines}</div>
</div>
<h2>Error groups</h2>{group_table}
<h2>Errors</h2>{more}{details}
<noscript><p>The charts need JavaScript; the tables above hold the same numbers.</p></noscript>
<script type="application/json" id="report-data">{_embedded_json(data)}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""
