"""The `job-insights` command line: parse options, call the library, map outcomes to exit codes.

Exit codes: 0 ok, 1 findings or failure (a failed build, an unreachable database), 2 usage
error (a bad flag or setting).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from job_insights.config import ConfigError, Settings
from job_insights.dbt import DbtError
from job_insights.warehouse import WarehouseError

if TYPE_CHECKING:
    from job_insights.report import Report

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
SlackOption = Annotated[
    str | None,
    typer.Option("--slack-webhook", metavar="URL", show_default=False,
                 help="Post a compact summary to this Slack incoming webhook. "
                      "Env: SLACK_WEBHOOK_URL."),
]
HoursOption = Annotated[
    float, typer.Option("--hours", min=0, help="Report the last N hours (ignored with --since).")
]


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    html = "html"


DATETIME_FORMATS = ["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M",
                    "%Y-%m-%d %H:%M"]
SinceOption = Annotated[
    datetime | None,
    typer.Option("--since", formats=DATETIME_FORMATS, show_default=False,
                 help="Start of the period (UTC), e.g. '2024-12-01 00:00:00'."),
]
UntilOption = Annotated[
    datetime | None,
    typer.Option("--until", formats=DATETIME_FORMATS, show_default=False,
                 help="End of the period (UTC); default now."),
]
TenantOption = Annotated[
    str | None, typer.Option("--tenant-id", show_default=False, help="Only this tenant (uuid).")
]
PipelineOption = Annotated[
    str | None,
    typer.Option("--pipeline", show_default=False, help="Only this pipeline (name or id)."),
]
CategoryOption = Annotated[
    str | None,
    typer.Option("--category", show_default=False,
                 help="Only this category: INPUT_DATA_QUALITY, WORKFLOW_ENGINE, "
                      "THIRD_PARTY_SYSTEM or UNKNOWN."),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", show_default=False, help="Write to this file, not stdout."),
]


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
    """Run `step()`, turning the library's errors into one clear line and exit code 1
    (2 for malformed input)."""
    from job_insights.corrections import CorrectionsFileError
    from job_insights.report import ReportInputError
    from job_insights.slack import SlackError

    try:
        return step()
    except (ReportInputError, CorrectionsFileError) as exc:
        fail(str(exc), code=2)
    except (DbtError, WarehouseError, ConfigError, SlackError) as exc:
        fail(f"{action} failed: {exc}")


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}", code=2)
    typer.echo(f"Wrote {output}", err=True)


def post_to_slack(flag: str | None, report: Report) -> None:
    from job_insights.slack import post_summary, webhook_url

    url = webhook_url(flag)
    if url:
        run_guarded("slack", lambda: post_summary(url, report))
        typer.echo("Posted the summary to Slack.", err=True)


def load_filtered_report(
    action: str, hours: float, since: datetime | None, until: datetime | None,
    tenant_id: str | None, pipeline: str | None, category: str | None,
    target: str | None, duckdb: Path | None, verbose: bool,
) -> Report:
    """Check the filter options (exit 2), then read the report from the marts (exit 1)."""
    from job_insights.report import ReportFilter, load_report, utc_now

    now = utc_now()
    report_filter = run_guarded(action, lambda: ReportFilter.build(
        now, hours=hours, since=since, until=until, tenant_id=tenant_id, pipeline=pipeline,
        category=category))
    settings = load_settings(target, duckdb, verbose)
    return run_guarded(action, lambda: load_report(settings, report_filter, now))


@app.command()
def demo(
    jobs: Annotated[int, typer.Option(min=1, help="Job executions to generate.")] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives the same data.")] = 42,
    days: Annotated[int, typer.Option(min=1, help="Spread the jobs over this many days.")] = 30,
    duckdb: DuckdbOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Generate demo job executions into DuckDB (replacing earlier demo data), rebuild the
    whole pipeline, print a summary."""
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
    # the sources were just replaced: incremental models must not keep the previous demo's rows
    outcome = run_guarded("pipeline", lambda: run_pipeline(settings, full_refresh=True))
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
        "--llm-url", "--llm-base-url",
        help="OpenAI-compatible base URL, e.g. http://localhost:1234/v1 for LM Studio. "
        "Env: LOCAL_LLM_BASE_URL "
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
    slack_webhook: SlackOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Run the whole pipeline on a target: seeds, models, tests (`dbt build`), LLM step.

    With a Slack webhook, posts a summary of the last 24 hours afterwards.
    """
    from job_insights.llm.settings import SettingsError
    from job_insights.pipeline import run_pipeline
    from job_insights.report import ReportFilter, load_report, utc_now

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
    from job_insights.slack import webhook_url

    if webhook_url(slack_webhook):
        now = utc_now()
        report = run_guarded("report", lambda: load_report(
            settings, ReportFilter.build(now, hours=24), now))
        post_to_slack(slack_webhook, report)


@app.command()
def report(
    hours: HoursOption = 24,
    since: SinceOption = None,
    until: UntilOption = None,
    tenant_id: TenantOption = None,
    pipeline: PipelineOption = None,
    category: CategoryOption = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")
                   ] = ReportFormat.text,
    output: OutputOption = None,
    target: TargetOption = None,
    duckdb: DuckdbOption = None,
    slack_webhook: SlackOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Report failed jobs and their classified errors from the marts.

    Period, failed jobs and errors, errors by category, failed jobs by tenant and pipeline,
    the error table and each job's errors. CSV is one line per error with an empty
    "Corrected Category" column for `corrections import`; HTML is one offline file with charts.
    """
    from job_insights.report import render

    loaded = load_filtered_report("report", hours, since, until, tenant_id, pipeline, category,
                                  target, duckdb, verbose)
    write_output(render(loaded, fmt.value), output)
    post_to_slack(slack_webhook, loaded)


corrections_app = typer.Typer(
    help="The feedback loop: export errors to correct, import the corrected file.",
    no_args_is_help=True,
)
app.add_typer(corrections_app, name="corrections")


@corrections_app.command("export")
def corrections_export(
    hours: HoursOption = 24,
    since: SinceOption = None,
    until: UntilOption = None,
    tenant_id: TenantOption = None,
    pipeline: PipelineOption = None,
    category: CategoryOption = None,
    output: OutputOption = None,
    target: TargetOption = None,
    duckdb: DuckdbOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Write the errors of a period as CSV, one group's errors together, largest group first.

    Fill in "Corrected Category" where the category is wrong (for one line of a group to
    correct the whole group), then run `job-insights corrections import`.
    """
    from job_insights.report import render_csv

    loaded = load_filtered_report("export", hours, since, until, tenant_id, pipeline, category,
                                  target, duckdb, verbose)
    sizes: dict[str, int] = {}
    for row in loaded.errors:
        sizes[row["fingerprint"]] = sizes.get(row["fingerprint"], 0) + 1
    rows = sorted(loaded.errors, key=lambda row: (-sizes[row["fingerprint"]], row["fingerprint"]))
    write_output(render_csv(loaded, rows), output)


@corrections_app.command("import")
def corrections_import(
    file: Annotated[Path, typer.Argument(help="The edited CSV export.", show_default=False)],
    user: Annotated[str, typer.Option("--user", help="Your email, recorded as corrected_by.",
                                      show_default=False)],
    skip_invalid: Annotated[bool, typer.Option(
        "--skip-invalid", help="Write the valid lines and list the invalid ones.")] = False,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Validate and show the changes; write nothing.")] = False,
    target: TargetOption = None,
    duckdb: DuckdbOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Merge an edited export into seeds/error_corrections.csv.

    Validates every line against the warehouse; writes nothing unless all are valid (see
    --skip-invalid). Exit 1 when lines are invalid and nothing was written.
    """
    from job_insights.corrections import import_corrections

    settings = load_settings(target, duckdb, verbose)
    result = run_guarded("import", lambda: import_corrections(
        settings, file, user, skip_invalid=skip_invalid, dry_run=dry_run))
    typer.echo(result.summary())
    if not result.ok and not (skip_invalid and not dry_run):
        raise typer.Exit(1)


@app.command("suggest-rules")
def suggest_rules_command(
    min_count: Annotated[int, typer.Option(
        "--min-count", min=1, help="Propose rules only from at least N errors.")] = 3,
    min_agreement: Annotated[float, typer.Option(
        "--min-agreement", min=0, max=1,
        help="Accept a rule when this share of the labelled errors it matches agrees.")] = 0.95,
    apply: Annotated[bool, typer.Option(
        "--apply", help="Append the accepted rules to seeds/classification_rules.csv.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the candidates as JSON.")] = False,
    target: TargetOption = None,
    duckdb: DuckdbOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Propose rules from corrected and LLM-classified groups, backtested on all history."""
    import json

    from job_insights.suggest_rules import suggest_rules

    settings = load_settings(target, duckdb, verbose)
    result = run_guarded("suggest-rules", lambda: suggest_rules(
        settings, min_count=min_count, min_agreement=min_agreement, apply=apply))
    if as_json:
        typer.echo(json.dumps([c.to_dict() for c in result.candidates], indent=2))
    else:
        typer.echo(result.render())


@app.command()
def classify(
    error: Annotated[str | None, typer.Argument(
        help="The error as JSON, e.g. '{\"message\": \"...\", \"exception\": \"...\", '"
             "'\"activity_name\": \"...\", \"code\": 500}' (a list classifies several). "
             "Default: read stdin.", show_default=False)] = None,
    verbose: VerboseOption = False,
) -> None:
    """Classify one error with the project's compiled rules and the corrections seed.

    Prints JSON: category, classified_by, rule_id, confidence, reasoning, fingerprint.
    """
    import json

    from job_insights.classify import Classifier, parse_errors

    text = error if error is not None else sys.stdin.read()
    try:
        items = parse_errors(text)
    except ValueError as exc:
        fail(str(exc), code=2)
    settings = load_settings("duckdb", None, verbose)
    classifier = run_guarded("classify", lambda: Classifier(settings))
    results = [result.to_dict() for result in classifier.classify_many(items)]
    typer.echo(json.dumps(results[0] if len(results) == 1 and not text.lstrip().startswith("[")
                          else results, indent=2))


@app.command()
def validate(
    target: TargetOption = None,
    duckdb: DuckdbOption = None,
    min_parseable_share: Annotated[float, typer.Option(
        min=0.0, max=1.0, help="Least share of job_execution rows whose data must parse as "
        "JSON.")] = 0.95,
    verbose: VerboseOption = False,
) -> None:
    """Check the data contracts (great-expectations) on the sources and fct_job_errors.

    Prints a summary; exits 1 when a check fails.
    """
    from job_insights.validate import validate as check_contracts

    settings = load_settings(target, duckdb, verbose)
    result = run_guarded("validate", lambda: check_contracts(settings, min_parseable_share))
    typer.echo(result.summary())
    if not result.success:
        raise typer.Exit(1)


def main() -> None:
    """Run the CLI; a usage error is one line on stderr and exit code 2."""
    try:
        code = app(standalone_mode=False)
    except typer.TyperException as exc:  # usage errors: a bad flag, value or argument
        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare command group: its help
            typer.echo(exc.format_message(), err=True)
            sys.exit(2)
        ctx = getattr(exc, "ctx", None)
        hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        message = " ".join(exc.format_message().split())
        typer.echo(f"job-insights: error: {message}{hint}", err=True)
        sys.exit(getattr(exc, "exit_code", 2))
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("job-insights: aborted", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
