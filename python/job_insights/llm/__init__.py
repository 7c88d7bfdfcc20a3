"""The LLM step: classify the error groups that rules and corrections leave UNKNOWN."""

from job_insights.llm.prompt import PROMPT_VERSION
from job_insights.llm.settings import LlmSettings, SettingsError
from job_insights.llm.step import (
    ANSWER_COLUMNS,
    UNIQUE_KEY,
    StepResult,
    Summary,
    classify_groups,
    effective_category,
)

__all__ = [
    "ANSWER_COLUMNS",
    "PROMPT_VERSION",
    "UNIQUE_KEY",
    "LlmSettings",
    "SettingsError",
    "StepResult",
    "Summary",
    "classify_groups",
    "effective_category",
]
