"""The command line as users meet it: help, exit codes, one-line errors, secrets, Postgres."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import new_pg_database
from job_insights.cli import app, main
from job_insights.report import ReportFilter, load_report
from job_insights.sources import write_postgres
from pg_cluster import PgCluster
from warehouses import NOW, PERIOD, SINCE, demo_data, golden_warehouse, settings_for

COMMANDS = [["demo"], ["run"], ["report"], ["classify"], ["suggest-rules"], ["corrections"],
            ["corrections", "import"], ["corrections", "export"]]
SECRET = "pw-s3cret-9f2"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_main(args: list[str], monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["job-insights", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_python_dash_m_works() -> None:
    result = subprocess.run([sys.executable, "-m", "job_insights", "report", "--help"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "--tenant-id" in result.stdout


@pytest.mark.parametrize(("args", "expected"), [
    (["report", "--bogus"], "No such option: --bogus"),
    (["report", "--format", "xml"], "Invalid value for '--format'"),
    (["report", "--since", "yesterday"], "Invalid value for '--since'"),
    (["report", "--tenant-id", "tenant-1"], "malformed tenant id 'tenant-1'"),
    (["report", "--category", "OTHER"], "unknown category 'OTHER'"),
    (["suggest-rules", "--min-count", "0"], "Invalid value for '--min-count'"),
    (["corrections", "import", "/nonexistent/errors.csv", "--user", "a@b.io"],
     "cannot read /nonexistent/errors.csv"),
    (["corrections", "import", "x.csv", "--user", "not-an-email"], "--user must be an email"),
    (["run", "--target", "oracle"], "unknown target 'oracle'"),
])
def test_usage_errors_are_one_line_and_exit_2(
    args: list[str], expected: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    monkeypatch.setenv("JOB_INSIGHTS_DUCKDB", str(tmp_path / "none.duckdb"))
    code, out, err = run_main(args, monkeypatch, capsys)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("job-insights: error: ") and expected in err


def test_unreachable_database_is_one_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    port = closed_port()
    monkeypatch.setenv("DATABASE_URI", f"postgresql://reader:{SECRET}@127.0.0.1:{port}/wm")
    code, out, err = run_main(["report", "--target", "postgres"], monkeypatch, capsys)
    assert code == 1
    assert len(err.strip().splitlines()) == 1, err
    assert f"cannot connect to PostgreSQL at postgresql://reader@127.0.0.1:{port}/wm" in err
    assert SECRET not in out + err


@pytest.mark.parametrize("command", [["run"], ["report"], ["suggest-rules"]])
def test_secrets_never_appear_even_with_verbose(command: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URI": f"postgresql://u:{SECRET}@127.0.0.1:{closed_port()}/x",
           "JOB_INSIGHTS_TARGET": "postgres", "SLACK_WEBHOOK_URL": f"http://127.0.0.1:9/{SECRET}"}
    result = subprocess.run([sys.executable, "-m", "job_insights", *command, "--verbose"],
                            capture_output=True, text=True, env=env, timeout=300,
                            cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip()
    assert SECRET not in result.stdout + result.stderr


@pytest.fixture(scope="module")
def postgres_env(pg_cluster: PgCluster) -> dict[str, str]:
    database = new_pg_database(pg_cluster, "cli_e2e")
    data = demo_data()
    # text, not jsonb: the demo's broken rows include data that is not JSON, as on DuckDB
    write_postgres(database, data.pipelines, data.jobs, data_type="text")
    return {**database.dbt_env(), "JOB_INSIGHTS_TARGET": "postgres"}


def test_run_and_report_on_postgres_match_duckdb(
    postgres_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    # The trust-auth cluster accepts any password: the run carries one, with --verbose.
    ran = subprocess.run([sys.executable, "-m", "job_insights", "run", "--verbose"],
                         capture_output=True, text=True, timeout=900,
                         env={**os.environ, **postgres_env, "DB_PASSWORD": SECRET})
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
    assert "job-insights run on postgres" in ran.stdout
    assert "Running with dbt" in ran.stdout + ran.stderr  # dbt's full log was shown
    assert SECRET not in ran.stdout + ran.stderr
    runner = CliRunner()
    text = runner.invoke(app, ["report", *PERIOD], env=postgres_env)
    assert text.exit_code == 0, text.output
    assert "FAILURE ANALYSIS SUMMARY" in text.output and "DETAILED ERROR ANALYSIS" in text.output
    as_json = runner.invoke(app, ["report", *PERIOD, "--format", "json"], env=postgres_env)
    assert as_json.exit_code == 0, as_json.output
    on_postgres = json.loads(as_json.output)
    on_duckdb = load_report(settings_for(golden_warehouse(tmp_path_factory)),
                            ReportFilter(since=SINCE, until=NOW), NOW).to_dict()
    for key in ("total_jobs", "total_errors", "by_category", "by_classified_by", "by_tenant",
                "by_pipeline"):
        assert on_postgres[key] == on_duckdb[key], key
    for fmt in ("markdown", "csv", "html"):
        rendered = runner.invoke(app, ["report", *PERIOD, "--format", fmt], env=postgres_env)
        assert rendered.exit_code == 0, rendered.output
