"""The Python API of the previous tool, on the warehouse.

    job = FailureAnalyzerJob(lookback_hours=24)
    summary = job.run(tenant_id="67791af9-750d-4697-a9d4-2d69a4a9405a")
    summary.total_jobs, summary.total_errors, summary.by_category, summary.to_dict()

    FailureClassifier().classify({"message": "...", "exception": "ReadTimeout", "code": 500})

`lambda_handler` runs the job in AWS Lambda (configuration from the environment and SSM).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from job_insights.classify import ClassificationResult, Classifier
from job_insights.config import Settings
from job_insights.report import Report, ReportFilter, load_report, utc_now

log = logging.getLogger(__name__)


@dataclass
class AnalysisSummary:
    """What a run found; `report` holds every error row."""

    report: Report

    @property
    def total_jobs(self) -> int:
        return self.report.total_jobs

    @property
    def total_errors(self) -> int:
        return self.report.total_errors

    @property
    def by_category(self) -> dict[str, int]:
        return {category: count for category, count, _ in self.report.by_category()}

    def to_dict(self) -> dict[str, Any]:
        return self.report.to_dict()


class FailureAnalyzerJob:
    """Refresh the warehouse (`job-insights run`), then summarise a period from the marts.

    `use_llm` is kept for the previous tool's signature: the LLM step runs inside the pipeline
    when it is configured. `refresh=False` only reads the marts.
    """

    def __init__(self, settings: Settings | None = None, use_llm: bool = True,
                 lookback_hours: float = 24, refresh: bool = True,
                 slack_webhook: str | None = None) -> None:
        self.settings = settings or Settings.load()
        self.use_llm = use_llm
        self.lookback_hours = lookback_hours
        self.refresh = refresh
        self.slack_webhook = slack_webhook

    def run(self, since: datetime | None = None, until: datetime | None = None,
            tenant_id: UUID | str | None = None, pipeline: str | None = None,
            category: str | None = None) -> AnalysisSummary:
        now = utc_now()
        report_filter = ReportFilter.build(
            now, hours=self.lookback_hours, since=since, until=until,
            tenant_id=str(tenant_id) if tenant_id is not None else None,
            pipeline=pipeline, category=category,
        )
        if self.refresh:
            from job_insights.pipeline import run_pipeline

            # use_llm=False turns the LLM step off; True leaves it to LOCAL_LLM_ENABLED
            run_pipeline(self.settings, llm_overrides=None if self.use_llm else {"enabled": False})
        summary = AnalysisSummary(load_report(self.settings, report_filter, now))
        if self.slack_webhook:
            from job_insights.slack import post_summary

            post_summary(self.slack_webhook, summary.report)
        return summary


class FailureClassifier:
    """Classify one error item with the project's compiled rules and the corrections seed."""

    def __init__(self, settings: Settings | None = None, use_llm_fallback: bool = False) -> None:
        self.settings = settings or Settings.load()
        self.use_llm_fallback = use_llm_fallback  # the LLM step classifies in the pipeline
        self._classifier: Classifier | None = None

    def classify(self, error: dict[str, Any]) -> ClassificationResult:
        if self._classifier is None:
            self._classifier = Classifier(self.settings)
        return self._classifier.classify(error)


def _event_datetime(value: Any) -> datetime | None:
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None


def lambda_handler(event: dict[str, Any] | None, context: Any) -> dict[str, Any]:
    """AWS Lambda entry point, e.g. for a daily EventBridge schedule.

    Options, all optional, at the top of the event or in its `detail`: hours (24), since,
    until (ISO 8601; default the event's `time`, else now), tenant_id, pipeline, category,
    refresh (default true: run the pipeline first). Configuration comes from the environment
    and SSM (config.py); Slack from SLACK_WEBHOOK_URL. Returns the summary as a dict.
    """
    from job_insights.slack import webhook_url

    event = event or {}
    detail = event.get("detail")
    options = {**event, **(detail if isinstance(detail, dict) else {})}
    job = FailureAnalyzerJob(
        lookback_hours=float(options.get("hours", 24)),
        refresh=bool(options.get("refresh", True)),
        slack_webhook=webhook_url(None),
    )
    summary = job.run(
        since=_event_datetime(options.get("since")),
        until=_event_datetime(options.get("until") or event.get("time")),
        tenant_id=options.get("tenant_id"), pipeline=options.get("pipeline"),
        category=options.get("category"),
    )
    log.info("analysed %s failed jobs, %s errors", summary.total_jobs, summary.total_errors)
    return summary.to_dict()


handler = lambda_handler
