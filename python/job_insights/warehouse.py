"""Connections to the warehouse (DuckDB file or PostgreSQL) and small query helpers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from job_insights.config import Settings

SOURCE_TABLES = ("job_execution", "pipeline")
MARTS_SCHEMA = "job_insights"


class WarehouseError(Exception):
    """The warehouse cannot be reached or lacks what the command needs."""


@contextmanager
def connect(settings: Settings, read_only: bool = False) -> Iterator[Any]:
    """A DB-API connection to the target; a clear WarehouseError when it cannot be opened."""
    if settings.target == "duckdb":
        import duckdb

        if read_only and not settings.duckdb_path.exists():
            raise WarehouseError(
                f"DuckDB warehouse {settings.duckdb_path} does not exist: "
                "run `job-insights demo` or `job-insights run` first"
            )
        try:
            # Always read-write: dbt-duckdb may hold the same file open in this process, and
            # DuckDB refuses a second connection with another configuration.
            connection = duckdb.connect(str(settings.duckdb_path))
        except duckdb.Error as exc:
            raise WarehouseError(f"cannot open DuckDB file {settings.duckdb_path}: {exc}") from None
    else:
        import psycopg2

        assert settings.database is not None
        try:
            connection = psycopg2.connect(**settings.database.connect_kwargs())
        except psycopg2.OperationalError as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "no answer"
            raise WarehouseError(
                f"cannot connect to PostgreSQL at {settings.database}: {reason}"
            ) from None
        connection.autocommit = True
    try:
        yield connection
    finally:
        connection.close()


def _placeholders(sql: str, target: str) -> str:
    """Queries use %(name)s placeholders; DuckDB spells them $name."""
    return sql if target == "postgres" else re.sub(r"%\((\w+)\)s", r"$\1", sql)


def fetch_all(
    settings: Settings, sql: str, params: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    with connect(settings, read_only=True) as connection:
        cursor = connection.cursor()
        cursor.execute(_placeholders(sql, settings.target), dict(params or {}))
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def require_sources(settings: Settings) -> None:
    """Fail with one clear message when a source table is missing."""
    sql = (
        "select table_name from information_schema.tables "
        "where table_schema = %(schema)s and table_name in ('job_execution', 'pipeline')"
    )
    if settings.target == "duckdb" and not settings.duckdb_path.exists():
        raise WarehouseError(
            f"DuckDB warehouse {settings.duckdb_path} does not exist: run `job-insights demo` "
            "to create demo data, or point JOB_INSIGHTS_DUCKDB at your warehouse"
        )
    rows = fetch_all(settings, sql, {"schema": settings.source_schema})
    found = {row["table_name"] for row in rows}
    missing = [table for table in SOURCE_TABLES if table not in found]
    if missing:
        raise WarehouseError(
            f"source table {settings.source_schema}.{missing[0]} not found on target "
            f"{settings.target}: load the workflow-manager tables there, or set "
            "JOB_INSIGHTS_SOURCE_SCHEMA to the schema that holds them"
        )
