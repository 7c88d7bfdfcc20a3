"""Bulk generator of workflow-manager source rows, for benchmarks and scale tests.

Writes `job_execution` and `pipeline` rows (the source contract of DESIGN.md) into a DuckDB
file or a PostgreSQL database, a million jobs in seconds: the rows are computed by one DuckDB
query (deterministic: every random choice is a hash of the seed and the job number), inserted
directly into DuckDB, and streamed into Postgres with `COPY ... FROM STDIN`.

The error mix is pluggable: a sequence of `ErrorKind`, each a message (with optional
placeholders that vary per error, see `PLACEHOLDERS`), exception, activity, code and a weight.
`demo_mix()` is the demo's realistic mix (real error texts, the demo's skew); `DEFAULT_MIX` is
a small hand-written mix whose ids and numbers vary per error (most messages distinct).
A small share of jobs is broken the way real rows are (null or invalid data, missing lists,
string items, codes as strings, control characters, very long messages).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

# Placeholders a message or activity may hold, and the SQL (over the error's hash `eh` and the
# job's tenant number `tenant_no`) that fills them. Each error gets its own values.
PLACEHOLDERS: dict[str, str] = {
    "{uuid}": "{uuid_eh}",
    "{n}": "cast(eh % 100000 as varchar)",
    "{id}": "cast((eh >> 12) % 1000 as varchar)",
    "{hex}": "substr(eh_md5, 1, 12)",
    "{name}": "['orders', 'invoices', 'suppliers', 'ledger', 'payments', 'items']"
    "[1 + cast(eh % 6 as integer)]",
    "{path}": "'/data/tenant_' || tenant_no || '/inbound/file_' || (eh % 10000) || '.csv'",
    "{ts}": "strftime(timestamp '2025-01-01' + to_seconds(cast(eh % 31536000 as bigint)),"
    " '%Y-%m-%dT%H:%M:%S')",
    "{email}": "'user' || (eh % 500) || '@tenant' || tenant_no || '.example'",
    "{url}": "'https://api.vendor' || (eh % 5) || '.example/v2/orders/' || (eh % 100000)",
}


@dataclass(frozen=True)
class ErrorKind:
    """One kind of error in the mix; `weight` is its relative frequency."""

    exception: str | None
    message: str
    activity_name: str
    code: int | None
    weight: float
    details: dict[str, Any] = field(default_factory=dict)


def _kind(exception: str | None, message: str, activity: str, code: int | None,
          weight: float) -> ErrorKind:
    return ErrorKind(exception, message, activity, code, weight)


# A hand-written mix: frequent kinds first (roughly Zipf), rule-covered and unknown ones.
DEFAULT_MIX: tuple[ErrorKind, ...] = (
    _kind("ClientError", "An error occurred (404) when calling the HeadObject operation: "
          "Not Found (key {path})", "EXTRACT :: S3 {name}", 404, 20),
    _kind("HTTPError", "503 Server Error: Service Unavailable for url: {url}",
          "CALL :: Ivalua API", 503, 14),
    _kind("UnhandledXledgerException", "Xledger rejected voucher {n}: period {id} is closed",
          "SUBMIT :: Xledger", 500, 10),
    _kind("BinderException", 'Binder Error: Referenced column "{name}_id" not found in FROM '
          "clause!", "TRANSFORM :: SQL", 500, 8),
    _kind("ConversionException", "Conversion Error: Could not convert string '{hex}' to "
          "INT64 in column amount, row {n}", "TRANSFORM :: SQL {name}", 500, 7),
    _kind("TimeoutError", "Read timed out after 30 seconds calling {url}",
          "CALL :: Vendor API", None, 6),
    _kind("KeyError", "'{name}_reference'", "MAP :: {name} fields", None, 5),
    _kind("InvalidInputException", "Dataset {uuid} is empty: expected columns id, amount",
          "VALIDATE :: {name}", 400, 4),
    _kind("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)",
          "FETCH :: SFTP {name}", None, 4),
    _kind("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)",
          "CALL :: Ivalua API", None, 3),
    _kind("AuthenticationError", "SOAP login refused for user {email} at {ts}",
          "SUBMIT :: Visma SOAP", 401, 3),
    _kind("WriteException", "Internal Server Error while writing partition {n} of job {uuid}",
          "LOAD :: DuckDB staging", 500, 3),
    _kind("ParserException", 'Parser Error: syntax error at or near "{name}"',
          "TRANSFORM :: SQL user query", 400, 2),
    _kind("MemoryError", "Out of memory: failed to allocate {n} bytes in worker {hex}",
          "TRANSFORM :: SQL", None, 2),
    _kind("ConnectionRefusedError", "[Errno 111] Connection refused: sftp.tenant{id}.example:22",
          "FETCH :: SFTP {name}", None, 2),
    _kind("ReadException", "Internal error reading intermediate file {path}",
          "LOAD :: Parquet", 500, 1.5),
    _kind("DatasetException", "Dataset {name} does not match schema version {id}",
          "VALIDATE :: schema", 400, 1.5),
    _kind("ValueError", "Length of values ({n}) does not match length of index ({id})",
          "TRANSFORM :: Pandas", None, 1),
    _kind("SSLError", "certificate verify failed: unable to get local issuer certificate "
          "({url})", "CALL :: Vendor API", None, 1),
    _kind(None, "Task {uuid} was lost: worker {hex} stopped responding",
          "SCHEDULER :: DAG", None, 1),
)


def demo_mix(seed: int = 42) -> tuple[ErrorKind, ...]:
    """The demo's mix (job_insights.demo): every entry of the corpus of real error texts, with
    the demo's Zipf-like weights over templates, shared equally by a template's variants."""
    import random

    from job_insights.corpus import load_corpus
    from job_insights.demo import error_template_weights

    corpus = load_corpus()
    weights = error_template_weights(corpus, random.Random(seed))
    variants = Counter(entry.template_id for entry in corpus)
    return tuple(
        ErrorKind(entry.exception, entry.message, entry.activity_name, entry.code,
                  weights[entry.template_id] / variants[entry.template_id], entry.details)
        for entry in corpus
    )


@dataclass(frozen=True)
class GenerateOptions:
    """What to write. Job numbers `first_job .. first_job + jobs - 1` are written; job `i`
    finishes `i * seconds_per_job` seconds after `start`, so later numbers are newer jobs."""

    jobs: int
    first_job: int = 0
    failed_share: float = 0.8
    seed: int = 42
    pipelines: int = 200
    tenants: int = 40
    start: str = "2025-01-01 00:00:00"
    seconds_per_job: float = 30.0
    # Per 10,000 failed jobs: data null, invalid JSON, run_info missing, errors empty, errors an
    # object; per 10,000 items: string item, code as string, control characters, 5 kB message.
    broken_jobs_per_10k: tuple[int, int, int, int, int] = (10, 10, 10, 10, 10)
    broken_items_per_10k: tuple[int, int, int, int] = (50, 50, 10, 2)
    # Failed jobs whose finish time was never recorded, per 10,000.
    unfinished_per_10k: int = 20


@dataclass(frozen=True)
class GenerateResult:
    jobs: int
    failed_jobs: int
    seconds: float


MAX_ERRORS_PER_JOB = 4
SOURCE_COLUMNS = ("id", "pipeline_id", "tenant_id", "status", "data", "started_at", "finished_at")


def _sql_literal(value: str | None) -> str:
    return "null" if value is None else "'" + value.replace("'", "''") + "'"


def _fill_placeholders(expr: str) -> str:
    for placeholder, value_sql in PLACEHOLDERS.items():
        value_sql = value_sql.replace("{uuid_eh}", _uuid_sql("eh_md5"))
        expr = f"replace({expr}, '{placeholder}', {value_sql})"
    return expr


def _uuid_sql(digest: str) -> str:
    """A uuid-shaped string from the md5 hex digest `digest` (a SQL expression)."""
    return (f"(substr({digest}, 1, 8) || '-' || substr({digest}, 9, 4) || '-' || "
            f"substr({digest}, 13, 4) || '-' || substr({digest}, 17, 4) || '-' || "
            f"substr({digest}, 21, 12))")


def _kinds_values(mix: Sequence[ErrorKind]) -> str:
    if not mix:
        raise ValueError("the error mix is empty")
    total = sum(kind.weight for kind in mix)
    if total <= 0:
        raise ValueError("the error mix has no positive weight")
    rows, low = [], 0
    for number, kind in enumerate(mix):
        high = round(sum(k.weight for k in mix[: number + 1]) / total * 10000)
        if high > low:
            rows.append(
                f"({low}, {high}, {_sql_literal(kind.exception)}, {_sql_literal(kind.message)}, "
                f"{_sql_literal(kind.activity_name)}, "
                f"{'null' if kind.code is None else int(kind.code)}, "
                f"{_sql_literal(json.dumps(kind.details))})"
            )
        low = high
    return ",\n".join(rows)


def jobs_query(options: GenerateOptions, mix: Sequence[ErrorKind] = DEFAULT_MIX,
               invalid_json: bool = True) -> str:
    """DuckDB SQL selecting the job_execution rows (columns SOURCE_COLUMNS, data as text).
    With `invalid_json` false, jobs meant to carry invalid JSON get null data instead (for
    json/jsonb columns, which cannot hold it)."""
    o = options
    seed = int(o.seed)
    null_data, bad_json, no_run_info, no_errors, errors_object = o.broken_jobs_per_10k
    string_item, string_code, control, long_message = o.broken_items_per_10k
    cuts = [null_data, bad_json, no_run_info, no_errors, errors_object]
    bounds = [sum(cuts[: n + 1]) for n in range(len(cuts))]
    item_cuts = [string_item, string_code, control, long_message]
    item_bounds = [sum(item_cuts[: n + 1]) for n in range(len(item_cuts))]
    message = _fill_placeholders("kinds.message")
    activity = _fill_placeholders("kinds.activity_name")
    invalid = "'{\"run_info\": {\"errors\": [{\"message\": '" if invalid_json else "null"
    failed_permille = round(o.failed_share * 1000)
    return f"""
with
kinds (low, high, exception, message, activity_name, code, details) as (
    values {_kinds_values(mix)}
),
slots as (
    select slot, kinds.*
    from range(10000) as t (slot)
    inner join kinds on slot >= kinds.low and slot < kinds.high
),
jobs as (
    select
        i,
        hash(i, {seed}, 'status') % 1000 < {failed_permille} as is_failed,
        hash(i, {seed}, 'pipeline') % {int(o.pipelines)} as pipeline_no,
        hash(i, {seed}, 'broken') % 10000 as broken,
        hash(i, {seed}, 'count') % 100 as count_draw,
        hash(i, {seed}, 'jitter') % 600 as jitter_s,
        hash(i, {seed}, 'duration') % 3600 as duration_s
    from range({int(o.first_job)}, {int(o.first_job) + int(o.jobs)}) as t (i)
),
failed as (
    select
        i,
        pipeline_no % {int(o.tenants)} as tenant_no,
        broken,
        unnest(range(case
            when count_draw < 35 then 1 when count_draw < 75 then 2
            when count_draw < 90 then 3 else 4 end)) as e
    from jobs
    where is_failed
),
error_draws as materialized (
    select *, md5(cast(eh as varchar)) as eh_md5
    from (select *, hash(i, e, {seed}, 'kind') as eh from failed) as drawn
),
items as materialized (
    select
        error_draws.i,
        error_draws.e,
        {message} as message,
        {activity} as activity,
        kinds.exception,
        kinds.code,
        kinds.details,
        eh % 10000 as item_draw
    from error_draws
    inner join slots as kinds on (eh >> 20) % 10000 = kinds.slot
),
items_json as (
    select
        i,
        e,
        case
            when item_draw < {item_bounds[0]} then to_json(message)
            else json_object(
                'code', case
                    when item_draw < {item_bounds[1]} then to_json(cast(code as varchar))
                    else to_json(code) end,
                'message', case
                    when item_draw < {item_bounds[2]} then message || chr(7) || ' (bell)'
                    when item_draw < {item_bounds[3]} then message || repeat(' x', 2500)
                    else message end,
                'exception', exception,
                'activity_name', activity,
                'details', cast(details as json)
            )
        end as item
    from items
),
error_lists as (
    select
        i,
        concat_ws(', ', {", ".join(f"max(case when e = {n} then cast(item as varchar) end)"
                                    for n in range(MAX_ERRORS_PER_JOB))}) as errors_json
    from items_json
    group by i
),
final as (
    select
        {_uuid_sql("jobs.job_md5")} as id,
        pipelines.id as pipeline_id,
        pipelines.tenant_id,
        case
            when not jobs.is_failed then 'SUCCESS'
            when jobs.broken % 7 = 0 then 'failed'
            else 'FAILURE'
        end as status,
        case
            when not jobs.is_failed then '{{"run_info": {{"errors": [], "rows": 1000}}}}'
            when jobs.broken < {bounds[0]} then null
            when jobs.broken < {bounds[1]} then {invalid}
            when jobs.broken < {bounds[2]} then '{{"status": "failed"}}'
            when jobs.broken < {bounds[3]} then '{{"run_info": {{"errors": []}}}}'
            when jobs.broken < {bounds[4]}
                then '{{"run_info": {{"errors": ' || split_part(error_lists.errors_json, ', {{', 1)
                    || '}}}}'
            else '{{"run_info": {{"errors": [' || error_lists.errors_json || ']}}}}'
        end as data,
        timestamp '{o.start}' + to_seconds(cast(
            jobs.i * {float(o.seconds_per_job)} + jobs.jitter_s - jobs.duration_s as bigint
        )) as started_at,
        case
            when jobs.is_failed and (jobs.broken * 7919) % 10000 < {int(o.unfinished_per_10k)}
                then null
            else timestamp '{o.start}' + to_seconds(cast(
                jobs.i * {float(o.seconds_per_job)} + jobs.jitter_s as bigint))
        end as finished_at
    from (select *, md5('job:{seed}:' || i) as job_md5 from jobs) as jobs
    inner join ({pipelines_query(o)}) as pipelines on jobs.pipeline_no = pipelines.pipeline_no
    left join error_lists on jobs.i = error_lists.i
)
select {", ".join(SOURCE_COLUMNS)} from final
"""


def pipelines_query(options: GenerateOptions) -> str:
    """DuckDB SQL selecting the pipeline rows (id, name, tenant_id, pipeline_no)."""
    names = "['Invoices to Xledger', 'Orders from Ivalua', 'Suppliers sync', 'Ledger export'," \
            " 'Payments import', 'SFTP inbound']"
    return f"""
select
    {_uuid_sql("md5('pipeline:' || p)")} as id,
    {names}[1 + cast(p % 6 as integer)] || ' ' || p as name,
    {_uuid_sql("md5('tenant:' || (p % " + str(int(options.tenants)) + "))")} as tenant_id,
    p as pipeline_no
from range({int(options.pipelines)}) as t (p)
"""


def _create_duckdb_tables(con: duckdb.DuckDBPyConnection, schema: str, data_type: str) -> None:
    con.execute(f"create schema if not exists {schema}")
    con.execute(
        f"create table if not exists {schema}.job_execution (id varchar, "
        f"pipeline_id varchar, tenant_id varchar, status varchar, data {data_type}, "
        "started_at timestamp, finished_at timestamp)"
    )
    con.execute(
        f"create table if not exists {schema}.pipeline "
        "(id varchar primary key, name varchar, tenant_id varchar)"
    )


def write_duckdb(path: str | Path, options: GenerateOptions,
                 mix: Sequence[ErrorKind] = DEFAULT_MIX, schema: str = "workflow_manager",
                 data_type: str = "varchar") -> GenerateResult:
    """Append the jobs (and any missing pipelines) to `schema` of the DuckDB file at `path`.
    `data_type` is `varchar` (can hold invalid JSON) or `json`."""
    started = time.perf_counter()
    with duckdb.connect(str(path)) as con:
        _create_duckdb_tables(con, schema, data_type)
        con.execute(
            f"insert or ignore into {schema}.pipeline "
            f"select id, name, tenant_id from ({pipelines_query(options)})"
        )
        con.execute(
            f"insert into {schema}.job_execution "
            f"{jobs_query(options, mix, invalid_json=data_type.lower() != 'json')}"
        )
        failed = _failed_count(con, options)
    return GenerateResult(options.jobs, failed, time.perf_counter() - started)


def _failed_count(con: duckdb.DuckDBPyConnection, options: GenerateOptions) -> int:
    row = con.execute(
        f"select count(*) from range({int(options.first_job)}, "
        f"{int(options.first_job) + int(options.jobs)}) as t (i) "
        f"where hash(i, {int(options.seed)}, 'status') % 1000 < "
        f"{round(options.failed_share * 1000)}"
    ).fetchone()
    return int(row[0]) if row else 0


def write_postgres(dsn: str, options: GenerateOptions, mix: Sequence[ErrorKind] = DEFAULT_MIX,
                   schema: str = "workflow_manager", data_type: str = "jsonb",
                   chunk_jobs: int = 250_000) -> GenerateResult:
    """Append the jobs (and any missing pipelines) to `schema` of the Postgres database `dsn`
    with COPY FROM STDIN, `chunk_jobs` jobs per COPY. `data_type` is `jsonb`, `json` or `text`
    (only text can hold the invalid-JSON rows; with the others they are written as null)."""
    import psycopg2  # imported here: DuckDB-only users never need it

    started = time.perf_counter()
    invalid_json = data_type.lower() == "text"
    failed = 0
    with psycopg2.connect(dsn) as pg, pg.cursor() as cur, tempfile.TemporaryDirectory() as tmp:
        cur.execute(f"create schema if not exists {schema}")
        cur.execute(
            f"create table if not exists {schema}.job_execution (id text primary key, "
            f"pipeline_id text, tenant_id text, status text, data {data_type}, "
            "started_at timestamp, finished_at timestamp)"
        )
        cur.execute(
            f"create table if not exists {schema}.pipeline "
            "(id text primary key, name text, tenant_id text)"
        )
        with duckdb.connect() as con:
            pipelines = f"select id, name, tenant_id from ({pipelines_query(options)})"
            for row in con.execute(pipelines).fetchall():
                cur.execute(
                    f"insert into {schema}.pipeline values (%s, %s, %s) on conflict do nothing",
                    row,
                )
            for first in range(options.first_job, options.first_job + options.jobs, chunk_jobs):
                chunk = GenerateOptions(**{
                    **options.__dict__,
                    "first_job": first,
                    "jobs": min(chunk_jobs, options.first_job + options.jobs - first),
                })
                csv_path = Path(tmp) / "jobs.csv"
                con.execute(
                    f"copy ({jobs_query(chunk, mix, invalid_json)}) to '{csv_path}' "
                    "(format csv, header false)"
                )
                with csv_path.open("rb") as fh:
                    cur.copy_expert(
                        f"copy {schema}.job_execution ({', '.join(SOURCE_COLUMNS)}) "
                        "from stdin with (format csv)",
                        fh,
                    )
                failed += _failed_count(con, chunk)
        pg.commit()
    return GenerateResult(options.jobs, failed, time.perf_counter() - started)
