"""Write workflow-manager source tables (job_execution, pipeline) into a warehouse.

Used by the demo and the bulk generator. Rows go through one CSV file, loaded by DuckDB's
CSV reader or by Postgres COPY, so both engines receive the same bytes.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from job_insights.config import Database

JOB_COLUMNS = ("id", "pipeline_id", "tenant_id", "status", "data", "started_at", "finished_at")


@dataclass(frozen=True)
class Pipeline:
    id: str
    name: str
    tenant_id: str


@dataclass(frozen=True)
class JobExecution:
    id: str
    pipeline_id: str
    tenant_id: str
    status: str
    data: str | None  # JSON text, or deliberately broken text
    started_at: datetime | None
    finished_at: datetime | None


def _write_csv(path: Path, rows: Iterable[tuple[object, ...]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow(["\\N" if value is None else value for value in row])


def _job_rows(jobs: Iterable[JobExecution]) -> Iterable[tuple[object, ...]]:
    for job in jobs:
        yield (
            job.id, job.pipeline_id, job.tenant_id, job.status, job.data,
            job.started_at.isoformat(sep=" ") if job.started_at else None,
            job.finished_at.isoformat(sep=" ") if job.finished_at else None,
        )


def write_duckdb(
    path: Path, pipelines: list[Pipeline], jobs: Iterable[JobExecution],
    schema: str = "workflow_manager",
) -> None:
    """Replace the source tables in the DuckDB file (data stored as VARCHAR)."""
    import duckdb

    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, duckdb.connect(str(path)) as con:
        jobs_csv, pipelines_csv = Path(tmp) / "jobs.csv", Path(tmp) / "pipelines.csv"
        _write_csv(jobs_csv, _job_rows(jobs))
        _write_csv(pipelines_csv, ((p.id, p.name, p.tenant_id) for p in pipelines))
        con.execute(f"create schema if not exists {schema}")
        con.execute(
            f"create or replace table {schema}.pipeline (id varchar, name varchar, "
            "tenant_id varchar)"
        )
        con.execute(
            f"create or replace table {schema}.job_execution (id varchar, pipeline_id varchar, "
            "tenant_id varchar, status varchar, data varchar, started_at timestamp, "
            "finished_at timestamp)"
        )
        options = "header = false, nullstr = '\\N', quote = '\"', escape = '\"'"
        # DuckDB's CSV sniffer rejects an empty file: empty tables stay empty.
        if pipelines_csv.stat().st_size:
            con.execute(f"insert into {schema}.pipeline select * from read_csv(?, {options}, "
                        "columns = {'id': 'varchar', 'name': 'varchar', 'tenant_id': 'varchar'})",
                        [str(pipelines_csv)])
        if jobs_csv.stat().st_size:
            con.execute(
                f"insert into {schema}.job_execution select * from read_csv(?, {options}, "
                "columns = {'id': 'varchar', 'pipeline_id': 'varchar', 'tenant_id': 'varchar', "
                "'status': 'varchar', 'data': 'varchar', 'started_at': 'timestamp', "
                "'finished_at': 'timestamp'}, max_line_size = 20000000)",
                [str(jobs_csv)],
            )


def _json_only(jobs: Iterable[JobExecution]) -> Iterator[JobExecution]:
    """`jobs`, refusing the first whose data a json or jsonb column cannot hold."""
    for job in jobs:
        if job.data is not None:
            try:
                json.loads(job.data)
            except ValueError as exc:
                raise ValueError(
                    f"job {job.id}: data is not valid JSON ({exc}); a json or jsonb column "
                    "cannot hold it, write it with data_type='text'"
                ) from None
        yield job


def write_postgres(
    database: Database, pipelines: list[Pipeline], jobs: Iterable[JobExecution],
    schema: str = "workflow_manager", data_type: str = "jsonb",
) -> None:
    """Replace the source tables in Postgres with COPY. `data_type`: jsonb (as in production),
    json or text; only text holds data that is not valid JSON (the demo's broken rows)."""
    import psycopg2

    with tempfile.TemporaryDirectory() as tmp:
        jobs_csv, pipelines_csv = Path(tmp) / "jobs.csv", Path(tmp) / "pipelines.csv"
        _write_csv(jobs_csv, _job_rows(jobs if data_type == "text" else _json_only(jobs)))
        _write_csv(pipelines_csv, ((p.id, p.name, p.tenant_id) for p in pipelines))
        connection = psycopg2.connect(**database.connect_kwargs())
        try:
            with connection, connection.cursor() as cursor:
                cursor.execute(f"create schema if not exists {schema}")
                cursor.execute(f"drop table if exists {schema}.job_execution")
                cursor.execute(f"drop table if exists {schema}.pipeline")
                cursor.execute(
                    f"create table {schema}.pipeline (id text, name text, tenant_id text)"
                )
                cursor.execute(
                    f"create table {schema}.job_execution (id text, pipeline_id text, "
                    f"tenant_id text, status text, data {data_type}, started_at timestamptz, "
                    "finished_at timestamptz)"
                )
                copy = "copy {} from stdin with (format csv, null '\\N')"
                with pipelines_csv.open(encoding="utf-8") as handle:
                    cursor.copy_expert(copy.format(f"{schema}.pipeline"), handle)
                with jobs_csv.open(encoding="utf-8") as handle:
                    cursor.copy_expert(copy.format(f"{schema}.job_execution"), handle)
        finally:
            connection.close()
