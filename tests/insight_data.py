"""A small hand-made workflow-manager history whose marts are known in advance.

The clock is conftest.FIXED_NOW (passed to dbt as var insights_as_of). Each error group has one
story: BINDER is new, FLAKY regressed, DRIFT ongoing, LEGACY resolved; VENDOR_TIMEOUT matches
two rules, TIMEOUT and then CONNECTION_REFUSED (so the later one is shadowed); MYSTERY matches
none. Bad input is part
of it: a pipeline missing from `pipeline`, a job without finish time, a job with neither start
nor finish, invalid JSON, and a pipeline with a day of jobs but no failure.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from conftest import FIXED_NOW
from job_insights.config import Settings
from job_insights.dbt import DbtOutcome, run_dbt
from job_insights.sources import JobExecution, Pipeline, write_duckdb, write_postgres
from job_insights.warehouse import connect, fetch_all

NOW = FIXED_NOW
AS_OF_VARS: dict[str, object] = {"insights_as_of": NOW.isoformat(sep=" ")}

ERRORS: dict[str, dict[str, object]] = {
    "MYSTERY": {"code": 500, "message": "Something odd happened in step 7",
                "exception": "MysteryError", "activity_name": "TRANSFORM :: Mapping"},
    "BINDER": {"code": 500, "message": 'Binder Error: Referenced column "amount" not found',
               "exception": "BinderException", "activity_name": "SUBMIT :: Xledger"},
    "CONVERSION": {"code": 400, "message": "Could not convert string 'abc' to INT32",
                   "exception": "ConversionException", "activity_name": "LOAD :: csv"},
    "VENDOR_TIMEOUT": {"code": 504, "message": "Connection refused by the vendor gateway",
                       "exception": "TimeoutError", "activity_name": "FETCH :: Ivalua"},
    "FLAKY": {"code": 500, "message": "Flaky failure", "exception": "FlakyError",
              "activity_name": "SUBMIT :: SFTP"},
    "DRIFT": {"code": 500, "message": "Slow drift detected", "exception": "SlowDriftError",
              "activity_name": "LOAD :: warehouse"},
    "LEGACY": {"code": 500, "message": "Old failure", "exception": "LegacyError",
               "activity_name": "LOAD :: legacy"},
}

PIPELINES = [
    Pipeline(id="p1", name="Invoices", tenant_id="t1"),
    Pipeline(id="p2", name="Suppliers", tenant_id="t2"),
]


def _data(*names: str) -> str:
    return json.dumps({"run_info": {"errors": [ERRORS[name] for name in names]}})


def _job(job_id: str, pipeline: str, tenant: str, status: str, days_ago: float | None,
         data: str | None, finished: bool = True) -> JobExecution:
    at = None if days_ago is None else NOW - timedelta(days=days_ago)
    return JobExecution(
        id=job_id, pipeline_id=pipeline, tenant_id=tenant, status=status, data=data,
        started_at=None if at is None else at - timedelta(minutes=5),
        finished_at=at if finished else None,
    )


JOBS = [
    _job("j01", "p1", "t1", "FAILURE", 1, _data("MYSTERY", "BINDER", "CONVERSION")),
    _job("j02", "p1", "t1", "SUCCESS", 1, json.dumps({"run_info": {"rows": 3}})),
    _job("j03", "p1", "t1", "failed", 2, _data("FLAKY"), finished=False),
    _job("j04", "p2", "t2", "SUCCESS", 3, json.dumps({"run_info": {}})),
    _job("j05", "p2", "t2", "success", 3, json.dumps({"run_info": {}})),
    _job("j06", "p-gone", "t2", "FAILURE", 1, _data("VENDOR_TIMEOUT")),
    _job("j07", "p1", "t1", "FAILURE", 40, _data("FLAKY")),
    _job("j08", "p2", "t2", "FAILURE", 30, _data("LEGACY")),
    _job("j09", "p2", "t2", "FAILURE", 20, _data("DRIFT")),
    _job("j10", "p2", "t2", "FAILURE", 12, _data("DRIFT")),
    _job("j11", "p2", "t2", "FAILURE", 5, _data("DRIFT")),
    _job("j12", "p1", "t1", "FAILURE", 1, '{"run_info": {"errors": [{"message": "cut'),
    _job("j13", "p1", "t1", "RUNNING", 0.01, json.dumps({"run_info": {}}), finished=False),
    _job("j14", "p1", "t1", "FAILURE", None, _data("MYSTERY")),
]


@dataclass(frozen=True)
class Feedback:
    """Corrections and LLM answers added after the first build, keyed by error group."""

    error_corrections: Sequence[tuple[str, int, str]]  # (job_id, error_index, category)
    group_corrections: Sequence[tuple[str, str]]  # (error name, category)
    llm_answers: Sequence[tuple[str, str, float]]  # (error name, category, confidence)


FEEDBACK = Feedback(
    error_corrections=[("j01", 2, "INPUT_DATA_QUALITY")],
    group_corrections=[("VENDOR_TIMEOUT", "WORKFLOW_ENGINE"), ("DRIFT", "INPUT_DATA_QUALITY")],
    llm_answers=[("MYSTERY", "THIRD_PARTY_SYSTEM", 0.9), ("DRIFT", "INPUT_DATA_QUALITY", 0.8),
                 ("VENDOR_TIMEOUT", "THIRD_PARTY_SYSTEM", 0.4)],
)


def write_sources(settings: Settings, jobs: Sequence[JobExecution] = JOBS,
                  pipelines: Sequence[Pipeline] = PIPELINES) -> None:
    if settings.target == "duckdb":
        write_duckdb(settings.duckdb_path, list(pipelines), jobs)
    else:
        assert settings.database is not None
        write_postgres(settings.database, list(pipelines), jobs, data_type="text")


def build(settings: Settings, *extra: str, vars_: dict[str, object] | None = None) -> DbtOutcome:
    return run_dbt(settings, ["build", *extra], vars_={**AS_OF_VARS, **(vars_ or {})})


def fingerprint_of(settings: Settings, name: str) -> str:
    rows = fetch_all(
        settings,
        "select distinct fingerprint from job_insights.fct_job_errors "
        "where exception_type = %(exception)s",
        {"exception": ERRORS[name]["exception"]},
    )
    assert len(rows) == 1, rows
    return str(rows[0]["fingerprint"])


def add_feedback(settings: Settings, feedback: Feedback = FEEDBACK) -> None:
    """Insert corrections into the seed table and answers into the LLM table, as a person and
    the LLM step would; a build without seeds then picks them up."""
    corrections: list[tuple[Any, ...]] = []
    for job_id, index, category in feedback.error_corrections:
        error_id = fetch_all(
            settings,
            "select error_id from job_insights.fct_job_errors "
            "where job_id = %(job)s and error_index = %(index)s",
            {"job": job_id, "index": index},
        )[0]["error_id"]
        corrections.append((None, error_id, category))
    for name, category in feedback.group_corrections:
        corrections.append((fingerprint_of(settings, name), None, category))
    answers = [(fingerprint_of(settings, name), category, confidence)
               for name, category, confidence in feedback.llm_answers]
    placeholder = "%s" if settings.target == "postgres" else "?"
    with connect(settings) as connection:
        cursor = connection.cursor()
        for fingerprint, error_id, category in corrections:
            cursor.execute(
                "insert into job_insights_seeds.error_corrections (fingerprint, error_id, "
                "category, note, corrected_by, corrected_at) values "
                f"({', '.join([placeholder] * 6)})",
                (fingerprint, error_id, category, "test correction", "qa@example.com",
                 NOW - timedelta(hours=1)),
            )
        for fingerprint, category, confidence in answers:
            cursor.execute(
                "insert into job_insights_intermediate.llm_error_classifications "
                "(fingerprint, category, confidence, reasoning, model, prompt_version, "
                f"classified_at) values ({', '.join([placeholder] * 7)})",
                (fingerprint, category, confidence, "test answer", "test-model", "v1",
                 NOW - timedelta(hours=2)),
            )


def rows(settings: Settings, sql: str) -> list[dict[str, Any]]:
    """Query rows with floats rounded and timestamps as naive datetimes, engine-neutral."""
    def plain(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, 9)
        if hasattr(value, "__float__") and not isinstance(value, int | bool):
            return round(float(value), 9)
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.replace(tzinfo=None)
        return value
    return [{key: plain(value) for key, value in row.items()}
            for row in fetch_all(settings, sql)]
