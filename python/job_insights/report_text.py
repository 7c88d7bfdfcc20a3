"""Text and markdown renderings of a failure report (the previous tool's layout)."""

from __future__ import annotations

from typing import Any

from job_insights.report import RULE, Report, render_summary_text
from job_insights.report import jobs as count_jobs

MESSAGE_WIDTH = 60


def _short(text: str | None, width: int) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def _when(row: dict[str, Any]) -> str:
    return row["finished_at"].isoformat() if row["finished_at"] else "-"


def _confidence(row: dict[str, Any]) -> str:
    return "-" if row["confidence"] is None else f"{row['confidence']:.2f}"


def _error_lines(number: int, row: dict[str, Any], indent: str) -> list[str]:
    return [
        f"{indent}{number}. {row['activity_name'] or '(no activity)'}",
        f"{indent}   Category: {row['category']} (classified by {row['classified_by']}"
        + (f", rule {row['rule_id']}" if row["rule_id"] else "") + ")",
        f"{indent}   Confidence: {_confidence(row)}",
        f"{indent}   Reasoning: {row['reasoning'] or '-'}",
        f"{indent}   Exception: {row['exception_type'] or '-'}",
        f"{indent}   Message: {_short(row['error_message'], 500) or '-'}",
    ]


def render_text(report: Report) -> str:
    """Summary, classification methods, the detailed error table, then every job's errors."""
    lines = [render_summary_text(report).rstrip("\n"), "", RULE, "CLASSIFIED BY", RULE]
    lines += [f"  {method:<25}: {count:>4}" for method, count in report.by_classified_by()]
    lines += ["", RULE, "DETAILED ERROR TABLE", RULE]
    header = (f"  {'Job ID':<10} {'Finished At':<19} {'Pipeline':<28} {'Activity':<22} "
              f"{'Category':<20} {'By':<10} Message")
    lines += [header, "  " + "-" * (len(header) - 2 + MESSAGE_WIDTH - 7)]
    for row in report.errors:
        finished = row["finished_at"].isoformat(sep=" ") if row["finished_at"] else "-"
        lines.append(
            f"  {row['job_id'][:8]:<10} {finished:<19} "
            f"{_short(row['pipeline_name'] or '(unknown)', 28):<28} "
            f"{_short(row['activity_name'], 22):<22} {row['category']:<20} "
            f"{row['classified_by']:<10} {_short(row['error_message'], MESSAGE_WIDTH)}"
        )
    lines += ["", RULE, "DETAILED ERROR ANALYSIS", RULE]
    for category, jobs in report.jobs_by_primary_category():
        lines += ["", f"{category} ({count_jobs(len(jobs))})"]
        for job_id, rows in jobs:
            first = rows[0]
            lines += [
                "",
                f"  Job: {job_id}",
                f"  Pipeline: {first['pipeline_name'] or '(unknown)'}",
                f"  Tenant: {first['tenant_id'] or '(unknown)'}",
                f"  Finished At: {_when(first)}",
                "  Errors:",
            ]
            for number, row in enumerate(rows, start=1):
                lines += _error_lines(number, row, "    ")
    return "\n".join(lines) + "\n"


def _md(text: object) -> str:
    """A value safe inside a markdown table cell."""
    return " ".join(str(text if text is not None else "").split()).replace("|", "\\|")


def render_markdown(report: Report, top: int = 20) -> str:
    period = f"{report.filter.since.isoformat()} to {report.filter.until.isoformat()}"
    lines = [
        "# Failure Analysis Report", "",
        "## Summary", "",
        f"- Analysis Period: {period}",
        f"- Analyzed At: {report.analyzed_at.isoformat()}",
        f"- Total Failed Jobs: {report.total_jobs}",
        f"- Total Errors: {report.total_errors}", "",
        "## Errors by Category", "",
        "| Category | Count | Percentage |", "|----------|-------|------------|",
    ]
    lines += [f"| {category} | {count} | {share:.1f}% |"
              for category, count, share in report.by_category()]
    lines += ["", "## Classified By", "", "| Method | Errors |", "|--------|--------|"]
    lines += [f"| {method} | {count} |" for method, count in report.by_classified_by()]
    for title, key in (("Failed Jobs by Tenant", "tenant_id"),
                       ("Failed Jobs by Pipeline", "pipeline_name")):
        lines += ["", f"## {title}", "", "| Name | Failed Jobs |", "|------|-------------|"]
        lines += [f"| {_md(label)} | {count} |" for label, count in report.failed_jobs_by(key)]
    lines += ["", "## Top Error Groups", "",
              "| Fingerprint | Errors | Jobs | Category | Classified By | Exception | Message |",
              "|---|---|---|---|---|---|---|"]
    lines += [
        f"| `{group.fingerprint[:12]}` | {group.errors} | {group.jobs} | {group.category} | "
        f"{group.classified_by} | {_md(group.exception_type)} | "
        f"{_md(_short(group.sample_message, 100))} |"
        for group in report.groups()[:top]
    ]
    lines += ["", "## Detailed Error Table", "",
              "| Job ID | Pipeline | Activity | Category | Classified By | Message |",
              "|---|---|---|---|---|---|"]
    lines += [
        f"| `{row['job_id']}` | {_md(row['pipeline_name'])} | {_md(row['activity_name'])} | "
        f"{row['category']} | {row['classified_by']} | {_md(_short(row['error_message'], 120))} |"
        for row in report.errors
    ]
    lines += ["", "## Detailed Error Analysis"]
    for category, jobs in report.jobs_by_primary_category():
        lines += ["", f"### {category} ({count_jobs(len(jobs))})"]
        for job_id, rows in jobs:
            first = rows[0]
            lines += ["", f"#### Job: `{job_id}`",
                      f"- Pipeline: {_md(first['pipeline_name'] or '(unknown)')}",
                      f"- Tenant: `{first['tenant_id'] or '(unknown)'}`",
                      f"- Finished At: {_when(first)}",
                      "- Errors:"]
            for number, row in enumerate(rows, start=1):
                lines += [
                    f"  {number}. **{_md(row['activity_name'] or '(no activity)')}**",
                    f"     - Category: `{row['category']}`",
                    f"     - Classified By: {row['classified_by']}"
                    + (f" (rule `{row['rule_id']}`)" if row["rule_id"] else ""),
                    f"     - Confidence: {_confidence(row)}",
                    f"     - Reasoning: {_md(row['reasoning']) or '-'}",
                    f"     - Exception: `{_md(row['exception_type']) or '-'}`",
                    f"     - Message: {_md(_short(row['error_message'], 500)) or '-'}",
                ]
    return "\n".join(lines) + "\n"
