"""Coverage and precision of seeds/classification_rules.csv on the labelled corpus.

Runs the real dbt-compiled rule SQL (DuckDB always, Postgres with --postgres) and prints coverage
and precision per split and category; --write-snapshot refreshes tests/fixtures/rule_verdicts.csv,
the verdicts tests/test_rule_fixtures.py holds every rule edit to.

    uv run python benchmarks/rule_quality.py [--postgres] [--write-snapshot] [--misses] [--per-rule]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from job_insights.corpus import CATEGORIES, load_corpus  # noqa: E402
from job_insights.rule_eval import (  # noqa: E402
    Engine,
    Evaluation,
    evaluate,
    quality,
    snapshot_rows,
    write_snapshot,
)

SNAPSHOT = REPO / "tests" / "fixtures" / "rule_verdicts.csv"


def print_quality(evaluation: Evaluation) -> None:
    entries = load_corpus()
    table = quality(entries, evaluation.verdicts)
    print(f"\n{evaluation.engine}: coverage / precision by split and category")
    print(f"{'split':8} {'category':20} {'errors':>6} {'coverage':>9} {'precision':>9}")
    for split in ("train", "holdout", "all"):
        for category in (*CATEGORIES, "all"):
            q = table.get((split, category))
            if q:
                print(f"{split:8} {category:20} {q.total:6d} {q.coverage:9.1%} {q.precision:9.1%}")


def print_misses(evaluation: Evaluation) -> None:
    for entry in load_corpus():
        verdict = evaluation.verdicts[entry.id]
        if verdict.category is None:
            print(f"UNCOVERED {entry.split:7} {entry.id} {entry.exception}: {entry.message[:90]!r}")
        elif not entry.accepts(verdict.category):
            print(
                f"WRONG     {entry.split:7} {entry.id} {verdict.rule_id} -> {verdict.category}, "
                f"labelled {entry.category}"
            )


def print_per_rule(evaluation: Evaluation) -> None:
    """Evidence for each rule's confidence: examples won, precision, share of ambiguous ones."""
    from job_insights.rules import load_rules

    won: dict[str, list[bool]] = {}
    ambiguous: dict[str, int] = {}
    for entry in load_corpus():
        verdict = evaluation.verdicts[entry.id]
        if verdict.rule_id is None or verdict.category is None:
            continue
        won.setdefault(verdict.rule_id, []).append(entry.accepts(verdict.category))
        ambiguous[verdict.rule_id] = ambiguous.get(verdict.rule_id, 0) + entry.ambiguous
    print(f"\n{'rule_id':30} {'examples':>8} {'precision':>9} {'ambiguous':>9} {'confidence':>10}")
    for rule in load_rules(REPO / "seeds" / "classification_rules.csv"):
        hits = won.get(rule.rule_id, [])
        precision = sum(hits) / len(hits) if hits else 0.0
        share = ambiguous.get(rule.rule_id, 0) / len(hits) if hits else 0.0
        print(
            f"{rule.rule_id:30} {len(hits):8d} {precision:9.0%} {share:9.0%} "
            f"{rule.confidence:10.2f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="also run on a throwaway Postgres")
    parser.add_argument("--write-snapshot", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list uncovered and wrong lines")
    parser.add_argument("--per-rule", action="store_true", help="evidence for each confidence")
    args = parser.parse_args()
    rows = snapshot_rows(load_corpus())
    evaluations = [evaluate(Engine("duckdb", Path(tempfile.mkdtemp(prefix="ji-rq-"))), rows)]
    if args.postgres:
        from pg_cluster import running_cluster

        with running_cluster("rules") as pg:
            engine = Engine(
                "postgres",
                Path(tempfile.mkdtemp(prefix="ji-rq-")),
                {
                    "host": "127.0.0.1",
                    "port": pg.port,
                    "dbname": pg.database,
                    "user": "postgres",
                    "password": "",
                },
            )
            evaluations.append(evaluate(engine, rows))
    for evaluation in evaluations:
        print_quality(evaluation)
    if args.misses:
        print_misses(evaluations[0])
    if args.per_rule:
        print_per_rule(evaluations[0])
    if len(evaluations) == 2:
        differ = [
            k
            for k, v in evaluations[0].verdicts.items()
            if (v.rule_id, v.category)
            != (evaluations[1].verdicts[k].rule_id, evaluations[1].verdicts[k].category)
        ]
        print(f"\nDuckDB and Postgres verdicts differ on {len(differ)} lines {differ[:5]}")
        if differ:
            return 1
    if args.write_snapshot:
        write_snapshot(SNAPSHOT, evaluations[0].verdicts)
        print(f"wrote {SNAPSHOT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
