"""Built demo warehouses for the CLI, report and feedback-loop tests.

One DuckDB warehouse is built per test session (shared between xdist workers through a file
lock) from fixed demo data; modules get their own copy of the file, and tests that edit seeds
get their own copy of the dbt project.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from job_insights import demo
from job_insights.config import PROJECT_DIR, Settings
from job_insights.pipeline import run_pipeline
from job_insights.sources import write_duckdb

NOW = datetime(2026, 11, 1, 12, 0, 0)
DAYS = 10
JOBS = 400
SEED = 11
SINCE = NOW - timedelta(days=DAYS + 1)
PERIOD = ["--since", SINCE.isoformat(sep=" "), "--until", NOW.isoformat(sep=" ")]
PROJECT_PARTS = ("dbt_project.yml", "profiles.yml.example", "models", "macros", "seeds",
                 "analyses")


def demo_data() -> demo.DemoData:
    return demo.generate(jobs=JOBS, seed=SEED, days=DAYS, now=NOW)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def settings_for(warehouse: Path, project_dir: Path = PROJECT_DIR) -> Settings:
    return Settings.load(env={"JOB_INSIGHTS_PROJECT_DIR": str(project_dir)}, target="duckdb",
                         duckdb_path=warehouse)


def build_warehouse(path: Path, project_dir: Path = PROJECT_DIR) -> None:
    """Demo sources and `dbt build`, checkpointed so that the file alone holds everything
    (dbt-duckdb may keep its connection, and the write-ahead log, open in this process)."""
    data = demo_data()
    write_duckdb(path, data.pipelines, data.jobs)
    run_pipeline(settings_for(path, project_dir))
    with duckdb.connect(str(path)) as connection:
        connection.execute("checkpoint")


def golden_warehouse(factory: pytest.TempPathFactory) -> Path:
    """The session's built warehouse; copy it before writing to it."""
    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    path = root / "golden-warehouse" / "warehouse.duckdb"
    done = path.with_name("built")
    path.parent.mkdir(parents=True, exist_ok=True)
    with _locked(root / "golden-warehouse.lock"):
        if not done.exists():
            for stale in (path, path.with_name(path.name + ".wal")):
                stale.unlink(missing_ok=True)
            build_warehouse(path)
            done.touch()
    return path


def copy_warehouse(factory: pytest.TempPathFactory, name: str) -> Path:
    target = factory.mktemp(name) / "warehouse.duckdb"
    shutil.copyfile(golden_warehouse(factory), target)
    return target


def copy_project(directory: Path) -> Path:
    """The dbt project (models, macros, seeds) in `directory`, for tests that edit seeds."""
    directory.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = PROJECT_DIR / part
        if source.is_dir():
            shutil.copytree(source, directory / part)
        elif source.exists():
            shutil.copyfile(source, directory / part)
    # The compiled classification SQL is keyed by the content it depends on: reuse it.
    cache = directory / "target" / "classify"
    cache.mkdir(parents=True)
    for compiled in (PROJECT_DIR / "target" / "classify").glob("classify-*.sql"):
        shutil.copyfile(compiled, cache / compiled.name)
    return directory
