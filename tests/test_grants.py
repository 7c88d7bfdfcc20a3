"""The read-only BI role on PostgreSQL: dbt grants give it select on the marts and nothing
else. The test logs in as that role and tries."""

from __future__ import annotations

import psycopg2
import pytest
from psycopg2 import errors

from conftest import new_pg_database, postgres_settings
from insight_data import build, write_sources
from job_insights.config import Database, Settings
from job_insights.warehouse import fetch_all
from pg_cluster import PgCluster

ROLE = "bi_reader"  # not the default: the role is a var


@pytest.fixture(scope="module")
def warehouse(pg_cluster: PgCluster) -> Settings:
    settings = postgres_settings(new_pg_database(pg_cluster, "grants"))
    write_sources(settings)
    build(settings, vars_={"bi_role": ROLE})
    # The role is created NOLOGIN; let the test log in as it.
    pg_cluster.psql(f"alter role {ROLE} login", database="grants")
    return settings


def connect_as_role(settings: Settings) -> psycopg2.extensions.connection:
    assert settings.database is not None
    database: Database = settings.database
    connection = psycopg2.connect(host=database.host, port=database.port, dbname=database.name,
                                  user=ROLE, connect_timeout=10)
    connection.autocommit = True
    return connection


def relations(settings: Settings, schema: str) -> list[str]:
    return [row["table_name"] for row in fetch_all(
        settings,
        "select table_name from information_schema.tables where table_schema = %(schema)s "
        "order by table_name",
        {"schema": schema},
    )]


def test_role_reads_every_mart(warehouse: Settings) -> None:
    marts = relations(warehouse, "job_insights")
    assert {"fct_job_errors", "dim_error_groups", "agg_daily_failure_rates",
            "dim_classification_rules", "agg_classification_agreement"} <= set(marts)
    connection = connect_as_role(warehouse)
    try:
        cursor = connection.cursor()
        for mart in marts:
            cursor.execute(f"select count(*) from job_insights.{mart}")
            assert cursor.fetchone() is not None
        cursor.execute("select count(*) from job_insights.fct_failed_jobs")
        assert cursor.fetchone() == (10,)
    finally:
        connection.close()


@pytest.mark.parametrize("relation", [
    "job_insights_staging.stg_workflow_manager__job_executions",
    "job_insights_intermediate.int_job_errors_fingerprinted",
    "job_insights_intermediate.llm_error_classifications",
    "job_insights_seeds.error_corrections",
    "workflow_manager.job_execution",
])
def test_role_cannot_read_anything_else(warehouse: Settings, relation: str) -> None:
    connection = connect_as_role(warehouse)
    try:
        with pytest.raises(errors.InsufficientPrivilege):
            connection.cursor().execute(f"select * from {relation} limit 1")
    finally:
        connection.close()


def test_role_cannot_write_marts(warehouse: Settings) -> None:
    connection = connect_as_role(warehouse)
    try:
        with pytest.raises(errors.InsufficientPrivilege):
            connection.cursor().execute("delete from job_insights.dim_error_groups")
    finally:
        connection.close()


def test_grants_survive_a_rebuild(warehouse: Settings) -> None:
    build(warehouse, "--select", "dim_error_groups", vars_={"bi_role": ROLE})
    connection = connect_as_role(warehouse)
    try:
        cursor = connection.cursor()
        cursor.execute("select count(*) from job_insights.dim_error_groups")
        assert cursor.fetchone() == (8,)
    finally:
        connection.close()
