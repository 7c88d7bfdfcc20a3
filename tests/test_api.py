"""The Python API of the previous tool: job, classifier, Lambda handler."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from uuid import UUID

import pytest

from job_insights.api import FailureAnalyzerJob, FailureClassifier, lambda_handler
from job_insights.report import ReportFilter, load_report
from warehouses import NOW, SINCE, copy_warehouse, settings_for

SCHEDULED_EVENT = {
    "version": "0",
    "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
    "detail-type": "Scheduled Event",
    "source": "aws.events",
    "account": "123456789012",
    "time": NOW.isoformat() + "Z",
    "region": "eu-north-1",
    "resources": ["arn:aws:events:eu-north-1:123456789012:rule/job-insights-daily"],
    "detail": {"hours": 240},
}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_warehouse(tmp_path_factory, "api")


def test_job_run_returns_a_summary(warehouse: Path) -> None:
    job = FailureAnalyzerJob(settings_for(warehouse), refresh=False)
    summary = job.run(since=SINCE, until=NOW)
    expected = load_report(settings_for(warehouse), ReportFilter(since=SINCE, until=NOW), NOW)
    assert (summary.total_jobs, summary.total_errors) == (expected.total_jobs,
                                                          expected.total_errors)
    assert sum(summary.by_category.values()) == summary.total_errors
    data = json.loads(json.dumps(summary.to_dict(), default=str))
    assert data["total_jobs"] == summary.total_jobs and data["jobs"]
    tenant = UUID(data["jobs"][0]["tenant_id"])
    by_tenant = job.run(since=SINCE, until=NOW, tenant_id=tenant)
    assert 0 < by_tenant.total_jobs < summary.total_jobs
    assert set(by_tenant.to_dict()["by_tenant"]) == {str(tenant)}


def test_job_run_refreshes_the_warehouse_first(tmp_path_factory: pytest.TempPathFactory) -> None:
    warehouse = copy_warehouse(tmp_path_factory, "api-refresh")
    summary = FailureAnalyzerJob(settings_for(warehouse), lookback_hours=24).run(until=NOW)
    assert summary.total_errors > 0


def test_classifier() -> None:
    result = FailureClassifier(use_llm_fallback=False).classify({
        "code": 500, "message": "Xledger API timeout after 30 seconds",
        "exception": "ReadTimeout", "details": {},
    })
    assert (result.category, result.classified_by) == ("THIRD_PARTY_SYSTEM", "rule")
    assert result.reasoning and 0 < result.confidence <= 1


def test_lambda_handler_with_a_scheduled_event(
    warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOB_INSIGHTS_DUCKDB", str(warehouse))
    monkeypatch.delenv("SLACK_WEBHOOK_URL", raising=False)
    event = {**SCHEDULED_EVENT, "detail": {"hours": 240, "refresh": False}}
    result = lambda_handler(event, None)
    json.dumps(result)  # a Lambda response must serialise
    assert result["analysis_period"] == {"since": (NOW - timedelta(hours=240)).isoformat(),
                                         "until": NOW.isoformat()}
    assert result["total_errors"] > 0 and result["by_category"]
