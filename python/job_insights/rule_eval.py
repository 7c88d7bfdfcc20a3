"""Run the real dbt-compiled rule and fingerprint SQL over a table of errors.

Used by the rule fixture tests, the rule quality report and the throughput benchmark: the rules
seed is loaded with ``dbt seed``, the SQL is produced by ``dbt compile --inline`` from the project's
own macros (``classify_with_rules``, ``mask_error_text``, ``error_fingerprint``), and the result is
executed on DuckDB or PostgreSQL. Nothing here re-implements the macros.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from job_insights.corpus import CorpusEntry

PROJECT_DIR = Path(__file__).resolve().parents[2]
ERRORS_TABLE = "rule_eval_errors"

#: Columns of the errors table the macros read, as classify_with_rules expects them.
RULE_COLUMNS = {
    "exception": "exception_type",
    "message": "error_message",
    "activity": "activity_name",
    "code": "error_code",
}

VERDICT_SQL = """
with

-- the errors as the rules see them in the models: the message as rule_message()
rule_rows as (
    select
        error_id,
        exception_type,
        {{{{ job_insights.rule_message('error_message') }}}} as error_message,
        activity_name,
        error_code
    from {table}
),

matches as (
    {{{{ job_insights.classify_with_rules('rule_rows', 'error_id', {columns}) }}}}
),

templated as (
    select
        error_id,
        exception_type,
        left({{{{ job_insights.mask_error_text('error_message') }}}},
             {{{{ var('max_template_length') }}}}) as error_template,
        {{{{ job_insights.mask_error_text('activity_name') }}}} as activity_template
    from {table}
)

select
    templated.error_id,
    rules.rule_id,
    rules.category,
    templated.error_template,
    templated.activity_template,
    {{{{ job_insights.error_fingerprint(
        'templated.exception_type', 'templated.activity_template', 'templated.error_template'
    ) }}}} as fingerprint
from templated
left join matches on templated.error_id = matches.error_id
left join {{{{ ref('classification_rules') }}}} as rules on matches.rule_order = rules.rule_order
"""

#: The rules alone over the stored messages (the throughput benchmark): the models collapse
#: whitespace once per error group, not once per error.
RULES_ONLY_SQL = """
-- depends_on: {{{{ ref('classification_rules') }}}}
{{{{ job_insights.classify_with_rules('{table}', 'error_id', {columns}) }}}}
"""


@dataclass(frozen=True)
class ErrorRow:
    error_id: str
    exception_type: str | None
    error_message: str | None
    activity_name: str | None
    error_code: str | None

    @classmethod
    def from_entry(cls, entry: CorpusEntry) -> ErrorRow:
        code = None if entry.code is None else str(entry.code)
        return cls(entry.id, entry.exception, entry.message, entry.activity_name, code)


CORRECTION_KEY_PREFIX = "correction:"


def correction_rows(path: Path) -> list[ErrorRow]:
    """The errors that seeds/error_corrections.csv rows were made on, keyed
    `correction:<fingerprint or error_id>`, so rules are held to a verdict on them too. Rows
    written before the seed carried the error (no exception type or message) are left out."""
    from job_insights.corrections import read_seed

    found = []
    for row in read_seed(path):
        target = row["fingerprint"].strip() or row["error_id"].strip()
        if target and (row["exception_type"] or row["error_message"]):
            found.append(ErrorRow(
                CORRECTION_KEY_PREFIX + target,
                row["exception_type"] or None,
                row["error_message"] or None,
                row["activity_name"] or None,
                row["error_code"] or None,
            ))
    return found


def snapshot_rows(corpus: Iterable[CorpusEntry]) -> list[ErrorRow]:
    """What the verdict snapshot (tests/fixtures/rule_verdicts.csv) covers: every corpus line
    and every row of the project's seeds/error_corrections.csv that carries its error."""
    return [ErrorRow.from_entry(e) for e in corpus] + correction_rows(
        PROJECT_DIR / "seeds" / "error_corrections.csv"
    )


@dataclass(frozen=True)
class Verdict:
    error_id: str
    rule_id: str | None
    category: str | None
    error_template: str
    activity_template: str
    fingerprint: str


@dataclass
class Engine:
    """One warehouse to run the compiled SQL on: DuckDB file or a Postgres database."""

    name: str  # "duckdb" or "postgres"
    workdir: Path
    pg: dict[str, Any] = field(default_factory=dict)  # host, port, dbname, user, password

    @property
    def duckdb_path(self) -> Path:
        return self.workdir / "rules.duckdb"

    def profiles_yml(self) -> str:
        if self.name == "duckdb":
            output = {
                "type": "duckdb",
                "path": str(self.duckdb_path),
                "schema": "job_insights",
                "threads": 1,
            }
        else:
            output = {
                "type": "postgres",
                "host": self.pg["host"],
                "port": int(self.pg["port"]),
                "dbname": self.pg["dbname"],
                "user": self.pg["user"],
                "password": self.pg.get("password", ""),
                "schema": "job_insights",
                "threads": 1,
            }
        return json.dumps({"job_insights": {"target": self.name, "outputs": {self.name: output}}})

    def connect(self) -> Any:
        if self.name == "duckdb":
            import duckdb

            return duckdb.connect(str(self.duckdb_path))
        import psycopg2

        conn = psycopg2.connect(
            host=self.pg["host"],
            port=self.pg["port"],
            dbname=self.pg["dbname"],
            user=self.pg["user"],
            password=self.pg.get("password", ""),
        )
        conn.autocommit = True
        return conn


class DbtProject:
    """A private copy of the dbt project (so another rules seed can be swapped in) and the
    dbt commands run on it for one engine."""

    def __init__(self, engine: Engine, rules_csv: Path | None = None) -> None:
        self.engine = engine
        self.dir = engine.workdir / "project"
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        for name in ("dbt_project.yml",):
            shutil.copy(PROJECT_DIR / name, self.dir / name)
        for folder in ("macros", "seeds", "models"):
            shutil.copytree(PROJECT_DIR / folder, self.dir / folder)
        if rules_csv is not None:
            shutil.copy(rules_csv, self.dir / "seeds" / "classification_rules.csv")
        (engine.workdir / "profiles.yml").write_text(engine.profiles_yml())

    def dbt(self, *args: str, vars: dict[str, Any] | None = None) -> str:
        dbt = Path(sys.executable).with_name("dbt")
        command = [
            str(dbt if dbt.exists() else "dbt"),
            *args,
            "--project-dir",
            str(self.dir),
            "--profiles-dir",
            str(self.engine.workdir),
            "--target-path",
            str(self.engine.workdir / "target"),
            "--log-path",
            str(self.engine.workdir / "logs"),
        ]
        if vars:
            command += ["--vars", json.dumps(vars)]
        env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=self.dir)
        if result.returncode != 0:
            raise RuntimeError(
                f"dbt {' '.join(args[:1])} failed:\n{result.stdout}\n{result.stderr}"
            )
        return result.stdout

    def seed_rules(self) -> None:
        self.dbt("seed", "--select", "classification_rules", "--full-refresh")

    def compile_inline(self, sql: str, vars: dict[str, Any] | None = None) -> str:
        out = self.dbt("compile", "--quiet", "--output", "json", "--inline", sql, vars=vars)
        return str(json.loads(out[out.index("{") :])["compiled"])


def verdict_sql(table: str = ERRORS_TABLE) -> str:
    return VERDICT_SQL.format(table=table, columns=json.dumps(RULE_COLUMNS))


def rules_only_sql(table: str = ERRORS_TABLE) -> str:
    return RULES_ONLY_SQL.format(table=table, columns=json.dumps(RULE_COLUMNS))


def load_errors(engine: Engine, rows: Iterable[ErrorRow], table: str = ERRORS_TABLE) -> None:
    """(Re)create `table` holding `rows`."""
    data = [
        (r.error_id, r.exception_type, r.error_message, r.activity_name, r.error_code) for r in rows
    ]
    conn = engine.connect()
    try:
        cur = conn if engine.name == "duckdb" else conn.cursor()
        cur.execute(f"drop table if exists {table}")
        cur.execute(
            f"create table {table} (error_id varchar(200), exception_type varchar(200), "
            "error_message text, activity_name varchar(500), error_code varchar(50))"
        )
        if engine.name == "duckdb":
            import pandas as pd

            frame = pd.DataFrame(
                data,
                columns=[
                    "error_id",
                    "exception_type",
                    "error_message",
                    "activity_name",
                    "error_code",
                ],
            )
            conn.register("frame_to_load", frame)
            cur.execute(f"insert into {table} select * from frame_to_load")
            conn.unregister("frame_to_load")
        else:
            from psycopg2.extras import execute_values

            execute_values(cur, f"insert into {table} values %s", data, page_size=5000)
            cur.execute(f"analyze {table}")
    finally:
        conn.close()


def run_sql(engine: Engine, sql: str) -> list[tuple[Any, ...]]:
    conn = engine.connect()
    try:
        cur = conn.cursor()
        cur.execute(sql)
        return list(cur.fetchall())
    finally:
        conn.close()


@dataclass(frozen=True)
class Evaluation:
    engine: str
    sql: str  # the compiled verdict SQL that produced `verdicts`
    verdicts: dict[str, Verdict]


def evaluate(engine: Engine, rows: Sequence[ErrorRow], rules_csv: Path | None = None) -> Evaluation:
    """Seed the rules, compile the verdict SQL through dbt and run it over `rows`."""
    project = DbtProject(engine, rules_csv)
    project.seed_rules()
    sql = project.compile_inline(verdict_sql())
    load_errors(engine, rows)
    verdicts = {
        str(row[0]): Verdict(str(row[0]), row[1], row[2], row[3], row[4], str(row[5]))
        for row in run_sql(engine, sql)
    }
    return Evaluation(engine.name, sql, verdicts)


# --------------------------------------------------------------------------- quality and snapshot


@dataclass
class Quality:
    """Coverage (share of errors some rule classifies) and precision (share of those classified
    correctly; an ambiguous entry is correct in either of its categories)."""

    total: int = 0
    covered: int = 0
    correct: int = 0

    @property
    def coverage(self) -> float:
        return self.covered / self.total if self.total else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.covered if self.covered else 0.0


def quality(
    entries: Iterable[CorpusEntry], verdicts: dict[str, Verdict]
) -> dict[tuple[str, str], Quality]:
    """Quality keyed by (split, category), with split and category 'all' for the totals."""
    table: dict[tuple[str, str], Quality] = {}
    for entry in entries:
        verdict = verdicts[entry.id]
        for key in (
            (entry.split, entry.category),
            (entry.split, "all"),
            ("all", entry.category),
            ("all", "all"),
        ):
            q = table.setdefault(key, Quality())
            q.total += 1
            if verdict.category is not None:
                q.covered += 1
                q.correct += entry.accepts(verdict.category)
    return table


SNAPSHOT_COLUMNS = ("error_id", "rule_id", "category")


def write_snapshot(path: Path, verdicts: dict[str, Verdict]) -> None:
    import csv

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(SNAPSHOT_COLUMNS)
        for error_id in sorted(verdicts):
            v = verdicts[error_id]
            writer.writerow([error_id, v.rule_id or "", v.category or ""])


def read_snapshot(path: Path) -> dict[str, tuple[str | None, str | None]]:
    import csv

    with path.open(newline="", encoding="utf-8") as fh:
        return {
            row["error_id"]: (row["rule_id"] or None, row["category"] or None)
            for row in csv.DictReader(fh)
        }
