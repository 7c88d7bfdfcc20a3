"""A bad rule stops the build with a message naming it; no pattern can break out of its SQL."""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import FIXED_NOW, duckdb_settings
from job_insights import demo
from job_insights.config import PROJECT_DIR, Settings
from job_insights.dbt import DbtError
from job_insights.pipeline import run_pipeline
from job_insights.sources import JobExecution, write_duckdb
from job_insights.warehouse import fetch_all

RULE_FIELDS = ("rule_id", "rule_order", "category", "exception_pattern", "message_pattern",
               "activity_pattern", "code_pattern", "confidence", "reasoning")


def project_with_rules(
    tmp_path: Path, rules: list[dict[str, str]], messages: tuple[str, ...] = ()
) -> Settings:
    """A copy of the dbt project whose rules seed holds `rules`, on a fresh demo warehouse
    plus one failed job per message in `messages`."""
    project = tmp_path / "project"
    for name in ("models", "macros", "seeds", "tests/dbt"):
        shutil.copytree(PROJECT_DIR / name, project / name)
    for name in ("dbt_project.yml", "profiles.yml.example"):
        shutil.copyfile(PROJECT_DIR / name, project / name)
    with (project / "seeds" / "classification_rules.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, RULE_FIELDS)
        writer.writeheader()
        writer.writerows({field: rule.get(field, "") for field in RULE_FIELDS} for rule in rules)
    data = demo.generate(jobs=150, seed=2, now=FIXED_NOW)
    extra = [
        JobExecution(id=f"extra-{number}", pipeline_id=data.pipelines[0].id,
                     tenant_id=data.pipelines[0].tenant_id, status="FAILURE",
                     data=json.dumps({"run_info": {"errors": [{"message": message}]}}),
                     started_at=FIXED_NOW, finished_at=FIXED_NOW)
        for number, message in enumerate(messages)
    ]
    write_duckdb(tmp_path / "w.duckdb", data.pipelines, [*data.jobs, *extra])
    return replace(duckdb_settings(tmp_path / "w.duckdb"), project_dir=project)


def rule(rule_id: str, order: int, **fields: str) -> dict[str, str]:
    return {"rule_id": rule_id, "rule_order": str(order), "category": "WORKFLOW_ENGINE",
            "confidence": "0.9", "reasoning": "test", **fields}


@pytest.mark.parametrize(
    ("bad_rule", "expected"),
    [
        (rule("BROKEN_REGEX", 20, message_pattern="(unclosed"), "BROKEN_REGEX"),
        (rule("NO_CATEGORY", 20, category="SOMEONE_ELSE", message_pattern="x"), "NO_CATEGORY"),
        (rule("EMPTY", 20), "EMPTY"),
        (rule("GOOD", 20, message_pattern="y"), "GOOD"),  # duplicate rule_id
        # DuckDB stores any length; Postgres loads it too (the seed's columns have none).
        (rule("LONG", 20, message_pattern="x|" * 500 + "y"),
         "LONG: message_pattern is 1001 characters long"),
    ],
)
def test_bad_rule_fails_the_build_naming_it(tmp_path: Path, bad_rule, expected) -> None:
    settings = project_with_rules(tmp_path, [rule("GOOD", 10, message_pattern="x"), bad_rule])
    with pytest.raises(DbtError, match=expected):
        run_pipeline(settings)


def test_quotes_and_backslashes_in_patterns_stay_inside_their_literal(tmp_path: Path) -> None:
    settings = project_with_rules(tmp_path, [
        rule("INJECTION", 10, message_pattern="x'(); drop table job_insights.fct_job_errors; --"),
        rule("BACKSLASH", 20, category="THIRD_PARTY_SYSTEM",
             message_pattern=r"share \\\\files\\in is offline\.$"),
        rule("APOSTROPHE", 30, message_pattern="can't convert '[a-z]+'"),
    ], messages=(r"share \\files\in is offline.", "can't convert 'abc' to INT32"))
    run_pipeline(settings)
    rows = fetch_all(settings, "select rule_id, count(*) as n from job_insights.fct_job_errors "
                               "where rule_id is not null group by rule_id")
    hits = {row["rule_id"]: row["n"] for row in rows}
    assert "INJECTION" not in hits
    assert hits.get("BACKSLASH") == 1
    assert hits.get("APOSTROPHE") == 1
