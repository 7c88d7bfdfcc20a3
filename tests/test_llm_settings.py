from __future__ import annotations

import pytest

from job_insights.llm.settings import LlmSettings, SettingsError


def test_defaults() -> None:
    s = LlmSettings.load(environ={})
    assert (s.model, s.base_url, s.api_key) == (
        "llama3.2:3b",
        "http://localhost:11434/v1",
        "not-needed",
    )
    assert (s.concurrency, s.max_groups, s.enabled, s.reclassify) == (4, None, True, False)


def test_environment_then_overrides() -> None:
    env = {
        "LOCAL_LLM_MODEL": "qwen2.5:7b",
        "LOCAL_LLM_BASE_URL": "http://127.0.0.1:1234/v1",
        "LOCAL_LLM_API_KEY": "secret",
        "LOCAL_LLM_CONCURRENCY": "8",
        "LOCAL_LLM_TIMEOUT": "12.5",
        "LOCAL_LLM_MAX_GROUPS": "100",
        "LOCAL_LLM_MIN_CONFIDENCE": "0.7",
        "LOCAL_LLM_ENABLED": "false",
        "LOCAL_LLM_RESPONSE_FORMAT": "json_object",
    }
    s = LlmSettings.load(environ=env)
    assert (s.model, s.base_url, s.api_key) == ("qwen2.5:7b", "http://127.0.0.1:1234/v1", "secret")
    assert (s.concurrency, s.timeout_s, s.max_groups) == (8, 12.5, 100)
    assert (s.min_confidence, s.enabled, s.response_format) == (0.7, False, "json_object")
    assert "secret" not in s.describe()

    flags = {
        "model": "phi4",
        "concurrency": "2",
        "enabled": True,
        "max_groups": None,
        "reclassify": "yes",
    }
    s = LlmSettings.load(flags, environ=env)
    assert (s.model, s.concurrency, s.enabled, s.max_groups, s.reclassify) == (
        "phi4",
        2,
        True,
        100,
        True,
    )


def test_zero_or_blank_means_unset() -> None:
    s = LlmSettings.load(environ={"LOCAL_LLM_MAX_GROUPS": "0", "LOCAL_LLM_MODEL": " "})
    assert s.max_groups is None and s.model == "llama3.2:3b"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"LOCAL_LLM_CONCURRENCY": "0"}, "concurrency"),
        ({"LOCAL_LLM_CONCURRENCY": "four"}, "cannot read"),
        ({"LOCAL_LLM_MIN_CONFIDENCE": "7"}, "min_confidence"),
        ({"LOCAL_LLM_ENABLED": "maybe"}, "cannot read"),
        ({"LOCAL_LLM_TIMEOUT": "-1"}, "timeout"),
        ({"LOCAL_LLM_RESPONSE_FORMAT": "xml"}, "response_format"),
    ],
)
def test_bad_values_are_reported(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        LlmSettings.load(environ=env)


def test_unknown_override_is_an_error() -> None:
    with pytest.raises(SettingsError, match="unknown"):
        LlmSettings.load({"modle": "x"}, environ={})
