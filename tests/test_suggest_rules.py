"""suggest-rules on a warehouse where some groups were corrected."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from job_insights.cli import app
from job_insights.config import PROJECT_DIR, Settings
from job_insights.pipeline import run_pipeline
from job_insights.suggest_rules import (
    escape_literal,
    literal_fragment,
    portability_check,
    suggest_rules,
)
from warehouses import copy_project, copy_warehouse, settings_for

Corrected = tuple[Settings, Path, dict[str, str], str]


def query(warehouse: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse)) as connection:
        return connection.execute(sql).fetchall()


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> Corrected:
    """With the most used rule as the only rule: half of the groups of an unclassified
    exception type corrected to INPUT_DATA_QUALITY, and one group that the kept rule
    classifies corrected to another category; run."""
    warehouse = copy_warehouse(tmp_path_factory, "suggest")
    project = copy_project(tmp_path_factory.mktemp("suggest-project"))
    exception_only = [
        rule["rule_id"] for rule in csv.DictReader(
            (PROJECT_DIR / "seeds" / "classification_rules.csv").open(encoding="utf-8"))
        if re.fullmatch(r"\^[a-z]+\$", rule["exception_pattern"] or "")
        and not (rule["message_pattern"] or rule["activity_pattern"] or rule["code_pattern"])
    ]
    [(kept_rule,)] = query(
        warehouse, "select rule_id from job_insights.fct_job_errors "
                   f"where rule_id in ({', '.join(repr(r) for r in exception_only)}) "
                   "and category <> 'THIRD_PARTY_SYSTEM' "
                   "group by rule_id order by count(*) desc, rule_id limit 1")
    rules_csv = project / "seeds" / "classification_rules.csv"
    header, *rules = rules_csv.read_text(encoding="utf-8").splitlines()
    rules_csv.write_text("\n".join([header, *(line for line in rules
                                              if line.startswith(f"{kept_rule},"))]) + "\n",
                         encoding="utf-8")
    run_pipeline(settings_for(warehouse, project))
    [(exception,)] = query(
        warehouse, "select exception_type from job_insights.fct_job_errors "
                   "where exception_type is not null group by exception_type "
                   "having count(distinct fingerprint) >= 2 "
                   "and count(case when classified_by <> 'none' then 1 end) = 0 "
                   "order by count(distinct fingerprint) desc, exception_type limit 1")
    chosen = [row[0] for row in query(
        warehouse, "select fingerprint from job_insights.fct_job_errors "
                   f"where exception_type = '{exception}' group by fingerprint "
                   "order by count(*) desc, fingerprint")]
    [(binder,)] = query(
        warehouse, "select fingerprint from job_insights.fct_job_errors "
                   f"where rule_id = '{kept_rule}' group by fingerprint "
                   "order by count(*) desc, fingerprint limit 1")
    corrections = {fingerprint: "INPUT_DATA_QUALITY"
                   for fingerprint in chosen[: (len(chosen) + 1) // 2]}
    corrections[str(binder)] = "THIRD_PARTY_SYSTEM"
    seed = project / "seeds" / "error_corrections.csv"
    columns = len(next(csv.reader(seed.open(encoding="utf-8"))))
    with seed.open("a", encoding="utf-8") as handle:
        for fingerprint, category in corrections.items():
            row = [fingerprint, "", category, "test", "t@example.com", "2026-11-01 00:00:00"]
            handle.write(",".join(row + [""] * (columns - len(row))) + "\n")
    settings = settings_for(warehouse, project)
    run_pipeline(settings)
    return settings, warehouse, corrections, str(exception)


def test_an_exception_rule_is_proposed_and_backtested(
    corrected: Corrected
) -> None:
    settings, warehouse, _, exception = corrected
    result = suggest_rules(settings, min_count=2)
    accepted = {c.exception_pattern: c for c in result.accepted if c.message_pattern is None}
    rule = accepted[f"^{exception.lower()}$"]
    # Rules match the exception case-insensitively: `HttpError` rows count too.
    [(total, corrected_rows)] = query(
        warehouse, "select count(*), count(case when classified_by = 'correction' then 1 end) "
                   "from job_insights.fct_job_errors "
                   f"where lower(exception_type) = lower('{exception}')")
    assert rule.category == "INPUT_DATA_QUALITY"
    assert (rule.matches, rule.agreeing, rule.rule_conflicts) == (total, corrected_rows, 0)
    assert rule.unlabelled == total - corrected_rows > 0
    assert rule.agreement == 1.0
    assert rule.rule_id == f"SUGGESTED_{exception.upper()}"


def test_a_candidate_that_an_existing_rule_contradicts_is_rejected(
    corrected: Corrected
) -> None:
    settings, _, _, _ = corrected
    [kept] = csv.DictReader(
        (settings.project_dir / "seeds" / "classification_rules.csv").open(encoding="utf-8"))
    result = suggest_rules(settings, min_count=1)
    binder = [c for c in result.candidates if c.exception_pattern == kept["exception_pattern"]]
    assert binder and all(not c.accepted and c.rule_conflicts > 0 for c in binder)
    assert any("claimed by an existing rule" in problem
               for c in binder for problem in c.problems)
    assert "reject" in result.render() and "ACCEPT" in result.render()


def test_min_count_filters_small_sources(
    corrected: Corrected
) -> None:
    settings, _, _, _ = corrected
    assert suggest_rules(settings, min_count=10_000).candidates == []


def test_patterns_are_portable_literals() -> None:
    assert escape_literal("Binder Error: column (x.y) [1]") == \
        "Binder Error: column \\(x\\.y\\) \\[1\\]"
    assert literal_fragment("Could not read <PATH>: permission denied for user '<V>'") == \
        "permission denied for user"
    assert literal_fragment("<N> <N>") is None
    check = portability_check()
    if check is not None:  # the rules module's check, once it is merged
        assert check(escape_literal("a.b (c) [d] {e} | f ^ $ * + ? \\ / -")) == []
    for pattern in (escape_literal("timeout after 30s (read)"), "^chosen$"):
        assert not re.search(r"\\[a-zA-Z0-9]", pattern)  # no letter or digit escapes


def test_apply_appends_the_rules_and_the_next_run_uses_them(
    corrected: Corrected
) -> None:
    settings, warehouse, corrections, exception = corrected
    runner = CliRunner()
    env = {"JOB_INSIGHTS_PROJECT_DIR": str(settings.project_dir)}
    listed = runner.invoke(app, ["suggest-rules", "--min-count", "2", "--json",
                                 "--duckdb", str(warehouse)], env=env)
    assert listed.exit_code == 0, listed.output
    accepted = [c for c in json.loads(listed.output) if c["accepted"]]
    assert accepted
    rules_path = settings.project_dir / "seeds" / "classification_rules.csv"
    before = list(csv.DictReader(rules_path.open(encoding="utf-8")))
    applied = runner.invoke(app, ["suggest-rules", "--min-count", "2", "--apply",
                                  "--duckdb", str(warehouse)], env=env)
    assert applied.exit_code == 0, applied.output
    assert f"Appended {len(accepted)} rules" in applied.output
    after = list(csv.DictReader(rules_path.open(encoding="utf-8")))
    assert after[: len(before)] == before
    new = after[len(before):]
    assert [rule["rule_id"] for rule in new] == [c["rule_id"] for c in accepted]
    assert min(int(rule["rule_order"]) for rule in new) > max(
        int(rule["rule_order"]) for rule in before)
    run_pipeline(settings)
    uncorrected = query(
        warehouse, "select distinct category, classified_by, rule_id "
                   f"from job_insights.fct_job_errors where exception_type = '{exception}' "
                   f"and fingerprint not in ({', '.join(repr(f) for f in corrections)})")
    assert uncorrected == [("INPUT_DATA_QUALITY", "rule", f"SUGGESTED_{exception.upper()}")]
