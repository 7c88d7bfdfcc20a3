"""End-to-end: the dbt project on DuckDB and on PostgreSQL, from source rows to the marts."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest

from conftest import FIXED_NOW, duckdb_settings, new_pg_database, postgres_settings
from job_insights import demo
from job_insights.pipeline import run_pipeline
from job_insights.sources import JobExecution, write_duckdb, write_postgres
from job_insights.warehouse import WarehouseError, fetch_all
from pg_cluster import PgCluster

FCT_COLUMNS = (
    "error_id, job_id, error_index, pipeline_id, pipeline_name, tenant_id, finished_at, "
    "activity_name, error_code, error_message, exception_type, fingerprint, category, "
    "classified_by, rule_id, confidence, reasoning"
)
MALFORMED_PROBLEMS = {
    "data_null", "data_invalid_json", "run_info_missing", "errors_missing", "errors_not_array",
    "item_not_object", "code_as_string", "message_missing", "message_truncated",
    "control_characters", "errors_empty",
}


def expected_error_rows(jobs: list[JobExecution]) -> int:
    """Rows fct_job_errors must hold, computed from the input: one per error item of a failed
    job (an object or string in place of the list counts as one item), else one per job."""
    total = 0
    for job in jobs:
        if job.status.upper() not in ("FAILURE", "FAILED", "ERROR"):
            continue
        try:
            errors = json.loads(job.data or "null")["run_info"]["errors"]
        except (ValueError, TypeError, KeyError):
            errors = None
        if isinstance(errors, list):
            total += max(len(errors), 1)
        else:
            total += 1
    return total


@pytest.fixture(scope="module")
def demo_data() -> demo.DemoData:
    return demo.generate(jobs=1200, seed=11, now=FIXED_NOW, malformed_share=0.25)


@pytest.fixture(scope="module")
def duckdb_built(tmp_path_factory: pytest.TempPathFactory, demo_data: demo.DemoData):
    path = tmp_path_factory.mktemp("duck") / "warehouse.duckdb"
    write_duckdb(path, demo_data.pipelines, demo_data.jobs)
    settings = duckdb_settings(path)
    run_pipeline(settings)
    return settings


@pytest.fixture(scope="module")
def postgres_built(pg_cluster: PgCluster, demo_data: demo.DemoData):
    database = new_pg_database(pg_cluster, "pipeline_text")
    # A text column keeps the invalid-JSON rows that jsonb would refuse.
    write_postgres(database, demo_data.pipelines, demo_data.jobs, data_type="text")
    settings = postgres_settings(database)
    run_pipeline(settings)
    return settings


def _normalised(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    def value(item: Any) -> Any:
        if isinstance(item, float):
            return round(item, 9)
        return item
    return [tuple(value(item) for item in row.values()) for row in rows]


def test_both_engines_return_identical_fct_job_errors(duckdb_built, postgres_built) -> None:
    query = f"select {FCT_COLUMNS} from job_insights.fct_job_errors order by error_id"
    on_duckdb = fetch_all(duckdb_built, query)
    on_postgres = fetch_all(postgres_built, query)
    assert len(on_duckdb) == len(on_postgres) > 300
    mismatches = [
        (a, b) for a, b in zip(_normalised(on_duckdb), _normalised(on_postgres), strict=True)
        if a != b
    ]
    assert mismatches == []


@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_no_error_is_lost(engine, request, demo_data) -> None:
    settings = request.getfixturevalue(f"{engine}_built")
    rows = fetch_all(settings, "select count(*) as n from job_insights.fct_job_errors")
    assert rows[0]["n"] == expected_error_rows(demo_data.jobs)
    failed = sum(job.status.upper() in ("FAILURE", "FAILED") for job in demo_data.jobs)
    jobs = fetch_all(settings, "select count(*) as n from job_insights.fct_failed_jobs")
    assert jobs[0]["n"] == failed


@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_every_malformed_kind_is_kept_and_counted(engine, request) -> None:
    settings = request.getfixturevalue(f"{engine}_built")
    counts = {
        row["parse_problem"]: row["affected_rows"]
        for row in fetch_all(settings, "select * from job_insights.agg_error_parse_problems")
    }
    assert {problem for problem, count in counts.items() if count > 0} >= MALFORMED_PROBLEMS
    truncated = fetch_all(
        settings,
        "select max(length(error_message)) as longest from job_insights.fct_job_errors",
    )
    assert truncated[0]["longest"] <= 4000


def test_fingerprints_group_variants_and_split_templates(duckdb_built) -> None:
    groups = fetch_all(
        duckdb_built,
        "select exception_type, error_template, count(distinct fingerprint) as fingerprints "
        "from job_insights_intermediate.int_job_errors_fingerprinted group by all",
    )
    # A demo error whose message was removed (parse problem message_missing) has no template.
    templates = {row["error_template"] for row in groups if row["error_template"] is not None}
    # Which templates the demo draws depends on the corpus; whichever they are, quoted names
    # (columns, keys, tables, JSON keys) are masked so that variants of one template share it.
    quoted = [name for template in templates for name in re.findall(r'"[^" ]*"', template)]
    assert len(quoted) >= 10
    assert all(name == '"<V>"' for name in quoted), sorted(set(quoted))[:20]
    assert all(row["fingerprints"] >= 1 for row in groups)
    # That different templates stay apart is checked on the whole corpus, whatever the demo
    # draws, by tests/test_rule_fixtures.py::test_no_fingerprint_mixes_categories and
    # benchmarks/fingerprint_report.py.


def test_daily_aggregate_balances_with_facts(duckdb_built) -> None:
    totals = fetch_all(
        duckdb_built,
        "select sum(errors) as errors, sum(all_jobs) filter (where category is null "
        "or category = (select min(category) from job_insights.agg_daily_job_failures)) as x "
        "from job_insights.agg_daily_job_failures",
    )
    facts = fetch_all(duckdb_built, "select count(*) as n from job_insights.fct_job_errors")
    assert totals[0]["errors"] == facts[0]["n"]


def test_jsonb_source_on_postgres(pg_cluster: PgCluster, demo_data: demo.DemoData) -> None:
    database = new_pg_database(pg_cluster, "pipeline_jsonb")
    with pytest.raises(ValueError, match="data is not valid JSON.*data_type='text'"):
        write_postgres(database, demo_data.pipelines, demo_data.jobs, data_type="jsonb")
    valid = [job for job in demo_data.jobs if job.data is None or _is_json(job.data)]
    write_postgres(database, demo_data.pipelines, valid, data_type="jsonb")
    settings = postgres_settings(database)
    run_pipeline(settings)
    rows = fetch_all(settings, "select count(*) as n from job_insights.fct_job_errors")
    assert rows[0]["n"] == expected_error_rows(valid)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def test_missing_source_table_fails_with_one_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(WarehouseError, match=r"source table workflow_manager\.job_execution"):
        run_pipeline(duckdb_settings(path))


def test_unreachable_database_fails_with_one_clear_message() -> None:
    settings = postgres_settings(
        new_database := __import__("job_insights.config", fromlist=["Database"]).Database(
            host="127.0.0.1", port=1, name="nope", user="nobody", password="s3cret-pw"
        )
    )
    with pytest.raises(WarehouseError) as raised:
        run_pipeline(settings)
    message = str(raised.value)
    assert "cannot connect to PostgreSQL at postgresql://nobody@127.0.0.1:1/nope" in message
    assert "s3cret-pw" not in message
    assert new_database.password == "s3cret-pw"


def test_fixed_inputs_are_reproducible() -> None:
    first = demo.generate(jobs=50, seed=3, now=FIXED_NOW)
    second = demo.generate(jobs=50, seed=3, now=FIXED_NOW)
    assert first == second
    assert not math.isclose(len({job.pipeline_id for job in first.jobs}), 1)
