"""The whole job-insights pipeline for one target."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from job_insights.config import Settings
from job_insights.dbt import DbtOutcome, run_dbt
from job_insights.warehouse import connect, require_sources


def run_pipeline(
    settings: Settings,
    full_refresh: bool = False,
    llm_overrides: Mapping[str, Any] | None = None,
) -> DbtOutcome:
    """Check the sources, then `dbt build` (seeds, models, tests) on the target.

    The LLM step runs inside `dbt build` on DuckDB (a dbt Python model, fed `llm_overrides` as
    dbt vars); dbt-postgres cannot run Python models, so on Postgres it runs after the build,
    followed by a build of what is downstream of its table. `llm_overrides` are LlmSettings
    fields set by CLI flags; they win over the LOCAL_LLM_* environment.
    """
    from job_insights.llm.settings import LlmSettings
    from job_insights.llm.warehouse import dbt_vars_from_overrides

    llm = LlmSettings.load(llm_overrides)  # fail on bad LLM settings before building anything
    require_sources(settings)
    args = ["build"]
    if full_refresh:
        args.append("--full-refresh")
    # as dbt vars, the flags reach the Python model and the marts' minimum confidence
    dbt_vars = dbt_vars_from_overrides(llm_overrides or {}) or None
    outcome = run_dbt(settings, args, dbt_vars)
    if settings.target == "postgres" and run_llm_step_on_postgres(settings, llm):
        run_dbt(settings, ["build", "--select", "llm_error_classifications+",
                           "--exclude", "llm_error_classifications"], dbt_vars)
    return outcome


def manifest_path(settings: Settings) -> Path:
    """dbt's manifest.json of the last command: in DBT_TARGET_PATH (relative to the project, as
    dbt reads it) when set, else in target/."""
    target = Path(os.environ.get("DBT_TARGET_PATH") or "target")
    return (target if target.is_absolute() else settings.project_dir / target) / "manifest.json"


def run_llm_step_on_postgres(settings: Settings, llm: Any) -> bool:
    """The LLM step against the Postgres warehouse; True when it stored new answers."""
    from job_insights.llm.warehouse import Relations, run_llm_step_postgres

    relations = Relations.from_manifest(manifest_path(settings))
    with connect(settings) as connection:
        result = run_llm_step_postgres(connection, relations, llm)
    return bool(result.rows)
