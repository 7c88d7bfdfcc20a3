"""End to end: the LLM step inside `dbt build` on DuckDB (a dbt Python model) and after it on
Postgres (`job-insights run`), against the scripted server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest

from conftest import new_pg_database, postgres_settings
from job_insights import demo
from job_insights.config import PROJECT_DIR, Settings
from job_insights.pipeline import run_pipeline
from job_insights.sources import JobExecution, write_duckdb, write_postgres
from job_insights.warehouse import fetch_all
from llm_server import Reply, ScriptedServer, answer
from pg_cluster import PgCluster

NOW = dt.datetime(2025, 6, 1)
PROJECT_FILES = (
    "dbt_project.yml",
    "profiles.yml.example",
    "models",
    "macros",
    "seeds",
    "tests/dbt",
)
ANSWERS = "job_insights_intermediate.llm_error_classifications"
QUEUE = "job_insights_intermediate.int_llm_queue"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the dbt project, so a test can add corrections to its seeds."""
    copy = tmp_path / "project"
    for name in PROJECT_FILES:
        source = PROJECT_DIR / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
        elif source.exists():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, copy / name)
    return copy


UNKNOWN_TEMPLATES = [
    ("QuasarFluxError", "SYNC :: Quasar", "flux capacitor {n} out of phase in stage {m}"),
    ("ZorblaxFault", "EXPORT :: Zorblax", "zorblax handshake {n} produced a blue frame"),
    ("WibbleException", "LOAD :: Wibble", "wibble queue {n} tilted by {m} degrees"),
    ("PlumbusError", "SUBMIT :: Plumbus", "plumbus {n} was not schleemed ({m} attempts)"),
]


def source_data(jobs: int, seed: int) -> demo.DemoData:
    """Demo data plus failed jobs whose errors no rule knows: the LLM queue is never empty,
    whatever the rules seed covers."""
    data = demo.generate(jobs=jobs, seed=seed, days=5, now=NOW)
    pipeline = data.pipelines[0]
    extra = []
    for i in range(24):
        exception, activity, template = UNKNOWN_TEMPLATES[i % len(UNKNOWN_TEMPLATES)]
        error = {
            "code": 500,
            "exception": exception,
            "activity_name": activity,
            "message": template.format(n=1000 + i * 7, m=i % 5 + 2),
        }
        finished = NOW - dt.timedelta(hours=i + 1)
        extra.append(
            JobExecution(
                id=str(uuid.UUID(int=seed * 1000 + i)),
                pipeline_id=pipeline.id,
                tenant_id=pipeline.tenant_id,
                status="FAILURE",
                data=json.dumps({"run_info": {"errors": [error]}}),
                started_at=finished - dt.timedelta(minutes=3),
                finished_at=finished,
            )
        )
    return demo.DemoData(pipelines=data.pipelines, jobs=[*data.jobs, *extra])


class Model:
    """A scripted model: the first group asked gets a low confidence, the rest 0.8."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.calls = 0

    def __call__(self, request: dict[str, Any]) -> Reply:
        with self.lock:
            self.calls += 1
            first = self.calls == 1
        if first:
            return answer("THIRD_PARTY_SYSTEM", 0.3, "Unsure.")
        return answer("WORKFLOW_ENGINE", 0.8, "Scripted.")


def count(settings: Settings, sql: str) -> int:
    return int(next(iter(fetch_all(settings, sql)[0].values())))


def add_correction(project: Path, fingerprint: str, category: str) -> None:
    with (project / "seeds" / "error_corrections.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{fingerprint},,{category},checked by hand,test,2025-05-01 00:00:00,,,,\n")


def test_dbt_build_on_duckdb(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings.load(
        env={"JOB_INSIGHTS_PROJECT_DIR": str(project)}, duckdb_path=tmp_path / "warehouse.duckdb"
    )
    data = source_data(jobs=300, seed=7)
    write_duckdb(settings.duckdb_path, data.pipelines, data.jobs, schema=settings.source_schema)
    with ScriptedServer(Model()) as server:
        monkeypatch.setenv("LOCAL_LLM_BASE_URL", server.url)
        monkeypatch.setenv("LOCAL_LLM_MODEL", "env-model")
        monkeypatch.setenv("LOCAL_LLM_MIN_CONFIDENCE", "0.6")

        run_pipeline(settings)
        queued = count(settings, f"select count(*) from {QUEUE}")
        errors = count(settings, f"select sum(occurrences) from {QUEUE}")
        assert 0 < queued < errors
        assert len(server.requests) == queued, "one request per UNKNOWN group, not per error"
        assert (
            count(settings, f"select count(*) from {ANSWERS} where model = 'env-model'") == queued
        )

        run_pipeline(settings, full_refresh=True)
        assert len(server.requests) == queued, "answered groups are never asked again"
        assert count(settings, f"select count(*) from {ANSWERS}") == queued, (
            "a full refresh keeps the answers"
        )

        by = {
            row["classified_by"]: row["n"]
            for row in fetch_all(
                settings,
                "select classified_by, count(*) as n from job_insights.fct_job_errors group by 1",
            )
        }
        assert by.get("llm", 0) > 0
        low = fetch_all(settings, f"select fingerprint from {ANSWERS} where confidence < 0.6")
        assert len(low) == 1
        low_fp = low[0]["fingerprint"]
        marts = fetch_all(
            settings,
            "select distinct category, classified_by from "
            f"job_insights.fct_job_errors where fingerprint = '{low_fp}'",
        )
        assert marts == [{"category": "UNKNOWN", "classified_by": "none"}]

        run_pipeline(settings, llm_overrides={"model": "flag-model", "max_groups": 2})
        assert len(server.requests) == queued + 2
        assert count(settings, f"select count(*) from {ANSWERS} where model = 'flag-model'") == 2

    answered = fetch_all(
        settings,
        f"select fingerprint from {ANSWERS} where confidence >= 0.6 order by fingerprint limit 1",
    )[0]["fingerprint"]
    add_correction(project, answered, "INPUT_DATA_QUALITY")
    with ScriptedServer(Model()) as server:
        monkeypatch.setenv("LOCAL_LLM_BASE_URL", server.url)
        run_pipeline(settings)
        assert server.requests == []
    marts = fetch_all(
        settings,
        "select distinct category, classified_by from "
        f"job_insights.fct_job_errors where fingerprint = '{answered}'",
    )
    assert marts == [{"category": "INPUT_DATA_QUALITY", "classified_by": "correction"}]
    examples = count(
        settings, "select count(*) from job_insights_intermediate.int_corrected_error_groups"
    )
    assert examples == 1


def test_dbt_build_on_duckdb_succeeds_when_the_endpoint_is_down(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    from llm_server import refused_url

    settings = Settings.load(
        env={"JOB_INSIGHTS_PROJECT_DIR": str(project)}, duckdb_path=tmp_path / "warehouse.duckdb"
    )
    data = source_data(jobs=100, seed=8)
    write_duckdb(settings.duckdb_path, data.pipelines, data.jobs, schema=settings.source_schema)
    monkeypatch.setenv("LOCAL_LLM_BASE_URL", refused_url())
    run_pipeline(settings)
    assert count(settings, f"select count(*) from {ANSWERS}") == 0
    err = capfd.readouterr().err
    assert err.count("WARNING llm: stopped calling") == 1
    assert "pending" in err


def test_job_insights_run_on_postgres(
    pg_cluster: PgCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = new_pg_database(pg_cluster, "llm_step")
    settings = postgres_settings(database)
    data = source_data(jobs=200, seed=9)
    write_postgres(database, data.pipelines, data.jobs, data_type="text")
    with ScriptedServer(lambda request: answer("WORKFLOW_ENGINE", 0.9)) as server:
        monkeypatch.setenv("LOCAL_LLM_BASE_URL", server.url)
        monkeypatch.setenv("LOCAL_LLM_MODEL", "pg-model")
        run_pipeline(settings)
        queued = count(settings, f"select count(*) from {QUEUE}")
        assert queued > 0 and len(server.requests) == queued
        run_pipeline(settings)
        assert len(server.requests) == queued
    assert count(settings, f"select count(*) from {ANSWERS} where model = 'pg-model'") == queued
    assert (
        count(
            settings,
            "select count(*) from job_insights.fct_job_errors "
            "where classified_by = 'llm' and category = 'WORKFLOW_ENGINE'",
        )
        > 0
    )
