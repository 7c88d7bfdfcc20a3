"""Shared fixtures for the rule tests: a throwaway Postgres and the corpus run through the real
dbt-compiled SQL on DuckDB and on Postgres (each once per session)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from job_insights.corpus import CorpusEntry, load_corpus
from job_insights.rule_eval import Engine, Evaluation, evaluate, snapshot_rows
from pg_cluster import PgCluster, running_cluster

REPO = Path(__file__).resolve().parents[1]
SNAPSHOT = REPO / "tests" / "fixtures" / "rule_verdicts.csv"
REFRESH = "uv run python benchmarks/rule_quality.py --write-snapshot"


def postgres_available() -> bool:
    return shutil.which("initdb") is not None or any(
        Path("/usr/lib/postgresql").glob("*/bin/initdb")
    )


@pytest.fixture(scope="session")
def rules_pg() -> Iterator[PgCluster]:
    if not postgres_available():
        pytest.skip("PostgreSQL server binaries are not installed")
    with running_cluster("rules") as cluster:
        yield cluster


@pytest.fixture(scope="session")
def corpus() -> list[CorpusEntry]:
    return load_corpus()


@pytest.fixture(scope="session")
def duckdb_evaluation(
    corpus: list[CorpusEntry], tmp_path_factory: pytest.TempPathFactory
) -> Evaluation:
    engine = Engine("duckdb", tmp_path_factory.mktemp("rules-duckdb"))
    return evaluate(engine, snapshot_rows(corpus))


@pytest.fixture(scope="session")
def postgres_evaluation(
    corpus: list[CorpusEntry], rules_pg: PgCluster, tmp_path_factory: pytest.TempPathFactory
) -> Evaluation:
    pg = {
        "host": "127.0.0.1",
        "port": rules_pg.port,
        "dbname": rules_pg.database,
        "user": "postgres",
        "password": "",
    }
    engine = Engine("postgres", tmp_path_factory.mktemp("rules-postgres"), pg)
    return evaluate(engine, snapshot_rows(corpus))
