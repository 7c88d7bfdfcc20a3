"""Settings of the LLM step, read once into one typed object.

Precedence, highest first: explicit overrides (CLI flags, dbt vars) > environment variables >
defaults. Every field can be overridden; the documented ones also have an environment variable.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

ResponseFormat = Literal["json_schema", "json_object", "none"]
RESPONSE_FORMATS: tuple[ResponseFormat, ...] = ("json_schema", "json_object", "none")

# field name -> environment variable
ENV_VARS: dict[str, str] = {
    "model": "LOCAL_LLM_MODEL",
    "base_url": "LOCAL_LLM_BASE_URL",
    "api_key": "LOCAL_LLM_API_KEY",
    "concurrency": "LOCAL_LLM_CONCURRENCY",
    "timeout_s": "LOCAL_LLM_TIMEOUT",
    "max_groups": "LOCAL_LLM_MAX_GROUPS",
    "min_confidence": "LOCAL_LLM_MIN_CONFIDENCE",
    "enabled": "LOCAL_LLM_ENABLED",
    "max_retries": "LOCAL_LLM_MAX_RETRIES",
    "few_shot_k": "LOCAL_LLM_FEW_SHOT_K",
    "response_format": "LOCAL_LLM_RESPONSE_FORMAT",
}

_TRUE = {"1", "true", "yes", "on", "y", "t"}
_FALSE = {"0", "false", "no", "off", "n", "f"}


class SettingsError(ValueError):
    """A setting has a value that cannot be used."""


@dataclass(frozen=True)
class LlmSettings:
    """Everything the LLM step needs to know; see `docs/llm.md` for the meaning of each field."""

    model: str = "llama3.2:3b"
    base_url: str = "http://localhost:11434/v1"
    api_key: str = "not-needed"
    concurrency: int = 4
    timeout_s: float = 60.0
    max_groups: int | None = None
    """Cap on groups sent per run; None (or 0 in the environment) means no cap."""
    min_confidence: float = 0.6
    """Answers below it are stored but do not classify: the group stays UNKNOWN."""
    enabled: bool = True
    reclassify: bool = False
    """Ask again for groups already answered for this model and prompt version."""
    max_retries: int = 3
    """Retries per group on 429, 5xx, timeouts and connection errors."""
    backoff_base_s: float = 0.5
    backoff_max_s: float = 30.0
    breaker_threshold: int = 5
    """Consecutive connection failures or timeouts after which no more calls are made."""
    few_shot_k: int = 5
    response_format: ResponseFormat = "json_schema"
    """Strongest structured output to ask for; lowered automatically if the server refuses it."""
    temperature: float = 0.0
    max_tokens: int = 300
    progress: bool | None = None
    """Progress bar: None shows it only when stderr is a terminal."""

    def __post_init__(self) -> None:
        if self.concurrency < 1:
            raise SettingsError(f"concurrency must be at least 1, got {self.concurrency}")
        if self.timeout_s <= 0:
            raise SettingsError(f"timeout must be positive, got {self.timeout_s}")
        if self.max_groups is not None and self.max_groups < 0:
            raise SettingsError(f"max_groups must not be negative, got {self.max_groups}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise SettingsError(f"min_confidence must be within 0..1, got {self.min_confidence}")
        if self.max_retries < 0 or self.breaker_threshold < 1 or self.few_shot_k < 0:
            raise SettingsError("max_retries, few_shot_k >= 0 and breaker_threshold >= 1")
        if self.response_format not in RESPONSE_FORMATS:
            raise SettingsError(
                f"response_format must be one of {', '.join(RESPONSE_FORMATS)}, "
                f"got {self.response_format!r}"
            )

    @classmethod
    def load(
        cls,
        overrides: Mapping[str, Any] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> LlmSettings:
        """Defaults, then the environment, then `overrides` (None values are ignored)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for field, var in ENV_VARS.items():
            raw = env.get(var)
            if raw is not None and raw.strip():
                values[field] = _convert(field, raw)
        for field, value in (overrides or {}).items():
            if value is None:
                continue
            if field not in _FIELDS:
                raise SettingsError(f"unknown LLM setting {field!r}")
            values[field] = _convert(field, value)
        if values.get("max_groups") == 0:
            values["max_groups"] = None
        return cls(**values)

    def describe(self) -> str:
        """One line for logs; never shows the API key."""
        cap = "none" if self.max_groups is None else str(self.max_groups)
        return (
            f"model={self.model} base_url={self.base_url} concurrency={self.concurrency} "
            f"timeout={self.timeout_s:g}s max_groups={cap} min_confidence={self.min_confidence:g}"
        )


_FIELDS = {f.name: f for f in dataclasses.fields(LlmSettings)}


def _convert(field: str, value: Any) -> Any:
    """Turn an environment string or a dbt var into the field's type."""
    kind = _FIELDS[field].type
    try:
        if "bool" in kind:
            return value if isinstance(value, bool) else _to_bool(field, str(value))
        if kind.startswith("int"):
            if isinstance(value, str) and value.strip().lower() in {"", "none"}:
                return None
            return int(value)
        if kind.startswith("float"):
            return float(value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"LLM setting {field}: cannot read {value!r}") from exc
    return str(value).strip()


def _to_bool(field: str, raw: str) -> bool:
    text = raw.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise SettingsError(f"LLM setting {field}: {raw!r} is not a boolean")
