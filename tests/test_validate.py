"""`job-insights validate`: great-expectations contracts on the source and on fct_job_errors,
on DuckDB and on PostgreSQL; passing on sound data, failing with a summary on broken data."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import FIXED_NOW, duckdb_settings, new_pg_database, postgres_settings
from insight_data import JOBS, build, write_sources
from job_insights import demo
from job_insights.cli import app
from job_insights.config import Settings
from job_insights.validate import ValidationResult, validate
from job_insights.warehouse import WarehouseError, connect
from pg_cluster import PgCluster

SOURCE_CHECKS = 7
FACT_CHECKS = 8


def built(settings: Settings) -> Settings:
    data = demo.generate(jobs=400, seed=5, now=FIXED_NOW)
    write_sources(settings, jobs=data.jobs, pipelines=data.pipelines)
    build(settings)
    return settings


@pytest.fixture(scope="module")
def duckdb_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return built(duckdb_settings(tmp_path_factory.mktemp("validate") / "w.duckdb"))


@pytest.fixture(scope="module")
def postgres_warehouse(pg_cluster: PgCluster) -> Settings:
    return built(postgres_settings(new_pg_database(pg_cluster, "validate")))


@pytest.fixture(params=["duckdb", "postgres"])
def warehouse(request: pytest.FixtureRequest) -> Settings:
    return request.getfixturevalue(f"{request.param}_warehouse")  # type: ignore[no-any-return]


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Fail any connection that leaves 127.0.0.1 (GX must not call home)."""
    attempts: list[Any] = []
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else address
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in (
                "127.0.0.1", "::1", "localhost"):
            attempts.append(address)
            raise OSError(f"test forbids connecting to {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield attempts


def execute(settings: Settings, *statements: str) -> None:
    with connect(settings) as connection:
        cursor = connection.cursor()
        for statement in statements:
            cursor.execute(statement)


def test_sound_data_passes(warehouse: Settings, loopback_only: list[Any]) -> None:
    result = validate(warehouse)
    assert result.success, result.summary()
    suites = [check.suite for check in result.checks]
    assert suites.count("source job_execution") == SOURCE_CHECKS
    assert suites.count("fct_job_errors") == FACT_CHECKS
    assert "Result: all contracts hold." in result.summary()
    assert loopback_only == []


@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_broken_data_fails_with_a_summary(engine: str, tmp_path: Path,
                                          request: pytest.FixtureRequest) -> None:
    if engine == "duckdb":
        settings = duckdb_settings(tmp_path / "w.duckdb")
    else:
        cluster = request.getfixturevalue("pg_cluster")
        settings = postgres_settings(new_pg_database(cluster, f"validate_broken_{engine}"))
    write_sources(settings)
    build(settings)
    # A few strange statuses, a pile of unparseable data, and marts edited behind dbt's back.
    execute(
        settings,
        "update workflow_manager.job_execution set status = 'WEIRD' where id = 'j02'",
        "update workflow_manager.job_execution set data = '{nope' where id in ('j04', 'j05')",
        "update job_insights.fct_job_errors set confidence = 1.5 where job_id = 'j06'",
        "update job_insights.fct_job_errors set rule_id = 'BINDER_ERROR' "
        "where job_id = 'j14'",
        "update job_insights.fct_job_errors set category = 'MAYBE' where job_id = 'j08'",
    )
    result = validate(settings)
    failed = {check.check for check in result.failed}
    assert failed == {
        "status values known",
        "data parses as JSON in >= 95% of rows",
        "confidence within 0..1",
        "rule_id set exactly when classified_by is rule",
        "category in set",
    }
    summary = result.summary()
    assert "FAIL status values known (1 of 14 rows unexpected (7.1%), e.g. 'WEIRD')" in summary
    assert "3 of 14 rows unexpected" in summary  # j04, j05 and the invalid j12
    assert "Result: 5 check(s) failed." in summary
    # The threshold is a parameter: at 75% the source's JSON share is fine.
    lenient = validate(settings, min_parseable_share=0.75)
    assert "data parses as JSON in >= 75% of rows" not in {c.check for c in lenient.failed}


def test_cli_exit_codes(duckdb_warehouse: Settings, tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["validate", "--duckdb", str(duckdb_warehouse.duckdb_path)])
    assert ok.exit_code == 0, ok.output
    assert "source job_execution: 7/7 checks passed" in ok.output
    broken = tmp_path / "broken.duckdb"
    execute(duckdb_warehouse, "checkpoint")  # all of it in the file, none in the WAL
    broken.write_bytes(duckdb_warehouse.duckdb_path.read_bytes())
    execute(duckdb_settings(broken),
            "update job_insights.fct_job_errors set classified_by = 'guess' where error_index = 0")
    failing = runner.invoke(app, ["validate", "--duckdb", str(broken)])
    assert failing.exit_code == 1
    assert "FAIL classified_by in set" in failing.output
    usage = runner.invoke(app, ["validate", "--duckdb", str(broken),
                                "--min-parseable-share", "2"])
    assert usage.exit_code == 2


def test_empty_sources_pass(tmp_path: Path) -> None:
    settings = duckdb_settings(tmp_path / "empty.duckdb")
    write_sources(settings, jobs=[], pipelines=[])
    build(settings)
    result: ValidationResult = validate(settings)
    assert result.success, result.summary()


def test_unbuilt_warehouse_is_one_clear_error(tmp_path: Path) -> None:
    settings = duckdb_settings(tmp_path / "sources_only.duckdb")
    write_sources(settings, jobs=JOBS[:2])
    with pytest.raises(WarehouseError, match="fct_job_errors not found.*job-insights run"):
        validate(settings)
