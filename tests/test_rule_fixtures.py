"""Every rule against the labelled corpus, through the real dbt-compiled SQL on both engines.

A rule edit or reorder that changes the verdict on any corpus line (or correction row) fails here;
when the change is intended, refresh the snapshot and review its diff:

    uv run python benchmarks/rule_quality.py --postgres --write-snapshot
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
import sqlglot

from job_insights.corpus import CorpusEntry, load_corpus, mixed_groups
from job_insights.corrections import ERROR_COLUMNS
from job_insights.rule_eval import (
    ErrorRow,
    Evaluation,
    correction_rows,
    quality,
    read_snapshot,
    snapshot_rows,
)
from job_insights.rules import first_match, load_rules
from rules_support import (  # noqa: F401 - session fixtures
    REFRESH,
    REPO,
    SNAPSHOT,
    corpus,
    duckdb_evaluation,
    postgres_evaluation,
    rules_pg,
)

SEED = REPO / "seeds" / "classification_rules.csv"
CORRECTIONS = REPO / "seeds" / "error_corrections.csv"


def assert_matches_snapshot(evaluation: Evaluation) -> None:
    expected = read_snapshot(SNAPSHOT)
    actual = {k: (v.rule_id, v.category) for k, v in evaluation.verdicts.items()}
    changed = {
        k: (expected.get(k), actual.get(k))
        for k in expected.keys() | actual.keys()
        if expected.get(k) != actual.get(k)
    }
    assert not changed, (
        f"{len(changed)} verdicts changed on {evaluation.engine} (snapshot -> now), e.g. "
        f"{sorted(changed.items())[:5]}; if intended: {REFRESH}"
    )


def test_duckdb_verdicts_match_snapshot(duckdb_evaluation: Evaluation) -> None:  # noqa: F811
    assert_matches_snapshot(duckdb_evaluation)


def test_postgres_verdicts_match_snapshot(postgres_evaluation: Evaluation) -> None:  # noqa: F811
    assert_matches_snapshot(postgres_evaluation)


def test_every_rule_has_corpus_examples(duckdb_evaluation: Evaluation) -> None:  # noqa: F811
    winners = {v.rule_id for v in duckdb_evaluation.verdicts.values()}
    idle = [r.rule_id for r in load_rules(SEED) if r.rule_id not in winners]
    assert not idle, f"rules that classify no corpus line (add an example or drop them): {idle}"


def test_every_rule_example_is_labelled_its_category(
    corpus: list[CorpusEntry],  # noqa: F811
    duckdb_evaluation: Evaluation,  # noqa: F811
) -> None:
    wrong = defaultdict(list)
    for entry in corpus:
        verdict = duckdb_evaluation.verdicts[entry.id]
        if verdict.category is not None and not entry.accepts(verdict.category):
            wrong[verdict.rule_id].append(entry.id)
    assert not wrong, f"rules that classify corpus lines wrongly: {dict(wrong)}"


def test_precision_and_coverage_floor(
    corpus: list[CorpusEntry],  # noqa: F811
    duckdb_evaluation: Evaluation,  # noqa: F811
) -> None:
    overall = quality(corpus, duckdb_evaluation.verdicts)[("all", "all")]
    assert overall.precision >= 0.97
    assert overall.coverage >= 0.90


def test_engines_agree_on_rules_and_templates(
    duckdb_evaluation: Evaluation,  # noqa: F811
    postgres_evaluation: Evaluation,  # noqa: F811
) -> None:
    ddb, pg = duckdb_evaluation.verdicts, postgres_evaluation.verdicts
    assert ddb.keys() == pg.keys()
    differ = [k for k in ddb if replace(ddb[k], fingerprint="") != replace(pg[k], fingerprint="")]
    assert not differ, [(ddb[k], pg[k]) for k in differ[:3]]
    assert all(ddb[k].fingerprint == pg[k].fingerprint for k in ddb)


def test_python_matcher_agrees_with_compiled_sql(
    corpus: list[CorpusEntry],  # noqa: F811
    duckdb_evaluation: Evaluation,  # noqa: F811
) -> None:
    rules = load_rules(SEED)
    for entry in corpus:
        rule = first_match(rules, entry.exception, entry.message, entry.activity_name, entry.code)
        assert (rule.rule_id if rule else None) == duckdb_evaluation.verdicts[entry.id].rule_id, (
            entry.id
        )


def test_a_reorder_is_caught(corpus: list[CorpusEntry]) -> None:  # noqa: F811
    """Moving the catch-all FTP rule ahead of the specific one changes verdicts: the snapshot
    test above would fail on it (the Python matcher is the compiled SQL's twin, see above)."""
    rules = load_rules(SEED)
    general = next(r for r in rules if r.rule_id == "FTP_REFUSED")
    specific = next(r for r in rules if r.rule_id == "FTP_FILE_MISSING")
    swapped = sorted(
        [replace(r, rule_order=specific.rule_order - 1) if r is general else r for r in rules],
        key=lambda r: r.rule_order,
    )
    snapshot = read_snapshot(SNAPSHOT)
    changed = [
        e.id
        for e in corpus
        if (m := first_match(swapped, e.exception, e.message, e.activity_name, e.code))
        and m.rule_id != snapshot[e.id][0]
    ]
    assert changed


def test_correction_rows_are_held_to_the_snapshot(tmp_path: Path) -> None:
    """Correction rows that carry their error join the snapshot's rows (so the two tests
    above hold the rules to a verdict on them on both engines); rows from before the seed
    carried the error cannot be run and are left out."""
    seed = tmp_path / "error_corrections.csv"
    seed.write_text(
        ",".join(("fingerprint", "error_id", "category", "note", "corrected_by", "corrected_at",
                  *ERROR_COLUMNS)) + "\n"
        'ab12,,THIRD_PARTY_SYSTEM,,a@b.no,2026-11-01 10:00:00,HTTPStatusError,'
        '"Server error \'503 Service Unavailable\'\nfor url",EXTRACT :: Xledger,503\n'
        ",e-7,INPUT_DATA_QUALITY,,a@b.no,2026-11-01 10:00:00,,Binder Error: x,,\n"
        "cd34,,WORKFLOW_ENGINE,old row,a@b.no,2026-10-01 10:00:00,,,,\n",
        encoding="utf-8",
    )
    assert correction_rows(seed) == [
        ErrorRow("correction:ab12", "HTTPStatusError", "Server error '503 Service Unavailable'"
                 "\nfor url", "EXTRACT :: Xledger", "503"),
        ErrorRow("correction:e-7", None, "Binder Error: x", None, None),
    ]
    rules = load_rules(SEED)
    assert first_match(rules, "HTTPStatusError", "Server error '503 Service Unavailable'",
                       "EXTRACT :: Xledger", "503") is not None
    assert set(correction_rows(CORRECTIONS)) <= set(snapshot_rows(load_corpus()))


@pytest.mark.parametrize("dialect", ["duckdb", "postgres"])
def test_compiled_sql_parses_with_sqlglot(
    dialect: str,
    duckdb_evaluation: Evaluation,  # noqa: F811
    postgres_evaluation: Evaluation,  # noqa: F811
) -> None:
    sql = duckdb_evaluation.sql if dialect == "duckdb" else postgres_evaluation.sql
    tree = sqlglot.parse_one(sql, read=dialect)
    assert tree.find(sqlglot.exp.Case) is not None
    rules = load_rules(SEED)
    # every rule's rule_order appears as a THEN value of the compiled CASE
    thens = {
        int(lit.this)
        for case in tree.find_all(sqlglot.exp.Case)
        for ifs in case.args.get("ifs", [])
        if isinstance(lit := ifs.args["true"], sqlglot.exp.Literal)
    }
    assert {r.rule_order for r in rules} <= thens


def test_no_fingerprint_mixes_categories(
    corpus: list[CorpusEntry],  # noqa: F811
    duckdb_evaluation: Evaluation,  # noqa: F811
) -> None:
    """One fingerprint, one right category: templates that share a fingerprint have a category
    in common (an ambiguous template counts with either of its two)."""
    mixed = mixed_groups(corpus, lambda entry: duckdb_evaluation.verdicts[entry.id].fingerprint)
    assert not mixed
