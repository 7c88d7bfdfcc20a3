"""The bulk generator: contract columns, determinism, broken rows, pluggable mix."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from job_insights.generate import (
    DEFAULT_MIX,
    ErrorKind,
    GenerateOptions,
    demo_mix,
    write_duckdb,
)


def _rows(path: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path)) as con:
        return con.execute(
            "select id, status, data, finished_at from workflow_manager.job_execution order by id"
        ).fetchall()


def test_writes_contract_tables_deterministically(tmp_path: Path) -> None:
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    options = GenerateOptions(jobs=4000, seed=7)
    result = write_duckdb(first, options)
    write_duckdb(second, options)
    assert _rows(first) == _rows(second)
    with duckdb.connect(str(first)) as con:
        columns = [row[0] for row in con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = 'workflow_manager' and table_name = 'job_execution' "
            "order by ordinal_position").fetchall()]
        assert columns == ["id", "pipeline_id", "tenant_id", "status", "data", "started_at",
                           "finished_at"]
        failed = con.execute(
            "select count(*) from workflow_manager.job_execution "
            "where upper(status) in ('FAILURE', 'FAILED')"
        ).fetchone()
        assert failed is not None and failed[0] == result.failed_jobs
        assert 0.75 * 4000 < result.failed_jobs < 0.85 * 4000
        broken = con.execute(
            "select count(*) filter (where data is null), "
            "count(*) filter (where data is not null and not json_valid(data)), "
            "count(*) filter (where finished_at is null) "
            "from workflow_manager.job_execution"
        ).fetchone()
        assert broken is not None and all(count > 0 for count in broken)
        pipelines = con.execute("select count(*) from workflow_manager.pipeline").fetchone()
        assert pipelines == (options.pipelines,)


def test_appends_newer_jobs_and_takes_another_mix(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    write_duckdb(path, GenerateOptions(jobs=500))
    mix = [ErrorKind("OnlyException", "only message {n}", "ONLY :: activity", 500, 1.0)]
    write_duckdb(path, GenerateOptions(jobs=500, first_job=500, failed_share=1.0,
                                       broken_jobs_per_10k=(0, 0, 0, 0, 0),
                                       broken_items_per_10k=(0, 0, 0, 0)), mix=mix)
    with duckdb.connect(str(path)) as con:
        count, old_finish = con.execute(
            "select count(distinct id), "
            "max(finished_at) filter (where coalesce(data, '') not like '%OnlyException%') "
            "from workflow_manager.job_execution"
        ).fetchone() or (0, None)
        assert count == 1000
        documents = [json.loads(row[0]) for row in con.execute(
            "select data from workflow_manager.job_execution where data like '%OnlyException%'"
        ).fetchall()]
        # Job numbers set the finish time, give or take ten minutes of jitter.
        new_finish = con.execute(
            "select min(finished_at) + interval 10 minutes from workflow_manager.job_execution "
            "where data like '%OnlyException%'"
        ).fetchone()
    assert len(documents) == 500
    assert all(item["exception"] == "OnlyException" and item["message"].startswith("only message ")
               for document in documents for item in document["run_info"]["errors"])
    assert new_finish is not None and old_finish is not None and new_finish[0] > old_finish
    assert len(DEFAULT_MIX) >= 10


def test_demo_mix_is_the_corpus_with_the_demos_skew(tmp_path: Path) -> None:
    mix = demo_mix()
    assert len({kind.message for kind in mix}) > 100
    weights = sorted((kind.weight for kind in mix), reverse=True)
    assert weights[0] > 10 * weights[-1]
    write_duckdb(tmp_path / "demo.duckdb", GenerateOptions(jobs=2000), mix=mix)
    with duckdb.connect(str(tmp_path / "demo.duckdb")) as con:
        messages = {row[0] for row in con.execute(
            "select unnest(json_extract_string(data, '$.run_info.errors[*].message')) "
            "from workflow_manager.job_execution where json_valid(data)").fetchall()}
    assert messages & {kind.message for kind in mix}
