"""The insight marts on DuckDB and on PostgreSQL, from a hand-made history (insight_data)
whose every number is known: first as built, then after corrections and LLM answers."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from conftest import duckdb_settings, new_pg_database, postgres_settings
from insight_data import JOBS, NOW, add_feedback, build, rows, write_sources
from job_insights.config import Settings
from pg_cluster import PgCluster

MARTS = {
    "dim_error_groups": "fingerprint",
    "agg_daily_failure_rates": "day, tenant_id, pipeline_id",
    "agg_daily_classification_shares": "day, classified_by",
    "dim_classification_rules": "rule_order",
    "agg_classification_agreement": "classifier, corrected_category, predicted_category",
    "fct_failed_jobs": "job_id",
}
Snapshot = dict[str, dict[str, list[dict[str, Any]]]]


def snapshot(settings: Settings) -> dict[str, list[dict[str, Any]]]:
    """Every mart's rows, without processed_at (when the run wrote them: differs by design)."""
    return {
        mart: [
            {column: value for column, value in row.items() if column != "processed_at"}
            for row in rows(
                settings, f"select * from job_insights.{mart} order by {order} nulls first"
            )
        ]
        for mart, order in MARTS.items()
    }


def build_both_phases(settings: Settings, vars_: dict[str, object] | None = None) -> Snapshot:
    write_sources(settings)
    build(settings, vars_=vars_)
    before = snapshot(settings)
    add_feedback(settings)
    build(settings, "--exclude-resource-type", "seed", vars_=vars_)
    return {"before": before, "after": snapshot(settings)}


@pytest.fixture(scope="module")
def duckdb_marts(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    return build_both_phases(duckdb_settings(tmp_path_factory.mktemp("marts") / "w.duckdb"))


@pytest.fixture(scope="module")
def postgres_marts(pg_cluster: PgCluster) -> Snapshot:
    settings = postgres_settings(new_pg_database(pg_cluster, "marts"))
    # Two patterns per batch: the all-matches model runs in several batches, as with many rules.
    return build_both_phases(settings, vars_={"rule_batch_patterns": 2})


@pytest.fixture(params=["duckdb", "postgres"])
def marts(request: pytest.FixtureRequest) -> Snapshot:
    return request.getfixturevalue(f"{request.param}_marts")  # type: ignore[no-any-return]


def by(rows_: list[dict[str, Any]], key: str) -> dict[Any, dict[str, Any]]:
    return {row[key]: row for row in rows_}


def test_both_engines_build_identical_marts(duckdb_marts: Snapshot,
                                            postgres_marts: Snapshot) -> None:
    for phase in ("before", "after"):
        for mart in MARTS:
            assert duckdb_marts[phase][mart] == postgres_marts[phase][mart], (phase, mart)


def test_error_group_status(marts: Snapshot) -> None:
    groups = by(marts["before"]["dim_error_groups"], "exception_type")
    assert {name: row["status"] for name, row in groups.items()} == {
        "BinderException": "new",
        "ConversionException": "new",
        "MysteryError": "new",
        "TimeoutError": "new",
        None: "new",  # the invalid-JSON job: a group of its own, not dropped
        "FlakyError": "regressed",
        "SlowDriftError": "ongoing",
        "LegacyError": "resolved",
    }
    flaky = groups["FlakyError"]
    assert flaky["first_seen_at"] == NOW - timedelta(days=40)
    # j03 has no finish time: it is seen at its start.
    assert flaky["last_seen_at"] == flaky["regressed_at"] == NOW - timedelta(days=2, minutes=5)
    assert (flaky["occurrences"], flaky["affected_jobs"]) == (2, 2)
    mystery = groups["MysteryError"]  # j14 has neither start nor finish: counted, not timed
    assert (mystery["occurrences"], mystery["affected_jobs"]) == (2, 2)
    assert mystery["last_seen_at"] == NOW - timedelta(days=1)
    timeout = groups["TimeoutError"]
    assert (timeout["category"], timeout["classified_by"], timeout["rule_id"]) == (
        "THIRD_PARTY_SYSTEM", "rule", "TIMEOUT")
    assert (timeout["affected_tenants"], timeout["affected_pipelines"]) == (1, 1)
    assert groups["SlowDriftError"]["regressed_at"] is None
    assert groups[None]["has_error_item"] is False
    assert groups["BinderException"]["representative_message"].startswith("Binder Error")


def test_error_group_windows_are_vars(tmp_path) -> None:
    settings = duckdb_settings(tmp_path / "w.duckdb")
    write_sources(settings)
    build(settings, vars_={"error_group_new_days": 1, "error_group_resolved_days": 35})
    status = {row["exception_type"]: row["status"]
              for row in rows(settings, "select * from job_insights.dim_error_groups")}
    assert status["LegacyError"] == "ongoing"  # 30 days quiet is not resolved at 35
    # Back after 38 days (a regression at 35), but two days ago: outside a 1-day window.
    assert status["FlakyError"] == "ongoing"
    assert status["BinderException"] == "new"  # first seen exactly one day ago: inclusive


def test_failure_rates(marts: Snapshot) -> None:
    rates = {(row["day"], row["pipeline_id"]): row
             for row in marts["before"]["agg_daily_failure_rates"]}
    today, yesterday = NOW.date(), NOW.date() - timedelta(days=1)
    invoices = rates[(yesterday, "p1")]
    assert (invoices["all_jobs"], invoices["failed_jobs"]) == (3, 2)
    assert invoices["failure_rate"] == round(2 / 3, 9)
    assert (invoices["rolling_jobs"], invoices["rolling_failed_jobs"]) == (4, 3)
    assert invoices["rolling_failure_rate"] == 0.75
    # A day with only a running job: no failure that day, the window still counts.
    assert rates[(today, "p1")]["failure_rate"] == 0
    assert rates[(today, "p1")]["rolling_failure_rate"] == 0.6
    # A day with jobs but no failure.
    quiet = rates[(NOW.date() - timedelta(days=3), "p2")]
    assert (quiet["all_jobs"], quiet["failed_jobs"], quiet["failure_rate"]) == (2, 0, 0)
    # A pipeline missing from `pipeline`: kept, nameless, with the job's tenant.
    gone = rates[(yesterday, "p-gone")]
    assert (gone["pipeline_name"], gone["tenant_id"], gone["failure_rate"]) == (None, "t2", 1)
    # A job with neither start nor finish: a row with a null day.
    undated = rates[(None, "p1")]
    assert (undated["all_jobs"], undated["rolling_failure_rate"]) == (1, 1)
    assert sum(row["all_jobs"] for row in rates.values()) == len(JOBS)


def test_classification_shares(marts: Snapshot) -> None:
    yesterday = NOW.date() - timedelta(days=1)
    before = {(row["day"], row["classified_by"]): row
              for row in marts["before"]["agg_daily_classification_shares"]}
    after = {(row["day"], row["classified_by"]): row
             for row in marts["after"]["agg_daily_classification_shares"]}
    assert {method: before[(yesterday, method)]["errors"]
            for method in ("correction", "rule", "llm", "none")} == {
        "correction": 0, "rule": 3, "llm": 0, "none": 2}
    assert {method: after[(yesterday, method)]["errors"]
            for method in ("correction", "rule", "llm", "none")} == {
        "correction": 2, "rule": 1, "llm": 1, "none": 1}
    assert after[(yesterday, "correction")]["share_of_errors"] == 0.4
    quiet_day: date = NOW.date() - timedelta(days=3)  # jobs, but no failure
    assert [before[(quiet_day, method)]["errors"] for method in ("rule", "none")] == [0, 0]
    assert before[(quiet_day, "none")]["share_of_errors"] is None
    assert before[(None, "none")]["errors"] == 1  # the undated job


def test_rule_usage_dead_and_shadowed(marts: Snapshot) -> None:
    rules = by(marts["before"]["dim_classification_rules"], "rule_id")
    refused = rules["CONNECTION_REFUSED"]  # matches the timeout group, after TIMEOUT
    assert (refused["matched_groups"], refused["winning_groups"]) == (1, 0)
    assert (refused["is_shadowed"], refused["is_dead"], refused["hits"]) == (True, False, 0)
    timeout = rules["TIMEOUT"]
    assert (timeout["winning_groups"], timeout["hits"], timeout["is_shadowed"]) == (1, 1, False)
    assert rules["BINDER_ERROR"]["last_hit_at"] == NOW - timedelta(days=1)
    assert rules["S3_HEAD_OBJECT_NOT_FOUND"]["is_dead"] is True
    assert rules["S3_HEAD_OBJECT_NOT_FOUND"]["last_hit_at"] is None
    after = by(marts["after"]["dim_classification_rules"], "rule_id")
    # Corrections override the rule: it still hits, but no longer classifies.
    assert (after["CONVERSION"]["hits"], after["CONVERSION"]["classified_errors"]) == (1, 0)


def test_agreement_with_corrections(marts: Snapshot) -> None:
    assert marts["before"]["agg_classification_agreement"] == []
    pairs = {
        (row["classifier"], row["corrected_category"], row["predicted_category"]):
            (row["is_agreement"], row["errors"], row["error_groups"])
        for row in marts["after"]["agg_classification_agreement"]
    }
    assert pairs == {
        ("llm", "INPUT_DATA_QUALITY", "INPUT_DATA_QUALITY"): (True, 3, 1),
        ("llm", "WORKFLOW_ENGINE", "THIRD_PARTY_SYSTEM"): (False, 1, 1),
        ("rule", "INPUT_DATA_QUALITY", "INPUT_DATA_QUALITY"): (True, 1, 1),
        ("rule", "WORKFLOW_ENGINE", "THIRD_PARTY_SYSTEM"): (False, 1, 1),
    }


def test_root_error_and_category_set(marts: Snapshot) -> None:
    before = by(marts["before"]["fct_failed_jobs"], "job_id")
    after = by(marts["after"]["fct_failed_jobs"], "job_id")
    first = before["j01"]
    assert (first["root_error_index"], first["primary_category"]) == (0, "UNKNOWN")
    assert first["categories"] == "INPUT_DATA_QUALITY,UNKNOWN,WORKFLOW_ENGINE"
    assert (first["category_count"], first["has_workflow_engine"]) == (3, True)
    # An error-level correction on the third error makes it the root.
    corrected = after["j01"]
    assert (corrected["root_error_index"], corrected["primary_category"],
            corrected["primary_classified_by"]) == (2, "INPUT_DATA_QUALITY", "correction")
    assert corrected["categories"] == "INPUT_DATA_QUALITY,THIRD_PARTY_SYSTEM,WORKFLOW_ENGINE"
    assert corrected["has_unknown"] is False
    invalid = before["j12"]
    assert (invalid["error_count"], invalid["categories"], invalid["root_error_index"]) == (
        0, "UNKNOWN", 0)
    assert before["j06"]["pipeline_name"] is None
    assert before["j03"]["finished_at"] is None
    assert len(before) == sum(job.status.upper() in ("FAILURE", "FAILED") for job in JOBS)


@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_empty_sources_build(engine: str, tmp_path, request: pytest.FixtureRequest) -> None:
    if engine == "duckdb":
        settings = duckdb_settings(tmp_path / "empty.duckdb")
    else:
        cluster = request.getfixturevalue("pg_cluster")
        settings = postgres_settings(new_pg_database(cluster, "marts_empty"))
    write_sources(settings, jobs=[], pipelines=[])
    build(settings)
    marts = snapshot(settings)
    assert all(marts[mart] == [] for mart in MARTS if mart != "dim_classification_rules")
    assert all(rule["is_dead"] for rule in marts["dim_classification_rules"])
