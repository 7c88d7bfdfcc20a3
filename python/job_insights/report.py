"""Failure reports read from the marts: the data once, then one renderer per format.

`load_report` reads the errors of `fct_job_errors` that the filter selects; `Report` computes
every section from them; `render` turns a report into text, markdown, json, csv or html.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from job_insights.config import Settings
from job_insights.warehouse import MARTS_SCHEMA, fetch_all

CATEGORY_ORDER = ("INPUT_DATA_QUALITY", "WORKFLOW_ENGINE", "THIRD_PARTY_SYSTEM", "UNKNOWN")
FORMATS = ("text", "markdown", "json", "csv", "html")
RULE = "-" * 80

#: Columns of the CSV report: the previous tool's, then the ids that corrections need, then the
#: empty column a reviewer fills in (`job-insights corrections import` reads it back).
CSV_COLUMNS = (
    ("Job ID", "job_id"),
    ("Pipeline Name", "pipeline_name"),
    ("Tenant ID", "tenant_id"),
    ("Finished At", "finished_at"),
    ("Activity Name", "activity_name"),
    ("Error Category", "category"),
    ("Classified By", "classified_by"),
    ("Confidence", "confidence"),
    ("Reasoning", "reasoning"),
    ("Error Code", "error_code"),
    ("Error Message", "error_message"),
    ("Exception Type", "exception_type"),
    ("Error ID", "error_id"),
    ("Fingerprint", "fingerprint"),
    ("Rule ID", "rule_id"),
    ("Corrected Category", None),
)
CORRECTED_CATEGORY = "Corrected Category"


class ReportInputError(ValueError):
    """A report option is malformed (a tenant id that is no uuid, an empty period)."""


def normalize_tenant_id(value: str | None) -> str | None:
    """Tenant ids are uuids; refuse anything else with a clear message."""
    if value is None:
        return None
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        raise ReportInputError(
            f"malformed tenant id {value!r}: expected a uuid such as "
            "67791af9-750d-4697-a9d4-2d69a4a9405a"
        ) from None


def utc_naive(moment: datetime) -> datetime:
    """The warehouse stores UTC timestamps without a zone."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


@dataclass(frozen=True)
class ReportFilter:
    since: datetime
    until: datetime
    tenant_id: str | None = None
    pipeline: str | None = None
    category: str | None = None

    @classmethod
    def build(
        cls, now: datetime, hours: float = 24, since: datetime | None = None,
        until: datetime | None = None, tenant_id: str | None = None,
        pipeline: str | None = None, category: str | None = None,
    ) -> ReportFilter:
        """The last `hours` before `until` (default now), unless `since` is given."""
        end = utc_naive(until) if until else now
        start = utc_naive(since) if since else end - timedelta(hours=hours)
        if start > end:
            raise ReportInputError(
                f"--since {start.isoformat()} is after --until {end.isoformat()}")
        if category is not None and category.upper() not in CATEGORY_ORDER:
            raise ReportInputError(
                f"unknown category {category!r}: use one of {', '.join(CATEGORY_ORDER)}"
            )
        return cls(since=start, until=end, tenant_id=normalize_tenant_id(tenant_id),
                   pipeline=pipeline, category=category.upper() if category else None)

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

    def to_dict(self) -> dict[str, Any]:
        return {"tenant_id": self.tenant_id, "pipeline": self.pipeline, "category": self.category}


@dataclass(frozen=True)
class ErrorGroup:
    fingerprint: str
    category: str
    classified_by: str
    rule_id: str | None
    exception_type: str | None
    activity_name: str | None
    sample_message: str | None
    errors: int
    jobs: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


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
        """(category, errors, percentage of all errors), most errors first."""
        counts: dict[str, int] = {}
        for row in self.errors:
            counts[row["category"]] = counts.get(row["category"], 0) + 1
        total = self.total_errors or 1
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [(category, count, 100.0 * count / total) for category, count in ranked]

    def by_classified_by(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for row in self.errors:
            counts[row["classified_by"]] = counts.get(row["classified_by"], 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def failed_jobs_by(self, key: str) -> list[tuple[str, int]]:
        jobs: dict[str, set[str]] = {}
        for row in self.errors:
            label = row[key] or "(unknown)"
            jobs.setdefault(label, set()).add(row["job_id"])
        return sorted(((label, len(ids)) for label, ids in jobs.items()),
                      key=lambda item: (-item[1], item[0]))

    def jobs(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """Each failed job with its errors in order, latest job first."""
        grouped: dict[str, list[dict[str, Any]]] = {}
        for row in self.errors:
            grouped.setdefault(row["job_id"], []).append(row)
        for rows in grouped.values():
            rows.sort(key=lambda row: row["error_index"])
        return list(grouped.items())

    def jobs_by_primary_category(self) -> list[tuple[str, list[tuple[str, list[dict[str, Any]]]]]]:
        """Jobs grouped by the category of their first error, largest category first."""
        grouped: dict[str, list[tuple[str, list[dict[str, Any]]]]] = {}
        for job_id, rows in self.jobs():
            grouped.setdefault(rows[0]["category"], []).append((job_id, rows))
        return sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0]))

    def groups(self) -> list[ErrorGroup]:
        """Error groups (fingerprints), most errors first."""
        rows_by_group: dict[str, list[dict[str, Any]]] = {}
        for row in self.errors:
            rows_by_group.setdefault(row["fingerprint"], []).append(row)
        groups = []
        for fingerprint, rows in rows_by_group.items():
            first = rows[-1]  # rows are latest first: the earliest error represents the group
            groups.append(ErrorGroup(
                fingerprint=fingerprint, category=first["category"],
                classified_by=first["classified_by"], rule_id=first["rule_id"],
                exception_type=first["exception_type"], activity_name=first["activity_name"],
                sample_message=first["error_message"], errors=len(rows),
                jobs=len({row["job_id"] for row in rows}),
            ))
        return sorted(groups, key=lambda group: (-group.errors, group.fingerprint))

    def daily_by_category(self) -> list[tuple[date, dict[str, int]]]:
        """Errors per day (finish date) and category, every day of the period present."""
        counts: dict[date, dict[str, int]] = {}
        for row in self.errors:
            if row["finished_at"] is None:
                continue
            day = counts.setdefault(row["finished_at"].date(), {})
            day[row["category"]] = day.get(row["category"], 0) + 1
        days = []
        current, last = self.filter.since.date(), self.filter.until.date()
        while current <= last:
            days.append((current, counts.get(current, {})))
            current += timedelta(days=1)
        return days

    def to_dict(self) -> dict[str, Any]:
        """Everything in the report as JSON-ready values (the json format)."""
        return {
            "analysis_period": {"since": self.filter.since.isoformat(),
                                "until": self.filter.until.isoformat()},
            "analyzed_at": self.analyzed_at.isoformat(),
            "filters": self.filter.to_dict(),
            "total_jobs": self.total_jobs,
            "total_errors": self.total_errors,
            "by_category": {category: count for category, count, _ in self.by_category()},
            "by_category_percentage": {category: round(share, 1)
                                       for category, _, share in self.by_category()},
            "by_classified_by": dict(self.by_classified_by()),
            "by_tenant": dict(self.failed_jobs_by("tenant_id")),
            "by_pipeline": dict(self.failed_jobs_by("pipeline_name")),
            "top_groups": [group.to_dict() for group in self.groups()[:20]],
            "jobs": [
                {
                    "job_id": job_id,
                    "pipeline_id": rows[0]["pipeline_id"],
                    "pipeline_name": rows[0]["pipeline_name"],
                    "tenant_id": rows[0]["tenant_id"],
                    "finished_at": _iso(rows[0]["finished_at"]),
                    "errors": [_error_dict(row) for row in rows],
                }
                for job_id, rows in self.jobs()
            ],
        }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _error_dict(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("error_id", "error_index", "activity_name", "error_code", "exception_type",
            "error_message", "fingerprint", "category", "classified_by", "rule_id",
            "confidence", "reasoning")
    return {key: row[key] for key in keys}


def load_report(settings: Settings, report_filter: ReportFilter, now: datetime) -> Report:
    where, params = report_filter.where()
    rows = fetch_all(
        settings,
        f"select * from {MARTS_SCHEMA}.fct_job_errors where {where} "
        "order by finished_at desc, job_id, error_index",
        params,
    )
    for row in rows:
        if row["confidence"] is not None:
            row["confidence"] = float(row["confidence"])
    return Report(filter=report_filter, analyzed_at=now, errors=rows)


def jobs(count: int) -> str:
    return f"{count} job" if count == 1 else f"{count} jobs"


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
        lines += [f"  {label}: {jobs(count)}" for label, count in ranked[:top]]
        if len(ranked) > top:
            lines.append(f"  ... and {len(ranked) - top} more")
    return "\n".join(lines) + "\n"


def csv_value(row: dict[str, Any], key: str | None) -> str:
    if key is None:
        return ""
    value = row[key]
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def render_csv(report: Report, rows: list[dict[str, Any]] | None = None) -> str:
    """One line per error; the last column, Corrected Category, is left for a reviewer."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([title for title, _ in CSV_COLUMNS])
    for row in report.errors if rows is None else rows:
        writer.writerow([csv_value(row, key) for _, key in CSV_COLUMNS])
    return out.getvalue()


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, default=str) + "\n"


def render(report: Report, fmt: str) -> str:
    """The report in one of FORMATS."""
    from job_insights import report_html, report_text

    renderers: dict[str, Callable[[Report], str]] = {
        "text": report_text.render_text,
        "markdown": report_text.render_markdown,
        "json": render_json,
        "csv": render_csv,
        "html": report_html.render_html,
    }
    if fmt not in renderers:
        raise ReportInputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return renderers[fmt](report)
