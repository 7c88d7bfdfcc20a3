"""Errors per second of the rule step (the dbt-compiled classify_with_rules) on DuckDB and Postgres.

The macro compiles all rules into one CASE, evaluated in one scan that Postgres may split across
parallel workers. On Postgres, it checks a substring that every match contains before each regex
(`rule_literal_prefilter`). This measures those choices against each other on the same errors
(the corpus repeated to --rows rows, each message made distinct), with JIT off as in the models.
The variant without the prefilter is slow (minutes) and runs once.

    uv run python benchmarks/rule_throughput.py [--rows 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from job_insights.corpus import load_corpus  # noqa: E402
from job_insights.rule_eval import (  # noqa: E402
    DbtProject,
    Engine,
    ErrorRow,
    load_errors,
    rules_only_sql,
)
from job_insights.rules import load_rules  # noqa: E402

TABLE = "bench_errors"


def bench_rows(n: int) -> list[ErrorRow]:
    entries = load_corpus()
    rows = []
    for i in range(n):
        e = entries[i % len(entries)]
        # vary the numbers, as production messages do, so no engine can reuse a cached answer
        rows.append(
            ErrorRow(
                f"{e.id}#{i}",
                e.exception,
                f"{e.message} [job {i}]",
                e.activity_name,
                None if e.code is None else str(e.code),
            )
        )
    return rows


def time_statement(engine: Engine, sql: str, repeat: int, setup: str = "") -> tuple[float, int]:
    """Median seconds of `create temp table ... as <sql>`, as run_benchmarks times the analysis,
    and how many rows a rule matched. Aggregating over `sql` instead would let Postgres inline
    the CASE into each aggregate and evaluate it twice per row."""
    timings, matched = [], 0
    conn = engine.connect()
    try:
        cur = conn.cursor()
        if setup:
            cur.execute(setup)
        for _ in range(repeat):
            cur.execute("drop table if exists rule_throughput_result")
            start = time.perf_counter()
            cur.execute(f"create temp table rule_throughput_result as {sql}")
            timings.append(time.perf_counter() - start)
            cur.execute("select count(rule_order) from rule_throughput_result")
            matched = int(cur.fetchone()[0])
    finally:
        conn.close()
    return statistics.median(timings), matched


def distinct_patterns() -> int:
    return len(
        {
            p
            for r in load_rules(REPO / "seeds" / "classification_rules.csv")
            for p in r.patterns.values()
        }
    )


@dataclass(frozen=True)
class Strategy:
    label: str
    vars: dict[str, Any] = field(default_factory=dict)  # dbt vars the macro is compiled with
    setup: str = ""  # statements run before it on the same connection
    once: bool = False  # measured once whatever --repeat says


def measure(
    engine: Engine, rows: list[ErrorRow], strategies: list[Strategy], repeat: int
) -> list[tuple[str, float, int]]:
    project = DbtProject(engine)
    project.seed_rules()
    load_errors(engine, rows, TABLE)
    results = []
    for strategy in strategies:
        sql = project.compile_inline(rules_only_sql(TABLE), vars=strategy.vars or None)
        seconds, matched = time_statement(
            engine, sql, 1 if strategy.once else repeat, strategy.setup
        )
        results.append((strategy.label, seconds, matched))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    rows = bench_rows(args.rows)
    print(f"{len(rows)} errors, {distinct_patterns()} distinct patterns in the rules seed")
    report: list[tuple[str, str, float, int]] = []
    engine = Engine("duckdb", Path(tempfile.mkdtemp(prefix="ji-bench-")))
    for label, seconds, matched in measure(engine, rows, [Strategy("one scan")], args.repeat):
        report.append(("duckdb", label, seconds, matched))
    if not args.no_postgres:
        from pg_cluster import running_cluster

        with running_cluster("bench") as pg:
            engine = Engine(
                "postgres",
                Path(tempfile.mkdtemp(prefix="ji-bench-")),
                {
                    "host": "127.0.0.1",
                    "port": pg.port,
                    "dbname": pg.database,
                    "user": "postgres",
                    "password": "",
                },
            )
            no_jit = "set jit = off; "  # as the models that run the rules (pre-hook disable_jit)
            serial = no_jit + "set max_parallel_workers_per_gather = 0; "
            strategies = [
                Strategy("one scan + prefilter, parallel workers (default)", setup=no_jit),
                Strategy("one scan + prefilter, no parallel workers", setup=serial),
                Strategy(
                    "one scan, no prefilter", {"rule_literal_prefilter": False}, no_jit, once=True
                ),
            ]
            for label, seconds, matched in measure(engine, rows, strategies, args.repeat):
                report.append(("postgres", label, seconds, matched))
    print(f"{'engine':9} {'strategy':54} {'seconds':>8} {'errors/s':>10} {'matched':>8}")
    for engine_name, label, seconds, matched in report:
        print(
            f"{engine_name:9} {label:54} {seconds:8.2f} {len(rows) / seconds:10,.0f} {matched:8d}"
        )
    matched_counts = {m for *_, m in report}
    if len(matched_counts) != 1:
        print(f"strategies disagree on how many errors a rule matches: {matched_counts}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
