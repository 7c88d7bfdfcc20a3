"""The feedback loop: merge an edited CSV export into seeds/error_corrections.csv.

Reading is forgiving about the file's shape (comma, semicolon, tab or pipe; a BOM; UTF-16 or
Windows-1252 from Excel; Excel's quoting and `="..."` cells) and strict about its content: a
line with a corrected category must name an existing error or error group with a known
category. Nothing is written unless every such line is valid (or `skip_invalid`).

How lines become corrections (docs/corrections.md):
- a line with a Fingerprint and no Error ID corrects its whole group;
- lines with an Error ID count for the error's group (the warehouse knows it). When all
  corrected lines of one group agree, the group gets one correction (per fingerprint);
- when they disagree (a group corrected two ways), that is reported as a conflict and each
  line is kept as a correction of its single error (per error_id), except lines that agree
  with a group-wide line of the same file, which the group correction already covers.
The seed keeps one row per corrected group or error: a new category replaces the old one, the
same category changes nothing, so importing a file twice writes nothing the second time.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from job_insights.config import Settings
from job_insights.report import CORRECTED_CATEGORY, utc_now
from job_insights.warehouse import MARTS_SCHEMA, fetch_all

#: The error a correction was made on (for a group, a sample of it): rules are regression-tested
#: on these (tests/test_rule_fixtures.py) and they show what was corrected without the warehouse.
ERROR_COLUMNS = ("exception_type", "error_message", "activity_name", "error_code")
SEED_COLUMNS = ("fingerprint", "error_id", "category", "note", "corrected_by", "corrected_at",
                *ERROR_COLUMNS)
DELIMITERS = (",", ";", "\t", "|")
ID_PATTERN = re.compile(r"^[0-9a-f]{32}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
HEADER_KEYS = {
    "correctedcategory": "corrected_category",
    "errorid": "error_id",
    "fingerprint": "fingerprint",
    "note": "note",
    "notes": "note",
    "errorcategory": "category",
}


class CorrectionsFileError(ValueError):
    """The file cannot be read or is not a corrections export at all."""


@dataclass(frozen=True)
class Line:
    """A line of the file with a corrected category."""

    number: int
    category: str
    error_id: str | None
    fingerprint: str | None
    note: str


@dataclass(frozen=True)
class Invalid:
    number: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.number}: {self.reason}"


@dataclass(frozen=True)
class Correction:
    kind: str  # "fingerprint" or "error_id"
    target: str
    category: str
    note: str
    lines: tuple[int, ...]


@dataclass
class ImportResult:
    path: Path
    seed_path: Path
    delimiter: str
    data_lines: int = 0
    corrected_lines: int = 0
    invalid: list[Invalid] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    written: bool = False
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.invalid

    def summary(self) -> str:
        delimiter = {"\t": "tab"}.get(self.delimiter, repr(self.delimiter))
        lines = [f"Read {self.data_lines} lines of {self.path.name} (delimiter {delimiter}): "
                 f"{self.corrected_lines} with a corrected category."]
        if self.invalid:
            lines.append(f"Invalid lines ({len(self.invalid)}):")
            lines += [f"  {problem}" for problem in self.invalid]
        if self.conflicts:
            lines.append(f"Conflicts ({len(self.conflicts)}):")
            lines += [f"  {conflict}" for conflict in self.conflicts]
        if self.added or self.changed:
            verb = "Changes to" if self.written else "Changes (not written) to"
            lines.append(f"{verb} {self.seed_path.name}:")
            lines += [f"  + {item}" for item in self.added]
            lines += [f"  ~ {item}" for item in self.changed]
        if self.unchanged:
            lines.append(f"  = {self.unchanged} corrections already recorded, unchanged")
        if self.written:
            lines.append(f"Wrote {len(self.added)} new and {len(self.changed)} changed "
                         f"corrections to {self.seed_path}. "
                         "The next `job-insights run` applies them.")
        elif self.dry_run and (self.added or self.changed):
            lines.append("Dry run: nothing written.")
        elif self.invalid and not self.added and not self.changed:
            lines.append("Nothing written.")
        elif self.invalid:
            lines.append("Nothing written: fix the lines above, or pass --skip-invalid to write "
                         "the valid ones.")
        else:
            lines.append("Nothing to write: the seed already holds these corrections.")
        return "\n".join(lines)


def categories(project_dir: Path) -> list[str]:
    """Categories a correction may name (all but UNKNOWN)."""
    path = project_dir / "seeds" / "error_categories.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["category"] for row in csv.DictReader(handle) if row["category"] != "UNKNOWN"]


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _header_key(name: str) -> str | None:
    return HEADER_KEYS.get(re.sub(r"[^a-z]", "", name.lower()))


def sniff_delimiter(first_line: str) -> str:
    """The delimiter that splits the header into the most known column names."""
    def known(delimiter: str) -> int:
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        return sum(1 for cell in cells if _header_key(cell))
    return max(DELIMITERS, key=lambda delimiter: (known(delimiter), delimiter == ","))


def _cell(value: str | None) -> str:
    """A cell without padding and without Excel's `="..."` text-formula wrapping."""
    text = (value or "").strip()
    match = re.fullmatch(r'="(.*)"', text)
    return match.group(1).strip() if match else text


def read_lines(path: Path, allowed: Sequence[str]) -> tuple[str, int, list[Line], list[Invalid]]:
    """(delimiter, data lines, lines with a corrected category, invalid lines)."""
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        raise CorrectionsFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    first_line = text.splitlines()[0] if text.strip() else ""
    delimiter = sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    columns = {key: index for index, name in enumerate(header or [])
               if (key := _header_key(name)) is not None}
    if "corrected_category" not in columns:
        raise CorrectionsFileError(
            f"{path} has no {CORRECTED_CATEGORY!r} column: export one with "
            "`job-insights corrections export` (or `report --format csv`) and fill it in"
        )
    if "error_id" not in columns and "fingerprint" not in columns:
        raise CorrectionsFileError(f"{path} has neither an 'Error ID' nor a 'Fingerprint' column")
    lines: list[Line] = []
    invalid: list[Invalid] = []
    data_lines = 0
    previous_end = reader.line_num
    for cells in reader:
        number, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        data_lines += 1

        def get(key: str, cells: list[str] = cells) -> str:
            index = columns.get(key)
            return _cell(cells[index]) if index is not None and index < len(cells) else ""

        raw_category = get("corrected_category")
        if not raw_category:
            continue
        category = re.sub(r"[\s-]+", "_", raw_category.upper())
        error_id = get("error_id").lower() or None
        fingerprint = get("fingerprint").lower() or None
        problems = []
        if category not in allowed:
            problems.append(f"unknown category {raw_category!r} (use one of {', '.join(allowed)})")
        if error_id is None and fingerprint is None:
            problems.append("no Error ID and no Fingerprint: the line names no error")
        for label, value in (("Error ID", error_id), ("Fingerprint", fingerprint)):
            if value is not None and not ID_PATTERN.match(value):
                problems.append(f"{label} {value!r} is malformed (32 hex digits expected)")
        if problems:
            invalid.append(Invalid(number, "; ".join(problems)))
            continue
        lines.append(Line(number, category, error_id, fingerprint, get("note")))
    return delimiter, data_lines, lines, invalid


def _chunks(values: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _lookup(settings: Settings, column: str, values: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Rows of fct_job_errors by error_id, or one row per fingerprint."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(sorted(set(values))):
        params = {f"v{index}": value for index, value in enumerate(chunk)}
        placeholders = ", ".join(f"%({name})s" for name in params)
        rows = fetch_all(
            settings,
            f"select error_id, fingerprint, category, classified_by, exception_type, "
            f"error_message, activity_name, error_code from {MARTS_SCHEMA}.fct_job_errors "
            f"where {column} in ({placeholders})",
            params,
        )
        for row in rows:
            found.setdefault(row[column], row)
    return found


def _group_sizes(settings: Settings, fingerprints: Iterable[str]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for chunk in _chunks(sorted(set(fingerprints))):
        params = {f"v{index}": value for index, value in enumerate(chunk)}
        placeholders = ", ".join(f"%({name})s" for name in params)
        for row in fetch_all(
            settings,
            f"select fingerprint, count(*) as errors from {MARTS_SCHEMA}.fct_job_errors "
            f"where fingerprint in ({placeholders}) group by fingerprint",
            params,
        ):
            sizes[row["fingerprint"]] = int(row["errors"])
    return sizes


def check_against_warehouse(
    settings: Settings, lines: list[Line]
) -> tuple[list[Line], list[Invalid], dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """Lines whose ids exist (each with its group's fingerprint), invalid ones, a sample row of
    each group named, and the row of each error named."""
    errors = _lookup(settings, "error_id", [line.error_id for line in lines if line.error_id])
    groups = _lookup(settings, "fingerprint",
                     [line.fingerprint for line in lines if line.fingerprint])
    valid: list[Line] = []
    invalid: list[Invalid] = []
    for line in lines:
        if line.error_id is not None:
            row = errors.get(line.error_id)
            if row is None:
                invalid.append(Invalid(line.number, f"error id {line.error_id} does not exist "
                                                    "in the warehouse"))
                continue
            if line.fingerprint is not None and line.fingerprint != row["fingerprint"]:
                invalid.append(Invalid(
                    line.number, f"error {line.error_id} belongs to group {row['fingerprint']}, "
                                 f"not {line.fingerprint}"))
                continue
            groups.setdefault(row["fingerprint"], row)
            valid.append(Line(line.number, line.category, line.error_id, row["fingerprint"],
                              line.note))
        elif line.fingerprint not in groups:
            invalid.append(Invalid(line.number, f"fingerprint {line.fingerprint} does not exist "
                                                "in the warehouse"))
        else:
            valid.append(line)
    return valid, invalid, groups, errors


def find_duplicate_conflicts(lines: list[Line]) -> tuple[list[Line], list[Invalid]]:
    """Refuse lines that correct the same error (or, without error id, the same group) two
    ways; identical duplicates are fine."""
    by_target: dict[tuple[str, str], list[Line]] = {}
    for line in lines:
        key = ("error_id", line.error_id) if line.error_id else ("fingerprint", line.fingerprint)
        by_target.setdefault(key, []).append(line)  # type: ignore[arg-type]
    bad: set[int] = set()
    invalid: list[Invalid] = []
    for (kind, target), same in by_target.items():
        if len({line.category for line in same}) > 1:
            where = ", ".join(f"{line.category} on line {line.number}" for line in same)
            label = "error" if kind == "error_id" else "group"
            for line in same:
                bad.add(line.number)
                invalid.append(Invalid(
                    line.number, f"conflicting duplicate: {label} {target} is corrected as "
                                 f"{where}"))
    return [line for line in lines if line.number not in bad], invalid


def _describe(group: dict[str, Any] | None, fingerprint: str, size: int | None) -> str:
    if group is None:
        return f"group {fingerprint[:12]}"
    message = " ".join((group.get("error_message") or "").split())
    message = message if len(message) <= 60 else message[:57] + "..."
    count = f", {size} errors" if size else ""
    return (f"group {fingerprint[:12]} ({group.get('exception_type') or 'no exception'}"
            f"{count}: {message})")


def build_corrections(
    lines: list[Line], groups: dict[str, dict[str, Any]], sizes: dict[str, int]
) -> tuple[list[Correction], list[str]]:
    """Per-group corrections, per-error ones where a group was corrected two ways; conflicts."""
    by_group: dict[str, list[Line]] = {}
    for line in lines:
        by_group.setdefault(line.fingerprint or "", []).append(line)
    corrections: list[Correction] = []
    conflicts: list[str] = []
    for fingerprint, group_lines in by_group.items():
        group_wide = [line for line in group_lines if line.error_id is None]
        categories_seen = sorted({line.category for line in group_lines})
        note = next((line.note for line in group_lines if line.note), "")
        if len(categories_seen) == 1:
            corrections.append(Correction("fingerprint", fingerprint, categories_seen[0], note,
                                          tuple(line.number for line in group_lines)))
            continue
        detail = "; ".join(
            f"{category} on line{'s' if len(numbers) > 1 else ''} {', '.join(numbers)}"
            for category in categories_seen
            if (numbers := [str(line.number) for line in group_lines
                            if line.category == category])
        )
        group_category = group_wide[0].category if group_wide else None
        if group_category:
            corrections.append(Correction("fingerprint", fingerprint, group_category,
                                          group_wide[0].note,
                                          tuple(line.number for line in group_wide)))
        singles = [line for line in group_lines
                   if line.error_id is not None and line.category != group_category]
        for line in singles:
            corrections.append(Correction("error_id", line.error_id or "", line.category,
                                          line.note, (line.number,)))
        outcome = (f"group set to {group_category}, {len(singles)} single errors set apart"
                   if group_category else f"recorded per error ({len(singles)} errors)")
        label = _describe(groups.get(fingerprint), fingerprint, sizes.get(fingerprint))
        conflicts.append(f"{label} corrected two ways: {detail}: {outcome}")
    return corrections, conflicts


def read_seed(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{column: row.get(column) or "" for column in SEED_COLUMNS}
                for row in csv.DictReader(handle)]


def write_atomically(path: Path, rows: list[dict[str, str]], columns: Sequence[str]) -> None:
    """Write the CSV next to `path`, then rename it over `path`: readers never see half."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def error_text(row: dict[str, Any] | None) -> dict[str, str]:
    """The ERROR_COLUMNS of a warehouse row as seed cells."""
    row = row or {}
    return {column: "" if row.get(column) is None else str(row[column])
            for column in ERROR_COLUMNS}


def merge(
    seed: list[dict[str, str]], corrections: list[Correction], user: str, now: datetime,
    groups: dict[str, dict[str, Any]], sizes: dict[str, int], current: dict[str, str],
    errors: dict[str, dict[str, Any]] | None = None,
) -> tuple[list[dict[str, str]], list[str], list[str], int]:
    """(new seed rows, added, changed, unchanged): one row per corrected group or error, with
    the error it was made on (the group's sample for a group)."""
    rows = [dict(row) for row in seed]
    newest: dict[tuple[str, str], int] = {}
    for position, row in enumerate(rows):
        kind = "fingerprint" if row["fingerprint"].strip() else "error_id"
        key = (kind, row[kind].strip().lower())
        if key not in newest or row["corrected_at"] >= rows[newest[key]]["corrected_at"]:
            newest[key] = position
    added: list[str] = []
    changed: list[str] = []
    unchanged = 0
    stamp = now.strftime("%Y-%m-%d %H:%M:%S")
    for correction in corrections:
        if correction.kind == "fingerprint":
            label = _describe(groups.get(correction.target), correction.target,
                              sizes.get(correction.target))
        else:
            label = f"error {correction.target[:12]}"
        source = f"(line{'s' if len(correction.lines) > 1 else ''} " \
                 f"{', '.join(map(str, correction.lines))})"
        key = (correction.kind, correction.target)
        index = newest.get(key)
        if index is not None and rows[index]["category"].strip().upper() == correction.category:
            unchanged += 1
            continue
        new_row = {
            "fingerprint": correction.target if correction.kind == "fingerprint" else "",
            "error_id": correction.target if correction.kind == "error_id" else "",
            "category": correction.category, "note": correction.note,
            "corrected_by": user, "corrected_at": stamp,
            **error_text((groups if correction.kind == "fingerprint" else errors or {})
                         .get(correction.target)),
        }
        if index is not None:
            old = rows[index]
            changed.append(f"{label}: {old['category']} -> {correction.category} {source}, "
                           f"was corrected by {old['corrected_by'] or '?'} "
                           f"at {old['corrected_at'] or '?'}")
            rows[index] = new_row
        else:
            was = current.get(correction.target, "?")
            added.append(f"{label}: {was} -> {correction.category} {source}")
            newest[key] = len(rows)
            rows.append(new_row)
    return rows, added, changed, unchanged


def seed_path(settings: Settings) -> Path:
    return settings.project_dir / "seeds" / "error_corrections.csv"


def import_corrections(
    settings: Settings, path: Path, user: str, skip_invalid: bool = False,
    dry_run: bool = False, now: datetime | None = None,
) -> ImportResult:
    """Validate `path` and merge its corrections into the seed (see the module docstring)."""
    if not EMAIL_PATTERN.match(user):
        raise CorrectionsFileError(f"--user must be an email address, got {user!r}")
    target = seed_path(settings)
    delimiter, data_lines, lines, invalid = read_lines(path, categories(settings.project_dir))
    result = ImportResult(path=path, seed_path=target, delimiter=delimiter,
                          data_lines=data_lines,
                          corrected_lines=len(lines) + len(invalid), dry_run=dry_run)
    missing: list[Invalid] = []
    groups: dict[str, dict[str, Any]] = {}
    errors: dict[str, dict[str, Any]] = {}
    if lines:
        lines, missing, groups, errors = check_against_warehouse(settings, lines)
    lines, duplicates = find_duplicate_conflicts(lines)
    result.invalid = sorted([*invalid, *missing, *duplicates], key=lambda item: item.number)
    sizes = _group_sizes(settings, groups) if groups else {}
    corrections, result.conflicts = build_corrections(lines, groups, sizes)
    current = {fingerprint: row["category"] for fingerprint, row in groups.items()}
    current.update({line.error_id: groups[line.fingerprint or ""]["category"]
                    for line in lines if line.error_id and line.fingerprint in groups})
    rows, result.added, result.changed, result.unchanged = merge(
        read_seed(target), corrections, user, now or utc_now(), groups, sizes, current, errors)
    if (result.added or result.changed) and (result.ok or skip_invalid) and not dry_run:
        write_atomically(target, rows, SEED_COLUMNS)
        result.written = True
    return result
