"""Incremental models, for real: dbt runs on a temporary DuckDB file and a throwaway Postgres.

One scenario per engine, in order: full build; new jobs arrive (only they are unnested); a job
that finished within the lookback window changes in the source (it is processed again, one
outside the window is not), a failed job is marked a success, jobs move to other days (one
leaves its day without any job); a new correction and a new rule (they reach old rows without
the unnest running again); a group's representative changes, a rule's reasoning is edited, a
group is gone (the rule models follow); and the result equals a full refresh of the same
source.

Rows outside the window carry a sentinel in int_job_errors_fingerprinted.details_json (a
column nothing downstream reads): a row the unnest processed again loses it.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

from job_insights.generate import GenerateOptions, write_duckdb, write_postgres

ROOT = Path(__file__).resolve().parents[1]
SENTINEL = '{"sentinel": true}'
FIRST_JOBS = 3000
NEW_JOBS = 300
# 30 s per job: the first batch spans 25 hours; the lookback is 2 hours.
LOOKBACK_HOURS = 2
MARTS = ("fct_job_errors", "fct_failed_jobs", "agg_daily_job_failures", "agg_error_parse_problems",
         "agg_daily_failure_rates", "agg_daily_classification_shares", "dim_error_groups",
         "dim_classification_rules", "agg_classification_agreement",
         "_intermediate.int_error_groups", "_intermediate.int_error_groups_rule_classified",
         "_intermediate.int_error_groups_rule_matches")
# Marts and intermediate tables ('_intermediate.' + name) that must equal a full refresh.
# Written by each run: differs between an incremental run and a full refresh by design.
AUDIT_COLUMNS = ("processed_at",)


@dataclass
class Engine:
    name: str
    env: dict[str, str]
    query: Callable[[str], list[tuple[Any, ...]]]
    execute: Callable[[str], None]
    write_jobs: Callable[[GenerateOptions], None]
    schema_prefix: str


def _project_copy(tmp: Path) -> Path:
    project = tmp / "project"
    project.mkdir()
    for name in ("dbt_project.yml", "models", "macros", "seeds", "tests"):
        source = ROOT / name
        if source.is_dir():
            # The pytest modules are not part of the dbt project; dbt Python models are.
            ignore = shutil.ignore_patterns("*.py" if name == "tests" else "__pycache__",
                                            "__pycache__")
            shutil.copytree(source, project / name, ignore=ignore)
        else:
            shutil.copy(source, project / name)
    shutil.copy(ROOT / "profiles.yml.example", project / "profiles.yml")
    return project


def _dbt(project: Path, env: dict[str, str], *args: str) -> str:
    dbt = Path(sys.executable).with_name("dbt")
    env = {"LOCAL_LLM_ENABLED": "false", **env}
    result = subprocess.run(
        [str(dbt), *args, "--project-dir", str(project), "--profiles-dir", str(project),
         "--vars", f"{{incremental_lookback_hours: {LOOKBACK_HOURS}}}"],
        env={**os.environ, **env}, capture_output=True, text=True, cwd=project,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[Engine]:
    tmp = tmp_path_factory.mktemp(request.param)
    if request.param == "duckdb":
        path = tmp / "warehouse.duckdb"

        def query(sql: str) -> list[tuple[Any, ...]]:
            with duckdb.connect(str(path)) as con:
                return con.execute(sql).fetchall()

        def execute(sql: str) -> None:
            with duckdb.connect(str(path)) as con:
                con.execute(sql)

        yield Engine("duckdb", {"JOB_INSIGHTS_TARGET": "duckdb", "JOB_INSIGHTS_DUCKDB": str(path)},
                     query, execute, lambda options: write_duckdb(path, options), "job_insights")
        return
    sys.path.insert(0, str(ROOT / "tests"))
    pg_cluster = pytest.importorskip("pg_cluster")
    try:
        cluster = pg_cluster.PgCluster().start()
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"no PostgreSQL server binaries: {exc}")
    import psycopg2

    def pg_query(sql: str) -> list[tuple[Any, ...]]:
        with psycopg2.connect(cluster.uri) as pg, pg.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall() if cur.description else []

    def pg_execute(sql: str) -> None:
        pg_query(sql)

    try:
        yield Engine("postgres", {"JOB_INSIGHTS_TARGET": "postgres", **cluster.env()}, pg_query,
                     pg_execute, lambda options: write_postgres(cluster.uri, options),
                     "job_insights")
    finally:
        cluster.stop()


def _count(engine: Engine, sql: str) -> int:
    return int(engine.query(sql)[0][0])


def _table(engine: Engine, schema_suffix: str, name: str) -> str:
    return f"{engine.schema_prefix}{schema_suffix}.{name}"


def test_incremental_scenario(engine: Engine, tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    int_table = _table(engine, "_intermediate", "int_job_errors_fingerprinted")
    fct = _table(engine, "", "fct_job_errors")
    jobs = "workflow_manager.job_execution"

    # 1. Full build.
    engine.write_jobs(GenerateOptions(jobs=FIRST_JOBS))
    # Older jobs (other ids), on days far before the others.
    engine.write_jobs(GenerateOptions(jobs=20, seed=9, start="2024-12-28 00:00:00"))
    # A failed job alone on its start day, without a finish time (it finishes in step 2, and
    # its day is left with no job at all).
    lone_pipeline, lone_tenant = engine.query(
        f"select pipeline_id, tenant_id from {jobs} order by id limit 1"
    )[0]
    lone_data = json.dumps({"run_info": {"errors": [{
        "message": "lone job failed", "exception": "LoneException", "activity_name": "LONE :: x",
    }]}})
    engine.execute(
        f"insert into {jobs} values ('lone-job', '{lone_pipeline}', '{lone_tenant}', 'FAILURE', "
        f"'{lone_data}', timestamp '2024-11-15 10:00:00', null)"
    )
    _dbt(project, engine.env, "build")
    first_rows = _count(engine, f"select count(*) from {int_table}")
    assert first_rows > FIRST_JOBS
    newest = engine.query(f"select max(finished_at) from {int_table}")[0][0]
    engine.execute(
        f"update {int_table} set details_json = '{SENTINEL}' "
        f"where finished_at < timestamp '{newest}' - interval '{LOOKBACK_HOURS + 1} hours'"
    )
    marked = _count(engine, f"select count(*) from {int_table} where details_json = '{SENTINEL}'")
    assert marked > first_rows * 0.8

    # 2. New jobs arrive, and two old jobs change in the source: one within the lookback window,
    #    one outside it.
    engine.write_jobs(GenerateOptions(jobs=NEW_JOBS, first_job=FIRST_JOBS))
    recent_job, old_job = (
        engine.query(
            f"select job_id from {int_table} where has_error_item and finished_at is not null "
            f"and finished_at {condition} order by finished_at desc limit 1"
        )[0][0]
        for condition in (
            f">= timestamp '{newest}' - interval '1 hours'",
            f"< timestamp '{newest}' - interval '{LOOKBACK_HOURS + 1} hours'",
        )
    )
    changed = ('{"run_info": {"errors": [{"code": 500, "message": "changed late", '
               '"exception": "LateException", "activity_name": "LATE :: row"}]}}')
    old_data = engine.query(
        f"select cast(data as varchar) from {jobs} where cast(id as varchar) = '{old_job}'"
    )[0][0]
    for job_id in (recent_job, old_job):
        engine.execute(
            f"update {jobs} set data = '{changed}' where cast(id as varchar) = '{job_id}'"
        )
    # A failed job within the window is marked a success after all: its errors go.
    succeeded_job = engine.query(
        f"select job_id from {int_table} where has_error_item and finished_at is not null "
        f"and finished_at >= timestamp '{newest}' - interval '1 hours' "
        f"and job_id <> '{recent_job}' order by finished_at desc limit 1"
    )[0][0]
    engine.execute(
        f"update {jobs} set status = 'SUCCESS' where cast(id as varchar) = '{succeeded_job}'"
    )
    # Late jobs (other ids): some finished within the lookback window, some days before all
    # others (on days of their own, so that they do not hide a missed recompute of day one).
    engine.write_jobs(GenerateOptions(jobs=40, first_job=FIRST_JOBS - 100, seed=7))
    engine.write_jobs(GenerateOptions(jobs=40, seed=8, start="2024-12-20 00:00:00"))
    # A failed job without a recorded finish finishes now: it moves from its start day (the
    # first day) to the newest day, which the daily models must both recompute.
    unfinished_job = engine.query(
        f"select cast(id as varchar) from {jobs} where finished_at is null "
        "and cast(started_at as date) < "
        f"(select cast(max(finished_at) as date) from {int_table}) "
        "order by started_at limit 1"
    )[0][0]
    # One of the older jobs gets a new finish time within the window: it is processed again,
    # and leaves its old day, which the daily models must recompute although nothing else
    # changed there.
    moved_job = engine.query(
        f"select job_id from {int_table} where has_error_item and finished_at is not null "
        "order by finished_at, job_id limit 1"
    )[0][0]
    marked -= _count(
        engine, f"select count(*) from {int_table} where job_id = '{moved_job}' "
        f"and details_json = '{SENTINEL}'"
    )
    for job_id, minutes in ((unfinished_job, 30), (moved_job, 20), ("lone-job", 25)):
        engine.execute(
            f"update {jobs} set finished_at = timestamp '{newest}' - interval '{minutes} minutes' "
            f"where cast(id as varchar) = '{job_id}'"
        )
    _dbt(project, engine.env, "build")
    for job_id in (unfinished_job, moved_job):
        assert _count(
            engine, f"select count(*) from {fct} where job_id = '{job_id}' "
            f"and finished_at >= timestamp '{newest}' - interval '30 minutes'"
        ) > 0

    new_failed = _count(
        engine, f"select count(distinct job_id) from {int_table} where finished_at > "
        f"timestamp '{newest}'"
    )
    assert new_failed > NEW_JOBS * 0.5
    still_marked = _count(
        engine, f"select count(*) from {int_table} where details_json = '{SENTINEL}'"
    )
    # Nothing outside the window was processed again, not even the changed old job.
    assert still_marked == marked
    late = engine.query(
        f"select job_id, error_message from {fct} where job_id in ('{recent_job}', '{old_job}') "
        "and error_index = 0"
    )
    messages = dict(late)
    assert messages[recent_job] == "changed late"
    assert messages[old_job] != "changed late"

    # 3. A correction of an old group and a rule for an old unclassified group: both reach
    #    old rows, and the unnest does not run again.
    corrected_fingerprint, corrected_before = engine.query(
        f"select fingerprint, max(category) from {fct} where classified_by = 'rule' "
        "group by fingerprint order by count(*) desc limit 1"
    )[0]
    new_category = "WORKFLOW_ENGINE" if corrected_before != "WORKFLOW_ENGINE" else \
        "INPUT_DATA_QUALITY"
    unknown_exception = engine.query(
        f"select exception_type from {fct} where exception_type is not null "
        "group by exception_type having min(classified_by) = 'none' "
        "and max(classified_by) = 'none' order by count(*) desc limit 1"
    )[0][0]
    with (project / "seeds" / "error_corrections.csv").open("a", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow([
            corrected_fingerprint, "", new_category, "test correction", "tester@example.com",
            "2026-01-01 00:00:00", "", "", "", "",
        ])
    with (project / "seeds" / "classification_rules.csv").open("a", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow([
            "TEST_NEW_RULE", 99999, "THIRD_PARTY_SYSTEM", f"^{unknown_exception}$", "", "", "",
            0.5, "test rule",
        ])
    _dbt(project, engine.env, "build")
    assert engine.query(
        f"select distinct category, classified_by from {fct} "
        f"where fingerprint = '{corrected_fingerprint}'"
    ) == [(new_category, "correction")]
    assert engine.query(
        f"select distinct category, rule_id from {fct} "
        f"where exception_type = '{unknown_exception}'"
    ) == [("THIRD_PARTY_SYSTEM", "TEST_NEW_RULE")]
    assert _count(
        engine, f"select count(*) from {int_table} where details_json = '{SENTINEL}'"
    ) == marked

    # 4. The rules run again on a group whose representative (its first error seen) changes,
    #    although the rules did not, and the rule results of a group that is gone are dropped.
    #    A rule keys on a value the fingerprint masks, so only the representative decides.
    pipeline_id, tenant_id = engine.query(
        f"select pipeline_id, tenant_id from {fct} order by error_id limit 1"
    )[0]

    def probe_job(job_id: str, order: int, minutes_before_newest: int,
                  exception: str = "ProbeException") -> None:
        newest_now = engine.query(f"select max(finished_at) from {int_table}")[0][0]
        data = json.dumps({"run_info": {"errors": [{
            "message": f"probe order {order} zq", "exception": exception,
            "activity_name": "PROBE :: orders",
        }]}})
        engine.execute(
            f"delete from {jobs} where id = '{job_id}'; insert into {jobs} values ('{job_id}', "
            f"'{pipeline_id}', '{tenant_id}', 'FAILURE', '{data}', "
            f"timestamp '{newest_now}' - interval '{minutes_before_newest + 1} minutes', "
            f"timestamp '{newest_now}' - interval '{minutes_before_newest} minutes')"
        )

    with (project / "seeds" / "classification_rules.csv").open("a", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow([
            "TEST_PROBE_4711", 99998, "INPUT_DATA_QUALITY", "^ProbeException$",
            "probe order 4711 ", "", "", 0.5, "test rule on a masked value",
        ])
    probe_job("probe-late", 4712, 10)
    _dbt(project, engine.env, "build")
    assert engine.query(
        f"select classified_by, rule_id from {fct} where job_id = 'probe-late'"
    ) == [("none", None)]
    probe_job("probe-early", 4711, 20)  # seen first: the group's new representative
    _dbt(project, engine.env, "build")
    assert engine.query(
        f"select distinct rule_id from {fct} where job_id in ('probe-late', 'probe-early')"
    ) == [("TEST_PROBE_4711",)]
    probe_fingerprint = engine.query(
        f"select fingerprint from {fct} where job_id = 'probe-late'"
    )[0][0]
    # Seen earlier still: the group matches no rule any more, so its matches go.
    probe_job("probe-earliest", 4713, 30)
    _dbt(project, engine.env, "build")
    assert engine.query(
        f"select distinct classified_by from {fct} where fingerprint = '{probe_fingerprint}'"
    ) == [("none",)]
    rule_matches = _table(engine, "_intermediate", "int_error_groups_rule_matches")
    assert _count(
        engine, f"select count(*) from {rule_matches} where fingerprint = '{probe_fingerprint}'"
    ) == 0
    for job_id, order in (("probe-late", 4712), ("probe-early", 4711), ("probe-earliest", 4713)):
        probe_job(job_id, order, 5, exception="MovedProbeException")
    # In the same run, only the reasoning of a rule changes: its results are rewritten.
    edited_rule = engine.query(
        f"select rule_id from {fct} where classified_by = 'rule' "
        "group by rule_id order by count(*) desc, rule_id limit 1"
    )[0][0]
    rules_csv = project / "seeds" / "classification_rules.csv"
    with rules_csv.open(newline="") as fh:
        rule_rows = list(csv.DictReader(fh))
    for row in rule_rows:
        if row["rule_id"] == edited_rule:
            row["reasoning"] = "edited reasoning"
    with rules_csv.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rule_rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rule_rows)
    _dbt(project, engine.env, "build")
    assert engine.query(
        f"select distinct reasoning from {fct} where rule_id = '{edited_rule}' "
        "and classified_by = 'rule'"
    ) == [("edited reasoning",)]
    for model in ("int_error_groups_rule_classified", "int_error_groups_rule_matches"):
        assert _count(
            engine, f"select count(*) from {_table(engine, '_intermediate', model)} "
            f"where fingerprint = '{probe_fingerprint}'"
        ) == 0, model

    # 5. Equal to a full refresh of the same source, once the change outside the window (which
    #    a full refresh would see) is undone.
    engine.execute(
        f"update {jobs} set data = '{old_data.replace(chr(39), chr(39) * 2)}' "
        f"where cast(id as varchar) = '{old_job}'"
    )
    full_env, compare = _full_refresh_target(engine, tmp_path)
    _dbt(project, full_env, "build", "--full-refresh")
    for mart in MARTS:
        assert compare(mart) == (0, 0), mart


def _full_refresh_target(engine: Engine, tmp_path: Path
                         ) -> tuple[dict[str, str], Callable[[str], tuple[int, int]]]:
    """An environment that builds into a separate place from the same source, and a function
    that counts the rows of a mart found only in the incremental or only in the full one."""
    if engine.name == "duckdb":
        source = Path(engine.env["JOB_INSIGHTS_DUCKDB"])
        full = tmp_path / "full.duckdb"
        shutil.copy(source, full)

        def compare_duckdb(mart: str) -> tuple[int, int]:
            suffix, _, table = mart.rpartition(".")
            with duckdb.connect() as con:
                con.execute(f"attach '{source}' as inc (read_only)")
                con.execute(f"attach '{full}' as ful (read_only)")
                columns = _compared_columns([row[0] for row in con.execute(
                    "select column_name from information_schema.columns where table_catalog = "
                    f"'inc' and table_schema = 'job_insights{suffix}' and table_name = '{table}' "
                    "order by ordinal_position").fetchall()])
                a, b = (f"inc.job_insights{suffix}.{table}", f"ful.job_insights{suffix}.{table}")
                only_a, only_b = (
                    con.execute(f"select count(*) from (select {columns} from {x} except all "
                                f"select {columns} from {y})").fetchone()
                    for x, y in ((a, b), (b, a))
                )
                return int(only_a[0]) if only_a else 0, int(only_b[0]) if only_b else 0

        return {**engine.env, "JOB_INSIGHTS_DUCKDB": str(full)}, compare_duckdb

    def compare_postgres(mart: str) -> tuple[int, int]:
        suffix, _, table = mart.rpartition(".")
        a, b = f"job_insights{suffix}.{table}", f"ji_full{suffix}.{table}"
        columns = _compared_columns([row[0] for row in engine.query(
            "select column_name from information_schema.columns where table_schema = "
            f"'job_insights{suffix}' and table_name = '{table}' order by ordinal_position")])
        return (
            _count(engine, f"select count(*) from (select {columns} from {a} except all "
                           f"select {columns} from {b}) as d"),
            _count(engine, f"select count(*) from (select {columns} from {b} except all "
                           f"select {columns} from {a}) as d"),
        )

    return {**engine.env, "JOB_INSIGHTS_SCHEMA": "ji_full"}, compare_postgres


def _compared_columns(columns: list[str]) -> str:
    """The columns to compare between an incremental build and a full refresh."""
    assert columns
    return ", ".join(column for column in columns if column not in AUDIT_COLUMNS)
