"""Shared fixtures: a throwaway PostgreSQL cluster and demo data for end-to-end tests."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from job_insights.config import Database, Settings  # noqa: E402
from pg_cluster import PgCluster  # noqa: E402

FIXED_NOW = datetime(2026, 11, 1, 12, 0, 0)

# Each pytest-xdist worker gets its own dbt target folder: parallel dbt runs on one project
# must not share manifests and partial-parse files.
os.environ.setdefault(
    "DBT_TARGET_PATH", f"target/pytest-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
)
# Builds never reach an LLM on this machine (an Ollama a developer runs, say): the default
# endpoint is a closed loopback port. LLM tests point LOCAL_LLM_BASE_URL at their own server.
os.environ["LOCAL_LLM_BASE_URL"] = "http://127.0.0.1:9/v1"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """One PostgreSQL 15 cluster for the whole run, removed afterwards."""
    cluster = PgCluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


def new_pg_database(cluster: PgCluster, name: str) -> Database:
    """A fresh empty database in the cluster."""
    cluster.psql(f"drop database if exists {name}", database="postgres")
    cluster.psql(f"create database {name}", database="postgres")
    env = cluster.env()
    return Database(host=env["DB_HOST"], port=int(env["DB_PORT"]), name=name, user=env["DB_USER"])


def duckdb_settings(path: Path) -> Settings:
    return Settings.load(env={}, target="duckdb", duckdb_path=path)


def postgres_settings(database: Database) -> Settings:
    return Settings.load(env={**database.dbt_env()}, target="postgres")
