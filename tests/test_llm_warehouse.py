from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from job_insights.llm.settings import LlmSettings
from job_insights.llm.step import ANSWER_COLUMNS
from job_insights.llm.warehouse import (
    Relations,
    answers_relation,
    dbt_vars_from_overrides,
    relation_rows,
    settings_from_dbt_vars,
)


def test_dbt_vars_win_over_the_environment_and_blanks_are_unset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LOCAL_LLM_MODEL", "env-model")
    monkeypatch.setenv("LOCAL_LLM_CONCURRENCY", "3")
    s = settings_from_dbt_vars(
        {
            "llm_model": "var-model",
            "llm_concurrency": "",
            "llm_enabled": "False",
            "llm_max_groups": "None",
            "llm_reclassify": "True",
        }
    )
    assert (s.model, s.concurrency, s.enabled, s.max_groups, s.reclassify) == (
        "var-model",
        3,
        False,
        None,
        True,
    )


def test_flags_become_dbt_vars() -> None:
    assert dbt_vars_from_overrides({"model": "m", "max_groups": 5, "enabled": None}) == {
        "llm_model": "m",
        "llm_max_groups": 5,
    }
    with pytest.raises(ValueError):
        dbt_vars_from_overrides({"api_key": "secret"})


def test_answers_relation_is_typed_even_when_empty() -> None:
    con = duckdb.connect()
    empty = answers_relation(con, [])
    assert empty.columns == list(ANSWER_COLUMNS)
    assert [str(t) for t in empty.types][:3] == ["VARCHAR", "VARCHAR", "DOUBLE"]
    row = {
        "fingerprint": "f",
        "category": "UNKNOWN",
        "confidence": 0.5,
        "reasoning": "r",
        "model": "m",
        "prompt_version": "v1",
        "prompt_tokens": 1,
        "completion_tokens": 2,
        "latency_ms": 3,
        "classified_at": dt.datetime(2025, 1, 1),
    }
    assert relation_rows(answers_relation(con, [row])) == [row]


def test_relations_come_from_the_dbt_manifest(tmp_path: Path) -> None:
    nodes = {
        f"model.job_insights.{name}": {
            "name": name,
            "package_name": "job_insights",
            "relation_name": f'"db"."s"."{name}"',
        }
        for name in ("int_llm_queue", "int_corrected_error_groups", "llm_error_classifications")
    }
    nodes["seed.job_insights.error_categories"] = {
        "name": "error_categories",
        "package_name": "job_insights",
        "relation_name": '"db"."seeds"."error_categories"',
    }
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"nodes": nodes}))
    relations = Relations.from_manifest(manifest)
    assert relations.categories == '"db"."seeds"."error_categories"'
    assert relations.answers.endswith('"llm_error_classifications"')
    del nodes["model.job_insights.int_llm_queue"]
    manifest.write_text(json.dumps({"nodes": nodes}))
    with pytest.raises(LookupError, match="int_llm_queue"):
        Relations.from_manifest(manifest)
    assert Relations.from_names(
        {
            "int_llm_queue": "q",
            "int_corrected_error_groups": "e",
            "error_categories": "c",
            "llm_error_classifications": "a",
        }
    ) == Relations("q", "e", "c", "a")


def test_settings_describe_has_no_secret() -> None:
    assert "sk-" not in LlmSettings(api_key="sk-123").describe()
