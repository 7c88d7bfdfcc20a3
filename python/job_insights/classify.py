"""Classify single errors with the project's own SQL: no second rule engine.

The fingerprint (macros/fingerprint.sql) and the first matching rule
(macros/classification_rules.sql `classify_with_rules`) come from the dbt macros, compiled once
by `dbt compile --inline` on a scratch DuckDB file holding the seeds, and cached under
target/classify/ per hash of everything the compiled SQL depends on (rules seed, macros,
project file, this template). Each classification then runs that SQL on an in-memory DuckDB
holding the errors, and looks the fingerprint up in seeds/error_corrections.csv.

Order, as in the marts: correction > rule > UNKNOWN. (LLM answers live in the warehouse and
apply on the next `job-insights run`.)
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from job_insights.config import Settings
from job_insights.dbt import compile_inline, run_dbt

INPUT_TABLE = "ji_classify_input"

#: The models' own macros for the rows of INPUT_TABLE: message cleaning and integer codes as in
#: staging, templates and fingerprint as in int_job_errors_fingerprinted, the rule message as in
#: int_error_groups_rule_classified.
CLASSIFY_SQL = """
-- depends_on: {{ ref('classification_rules') }}
with

input as (

    select * from ji_classify_input

),

cleaned as (

    select
        input_id,
        exception_type,
        activity_name,
        {{ job_insights.integer_error_code('code_text') }} as error_code,
        code_text,
        {{ job_insights.clean_error_message('message_raw') }} as error_message
    from input

),

templated as (

    select
        *,
        coalesce(cast(error_code as {{ dbt.type_string() }}), code_text) as error_code_text,
        {{ job_insights.rule_message('error_message') }} as rule_message,
        left(
            {{ job_insights.mask_error_text('error_message') }},
            {{ var('max_template_length') }}
        ) as error_template,
        {{ job_insights.mask_error_text('activity_name') }} as activity_template
    from cleaned

),

fingerprinted as (

    select
        *,
        {{ job_insights.error_fingerprint(
            'exception_type', 'activity_template', 'error_template'
        ) }} as fingerprint
    from templated

),

matches as (

    {{ job_insights.classify_with_rules('fingerprinted', 'input_id', {
        'exception': 'exception_type',
        'message': 'rule_message',
        'activity': 'activity_name',
        'code': 'error_code_text',
    }) }}

)

select
    fingerprinted.input_id,
    fingerprinted.fingerprint,
    fingerprinted.error_template,
    fingerprinted.activity_template,
    matches.rule_order
from fingerprinted
left join matches on fingerprinted.input_id = matches.input_id
order by fingerprinted.input_id
"""


class ClassifyError(ValueError):
    """The error to classify is not valid JSON of an error item."""


@dataclass(frozen=True)
class ClassificationResult:
    category: str
    classified_by: str
    rule_id: str | None
    confidence: float
    reasoning: str | None
    fingerprint: str
    error_template: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _json_text(value: Any) -> str | None:
    """A JSON value as text, as the staging model reads it: strings unquoted."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"))


def input_row(error: Any) -> tuple[str | None, str | None, str | None, str | None]:
    """(exception_type, message, activity_name, code text) of one error item."""
    if not isinstance(error, Mapping):
        return None, _json_text(error), None, None
    code = _json_text(error.get("code"))
    return (
        _json_text(error.get("exception")),
        _json_text(error.get("message")),
        _json_text(error.get("activity_name")),
        code.strip() if code is not None else None,
    )


def parse_errors(text: str) -> list[Any]:
    """One error (a JSON object) or a JSON list of them."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ClassifyError(f"the error is not valid JSON: {exc}") from None
    items = value if isinstance(value, list) else [value]
    if not items:
        raise ClassifyError("the JSON list holds no error")
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ClassifyError(
                f"error {number} is not a JSON object like "
                '{"message": "...", "exception": "...", "activity_name": "...", "code": 500}'
            )
    return items


def _dependencies_hash(project_dir: Path) -> str:
    digest = hashlib.sha256(CLASSIFY_SQL.encode())
    paths = [project_dir / "dbt_project.yml", project_dir / "seeds" / "classification_rules.csv",
             *sorted((project_dir / "macros").glob("*.sql"))]
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    try:
        from dbt.version import __version__ as dbt_version
    except ImportError:  # pragma: no cover - dbt is a dependency
        dbt_version = "?"
    digest.update(str(dbt_version).encode())
    return digest.hexdigest()[:20]


def _compile(settings: Settings, cache_dir: Path) -> str:
    """Seed the rules into a scratch DuckDB file and compile CLASSIFY_SQL there."""
    scratch = Path(tempfile.mkdtemp(prefix="compile-", dir=cache_dir))
    compile_settings = Settings(
        target="duckdb", duckdb_path=scratch / "rules.duckdb", project_dir=settings.project_dir,
        source_schema=settings.source_schema, verbose=settings.verbose,
    )
    # A target path of its own: concurrent compiles never share dbt's artifacts.
    target_path = scratch / "target"
    try:
        run_dbt(compile_settings,
                ["seed", "--select", "classification_rules", "--target-path", str(target_path)])
        return compile_inline(compile_settings, CLASSIFY_SQL, target_path)
    finally:
        for path in sorted(scratch.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        scratch.rmdir()


def compiled_classify_sql(settings: Settings) -> str:
    """The compiled SQL, from the cache when the rules and macros did not change."""
    cache_dir = settings.project_dir / "target" / "classify"
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached = cache_dir / f"classify-{_dependencies_hash(settings.project_dir)}.sql"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    sql = _compile(settings, cache_dir)
    handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".sql.tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(sql)
    os.replace(temporary, cached)
    return sql


def load_rules(project_dir: Path) -> dict[int, dict[str, str]]:
    """Rule metadata by rule_order, from the seed the compiled SQL was built from."""
    path = project_dir / "seeds" / "classification_rules.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {int(row["rule_order"]): row for row in csv.DictReader(handle)}


def load_group_corrections(project_dir: Path) -> dict[str, dict[str, str]]:
    """The newest correction of every corrected group (as int_error_corrections picks it)."""
    path = project_dir / "seeds" / "error_corrections.csv"
    latest: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            fingerprint = (row.get("fingerprint") or "").strip()
            if not fingerprint:
                continue
            known = latest.get(fingerprint)
            stamp = row.get("corrected_at") or ""
            if known is None or stamp >= (known.get("corrected_at") or ""):
                latest[fingerprint] = row
    return latest


class Classifier:
    """Classifies error items with the compiled project SQL; reuse one for many calls."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.sql = compiled_classify_sql(settings)
        self.rules = load_rules(settings.project_dir)
        self.corrections = load_group_corrections(settings.project_dir)

    def classify_many(self, errors: Sequence[Any]) -> list[ClassificationResult]:
        import duckdb

        with duckdb.connect(":memory:") as connection:
            connection.execute(
                f"create table {INPUT_TABLE} (input_id integer, exception_type varchar, "
                "message_raw varchar, activity_name varchar, code_text varchar)"
            )
            connection.executemany(
                f"insert into {INPUT_TABLE} values (?, ?, ?, ?, ?)",
                [(number, *input_row(error)) for number, error in enumerate(errors)],
            )
            rows = connection.execute(self.sql).fetchall()
        return [self._result(fingerprint, template, rule_order)
                for _, fingerprint, template, _, rule_order in rows]

    def classify(self, error: Any) -> ClassificationResult:
        return self.classify_many([error])[0]

    def _result(self, fingerprint: str, template: str, rule_order: int | None
                ) -> ClassificationResult:
        correction = self.corrections.get(fingerprint)
        if correction is not None:
            return ClassificationResult(
                category=correction["category"].strip().upper(), classified_by="correction",
                rule_id=None, confidence=1.0,
                reasoning=(correction.get("note")
                           or f"Corrected by {correction.get('corrected_by')}"),
                fingerprint=fingerprint, error_template=template,
            )
        if rule_order is not None:
            rule = self.rules[int(rule_order)]
            return ClassificationResult(
                category=rule["category"], classified_by="rule", rule_id=rule["rule_id"],
                confidence=float(rule["confidence"]), reasoning=rule.get("reasoning") or None,
                fingerprint=fingerprint, error_template=template,
            )
        return ClassificationResult(
            category="UNKNOWN", classified_by="none", rule_id=None, confidence=0.0,
            reasoning=None, fingerprint=fingerprint, error_template=template,
        )
