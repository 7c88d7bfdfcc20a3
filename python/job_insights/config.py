"""Settings, read once into one typed object.

Precedence: command-line flags > environment variables > defaults. The database of the
`postgres` target comes from DATABASE_URI, else DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASSWORD,
else the AWS SSM parameter /dsw/mgr/db_uri-{BUILDING_MODE} (region AWS_REGION).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

TARGETS = ("duckdb", "postgres")
PROJECT_DIR = Path(__file__).resolve().parents[2]
# Not job_insights.duckdb: the file name is the DuckDB catalog name and must differ from the
# schema `job_insights`, or unqualified names become ambiguous.
DEFAULT_DUCKDB = Path("warehouse") / "warehouse.duckdb"


class ConfigError(Exception):
    """A setting is missing or malformed; the message says which and how to fix it."""


@dataclass(frozen=True)
class Database:
    """Connection to a PostgreSQL warehouse. `password` never appears in str() or repr()."""

    host: str
    port: int
    name: str
    user: str
    password: str = field(default="", repr=False)

    def __str__(self) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.name}"

    def dbt_env(self) -> dict[str, str]:
        return {
            "DB_HOST": self.host,
            "DB_PORT": str(self.port),
            "DB_NAME": self.name,
            "DB_USER": self.user,
            "DB_PASSWORD": self.password,
        }

    def connect_kwargs(self) -> dict[str, object]:
        return {
            "host": self.host, "port": self.port, "dbname": self.name,
            "user": self.user, "password": self.password, "connect_timeout": 10,
        }


def parse_database_uri(uri: str) -> Database:
    parts = urlsplit(uri)
    if parts.scheme not in ("postgres", "postgresql", "postgresql+psycopg2") or not parts.hostname:
        raise ConfigError(
            "DATABASE_URI must look like postgresql://user:password@host:5432/dbname"
        )
    try:
        port = parts.port or 5432
    except ValueError as exc:
        raise ConfigError(f"DATABASE_URI has a bad port: {exc}") from None
    return Database(
        host=parts.hostname,
        port=port,
        name=unquote(parts.path.lstrip("/")) or "postgres",
        user=unquote(parts.username or "postgres"),
        password=unquote(parts.password or ""),
    )


def ssm_parameter_name(env: Mapping[str, str]) -> str:
    return f"/dsw/mgr/db_uri-{env.get('BUILDING_MODE', 'dev')}"


def read_ssm_database_uri(env: Mapping[str, str]) -> str:
    import boto3  # only production needs AWS
    from botocore.exceptions import BotoCoreError, ClientError

    name = ssm_parameter_name(env)
    try:
        client = boto3.client("ssm", region_name=env.get("AWS_REGION", "eu-north-1"))
        response = client.get_parameter(Name=name, WithDecryption=True)
    except (BotoCoreError, ClientError) as exc:
        raise ConfigError(
            f"no database configured: DATABASE_URI and DB_HOST are unset and the SSM "
            f"parameter {name} could not be read ({type(exc).__name__})"
        ) from None
    return str(response["Parameter"]["Value"])


def resolve_database(env: Mapping[str, str]) -> Database:
    """The Postgres warehouse, by the documented precedence."""
    if env.get("DATABASE_URI"):
        return parse_database_uri(env["DATABASE_URI"])
    if env.get("DB_HOST"):
        port_text = env.get("DB_PORT") or "5432"
        if not port_text.isdigit():
            raise ConfigError(f"DB_PORT must be a number, got {port_text!r}")
        missing = [name for name in ("DB_NAME", "DB_USER") if not env.get(name)]
        if missing:
            raise ConfigError(f"DB_HOST is set but {', '.join(missing)} is not")
        return Database(
            host=env["DB_HOST"], port=int(port_text), name=env["DB_NAME"],
            user=env["DB_USER"], password=env.get("DB_PASSWORD", ""),
        )
    return parse_database_uri(read_ssm_database_uri(env))


@dataclass(frozen=True)
class Settings:
    target: str = "duckdb"
    duckdb_path: Path = PROJECT_DIR / DEFAULT_DUCKDB
    project_dir: Path = PROJECT_DIR
    source_schema: str = "workflow_manager"
    verbose: bool = False
    database: Database | None = None

    @classmethod
    def load(
        cls,
        env: Mapping[str, str] | None = None,
        target: str | None = None,
        duckdb_path: Path | None = None,
        verbose: bool = False,
    ) -> Settings:
        env = os.environ if env is None else env
        chosen = target or env.get("JOB_INSIGHTS_TARGET") or "duckdb"
        if chosen not in TARGETS:
            raise ConfigError(f"unknown target {chosen!r}: use one of {', '.join(TARGETS)}")
        project_dir = Path(env.get("JOB_INSIGHTS_PROJECT_DIR") or PROJECT_DIR)
        path = duckdb_path or Path(env.get("JOB_INSIGHTS_DUCKDB") or project_dir / DEFAULT_DUCKDB)
        return cls(
            target=chosen,
            duckdb_path=path.resolve(),
            project_dir=project_dir,
            source_schema=env.get("JOB_INSIGHTS_SOURCE_SCHEMA") or "workflow_manager",
            verbose=verbose,
            database=resolve_database(env) if chosen == "postgres" else None,
        )

    def dbt_env(self) -> dict[str, str]:
        """Environment variables that the dbt profile and sources read."""
        env = {
            "JOB_INSIGHTS_TARGET": self.target,
            "JOB_INSIGHTS_DUCKDB": str(self.duckdb_path),
            "JOB_INSIGHTS_SOURCE_SCHEMA": self.source_schema,
        }
        if self.database is not None:
            env.update(self.database.dbt_env())
        return env
