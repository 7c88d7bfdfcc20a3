"""Reports read from a real DuckDB warehouse, in every format, and the HTML in Chromium."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from job_insights.cli import app
from job_insights.config import Settings
from job_insights.report import (
    CSV_COLUMNS,
    FORMATS,
    Report,
    ReportFilter,
    ReportInputError,
    load_report,
    render,
)
from warehouses import NOW, PERIOD, SINCE, copy_warehouse, settings_for


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_warehouse(tmp_path_factory, "report")


@pytest.fixture(scope="module")
def settings(warehouse: Path) -> Settings:
    return settings_for(warehouse)


@pytest.fixture(scope="module")
def report(settings: Settings) -> Report:
    return load_report(settings, ReportFilter(since=SINCE, until=NOW), NOW)


def sql(warehouse: Path, query: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse)) as connection:
        return connection.execute(query).fetchall()


def test_totals_match_the_mart(report: Report, warehouse: Path) -> None:
    [(jobs, errors)] = sql(warehouse, "select count(distinct job_id), count(*) "
                                      "from job_insights.fct_job_errors "
                                      "where finished_at is not null")
    assert (report.total_jobs, report.total_errors) == (jobs, errors)
    assert errors > 100
    shares = report.by_category()
    assert sum(count for _, count, _ in shares) == errors
    assert abs(sum(share for _, _, share in shares) - 100.0) < 0.01


def test_text_report_has_every_section(report: Report) -> None:
    text = render(report, "text")
    for section in ("FAILURE ANALYSIS SUMMARY", "Analysis Period:", "Total Failed Jobs:",
                    "Total Errors:", "ERRORS BY CATEGORY", "FAILED JOBS BY TENANT",
                    "FAILED JOBS BY PIPELINE", "DETAILED ERROR TABLE",
                    "DETAILED ERROR ANALYSIS", "Reasoning:", "Exception:", "Message:",
                    "Confidence:", "classified by rule, rule "):
        assert section in text, section
    assert re.search(r"  [A-Z_]+ +: +\d+ \( *\d+\.\d%\)", text)
    job_id = report.errors[0]["job_id"]
    assert f"Job: {job_id}" in text


def test_markdown_report(report: Report) -> None:
    text = render(report, "markdown")
    assert text.startswith("# Failure Analysis Report")
    assert "| Category | Count | Percentage |" in text
    assert "## Detailed Error Analysis" in text
    assert "     - Reasoning: " in text


def test_json_report_is_the_summary_dict(report: Report) -> None:
    data = json.loads(render(report, "json"))
    assert data["total_errors"] == report.total_errors
    assert data["total_jobs"] == len(data["jobs"]) == report.total_jobs
    assert sum(data["by_category"].values()) == report.total_errors
    error = data["jobs"][0]["errors"][0]
    assert {"category", "classified_by", "rule_id", "confidence", "reasoning",
            "exception_type", "error_message", "fingerprint"} <= set(error)


def test_csv_report_has_the_previous_columns_and_the_correction_column(report: Report) -> None:
    rows = list(csv.reader(io.StringIO(render(report, "csv"))))
    assert rows[0] == [title for title, _ in CSV_COLUMNS]
    assert rows[0][:12] == ["Job ID", "Pipeline Name", "Tenant ID", "Finished At",
                            "Activity Name", "Error Category", "Classified By", "Confidence",
                            "Reasoning", "Error Code", "Error Message", "Exception Type"]
    assert {"Fingerprint", "Rule ID"} <= set(rows[0]) and rows[0][-1] == "Corrected Category"
    assert len(rows) == report.total_errors + 1
    assert all(row[-1] == "" for row in rows[1:])
    assert any(row[rows[0].index("Rule ID")] for row in rows[1:])


def test_filters(settings: Settings, report: Report) -> None:
    tenant = report.errors[0]["tenant_id"]
    by_tenant = load_report(settings, ReportFilter.build(NOW, since=SINCE, tenant_id=tenant),
                            NOW)
    assert by_tenant.errors and {row["tenant_id"] for row in by_tenant.errors} == {tenant}
    pipeline = report.errors[0]["pipeline_name"]
    by_pipeline = load_report(settings, ReportFilter.build(NOW, since=SINCE, pipeline=pipeline),
                              NOW)
    assert {row["pipeline_name"] for row in by_pipeline.errors} == {pipeline}
    # Whichever categories the demo's errors get (the rules may leave none UNKNOWN), the filter
    # takes the name in any case and keeps exactly that category.
    rarest = report.by_category()[-1][0]
    by_category = load_report(
        settings, ReportFilter.build(NOW, since=SINCE, category=rarest.lower()), NOW)
    assert by_category.errors and {row["category"] for row in by_category.errors} == {rarest}
    last_day = load_report(settings, ReportFilter.build(NOW, hours=24), NOW)
    assert 0 < last_day.total_errors < report.total_errors


@pytest.mark.parametrize("bad", [{"tenant_id": "not-a-uuid"}, {"category": "BAD"},
                                 {"since": NOW, "until": SINCE}])
def test_bad_filters_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ReportInputError):
        ReportFilter.build(NOW, **bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_command_writes_each_format(fmt: str, warehouse: Path, tmp_path: Path) -> None:
    output = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(app, ["report", *PERIOD, "--format", fmt, "--output",
                                      str(output), "--duckdb", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert output.stat().st_size > 1000


def test_report_command_prints_text_to_stdout(warehouse: Path) -> None:
    result = CliRunner().invoke(app, ["report", *PERIOD, "--duckdb", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert "FAILURE ANALYSIS SUMMARY" in result.output


def test_html_is_self_contained(report: Report) -> None:
    html = render(report, "html")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<script>" in html and 'id="report-data"' in html


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="chromium is not installed (.ci/run installs it)")
def test_html_charts_render_in_headless_chromium(report: Report, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    result = subprocess.run(
        [str(_chromium()), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    dom = result.stdout
    assert 'data-charts-rendered="2"' in dom, result.stderr[-2000:]
    daily = dom[dom.index('id="chart-daily"'):dom.index('id="chart-groups"')]
    assert daily.count('class="bar"') >= 10  # stacked bars for the days of the period
    groups = dom[dom.index('id="chart-groups"'):]
    assert groups.count("data-fingerprint=") == 10
    assert "viewBox" in daily
