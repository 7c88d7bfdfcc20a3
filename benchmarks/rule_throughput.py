"""Errors per second of the rule step (the dbt-compiled classify_with_rules) on DuckDB and Postgres.

Postgres keeps 32 compiled regexes per backend; a CASE with more distinct patterns recompiles on
every row. The macro evaluates rules in batches of at most `rule_batch_patterns` distinct patterns
(one scan each of the rows no earlier batch matched) and, on Postgres, checks a substring that
every match contains before each regex (`rule_literal_prefilter`). This measures those choices
against one CASE over all rules and against each other, on the same errors (the corpus repeated
to --rows rows, each message made distinct).

    uv run python benchmarks/rule_throughput.py [--rows 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
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
    run_sql,
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


def time_statement(engine: Engine, sql: str, repeat: int) -> tuple[float, int]:
    wrapped = f"select count(rule_order), sum(rule_order) from ({sql}) as classified"
    timings, matched = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        matched = int(run_sql(engine, wrapped)[0][0])
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), matched


def distinct_patterns() -> int:
    return len(
        {
            p
            for r in load_rules(REPO / "seeds" / "classification_rules.csv")
            for p in r.patterns.values()
        }
    )


def measure(
    engine: Engine, rows: list[ErrorRow], strategies: dict[str, dict[str, Any]], repeat: int
) -> list[tuple[str, float, int]]:
    project = DbtProject(engine)
    project.seed_rules()
    load_errors(engine, rows, TABLE)
    results = []
    for label, vars_ in strategies.items():
        sql = project.compile_inline(rules_only_sql(TABLE), vars=vars_ or None)
        scans = len(re.findall(r"as materialized \(", sql)) - 1  # rule_inputs is not a batch
        seconds, matched = time_statement(engine, sql, repeat)
        results.append((f"{label} ({scans} scan{'s' if scans > 1 else ''})", seconds, matched))
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
    for label, seconds, matched in measure(engine, rows, {"one CASE (default)": {}}, args.repeat):
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
            no_prefilter = {"rule_literal_prefilter": False}
            strategies: dict[str, dict[str, Any]] = {
                "batches of <=24 patterns + prefilter (default)": {},
                "batches of <=24 patterns, no prefilter": no_prefilter,
                "one CASE over all rules + prefilter": {"rule_batch_patterns": 1_000_000},
                "one CASE over all rules, no prefilter": {
                    "rule_batch_patterns": 1_000_000, **no_prefilter},
                "batches of <=12 patterns + prefilter": {"rule_batch_patterns": 12},
            }
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
