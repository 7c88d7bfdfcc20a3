"""The `job-insights` command line: parse options, call the library, map outcomes to exit codes.

Exit codes: 0 ok, 1 findings or failure (a failed build, an unreachable database), 2 usage
error (a bad flag or setting).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer

from job_insights.config import ConfigError, Settings
from job_insights.dbt import DbtError
from job_insights.warehouse import WarehouseError

T = TypeVar("T")

app = typer.Typer(
    help="Failure analytics for workflow-manager jobs: classify job errors in your warehouse.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

TargetOption = Annotated[
    str | None,
    typer.Option("--target", "-t", help="Warehouse target: duckdb (default) or postgres. "
                 "Env: JOB_INSIGHTS_TARGET."),
]
DuckdbOption = Annotated[
    Path | None,
    typer.Option("--duckdb", help="DuckDB warehouse file. Env: JOB_INSIGHTS_DUCKDB "
                 "(default warehouse/warehouse.duckdb in the project)."),
]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Show dbt's full log.")]


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"job-insights: error: {message}", err=True)
    raise typer.Exit(code)


def load_settings(target: str | None, duckdb: Path | None, verbose: bool) -> Settings:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return Settings.load(target=target, duckdb_path=duckdb, verbose=verbose)
    except ConfigError as exc:
        fail(str(exc), code=2)


def run_guarded(action: str, step: Callable[[], T]) -> T:
    """Run `step()`, turning the library's errors into one clear line and exit code 1."""
    try:
        return step()
    except (DbtError, WarehouseError, ConfigError) as exc:
        fail(f"{action} failed: {exc}")


@app.command()
def demo(
    jobs: Annotated[int, typer.Option(min=1, help="Job executions to generate.")] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives the same data.")] = 42,
    days: Annotated[int, typer.Option(min=1, help="Spread the jobs over this many days.")] = 30,
    duckdb: DuckdbOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Generate demo job executions into DuckDB, run the whole pipeline, print a summary."""
    from job_insights import demo as demo_data
    from job_insights.pipeline import run_pipeline
    from job_insights.report import ReportFilter, load_report, render_summary_text
    from job_insights.sources import write_duckdb

    settings = load_settings("duckdb", duckdb, verbose)
    started = time.monotonic()
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    data = demo_data.generate(jobs=jobs, seed=seed, days=days, now=now)
    write_duckdb(settings.duckdb_path, data.pipelines, data.jobs, schema=settings.source_schema)
    typer.echo(f"Wrote {len(data.jobs)} job executions of {len(data.pipelines)} pipelines to "
               f"{settings.duckdb_path} (schema {settings.source_schema}).")
    outcome = run_guarded("pipeline", lambda: run_pipeline(settings))
    typer.echo(f"dbt build: {outcome.passed} nodes passed, {outcome.warned} warned "
               f"({time.monotonic() - started:.1f}s).\n")
    first_start = min(job.started_at for job in data.jobs if job.started_at)
    report_filter = ReportFilter(since=first_start, until=now)
    report = run_guarded("report", lambda: load_report(settings, report_filter, now))
    typer.echo(render_summary_text(report))


@app.command()
def run(
    target: TargetOption = None,
    duckdb: DuckdbOption = None,
    full_refresh: Annotated[bool, typer.Option(
        "--full-refresh", help="Rebuild incremental models from all history.")] = False,
    llm: Annotated[bool | None, typer.Option(
        "--llm/--no-llm", help="Ask the local LLM about UNKNOWN error groups. "
        "Env: LOCAL_LLM_ENABLED (default on).", show_default=False)] = None,
    llm_model: Annotated[str | None, typer.Option(
        help="Model name. Env: LOCAL_LLM_MODEL (default llama3.2:3b).")] = None,
    llm_base_url: Annotated[str | None, typer.Option(
        help="OpenAI-compatible base URL. Env: LOCAL_LLM_BASE_URL "
        "(default http://localhost:11434/v1).")] = None,
    llm_concurrency: Annotated[int | None, typer.Option(
        min=1, help="Requests in flight. Env: LOCAL_LLM_CONCURRENCY (default 4).")] = None,
    llm_timeout: Annotated[float | None, typer.Option(
        help="Seconds per request. Env: LOCAL_LLM_TIMEOUT (default 60).")] = None,
    llm_max_groups: Annotated[int | None, typer.Option(
        min=0, help="Cap on groups asked per run, 0 = none. Env: LOCAL_LLM_MAX_GROUPS.")] = None,
    llm_min_confidence: Annotated[float | None, typer.Option(
        min=0.0, max=1.0, help="Answers below stay UNKNOWN. Env: LOCAL_LLM_MIN_CONFIDENCE "
        "(default 0.6).")] = None,
    reclassify: Annotated[bool, typer.Option(
        "--reclassify", help="Ask again for groups already answered by this model and "
        "prompt version.")] = False,
    verbose: VerboseOption = False,
) -> None:
    """Run the whole pipeline on a target: seeds, models, tests (`dbt build`), LLM step."""
    from job_insights.llm.settings import SettingsError
    from job_insights.pipeline import run_pipeline

    settings = load_settings(target, duckdb, verbose)
    llm_overrides = {
        "enabled": llm, "model": llm_model, "base_url": llm_base_url,
        "concurrency": llm_concurrency, "timeout_s": llm_timeout,
        "max_groups": llm_max_groups, "min_confidence": llm_min_confidence,
        "reclassify": reclassify or None,
    }
    llm_overrides = {key: value for key, value in llm_overrides.items() if value is not None}
    started = time.monotonic()
    try:
        outcome = run_guarded(
            "pipeline", lambda: run_pipeline(settings, full_refresh, llm_overrides)
        )
    except SettingsError as exc:
        fail(str(exc), code=2)
    typer.echo(f"job-insights run on {settings.target}: {outcome.passed} nodes passed, "
               f"{outcome.warned} warned in {time.monotonic() - started:.1f}s.")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
