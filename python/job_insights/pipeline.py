"""The whole job-insights pipeline for one target."""

from __future__ import annotations

from job_insights.config import Settings
from job_insights.dbt import DbtOutcome, run_dbt
from job_insights.warehouse import require_sources


def run_pipeline(settings: Settings, full_refresh: bool = False) -> DbtOutcome:
    """Check the sources, then `dbt build` (seeds, models, tests) on the target."""
    require_sources(settings)
    args = ["build"]
    if full_refresh:
        args.append("--full-refresh")
    return run_dbt(settings, args)
