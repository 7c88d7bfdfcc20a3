"""Data contracts, checked with great-expectations (GX Core 1.x) on DuckDB and on Postgres.

Two expectation suites:

- `source_job_execution` on the workflow manager's `job_execution`: ids not null (and `id`
  unique), status values known, and the share of rows whose `data` parses as JSON at least
  `min_parseable_share`.
- `fct_job_errors` on the mart: categories and classified_by in their sets, confidence within
  0..1, and classified_by consistent with rule_id (a rule_id exactly when classified_by is rule).

Each suite reads one narrow query. On Postgres GX runs the expectations in the database (a SQL
data source with query assets). On DuckDB the query result is handed to GX as a pandas
DataFrame: GX's SQL engine closes each DuckDB connection before fetching the rows of its
metric queries, so every metric comes back empty (GX does not support DuckDB as a SQL source).

Nothing leaves the machine: GX runs in an ephemeral context with analytics disabled.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from job_insights.config import Settings
from job_insights.warehouse import MARTS_SCHEMA, WarehouseError, connect, require_sources

CATEGORIES = ("INPUT_DATA_QUALITY", "WORKFLOW_ENGINE", "THIRD_PARTY_SYSTEM", "UNKNOWN")
CLASSIFIED_BY = ("correction", "rule", "llm", "none")
# Job statuses (upper-cased, trimmed) that the workflow manager is known to write.
KNOWN_STATUSES = (
    "FAILURE", "FAILED", "ERROR", "SUCCESS", "SUCCEEDED", "COMPLETED",
    "RUNNING", "PENDING", "QUEUED", "SCHEDULED", "CANCELLED", "CANCELED", "SKIPPED",
)
DEFAULT_MIN_PARSEABLE_SHARE = 0.95

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one expectation."""

    suite: str
    check: str
    success: bool
    detail: str = ""


@dataclass(frozen=True)
class ValidationResult:
    """All checks of all suites; `success` only when every check passed."""

    target: str
    checks: list[CheckResult] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return all(check.success for check in self.checks)

    @property
    def failed(self) -> list[CheckResult]:
        return [check for check in self.checks if not check.success]

    def summary(self) -> str:
        lines = [f"Data contracts on {self.target}:"]
        for suite in dict.fromkeys(check.suite for check in self.checks):
            checks = [check for check in self.checks if check.suite == suite]
            passed = sum(check.success for check in checks)
            lines.append(f"  {suite}: {passed}/{len(checks)} checks passed")
            for check in checks:
                mark = "ok  " if check.success else "FAIL"
                detail = f" ({check.detail})" if check.detail else ""
                lines.append(f"    {mark} {check.check}{detail}")
        verdict = "all contracts hold" if self.success else f"{len(self.failed)} check(s) failed"
        lines.append(f"Result: {verdict}.")
        return "\n".join(lines)


@dataclass(frozen=True)
class Check:
    """One GX expectation with the label the summary shows for it."""

    label: str
    expectation: Any
    show_examples: bool = True


@dataclass(frozen=True)
class Suite:
    """One expectation suite and the query whose rows it checks."""

    name: str
    query: str
    checks: Sequence[Check]


def _parseable_expr(settings: Settings) -> str:
    """1 when job_execution.data parses as JSON, else 0 (null data counts as unparseable)."""
    if settings.target == "postgres":
        # The helper function that dbt's on-run-start creates in the marts schema.
        return (
            f"case when {MARTS_SCHEMA}.job_insights_try_jsonb(cast(data as text)) is not null "
            "then 1 else 0 end"
        )
    return "case when json_valid(cast(data as varchar)) then 1 else 0 end"


def build_suites(settings: Settings, min_parseable_share: float) -> list[Suite]:
    import great_expectations.expectations as gxe

    text = "text" if settings.target == "postgres" else "varchar"
    source_query = (
        f"select cast(id as {text}) as id, cast(pipeline_id as {text}) as pipeline_id, "
        f"cast(tenant_id as {text}) as tenant_id, "
        f"upper(trim(cast(status as {text}))) as status, "
        f"{_parseable_expr(settings)} as is_data_parseable "
        f"from {settings.source_schema}.job_execution"
    )
    errors_query = (
        "select error_id, category, classified_by, confidence, "
        "case when rule_id is null then 0 else 1 end as has_rule_id "
        f"from {MARTS_SCHEMA}.fct_job_errors"
    )
    rule_pairs = [("rule", 1), ("correction", 0), ("llm", 0), ("none", 0)]
    return [
        Suite("source job_execution", source_query, [
            Check("id not null", gxe.ExpectColumnValuesToNotBeNull(column="id")),
            Check("id unique", gxe.ExpectColumnValuesToBeUnique(column="id")),
            Check("pipeline_id not null",
                  gxe.ExpectColumnValuesToNotBeNull(column="pipeline_id")),
            Check("tenant_id not null", gxe.ExpectColumnValuesToNotBeNull(column="tenant_id")),
            Check("status not null", gxe.ExpectColumnValuesToNotBeNull(column="status")),
            Check("status values known", gxe.ExpectColumnValuesToBeInSet(
                column="status", value_set=list(KNOWN_STATUSES))),
            Check(f"data parses as JSON in >= {min_parseable_share:.0%} of rows",
                  gxe.ExpectColumnValuesToBeInSet(
                      column="is_data_parseable", value_set=[1], mostly=min_parseable_share),
                  show_examples=False),
        ]),
        Suite("fct_job_errors", errors_query, [
            Check("error_id not null", gxe.ExpectColumnValuesToNotBeNull(column="error_id")),
            Check("error_id unique", gxe.ExpectColumnValuesToBeUnique(column="error_id")),
            Check("category not null", gxe.ExpectColumnValuesToNotBeNull(column="category")),
            Check("category in set", gxe.ExpectColumnValuesToBeInSet(
                column="category", value_set=list(CATEGORIES))),
            Check("classified_by in set", gxe.ExpectColumnValuesToBeInSet(
                column="classified_by", value_set=list(CLASSIFIED_BY))),
            Check("confidence not null",
                  gxe.ExpectColumnValuesToNotBeNull(column="confidence")),
            Check("confidence within 0..1", gxe.ExpectColumnValuesToBeBetween(
                column="confidence", min_value=0, max_value=1)),
            Check("rule_id set exactly when classified_by is rule",
                  gxe.ExpectColumnPairValuesToBeInSet(
                      column_A="classified_by", column_B="has_rule_id",
                      value_pairs_set=rule_pairs, ignore_row_if="neither")),
        ]),
    ]


def _plain(value: Any) -> Any:
    """numpy scalars and tuples of them as plain Python values, for readable examples."""
    if isinstance(value, tuple | list):
        return tuple(_plain(item) for item in value)
    return value.item() if hasattr(value, "item") else value


def _detail(result: Any, show_examples: bool) -> str:
    """A short account of one GX expectation result."""
    if result.exception_info and result.exception_info.get("raised_exception"):
        return f"error: {str(result.exception_info.get('exception_message', ''))[:200]}"
    for info in (result.exception_info or {}).values():
        if isinstance(info, dict) and info.get("raised_exception"):
            return f"error: {str(info.get('exception_message', ''))[:200]}"
    outcome = result.result or {}
    count = outcome.get("element_count")
    unexpected = outcome.get("unexpected_count")
    if unexpected is None or count is None:
        return ""
    if not unexpected:
        return f"{count} rows"
    values = dict.fromkeys(_plain(value) for value in outcome.get("partial_unexpected_list") or [])
    examples = ", ".join(repr(value) for value in list(values)[:3]) if show_examples else ""
    share = outcome.get("unexpected_percent") or 0.0
    text = f"{unexpected} of {count} rows unexpected ({share:.1f}%)"
    return f"{text}, e.g. {examples}" if examples else text


def _gx_context(verbose: bool) -> Any:
    os.environ["GX_ANALYTICS_ENABLED"] = "False"  # GX must not call home
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    level = logging.INFO if verbose else logging.WARNING
    # GX pins one of its loggers to INFO (it announces a temporary docs folder): quiet it too.
    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(level)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def _postgres_uri(settings: Settings) -> str:
    database = settings.database
    assert database is not None
    return (
        f"postgresql+psycopg2://{quote(database.user, safe='')}:"
        f"{quote(database.password, safe='')}@{database.host}:{database.port}/"
        f"{quote(database.name, safe='')}"
    )


BatchLoader = Callable[["Suite"], tuple[Any, dict[str, Any]]]


def _batch_loader(settings: Settings, context: Any) -> BatchLoader:
    """For each suite: a GX batch definition and the batch parameters that select its rows."""
    if settings.target == "postgres":
        source = context.data_sources.add_postgres(
            name="warehouse", connection_string=_postgres_uri(settings))

        def postgres_batch(suite: Suite) -> tuple[Any, dict[str, Any]]:
            asset = source.add_query_asset(name=suite.name, query=suite.query)
            return asset.add_batch_definition_whole_table(suite.name), {}

        return postgres_batch

    frames = context.data_sources.add_pandas(name="warehouse")

    def duckdb_batch(suite: Suite) -> tuple[Any, dict[str, Any]]:
        with connect(settings, read_only=True) as connection:
            frame = connection.execute(suite.query).df()
        asset = frames.add_dataframe_asset(name=suite.name)
        return asset.add_batch_definition_whole_dataframe(suite.name), {"dataframe": frame}

    return duckdb_batch


def _require_marts(settings: Settings) -> None:
    sql = (
        "select count(*) from information_schema.tables "
        f"where table_schema = '{MARTS_SCHEMA}' and table_name = 'fct_job_errors'"
    )
    with connect(settings, read_only=True) as connection:
        cursor = connection.cursor()
        cursor.execute(sql)
        row = cursor.fetchone()
    if not row or not row[0]:
        raise WarehouseError(
            f"{MARTS_SCHEMA}.fct_job_errors not found on target {settings.target}: "
            "run `job-insights run` first"
        )


def validate(
    settings: Settings, min_parseable_share: float = DEFAULT_MIN_PARSEABLE_SHARE
) -> ValidationResult:
    """Run both suites on the settings' target; WarehouseError when a table is missing."""
    if not 0 <= min_parseable_share <= 1:
        raise ValueError("min_parseable_share must be within 0..1")
    require_sources(settings)
    _require_marts(settings)
    context = _gx_context(settings.verbose)
    import great_expectations as gx

    batch_for = _batch_loader(settings, context)
    results: list[CheckResult] = []
    for suite in build_suites(settings, min_parseable_share):
        gx_suite = context.suites.add(gx.ExpectationSuite(name=suite.name))
        checks_by_id: dict[str, Check] = {}
        for check in suite.checks:
            added = gx_suite.add_expectation(check.expectation)
            checks_by_id[str(added.id)] = check
        batch_definition, parameters = batch_for(suite)
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=suite.name, data=batch_definition, suite=gx_suite))
        outcome = definition.run(batch_parameters=parameters,
                                 result_format={"result_format": "SUMMARY"})
        for result in outcome.results:
            check = checks_by_id[str(result.expectation_config.id)]
            results.append(CheckResult(suite.name, check.label, bool(result.success),
                                       _detail(result, check.show_examples)))
    log.info("validated %d checks on %s", len(results), settings.target)
    return ValidationResult(target=settings.target, checks=results)
