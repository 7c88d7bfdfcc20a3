"""The quick start's demo command, run as a user runs it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from job_insights.cli import app


def test_demo_builds_the_warehouse_and_prints_the_summary(tmp_path: Path) -> None:
    warehouse = tmp_path / "demo.duckdb"
    result = CliRunner().invoke(app, ["demo", "--jobs", "300", "--seed", "5",
                                      "--duckdb", str(warehouse)])
    assert result.exit_code == 0, result.output
    for section in ("FAILURE ANALYSIS SUMMARY", "Analysis Period:", "Total Failed Jobs:",
                    "ERRORS BY CATEGORY", "FAILED JOBS BY TENANT", "FAILED JOBS BY PIPELINE"):
        assert section in result.output
    assert "%)" in result.output
    assert warehouse.exists()


def test_demo_run_again_replaces_the_data(tmp_path: Path) -> None:
    """The quick start run twice (the second time with other data) reports only the new data:
    the demo replaces the sources, so it rebuilds the incremental models as well."""
    warehouse = tmp_path / "demo.duckdb"
    outputs = []
    for seed in ("5", "6"):
        result = CliRunner().invoke(app, ["demo", "--jobs", "300", "--seed", seed,
                                          "--duckdb", str(warehouse)])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    fresh = CliRunner().invoke(app, ["demo", "--jobs", "300", "--seed", "6",
                                     "--duckdb", str(tmp_path / "fresh.duckdb")])
    assert fresh.exit_code == 0, fresh.output

    def totals(output: str) -> list[str]:
        return [line for line in output.splitlines() if line.startswith("Total ")]

    assert totals(outputs[1]) == totals(fresh.output)
    assert totals(outputs[0]) != totals(outputs[1])


def test_run_without_sources_exits_1_with_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", "--duckdb", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "job-insights: error: pipeline failed:" in result.output
    assert "Traceback" not in result.output


def test_unknown_target_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["run", "--target", "oracle"])
    assert result.exit_code == 2
    assert "unknown target 'oracle'" in result.output
