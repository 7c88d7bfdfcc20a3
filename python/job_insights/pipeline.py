"""The whole job-insights pipeline for one target."""

from __future__ import annotations

from collections.abc import Mapping
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
    if settings.target == "postgres" and run_llm_step_on_postgres(settings, llm, outcome):
        run_dbt(settings, ["build", "--select", "llm_error_classifications+",
                           "--exclude", "llm_error_classifications"], dbt_vars)
    return outcome


def run_llm_step_on_postgres(settings: Settings, llm: Any, built: DbtOutcome) -> bool:
    """The LLM step against the Postgres warehouse, on the relations that `built` made; True
    when it stored new answers."""
    from job_insights.llm.warehouse import Relations, run_llm_step_postgres

    relations = Relations.from_names(built.relations)
    with connect(settings) as connection:
        result = run_llm_step_postgres(connection, relations, llm)
    return bool(result.rows)
