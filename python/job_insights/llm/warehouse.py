"""Glue between the warehouse and the LLM step: read its inputs, write its answers.

DuckDB: `duckdb_model` is the body of the dbt Python model `llm_error_classifications`.
Postgres (dbt-postgres cannot run Python models): `run_llm_step_postgres` runs after `dbt build`
and inserts into the table that the SQL twin of that model created; `job-insights run` then
rebuilds what is downstream of it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from job_insights.llm.prompt import PROMPT_VERSION
from job_insights.llm.settings import LlmSettings
from job_insights.llm.step import ANSWER_COLUMNS, UNIQUE_KEY, StepResult, classify_groups

QUEUE_MODEL = "int_llm_queue"
EXAMPLES_MODEL = "int_corrected_error_groups"
CATEGORIES_SEED = "error_categories"
ANSWERS_MODEL = "llm_error_classifications"

# dbt vars of the Python model (set as model configs in dbt_project.yml) -> LlmSettings fields
DBT_VARS: dict[str, str] = {
    "llm_model": "model",
    "llm_base_url": "base_url",
    "llm_concurrency": "concurrency",
    "llm_timeout": "timeout_s",
    "llm_max_groups": "max_groups",
    "llm_min_confidence": "min_confidence",
    "llm_enabled": "enabled",
    "llm_reclassify": "reclassify",
}


def settings_from_dbt_vars(values: Mapping[str, Any]) -> LlmSettings:
    """dbt vars win over the environment; unset vars arrive as None or ''."""
    overrides = {
        DBT_VARS[name]: value
        for name, value in values.items()
        if name in DBT_VARS and value is not None and str(value).strip() not in {"", "None"}
    }
    return LlmSettings.load(overrides)


def dbt_vars_from_overrides(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """LlmSettings overrides (CLI flags) as the dbt vars that the Python model reads."""
    by_field = {field: var for var, field in DBT_VARS.items()}
    unknown = sorted(set(overrides) - set(by_field))
    if unknown:
        raise ValueError(f"no dbt var for LLM setting(s) {', '.join(unknown)}")
    return {by_field[k]: v for k, v in overrides.items() if v is not None}


# ---------------------------------------------------------------- DuckDB (dbt Python model)


def relation_rows(relation: Any) -> list[dict[str, Any]]:
    """Rows of a DuckDB relation as dicts, without pandas."""
    columns = list(relation.columns)
    return [dict(zip(columns, row, strict=True)) for row in relation.fetchall()]


def duckdb_model(
    session: Any,
    *,
    queue: Any,
    examples: Any,
    categories: Any,
    this: Any,
    settings: LlmSettings,
) -> Any:
    """Classify the new groups of the queue and return them as a DuckDB relation that the
    incremental materialization merges on (fingerprint, model, prompt_version).

    `queue`, `examples`, `categories`: the relations of int_llm_queue,
    int_corrected_error_groups and error_categories (dbt finds refs only in the model file);
    `this`: the model's own table when it exists (dbt.is_incremental), else None."""
    existing: list[dict[str, Any]] = []
    if this is not None and not settings.reclassify:
        existing = relation_rows(
            session.sql(
                f"select fingerprint, model, prompt_version from {this} "
                "where model = $model and prompt_version = $version",
                params={"model": settings.model, "version": PROMPT_VERSION},
            )
        )
    result = classify_groups(
        relation_rows(queue),
        relation_rows(examples),
        relation_rows(categories),
        settings,
        existing,
    )
    return answers_relation(session, result.rows)


def answers_relation(session: Any, rows: Sequence[Mapping[str, Any]]) -> Any:
    """The answer rows as a typed DuckDB relation (a temporary table of this connection)."""
    table = "llm_new_answers"
    columns = ", ".join(f"{name} {kind}" for name, kind in ANSWER_COLUMNS.items())
    session.execute(f"create or replace temporary table {table} ({columns})")
    if rows:
        marks = ", ".join("?" for _ in ANSWER_COLUMNS)
        session.executemany(
            f"insert into {table} values ({marks})",
            [[row[name] for name in ANSWER_COLUMNS] for row in rows],
        )
    return session.table(table)


# ---------------------------------------------------------------- Postgres


@dataclass(frozen=True)
class Relations:
    """Fully qualified names of the step's inputs and output, as dbt built them."""

    queue: str
    examples: str
    categories: str
    answers: str

    @classmethod
    def from_names(cls, names: Mapping[str, str]) -> Relations:
        """From node name -> relation name, e.g. what a `dbt build` ran."""
        wanted = (QUEUE_MODEL, EXAMPLES_MODEL, CATEGORIES_SEED, ANSWERS_MODEL)
        missing = [n for n in wanted if n not in names]
        if missing:
            raise LookupError(f"dbt did not build {', '.join(missing)}")
        return cls(*(names[n] for n in wanted))

    @classmethod
    def from_manifest(cls, manifest_path: str | Path, package: str = "job_insights") -> Relations:
        """From dbt's manifest.json (after a parse or build)."""
        manifest = json.loads(Path(manifest_path).read_text())
        names: dict[str, str] = {}
        for node in manifest["nodes"].values():
            if node.get("package_name") == package and node.get("relation_name"):
                names.setdefault(node["name"], node["relation_name"])
        return cls.from_names(names)


def run_llm_step_postgres(conn: Any, relations: Relations, settings: LlmSettings) -> StepResult:
    """Read the queue, ask, and upsert the answers in one transaction (a psycopg2 connection,
    in autocommit mode or not). Returns the rows written and the summary."""
    autocommit = conn.autocommit
    conn.autocommit = False
    try:
        with conn.cursor() as cur:
            queue = _fetch(cur, f"select * from {relations.queue}")
            examples = _fetch(cur, f"select * from {relations.examples}")
            categories = _fetch(cur, f"select * from {relations.categories}")
            existing = _fetch(
                cur,
                f"select fingerprint, model, prompt_version from {relations.answers} "
                "where model = %s and prompt_version = %s",
                (settings.model, PROMPT_VERSION),
            )
        conn.commit()  # end the read transaction: no lock is held while the model thinks
        result = classify_groups(queue, examples, categories, settings, existing)
        if result.rows:
            with conn.cursor() as cur:
                key = " and ".join(f"{c} = %s" for c in UNIQUE_KEY)
                cur.executemany(
                    f"delete from {relations.answers} where {key}",
                    [[row[c] for c in UNIQUE_KEY] for row in result.rows],
                )
                marks = ", ".join("%s" for _ in ANSWER_COLUMNS)
                cur.executemany(
                    f"insert into {relations.answers} ({', '.join(ANSWER_COLUMNS)}) "
                    f"values ({marks})",
                    [[row[c] for c in ANSWER_COLUMNS] for row in result.rows],
                )
            conn.commit()
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.autocommit = autocommit
    return result


def _fetch(cur: Any, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cur.execute(sql, params or None)
    columns = [d[0] for d in cur.description]
    return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]
