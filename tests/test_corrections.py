"""The feedback loop on a real warehouse: export, edit, import, run."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from job_insights import corrections
from job_insights.cli import app
from job_insights.config import Settings
from job_insights.corrections import (
    ERROR_COLUMNS,
    CorrectionsFileError,
    import_corrections,
    read_seed,
)
from warehouses import PERIOD, copy_project, copy_warehouse, settings_for

HEADER = ["Error ID", "Fingerprint", "Corrected Category"]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_warehouse(tmp_path_factory, "corrections")


@pytest.fixture(scope="module")
def errors(warehouse: Path) -> list[dict[str, Any]]:
    with duckdb.connect(str(warehouse)) as connection:
        cursor = connection.execute(
            "select error_id, fingerprint, category, exception_type, error_message, "
            "activity_name, error_code from job_insights.fct_job_errors order by error_id")
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


@pytest.fixture(scope="module")
def groups(errors: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Groups of at least two errors, largest first."""
    by_group: dict[str, list[dict[str, Any]]] = {}
    for error in errors:
        by_group.setdefault(error["fingerprint"], []).append(error)
    return sorted((rows for rows in by_group.values() if len(rows) >= 2), key=len, reverse=True)


@pytest.fixture
def settings(warehouse: Path, tmp_path: Path) -> Settings:
    return settings_for(warehouse, copy_project(tmp_path / "project"))


def write(path: Path, rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8",
          quoting: int = csv.QUOTE_MINIMAL, header: list[str] = HEADER) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def seed_text(settings: Settings) -> str:
    return corrections.seed_path(settings).read_text(encoding="utf-8")


def test_one_line_corrects_its_whole_group_and_a_second_import_writes_nothing(
    settings: Settings, groups: list[list[dict[str, Any]]], tmp_path: Path
) -> None:
    error = groups[0][0]
    path = write(tmp_path / "fix.csv", [[error["error_id"], error["fingerprint"],
                                         "third party system"]])
    result = import_corrections(settings, path, "me@example.com")
    assert result.ok and result.written and len(result.added) == 1
    assert f"group {error['fingerprint'][:12]}" in result.added[0]
    assert "-> THIRD_PARTY_SYSTEM (line 2)" in result.added[0]
    [row] = read_seed(corrections.seed_path(settings))
    assert (row["fingerprint"], row["error_id"], row["category"], row["corrected_by"]) == (
        error["fingerprint"], "", "THIRD_PARTY_SYSTEM", "me@example.com")
    # the seed keeps a sample error of the group, for rule regression tests and for readers
    samples = [{column: "" if e[column] is None else str(e[column]) for column in ERROR_COLUMNS}
               for e in groups[0]]
    assert {column: row[column] for column in ERROR_COLUMNS} in samples
    assert row["error_message"]
    before = seed_text(settings)
    again = import_corrections(settings, path, "someone@example.com")
    assert not again.written and again.unchanged == 1 and not again.added
    assert seed_text(settings) == before
    assert "already recorded" in again.summary()


def test_a_new_category_replaces_the_old_one(
    settings: Settings, groups: list[list[dict[str, Any]]], tmp_path: Path
) -> None:
    error = groups[0][0]
    import_corrections(settings, write(tmp_path / "a.csv", [["", error["fingerprint"],
                                                             "WORKFLOW_ENGINE"]]), "a@b.io")
    result = import_corrections(settings, write(tmp_path / "b.csv", [
        ["", error["fingerprint"], "INPUT_DATA_QUALITY"]]), "c@d.io")
    assert result.written and len(result.changed) == 1 and not result.added
    assert "WORKFLOW_ENGINE -> INPUT_DATA_QUALITY" in result.changed[0]
    assert "was corrected by a@b.io" in result.changed[0]
    [row] = read_seed(corrections.seed_path(settings))
    assert (row["category"], row["corrected_by"]) == ("INPUT_DATA_QUALITY", "c@d.io")


def test_a_group_corrected_two_ways_is_recorded_per_error(
    settings: Settings, groups: list[list[dict[str, Any]]], tmp_path: Path
) -> None:
    first, second = groups[0][0], groups[0][1]
    other = groups[1][0]
    path = write(tmp_path / "two.csv", [
        [first["error_id"], first["fingerprint"], "THIRD_PARTY_SYSTEM"],
        [other["error_id"], "", "WORKFLOW_ENGINE"],
        [second["error_id"], second["fingerprint"], "INPUT_DATA_QUALITY"],
    ])
    result = import_corrections(settings, path, "me@example.com")
    assert result.ok and result.written
    [conflict] = result.conflicts
    assert "corrected two ways" in conflict
    assert "INPUT_DATA_QUALITY on line 4" in conflict and "THIRD_PARTY_SYSTEM on line 2" in conflict
    rows = read_seed(corrections.seed_path(settings))
    assert {(row["fingerprint"], row["error_id"], row["category"]) for row in rows} == {
        ("", first["error_id"], "THIRD_PARTY_SYSTEM"),
        ("", second["error_id"], "INPUT_DATA_QUALITY"),
        (other["fingerprint"], "", "WORKFLOW_ENGINE"),
    }
    by_error = {row["error_id"]: row for row in rows}
    for error in (first, second):  # a per-error correction keeps that very error
        assert by_error[error["error_id"]]["error_message"] == error["error_message"]


def test_bad_lines_are_named_and_nothing_is_written(
    settings: Settings, groups: list[list[dict[str, Any]]], tmp_path: Path
) -> None:
    good, dup = groups[0][0], groups[1][0]
    path = write(tmp_path / "bad.csv", [
        [good["error_id"], good["fingerprint"], "WORKFLOW_ENGINE"],   # line 2: valid
        [groups[2][0]["error_id"], "", "NETWORK"],                      # 3: unknown category
        ["", "", "WORKFLOW_ENGINE"],                                    # 4: no id
        ["f" * 32, "", "WORKFLOW_ENGINE"],                              # 5: no such error
        ["", "e" * 32, "WORKFLOW_ENGINE"],                              # 6: no such group
        ["12345", "", "WORKFLOW_ENGINE"],                               # 7: malformed id
        [dup["error_id"], "", "WORKFLOW_ENGINE"],                       # 8: conflicting
        [dup["error_id"], "", "INPUT_DATA_QUALITY"],                    # 9:   duplicates
        [good["error_id"], groups[3][0]["fingerprint"], "WORKFLOW_ENGINE"],  # 10: wrong group
        [groups[4][0]["error_id"], "", ""],                             # 11: not corrected
        [groups[4][0]["error_id"], "", "UNKNOWN"],                      # 12: not a correction
    ])
    before = seed_text(settings)
    result = import_corrections(settings, path, "me@example.com")
    assert not result.ok and not result.written
    assert seed_text(settings) == before
    assert [problem.number for problem in result.invalid] == [3, 4, 5, 6, 7, 8, 9, 10, 12]
    summary = result.summary()
    for expected in ("line 3: unknown category 'NETWORK'", "line 4: no Error ID and no Fingerprint",
                     "line 5: error id ffff", "does not exist in the warehouse",
                     "line 6: fingerprint eeee", "line 7: Error ID '12345' is malformed",
                     "line 8: conflicting duplicate", "line 10: error", "Nothing written"):
        assert expected in summary, expected
    skipped = import_corrections(settings, path, "me@example.com", skip_invalid=True)
    assert skipped.written and len(skipped.added) == 1
    assert [row["fingerprint"] for row in read_seed(corrections.seed_path(settings))] == [
        good["fingerprint"]]


@pytest.mark.parametrize("variant", ["semicolon-bom-quote-all", "tab-utf16", "excel-formula",
                                     "pipe-cp1252"])
def test_file_shapes_from_spreadsheets(
    variant: str, settings: Settings, groups: list[list[dict[str, Any]]], tmp_path: Path
) -> None:
    error = groups[0][0]
    row = [error["error_id"], error["fingerprint"], "Workflow Engine"]
    header = ["Job ID", *HEADER, "Note"]
    line = ["job-1", *row, "Ré-run fixed it"]
    path = tmp_path / "shape.csv"
    if variant == "semicolon-bom-quote-all":
        write(path, [line], ";", "utf-8-sig", csv.QUOTE_ALL, header)
    elif variant == "tab-utf16":
        write(path, [line], "\t", "utf-16", header=header)
    elif variant == "excel-formula":
        write(path, [["job-1", f'="{error["error_id"]}"', f' {error["fingerprint"]} ',
                      " workflow_engine ", "Ré-run fixed it"]], header=header)
    else:
        write(path, [line], "|", "cp1252", header=header)
    result = import_corrections(settings, path, "me@example.com")
    assert result.ok and result.written, result.summary()
    [seed_row] = read_seed(corrections.seed_path(settings))
    assert (seed_row["fingerprint"], seed_row["category"], seed_row["note"]) == (
        error["fingerprint"], "WORKFLOW_ENGINE", "Ré-run fixed it")


def test_a_failed_write_leaves_the_seed_as_it_was(
    settings: Settings, groups: list[list[dict[str, Any]]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    error = groups[0][0]
    path = write(tmp_path / "fix.csv", [["", error["fingerprint"], "WORKFLOW_ENGINE"]])
    before = seed_text(settings)

    def broken(self: csv.DictWriter[str], rows: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(csv.DictWriter, "writerows", broken)
    with pytest.raises(OSError):
        import_corrections(settings, path, "me@example.com")
    assert seed_text(settings) == before
    assert sorted(p.name for p in corrections.seed_path(settings).parent.iterdir()
                  if p.name.startswith(".")) == []


def test_not_a_corrections_file(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(CorrectionsFileError, match="no 'Corrected Category' column"):
        import_corrections(settings, write(tmp_path / "x.csv", [["a"]], header=["Job ID"]),
                           "me@example.com")
    with pytest.raises(CorrectionsFileError, match="cannot read"):
        import_corrections(settings, tmp_path / "missing.csv", "me@example.com")
    with pytest.raises(CorrectionsFileError, match="email"):
        import_corrections(settings, tmp_path / "missing.csv", "me")


def test_export_edit_import_and_the_next_run_applies_it(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warehouse = copy_warehouse(tmp_path_factory, "corrections-run")
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("JOB_INSIGHTS_PROJECT_DIR", str(project))
    runner = CliRunner()
    export = tmp_path / "errors.csv"
    result = runner.invoke(app, ["corrections", "export", *PERIOD, "--output", str(export),
                                 "--duckdb", str(warehouse)])
    assert result.exit_code == 0, result.output
    with export.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sizes = Counter(row["Fingerprint"] for row in rows)
    assert [sizes[row["Fingerprint"]] for row in rows] == sorted(
        (sizes[row["Fingerprint"]] for row in rows), reverse=True)  # largest group first
    target = next(row for row in rows if row["Error Category"] != "THIRD_PARTY_SYSTEM"
                  and sizes[row["Fingerprint"]] >= 2)
    target["Corrected Category"] = "THIRD_PARTY_SYSTEM"
    with export.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    imported = runner.invoke(app, ["corrections", "import", str(export), "--user",
                                   "me@example.com", "--duckdb", str(warehouse)])
    assert imported.exit_code == 0, imported.output
    assert "Wrote 1 new and 0 changed corrections" in imported.output
    ran = runner.invoke(app, ["run", "--duckdb", str(warehouse)])
    assert ran.exit_code == 0, ran.output
    with duckdb.connect(str(warehouse)) as connection:
        labels = connection.execute(
            "select distinct category, classified_by from job_insights.fct_job_errors "
            "where fingerprint = ?", [target["Fingerprint"]]).fetchall()
    assert labels == [("THIRD_PARTY_SYSTEM", "correction")]


def test_import_command_exit_codes(warehouse: Path, tmp_path: Path,
                                   groups: list[list[dict[str, Any]]],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOB_INSIGHTS_PROJECT_DIR", str(copy_project(tmp_path / "project")))
    runner = CliRunner()
    base = ["--user", "me@example.com", "--duckdb", str(warehouse)]
    bad = write(tmp_path / "bad.csv", [["", "", "WORKFLOW_ENGINE"]])
    result = runner.invoke(app, ["corrections", "import", str(bad), *base])
    assert result.exit_code == 1 and "line 2: no Error ID" in result.output
    missing = runner.invoke(app, ["corrections", "import", str(tmp_path / "none.csv"), *base])
    assert missing.exit_code == 2
    assert missing.output.strip().startswith("job-insights: error: cannot read")
    good = write(tmp_path / "good.csv", [["", groups[0][0]["fingerprint"], "WORKFLOW_ENGINE"]])
    dry = runner.invoke(app, ["corrections", "import", str(good), "--dry-run", *base])
    assert dry.exit_code == 0 and "Dry run: nothing written" in dry.output
