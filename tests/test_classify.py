"""`classify` gives what the warehouse gives, from the same compiled SQL."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from job_insights.classify import Classifier, ClassifyError, input_row, parse_errors
from job_insights.cli import app
from warehouses import copy_project, copy_warehouse, settings_for

S3_404 = {"code": 404, "exception": "ClientError", "activity_name": "READ :: S3",
          "message": "An error occurred (404) when calling the HeadObject operation: Not Found"}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_warehouse(tmp_path_factory, "classify")


@pytest.fixture(scope="module")
def classifier(warehouse: Path) -> Classifier:
    return Classifier(settings_for(warehouse))


def stored_errors(warehouse: Path) -> list[tuple[dict[str, Any], tuple[str, str | None, str]]]:
    """Every error item of the sources that parses, with what fct_job_errors says of it."""
    with duckdb.connect(str(warehouse)) as connection:
        rows = connection.execute(
            "select jobs.data, errors.error_index, errors.fingerprint, errors.rule_id, "
            "errors.category from job_insights.fct_job_errors as errors "
            "inner join workflow_manager.job_execution as jobs on jobs.id = errors.job_id "
            "where errors.classified_by in ('rule', 'none')"
        ).fetchall()
    found = []
    for data, index, fingerprint, rule_id, category in rows:
        try:
            items = json.loads(data)["run_info"]["errors"]
        except (TypeError, ValueError, KeyError):
            continue
        if isinstance(items, list) and index < len(items) and isinstance(items[index], dict):
            found.append((items[index], (fingerprint, rule_id, category)))
    return found


def test_classify_agrees_with_the_warehouse_on_every_stored_error(
    classifier: Classifier, warehouse: Path
) -> None:
    stored = stored_errors(warehouse)
    assert len(stored) > 100
    results = classifier.classify_many([item for item, _ in stored])
    mismatches = [
        (expected, (result.fingerprint, result.rule_id, result.category), item)
        for (item, expected), result in zip(stored, results, strict=True)
        if expected != (result.fingerprint, result.rule_id, result.category)
    ]
    assert mismatches == []
    assert "rule" in {result.classified_by for result in results} <= {"rule", "none"}


def test_a_rule_match_carries_the_rule(classifier: Classifier) -> None:
    result = classifier.classify(S3_404)
    assert (result.category, result.classified_by, result.rule_id) == (
        "INPUT_DATA_QUALITY", "rule", "S3_HEAD_OBJECT_NOT_FOUND")
    assert 0 < result.confidence <= 1 and result.reasoning
    assert "<" not in result.error_template or "HeadObject" in result.error_template


def test_warm_classification_is_fast(classifier: Classifier) -> None:
    started = time.monotonic()
    for _ in range(5):
        classifier.classify(S3_404)
    per_call = (time.monotonic() - started) / 5
    assert per_call < 1.0, f"{per_call:.3f}s per classification"


def test_a_correction_of_the_group_wins(warehouse: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    settings = settings_for(warehouse, project)
    fingerprint = Classifier(settings).classify(S3_404).fingerprint
    (project / "seeds" / "error_corrections.csv").write_text(
        "fingerprint,error_id,category,note,corrected_by,corrected_at\n"
        f"{fingerprint},,THIRD_PARTY_SYSTEM,The vendor deletes files early,a@b.io,"
        "2026-11-01 10:00:00\n", encoding="utf-8")
    result = Classifier(settings).classify(S3_404)
    assert (result.category, result.classified_by, result.rule_id, result.confidence) == (
        "THIRD_PARTY_SYSTEM", "correction", None, 1.0)
    assert result.reasoning == "The vendor deletes files early"


def test_odd_items_are_read_as_the_staging_model_reads_them() -> None:
    assert input_row({"code": " 500 ", "message": 12}) == (None, "12", None, "500")
    assert input_row("just a string") == (None, "just a string", None, None)
    assert input_row({"exception": "E", "details": {}})[1] is None


@pytest.mark.parametrize("text", ["not json", "[]", "[1, 2]", '"a string"'])
def test_bad_input_is_refused(text: str) -> None:
    with pytest.raises(ClassifyError):
        parse_errors(text)


def test_classify_command_reads_an_argument_or_stdin(warehouse: Path) -> None:
    runner = CliRunner()
    from_argument = runner.invoke(app, ["classify", json.dumps(S3_404)])
    assert from_argument.exit_code == 0, from_argument.output
    result = json.loads(from_argument.output)
    assert {"category", "classified_by", "rule_id", "confidence", "reasoning"} <= set(result)
    from_stdin = runner.invoke(app, ["classify"], input=json.dumps([S3_404, {"message": "x"}]))
    assert from_stdin.exit_code == 0, from_stdin.output
    assert [item["classified_by"] for item in json.loads(from_stdin.output)] == ["rule", "none"]


def test_classify_command_refuses_malformed_json() -> None:
    result = CliRunner().invoke(app, ["classify", "{not json"])
    assert result.exit_code == 2
    assert "job-insights: error: the error is not valid JSON" in result.output
