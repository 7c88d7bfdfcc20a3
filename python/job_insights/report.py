"""Failure reports read from the marts: the data once, then one renderer per format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from job_insights.config import Settings
from job_insights.warehouse import MARTS_SCHEMA, fetch_all

CATEGORY_ORDER = ("INPUT_DATA_QUALITY", "WORKFLOW_ENGINE", "THIRD_PARTY_SYSTEM", "UNKNOWN")
RULE = "-" * 80


@dataclass(frozen=True)
class ReportFilter:
    since: datetime
    until: datetime
    tenant_id: str | None = None
    pipeline: str | None = None
    category: str | None = None

    def where(self) -> tuple[str, dict[str, Any]]:
        """SQL conditions on fct_job_errors and their parameters."""
        conditions = ["finished_at >= %(since)s", "finished_at <= %(until)s"]
        params: dict[str, Any] = {"since": self.since, "until": self.until}
        if self.tenant_id:
            conditions.append("tenant_id = %(tenant_id)s")
            params["tenant_id"] = self.tenant_id
        if self.pipeline:
            conditions.append("(pipeline_name = %(pipeline)s or pipeline_id = %(pipeline)s)")
            params["pipeline"] = self.pipeline
        if self.category:
            conditions.append("category = %(category)s")
            params["category"] = self.category
        return " and ".join(conditions), params


@dataclass
class Report:
    filter: ReportFilter
    analyzed_at: datetime
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total_jobs(self) -> int:
        return len({row["job_id"] for row in self.errors})

    @property
    def total_errors(self) -> int:
        return len(self.errors)

    def by_category(self) -> list[tuple[str, int, float]]:
        counts = {category: 0 for category in CATEGORY_ORDER}
        for row in self.errors:
            counts[row["category"]] = counts.get(row["category"], 0) + 1
        total = self.total_errors or 1
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [(category, count, 100.0 * count / total) for category, count in ranked if count]

    def failed_jobs_by(self, key: str) -> list[tuple[str, int]]:
        jobs: dict[str, set[str]] = {}
        for row in self.errors:
            label = row[key] or "(unknown)"
            jobs.setdefault(label, set()).add(row["job_id"])
        return sorted(((label, len(ids)) for label, ids in jobs.items()),
                      key=lambda item: (-item[1], item[0]))


def load_report(settings: Settings, report_filter: ReportFilter, now: datetime) -> Report:
    where, params = report_filter.where()
    rows = fetch_all(
        settings,
        f"select * from {MARTS_SCHEMA}.fct_job_errors where {where} "
        "order by finished_at desc, job_id, error_index",
        params,
    )
    return Report(filter=report_filter, analyzed_at=now, errors=rows)


def render_summary_text(report: Report, top: int = 10) -> str:
    """The summary sections of the text report: period, totals, categories, tenants, pipelines."""
    lines = [
        "=" * 80, "FAILURE ANALYSIS SUMMARY", "=" * 80, "",
        f"Analysis Period: {report.filter.since.isoformat()} to {report.filter.until.isoformat()}",
        f"Analyzed At: {report.analyzed_at.isoformat()}", "",
        f"Total Failed Jobs: {report.total_jobs}",
        f"Total Errors: {report.total_errors}", "",
        RULE, "ERRORS BY CATEGORY", RULE,
    ]
    lines += [f"  {category:<25}: {count:>4} ({share:5.1f}%)"
              for category, count, share in report.by_category()]
    for title, key in (("FAILED JOBS BY TENANT", "tenant_id"),
                       ("FAILED JOBS BY PIPELINE", "pipeline_name")):
        lines += ["", RULE, title, RULE]
        ranked = report.failed_jobs_by(key)
        lines += [f"  {label}: {count} jobs" for label, count in ranked[:top]]
        if len(ranked) > top:
            lines.append(f"  ... and {len(ranked) - top} more")
    return "\n".join(lines) + "\n"
