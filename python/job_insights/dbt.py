"""Run dbt commands on the project, in this process, for the configured target."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from job_insights.config import Settings

FAILED_STATUSES = {"error", "fail", "runtime error"}


class DbtError(Exception):
    """A dbt command failed; the message lists the failing nodes and their errors."""


@dataclass(frozen=True)
class DbtOutcome:
    passed: int
    warned: int
    skipped: int
    relations: dict[str, str] = field(default_factory=dict)
    """Node name -> relation name (database.schema.identifier) of the nodes the command ran."""


@contextlib.contextmanager
def patched_environ(values: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def profiles_dir(settings: Settings) -> Path:
    """DBT_PROFILES_DIR, else the project's profiles.yml, else profiles.yml.example as is."""
    if os.environ.get("DBT_PROFILES_DIR"):
        return Path(os.environ["DBT_PROFILES_DIR"])
    if (settings.project_dir / "profiles.yml").exists():
        return settings.project_dir
    generated = settings.project_dir / "target" / "profiles"
    generated.mkdir(parents=True, exist_ok=True)
    # Copy then rename, so that a parallel run never reads a half-written file.
    partial = generated / f"profiles.yml.{os.getpid()}"
    shutil.copyfile(settings.project_dir / "profiles.yml.example", partial)
    os.replace(partial, generated / "profiles.yml")
    return generated


def run_dbt(
    settings: Settings, args: Sequence[str], vars_: dict[str, object] | None = None
) -> DbtOutcome:
    """Run `dbt <args>`; raise DbtError naming every failed node."""
    from dbt.cli.main import dbtRunner

    if settings.target == "duckdb":
        settings.duckdb_path.parent.mkdir(parents=True, exist_ok=True)
    command = [
        *args,
        "--project-dir", str(settings.project_dir),
        "--profiles-dir", str(profiles_dir(settings)),
        "--target", settings.target,
    ]
    if vars_:
        import json

        command += ["--vars", json.dumps(vars_)]
    if not settings.verbose:
        command = ["--log-level", "error", *command]
    with patched_environ(settings.dbt_env()):
        result = dbtRunner().invoke(command)
    problems: list[str] = []
    counts = {"passed": 0, "warned": 0, "skipped": 0}
    relations: dict[str, str] = {}
    for node_result in getattr(result.result, "results", None) or []:
        relation_name = getattr(node_result.node, "relation_name", None)
        if relation_name:
            relations[node_result.node.name] = relation_name
        status = str(node_result.status).lower()
        if status in FAILED_STATUSES:
            message = (node_result.message or "").strip()
            problems.append(f"{node_result.node.name}: {message}")
        elif status == "warn":
            counts["warned"] += 1
        elif status == "skipped":
            counts["skipped"] += 1
        else:
            counts["passed"] += 1
    if result.exception is not None:
        problems.append(str(result.exception).strip())
    if problems or not result.success:
        detail = "\n".join(f"  - {problem}" for problem in problems) or "  (see dbt output above)"
        raise DbtError(f"dbt {args[0]} failed on target {settings.target}:\n{detail}")
    return DbtOutcome(**counts, relations=relations)


def compile_inline(settings: Settings, sql: str, target_path: Path) -> str:
    """`dbt compile --inline sql` on the target: the SQL with every macro and ref expanded.

    `target_path` keeps this compile's artifacts (and partial-parse state) apart from the
    project's own target/ folder.
    """
    from dbt.cli.main import dbtRunner

    command = [
        "compile", "--inline", sql, "--target-path", str(target_path),
        "--project-dir", str(settings.project_dir),
        "--profiles-dir", str(profiles_dir(settings)), "--target", settings.target,
    ]
    if not settings.verbose:
        command = ["--log-level", "none", *command]  # compile prints the SQL otherwise
    with patched_environ(settings.dbt_env()):
        result = dbtRunner().invoke(command)
    results = getattr(result.result, "results", None) or []
    if not result.success or not results:
        raise DbtError(f"dbt compile --inline failed on target {settings.target}: "
                       f"{str(result.exception or '').strip() or 'see --verbose'}")
    return str(results[0].node.compiled_code)
